"""What decided one invitation, in numbers and words: no drawing, so models and exercises use it
without loading matplotlib; the charts (``charts.plot_decision_contributions``, the apps'
decision bars) draw these numbers."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.criteria import CRITERIA

CRITERION_LABELS: dict[str, str] = {
    "job": "their job",
    "career": "career stage",
    "mutuals": "mutual connections",
    "groups": "shared groups",
    "known": "known offline",
    "intent": "their note",
}


def contributions(row: pd.Series, weights: Mapping[str, float]) -> pd.DataFrame:
    """Weight × score per criterion for one triaged row, normalised by the total weight so the
    contributions add up to the weighted score. Columns: ``score``, ``weight``,
    ``contribution``, ``possible`` (what a perfect score would have added)."""

    names = list(CRITERIA)
    missing = [c for c in names if c not in row.index]
    if missing:
        raise InvalidInputError("this row has not been triaged",
                                [f"missing criterion column(s) {missing}; run triage() first"])
    w = pd.Series({c: float(weights.get(c, 0.0)) for c in names})
    total = float(w.sum()) or 1.0
    scores = pd.Series({c: float(row[c]) for c in names})
    return pd.DataFrame({"score": scores, "weight": w, "contribution": w * scores / total,
                         "possible": w / total})


def decision_title(row: pd.Series, table: pd.DataFrame) -> str:
    """What decided: the criterion that helped most and the one that held it back most."""
    decision = str(row.get("decision", "")).strip() or "no decision"
    shown = {"ask": "ask first"}.get(decision, decision)
    name = str(row.get("name", "")).strip()
    score = float(row["score"]) if "score" in row.index else float(table["contribution"].sum())
    head = f"{name + ': ' if name else ''}{shown} (score {score:.2f})"
    helped = table["contribution"]
    held_back = table["possible"] - table["contribution"]

    def top(values: pd.Series, count: int) -> str:
        names = [CRITERION_LABELS.get(c, c) for c in values[values > 0].nlargest(count).index]
        return " and ".join(names)

    if helped.max() <= 0:
        return f"{head}: no criterion argued for it"
    if decision == "accept" or held_back.max() <= 0:
        return f"{head}: {top(helped, 2)} helped most"
    if decision == "decline":
        return f"{head}: {top(held_back, 2)} held it back most"
    return f"{head}: {top(helped, 1)} helped, {top(held_back, 1)} held it back"
