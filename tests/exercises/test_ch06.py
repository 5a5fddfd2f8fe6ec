"""Chapter 06's checkers (criteria, contributions, the accept threshold).

A hint when unanswered, a tick for the right answer (computed from the package), a useful hint
for typical wrong answers, and runnable solutions.
"""

from __future__ import annotations

import pytest

from invite_triage.analysis.evaluation import compare_strategies
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.exercises import ch06
from invite_triage.render.explain import contributions
from tests.exercises._common import (
    assert_solution_passes,
    checker,
)

CHAPTER = "ch06"
NAMES = ("best_single_criterion", "top_criterion", "best_accept_threshold")


@pytest.mark.parametrize("name", NAMES)
def test_solutions_run_and_pass_their_checker(name, invitations, profile):
    assert_solution_passes(name, checker(CHAPTER, name), invitations, profile)


def test_best_single_criterion(invitations, profile):
    table = compare_strategies(invitations, profile).loc[list(CRITERIA)]
    best = table["f1"].idxmax()
    assert ch06.check_best_single_criterion(best).ok
    assert ch06.check_best_single_criterion(best.upper()).ok
    worst = table["f1"].idxmin()
    assert not ch06.check_best_single_criterion(worst).ok
    assert "one criterion name" in ch06.check_best_single_criterion("engine").message


def test_top_criterion(invitations, profile):
    row = triage(invitations, profile).iloc[0]
    table = contributions(row, preset_weights(profile))
    assert ch06.check_top_criterion(table["contribution"].idxmax()).ok
    assert not ch06.check_top_criterion(table["contribution"].idxmin()).ok


def test_best_accept_threshold():
    scores = ch06.threshold_f1()
    assert set(scores) == set(ch06.CANDIDATE_THRESHOLDS)
    best = max(scores, key=scores.get)
    worst = min(scores, key=scores.get)
    assert ch06.check_best_accept_threshold(best).ok
    assert ch06.check_best_accept_threshold(f"{best:.2f}").ok
    assert not ch06.check_best_accept_threshold(worst).ok
    assert "pick one of" in ch06.check_best_accept_threshold(0.42).message


def test_the_bet_on_the_best_strategy_is_computed_from_the_data(invitations, profile):
    bet = ch06.bet_best_strategy(invitations, profile)
    expected = str(compare_strategies(invitations, profile)["f1"].idxmax())
    assert set(bet.choices) == {"engine", "accept_all", *CRITERIA}
    assert bet.reveal(expected).correct
    wrong = next(c for c in bet.choices if c != expected)
    assert not bet.reveal(wrong).correct
    assert "highest F1" in bet.question
    assert bet.choice_labels["job"] == "their job alone"


def test_the_bet_on_the_best_strategy_speaks_french(invitations, profile):
    from invite_triage.core.i18n import set_language

    set_language("fr")
    try:
        bet = ch06.bet_best_strategy(invitations, profile)
        assert "meilleur F1" in bet.question
        assert bet.choice_labels["engine"] == "les six combinés"
        assert bet.choice_labels["job"] == "uniquement\u202f: son poste"
        assert "précision" in bet.reveal("engine").explanation
    finally:
        set_language("en")
