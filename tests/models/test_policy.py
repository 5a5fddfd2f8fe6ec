"""The policy model: every policy's counts, and what each trades (precision against recall)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.models.policy import PolicyModel
from invite_triage.world.datasets import example_profile, load_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_policy_table_counts_and_quality(invitations, profile):
    table = PolicyModel(invitations, profile).table()
    assert list(table.index) == ["balanced", "known_only", "open"]
    assert (table[["accept", "ask", "decline"]].sum(axis=1) == len(invitations)).all()
    # The strict policy trades recall for precision; the open one the reverse.
    assert table.at["known_only", "recall"] < table.at["balanced", "recall"]
    assert table.at["open", "recall"] > table.at["balanced", "recall"]
    assert table.at["open", "precision"] < table.at["balanced", "precision"]


def test_policy_model_without_ground_truth(invitations, profile):
    table = PolicyModel(invitations.drop(columns=["persona", "relevant"]), profile).table()
    assert "precision" not in table.columns
