"""Chapter 04's checkers (shared groups).

Right answers pass and wrong ones get a hint (what every checker must do is in
``test_every_checker.py``). Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import importlib

import pytest

from tests.exercises._common import (
    assert_solution_passes,
    checker,
)

CHAPTER = "ch04"


def test_ch04_answers(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch04")
    shares = invitations["shared_groups"].map(lambda gs: bool(set(gs) & set(profile.groups)))
    assert check.check_any_shared_group(int(shares.sum())).ok
    assert "NO group" in check.check_any_shared_group(int((~shares).sum())).message
    n = invitations["shared_groups"].map(lambda gs: len(set(gs) & set(profile.groups)))
    relevant = invitations["relevant"].astype(bool)
    cost = int((relevant & (n >= 1)).sum() - (relevant & (n >= 2)).sum())
    assert check.check_second_group_cost(cost).ok
    assert check.check_second_group_cost(str(cost)).ok
    assert not check.check_second_group_cost(cost + 1).ok
    everyone = int((n >= 1).sum() - (n >= 2).sum())
    assert "keep only" in check.check_second_group_cost(everyone).message
    share = float(invitations.loc[shares, "relevant"].mean())
    assert check.check_shared_group_precision(round(share, 2)).ok
    assert check.check_shared_group_precision(f"{share:.0%}").ok
    overall = float(invitations["relevant"].mean())
    assert "ALL invitations" in check.check_shared_group_precision(round(overall, 2)).message
    assert not check.check_shared_group_precision(round(share, 2) + 0.05).ok


@pytest.mark.parametrize("name", ["second_group_cost"])
def test_solutions_run_and_pass_their_checker(name, invitations, profile):
    assert_solution_passes(name, checker(CHAPTER, name), invitations, profile)


def test_the_bet_on_the_weakest_group_is_computed_from_the_data(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch04")
    bet = check.bet_weakest_group()
    assert set(bet.choices) == set(profile.groups)
    members = invitations[["shared_groups", "relevant"]].explode("shared_groups")
    shares = members.groupby("shared_groups")["relevant"].mean()
    weakest = shares.reindex(list(profile.groups)).idxmin()
    reveal = bet.reveal(weakest)
    assert reveal.correct and weakest in reveal.explanation
    assert f"{shares[weakest]:.0%}" in reveal.explanation
    other = next(g for g in profile.groups if g != weakest)
    assert not bet.reveal(other).correct
