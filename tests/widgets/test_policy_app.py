"""The policy app (chapter 05), driven like a learner would: switch policies.

Each test sets a control (slider, toggle, dropdown, text) and asserts the chart, table or
decision changed as it should; bad input must end up in ``app.errors``, never as an exception.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.triage import triage
from invite_triage.widgets.policy_app import policy_app
from invite_triage.world.datasets import example_profile, load_invitations
from tests.widgets._helpers import bar_heights as _bar_heights


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_policy_toggle_changes_counts_and_chart(invitations, profile):
    app = policy_app(invitations, profile)
    balanced_png, balanced = app.chart.value, _bar_heights(app)
    app.toggle.value = "known_only"
    assert app.errors.value == ""
    assert app.chart.value != balanced_png
    strict = _bar_heights(app)
    assert strict[0] < balanced[0]  # fewer accepted
    assert strict[2] > balanced[2]  # more declined
    expected = triage(invitations, dataclasses.replace(profile, policy="known_only"))
    assert strict[0] == expected["decision"].eq("accept").sum()
    assert f"<b>{int(strict[0])}</b> accept" in app.summary.value
    app.toggle.value = "open"
    assert _bar_heights(app)[0] > balanced[0]
