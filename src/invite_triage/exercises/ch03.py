"""Exercises of chapter 03 (mutual connections): counts, a threshold, weak ties."""

from __future__ import annotations

from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.models.mutuals import MutualsModel
from invite_triage.world.datasets import example_profile, load_invitations

PRECISION_TARGET = 0.8


@exercise(
    "no_mutuals",
    "Compare the column `mutual_connections` with 0 and add up the matches.",
    '(invitations["mutual_connections"] == 0).sum()',
)
def check_no_mutuals(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    mutuals = load_invitations()["mutual_connections"]
    expected = int(mutuals.eq(0).sum())
    if value == expected:
        return feedback(True, f"{expected} invitations share no connection at all with you.", "")
    if value == int(mutuals.gt(0).sum()):
        return feedback(False, "", "that counts the invitations WITH mutual connections.")
    return feedback(False, "", 'count the rows where invitations["mutual_connections"] == 0.')


def _model() -> MutualsModel:
    return MutualsModel(load_invitations(), example_profile())


@exercise(
    "precision_threshold",
    "Move the slider of the mutual-connections app from 0 upwards and read the precision "
    "(one decimal) in the summary: the first k where it is strictly above 80 % is the answer. "
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
