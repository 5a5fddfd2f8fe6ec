"""The families model (chapter 01).

The apps' models score the criteria once (``PreparedTriage``) for speed; every number they
show must still be what a plain ``triage`` of the changed settings gives.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.profile import FAMILIES, Profile
from invite_triage.domain.triage import triage
from invite_triage.models.families import FamilyChoiceModel
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile

DECISIONS = ("accept", "ask", "decline")


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(1500, seed=5)


@pytest.fixture(scope="module")
def profile() -> Profile:
    return example_profile()


def _counts(decisions: pd.Series) -> dict[str, int]:
    counts = decisions.value_counts()
    return {d: int(counts.get(d, 0)) for d in DECISIONS}


def test_family_weights_decisions_match_triage(invitations, profile):
    model = FamilyChoiceModel(invitations, profile)
    for weights in ({"hr": 0.0, "marketing": 1.0}, {f: 0.3 for f in FAMILIES}, {}):
        full = {**model.default_weights, **weights}
        chosen = dataclasses.replace(profile, family_overrides=full)
        expected = triage(invitations, chosen)["decision"]
        table = model.result(weights).table
        for decision in DECISIONS:
            assert int(table[decision].sum()) == int(expected.eq(decision).sum())
