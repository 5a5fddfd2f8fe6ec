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
from invite_triage.core.formats import number, share
from invite_triage.core.i18n import message
from invite_triage.domain.profile import Profile


def metric_labels(lang: str | None = None) -> dict[str, str]:
    """Each metric's label in ``lang`` (None: the current language)."""
    return {m: message(f"app.quality.metric.{m}", lang) for m in METRICS}


def __getattr__(name: str) -> dict[str, str]:
    if name == "METRIC_LABELS":  # the English labels, for older imports
        return metric_labels("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def format_metric(metric: str, value: float | None, lang: str | None = None) -> str:
    """Shares as percentages, counts as whole numbers, missing values as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if metric in ("relevance_share", "feed_noise"):
        return share(value, lang)
    return number(value, lang)


class QualityModel:
    """The quality curve of one inbox, precomputed, read at any threshold."""

    def __init__(self, curve: QualityCurve, lang: str | None = None):
        self.curve = curve
        self.lang = lang
        self.has_truth = curve.has_truth
        self.accept_all = curve.fixed.set_index("policy").loc["accept_all"].to_dict()
        self.total = int(self.accept_all["size"])

    @classmethod
    def from_invitations(cls, invitations: pd.DataFrame, profile: Profile,
                         weights: Mapping[str, float] | None = None,
                         lang: str | None = None) -> QualityModel:
        return cls(QualityCurve.from_invitations(invitations, profile, weights), lang)

    def at(self, threshold: float) -> dict[str, float]:
        """Every metric, estimate and (on synthetic data) truth, at ``threshold``."""
        if not isinstance(threshold, (int, float)) or not 0 <= float(threshold) <= 1:
            raise InvalidInputError(
                message("app.quality.threshold_error", self.lang),
                [message("app.quality.got", self.lang, value=repr(threshold))],
            )
        return self.curve.at(float(threshold))

    def rows(self, threshold: float, lang: str | None = None) -> list[dict[str, str]]:
        """The numbers table: one row per metric, estimate and truth in their own columns,
        in ``lang`` (None: the model's language, else the current one)."""
        lang = self.lang if lang is None else lang
        here = self.at(threshold)
        labels = metric_labels(lang)
        meanings = METRIC_MEANINGS.in_language(lang)
        col = {key: message(f"app.quality.col_{key}", lang) for key in (
            "metric", "here_estimate", "here_truth", "all_truth", "all_estimate", "meaning")}
        rows = []
        for metric in METRICS:
            truth_key = metric if metric == "size" else f"{metric}_true"
            row = {
                col["metric"]: labels[metric],
                col["here_estimate"]: format_metric(metric, here.get(metric), lang),
            }
            if self.has_truth:
                row[col["here_truth"]] = format_metric(metric, here.get(truth_key), lang)
                row[col["all_truth"]] = format_metric(metric, self.accept_all.get(truth_key),
                                                      lang)
            else:
                row[col["all_estimate"]] = format_metric(metric, self.accept_all.get(metric),
                                                         lang)
            row[col["meaning"]] = meanings[metric]
            rows.append(row)
        return rows
