"""Chapter 03's logic: the 2×2 table, precision and recall of "at least k relevant mutual
connections" (the mutual-connections app's model)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import confusion_table
from invite_triage.domain.criteria import Signals
from invite_triage.domain.profile import Profile

#: The slider stops here: beyond it almost nobody passes and the curves say nothing new.
MAX_THRESHOLD = 15


def threshold_curve(values: np.ndarray, relevant: np.ndarray, thresholds: np.ndarray) -> dict:
    """Precision, recall and pass counts of "value >= k" for every k, vectorised."""
    values = np.asarray(values)
    relevant = np.asarray(relevant, dtype=bool)
    passed = values[None, :] >= np.asarray(thresholds)[:, None]
    n_passed = passed.sum(axis=1)
    hits = (passed & relevant[None, :]).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(n_passed > 0, hits / np.maximum(n_passed, 1), np.nan)
    recall = hits / relevant.sum() if relevant.sum() else np.full(len(thresholds), np.nan)
    return {"passed": n_passed, "hits": hits, "precision": precision, "recall": recall}


def relevant_mutual_counts(invitations: pd.DataFrame, profile: Profile) -> pd.Series:
    """How many of each invitation's mutual connections work in a family that matters to you.

    Read from the criteria's own signals, so the app counts exactly what the triage counts.
    """
    relevant = Signals(invitations, profile).mutual_stats[3]
    return pd.Series(relevant, index=invitations.index, dtype="int64", name="relevant_mutuals")


@dataclass(frozen=True)
class ThresholdReading:
    """The rule "at least k" at one k, for relevant mutuals and for all mutuals."""

    k: int
    passed: int
    hits: int
    precision: float
    recall: float
    passed_all: int
    precision_all: float
    recall_all: float
    n_relevant: int
    n_total: int


class MutualsModel:
    """Precision and recall of "at least k relevant mutual connections", for every k at once."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile,
                 max_threshold: int = MAX_THRESHOLD):
        if "relevant" not in invitations.columns:
            raise ValueError(
                "the mutual-connections app needs the hidden 'relevant' column of the synthetic "
                "invitations to measure precision and recall"
            )
        self.invitations = invitations
        self.profile = profile
        self.relevant_mutuals = relevant_mutual_counts(invitations, profile)
        self.all_mutuals = invitations["mutual_connections"].astype("int64")
        self.truth = invitations["relevant"].to_numpy(bool)
        self.thresholds = np.arange(0, max_threshold + 1)
        self.curve = threshold_curve(self.relevant_mutuals.to_numpy(), self.truth, self.thresholds)
        self.curve_all = threshold_curve(self.all_mutuals.to_numpy(), self.truth, self.thresholds)

    def at(self, k: int) -> ThresholdReading:
        i = int(np.clip(k, self.thresholds[0], self.thresholds[-1]))
        return ThresholdReading(
            k=i,
            passed=int(self.curve["passed"][i]),
            hits=int(self.curve["hits"][i]),
            precision=float(self.curve["precision"][i]),
            recall=float(self.curve["recall"][i]),
            passed_all=int(self.curve_all["passed"][i]),
            precision_all=float(self.curve_all["precision"][i]),
            recall_all=float(self.curve_all["recall"][i]),
            n_relevant=int(self.truth.sum()),
            n_total=len(self.truth),
        )

    def first_threshold_above(self, precision: float) -> int | None:
        """The smallest k whose precision exceeds ``precision`` (None if none does)."""
        above = np.flatnonzero(np.nan_to_num(self.curve["precision"], nan=-1.0) > precision)
        return int(self.thresholds[above[0]]) if above.size else None

    def let_in(self, k: int) -> np.ndarray:
        """Who the rule "at least k relevant mutual connections" lets in (k clipped to the
        slider's range, as :meth:`at` does)."""
        i = int(np.clip(k, self.thresholds[0], self.thresholds[-1]))
        return self.relevant_mutuals.to_numpy() >= i

    def table(self, k: int, lang: str | None = None) -> pd.DataFrame:
        """The 2×2 table (let in / kept out × relevant / not relevant) of the rule at ``k``,
        its rows and columns named in ``lang`` (None: the current language)."""
        return confusion_table(self.let_in(k), self.truth, lang)

    def last_threshold_keeping(self, recall: float) -> int | None:
        """The largest k whose recall is still at least ``recall``: the strictest rule that
        misses few relevant people (None if even k = 0 keeps fewer)."""
        keeps = np.flatnonzero(np.nan_to_num(self.curve["recall"], nan=-1.0) >= recall)
        return int(self.thresholds[keeps[-1]]) if keeps.size else None
