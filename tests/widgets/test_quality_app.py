"""The quality app (chapter 07), driven like a learner would: slide the accept threshold.

Each test sets a control (slider, toggle, dropdown, text) and asserts the chart, table or
decision changed as it should; bad input must end up in ``app.errors``, never as an exception.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.analysis.quality import QualityCurve
from invite_triage.widgets.quality_app import quality_app
from invite_triage.world.datasets import example_profile, load_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_threshold_slider_moves_the_marked_point(invitations, profile):
    app = quality_app(invitations, profile)
    before_png = app.chart.value
    x_before = app.quality_chart.marker.get_xdata()[0]
    size_before = app.point["size"]
    app.slider.value = 0.75
    assert app.errors.value == ""
    assert app.point["size"] < size_before
    assert app.quality_chart.marker.get_xdata()[0] == pytest.approx(app.point["size"])
    assert app.quality_chart.marker.get_xdata()[0] < x_before
    assert app.chart.value != before_png
    assert f"<b>{app.point['size']:,.0f}</b>" in app.summary.value
    assert "ground truth" in app.summary.value
    assert "30,000" in app.summary.value and "a551012" in app.summary.value


def test_quality_app_on_real_data_shows_estimates_only(invitations, profile):
    real = invitations.drop(columns=["persona", "relevant"])
    app = quality_app(real, profile)
    assert "estimate" in app.summary.value and "ground truth of" not in app.summary.value
    assert "ground truth" not in app.table.value


def test_quality_app_reuses_a_curve(invitations, profile):
    curve = QualityCurve.from_invitations(invitations, profile)
    app = quality_app(curve=curve, threshold=0.6)
    assert app.model.curve is curve
    assert app.point == curve.at(0.6)
    assert app.model.total == len(invitations)


def test_the_legend_sits_below_the_axes_and_is_drawn_once(invitations, profile):
    """Inside the axes the moving marks crossed the legend, so every move redrew it; below
    the axes it keeps every entry and is drawn with the background."""
    app = quality_app(invitations, profile)
    chart = app.quality_chart
    assert chart.ax.get_legend() is None and app.legend in chart.figure.legends
    labels = [text.get_text() for text in app.legend.get_texts()]
    assert labels == chart.ax.get_legend_handles_labels()[1] and len(labels) >= 3
    assert app.legend not in app.chart._dynamic
    renderer = chart.figure.canvas.get_renderer()
    below = app.legend.get_window_extent(renderer).y1 < chart.ax.get_window_extent(renderer).y0
    assert below
