"""Exercises of chapter 06 (putting it together): single criteria, one decision, a threshold."""

from __future__ import annotations

from invite_triage.analysis.evaluation import compare_strategies, evaluate_decisions
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_word
from invite_triage.render.explain import contributions
from invite_triage.world.datasets import example_profile, load_invitations

#: The accept thresholds the F1 exercise compares, with the ask threshold set low enough
#: that every candidate is valid (ask must not exceed accept).
CANDIDATE_THRESHOLDS: tuple[float, ...] = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
EXERCISE_ASK = 0.3


def _criteria_alone():
    table = compare_strategies(load_invitations(), example_profile())
    return table, table.loc[list(CRITERIA)]


@exercise(
    "best_single_criterion",
    "In the comparison table, drop the `engine` and `accept_all` rows and take the criterion "
    "with the highest `f1`. Even at its best threshold, it stays below the engine: combining "
    "the clues beats any one of them.",
    "table = compare_strategies(invitations, profile)\n"
    'table.drop(index=["engine", "accept_all"])["f1"].idxmax()',
)
def check_best_single_criterion(answer: object) -> Feedback:
    word = as_word(answer)
    if word not in CRITERIA:
        return feedback(False, "", f"answer with one criterion name among {list(CRITERIA)}.")
    table, alone = _criteria_alone()
    expected = str(alone["f1"].idxmax())
    if word == expected:
        return feedback(
            True,
            f"{expected} alone reaches F1 {alone.at[expected, 'f1']:.2f}; the engine, "
            f"combining all six, reaches {table.at['engine', 'f1']:.2f}.",
            "",
        )
    return feedback(
        False, "",
        f"{word} alone reaches F1 {alone.at[word, 'f1']:.2f}; another criterion does better. "
        "Compare the f1 column of the criterion rows only.",
    )


def _first_contributions():
    profile = example_profile()
    row = triage(load_invitations(), profile).iloc[0]
    return row, contributions(row, preset_weights(profile))


@exercise(
    "top_criterion",
    "The inbox opens on the first invitation; its chart's longest blue bar is the criterion "
    "that added most to the score (weight × criterion score).",
    "from invite_triage.render.explain import contributions\n\n"
    "first = triage(invitations, profile).iloc[0]\n"
    'contributions(first, preset_weights(profile))["contribution"].idxmax()',
)
def check_top_criterion(answer: object) -> Feedback:
    word = as_word(answer)
    if word not in CRITERIA:
        return feedback(False, "", f"answer with one criterion name among {list(CRITERIA)}.")
    row, table = _first_contributions()
    expected = str(table["contribution"].idxmax())
    if word == expected:
        return feedback(
            True,
            f"{expected} added {table.at[expected, 'contribution']:.2f} of the score "
            f"{float(row['score']):.2f} for {row['name']}.",
            "",
        )
    if table.at[word, "score"] >= table["score"].max():
        return feedback(
            False, "",
            f"{word} has the highest criterion score, but a contribution is weight × score: "
            "look at the blue bars, not at the scores in brackets.",
        )
    return feedback(
        False, "",
        f"{word} added {table.at[word, 'contribution']:.2f}; look for the longest blue bar in "
        "the inbox's chart for the first invitation.",
    )


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
    "Set the ask slider of the weights app to 0.30, then move the accept slider through 0.30, "
    "0.35, … 0.70 and read F1 in the summary; keep the threshold where it is highest.",
    "from invite_triage.exercises.ch06 import threshold_f1\n\n"
    "scores = threshold_f1()  # accept threshold -> F1\n"
    "max(scores, key=scores.get)",
)
def check_best_accept_threshold(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None:
        return feedback(False, "", "give the threshold as a number, for example 0.55.")
    scores = threshold_f1()
    match = [t for t in CANDIDATE_THRESHOLDS if abs(t - value) < 1e-9]
    if not match:
        return feedback(False, "", f"pick one of {list(CANDIDATE_THRESHOLDS)}.")
    best = max(scores, key=scores.get)
    if scores[match[0]] >= scores[best] - 1e-12:
        return feedback(
            True,
            f"F1 peaks at {scores[best]:.2f} with accept ≥ {best:.2f}: higher thresholds buy "
            "precision with recall, lower ones the reverse.",
            "",
        )
    return feedback(
        False, "",
        f"at {match[0]:.2f}, F1 is {scores[match[0]]:.2f}; another threshold in the list "
        "does better.",
    )
