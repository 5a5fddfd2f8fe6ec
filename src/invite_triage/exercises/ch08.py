"""Exercises of chapter 08 (your own data): your network's growth, pitches, the triage form.

Each checker takes the export the notebook loaded (``export``, default the bundled sample), so
the exercises stay correct when a learner points the notebook at their own file.
"""

from __future__ import annotations

import pandas as pd

from invite_triage.analysis.network import intent_summary, network_growth
from invite_triage.core.formats import number, percent
from invite_triage.core.i18n import get_language, label
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_int, as_key
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
    'growth.groupby(growth["month"].dt.year)["new"].sum().idxmax()',
)
def check_busiest_year(answer: object, export: LinkedInExport | None = None) -> Feedback:
    by_year = new_connections_by_year(export)
    if by_year.empty:
        return feedback(False, "", say("ch08.busiest_year.hint_no_data"))
    year = as_int(answer)
    if year is None:
        return feedback(False, "", say("ch08.busiest_year.hint_number"))
    expected = int(by_year.idxmax())
    if year == expected:
        return feedback(True, say("ch08.busiest_year.success", year=expected,
                                  new=number(int(by_year.max())),
                                  typical=number(by_year.median())), "")
    if year not in by_year.index:
        return feedback(False, "", say("ch08.busiest_year.hint_range", first=by_year.index.min(),
                                       last=by_year.index.max()))
    return feedback(False, "", say("ch08.busiest_year.hint", year=year,
                                   new=number(int(by_year[year]))))


def pending_pitches(export: LinkedInExport | None = None) -> int:
    """Pending invitations whose note reads as a sales pitch."""
    summary = intent_summary(_export(export)).set_index("intent")
    return int(summary.at["pitch", "pending"])


@exercise(
    "pending_pitches",
    'intent_summary(export).set_index("intent").at["pitch", "pending"]',
)
def check_pending_pitches(answer: object, export: LinkedInExport | None = None) -> Feedback:
    value = as_int(answer)
    if value is None or value < 0:
        return feedback(False, "", say("ch04.hint_invitations"))
    summary = intent_summary(_export(export)).set_index("intent")["pending"]
    expected = int(summary["pitch"])
    if value == expected:
        total = int(summary.sum())
        share = expected / max(total, 1)
        return feedback(True, say("ch08.pending_pitches.success", pitches=number(expected),
                                  total=number(total), share=percent(share)), "")
    if value == int(summary.sum()):
        return feedback(False, "", say("ch08.pending_pitches.hint_all"))
    others = {kind: int(n) for kind, n in summary.items() if kind != "pitch"}
    for kind, count in others.items():
        if value == count:
            return feedback(False, "", say("ch08.pending_pitches.hint_kind", kind=kind))
    return feedback(False, "", say("ch08.pending_pitches.hint"))


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
    # reasons in the learner's language (the checker shows them), not the profile's
    return decide_entry(newest, exercise_entry(export), export.to_profile(), lang=get_language())


#: Decision words beyond the keys and their labels in every language (without case or
#: accents).
_DECISION_WORDS = {
    "accepted": "accept", "accepter": "accept", "ask first": "ask", "demander": "ask",
    "declined": "decline", "ignore": "decline", "refuse": "decline", "refuser": "decline",
    "décliner": "decline",
}
_DECISIONS = ("accept", "ask", "decline")


@exercise(
    "form_decision",
    "from invite_triage.exercises.ch08 import form_decision\n\n"
    "form_decision(export).decision",
)
def check_form_decision(answer: object, export: LinkedInExport | None = None) -> Feedback:
    decided = form_decision(export)
    if decided is None:
        return feedback(False, "", say("ch08.form_decision.hint_no_pending"))
    given = as_key(answer, _DECISIONS, "decision", _DECISION_WORDS)
    if given is None:
        return feedback(False, "", say("ch08.form_decision.hint_word"))
    if given == decided.decision:
        follow = say("ch08.form_decision.drafted") if decided.draft else ""
        return feedback(True, say("ch08.form_decision.success", decision=label("decision", given),
                                  score=number(decided.score, digits=2),
                                  reasons=decided.reasons, drafted=follow), "")
    return feedback(False, "", say("ch08.form_decision.hint", name=decided.row["name"]))
