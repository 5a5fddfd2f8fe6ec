"""The six criteria: vectorised scores in [0, 1] with short reasons."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from invite_triage import InvalidInputError, Profile
from invite_triage.domain import criteria
from invite_triage.domain.criteria import (
    CRITERIA,
    REASONS,
    reason_keys,
    reason_texts,
    score_criteria,
)
from invite_triage.domain.schema import empty_invitations
from invite_triage.world import datasets

PROFILE = Profile(
    name="Camille Laurent",
    title="Community Manager",
    goals=("reputation",),
    groups=("Community Managers France",),
    known_people=("Chloé Morel",),
    language="en",
)


def invitation(**fields) -> dict:
    row = {
        "name": "Alex Martin",
        "title": "Infirmière",
        "company": "CHU de Lyon",
        "years_experience": 5.0,
        "mutual_connections": 0,
        "mutual_titles": [],
        "shared_groups": [],
        "message": "",
        "known_offline": False,
        "sent_at": pd.Timestamp("2025-03-01 10:00"),
    }
    row.update(fields)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame(list(rows))
    for col in ("mutual_titles", "shared_groups"):
        cells = np.empty(len(rows), dtype=object)
        cells[:] = [list(r[col]) for r in rows]
        df[col] = cells
    return df


def score(name: str, *rows: dict, profile: Profile = PROFILE) -> np.ndarray:
    return getattr(criteria, name)(frame(*rows), profile)["score"].to_numpy()


@pytest.fixture(scope="module")
def world():
    return datasets.load_invitations(), datasets.example_profile()


def test_every_criterion_returns_scores_in_range_and_reasons(world):
    df, profile = world
    for name in CRITERIA:
        result = getattr(criteria, name)(df, profile)
        assert list(result.columns) == ["score", "reason"], name
        assert result.index.equals(df.index)
        assert result["score"].between(0, 1).all(), name
        assert result["reason"].notna().all()
        assert set(result["reason"].astype(str)) <= set(reason_texts(name, profile.language))


def test_score_criteria_has_one_column_per_criterion(world):
    df, profile = world
    shuffled = df.sample(frac=1, random_state=3)
    table = score_criteria(shuffled, profile)
    assert list(table.columns) == list(CRITERIA)
    assert table.index.equals(shuffled.index)
    for name in CRITERIA:
        single = getattr(criteria, name)(shuffled, profile)["score"]
        np.testing.assert_array_equal(table[name].to_numpy(), single.to_numpy())


def test_reasons_follow_the_profile_language(world):
    df, profile = world
    fr = criteria.job(df, dataclasses.replace(profile, language="fr"))["reason"].astype(str)
    en = criteria.job(df, dataclasses.replace(profile, language="en"))["reason"].astype(str)
    assert fr.str.startswith("son poste").all()
    assert en.str.startswith("their job").all()


def test_reason_table_is_complete():
    assert {row[0] for row in REASONS} == set(CRITERIA)
    for name in CRITERIA:
        assert len(reason_texts(name, "en")) == len(reason_texts(name, "fr")) == len(
            reason_keys(name)
        )
    assert all(row[2] in (-1, 0, 1) for row in REASONS)


def test_job_follows_family_weights_and_goals():
    rows = [invitation(title=t) for t in ("Social Media Manager", "Talent Acquisition Partner",
                                          "Gérante", "Infirmière")]
    own, hr, boss, other = score("job", *rows)
    assert own == 1.0
    assert other < 0.5 <= boss and other < hr
    seeker = dataclasses.replace(PROFILE, goals=("job_search",))
    assert score("job", rows[1], profile=seeker)[0] > hr
    fond_of_nurses = dataclasses.replace(PROFILE, family_overrides={"other": 0.9})
    assert score("job", rows[3], profile=fond_of_nurses)[0] == pytest.approx(0.9)


def test_career_is_never_a_reason_to_decline_and_follows_mentoring():
    beginner = invitation(title="Stagiaire marketing digital", years_experience=0.5)
    expert = invitation(title="Senior Content Writer", years_experience=12.0)
    cold = dataclasses.replace(PROFILE, mentoring=0.0)
    warm = dataclasses.replace(PROFILE, mentoring=1.0)
    assert score("career", beginner, profile=cold)[0] == pytest.approx(0.5)
    assert score("career", beginner, profile=warm)[0] == pytest.approx(1.0)
    assert score("career", expert)[0] > 0.5
    reason = criteria.career(frame(beginner), warm)["reason"].astype(str).iloc[0]
    assert "starting out" in reason
    df = datasets.load_invitations()
    assert criteria.career(df, cold)["score"].min() >= 0.5


def test_mutuals_count_saturates_and_who_they_are_matters():
    relevant = [invitation(mutual_connections=k, mutual_titles=["Community Manager"] * k)
                for k in (0, 1, 3, 10, 30)]
    values = score("mutuals", *relevant)
    assert values[0] == 0.0
    assert np.all(np.diff(values) > 0)
    assert values[4] - values[3] < values[2] - values[1]  # diminishing returns
    unrelated = invitation(mutual_connections=3, mutual_titles=["Chef de cuisine"] * 3)
    assert score("mutuals", unrelated)[0] < values[2]
    # a count with no listed titles (what a profile page shows) still counts a little
    count_only = invitation(mutual_connections=4, mutual_titles=[])
    result = criteria.mutuals(frame(count_only), PROFILE)
    assert 0 < result["score"].iloc[0] < values[2]
    assert "not listed" in str(result["reason"].iloc[0])
    doc = criteria.mutuals.__doc__
    assert "Rajkumar" in doc and "Science 377" in doc and "weak ties" in doc


def test_groups_and_known():
    mine = "Community Managers France"
    groups = score("groups", *(invitation(shared_groups=[mine] * k) for k in (0, 1, 2)))
    assert groups[0] == 0 and 0.5 < groups[1] < groups[2] < 1
    # only your own groups count (case and accents aside); a profile without groups counts all
    other_and_mine = invitation(shared_groups=["Knitting Club", "COMMUNITY managers france"])
    assert score("groups", other_and_mine)[0] == groups[1]
    no_groups = dataclasses.replace(PROFILE, groups=())
    knitting = frame(invitation(shared_groups=["Knitting Club"]))
    assert criteria.groups(knitting, no_groups)["score"].iloc[0] > 0
    rows = [invitation(known_offline=True), invitation(name="CHLOE  morel"), invitation()]
    assert list(score("known", *rows)) == [1.0, 1.0, 0.0]


def test_intent_scores_pitch_lowest_and_personal_highest():
    notes = ["Hi, we met at the Lyon meetup last week.", "", "I'd like to add you to my network.",
             "Book a quick call for a free demo"]
    personal, empty, generic, pitch = score("intent", *(invitation(message=m) for m in notes))
    assert personal == 1.0 and pitch == 0.0
    assert personal > empty > generic > pitch


def test_empty_input_gives_empty_scores():
    table = score_criteria(empty_invitations(), PROFILE)
    assert table.empty and list(table.columns) == list(CRITERIA)
    assert criteria.mutuals(empty_invitations(), PROFILE).empty


def test_bad_input_names_the_problem():
    with pytest.raises(InvalidInputError, match="mutual_titles"):
        score_criteria(frame(invitation()).drop(columns=["mutual_titles"]), PROFILE)
