"""Chapter 01's logic: triage the invitations with your own family weights, count per family."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.profile import FAMILIES, Profile
from invite_triage.domain.titles import classify_titles
from invite_triage.domain.triage import PreparedTriage
from invite_triage.render.style import DECISIONS


@dataclass(frozen=True)
class FamilyResult:
    """Per family: weight, invitations, truly relevant, decisions; and the totals."""

    table: pd.DataFrame
    matters: tuple[str, ...]
    precision: float
    recall: float


class FamilyChoiceModel:
    """Triage the invitations with your own family weights and count the outcome per family."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        self.family = classify_titles(invitations["title"])["family"]
        self.default_weights = dict(profile.family_weights())
        self.has_truth = "relevant" in invitations.columns
        # Family weights change only the job and mutuals criteria: the titles, notes and
        # names are read once here, and each move re-scores only what the weights touch.
        self._prepared = PreparedTriage(invitations, profile)

    def result(self, weights: Mapping[str, float]) -> FamilyResult:
        full = {**self.default_weights, **{f: float(w) for f, w in weights.items()}}
        chosen = dataclasses.replace(self.profile, family_overrides=full)
        decisions = self._prepared.with_profile(chosen).decisions()
        family = pd.Categorical(self.family, categories=list(FAMILIES))
        counts = pd.crosstab(family, decisions.to_numpy()).reindex(
            index=list(FAMILIES), columns=list(DECISIONS), fill_value=0
        )
        relevant = (
            self.invitations["relevant"].to_numpy(bool)
            if self.has_truth else np.zeros(len(decisions), bool)
        )
        table = pd.DataFrame(
            {
                "weight": [full[f] for f in FAMILIES],
                "invitations": self.family.value_counts().reindex(FAMILIES, fill_value=0),
                "truly relevant": pd.Series(relevant).groupby(family, observed=False).sum()
                .reindex(FAMILIES, fill_value=0).to_numpy(),
            },
            index=list(FAMILIES),
        ).join(counts)
        table.index.name = "family"
        quality = evaluate_decisions(decisions.to_numpy(object), relevant)
        precision = quality["precision"] if decisions.eq("accept").any() else float("nan")
        recall = quality["recall"]
        matters = chosen.relevant_families
        return FamilyResult(table, matters, precision, recall)
