"""The apps' models score the criteria once (``PreparedTriage``) for speed; every number they
show must still be what a plain ``triage`` of the changed settings gives."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from invite_triage.domain.profile import FAMILIES, Profile
from invite_triage.domain.triage import triage
from invite_triage.widgets.career_app import MENTORING_GRID, CareerModel
from invite_triage.widgets.groups_app import GroupsModel
from invite_triage.widgets.inbox_app import InboxModel
from invite_triage.widgets.title_app import FamilyChoiceModel
from invite_triage.widgets.weights_app import PolicyModel, WeightsModel
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


@pytest.mark.parametrize("keep", [None, 0, 2, 5])
def test_counted_groups_match_triage_of_the_rewritten_table(invitations, profile, keep):
    model = GroupsModel(invitations, profile)
    counted = model.groups if keep is None else model.groups[:keep]
    reading = model.at(counted, 1)
    changed = invitations.assign(shared_groups=model.counted_groups_column(counted))
    expected = triage(changed, profile)
    assert reading.decisions == _counts(expected["decision"])
    assert reading.with_groups_score == int((expected["groups"] > 0).sum())
    assert reading.mean_groups_score == pytest.approx(float(expected["groups"].mean()), abs=0)


def test_groups_the_engine_does_not_recognise_are_read_as_it_reads_them(invitations):
    # A group name with no letter or digit is not recognised as yours by the engine.
    profile = dataclasses.replace(example_profile(), groups=("🚀🚀", "Social Media Marketing"))
    table = invitations.copy()
    table["shared_groups"] = [["🚀🚀", "Social Media Marketing"] if i % 3 == 0 else ["🚀🚀"]
                              for i in range(len(table))]
    model = GroupsModel(table, profile)
    for counted in (model.groups, ("🚀🚀",)):
        changed = table.assign(shared_groups=model.counted_groups_column(counted))
        expected = triage(changed, profile)
        reading = model.at(counted, 1)
        assert reading.decisions == _counts(expected["decision"])
        assert reading.with_groups_score == int((expected["groups"] > 0).sum())


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


def test_inbox_reasons_in_the_other_language_match_triage(invitations, profile):
    model = InboxModel(invitations, profile, weights={"groups": 0.5})
    other = "en" if profile.language == "fr" else "fr"
    expected = triage(invitations, dataclasses.replace(profile, language=other),
                      weights=model.weights)["reasons"].to_numpy(object)
    for position in (0, 7, len(model) - 1):
        model.go(position)
        assert model.reasons(other) == expected[position]
    assert np.array_equal(model.triaged["decision"].to_numpy(object),
                          triage(invitations, profile,
                                 weights=model.weights)["decision"].to_numpy(object))
