"""Chapter 09's sandbox, driven like a learner would: each slider moves the right bars the
right way, the table and the sentences follow, and the blitted chart is the full chart."""

from __future__ import annotations

import io

import numpy as np
import PIL.Image
import pytest

from invite_triage import WHAT_IF_PERSONAS, WHAT_IF_RANGES, what_if
from invite_triage.analysis.what_if import COMPONENTS, WHAT_IF_POLICIES
from invite_triage.core.errors import InvalidInputError
from invite_triage.widgets import what_if_app
from invite_triage.widgets.what_if_app import POLICY_STYLES, WhatIfApp
from tests.widgets._helpers import png, same_colour

#: slider, new value, the policy whose bar must move, which way, the component that moves.
SLIDER_MOVES = [
    ("relevant_share", 0.8, "accept_all", +1, "relevant_contacts"),
    ("clue_separation", 2.0, "balanced", +1, "relevant_contacts"),
    ("clue_separation", 0.0, "balanced", -1, "relevant_contacts"),
    ("irrelevant_posting", 4.0, "accept_all", -1, "feed_noise"),
    ("reach_worth", 2.0, "accept_all", +1, "reach"),
    ("noise_cost", 0.5, "accept_all", -1, "feed_noise"),
    ("exposure_cost", 1.5, "accept_all", -1, "exposure"),
]


@pytest.fixture
def app() -> WhatIfApp:
    return what_if_app()


def _settings(app: WhatIfApp) -> dict[str, float]:
    return {name: float(s.value) for name, s in app.sliders.items()}


def _assert_chart_shows(app: WhatIfApp) -> None:
    """The bars are the simulated values of the sliders' settings, and nothing else."""
    assert app.errors.value == ""
    expected = what_if(**_settings(app))
    heights = app.what_if_chart.heights()
    for policy in WHAT_IF_POLICIES:
        assert heights[policy] == pytest.approx(expected.at[policy, "value"])
        widths = app.what_if_chart.widths(policy)
        for component in COMPONENTS:
            assert widths[component] == pytest.approx(expected.at[policy, component])
    # Drawn to scale, the longest bar at full length, every bar inside the axes.
    low, high = app.what_if_chart.ax.get_ylim()
    drawn = [bar.get_height() for bar in app.what_if_chart.bars]
    assert max(abs(h) for h in drawn) == pytest.approx(1.0)
    assert low <= min(0.0, *drawn) and high >= max(0.0, *drawn)


def test_there_is_one_slider_per_assumption_at_its_default(app):
    assert list(app.sliders) == list(WHAT_IF_RANGES)
    for name, (low, default, high) in WHAT_IF_RANGES.items():
        slider = app.sliders[name]
        assert (slider.min, slider.value, slider.max) == pytest.approx((low, default, high))
    _assert_chart_shows(app)
    assert "Balanced triage wins" in app.summary.value
    assert "Balanced triage wins" in app.what_if_chart.suptitle.get_text()


@pytest.mark.parametrize(("name", "value", "policy", "direction", "component"), SLIDER_MOVES)
def test_each_slider_moves_its_bars_the_right_way(app, name, value, policy, direction,
                                                  component):
    before_png, before_table = png(app), app.table.value
    before = app.what_if_chart.heights()[policy]
    before_part = app.what_if_chart.widths(policy)[component]
    app.sliders[name].value = value
    _assert_chart_shows(app)
    assert app.model.assumptions[name] == pytest.approx(value)
    after = app.what_if_chart.heights()[policy]
    after_part = app.what_if_chart.widths(policy)[component]
    assert np.sign(after - before) == direction
    assert np.sign(after_part - before_part) == direction
    assert png(app) != before_png
    assert app.table.value != before_table
    assert f"{name}={value:g}" in app.summary.value


def test_enough_reach_makes_accepting_everyone_win_and_the_sentence_says_when(app):
    break_even = app.model.break_even().at
    assert break_even is not None
    assert f"more than {break_even:.2f}" in app.summary.value
    app.sliders["reach_worth"].value = 2.0
    assert app.model.winner() == "accept_all"
    assert "Accept everyone wins" in app.summary.value
    assert app.what_if_chart.value_labels[0].get_text().startswith("best")


