"""Chapter 04's logic: your groups, who shares them, and the triage when only some of them count
(the shared-groups app's model)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.core.text import fold
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import PreparedTriage
from invite_triage.render.style import DECISIONS


@dataclass(frozen=True)
class GroupsReading:
    """The app's numbers for one choice of counted groups and one minimum."""

    counted: tuple[str, ...]
    minimum: int
    decisions: dict[str, int]
    baseline: dict[str, int]
    with_groups_score: int
    mean_groups_score: float
    passed: int
    precision: float
    recall: float


class GroupsModel:
    """Your groups, who shares them, and the triage when only some of them count."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        self.groups: tuple[str, ...] = tuple(profile.groups)
        # Positional index, so a table with a duplicated index still lines up.
        exploded = invitations["shared_groups"].reset_index(drop=True).explode()
        self._memberships = exploded[exploded.isin(self.groups)]
        # The same memberships as integer codes (row, group), so a change of counted groups
        # is one mask and one bincount, not a Python-level groupby.
        self._owner = self._memberships.index.to_numpy(np.int64)
        self._group_code = pd.Categorical(
            self._memberships.to_numpy(object), categories=list(dict.fromkeys(self.groups))
        ).codes
        self.has_truth = "relevant" in invitations.columns
        self.truth = (
            invitations["relevant"].to_numpy(bool) if self.has_truth
            else np.zeros(len(invitations), bool)
        )
        self.per_group = self._per_group()
        # Ticking groups changes only the groups criterion: the other criteria are scored
        # once here, and each change swaps in the counted groups per invitation.
        self._prepared = PreparedTriage(invitations, profile)
        self.baseline = self._decision_counts(self._prepared.decisions())

    def _per_group(self) -> pd.DataFrame:
        """Per group: invitations sharing it, and how many of those were truly relevant."""
        relevant = self.truth[self._memberships.index.to_numpy(int)]
        members = pd.DataFrame({"group": self._memberships.to_numpy(object), "relevant": relevant})
        table = members.groupby("group")["relevant"].agg(["size", "sum"]).reindex(
            list(self.groups), fill_value=0
        )
        return table.rename(columns={"size": "invitations", "sum": "truly relevant"}).astype(int)

    def counted_groups_column(self, counted: Iterable[str]) -> pd.Series:
        """Each invitation's shared groups, keeping only those in ``counted`` (vectorised)."""
        keep = self._memberships[self._memberships.isin(set(counted))]
        lists = keep.groupby(level=0).agg(list)
        column = np.empty(len(self.invitations), dtype=object)
        column[:] = [[] for _ in range(len(self.invitations))]
        column[lists.index.to_numpy(int)] = lists.to_numpy(object)
        return pd.Series(column, index=self.invitations.index, dtype=object)

    def n_counted(self, counted: Iterable[str]) -> np.ndarray:
        """How many of the counted groups each invitation shares. This is the engine's own
        ``shared_groups`` signal (``Signals.shared_groups``) on the table whose lists keep only
        the counted groups (``counted_groups_column``): every kept group is one of yours."""
        wanted = set(counted)
        categories = list(dict.fromkeys(self.groups))
        # As the engine reads them: a group whose folded name is empty is not recognised as
        # yours, unless none of your groups is recognised (then every listed group counts).
        yours = {fold(g) for g in categories} - {""}
        is_counted = np.array(
            [g in wanted and (not yours or fold(g) in yours) for g in categories] + [False],
            dtype=bool,
        )
        mask = is_counted[self._group_code]  # code -1 (never here) would read the last: False
        return np.bincount(self._owner[mask], minlength=len(self.invitations)).astype(np.int64)

    @staticmethod
    def _decision_counts(decisions: pd.Series) -> dict[str, int]:
        counts = decisions.value_counts()
        return {d: int(counts.get(d, 0)) for d in DECISIONS}

    def at(self, counted: Iterable[str], minimum: int) -> GroupsReading:
        counted = tuple(g for g in self.groups if g in set(counted))
        # The same as triaging the table whose shared_groups keep only the counted groups
        # (``counted_groups_column``): each invitation then shares n_counted of your groups.
        n_counted = self.n_counted(counted)
        result = self._prepared.with_signals(shared_groups=n_counted)
        groups_score = result.criterion("groups")
        passed = n_counted >= max(int(minimum), 1)
        quality = evaluate_decisions(np.where(passed, "accept", "decline"), self.truth)
        return GroupsReading(
            counted=counted,
            minimum=int(minimum),
            decisions=self._decision_counts(result.decisions()),
            baseline=self.baseline,
            with_groups_score=int((groups_score > 0).sum()),
            mean_groups_score=float(groups_score.mean()) if len(groups_score) else 0.0,
            passed=int(passed.sum()),
            precision=quality["precision"] if passed.any() else float("nan"),
            recall=quality["recall"],
        )
