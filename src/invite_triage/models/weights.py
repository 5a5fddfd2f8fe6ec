"""Chapter 06's logic: criterion weights and thresholds in, decisions and their quality out
(the weights app's model). The engine validates the settings; its messages reach the app."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import DEFAULT_THRESHOLDS, PreparedTriage, preset_weights
from invite_triage.models.policy import AcceptQuality, decision_counts


@dataclass(frozen=True)
class WeightsResult:
    triaged: pd.DataFrame
    counts: dict[str, int]
    quality: AcceptQuality | None


class WeightsModel:
    """Weights and thresholds in, decisions (and their quality against the truth) out."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        self.weights = preset_weights(profile)
        self.thresholds = dict(DEFAULT_THRESHOLDS)
        self.has_truth = "relevant" in invitations.columns
        self._prepared: PreparedTriage | None = None

    @property
    def prepared(self) -> PreparedTriage:
        """The criteria, scored at the first run (so a bad table is reported like any bad
        setting): weights and thresholds never change a criterion, so each slider move
        re-runs only the weighted sum, the decisions and the reasons."""
        if self._prepared is None:
            self._prepared = PreparedTriage(self.invitations, self.profile)
        return self._prepared

    def run(self, weights: Mapping[str, float] | None = None,
            thresholds: Mapping[str, float] | None = None) -> WeightsResult:
        """Triage with these settings (the engine validates them)."""
        weights = dict(self.weights if weights is None else weights)
        thresholds = dict(self.thresholds if thresholds is None else thresholds)
        triaged = self.prepared.triage(weights=weights, thresholds=thresholds)
        quality = None
        if self.has_truth:
            q = evaluate_decisions(triaged["decision"], self.invitations["relevant"])
            quality = AcceptQuality(q["precision"], q["recall"], q["f1"])
        return WeightsResult(triaged, decision_counts(triaged), quality)
