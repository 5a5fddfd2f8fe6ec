"""The synthetic inbox and the example profile, shared by the chapters' checker tests."""

from __future__ import annotations

import pytest

from invite_triage.world.datasets import example_profile, load_invitations


@pytest.fixture(scope="module")
def invitations():
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()
