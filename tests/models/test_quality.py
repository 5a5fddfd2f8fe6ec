"""The quality model: estimates and ground truth kept apart, thresholds checked; and the
policies' networks it compares with."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from invite_triage.analysis.quality import policy_networks
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.triage import triage
from invite_triage.models.quality import QualityModel
from invite_triage.world.datasets import example_profile, load_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_quality_table_separates_estimate_and_truth(invitations, profile):
    model = QualityModel.from_invitations(invitations, profile)
    rows = model.rows(0.5)
    assert [r["metric"] for r in rows] == [
        "size", "relevance share", "feed noise",
        "strangers who can see your contact list (exposure)",
        "doors to new opportunities (reach)",
    ]
    assert {"at your threshold (estimate)", "at your threshold (ground truth)"} <= set(rows[0])
    shares = {r["metric"]: r for r in rows}
    truth = model.at(0.5)["relevance_share_true"]
    assert shares["relevance share"]["at your threshold (ground truth)"] == f"{truth:.0%}"


def test_quality_model_rejects_a_threshold_outside_0_1(invitations, profile):
    with pytest.raises(InvalidInputError, match=r"\[0, 1\]"):
        QualityModel.from_invitations(invitations, profile).at(1.5)


def test_policy_networks_match_the_policies(invitations, profile):
    networks = policy_networks(invitations, profile)
    assert len(networks["accept_all"]) == len(invitations)
    strict = triage(invitations, dataclasses.replace(profile, policy="balanced"))
    assert len(networks["balanced"]) == strict["decision"].eq("accept").sum()
    assert len(networks["known_only"]) < len(networks["balanced"])
    assert np.all(networks["known_only"].index.isin(invitations.index))
