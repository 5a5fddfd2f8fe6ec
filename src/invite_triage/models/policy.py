"""Chapter 05's logic: the invitations triaged under each policy, once (the policy app's model).

Also the decision counts and the quality of "accept" that the weights model shares.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.profile import POLICIES, Profile
from invite_triage.domain.triage import PreparedTriage
from invite_triage.render.style import DECISIONS


def decision_counts(triaged: pd.DataFrame) -> dict[str, int]:
    """How many invitations get each decision, always in the order accept, ask, decline."""
    counts = triaged["decision"].value_counts()
    return {d: int(counts.get(d, 0)) for d in DECISIONS}


@dataclass(frozen=True)
class AcceptQuality:
    """How well "accept" matches the hidden ground truth (synthetic data only)."""

    precision: float
    recall: float
    f1: float


class PolicyModel:
    """The invitations triaged under each policy, once; the toggle only picks one."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.profile = profile
        prepared = PreparedTriage(invitations, profile)  # the criteria, once for 3 policies
        self.results = {
            policy: prepared.with_profile(dataclasses.replace(profile, policy=policy)).triage()
            for policy in POLICIES
        }
        # The engine's ``known`` criterion: met offline, or on your list of people you know.
        self.known = int(self.results["balanced"]["known"].ge(1.0).sum())
        self.total = len(invitations)
        self.truth = (invitations["relevant"].to_numpy(bool)
                      if "relevant" in invitations.columns else None)

    def counts(self, policy: str) -> dict[str, int]:
        return decision_counts(self.results[policy])

    def quality(self, policy: str) -> AcceptQuality | None:
        """Precision, recall and F1 of the policy's "accept" (synthetic data only)."""
        if self.truth is None:
            return None
        q = evaluate_decisions(self.results[policy]["decision"], self.truth)
        return AcceptQuality(q["precision"], q["recall"], q["f1"])

    def table(self) -> pd.DataFrame:
        """Per policy: decision counts, and on synthetic data the precision, recall and F1 of
        "accept" against the hidden ground truth."""
        rows = {}
        for policy in POLICIES:
            row: dict[str, float] = dict(self.counts(policy))
            quality = self.quality(policy)
            if quality is not None:
                row.update(precision=quality.precision, recall=quality.recall, f1=quality.f1)
            rows[policy] = row
        return pd.DataFrame.from_dict(rows, orient="index").rename_axis("policy")
