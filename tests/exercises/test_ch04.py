"""Chapter 04's checkers (shared groups).

Right answers pass, wrong ones get a hint, odd ones never raise. Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import importlib

import pytest

from tests.exercises._common import (
    ODD_ANSWERS,
    assert_has_a_solution,
    assert_odd_answer_never_raises,
    assert_unanswered_shows_a_hint,
    checker,
)

CHAPTER = "ch04"
NAMES = ("any_shared_group", "most_shared_group", "shared_group_precision")


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


def test_ch04_answers(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch04")
    shares = invitations["shared_groups"].map(lambda gs: bool(set(gs) & set(profile.groups)))
    assert check.check_any_shared_group(int(shares.sum())).ok
    assert "NO group" in check.check_any_shared_group(int((~shares).sum())).message
    counts = invitations["shared_groups"].explode().value_counts()
    top, low = counts.idxmax(), counts.idxmin()
    assert check.check_most_shared_group(top).ok
    assert check.check_most_shared_group(top.upper().replace("'", "’")).ok
    if counts[low] < counts[top]:
        assert not check.check_most_shared_group(low).ok
    share = float(invitations.loc[shares, "relevant"].mean())
    assert check.check_shared_group_precision(round(share, 2)).ok
    assert check.check_shared_group_precision(f"{share:.0%}").ok
    overall = float(invitations["relevant"].mean())
    assert "ALL invitations" in check.check_shared_group_precision(round(overall, 2)).message
    assert not check.check_shared_group_precision(round(share, 2) + 0.05).ok
