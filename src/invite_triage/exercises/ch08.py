"""Exercises of chapter 08 (your own data): your network's growth, pitches, the triage form.

Each checker takes the export the notebook loaded (``export``, default the bundled sample), so
the exercises stay correct when a learner points the notebook at their own file.
"""

from __future__ import annotations

import pandas as pd

from invite_triage.analysis.network import intent_summary, network_growth
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.linkedin.export import LinkedInExport, pending_invitations
from invite_triage.models.own_data import FormDecision, FormEntry, decide_entry
from invite_triage.world.datasets import load_sample_export


def _export(export: LinkedInExport | None) -> LinkedInExport:
    if export is None:

        return load_sample_export()
    return export


def new_connections_by_year(export: LinkedInExport | None = None) -> pd.Series:
    """How many connections you made each calendar year (from ``Connected On``)."""
    export = _export(export)
    if export.connections is None:
        return pd.Series([], dtype="int64", name="new")
    growth = network_growth(export.connections, export.to_profile())
    return growth.groupby(growth["month"].dt.year)["new"].sum().rename("new")


@exercise(
    "busiest_year",
    "Group the growth table by the year of its month and add up the new connections; the "
    "year with the largest sum is the answer.",
    'growth.groupby(growth["month"].dt.year)["new"].sum().idxmax()',
)
def check_busiest_year(answer: object, export: LinkedInExport | None = None) -> Feedback:
    by_year = new_connections_by_year(export)
    if by_year.empty:
        return feedback(False, "", "this export has no dated connections (no Connections.csv).")
    year = as_int(answer)
    if year is None:
        return feedback(False, "", "give a year, for example 2021.")
    expected = int(by_year.idxmax())
    if year == expected:
        return feedback(
            True,
            f"{expected}: {int(by_year.max())} new connections, against "
            f"{by_year.median():.0f} in a typical year. Was your network's relevant share "
            "rising or falling that year?",
            "",
        )
    if year not in by_year.index:
        return feedback(False, "", f"your connections run from {by_year.index.min()} to "
                                   f"{by_year.index.max()}; pick a year in that range.")
    return feedback(
        False, "",
        f"in {year} you made {int(by_year[year])} new connections; another year has more. "
        "Sum the 'new' column per year, not the 'size' column (that one only ever grows).",
    )


def pending_pitches(export: LinkedInExport | None = None) -> int:
    """Pending invitations whose note reads as a sales pitch."""
    summary = intent_summary(_export(export)).set_index("intent")
    return int(summary.at["pitch", "pending"])


@exercise(
    "pending_pitches",
    "intent_summary(export) counts the pending invitations per kind of note; read the "
    "'pitch' row.",
    'intent_summary(export).set_index("intent").at["pitch", "pending"]',
)
def check_pending_pitches(answer: object, export: LinkedInExport | None = None) -> Feedback:
    value = as_int(answer)
    if value is None or value < 0:
        return feedback(False, "", "give a whole number of invitations.")
    summary = intent_summary(_export(export)).set_index("intent")["pending"]
    expected = int(summary["pitch"])
    if value == expected:
        share = expected / max(int(summary.sum()), 1)
        return feedback(
            True,
            f"{expected} of {int(summary.sum())} pending invitations ({share:.0%}) open with a "
            "sales pitch: the triage never accepts those automatically, at most it asks first.",
            "",
        )
    if value == int(summary.sum()):
        return feedback(False, "", "that is every pending invitation; count only the pitches.")
    others = {kind: int(n) for kind, n in summary.items() if kind != "pitch"}
    for kind, count in others.items():
        if value == count:
            return feedback(False, "", f"that is the number of '{kind}' notes; look at 'pitch'.")
    return feedback(False, "", "use intent_summary(export), or the bar chart of notes above.")


def exercise_entry(export: LinkedInExport | None = None) -> FormEntry:
    """What exercise 3 asks to type in the form (your first group, when you have one)."""
    groups = _export(export).to_profile().groups
    return FormEntry(
        title="Business Developer",
        mutual_connections="6",
        mutual_titles="Community Manager, Head of Sales",
        shared_groups=tuple(groups[:1]),
        known_offline=False,
    )


def form_decision(export: LinkedInExport | None = None) -> FormDecision | None:
    """The form's decision for the newest pending invitation filled in as in exercise 3."""
    export = _export(export)
    pending = pending_invitations(export)
    if pending.empty:
        return None
    newest = pending.sort_values("sent_at", ascending=False, kind="stable").iloc[[0]]
    return decide_entry(newest, exercise_entry(export), export.to_profile())


_DECISION_WORDS = {
    "accept": "accept", "accepted": "accept", "accepter": "accept",
    "ask": "ask", "ask first": "ask", "demander": "ask", "demander d'abord": "ask",
    "decline": "decline", "declined": "decline", "ignore": "decline", "ignorer": "decline",
    "refuse": "decline", "refuser": "decline",
}


@exercise(
    "form_decision",
    "In the form, keep the newest invitation selected (the first in the list), type the title "
    "'Business Developer', 6 mutual connections, the titles 'Community Manager, Head of Sales', "
    "tick your first group and leave 'I know them offline' unticked. The decision is the "
    "coloured word after 'Suggested'. The same in code:",
    "from invite_triage.exercises.ch08 import form_decision\n\n"
    "form_decision(export).decision",
)
def check_form_decision(answer: object, export: LinkedInExport | None = None) -> Feedback:
    decided = form_decision(export)
    if decided is None:
        return feedback(False, "", "this export has no pending invitation to fill in.")
    word = as_word(answer)
    given = _DECISION_WORDS.get(word or "")
    if given is None:
        return feedback(False, "", "answer with one word: accept, ask (first) or decline.")
    if given == decided.decision:
        follow = (" The form also drafted a message to ask what they expect." if decided.draft
                  else "")
        return feedback(
            True,
            f"{given} (score {decided.score:.2f}). {decided.reasons}{follow}",
            "",
        )
    return feedback(
        False, "",
        f"the form says something else. Check every field: title 'Business Developer', 6 "
        f"mutual connections, two titles, your first group ticked, 'I know them offline' "
        f"unticked, and the newest invitation selected ({decided.row['name']}).",
    )