def test_a_persona_sets_every_slider_and_redraws_once(app, monkeypatch):
    calls = []
    original = app.chart.refresh
    monkeypatch.setattr(app.chart, "refresh", lambda: (calls.append(1), original())[1])
    app.persona.value = "community_manager"
    assert len(calls) == 1
    assert _settings(app) == pytest.approx(WHAT_IF_PERSONAS["community_manager"])
    _assert_chart_shows(app)
    assert "Known only wins" in app.summary.value
    app.persona.value = "defaults"
    assert _settings(app) == pytest.approx({k: v[1] for k, v in WHAT_IF_RANGES.items()})


def test_starting_from_a_persona_with_an_override():
    app = what_if_app("salesperson", reach_worth=0.0)
    assert app.persona.value == "salesperson"
    assert app.sliders["reach_worth"].value == 0.0
    assert app.sliders["relevant_share"].value == WHAT_IF_PERSONAS["salesperson"]["relevant_share"]
    _assert_chart_shows(app)


def test_bars_differ_by_colour_and_by_hatching(app):
    hatches = {bar.get_hatch() for bar in app.what_if_chart.bars}
    assert len(hatches) == len(WHAT_IF_POLICIES)
    for policy, bar in zip(WHAT_IF_POLICIES, app.what_if_chart.bars, strict=True):
        assert same_colour(bar.get_facecolor(), POLICY_STYLES[policy]["color"])
        assert bar.get_hatch() == POLICY_STYLES[policy]["hatch"]


def _assert_same_as_full_redraw(app: WhatIfApp) -> None:
    shown = np.asarray(PIL.Image.open(io.BytesIO(app.chart.value)).convert("RGBA"))
    full = app.chart.full_redraw_pixels()
    assert shown.shape == full.shape
    differ = np.any(shown != full, axis=2)
    assert not differ.any(), f"{int(differ.sum())} pixels differ from a full redraw"


def test_blitted_redraws_show_exactly_the_full_chart(app):
    assert app.chart._dynamic
    _assert_same_as_full_redraw(app)
    for name, value, *_ in SLIDER_MOVES:
        app.sliders[name].value = value
        _assert_same_as_full_redraw(app)
    app.persona.value = "job_seeker"
    _assert_same_as_full_redraw(app)


def test_nothing_is_drawn_outside_the_figure(app):
    """Sharp and not cut off: every text and axes sits inside the canvas."""
    app.persona.value = "community_manager"
    figure = app.what_if_chart.figure
    renderer = figure.canvas.get_renderer()
    width, height = figure.canvas.get_width_height()
    texts = [app.what_if_chart.suptitle, *app.what_if_chart.value_labels]
    for ax in (app.what_if_chart.ax, app.what_if_chart.parts_ax):
        texts += [ax.yaxis.label, ax.xaxis.label, *ax.get_xticklabels(), *ax.get_yticklabels()]
        box = ax.get_tightbbox(renderer)
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height
    for text in texts:
        if text.get_text():
            box = text.get_window_extent(renderer)
            assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= width and box.y1 <= height


def test_the_value_axis_grows_while_exploring_and_refits_on_a_fresh_start(app):
    assert app.what_if_chart.ax.get_ylim()[0] == 0.0  # all values positive at the defaults
    app.sliders["noise_cost"].value = 0.5
    app.sliders["exposure_cost"].value = 1.5
    assert app.what_if_chart.ax.get_ylim()[0] < 0  # accepting everyone went negative
    app.sliders["noise_cost"].value = 0.0
    app.sliders["exposure_cost"].value = 0.0
    assert app.what_if_chart.ax.get_ylim()[0] < 0  # kept: no full redraw while exploring
    app.persona.value = "salesperson"
    assert app.what_if_chart.ax.get_ylim()[0] == 0.0
    _assert_same_as_full_redraw(app)


def test_a_failing_model_is_shown_not_raised(app, monkeypatch):
    def broken(*args, **kwargs):
        raise InvalidInputError("these what-if assumptions are not valid", ["noise_cost: 9"])

    monkeypatch.setattr(app.model, "frame", broken)
    app.sliders["noise_cost"].value = 0.3
    assert "these what-if assumptions are not valid" in app.errors.message
    assert 'role="alert"' in app.errors.message
