"""The weights app (chapter 06), driven like a learner would: move weights and thresholds.

Each test sets a control (slider, toggle, dropdown, text) and asserts the chart, table or
decision changed as it should; bad input must end up in ``app.errors``, never as an exception.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.triage import DEFAULT_THRESHOLDS, triage
from invite_triage.widgets.weights_app import weights_app
from invite_triage.world.datasets import example_profile, load_invitations
from tests.widgets._helpers import bar_heights as _bar_heights


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_raising_the_accept_threshold_lowers_accepts_and_redraws(invitations, profile):
    app = weights_app(invitations, profile)
    before_png, before = app.chart.value, app.result
    app.accept_slider.value = 0.7
    assert app.errors.value == ""
    after = app.result
    assert after.counts["accept"] < before.counts["accept"]
    assert after.counts["ask"] > before.counts["ask"]
    assert sum(after.counts.values()) == len(invitations)
    assert after.quality.precision > before.quality.precision
    assert after.quality.recall < before.quality.recall
    assert app.chart.value != before_png
    assert _bar_heights(app) == [after.counts[d] for d in ("accept", "ask", "decline")]
    assert f"<b>{after.counts['accept']}</b> accept" in app.summary.value


def test_a_weight_slider_changes_decisions(invitations, profile):
    app = weights_app(invitations, profile)
    before = app.result.counts
    for name, slider in app.sliders.items():
        slider.value = 1.0 if name == "known" else 0.0
    assert app.errors.value == ""
    strict = triage(invitations, profile, weights=app.weights, thresholds=app.thresholds)
    assert app.result.counts["accept"] == strict["decision"].eq("accept").sum()
    assert app.result.counts != before


def test_all_weights_zero_shows_a_clear_message(invitations, profile):
    app = weights_app(invitations, profile)
    for slider in app.sliders.values():
        slider.value = 0.0
    assert "all zero" in app.errors.value
    assert app.result is None
    assert "No result" in app.summary.value
    app.sliders["job"].value = 0.5  # one weight back: the app recovers
    assert app.errors.value == ""
    assert app.result is not None


def test_ask_above_accept_is_reported_not_raised(invitations, profile):
    app = weights_app(invitations, profile)
    app.ask_slider.value = 0.9
    assert "ask" in app.errors.value and "accept" in app.errors.value
    app.reset_button.click()
    assert app.errors.value == ""
    assert app.thresholds == DEFAULT_THRESHOLDS


def test_weights_app_without_ground_truth(invitations, profile):
    app = weights_app(invitations.drop(columns=["persona", "relevant"]), profile)
    assert app.result.quality is None
    assert "No ground truth" in app.summary.value
