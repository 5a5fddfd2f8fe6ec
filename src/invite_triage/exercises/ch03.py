"""Exercises of chapter 03 (mutual connections): a bet, two thresholds read from the 2×2 table,
weak ties."""

from __future__ import annotations

import numpy as np

from invite_triage.core.formats import percent
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.models.mutuals import MutualsModel
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

PRECISION_TARGET = 0.8
#: "Miss at most 1 relevant person in 10": the share of relevant people the open rule keeps.
RECALL_TARGET = 0.9
#: The bet compares the rule at these two minimums.
BET_FROM, BET_TO = 1, 4
#: The bet's options, in the order shown (their texts: ``exercise.ch03.bet.choice.<key>``).
BET_CHOICES = ("both_shrink", "trade", "reverse", "same")


def _model() -> MutualsModel:
    return MutualsModel(load_invitations(), example_profile())


def _mistakes(model: MutualsModel, k: int) -> tuple[int, int]:
    """People let in who are not relevant, and relevant people kept out, at ``k`` (counted
    directly: the 2×2 table's headings follow the language)."""
    let_in, truth = np.asarray(model.let_in(k), bool), np.asarray(model.truth, bool)
    return int((let_in & ~truth).sum()), int((~let_in & truth).sum())


def _raising_k_answer() -> str:
    model = _model()
    (in_1, out_1), (in_4, out_4) = _mistakes(model, BET_FROM), _mistakes(model, BET_TO)
    if in_4 < in_1 and out_4 > out_1:
        return "trade"
    if in_4 < in_1 and out_4 < out_1:
        return "both_shrink"
    if in_4 > in_1 and out_4 < out_1:
        return "reverse"
    return "same"


def _raising_k_explanation(answer: str) -> str:
    model = _model()
    (in_1, out_1), (in_4, out_4) = _mistakes(model, BET_FROM), _mistakes(model, BET_TO)
    text = say("ch03.bet.explanation", k_from=BET_FROM, k_to=BET_TO, in_from=in_1, in_to=in_4,
               out_from=out_1, out_to=out_4)
    return text + (say("ch03.bet.explanation_trade") if answer == "trade" else "")


def bet_raising_k() -> PredictModel:
    """Chapter 03's "place your bets": what a stricter minimum does to the two mistakes."""
    return PredictModel(
        say("ch03.bet.question", k_from=BET_FROM, k_to=BET_TO),
        _raising_k_answer,
        choices=[(say(f"ch03.bet.choice.{key}"), key) for key in BET_CHOICES],
        explanation=_raising_k_explanation,
    )


@exercise(
    "miss_few",
    "from invite_triage.models.mutuals import MutualsModel\n"
    "MutualsModel(invitations, profile).last_threshold_keeping(0.9)",
)
def check_miss_few(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None or value < 0:
        return feedback(False, "", say("ch03.hint_k"))
    model = _model()
    expected = model.last_threshold_keeping(RECALL_TARGET)
    if expected is None:
        return feedback(False, "", say("ch03.miss_few.hint_none"))
    reading = model.at(value)
    missed = reading.n_relevant - reading.hits
    if value == expected:
        return feedback(
            True,
            say("ch03.miss_few.success", k=expected, missed=missed, relevant=reading.n_relevant,
                missed_share=percent(1 - reading.recall), wrong_in=reading.passed - reading.hits,
                passed=reading.passed, precision=percent(reading.precision)),
            "",
        )
    if value > int(model.thresholds[-1]):
        return feedback(False, "", say("ch03.hint_slider_end", last=int(model.thresholds[-1])))
    if reading.recall >= RECALL_TARGET:
        return feedback(False, "", say("ch03.miss_few.hint_higher", k=value, missed=missed))
    return feedback(False, "", say("ch03.miss_few.hint_lower", k=value, missed=missed,
                                   relevant=reading.n_relevant))


@exercise(
    "precision_threshold",
    "from invite_triage.models.mutuals import MutualsModel\n"
    "MutualsModel(invitations, profile).first_threshold_above(0.8)",
)
def check_precision_threshold(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None or value < 0:
        return feedback(False, "", say("ch03.hint_k"))
    model = _model()
    expected = model.first_threshold_above(PRECISION_TARGET)
    reading = model.at(value)
    if value == expected:
        return feedback(
            True,
            say("ch03.precision_threshold.success", k=expected,
                precision=percent(reading.precision, digits=1),
                recall=percent(reading.recall, digits=1)),
            "",
        )
    if expected is None:
        return feedback(False, "", say("ch03.precision_threshold.hint_none"))
    if value > int(model.thresholds[-1]):
        return feedback(False, "", say("ch03.hint_slider_end", last=int(model.thresholds[-1])))
    if reading.precision > PRECISION_TARGET:
        return feedback(False, "", say("ch03.precision_threshold.hint_smaller", k=value))
    return feedback(False, "", say("ch03.precision_threshold.hint_larger", k=value,
                                   precision=percent(reading.precision, digits=1)))


@exercise("weak_ties", '"b"')
def check_weak_ties(answer: object) -> Feedback:
    word = as_word(answer)
    if word not in ("a", "b", "c"):
        return feedback(False, "", say("ch03.weak_ties.hint_choice"))
    hint = say(f"ch03.weak_ties.hint_{word}") if word != "b" else ""
    return feedback(word == "b", say("ch03.weak_ties.success"), hint)
