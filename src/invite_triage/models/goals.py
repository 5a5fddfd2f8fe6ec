"""Chapter 00's logic: your goals turned into job-family weights (the goals app's model)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pandas as pd

from invite_triage.domain.profile import FAMILIES, GOALS, Profile


class GoalsModel:
    """Your goals turned into family weights, through :meth:`Profile.family_weights`."""

    def __init__(self, profile: Profile):
        self.profile = profile

    def profile_for(self, goals: Iterable[str]) -> Profile:
        ordered = tuple(g for g in GOALS if g in set(goals))
        return dataclasses.replace(self.profile, goals=ordered)

    def weights(self, goals: Iterable[str]) -> pd.Series:
        weights = self.profile_for(goals).family_weights()
        return pd.Series([weights[f] for f in FAMILIES], index=list(FAMILIES), name="weight")

    def matters(self, goals: Iterable[str]) -> tuple[str, ...]:
        return self.profile_for(goals).relevant_families
