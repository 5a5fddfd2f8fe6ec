"""Exercises of chapter 03 (mutual connections): a bet, two thresholds read from the 2×2 table,
weak ties."""

from __future__ import annotations

from invite_triage.analysis.evaluation import CELL_NAMES, KEPT_OUT, LET_IN, NOT_RELEVANT, RELEVANT
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.models.mutuals import MutualsModel
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

PRECISION_TARGET = 0.8
#: "Miss at most 1 relevant person in 10": the share of relevant people the open rule keeps.
RECALL_TARGET = 0.9
#: The bet compares the rule at these two minimums.
BET_FROM, BET_TO = 1, 4
MISTAKE_IN = (LET_IN, NOT_RELEVANT)
MISTAKE_OUT = (KEPT_OUT, RELEVANT)


def _model() -> MutualsModel:
    return MutualsModel(load_invitations(), example_profile())


def _mistakes(model: MutualsModel, k: int) -> tuple[int, int]:
    table = model.table(k)
    return int(table.loc[MISTAKE_IN]), int(table.loc[MISTAKE_OUT])


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
    return (
        f"From k = {BET_FROM} to k = {BET_TO}, people {CELL_NAMES[MISTAKE_IN]} go from {in_1} "
        f"to {in_4}, and relevant people {CELL_NAMES[MISTAKE_OUT]} from {out_1} to {out_4}."
        + (" A stricter rule swaps one mistake for the other: it cannot remove both."
           if answer == "trade" else "")
    )


def bet_raising_k() -> PredictModel:
    """Chapter 03's "place your bets": what a stricter minimum does to the two mistakes."""
    return PredictModel(
        f"You raise the minimum from {BET_FROM} to {BET_TO} relevant mutual connections. "
        "What happens to the two mistakes: people let in who are not relevant, and relevant "
        "people kept out?",
        _raising_k_answer,
        choices=[
            ("both mistakes shrink", "both_shrink"),
            ("fewer let in by mistake, more relevant people missed", "trade"),
            ("more let in by mistake, fewer relevant people missed", "reverse"),
            ("nothing changes", "same"),
        ],
        explanation=_raising_k_explanation,
    )


@exercise(
    "miss_few",
    "Move the slider from 0 upwards and watch the cell 'kept out × relevant' (missed): the "
    "answer is the last k where at most 1 relevant person in 10 is missed, i.e. recall is still "
    "at least 90 %. The model behind the app gives it directly.",
    "from invite_triage.models.mutuals import MutualsModel\n"
    "MutualsModel(invitations, profile).last_threshold_keeping(0.9)",
)
def check_miss_few(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None or value < 0:
        return feedback(False, "", "give a whole number k (0 or more).")
    model = _model()
    expected = model.last_threshold_keeping(RECALL_TARGET)
    if expected is None:
        return feedback(False, "", "no k on the slider keeps that many relevant people.")
    reading = model.at(value)
    missed = reading.n_relevant - reading.hits
    if value == expected:
        wrong_in = reading.passed - reading.hits
        return feedback(
            True,
            f"at k = {expected} you miss {missed} of {reading.n_relevant} relevant people "
            f"({1 - reading.recall:.0%}), but {wrong_in} of the {reading.passed} people you "
            f"let in are not relevant (only {reading.precision:.0%} are): the open rule's "
            "price. Compare with exercise 2's cautious rule.",
            "",
        )
    if value > int(model.thresholds[-1]):
        return feedback(False, "", f"the slider stops at {int(model.thresholds[-1])}; look lower.")
    if reading.recall >= RECALL_TARGET:
        return feedback(False, "", f"at k = {value} you miss {missed} relevant people, still at "
                        "most 1 in 10: a stricter rule does too. Look higher.")
    return feedback(False, "", f"at k = {value} you miss {missed} of {reading.n_relevant} "
                    "relevant people, more than 1 in 10: look lower.")


@exercise(
    "precision_threshold",
    "Move the slider of the mutual-connections app from 0 upwards and read the top row of the "
    "2×2 table, or the precision (one decimal) in the summary: the first k where more than 8 "
    "in 10 of the people let in are relevant (precision strictly above 80 %) is the answer. "
    "The model behind the app gives it directly.",
    "from invite_triage.models.mutuals import MutualsModel\n"
    "MutualsModel(invitations, profile).first_threshold_above(0.8)",
)
def check_precision_threshold(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None or value < 0:
        return feedback(False, "", "give a whole number k (0 or more).")
    model = _model()
    expected = model.first_threshold_above(PRECISION_TARGET)
    reading = model.at(value)
    if value == expected:
        return feedback(
            True,
            f"from k = {expected}, precision is {reading.precision:.1%}; recall there is "
            f"{reading.recall:.1%} — the price of a cleaner list.",
            "",
        )
    if expected is None:
        return feedback(False, "", "no k on the slider reaches that precision with this data.")
    if value > int(model.thresholds[-1]):
        return feedback(False, "", f"the slider stops at {int(model.thresholds[-1])}; look lower.")
    if reading.precision > PRECISION_TARGET:
        return feedback(
            False, "",
            f"precision is above 0.8 at k = {value}, but it already was at a smaller k.",
        )
    return feedback(
        False, "",
        f"at k = {value} precision is {reading.precision:.1%}, not above 80 %: try a larger k "
        "(read the summary, which shows one decimal).",
    )


@exercise(
    "weak_ties",
    "b. In Rajkumar et al. (Science 377, 2022), job mobility rose and then fell with tie "
    "strength (an inverted U): moderately weak ties helped most.",
    '"b"',
)
def check_weak_ties(answer: object) -> Feedback:
    word = as_word(answer)
    if word not in ("a", "b", "c"):
        return feedback(False, "", 'answer "a", "b" or "c".')
    hints = {
        "a": "the strongest ties mostly know what you already know; look at the right end of "
             "the schematic.",
        "c": "the weakest ties were not the most helpful either; look at the left end of the "
             "schematic.",
    }
    return feedback(word == "b", "moderately weak ties helped most: an inverted U.",
                    hints.get(word or "", ""))
