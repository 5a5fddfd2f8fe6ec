"""PreparedTriage: the widgets' cached triage must give exactly what ``triage`` gives."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import FAMILIES, POLICIES
from invite_triage.domain.triage import DECISIONS, PreparedTriage, triage
from invite_triage.world import synth
from invite_triage.world import vocab as synth_vocab
from invite_triage.world.datasets import example_profile

TABLE_SEED = 11
#: Names of people in the table, so a change of ``known_people`` changes who is known.
NAMES = sorted(set(synth.invitations(600, seed=TABLE_SEED)["name"].head(40)))
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(600, seed=TABLE_SEED)


@pytest.fixture(scope="module")
def base() -> PreparedTriage:
    return PreparedTriage(synth.invitations(600, seed=TABLE_SEED), example_profile())


def _same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left, right, check_exact=True)


weights_st = st.one_of(
    st.none(),
    st.dictionaries(st.sampled_from(CRITERIA), st.floats(0.01, 3.0), max_size=6),
)
thresholds_st = st.one_of(
    st.none(),
    st.tuples(st.floats(0, 1), st.floats(0, 1)).map(
        lambda t: {"accept": max(t), "ask": min(t)}
    ),
)
profile_changes = st.fixed_dictionaries(
    {},
    optional={
        "mentoring": st.floats(0, 1),
        "policy": st.sampled_from(POLICIES),
        "language": st.sampled_from(["en", "fr"]),
        "goals": st.lists(st.sampled_from(["job_search", "prospecting", "client_retention",
                                           "reputation"]), unique=True).map(tuple),
        "groups": st.lists(st.sampled_from(synth_vocab.YOUR_GROUPS), unique=True).map(tuple),
        "known_people": st.lists(st.sampled_from(NAMES), unique=True).map(tuple),
        "family_overrides": st.dictionaries(st.sampled_from(FAMILIES), st.floats(0, 1)),
        "title": st.sampled_from(["Community Manager", "Chargée de recrutement", "CFO"]),
    },
)


def test_prepared_triage_is_triage(invitations):
    profile = example_profile()
    _same(PreparedTriage(invitations, profile).triage(), triage(invitations, profile))


@SETTINGS
@given(changes=profile_changes, weights=weights_st, thresholds=thresholds_st)
def test_with_profile_matches_a_fresh_triage(base, changes, weights, thresholds):
    profile = dataclasses.replace(base.profile, **changes)
    expected = triage(base.invitations, profile, weights, thresholds)
    derived = base.with_profile(profile)
    _same(derived.triage(weights, thresholds), expected)
    pd.testing.assert_series_equal(derived.decisions(weights, thresholds), expected["decision"])
    codes = derived.decision_codes(weights, thresholds)
    assert (np.asarray(DECISIONS)[codes] == expected["decision"].to_numpy(object)).all()


@SETTINGS
@given(changes=profile_changes, more=profile_changes)
def test_chained_profiles_do_not_leak_signals(base, changes, more):
    first = dataclasses.replace(base.profile, **changes)
    second = dataclasses.replace(first, **more)
    _same(base.with_profile(first).with_profile(second).triage(),
          triage(base.invitations, second))


def test_with_signals_shared_groups_matches_rewritten_table(invitations):
    profile = example_profile()
    counted = set(profile.groups[:2])
    kept = invitations["shared_groups"].map(lambda groups: [g for g in groups if g in counted])
    counts = kept.map(len).to_numpy(np.int64)
    expected = triage(invitations.assign(shared_groups=kept), profile)
    result = PreparedTriage(invitations, profile).with_signals(shared_groups=counts)
    pd.testing.assert_series_equal(result.decisions(), expected["decision"])
    assert (result.criterion("groups") == expected["groups"].to_numpy()).all()
    # The replaced signal survives a change of profile that does not touch it.
    policy = dataclasses.replace(profile, policy="open")
    pd.testing.assert_series_equal(
        result.with_profile(policy).decisions(),
        triage(invitations.assign(shared_groups=kept), policy)["decision"],
    )


def test_with_signals_rejects_unknown_names(base):
    with pytest.raises(ValueError, match="cannot replace"):
        base.with_signals(score=np.zeros(len(base)))


def test_prepared_triage_validates_table_and_settings(invitations):
    with pytest.raises(InvalidInputError):
        PreparedTriage(invitations.drop(columns=["title"]), example_profile())
    prepared = PreparedTriage(invitations, example_profile())
    with pytest.raises(InvalidInputError, match="weights"):
        prepared.triage(weights={"job": -1})
    with pytest.raises(InvalidInputError, match="thresholds"):
        prepared.decisions(thresholds={"accept": 0.2, "ask": 0.5})


def test_prepared_triage_keeps_a_custom_index(invitations):
    table = invitations.set_index(pd.Index(np.arange(len(invitations))[::-1] * 3))
    prepared = PreparedTriage(table, example_profile())
    _same(prepared.triage(), triage(table, example_profile()))
    assert prepared.decisions().index.equals(table.index)
