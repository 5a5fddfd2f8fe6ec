"""What decided one invitation, in numbers and words: no drawing, so models and exercises use it
without loading matplotlib; the charts (``charts.plot_decision_contributions``, the apps'
decision bars) draw these numbers."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from invite_triage.analysis.texts import CatalogLabels, num
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import label, message
from invite_triage.domain.criteria import CRITERIA

#: Each criterion's label in the current language (the domain's ``label.criterion.*``).
CRITERION_LABELS: CatalogLabels[str] = CatalogLabels("label.criterion", CRITERIA)


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


def decision_title(row: pd.Series, table: pd.DataFrame, lang: str | None = None) -> str:
    """What decided: the criterion that helped most and the one that held it back most (in
    ``lang``; None: the current language)."""
    decision = str(row.get("decision", "")).strip()
    shown = (label("decision", decision, lang) if decision in ("accept", "ask", "decline")
             else decision or message("chart.decision.no_decision", lang))
    name = str(row.get("name", "")).strip()
    score = float(row["score"]) if "score" in row.index else float(table["contribution"].sum())
    fields = {"name": name, "decision": shown, "score": num(score, lang, 2)}
    head = message("chart.decision.head" if name else "chart.decision.head_anonymous", lang,
                   **fields)
    helped = table["contribution"]
    held_back = table["possible"] - table["contribution"]

    def top(values: pd.Series, count: int) -> str:
        names = [CRITERION_LABELS.get_in(c, lang) if c in CRITERION_LABELS else str(c)
                 for c in values[values > 0].nlargest(count).index]
        return (message("chart.decision.and", lang, first=names[0], second=names[1])
                if len(names) == 2 else "".join(names))

    if helped.max() <= 0:
        return message("chart.decision.title.nothing", lang, head=head)
    if decision == "accept" or held_back.max() <= 0:
        return message("chart.decision.title.helped", lang, head=head, criteria=top(helped, 2))
    if decision == "decline":
        return message("chart.decision.title.held_back", lang, head=head,
                       criteria=top(held_back, 2))
    return message("chart.decision.title.mixed", lang, head=head, helped=top(helped, 1),
                   held=top(held_back, 1))
