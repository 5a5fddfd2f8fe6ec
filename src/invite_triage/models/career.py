"""Chapter 02's logic: who counts as a beginner, and how mentoring and the career weight move
their decisions (the career app's model)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.criteria import CRITERIA, reason_keys
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import DECISIONS as DECISION_ORDER
from invite_triage.domain.triage import PreparedTriage, preset_weights
from invite_triage.render.style import DECISIONS

#: Mentoring values at which the whole curve is drawn (the marker moves between them).
MENTORING_GRID = np.round(np.linspace(0.0, 1.0, 11), 2)
#: Career reason keys that mean "early in their career" (in your field or not).
EARLY_KEYS = ("beginner_mentor", "beginner", "early")
IN_FIELD_KEYS = ("beginner_mentor", "beginner")
SAMPLE_ROWS = 4


@dataclass(frozen=True)
class CareerReading:
    """The app's numbers at one mentoring value and one career weight."""

    mentoring: float
    career_weight: float
    counts: dict[str, int]
    relevant_counts: dict[str, int]
    mean_scores: tuple[float, float, float]
    recall: float
    samples: pd.DataFrame


class CareerModel:
    """Who counts as a beginner (the career criterion's own reading) and how they are triaged."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        keys = reason_keys("career")
        # The criteria are scored once; a mentoring move re-scores only the career criterion
        # (the titles, notes and names are not read again), a weight move none.
        self._prepared = PreparedTriage(invitations, profile)
        code = self._prepared.codes[:, CRITERIA.index("career")]
        self.beginner = np.isin(code, [keys.index(k) for k in EARLY_KEYS])
        self.in_field = np.isin(code, [keys.index(k) for k in IN_FIELD_KEYS])
        self.preset_career_weight = float(preset_weights(profile)["career"])
        self.has_truth = "relevant" in invitations.columns
        self.truth = (
            invitations["relevant"].to_numpy(bool) if self.has_truth
            else np.zeros(len(invitations), bool)
        )
        self._curves: dict[float, pd.DataFrame] = {}
        # The curve counts beginners only, and a row's decision never depends on the other
        # rows: the beginners alone are prepared for it (a weight move re-decides the grid's
        # eleven mentoring values on them, not on the whole table).
        self._beginners = PreparedTriage(invitations[self.beginner], profile)

    @property
    def n_beginners(self) -> int:
        return int(self.beginner.sum())

    def triaged(self, mentoring: float, career_weight: float | None = None) -> pd.DataFrame:
        weight = self.preset_career_weight if career_weight is None else float(career_weight)
        return self._at_mentoring(mentoring).triage(weights={"career": weight})

    def _at_mentoring(self, mentoring: float) -> PreparedTriage:
        profile = dataclasses.replace(self.profile, mentoring=float(mentoring))
        return self._prepared.with_profile(profile)

    def beginner_counts(self, decisions: pd.Series) -> dict[str, int]:
        counts = decisions[self.beginner].value_counts()
        return {d: int(counts.get(d, 0)) for d in DECISIONS}

    def curve(self, career_weight: float | None = None) -> pd.DataFrame:
        """Decisions among beginners for every mentoring value of the grid (cached per weight)."""
        weight = self.preset_career_weight if career_weight is None else float(career_weight)
        key = round(weight, 4)
        if key not in self._curves:
            # Counts only: decisions without their reasons, for each mentoring value.
            order = [DECISION_ORDER.index(d) for d in DECISIONS]
            rows = []
            for m in MENTORING_GRID:
                at_m = self._beginners.with_profile(
                    dataclasses.replace(self.profile, mentoring=float(m)))
                codes = at_m.decision_codes(weights={"career": weight})
                counts = np.bincount(codes, minlength=len(DECISION_ORDER))
                rows.append({d: int(counts[i]) for d, i in zip(DECISIONS, order, strict=True)})
            self._curves[key] = pd.DataFrame(rows, index=pd.Index(MENTORING_GRID, name="mentoring"))
        return self._curves[key]

    def at(self, mentoring: float, career_weight: float | None = None) -> CareerReading:
        weight = self.preset_career_weight if career_weight is None else float(career_weight)
        result = self.triaged(mentoring, weight)
        decisions = result["decision"]
        career = result["career"].to_numpy(float)
        relevant_beginners = decisions[self.beginner & self.truth].value_counts()
        groups = (self.in_field, self.beginner & ~self.in_field, ~self.beginner)
        means = tuple(float(career[g].mean()) if g.any() else float("nan") for g in groups)
        recall = evaluate_decisions(
            decisions[self.beginner].to_numpy(object), self.truth[self.beginner]
        )["recall"]
        samples = result.loc[self.in_field, ["title", "years_experience", "decision", "reasons"]]
        return CareerReading(
            mentoring=float(mentoring),
            career_weight=weight,
            counts=self.beginner_counts(decisions),
            relevant_counts={d: int(relevant_beginners.get(d, 0)) for d in DECISIONS},
            mean_scores=means,
            recall=recall,
            samples=samples.head(SAMPLE_ROWS),
        )
