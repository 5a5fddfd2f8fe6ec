"""Chapter 02's checkers (career stage and mentoring).

Right answers pass, wrong ones get a hint, odd ones never raise. Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from invite_triage.domain.titles import classify_title, classify_titles
from tests.exercises._common import (
    ODD_ANSWERS,
    assert_has_a_solution,
    assert_odd_answer_never_raises,
    assert_unanswered_shows_a_hint,
    checker,
)

CHAPTER = "ch02"
NAMES = ("seniority_of_assistant", "beginner_count", "mentoring_accepts")


@pytest.mark.parametrize("name", NAMES)
def test_unanswered_shows_a_hint(name):
    assert_unanswered_shows_a_hint(checker(CHAPTER, name))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=repr)
def test_odd_answers_never_raise(name, answer):
    assert_odd_answer_never_raises(checker(CHAPTER, name), answer)


@pytest.mark.parametrize("name", NAMES)
def test_every_exercise_has_a_solution(name):
    assert_has_a_solution(name)


def test_ch02_answers(invitations, profile):
    from invite_triage.domain.triage import triage

    check = importlib.import_module("invite_triage.exercises.ch02")
    assert check.check_seniority_of_assistant(classify_title("Assistante communication")[1]).ok
    assert not check.check_seniority_of_assistant("senior").ok

    seniority = classify_titles(invitations["title"])["seniority"]
    beginner = seniority.isin(["student", "junior"]) | (
        seniority.eq("mid") & (invitations["years_experience"] < 2)
    )
    assert check.check_beginner_count(int(beginner.sum())).ok
    assert not check.check_beginner_count(int(beginner.sum()) + 1).ok

    def accepted(mentoring: float) -> int:
        decided = triage(invitations, dataclasses.replace(profile, mentoring=mentoring))
        return int(decided.loc[beginner.to_numpy(), "decision"].eq("accept").sum())

    difference = accepted(1.0) - accepted(0.0)
    assert difference >= 0
    assert check.check_mentoring_accepts(difference).ok
    assert not check.check_mentoring_accepts(difference + 1).ok
    assert "difference" in check.check_mentoring_accepts(accepted(1.0)).message
