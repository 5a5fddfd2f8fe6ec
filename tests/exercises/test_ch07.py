"""Chapter 07's checkers (quality versus size, growth, the cap).

A hint when unanswered, a tick for the right answer (computed from the package), a useful hint
for typical wrong answers, and runnable solutions.
"""

from __future__ import annotations

import pytest

from invite_triage.exercises import ch07
from tests.exercises._common import (
    WRONG_ANSWERS,
    assert_has_a_solution,
    assert_solution_passes,
    assert_unanswered_shows_a_hint,
    checker,
)

CHAPTER = "ch07"
NAMES = ("relevance_threshold", "growth_gap", "years_to_cap")


@pytest.mark.parametrize("name", NAMES)
def test_unanswered_gives_a_hint_not_an_error(name):
    assert_unanswered_shows_a_hint(checker(CHAPTER, name))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("odd", WRONG_ANSWERS)
def test_odd_answers_never_raise(name, odd):
    assert not checker(CHAPTER, name)(odd).ok


@pytest.mark.parametrize("name", NAMES)
def test_every_exercise_has_a_solution(name):
    assert_has_a_solution(name)


@pytest.mark.parametrize("name", NAMES)
def test_solutions_run_and_pass_their_checker(name, invitations, profile):
    assert_solution_passes(name, checker(CHAPTER, name), invitations, profile)


def test_relevance_threshold():
    expected = ch07.lowest_threshold()
    curve = ch07.relevance_curve().set_index("threshold")["relevance_share_true"]
    assert curve[expected] >= ch07.RELEVANCE_TARGET
    below = round(expected - 0.01, 2)
    assert curve[below] < ch07.RELEVANCE_TARGET
    assert ch07.check_relevance_threshold(expected).ok
    assert "move the slider up" in ch07.check_relevance_threshold(below).message
    assert "lower threshold" in ch07.check_relevance_threshold(round(expected + 0.05, 2)).message


def test_growth_gap():
    sizes = ch07.final_sizes()
    gap = int(sizes["accept_all"] - sizes["balanced"])
    assert gap > 0
    assert ch07.check_growth_gap(gap).ok
    assert "wrong sign" in ch07.check_growth_gap(-gap).message
    assert "one policy's size" in ch07.check_growth_gap(int(sizes["balanced"])).message


def test_years_to_cap():
    years = ch07.years_to_cap()
    assert years > 10  # a synthetic inbox of a few hundred a year is far from 30,000
    assert ch07.check_years_to_cap(round(years)).ok
    assert not ch07.check_years_to_cap(years / 12).ok
    assert not ch07.check_years_to_cap(years * 2).ok
