"""Exercises of chapter 05 (beyond the profile): a bet on "ask first", what to do when there is
no note, the known-only policy's price, a pitch, and a pitch that fools the classifier."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from invite_triage.core.i18n import label
from invite_triage.core.text import fold
from invite_triage.domain.intent import classify_message, rule_kind
from invite_triage.domain.triage import triage
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

#: The pitch exercise asks for a short note, like a real invitation note.
MAX_PITCH_WORDS = 25


def _known_only() -> pd.DataFrame:
    profile = dataclasses.replace(example_profile(), policy="known_only")
    return triage(load_invitations(), profile)


def _ask_first() -> tuple[int, int]:
    """The invitations the balanced triage answers "ask first": how many, and how many of them
    carry a note (only those can be answered on a free account)."""
    invitations = load_invitations()
    asked = triage(invitations, example_profile())["decision"].eq("ask").to_numpy()
    notes = invitations["message"].fillna("").astype(str).str.strip().ne("").to_numpy()
    return int(asked.sum()), int((asked & notes).sum())


def bet_ask_first_notes() -> PredictModel:
    """Chapter 05's "place your bets": how often can "ask first" actually be done?"""
    total, _ = _ask_first()
    return PredictModel(
        say("ch05.bet.question", total=total),
        lambda: _ask_first()[1],
        low=0, high=max(total, 1), step=1, tolerance=max(1, round(total * 0.05)),
        explanation=lambda with_note: (
            say("ch05.bet.explanation", with_note=int(with_note), total=total,
                without=total - int(with_note))
            + (say("ch05.bet.explanation_empty") if 2 * int(with_note) < total else "")
        ),
        unit=say("ch05.bet.unit"),
    )


#: Exercise 1's options (what to do with an "ask first" invitation that carries no note); the
#: notebook words them, the checker reads the letter.
NO_NOTE_OPTIONS = ("a", "b", "c", "d")


@exercise(
    "no_note_move",
    'answer = "c"\nanswer',
)
def check_no_note_move(answer: object) -> Feedback:
    word = as_word(answer)
    if word not in NO_NOTE_OPTIONS:
        return feedback(False, "", say("ch05.no_note_move.hint_choice"))
    total, with_note = _ask_first()
    if word == "c":
        return feedback(True, say("ch05.no_note_move.success", without=total - with_note,
                                  total=total), "")
    return feedback(False, "", say(f"ch05.no_note_move.hint_{word}"))


@exercise(
    "known_only_missed",
    "from dataclasses import replace\n\n"
    'strict = triage(invitations, replace(profile, policy="known_only"))\n'
    '((strict["decision"] == "decline") & strict["relevant"]).sum()',
)
def check_known_only_missed(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", say("ch04.hint_invitations"))
    strict = _known_only()
    declined = strict["decision"].eq("decline")
    relevant = strict["relevant"].astype(bool)
    expected = int((declined & relevant).sum())
    if value == expected:
        return feedback(True, say("ch05.known_only_missed.success", declined=expected,
                                  relevant=int(relevant.sum())), "")
    if value == int(declined.sum()):
        return feedback(False, "", say("ch05.known_only_missed.hint_declined"))
    if value == int(relevant.sum()):
        return feedback(False, "", say("ch05.known_only_missed.hint_relevant"))
    return feedback(False, "", say("ch05.known_only_missed.hint"))


@exercise(
    "pitch_note",
    'answer = "Hi! Our tool gets you 30+ qualified leads per month. Free trial this week?"\n'
    "classify_message(answer)",
)
def check_pitch_note(answer: object) -> Feedback:
    if not isinstance(answer, str) or not answer.strip():
        return feedback(False, "", say("ch05.pitch_note.hint_text"))
    words = re.findall(r"\w+", answer)
    if len(words) > MAX_PITCH_WORDS:
        return feedback(False, "", say("ch05.pitch_note.hint_long", words=len(words),
                                       most=MAX_PITCH_WORDS))
    kind, triggers = classify_message(answer)
    if kind == "pitch":
        found = ", ".join(say("ch05.pitch_note.quoted", phrase=t) for t in triggers)
        return feedback(True, say("ch05.pitch_note.success", found=found), "")
    return feedback(False, "", say("ch05.pitch_note.hint", kind=repr(kind)))


#: What makes a note an offer, by the guide's definition (the ``pitch`` cues of
#: ``domain.intent``): each kind of offer with the words that show it, English or French, as
#: regular expressions on the folded note (lower case, no accents). A job offer is not one.
OFFER_WORDS: dict[str, str] = {
    "price": r"\bprice[sd]?\b|\bpricing\b|\bprix\b|\btarifs?\b|[€$£]",
    "discount": r"\bdiscounts?\b|\bremises?\b|\breductions?\b|\bcodes? promo\b",
    "free": r"\bfree\b|\bgratuit\w*|\boffert\w*",
    "trial": r"\bdemos?\b|\bdemonstrations?\b|\btrials?\b|\bessais?\b|\baudits?\b",
    "offer": r"(?<!job )\boffers?\b|\boffres?\b(?! d.emploi)",
}


def offer_words(note: str) -> dict[str, tuple[str, ...]]:
    """The offers ``note`` makes: kind of offer (a key of :data:`OFFER_WORDS`) -> the words."""
    folded = fold(note)
    found = {}
    for kind, pattern in OFFER_WORDS.items():
        words = tuple(dict.fromkeys(m.group(0) for m in re.finditer(pattern, folded)))
        if words:
            found[kind] = words
    return found


def _quoted(phrases: tuple[str, ...] | list[str]) -> str:
    return ", ".join(say("ch05.pitch_note.quoted", phrase=p) for p in phrases)


@exercise(
    "fooling_pitch",
    'answer = ("Loved your talk at the Lyon meetup! We audit social pages for brands, "\n'
    '          "happy to share what we found on yours.")\n'
    "classify_message(answer)",
)
def check_fooling_pitch(answer: object) -> Feedback:
    if not isinstance(answer, str) or not answer.strip():
        return feedback(False, "", say("ch05.pitch_note.hint_text"))
    words = re.findall(r"\w+", answer)
    if len(words) > MAX_PITCH_WORDS:
        return feedback(False, "", say("ch05.pitch_note.hint_long", words=len(words),
                                       most=MAX_PITCH_WORDS))
    offers = offer_words(answer)
    if not offers:
        return feedback(False, "", say("ch05.fooling_pitch.hint_no_offer"))
    kind, triggers = classify_message(answer)
    if kind == "pitch":
        return feedback(False, "", say("ch05.fooling_pitch.hint_caught",
                                       found=_quoted(triggers)))
    offer_kind, offer = next(iter(offers.items()))
    cue = say(f"ch05.fooling_pitch.cue.{offer_kind}", word=offer[0])
    if rule_kind(answer) == "pitch":
        why = say("ch05.fooling_pitch.why_model")
    elif kind == "personal":
        why = say("ch05.fooling_pitch.why_personal")
    else:
        why = say("ch05.fooling_pitch.why_generic")
    found = _quoted(triggers) if triggers else say("ch05.fooling_pitch.no_triggers")
    return feedback(True, say("ch05.fooling_pitch.success", kind=label("message_kind", kind),
                              found=found, why=why, cue=cue), "")
