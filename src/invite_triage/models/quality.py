"""Chapter 07's logic: the quality curve of one inbox, precomputed, read at any threshold.

The numbers keep estimates (what the criteria can see) and ground truth (the synthetic world's
hidden answers) in separate, labelled columns.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from invite_triage.analysis.quality import (
    METRIC_MEANINGS,
    METRICS,
    QualityCurve,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import Profile
from invite_triage.render.style import fmt_share

METRIC_LABELS: dict[str, str] = {
    "size": "size",
    "relevance_share": "relevance share",
    "feed_noise": "feed noise",
    "exposure": "strangers who can see your contact list (exposure)",
    "reach": "doors to new opportunities (reach)",
}


def format_metric(metric: str, value: float | None) -> str:
    """Shares as percentages, counts as whole numbers, missing values as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if metric in ("relevance_share", "feed_noise"):
        return fmt_share(value)
    return f"{value:,.0f}"


class QualityModel:
    """The quality curve of one inbox, precomputed, read at any threshold."""

    def __init__(self, curve: QualityCurve):
        self.curve = curve
        self.has_truth = curve.has_truth
        self.accept_all = curve.fixed.set_index("policy").loc["accept_all"].to_dict()
        self.total = int(self.accept_all["size"])

    @classmethod
    def from_invitations(cls, invitations: pd.DataFrame, profile: Profile,
                         weights: Mapping[str, float] | None = None) -> QualityModel:
        return cls(QualityCurve.from_invitations(invitations, profile, weights))

    def at(self, threshold: float) -> dict[str, float]:
        """Every metric, estimate and (on synthetic data) truth, at ``threshold``."""
        if not isinstance(threshold, (int, float)) or not 0 <= float(threshold) <= 1:
            raise InvalidInputError(
                "the accept threshold must be a number in [0, 1]", [f"got {threshold!r}"]
            )
        return self.curve.at(float(threshold))

    def rows(self, threshold: float) -> list[dict[str, str]]:
        """The numbers table: one row per metric, estimate and truth in their own columns."""
        here = self.at(threshold)
        rows = []
        for metric in METRICS:
            truth_key = metric if metric == "size" else f"{metric}_true"
            row = {
                "metric": METRIC_LABELS[metric],
                "at your threshold (estimate)": format_metric(metric, here.get(metric)),
            }
            if self.has_truth:
                row["at your threshold (ground truth)"] = format_metric(
                    metric, here.get(truth_key))
                row["accept everyone (ground truth)"] = format_metric(
                    metric, self.accept_all.get(truth_key))
            else:
                row["accept everyone (estimate)"] = format_metric(
                    metric, self.accept_all.get(metric))
            row["meaning"] = METRIC_MEANINGS[metric]
            rows.append(row)
        return rows
