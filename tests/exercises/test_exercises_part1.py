"""Checkers of chapters 00–04: right answers pass, wrong ones get a hint, odd ones never raise.

Expected answers are recomputed here from the data and the package's public functions, not
copied from the checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import dataclasses
import importlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.domain.profile import RELEVANT_WEIGHT
from invite_triage.domain.titles import classify_title, classify_titles
from invite_triage.exercises import Feedback, Solution, exercise_names, solution
from invite_triage.world.datasets import example_profile, load_invitations

CHAPTERS = ("ch00", "ch01", "ch02", "ch03", "ch04")
PART1 = {
    "ch00": ("invitation_count", "hidden_columns", "goal_families"),
    "ch01": ("family_of_title", "seniority_of_title", "hr_invitations"),
    "ch02": ("seniority_of_assistant", "beginner_count", "mentoring_accepts"),
    "ch03": ("no_mutuals", "precision_threshold", "weak_ties"),
    "ch04": ("any_shared_group", "most_shared_group", "shared_group_precision"),
}
ODD_ANSWERS = [
    "", "   ", "abc", "🚀", "<script>alert(1)</script>", [], {}, set(), (), object(),
    float("nan"), float("inf"), -1, 10**30, True, 3.5, ["a", 1, None], {"a": 1}, b"bytes",
    np.int64(3), np.float64(0.5), "1e999",
]


def _checker(chapter: str, name: str):
    module = importlib.import_module(f"invite_triage.exercises.{chapter}")
    return getattr(module, f"check_{name}")


ALL = [(chapter, name) for chapter, names in PART1.items() for name in names]


@pytest.fixture(scope="module")
def invitations():
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


@pytest.mark.parametrize(("chapter", "name"), ALL)
def test_unanswered_shows_a_hint(chapter, name):
    result = _checker(chapter, name)(None)
    assert isinstance(result, Feedback) and not result.ok
    assert "replace None" in result.message
    assert "Not yet" in result._repr_html_()


@pytest.mark.parametrize(("chapter", "name"), ALL)
@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=repr)
def test_odd_answers_never_raise(chapter, name, answer):
    result = _checker(chapter, name)(answer)
    assert isinstance(result, Feedback)
    assert result.message  # always something to read
    assert "<script" not in result._repr_html_()


@pytest.mark.parametrize(("chapter", "name"), ALL)
def test_every_exercise_has_a_solution(chapter, name):
    assert name in exercise_names()
    shown = solution(name)
    assert isinstance(shown, Solution)
    assert shown.text and shown.code
    assert shown.name in shown._repr_markdown_()


def test_solution_of_an_unknown_exercise_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"known exercises: .*invitation_count"):
        solution("no_such_exercise")


# --- chapter 00 ----------------------------------------------------------------------------------
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


# --- chapter 01 ----------------------------------------------------------------------------------
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


# --- chapter 02 ----------------------------------------------------------------------------------
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


# --- chapter 03 ----------------------------------------------------------------------------------
def test_ch03_answers(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch03")
    zero = int(invitations["mutual_connections"].eq(0).sum())
    assert check.check_no_mutuals(zero).ok
    assert not check.check_no_mutuals(zero + 1).ok

    exploded = invitations["mutual_titles"].explode().dropna()
    weights = profile.family_weights()
    relevant = classify_titles(exploded.astype(str))["family"].map(weights).ge(RELEVANT_WEIGHT)
    counts = relevant.groupby(level=0).sum().reindex(invitations.index, fill_value=0)
    truth = invitations["relevant"].to_numpy(bool)
    first = next(
        k for k in range(0, 16)
        if (counts >= k).any() and truth[(counts >= k).to_numpy()].mean() > 0.8
    )
    assert check.check_precision_threshold(first).ok
    assert not check.check_precision_threshold(first - 1).ok
    assert "smaller k" in check.check_precision_threshold(first + 1).message
    assert check.check_weak_ties("B").ok
    assert not check.check_weak_ties("a").ok
    assert not check.check_weak_ties("c").ok


# --- chapter 04 ----------------------------------------------------------------------------------
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
