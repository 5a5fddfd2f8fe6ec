"""Exercises of chapter 09 (when does size win?): settings where each extreme wins, and why.

The settings are checked by simulating them (``analysis.what_if``), exactly as the sandbox
does; the explanation is free text, checked only for being a sentence about an assumption.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from invite_triage.analysis.what_if import (
    ASSUMPTION_LABELS,
    POLICY_LABELS,
    WHAT_IF_RANGES,
    resolve_assumptions,
    what_if,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.exercises import Feedback, exercise, feedback

#: Words that show which assumption a sentence is about (lower case, matched as prefixes).
ASSUMPTION_WORDS: dict[str, tuple[str, ...]] = {
    "relevant_share": ("relevant", "share", "most senders", "prospect", "matter"),
    "clue_separation": ("clue", "separat", "signal", "tell apart", "triage miss",
                        "criteria miss"),
    "irrelevant_posting": ("post", "irrelevant contacts post"),
    "reach_worth": ("reach", "weak tie", "job", "opportunit"),
    "noise_cost": ("noise", "feed"),
    "exposure_cost": ("expos", "contact list", "stranger", "privacy", "reputation"),
}
MAX_SENTENCE_CHARS = 400


def _settings(answer: object) -> tuple[dict[str, float] | None, str]:
    """The learner's settings checked into a full set of assumptions, or a hint."""
    if not isinstance(answer, Mapping) or not answer:
        names = ", ".join(WHAT_IF_RANGES)
        return None, ("give a dict of settings, e.g. {\"relevant_share\": 0.3}; the names are "
                      f"{names} (missing ones keep their defaults).")
    try:
        return resolve_assumptions(answer), ""
    except InvalidInputError as exc:
        return None, f"{exc.summary}: {'; '.join(exc.problems)}."


def _check_winner(answer: object, policy: str) -> Feedback:
    settings, hint = _settings(answer)
    if settings is None:
        return feedback(False, "", hint)
    values = what_if(**settings)["value"]
    best = str(values.idxmax())
    shown = ", ".join(f"{POLICY_LABELS[p]} {v:.1f}" for p, v in values.items())
    if best == policy:
        return feedback(True, f"{POLICY_LABELS[policy]} wins with these settings ({shown}).",
                        "")
    return feedback(
        False, "",
        f"with these settings {POLICY_LABELS[best]} wins ({shown}); move the sliders that "
        f"make {POLICY_LABELS[policy]}'s bar grow or the others shrink.",
    )


@exercise(
    "known_only_wins",
    "Accepting only people you know wins when most senders are irrelevant, the clues cannot "
    "tell them apart, and strangers cost a lot: few relevant contacts are lost, while every "
    "other policy lets in noise and exposure.",
    "from invite_triage import what_if\n\n"
    'answer = {"relevant_share": 0.1, "clue_separation": 0.3, "exposure_cost": 1.0}\n'
    'what_if(**answer)["value"]',
)
def check_known_only_wins(answer: object) -> Feedback:
    return _check_winner(answer, "known_only")


@exercise(
    "accept_all_wins",
    "Accepting everyone wins when most senders are relevant, reach is worth a lot and "
    "irrelevant contacts cost little: then the triage's mistakes (relevant people declined) "
    "cost more than the few irrelevant people it keeps out.",
    "from invite_triage import what_if\n\n"
    'answer = {"relevant_share": 0.8, "reach_worth": 1.0, "noise_cost": 0.02, '
    '"exposure_cost": 0.05}\n'
    'what_if(**answer)["value"]',
)
def check_accept_all_wins(answer: object) -> Feedback:
    return _check_winner(answer, "accept_all")


def assumptions_named(sentence: str) -> list[str]:
    """The assumptions a sentence talks about, in ``WHAT_IF_RANGES`` order."""
    text = sentence.casefold()
    named = [name for name, words in ASSUMPTION_WORDS.items()
             if any(re.search(r"\b" + re.escape(w), text) for w in words)]
    named += [name for name in WHAT_IF_RANGES if name in text and name not in named]
    return [name for name in WHAT_IF_RANGES if name in named]


@exercise(
    "why_size_wins",
    "Any sentence naming the assumption that tipped the balance is right, for instance: "
    "“Accepting everyone wins when most senders are relevant and reach is worth a lot, "
    "because the triage then declines more valuable people than the noise and exposure the "
    "others bring cost.”",
    'answer = ("Accepting everyone wins when most senders are relevant and reach is worth a '
    'lot, because the triage then declines more valuable people than the noise and exposure '
    'the others bring cost.")\n'
    "answer",
)
def check_why_size_wins(answer: object) -> Feedback:
    if not isinstance(answer, str) or not answer.strip():
        return feedback(False, "", "write one sentence, as text in quotes.")
    sentence = answer.strip()
    if len(sentence) > MAX_SENTENCE_CHARS:
        return feedback(False, "", f"one sentence is enough: keep it under "
                                   f"{MAX_SENTENCE_CHARS} characters.")
    if len(sentence.split()) < 5:
        return feedback(False, "", "say a little more: which assumption, and which way?")
    named = assumptions_named(sentence)
    if not named:
        labels = "; ".join(ASSUMPTION_LABELS.values())
        return feedback(False, "", f"name the assumption that tipped the balance (one of: "
                                   f"{labels}).")
    listed = ", ".join(ASSUMPTION_LABELS[n] for n in named)
    return feedback(True, f"your sentence is about {listed}. Check it: move that slider in "
                          "the sandbox and watch the winner change.", "")
