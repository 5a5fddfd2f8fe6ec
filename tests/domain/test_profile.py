from __future__ import annotations

import dataclasses
import json

import pytest

from invite_triage import InvalidInputError, Profile, example_profile


def test_example_is_the_articles_community_manager():
    p = example_profile("fr")
    assert p.title == "Community Manager"
    assert p.language == "fr"
    assert example_profile("en").language == "en"  # the same person, in the guide's edition
    assert 3 <= len(p.groups) <= 8
    assert 1 <= len(p.known_people) <= 15


def test_replace_and_validation():
    p = dataclasses.replace(example_profile(), policy="known_only")
    assert p.policy == "known_only"
    with pytest.raises(InvalidInputError, match="policy"):
        dataclasses.replace(p, policy="everyone")
    with pytest.raises(InvalidInputError, match="mentoring"):
        Profile(mentoring=1.5)
    with pytest.raises(InvalidInputError, match="goals"):
        Profile(goals=("fame",))


def test_goals_move_family_weights():
    base = Profile(title="Community Manager", goals=())
    job = dataclasses.replace(base, goals=("job_search",))
    sell = dataclasses.replace(base, goals=("prospecting",))
    assert base.family_weights()["marketing"] == 1.0
    assert job.family_weights()["hr"] > base.family_weights()["hr"]
    assert sell.family_weights()["leadership"] > base.family_weights()["leadership"]
    assert base.relevant_families[0] == "marketing"
    assert "finance" not in base.relevant_families
    over = dataclasses.replace(base, family_overrides={"finance": 0.9})
    assert "finance" in over.relevant_families


def test_save_load_round_trip(tmp_path):
    p = example_profile()
    assert Profile.load(p.save(tmp_path / "me.json")) == p


def test_load_errors_name_file_and_field(tmp_path):
    bad = tmp_path / "me.json"
    bad.write_text('{"title": "CM", "colour": "blue"}', "utf-8")
    with pytest.raises(InvalidInputError) as info:
        Profile.load(bad)
    assert "me.json" in str(info.value) and "colour" in str(info.value)
    bad.write_text('{"title": ', "utf-8")
    with pytest.raises(InvalidInputError, match="line 1"):
        Profile.load(bad)
    bad.write_text(json.dumps({"mentoring": 3}), "utf-8")
    with pytest.raises(InvalidInputError, match="mentoring"):
        Profile.load(bad)


@pytest.mark.parametrize(("fields", "expected"), [
    ({"name": None}, "name: got None; expected text"),
    ({"title": 5}, "title: got 5; expected text"),
    ({"goals": None}, "goals: got None; expected a list of text"),
    ({"groups": [["nested"]]}, "groups: got [['nested']]; expected a list of text"),
    ({"known_people": ["\ud800"]}, "known_people: got"),
    ({"family_overrides": ["hr"]}, "family_overrides: got ['hr']"),
    ({"family_overrides": {"hr": float("nan")}}, "family_overrides: 'hr'=nan"),
    ({"mentoring": float("nan")}, "mentoring: got nan"),
])
def test_wrong_types_are_named_not_raised_later(fields, expected):
    with pytest.raises(InvalidInputError) as info:
        Profile(**fields)
    assert expected in "\n".join(info.value.problems)


def test_any_iterable_of_text_is_accepted_for_lists():
    profile = Profile(goals=iter(["job_search"]), groups={"Les Pros de la Com'"},
                      known_people="Ada")
    assert profile.goals == ("job_search",) and profile.known_people == ("Ada",)
    assert profile.groups == ("Les Pros de la Com'",)


def test_profile_files_that_cannot_be_read(tmp_path):
    with pytest.raises(InvalidInputError, match="this is a folder"):
        Profile.load(tmp_path)
    (tmp_path / "bad.json").write_bytes(b'{"name": "Chlo\xe9"}')
    with pytest.raises(InvalidInputError, match="byte 14: invalid continuation byte"):
        Profile.load(tmp_path / "bad.json")
    with pytest.raises(InvalidInputError, match="could not be saved"):
        Profile().save(tmp_path / "bad.json" / "me.json")
