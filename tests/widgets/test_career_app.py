"""The career app (chapter 02), driven as a learner would: move mentoring and the weight.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the app; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from invite_triage.domain.triage import triage
from invite_triage.widgets.career_app import MENTORING_GRID, career_app
from invite_triage.world.datasets import example_profile, load_invitations
from tests.widgets._helpers import assert_callback_error_is_shown


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def test_career_app_mentoring_moves_beginner_scores_and_marker(invitations, profile):
    app = career_app(invitations, profile)
    before = app.chart.value
    others_before = app.reading.mean_scores[2]

    app.slider.value = 1.0
    assert app.marker.get_xdata()[0] == pytest.approx(1.0)
    assert app.score_bars[0].get_height() == pytest.approx(1.0)  # 0.5 + 0.5 * mentoring
    high = app.reading.counts

    app.slider.value = 0.0
    assert app.score_bars[0].get_height() == pytest.approx(0.5)
    low = app.reading.counts
    assert app.reading.mean_scores[2] == pytest.approx(others_before)  # experts do not move
    assert high["accept"] >= low["accept"]
    assert sum(low.values()) == sum(high.values()) == app.model.n_beginners
    assert app.chart.value != before
    assert app.errors.message == ""


def test_career_app_counts_match_a_direct_triage(invitations, profile):
    app = career_app(invitations, profile)
    app.slider.value = 0.25
    decided = triage(invitations, dataclasses.replace(profile, mentoring=0.25),
                     weights={"career": app.weight_slider.value})
    expected = decided.loc[app.model.beginner, "decision"].value_counts()
    assert app.reading.counts == {d: int(expected.get(d, 0)) for d in ("accept", "ask", "decline")}


def test_career_app_weight_slider_redraws_the_curve(invitations, profile):
    app = career_app(invitations, profile)
    accept_line = app.lines["accept"]
    before = np.asarray(accept_line.get_ydata(), float).copy()

    app.weight_slider.value = 0.4

    curve = app.model.curve(0.4)
    assert np.allclose(accept_line.get_ydata(), curve["accept"].to_numpy(float))
    assert not np.allclose(before, accept_line.get_ydata())
    assert list(curve.index) == list(MENTORING_GRID)
    assert (curve.sum(axis=1) == app.model.n_beginners).all()
    assert "0.40" in app.summary.value


def test_career_app_never_declines_a_beginner_for_career_alone(invitations, profile):
    """Lowering mentoring only ever moves a beginner one step down (accept→ask, ask→decline)
    through the career score; the score of a beginner never goes below 0.5."""
    app = career_app(invitations, profile)
    app.slider.value = 0.0
    decided = app.model.triaged(0.0)
    assert (decided.loc[app.model.beginner, "career"] >= 0.5).all()


def test_callback_errors_are_shown_not_raised(invitations, profile, monkeypatch):
    assert_callback_error_is_shown(career_app(invitations, profile), monkeypatch, "at",
                                   lambda app: setattr(app.slider, "value", 0.9))
