"""Charts redrawn by blitting (``FigureView.redraw_only``) must show exactly the pixels a full
redraw shows, after any control change: a missing artist would leave a stale bar or hide a
spine under a bar."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import PIL.Image
import pytest

from invite_triage import widgets
from invite_triage.widgets.base import FigureView
from invite_triage.widgets.title_app import EXAMPLE_TITLES
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(800, seed=3)


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def _assert_same_as_full_redraw(app) -> None:
    assert app.errors.value == ""
    chart: FigureView = app.chart
    assert chart._dynamic, "this chart is expected to redraw by blitting"
    shown = np.asarray(PIL.Image.open(io.BytesIO(chart.value)).convert("RGBA"))
    full = chart.full_redraw_pixels()
    assert shown.shape == full.shape
    differ = np.any(shown != full, axis=2)
    assert not differ.any(), f"{int(differ.sum())} pixels differ from a full redraw"


def _moves(app, moves) -> None:
    _assert_same_as_full_redraw(app)
    for move in moves:
        move()
        _assert_same_as_full_redraw(app)


def _set(widget, value):
    def move():
        widget.value = value
    return move


def _flip(widget):
    def move():
        widget.value = not widget.value
    return move


def test_goals_and_title_apps(profile):
    app = widgets.goals_app(profile)
    _moves(app, [_flip(box) for box in app.checkboxes.values()] * 2)
    app = widgets.title_app(profile)
    _moves(app, [_set(app.text, t) for t in (*EXAMPLE_TITLES, "", "🚀")])


def test_families_app(invitations, profile):
    app = widgets.families_app(invitations, profile)
    sliders = list(app.sliders.values())
    _moves(app, [_set(sliders[0], 0.0), _set(sliders[3], 1.0), _set(sliders[5], 0.55),
                 lambda: app.reset.click()])


def test_career_app(invitations, profile):
    app = widgets.career_app(invitations, profile)
    _moves(app, [_set(app.slider, 0.0), _set(app.weight_slider, 0.5), _set(app.slider, 1.0),
                 _set(app.weight_slider, 0.0)])


def test_mutuals_and_quality_apps(invitations, profile):
    app = widgets.mutuals_app(invitations, profile)
    _moves(app, [_set(app.slider, k) for k in (0, 15, 3, 1)])
    app = widgets.quality_app(invitations, profile)
    _moves(app, [_set(app.slider, t) for t in (0.0, 1.0, 0.3, 0.62)])


def test_groups_app(invitations, profile):
    app = widgets.groups_app(invitations, profile)
    boxes = list(app.checkboxes.values())
    _moves(app, [*[_flip(box) for box in boxes], _set(app.slider, app.slider.max),
                 *[_flip(box) for box in boxes[:2]], _set(app.slider, 1)])


def test_policy_weights_and_inbox_apps(invitations, profile):
    app = widgets.policy_app(invitations, profile)
    _moves(app, [_set(app.toggle, p) for p in ("known_only", "open", "balanced")])
    app = widgets.weights_app(invitations, profile)
    _moves(app, [_set(app.sliders["job"], 0.9), _set(app.accept_slider, 0.8),
                 _set(app.ask_slider, 0.05), lambda: app.reset_button.click()])
    app = widgets.inbox_app(invitations.head(5), profile)
    _moves(app, [app.accept_button.click, app.decline_button.click, app.next_button.click,
                 app.next_button.click, app.previous_button.click,
                 _set(app.language, "en"), app.skip_button.click])


def test_triage_form(tmp_path):
    app = widgets.triage_form(private_dir=tmp_path)
    positions = [value for _, value in app.dropdown.options]
    _moves(app, [_set(app.mutuals, "40"), _flip(app.known), _set(app.title, "DRH"),
                 _set(app.dropdown, positions[-1]), _set(app.mutuals, "12")])
    # Back on an invitation whose kept entry is wrong, the chart is cleared: still faithful.
    app.mutuals.value = "not a number"
    app.dropdown.value = positions[0]
    app.dropdown.value = positions[-1]
    assert app.errors.value != "" and app.decided is None
    app.errors.clear()
    _assert_same_as_full_redraw(app)


def test_static_change_is_redrawn(profile):
    app = widgets.goals_app(profile)
    app.ax.set_xlabel("a new label")  # outside the redrawn artists
    app.chart.static_changed()
    app.chart.refresh()
    _assert_same_as_full_redraw(app)
