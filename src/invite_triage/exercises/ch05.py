"""Exercises of chapter 05 (beyond the profile): the known-only policy, its price, a pitch."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from invite_triage.domain.intent import classify_message
from invite_triage.domain.triage import triage
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int
from invite_triage.world.datasets import example_profile, load_invitations

#: The pitch exercise asks for a short note, like a real invitation note.
MAX_PITCH_WORDS = 25


def _known_only() -> pd.DataFrame:
    profile = dataclasses.replace(example_profile(), policy="known_only")
    return triage(load_invitations(), profile)


@exercise(
    "known_only_accepts",
    "Triage the invitations with your profile switched to the known-only policy and count the "
    "accept decisions (the policy app's table shows the same number).",
    "from dataclasses import replace\n\n"
    'strict = triage(invitations, replace(profile, policy="known_only"))\n'
    '(strict["decision"] == "accept").sum()',
)
def check_known_only_accepts(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    strict = _known_only()
    decisions = strict["decision"]
    expected = int(decisions.eq("accept").sum())
    if value == expected:
        return feedback(
            True,
            f"{expected} of {len(strict)} invitations are accepted: only people you know get in.",
            "",
        )
    if value == int(strict["known_offline"].sum()):
        return feedback(
            False, "",
            "that is the number met offline (known_offline). The policy also counts the names "
            "in profile.known_people, and never accepts a sales pitch outright.",
        )
    if value == int(decisions.eq("decline").sum()):
        return feedback(False, "", "that is the number declined; count the accept decisions.")
    return feedback(
        False, "",
        'triage with replace(profile, policy="known_only") and count decision == "accept".',
    )


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
