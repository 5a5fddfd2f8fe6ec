"""The drafter model: the invitations to ask about, and a clear error for a language it
does not write."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.triage import triage
from invite_triage.models.drafter import DrafterModel
from invite_triage.world.datasets import example_profile, load_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_drafter_lists_the_invitations_to_ask_about(invitations, profile):
    model = DrafterModel(invitations, profile)
    expected = triage(invitations, profile)["decision"].eq("ask").sum()
    assert len(model) == expected
    assert set(model.pending["decision"]) == {"ask"}


def test_drafter_model_rejects_unknown_language(invitations, profile):
    model = DrafterModel(invitations, profile)
    with pytest.raises(InvalidInputError, match="language"):
        model.draft(model.options()[0][1], "de")
