"""Exercises of chapter 05 (beyond the profile): a bet on "ask first", what to do when there is
no note, the known-only policy's price, a pitch."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from invite_triage.domain.intent import classify_message
from invite_triage.domain.triage import triage
from invite_triage.exercises import Feedback, exercise, feedback
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
        f"The triage answers \"ask first\" for {total} invitations. On a free account you "
        "can only reply to an invitation that carries a note. How many of them carry one?",
        lambda: _ask_first()[1],
        low=0, high=max(total, 1), step=1, tolerance=max(1, round(total * 0.05)),
        explanation=lambda with_note: (
            f"{int(with_note)} of {total} carry a note; for the other {total - int(with_note)} "
            "there is nothing to reply to."
            + (" Most invitations arrive empty." if 2 * int(with_note) < total else "")
        ),
        unit="invitations",
    )


#: Exercise 1's options: what to do with an "ask first" invitation that carries no note.
NO_NOTE_OPTIONS = {
    "a": "reply to the invitation",
    "b": "send an InMail",
    "c": "look at the profile, then accept, Ignore, or leave it pending",
    "d": "press Ignore, then write to them to explain why",
}


@exercise(
    "no_note_move",
    "c. With no note there is nothing to reply to, and InMail needs a Premium account. Look "
    "at the profile (they may see the visit), ask a mutual connection if you have one, then "
    "accept, Ignore (silent) or leave the invitation pending. LinkedIn's button says Ignore, "
    "not Decline, and the sender is not told.",
    'answer = "c"\nanswer',
)
def check_no_note_move(answer: object) -> Feedback:
    word = as_word(answer)
    if word not in NO_NOTE_OPTIONS:
        return feedback(False, "", 'answer "a", "b", "c" or "d".')
    total, with_note = _ask_first()
    if word == "c":
        return feedback(
            True,
            f"{total - with_note} of the {total} \"ask first\" invitations are in this case: "
            "look, then decide; Ignore is silent and the invitation can wait.",
            "",
        )
    hints = {
        "a": "with no note there is no message to reply to.",
        "b": "InMail needs a Premium account (and credits); on a free account you can only "
             "message your connections.",
        "d": "without Premium you cannot message someone you are not connected to, and Ignore "
             "is silent on purpose: the sender is not told, and no explanation is owed.",
    }
    return feedback(False, "", hints[word])


@exercise(
    "known_only_missed",
    "Among the invitations the known-only policy declines, count those whose hidden "
    "`relevant` column is True: people worth knowing that the strict rule turns away.",
    "from dataclasses import replace\n\n"
    'strict = triage(invitations, replace(profile, policy="known_only"))\n'
    '((strict["decision"] == "decline") & strict["relevant"]).sum()',
)
def check_known_only_missed(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    strict = _known_only()
    declined = strict["decision"].eq("decline")
    relevant = strict["relevant"].astype(bool)
    expected = int((declined & relevant).sum())
    if value == expected:
        return feedback(
            True,
            f"{expected} relevant people are declined, out of {int(relevant.sum())} relevant "
            "invitations: the price of a strict policy. It is still a legitimate choice.",
            "",
        )
    if value == int(declined.sum()):
        return feedback(False, "", "that counts every declined invitation; keep only the "
                                   "relevant ones (both conditions with &).")
    if value == int(relevant.sum()):
        return feedback(False, "", "that counts every relevant invitation; keep only the "
                                   "declined ones (both conditions with &).")
    return feedback(False, "", 'combine decision == "decline" with relevant == True, then count.')


@exercise(
    "pitch_note",
    "Any short note with a commercial hook works, in English or French: a demo, a quick call, "
    "a free trial, qualified leads, a price. The intent app highlights the phrases that decide.",
    'answer = "Hi! Our tool gets you 30+ qualified leads per month. Free trial this week?"\n'
    "classify_message(answer)",
)
def check_pitch_note(answer: object) -> Feedback:
    if not isinstance(answer, str) or not answer.strip():
        return feedback(False, "", "write the note as a string, between quotes.")
    words = re.findall(r"\w+", answer)
    if len(words) > MAX_PITCH_WORDS:
        return feedback(
            False, "",
            f"{len(words)} words is long for an invitation note; keep it to "
            f"{MAX_PITCH_WORDS} or fewer.",
        )
    kind, triggers = classify_message(answer)
    if kind == "pitch":
        found = ", ".join(f'"{t}"' for t in triggers)
        return feedback(True, f"read as a pitch, because of {found}.", "")
    return feedback(
        False, "",
        f"the classifier reads this note as {kind!r}. Add a commercial hook (a demo, a quick "
        "call, a free trial, a price…) and try it in the intent app first.",
    )
