"""Chapter 01's checkers (job titles and families).

Right answers pass, wrong ones get a hint, odd ones never raise. Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

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

CHAPTER = "ch01"
NAMES = ("family_of_title", "seniority_of_title", "hr_invitations")


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


def test_ch01_answers(invitations):
    check = importlib.import_module("invite_triage.exercises.ch01")
    family, _ = classify_title("Chargée de recrutement")
    assert family == "hr"  # the taxonomy's own example
    assert check.check_family_of_title(family).ok
    assert check.check_family_of_title(" HR ").ok
    assert not check.check_family_of_title("marketing").ok
    _, seniority = classify_title("Head of Growth")
    assert check.check_seniority_of_title(seniority).ok
    assert not check.check_seniority_of_title("mid").ok
    hr = int(classify_titles(invitations["title"])["family"].eq("hr").sum())
    assert check.check_hr_invitations(hr).ok
    assert not check.check_hr_invitations(hr + 1).ok
    assert "NOT from hr" in check.check_hr_invitations(len(invitations) - hr).message
