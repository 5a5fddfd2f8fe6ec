"""Chapter 00's checkers (your goals, the invitations).

Right answers pass, wrong ones get a hint, odd ones never raise. Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import dataclasses
import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.domain.profile import RELEVANT_WEIGHT
from invite_triage.exercises import solution
from invite_triage.world.datasets import load_invitations
from tests.exercises._common import (
    ODD_ANSWERS,
    assert_has_a_solution,
    assert_odd_answer_never_raises,
    assert_unanswered_shows_a_hint,
    checker,
)

CHAPTER = "ch00"
NAMES = ("invitation_count", "hidden_columns", "goal_families")


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


def test_solution_of_an_unknown_exercise_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"known exercises: .*invitation_count"):
        solution("no_such_exercise")


def test_ch00_answers(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch00")
    n = len(invitations)
    assert check.check_invitation_count(n).ok
    assert check.check_invitation_count(str(n)).ok
    assert not check.check_invitation_count(n + 1).ok
    assert check.check_hidden_columns(["relevant", "persona"]).ok
    assert check.check_hidden_columns("persona, relevant").ok
    assert not check.check_hidden_columns(["persona", "title"]).ok
    assert "not a column" in check.check_hidden_columns(["persona", "salary"]).message
    prospecting = dataclasses.replace(profile, goals=("prospecting",)).family_weights()
    expected = [f for f, w in prospecting.items() if w >= RELEVANT_WEIGHT]
    assert check.check_goal_families(list(reversed(expected))).ok
    assert not check.check_goal_families(expected[:-1]).ok
    assert "missing" in check.check_goal_families(expected[:-1]).message


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=-5, max_value=2000))
def test_ch00_count_is_right_only_for_the_row_count(n):
    check = importlib.import_module("invite_triage.exercises.ch00")
    assert check.check_invitation_count(n).ok == (n == len(load_invitations()))
