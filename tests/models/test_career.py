"""The career model (chapter 02).

The apps' models score the criteria once (``PreparedTriage``) for speed; every number they
show must still be what a plain ``triage`` of the changed settings gives.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import triage
from invite_triage.models.career import MENTORING_GRID, CareerModel
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


def test_career_curve_and_reading_match_triage(invitations, profile):
    model = CareerModel(invitations, profile)
    weight = 0.2
    curve = model.curve(weight)
    for m in MENTORING_GRID[::3]:
        chosen = dataclasses.replace(profile, mentoring=float(m))
        decisions = triage(invitations, chosen, weights={"career": weight})["decision"]
        assert curve.loc[m].to_dict() == _counts(decisions[model.beginner])
    reading = model.at(0.8, weight)
    chosen = dataclasses.replace(profile, mentoring=0.8)
    expected = triage(invitations, chosen, weights={"career": weight})
    assert reading.counts == _counts(expected["decision"][model.beginner])
    pd.testing.assert_frame_equal(model.triaged(0.8, weight), expected, check_exact=True)
