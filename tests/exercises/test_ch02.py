"""Chapter 02's checkers (career stage, one beginner's invitation, mentoring) and its bet.

Right answers pass and wrong ones get a hint (what every checker must do is in
``test_every_checker.py``). Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from invite_triage.domain.titles import classify_title, classify_titles
from invite_triage.domain.triage import triage


def test_ch02_answers(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch02")
    assert check.check_seniority_of_assistant(classify_title("Assistante communication")[1]).ok
    assert not check.check_seniority_of_assistant("senior").ok

    seniority = classify_titles(invitations["title"])["seniority"]
    beginner = seniority.isin(["student", "junior"]) | (
        seniority.eq("mid") & (invitations["years_experience"] < 2)
    )

    def accepted(mentoring: float) -> int:
        decided = triage(invitations, dataclasses.replace(profile, mentoring=mentoring))
        return int(decided.loc[beginner.to_numpy(), "decision"].eq("accept").sum())

    difference = accepted(1.0) - accepted(0.0)
    assert difference >= 0
    assert check.check_mentoring_accepts(difference).ok
    assert not check.check_mentoring_accepts(difference + 1).ok
    assert "difference" in check.check_mentoring_accepts(accepted(1.0)).message


def _decide(row, profile, mentoring):
    return triage(row, dataclasses.replace(profile, mentoring=mentoring))["decision"].iloc[0]


def test_the_mentee_is_a_beginner_whose_decision_the_setting_moves(profile):
    check = importlib.import_module("invite_triage.exercises.ch02")
    row = check.mentee()
    assert len(row) == 1 and not {"persona", "relevant"} & set(row.columns)
    assert classify_title(row["title"].iloc[0])[1] in ("student", "junior", "mid")
    assert _decide(row, profile, 0.0) != _decide(row, profile, 1.0)
    assert _decide(row, profile, 1.0) == "accept"


@pytest.mark.parametrize("mentoring", [0.0, 0.3, 0.7, 1.0])
def test_mentor_or_not_agrees_with_the_triage(profile, mentoring):
    check = importlib.import_module("invite_triage.exercises.ch02")
    decided = _decide(check.mentee(), profile, mentoring)
    assert check.check_mentor_or_not(decided, mentoring).ok
    other = "ask" if decided == "accept" else "accept"
    assert "the triage says" in check.check_mentor_or_not(other, mentoring).message


def test_mentor_or_not_explains_that_career_alone_never_declines(profile):
    check = importlib.import_module("invite_triage.exercises.ch02")
    row = check.mentee()
    assert all(_decide(row, profile, m) != "decline" for m in (0.0, 0.5, 1.0))
    result = check.check_mentor_or_not("decline", 0.0)
    assert not result.ok and "never" in result.message
    assert "mentoring value" in check.check_mentor_or_not("accept").message


def test_bet_on_beginners_at_mentoring_zero(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch02")
    seniority = classify_titles(invitations["title"])["seniority"]
    beginner = (seniority.isin(["student", "junior"])
                | (seniority.eq("mid") & (invitations["years_experience"] < 2))).to_numpy()
    decided = triage(invitations, dataclasses.replace(profile, mentoring=0.0))
    expected = int(decided.loc[beginner, "decision"].eq("accept").sum())
    bet = check.bet_beginners_at_zero()
    assert str(int(beginner.sum())) in bet.question
    reveal = bet.reveal(expected)
    assert reveal.correct and reveal.answer == expected
    assert not bet.reveal(0).correct or expected <= bet.tolerance
