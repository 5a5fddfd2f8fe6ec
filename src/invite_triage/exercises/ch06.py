"""Exercises of chapter 06 (putting it together): single criteria, one decision, a threshold."""

from __future__ import annotations

import pandas as pd

from invite_triage.analysis.evaluation import compare_strategies, evaluate_decisions
from invite_triage.core.formats import number
from invite_triage.core.i18n import label
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_float, as_key
from invite_triage.models.predict import PredictModel
from invite_triage.render.explain import contributions
from invite_triage.world.datasets import example_profile, load_invitations

#: The accept thresholds the F1 exercise compares, with the ask threshold set low enough
#: that every candidate is valid (ask must not exceed accept).
CANDIDATE_THRESHOLDS: tuple[float, ...] = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
EXERCISE_ASK = 0.3


def bet_best_strategy(invitations: pd.DataFrame, profile: Profile) -> PredictModel:
    """Chapter 06's "place your bets": do the six clues together beat accepting everyone, and
    one clue alone? Asked before the table that answers it."""
    choices = [(say("ch06.bet.engine"), "engine"), (say("ch06.bet.accept_all"), "accept_all"),
               *[(say("ch06.bet.alone", criterion=label("criterion", name)), name)
                 for name in CRITERIA]]
    return PredictModel(
        say("ch06.bet.question"),
        lambda: str(compare_strategies(invitations, profile)["f1"].idxmax()),
        choices=choices,
        explanation=say("ch06.bet.explanation"),
    )


def _criteria_alone():
    table = compare_strategies(load_invitations(), example_profile())
    return table, table.loc[list(CRITERIA)]


@exercise(
    "best_single_criterion",
    "table = compare_strategies(invitations, profile)\n"
    'table.drop(index=["engine", "accept_all"])["f1"].idxmax()',
)
def check_best_single_criterion(answer: object) -> Feedback:
    word = as_key(answer, CRITERIA, "criterion")
    if word is None:
        return feedback(False, "", say("ch06.hint_criterion", criteria=list(CRITERIA)))
    table, alone = _criteria_alone()
    expected = str(alone["f1"].idxmax())
    if word == expected:
        return feedback(
            True,
            say("ch06.best_single_criterion.success", criterion=expected,
                f1=number(alone.at[expected, "f1"], digits=2),
                engine=number(table.at["engine", "f1"], digits=2)),
            "",
        )
    return feedback(False, "", say("ch06.best_single_criterion.hint", criterion=word,
                                   f1=number(alone.at[word, "f1"], digits=2)))


def _first_contributions():
    profile = example_profile()
    row = triage(load_invitations(), profile).iloc[0]
    return row, contributions(row, preset_weights(profile))


@exercise(
    "top_criterion",
    "from invite_triage.render.explain import contributions\n\n"
    "first = triage(invitations, profile).iloc[0]\n"
    'contributions(first, preset_weights(profile))["contribution"].idxmax()',
)
def check_top_criterion(answer: object) -> Feedback:
    word = as_key(answer, CRITERIA, "criterion")
    if word is None:
        return feedback(False, "", say("ch06.hint_criterion", criteria=list(CRITERIA)))
    row, table = _first_contributions()
    expected = str(table["contribution"].idxmax())
    if word == expected:
        return feedback(
            True,
            say("ch06.top_criterion.success", criterion=expected,
                added=number(table.at[expected, "contribution"], digits=2),
                score=number(float(row["score"]), digits=2), name=row["name"]),
            "",
        )
    if table.at[word, "score"] >= table["score"].max():
        return feedback(False, "", say("ch06.top_criterion.hint_score", criterion=word))
    return feedback(False, "", say("ch06.top_criterion.hint", criterion=word,
                                   added=number(table.at[word, "contribution"], digits=2)))


def threshold_f1() -> dict[float, float]:
    """F1 of "accept" at each candidate accept threshold (preset weights, ask at 0.30)."""
    invitations = load_invitations()
    profile = example_profile()
    ask = EXERCISE_ASK
    scores = {}
    for accept in CANDIDATE_THRESHOLDS:
        triaged = triage(invitations, profile, thresholds={"accept": accept, "ask": ask})
        scores[accept] = evaluate_decisions(triaged["decision"], invitations["relevant"])["f1"]
    return scores


@exercise(
    "best_accept_threshold",
    "from invite_triage.exercises.ch06 import threshold_f1\n\n"
    "scores = threshold_f1()  # accept threshold -> F1\n"
    "max(scores, key=scores.get)",
)
def check_best_accept_threshold(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None:
        return feedback(False, "", say("ch06.best_accept_threshold.hint_number"))
    scores = threshold_f1()
    match = [t for t in CANDIDATE_THRESHOLDS if abs(t - value) < 1e-9]
    if not match:
        return feedback(False, "", say("ch06.best_accept_threshold.hint_choice",
                                       thresholds=list(CANDIDATE_THRESHOLDS)))
    best = max(scores, key=scores.get)
    if scores[match[0]] >= scores[best] - 1e-12:
        return feedback(True, say("ch06.best_accept_threshold.success",
                                  f1=number(scores[best], digits=2),
                                  threshold=number(best, digits=2)), "")
    return feedback(False, "", say("ch06.best_accept_threshold.hint",
                                   threshold=number(match[0], digits=2),
                                   f1=number(scores[match[0]], digits=2)))
