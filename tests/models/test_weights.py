"""The weights and policy models (chapters 05–06).

The apps' models score the criteria once (``PreparedTriage``) for speed; every number they
show must still be what a plain ``triage`` of the changed settings gives.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import triage
from invite_triage.models.policy import PolicyModel
from invite_triage.models.weights import WeightsModel
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(1500, seed=5)


@pytest.fixture(scope="module")
def profile() -> Profile:
    return example_profile()


def test_weights_and_policies_match_triage(invitations, profile):
    model = WeightsModel(invitations, profile)
    weights, thresholds = {"job": 0.5, "intent": 0.05}, {"accept": 0.5, "ask": 0.3}
    pd.testing.assert_frame_equal(
        model.run(weights, thresholds).triaged,
        triage(invitations, profile, weights=weights, thresholds=thresholds),
        check_exact=True,
    )
    policies = PolicyModel(invitations, profile)
    for policy, result in policies.results.items():
        expected = triage(invitations, dataclasses.replace(profile, policy=policy))
        pd.testing.assert_frame_equal(result, expected, check_exact=True)
