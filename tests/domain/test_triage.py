"""The engine: decisions, policy rules, reasons, presets and input checks."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from invite_triage import InvalidInputError
from invite_triage.domain.criteria import CRITERIA, reason_texts
from invite_triage.domain.schema import REQUIRED_COLUMNS, empty_invitations
from invite_triage.domain.triage import (
    DEFAULT_THRESHOLDS,
    GOAL_MULTIPLIERS,
    OUTPUT_COLUMNS,
    preset_weights,
    triage,
)
from invite_triage.world import datasets
from tests.domain.test_criteria import PROFILE, frame, invitation

PEER = invitation(
    name="Léa Petit", title="Social Media Manager", mutual_connections=8,
    mutual_titles=["Community Manager"] * 8, shared_groups=["Community Managers France"],
    message="Hi, we met at the Lyon meetup last week.",
)
STRANGER = invitation(name="Bob Stone", title="Mechanical Engineer", message="Hi, let's connect!")
PITCH_PEER = {**PEER, "name": "Paul Vente", "message": "Hi, book a quick call for a free demo!"}


@pytest.fixture(scope="module")
def world():
    df, profile = datasets.load_invitations(), datasets.example_profile("fr")
    return df, profile, triage(df, profile)


def test_output_columns_and_untouched_input(world):
    df, _, result = world
    assert list(result.columns) == [*df.columns, *OUTPUT_COLUMNS]
    pd.testing.assert_frame_equal(result[list(df.columns)], df)
    assert set(result["decision"]) <= {"accept", "ask", "decline"}
    assert {"accept", "ask", "decline"} == set(result["decision"])
    for name in (*CRITERIA, "score"):
        assert result[name].between(0, 1).all(), name
    assert result["reasons"].str.len().gt(10).all()


def test_input_frame_is_not_modified(world):
    df, profile, _ = world
    before = df.copy()
    triage(df, profile)
    pd.testing.assert_frame_equal(df, before)


def test_score_is_the_weighted_mean_and_thresholds_decide():
    rows = frame(PEER, STRANGER)
    weights = {"job": 1, "career": 0, "mutuals": 0, "groups": 0, "known": 0, "intent": 0}
    result = triage(rows, PROFILE, weights=weights)
    np.testing.assert_allclose(result["score"], result["job"])
    everyone = triage(rows, PROFILE, thresholds={"accept": 0.0, "ask": 0.0})
    assert list(everyone["decision"]) == ["accept", "accept"]
    nobody = triage(rows, PROFILE, thresholds={"accept": 1.0, "ask": 1.0})
    assert list(nobody["decision"]) == ["decline", "decline"]


def test_clear_cases(world):
    result = triage(frame(PEER, STRANGER), PROFILE)
    assert list(result["decision"]) == ["accept", "decline"]
    peer, stranger = result["reasons"]
    assert peer.startswith("Accept:") and "your own field" in peer
    assert stranger.startswith("Decline:") and "no clear link" in stranger


def test_reasons_in_french_for_a_french_profile(world):
    _, profile, result = world
    assert profile.language == "fr"
    assert result["reasons"].str.match(r"^(Accepter|Demander d'abord|Ignorer) :").all()
    english = triage(frame(PEER), dataclasses.replace(profile, language="en"))
    assert english["reasons"].iloc[0].startswith("Accept:")


def test_a_pitch_is_never_accepted_automatically():
    for policy in ("balanced", "open", "known_only"):
        profile = dataclasses.replace(PROFILE, policy=policy)
        known_pitch = {**PITCH_PEER, "known_offline": True}
        result = triage(frame(PITCH_PEER, known_pitch), profile,
                        thresholds={"accept": 0.0, "ask": 0.0})
        assert "accept" not in set(result["decision"]), policy
    result = triage(frame(PITCH_PEER), PROFILE, thresholds={"accept": 0.0, "ask": 0.0})
    assert result["decision"].iloc[0] == "ask"
    assert "sales pitch" in result["reasons"].iloc[0]


def test_known_only_declines_everyone_you_do_not_know(world):
    df, profile, _ = world
    strict = triage(df, dataclasses.replace(profile, policy="known_only"))
    known = df["known_offline"] | df["name"].isin(profile.known_people)
    assert (strict.loc[~known, "decision"] == "decline").all()
    assert (strict.loc[known, "decision"] != "decline").all()
    assert strict.loc[~known, "reasons"].str.contains("que vous connaissez").all()


def test_someone_you_know_is_never_declined_for_their_job_alone():
    friend = {**STRANGER, "name": "Chloé Morel", "message": ""}  # in profile.known_people
    stranger = {**friend, "name": "Someone Else"}
    same_job_as_you = {**friend, "title": "Community Manager"}
    result = triage(frame(friend, stranger, same_job_as_you), PROFILE)
    assert result["job"].iloc[0] < 0.5
    assert result["decision"].iloc[1] == "decline"
    assert result["decision"].iloc[0] == result["decision"].iloc[2] != "decline"
    assert "job alone" in result["reasons"].iloc[0]


def test_open_policy_accepts_everyone_without_warning_signs():
    quiet_stranger = {**STRANGER, "message": "", "mutual_connections": 1,
                      "mutual_titles": ["Infirmière"]}
    likely_fake = {**STRANGER, "message": "I'd like to add you to my network."}
    profile = dataclasses.replace(PROFILE, policy="open")
    result = triage(frame(PEER, quiet_stranger, likely_fake, PITCH_PEER), profile)
    assert list(result["decision"][:2]) == ["accept", "accept"]
    assert result["decision"].iloc[2] != "accept"
    assert result["decision"].iloc[3] != "accept"
    assert "warning sign" in result["reasons"].iloc[2]
    balanced = triage(frame(quiet_stranger), PROFILE)
    assert balanced["decision"].iloc[0] == "decline"


def test_retriaging_a_triaged_table_replaces_the_old_columns(world):
    _, profile, result = world
    again = triage(result, profile, thresholds={"accept": 0.9, "ask": 0.8})
    assert list(again.columns) == list(result.columns)
    assert (again["decision"] == "accept").sum() < (result["decision"] == "accept").sum()
    pd.testing.assert_frame_equal(triage(result, profile), result)


def test_empty_frame_gives_an_empty_result_with_the_right_columns():
    result = triage(empty_invitations(), PROFILE)
    assert result.empty
    assert list(result.columns) == [*REQUIRED_COLUMNS, *OUTPUT_COLUMNS]


def test_preset_weights_follow_goals():
    base = preset_weights(dataclasses.replace(PROFILE, goals=()))
    assert set(base) == set(CRITERIA)
    assert sum(base.values()) == pytest.approx(1, abs=1e-3)
    for goal, multipliers in GOAL_MULTIPLIERS.items():
        shifted = preset_weights(dataclasses.replace(PROFILE, goals=(goal,)))
        for name, factor in multipliers.items():
            assert (shifted[name] > base[name]) == (factor > 1), (goal, name)
    assert 0 <= DEFAULT_THRESHOLDS["ask"] <= DEFAULT_THRESHOLDS["accept"] <= 1


def test_partial_weights_keep_the_preset_for_missing_keys():
    rows = frame(PEER, STRANGER)
    same = triage(rows, PROFILE, weights={"job": preset_weights(PROFILE)["job"]})
    pd.testing.assert_frame_equal(same, triage(rows, PROFILE))


@pytest.mark.parametrize(
    ("weights", "thresholds", "message"),
    [
        ({"jobb": 1.0}, None, r"weights\['jobb'\].*expected one of"),
        ({"job": -1.0}, None, r"weights\['job'\].*>= 0"),
        ({"job": float("nan")}, None, r"weights\['job'\].*>= 0"),
        ({"job": "high"}, None, r"weights\['job'\].*>= 0"),
        ({name: 0 for name in CRITERIA}, None, "all zero"),
        (None, {"accept": 1.5}, r"thresholds\['accept'\].*\[0, 1\]"),
        (None, {"ask": -0.1}, r"thresholds\['ask'\].*\[0, 1\]"),
        (None, {"ask": 0.8, "accept": 0.6}, "ask <= accept"),
        (None, {"maybe": 0.5}, r"thresholds\['maybe'\]"),
        ([1, 2], None, "dict"),
    ],
)
def test_bad_weights_and_thresholds_name_the_key_and_range(weights, thresholds, message):
    with pytest.raises(InvalidInputError, match=message):
        triage(frame(PEER), PROFILE, weights=weights, thresholds=thresholds)


def test_bad_invitations_are_reported():
    with pytest.raises(InvalidInputError, match="known_offline"):
        triage(frame(PEER).drop(columns=["known_offline"]), PROFILE)


def test_career_is_never_cited_as_a_reason_to_decline(world):
    _, profile, result = world
    career_clauses = reason_texts("career", profile.language)
    declined = result.loc[result["decision"] == "decline", "reasons"]
    assert len(declined) > 0
    for clause in career_clauses:
        assert not declined.str.contains(clause, regex=False).any(), clause


def test_works_with_a_repeated_index_and_text_columns_of_str_dtype(world):
    df, profile, _ = world
    sample = df.head(6).copy()
    sample.index = [0, 0, 1, 1, 2, 2]
    plain = triage(sample, profile)
    assert list(plain.index) == [0, 0, 1, 1, 2, 2]
    typed = sample.astype({"name": "str", "title": "str", "message": "str"})
    assert list(triage(typed, profile)["decision"]) == list(plain["decision"])
