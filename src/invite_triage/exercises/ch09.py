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
    WHAT_IF_PERSONAS,
    WHAT_IF_RANGES,
    resolve_assumptions,
    what_if,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import number
from invite_triage.core.text import fold
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.models.predict import PredictModel


def bet_persona_policy(persona: str) -> PredictModel:
    """Chapter 09's "place your bets", one per person of ``WHAT_IF_PERSONAS``: which policy
    gives their network the most value? Asked before the table that answers all three."""
    if persona not in WHAT_IF_PERSONAS:
        raise InvalidInputError(say("ch09.bet.unknown_persona", persona=repr(persona)),
                                [say("ch09.bet.expected_personas",
                                     personas=", ".join(WHAT_IF_PERSONAS))])
    settings = WHAT_IF_PERSONAS[persona]
    return PredictModel(
        say(f"ch09.bet.question.{persona}"),
        lambda: str(what_if(**settings)["value"].idxmax()),
        choices=[(POLICY_LABELS[policy], policy) for policy in POLICY_LABELS],
        explanation=say("ch09.bet.explanation"),
    )

#: Words that show which assumption a sentence is about, English or French: regular
#: expressions matched at the start of a word of the sentence folded (lower case, no accents).
ASSUMPTION_WORDS: dict[str, tuple[str, ...]] = {
    "relevant_share": ("relevant", "share", "most senders", "prospect", "matter",
                       "pertinen", r"part\b", "proportion", "la plupart", "comptent",
                       "interess"),
    "clue_separation": ("clue", "separat", "signal", "tell apart", "triage miss",
                        "criteria miss", "indice", "separ", "distingu", "critere",
                        "le tri se trompe", "erreurs? du tri"),
    "irrelevant_posting": ("post", "irrelevant contacts post", "publi"),
    "reach_worth": ("reach", "weak tie", "job", "opportunit", "portee", "liens? faibles?",
                    "emploi", "audience"),
    "noise_cost": ("noise", "feed", "bruit", r"fil\b", "fil d'actualite"),
    "exposure_cost": ("expos", "contact list", "stranger", "privacy", "reputation",
                      "e-reputation", "liste de contacts", "inconnu", "vie privee",
                      "confidentialit"),
}
MAX_SENTENCE_CHARS = 400


def _settings(answer: object) -> tuple[dict[str, float] | None, str]:
    """The learner's settings checked into a full set of assumptions, or a hint."""
    if not isinstance(answer, Mapping) or not answer:
        return None, say("ch09.hint_settings", names=", ".join(WHAT_IF_RANGES))
    try:
        return resolve_assumptions(answer), ""
    except InvalidInputError as exc:
        return None, say("ch09.hint_invalid", summary=exc.summary,
                         problems="; ".join(exc.problems))


def _policy(policy: str) -> str:
    """A policy as the sandbox names it, in the current language."""
    return POLICY_LABELS.get_in(policy)


def _assumption(name: str) -> str:
    """An assumption as the sandbox's sliders name it, in the current language."""
    return ASSUMPTION_LABELS.get_in(name)


def _check_winner(answer: object, policy: str) -> Feedback:
    settings, hint = _settings(answer)
    if settings is None:
        return feedback(False, "", hint)
    values = what_if(**settings)["value"]
    best = str(values.idxmax())
    shown = ", ".join(say("ch09.policy_value", policy=_policy(p), value=number(v, digits=1))
                      for p, v in values.items())
    if best == policy:
        return feedback(True, say("ch09.success_winner", policy=_policy(policy), values=shown),
                        "")
    return feedback(False, "", say("ch09.hint_winner", best=_policy(best), values=shown,
                                   policy=_policy(policy)))


@exercise(
    "known_only_wins",
    "from invite_triage import what_if\n\n"
    'answer = {"relevant_share": 0.1, "clue_separation": 0.3, "exposure_cost": 1.0}\n'
    'what_if(**answer)["value"]',
)
def check_known_only_wins(answer: object) -> Feedback:
    return _check_winner(answer, "known_only")


@exercise(
    "accept_all_wins",
    "from invite_triage import what_if\n\n"
    'answer = {"relevant_share": 0.8, "reach_worth": 1.0, "noise_cost": 0.02, '
    '"exposure_cost": 0.05}\n'
    'what_if(**answer)["value"]',
)
def check_accept_all_wins(answer: object) -> Feedback:
    return _check_winner(answer, "accept_all")


def assumptions_named(sentence: str) -> list[str]:
    """The assumptions a sentence talks about, in ``WHAT_IF_RANGES`` order."""
    text = fold(sentence)
    named = [name for name, words in ASSUMPTION_WORDS.items()
             if any(re.search(r"\b" + w, text) for w in words)]
    named += [name for name in WHAT_IF_RANGES if name in text and name not in named]
    return [name for name in WHAT_IF_RANGES if name in named]


@exercise(
    "why_size_wins",
    'answer = ("Accepting everyone wins when most senders are relevant and reach is worth a '
    'lot, because the triage then declines more valuable people than the noise and exposure '
    'the others bring cost.")\n'
    "answer",
)
def check_why_size_wins(answer: object) -> Feedback:
    if not isinstance(answer, str) or not answer.strip():
        return feedback(False, "", say("ch09.why_size_wins.hint_text"))
    sentence = answer.strip()
    if len(sentence) > MAX_SENTENCE_CHARS:
        return feedback(False, "", say("ch09.why_size_wins.hint_long", most=MAX_SENTENCE_CHARS))
    if len(sentence.split()) < 5:
        return feedback(False, "", say("ch09.why_size_wins.hint_short"))
    named = assumptions_named(sentence)
    if not named:
        labels = "; ".join(_assumption(name) for name in WHAT_IF_RANGES)
        return feedback(False, "", say("ch09.why_size_wins.hint_none", assumptions=labels))
    listed = ", ".join(_assumption(n) for n in named)
    return feedback(True, say("ch09.why_size_wins.success", assumptions=listed), "")
