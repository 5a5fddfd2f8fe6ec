"""Chapter 03's pure parts: the plain-words 2×2 table and the thresholds read from it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from invite_triage.analysis.evaluation import CELL_NAMES, confusion_table, evaluate_decisions
from invite_triage.core.errors import InvalidInputError
from invite_triage.models.mutuals import MutualsModel
from invite_triage.world.datasets import example_profile, load_invitations


def test_confusion_table_counts_the_four_cases_in_plain_words():
    table = confusion_table([True, True, False, False, True], [True, False, True, False, True])
    assert list(table.index) == ["let in", "kept out"]
    assert list(table.columns) == ["relevant", "not relevant"]
    assert table.to_numpy().tolist() == [[2, 1], [1, 1]]
    assert set(CELL_NAMES) == {(r, c) for r in table.index for c in table.columns}


@given(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=60))
def test_confusion_table_agrees_with_precision_and_recall(pairs):
    let_in, relevant = (np.array(x, dtype=bool) for x in zip(*pairs, strict=True))
    table = confusion_table(let_in, relevant)
    assert int(table.to_numpy().sum()) == len(pairs)
    rates = evaluate_decisions(np.where(let_in, "accept", "decline"), relevant)
    good = table.loc["let in", "relevant"]
    if let_in.any():
        assert rates["precision"] == pytest.approx(good / table.loc["let in"].sum())
    if relevant.any():
        assert rates["recall"] == pytest.approx(good / table["relevant"].sum())


def test_confusion_table_refuses_lists_of_different_lengths():
    with pytest.raises(InvalidInputError, match="same length"):
        confusion_table([True, False], pd.Series([True]))


@pytest.fixture(scope="module")
def model() -> MutualsModel:
    return MutualsModel(load_invitations(), example_profile())


def test_the_model_table_matches_its_readings(model):
    for k in (0, 1, 4, 99):
        r, table = model.at(k), model.table(k)
        assert table.loc["let in", "relevant"] == r.hits
        assert table.loc["let in"].sum() == r.passed
        assert table["relevant"].sum() == r.n_relevant


def test_last_threshold_keeping_is_the_strictest_rule_that_misses_few(model):
    k = model.last_threshold_keeping(0.9)
    assert k is not None
    assert model.at(k).recall >= 0.9
    assert all(model.at(j).recall < 0.9 for j in range(k + 1, int(model.thresholds[-1]) + 1))
    assert model.last_threshold_keeping(1.0) == 0
