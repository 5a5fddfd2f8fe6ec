"""Chapter 01's logic: triage the invitations with your own family weights, count per family."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

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
        # What no weight changes, counted once: each row's family (an index in FAMILIES),
        # the invitations and the truly relevant ones per family.
        self._family_code = np.asarray(
            pd.Categorical(self.family, categories=list(FAMILIES)).codes, dtype=np.int64
        )
        self._in_families = self._family_code >= 0
        self._relevant = (
            invitations["relevant"].to_numpy(bool)
            if self.has_truth else np.zeros(len(invitations), bool)
        )
        self._invitations = self._per_family(np.ones(len(invitations), bool))
        self._truly_relevant = self._per_family(self._relevant)

    def _per_family(self, flags: np.ndarray) -> np.ndarray:
        """How many rows of each family have ``flags`` set (in FAMILIES order)."""
        rows = self._in_families & flags
        return np.bincount(self._family_code[rows], minlength=len(FAMILIES)).astype(np.int64)

    def result(self, weights: Mapping[str, float]) -> FamilyResult:
        full = {**self.default_weights, **{f: float(w) for f, w in weights.items()}}
        chosen = dataclasses.replace(self.profile, family_overrides=full)
        codes = self._prepared.with_profile(chosen).decision_codes().astype(np.int64)
        # One bincount of (family, decision) pairs: the crosstab, without pandas' overhead.
        pairs = self._family_code[self._in_families] * len(DECISIONS) + codes[self._in_families]
        counts = np.bincount(pairs, minlength=len(FAMILIES) * len(DECISIONS)).astype(np.int64)
        table = pd.DataFrame(
            {
                "weight": [full[f] for f in FAMILIES],
                "invitations": self._invitations,
                "truly relevant": self._truly_relevant,
                **dict(zip(DECISIONS, counts.reshape(len(FAMILIES), len(DECISIONS)).T,
                           strict=True)),
            },
            index=pd.Index(list(FAMILIES), name="family"),
        )
        # As ``evaluate_decisions`` computes them, on the decision codes.
        accepted = codes == DECISIONS.index("accept")
        hits = int((accepted & self._relevant).sum())
        precision = float(hits / accepted.sum()) if accepted.any() else float("nan")
        recall = float(hits / self._relevant.sum()) if self._relevant.any() else 0.0
        return FamilyResult(table, chosen.relevant_families, precision, recall)
