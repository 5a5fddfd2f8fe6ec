"""The learner's annotations: saved under data/private, appended, never truncated or lost."""

from __future__ import annotations

import os
from datetime import datetime

import pandas as pd
import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.schema import empty_invitations, validate_invitations
from invite_triage.linkedin.annotations import (
    ANNOTATION_COLUMNS,
    LOCK_NAME,
    annotation_files,
    apply_annotations,
    load_annotations,
    save_annotation,
    save_annotations,
)

DAY = datetime(2026, 11, 25, 14, 37, 5)
LATER = datetime(2026, 11, 25, 15, 0, 0)
NEXT_DAY = datetime(2026, 11, 26, 9, 0, 0)


def test_round_trip_with_types(tmp_path):
    path = save_annotation(
        folder=tmp_path, now=DAY, name="Chloé Dupont", url="https://www.linkedin.com/in/chloe-d",
        title="Chargée de recrutement", company="Havas, Paris", years_experience=6.5,
        mutual_connections=3, mutual_titles=["CMO", "Community Manager"],
        shared_groups=("Les Pros de la Com'",), known_offline=True, decision="accept",
        note='met at "Meetup", line 1\nline 2',
    )
    assert path == tmp_path / "annotations-2026-11-25.csv"
    got = load_annotations(tmp_path)
    assert list(got.columns) == list(ANNOTATION_COLUMNS)
    row = got.iloc[0]
    assert row["saved_at"] == pd.Timestamp(DAY)
    assert row["company"] == "Havas, Paris" and row["years_experience"] == 6.5
    assert row["mutual_connections"] == 3 and got["mutual_connections"].dtype == "int64"
    assert row["mutual_titles"] == ["CMO", "Community Manager"]
    assert row["shared_groups"] == ["Les Pros de la Com'"]
    assert got["known_offline"].dtype == bool and row["known_offline"]
    assert row["decision"] == "accept" and row["note"] == 'met at "Meetup", line 1\nline 2'


def test_appends_and_never_truncates(tmp_path):
    first = save_annotation(folder=tmp_path, now=DAY, name="Ada Martin", decision="ask")
    before = first.read_bytes()
    second = save_annotation(folder=tmp_path, now=LATER, name="Bob Roy", decision="decline")
    assert first == second
    after = second.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert after.count(b"saved_at,") == 1  # one header
    assert load_annotations(tmp_path)["name"].tolist() == ["Ada Martin", "Bob Roy"]


def test_a_new_day_starts_a_new_file_and_older_files_stay(tmp_path):
    save_annotation(folder=tmp_path, now=DAY, name="Ada Martin")
    save_annotation(folder=tmp_path, now=NEXT_DAY, name="Bob Roy")
    assert [p.name for p in annotation_files(tmp_path)] == [
        "annotations-2026-11-25.csv", "annotations-2026-11-26.csv"]
    assert len(load_annotations(tmp_path)) == 2


def test_latest_annotation_wins_history_kept(tmp_path):
    save_annotation(folder=tmp_path, now=DAY, name="Ada Martin", mutual_connections=1)
    save_annotation(folder=tmp_path, now=NEXT_DAY, name="ada  martin", mutual_connections=5,
                    decision="accept")
    latest = load_annotations(tmp_path)
    assert len(latest) == 1 and latest.iloc[0]["mutual_connections"] == 5
    history = load_annotations(tmp_path, latest=False)
    assert history["mutual_connections"].tolist() == [1, 5]


def test_a_crash_while_saving_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    path = save_annotation(folder=tmp_path, now=DAY, name="Ada Martin")
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InvalidInputError, match="disk full"):
        save_annotation(folder=tmp_path, now=LATER, name="Bob Roy")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != LOCK_NAME) == [
        "annotations-2026-11-25.csv"]


