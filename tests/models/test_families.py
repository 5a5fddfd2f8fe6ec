"""The families model (chapter 01).

The apps' models score the criteria once (``PreparedTriage``) for speed; every number they
show must still be what a plain ``triage`` of the changed settings gives.
"""

from __future__ import annotations

import dataclasses

import numpy as np
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


# --- the per-move shortcuts must change no number ---------------------------------------------
def _edge_invitations() -> pd.DataFrame:
    """Small synthetic invitations with the awkward cases: empty mutual lists, titles made of
    emoji only, missing titles, a duplicated index, rows without ground truth mixed in."""
    frame = synth.invitations(300, seed=11)
    mutuals = list(frame["mutual_titles"])
    mutuals[:40] = [[] for _ in range(40)]
    mutuals[40:60] = [["🚀", "✨✨", ""] for _ in range(20)]
    mutuals[75:80] = [["DRH", "DRH", "Chargée de com"] for _ in range(5)]
    titles = list(frame["title"])
    titles[60:70] = ["🚀🔥"] * 10
    titles[70:75] = [None] * 5
    cells = np.empty(len(frame), dtype=object)
    cells[:] = mutuals
    frame = frame.assign(mutual_titles=cells, title=pd.Series(titles, index=frame.index,
                                                              dtype=object))
    return frame.set_axis([i // 2 for i in range(len(frame))])  # every label twice


_SETTINGS = (
    {},
    {"hr": 0.0},
    {"tech": 1.0, "finance": 0.5},
    {family: 0.0 for family in FAMILIES},
    {family: 1.0 for family in FAMILIES},
    {family: 0.5 for family in FAMILIES},  # exactly the "matters" boundary everywhere
)


@pytest.mark.parametrize("frame", ["synth", "edges"])
def test_every_number_equals_a_plain_triage_of_the_same_weights(frame, invitations, profile):
    from invite_triage.analysis.evaluation import evaluate_decisions
    from invite_triage.domain.titles import classify_titles

    table_in = invitations if frame == "synth" else _edge_invitations()
    model = FamilyChoiceModel(table_in, profile)
    family = classify_titles(table_in["title"])["family"].to_numpy()
    relevant = table_in["relevant"].to_numpy(bool)
    for weights in _SETTINGS:
        full = {**model.default_weights, **weights}
        chosen = dataclasses.replace(profile, family_overrides=full)
        decided = triage(table_in, chosen)["decision"].to_numpy(object)
        result = model.result(weights)
        for f in FAMILIES:
            mine = family == f
            assert result.table.at[f, "weight"] == full[f]
            assert result.table.at[f, "invitations"] == int(mine.sum())
            assert result.table.at[f, "truly relevant"] == int((mine & relevant).sum())
            for decision in DECISIONS:
                assert result.table.at[f, decision] == int((decided[mine] == decision).sum())
        quality = evaluate_decisions(decided, relevant)
        if (decided == "accept").any():
            assert result.precision == quality["precision"]
        else:
            assert np.isnan(result.precision)
        assert result.recall == quality["recall"]
        assert result.matters == chosen.relevant_families


def test_moves_reuse_the_classified_mutual_titles_and_give_fresh_numbers(profile):
    """A change of family weights re-weights the mutual titles classified once; the result
    is exactly what signals computed from scratch give, whatever the order of the moves."""
    from invite_triage.domain.criteria import Signals

    frame = _edge_invitations()
    base = Signals(frame, profile)
    first = base.mutual_stats
    for weights in (*_SETTINGS, {}):
        chosen = dataclasses.replace(
            profile, family_overrides={**profile.family_weights(), **weights})
        derived = base.under(chosen)
        assert "_mutual_families" in vars(derived)  # carried over, not recomputed
        fresh = Signals(frame, chosen).mutual_stats
        for got, expected in zip(derived.mutual_stats, fresh, strict=True):
            assert got.dtype == expected.dtype
            np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(base.under(profile).mutual_stats[2], first[2])


def test_no_mutual_titles_at_all(profile):
    from invite_triage.domain.criteria import Signals

    frame = synth.invitations(20, seed=2)
    frame["mutual_titles"] = [[] for _ in range(len(frame))]
    count, listed, relevance, relevant = Signals(frame, profile).mutual_stats
    assert listed.sum() == 0 and relevance.sum() == 0.0 and relevant.sum() == 0
    np.testing.assert_array_equal(count, frame["mutual_connections"].to_numpy())
    assert FamilyChoiceModel(frame, profile).result({"hr": 0.0}).table["accept"].sum() >= 0
