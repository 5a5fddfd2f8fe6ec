"""The shared-groups model (chapter 04).

The apps' models score the criteria once (``PreparedTriage``) for speed; every number they
show must still be what a plain ``triage`` of the changed settings gives.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.criteria import Signals
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import triage
from invite_triage.models.groups import GroupsModel
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


@pytest.mark.parametrize("groups", [None, ("🚀🚀", "Social Media Marketing"), ("🚀🚀",)])
def test_n_counted_is_the_engines_shared_groups_signal(invitations, groups):
    """The model counts with integer codes for speed; it must read groups as the engine does."""
    profile = example_profile() if groups is None else dataclasses.replace(
        example_profile(), groups=groups)
    table = invitations.copy()
    if groups is not None:
        table["shared_groups"] = [list(groups[: i % 3]) for i in range(len(table))]
    model = GroupsModel(table, profile)
    for keep in range(len(model.groups) + 1):
        counted = model.groups[:keep]
        changed = table.assign(shared_groups=model.counted_groups_column(counted))
        expected = Signals(changed, profile).shared_groups
        assert model.n_counted(counted).tolist() == expected.tolist()
