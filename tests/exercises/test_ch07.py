"""Chapter 07's checkers (quality versus size, growth, a feed-noise budget).

A hint when unanswered, a tick for the right answer (computed from the package), a useful hint
for typical wrong answers, and runnable solutions.
"""

from __future__ import annotations

import pytest

from invite_triage.exercises import ch07
from tests.exercises._common import (
    assert_solution_passes,
    checker,
)

CHAPTER = "ch07"
NAMES = ("relevance_threshold", "growth_gap", "noise_budget")


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


def test_noise_budget_is_a_decision_between_columns():
    """The answer is the row with most doors (reach) among those within the noise budget,
    recomputed here from the public curve; a row over budget and a quieter row that opens
    fewer doors both get a hint that says which column to look at."""
    from invite_triage import QualityCurve, example_profile, load_invitations

    table = QualityCurve.from_invitations(load_invitations(), example_profile()).curve(
        list(ch07.TABLE_THRESHOLDS))
    criteria = table[table["policy"].eq("criteria")].set_index("threshold")
    within = criteria[criteria["feed_noise_true"] <= ch07.NOISE_BUDGET]
    best = float(within["reach_true"].idxmax())
    assert ch07.best_under_noise() == f"{best:.1f}"
    assert ch07.check_noise_budget(best).ok
    assert ch07.check_noise_budget(f"{best:.1f}").ok
    over = criteria[criteria["feed_noise_true"] > ch07.NOISE_BUDGET].index
    assert len(over) and "over the budget" in ch07.check_noise_budget(float(over.max())).message
    quieter = [t for t in within.index if t != best]
    assert quieter and "opens more doors" in ch07.check_noise_budget(quieter[0]).message
    assert "opens more doors" in ch07.check_noise_budget("known_only").message
    assert "over the budget" in ch07.check_noise_budget("accept everyone").message
    assert "threshold of the table" in ch07.check_noise_budget(0.45).message


def test_the_bet_on_the_reach_kept_is_computed_from_the_data(invitations, profile):
    from invite_triage.analysis.quality import QualityCurve

    curve = QualityCurve.from_invitations(invitations, profile)
    expected = 100 * curve.at(0.6)["reach_true"] / curve.at(0.3)["reach_true"]
    bet = ch07.bet_reach_kept(curve)
    assert bet.reveal(round(expected / 5) * 5).correct
    assert not bet.reveal(min(100, expected + 40) if expected < 50 else expected - 40).correct
    assert str(int(curve.at(0.3)["size"])) in bet.question
    assert str(int(curve.at(0.6)["size"])) in bet.question
    assert "doors" in bet.question and bet.unit == "%"


def test_the_bet_on_the_reach_kept_speaks_french(invitations, profile):
    from invite_triage.analysis.quality import QualityCurve
    from invite_triage.core.i18n import set_language

    curve = QualityCurve.from_invitations(invitations, profile)
    set_language("fr")
    try:
        bet = ch07.bet_reach_kept(curve)
        assert "Du seuil 0,3 au seuil 0,6" in bet.question
        assert "portes" in bet.question
        assert "contacts pertinents" in bet.reveal(50).explanation
    finally:
        set_language("en")