def test_invalid_annotations_are_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(InvalidInputError) as info:
        save_annotations(
            [{"name": "Ada", "decision": "maybe"},
             {"name": "", "url": ""},
             {"name": "Bob", "mutual_connections": -2, "years_experience": "ten",
              "known_offline": "yes", "colour": "blue"}],
            folder=tmp_path, now=DAY,
        )
    problems = "\n".join(info.value.problems)
    assert "annotation 1: 'decision' = 'maybe', expected one of accept, ask, decline" in problems
    assert "annotation 2: 'name'" in problems
    assert "annotation 3: 'mutual_connections' = -2" in problems
    assert "annotation 3: 'years_experience' = 'ten'" in problems
    assert "annotation 3: 'known_offline' = 'yes'" in problems
    assert "annotation 3: unknown field(s) ['colour']" in problems
    assert annotation_files(tmp_path) == []
    with pytest.raises(InvalidInputError, match="nothing to save"):
        save_annotations([], folder=tmp_path)


def test_a_file_in_another_layout_is_never_appended_to(tmp_path):
    foreign = tmp_path / "annotations-2026-11-25.csv"
    foreign.write_text("who,what\nsomeone,something\n", encoding="utf-8")
    path = save_annotation(folder=tmp_path, now=DAY, name="Ada Martin")
    assert path.name == "annotations-2026-11-25-2.csv"
    assert foreign.read_text(encoding="utf-8") == "who,what\nsomeone,something\n"
    assert load_annotations(tmp_path)["name"].tolist() == ["Ada Martin"]


def test_dataframe_input_and_default_private_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("INVITE_TRIAGE_PRIVATE", str(tmp_path))
    frame = pd.DataFrame({"name": ["Ada Martin", "Bob Roy"], "mutual_connections": [2, 0],
                          "shared_groups": [["G1", "G2"], []], "saved_at": ["x", "y"]})
    path = save_annotations(frame, now=DAY)
    assert path.parent == tmp_path
    got = load_annotations()
    assert got["shared_groups"].tolist() == [["G1", "G2"], []]


def test_empty_folder_gives_an_empty_typed_frame(tmp_path):
    got = load_annotations(tmp_path)
    assert got.empty and list(got.columns) == list(ANNOTATION_COLUMNS)


def invitations(names, urls):
    out = empty_invitations().reindex(range(len(names)))
    out["name"] = pd.Series(names, dtype=object)
    out["title"] = ""
    out["company"] = ""
    out["mutual_connections"] = 0
    out["mutual_titles"] = [[] for _ in names]
    out["shared_groups"] = [[] for _ in names]
    out["message"] = ""
    out["known_offline"] = False
    out["sent_at"] = pd.Timestamp("2026-01-01")
    out["url"] = pd.Series(urls, dtype=object)
    return validate_invitations(out)


def test_apply_by_url_then_by_name_without_mixing_namesakes(tmp_path):
    save_annotations([
        {"name": "Marie Martin", "url": "https://www.linkedin.com/in/marie-1", "title": "CMO",
         "mutual_connections": 7, "mutual_titles": ["CEO"], "decision": "accept"},
        {"name": "Bob Roy", "title": "Recruiter", "known_offline": True},
    ], folder=tmp_path, now=DAY)
    inv = invitations(
        ["Marie Martin", "Marie Martin", "Bob Roy", "Zoé Zed"],
        ["https://www.linkedin.com/in/marie-1", "https://www.linkedin.com/in/marie-2",
         "https://www.linkedin.com/in/bob-roy", ""],
    )
    out = apply_annotations(inv, load_annotations(tmp_path))
    assert out["title"].tolist() == ["CMO", "", "Recruiter", ""]
    assert out["mutual_connections"].tolist() == [7, 0, 0, 0]
    assert out["mutual_titles"].tolist() == [["CEO"], [], [], []]
    assert out["known_offline"].tolist() == [False, False, True, False]
    assert out["your_decision"].tolist() == ["accept", "", "", ""]
    validate_invitations(out)
    assert inv["title"].tolist() == ["", "", "", ""]  # the input is left alone
