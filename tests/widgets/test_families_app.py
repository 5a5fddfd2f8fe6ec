"""The families app (chapter 01), driven as a learner would: move weights, reset.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the app; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.profile import FAMILIES
from invite_triage.domain.titles import classify_titles
from invite_triage.domain.triage import triage
from invite_triage.render.style import NEUTRAL
from invite_triage.widgets.families_app import families_app
from invite_triage.world.datasets import example_profile, load_invitations
from tests.widgets._helpers import assert_callback_error_is_shown
from tests.widgets._helpers import same_colour as _same_colour


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def _decision_counts(invitations, profile, overrides, family):
    chosen = dataclasses.replace(profile, family_overrides=overrides)
    decided = triage(invitations, chosen)
    families = classify_titles(invitations["title"])["family"]
    return decided.loc[families.eq(family), "decision"].value_counts()


def test_families_app_hr_weight_zero_stops_accepting_recruiters(invitations, profile):
    app = families_app(invitations, profile)
    hr = FAMILIES.index("hr")
    before_png, before_accept = app.chart.value, int(app.result.table.at["hr", "accept"])
    assert app.accepted[hr].get_width() == before_accept

    app.sliders["hr"].value = 0.0

    expected = _decision_counts(invitations, profile, {**profile.family_weights(), "hr": 0.0},
                                "hr")
    table = app.result.table
    assert int(table.at["hr", "accept"]) == int(expected.get("accept", 0)) < before_accept
    assert app.accepted[hr].get_width() == int(table.at["hr", "accept"])
    assert _same_colour(app.bars[hr].get_facecolor(), NEUTRAL)
    assert "hr" not in app.result.matters
    assert app.chart.value != before_png
    assert int(table[["accept", "ask", "decline"]].to_numpy().sum()) == len(invitations)


def test_families_app_tech_weight_one_then_reset(invitations, profile):
    app = families_app(invitations, profile)
    initial = app.result.table.copy()
    assert app.reset.disabled  # nothing to reset yet
    app.sliders["tech"].value = 1.0
    assert not app.reset.disabled
    assert app.result.table.at["tech", "accept"] > initial.at["tech", "accept"]
    assert "tech" in app.result.matters
    truth = app.truth.get_offsets()[FAMILIES.index("tech")]
    assert truth[0] == initial.at["tech", "truly relevant"]  # ground truth does not move

    app.reset.click()

    assert app.sliders["tech"].value == pytest.approx(profile.family_weights()["tech"])
    pd.testing.assert_frame_equal(app.result.table, initial)
    assert app.reset.disabled
    assert app.errors.message == ""


def test_families_app_summary_matches_the_table(invitations, profile):
    app = families_app(invitations, profile)
    accepted = int(app.result.table["accept"].sum())
    assert f"accepts <b>{accepted}</b>" in app.summary.value
    assert "<table>" in app.table.value


def test_callback_errors_are_shown_not_raised(invitations, profile, monkeypatch):
    assert_callback_error_is_shown(families_app(invitations, profile), monkeypatch, "result",
                                   lambda app: setattr(app.sliders["finance"], "value", 0.9))


def test_the_summary_shows_its_markup_as_markup_not_as_text():
    """Catalog texts may carry <b>; they must never reach the learner escaped ("&lt;b&gt;")."""
    from invite_triage.widgets import families_app

    for lang in ("en", "fr"):
        summary = families_app(lang=lang).summary.value
        assert "&lt;" not in summary and "<b>" in summary


def test_the_weights_are_written_after_the_family_names(invitations, profile):
    """The weights moved from the tick labels into their own texts: the chart still reads
    "name · weight" per family, and a move rewrites the weight."""
    from invite_triage.core.i18n import label

    app = families_app(invitations, profile, lang="fr")
    app.sliders["tech"].value = 0.55
    names = [tick.get_text() for tick in app.ax.get_yticklabels()]
    assert names == [f"{label('family', f, 'fr')} ·" for f in FAMILIES]
    weights = {f: text.get_text() for f, text in zip(FAMILIES, app.weight_texts, strict=True)}
    assert weights["tech"] == "0,55"
    assert weights["hr"] == f"{profile.family_weights()['hr']:.2f}".replace(".", ",")
    # Each weight sits right of its name, on the same line, without touching it.
    renderer = app.figure.canvas.get_renderer()
    for tick, text in zip(app.ax.get_yticklabels(), app.weight_texts, strict=True):
        name_box, weight_box = tick.get_window_extent(renderer), text.get_window_extent(renderer)
        assert name_box.x1 < weight_box.x0 < name_box.x1 + 2 * app.figure.dpi / 10
        assert abs(name_box.y0 - weight_box.y0) < 1


def test_the_legend_sits_under_the_axes_and_is_drawn_once(profile):
    """Under the axes the legend never covers a bar (in French too, where it is wider), so
    moves never redraw it; the picture equals a full redraw after every move, even when
    almost everyone is in the last family (bars as long as the axes)."""
    import io

    import numpy as np
    import PIL.Image

    from invite_triage.world import synth

    crowded = synth.invitations(600, seed=4)
    crowded["title"] = ["Astronaute"] * 560 + list(crowded["title"].iloc[560:])
    for frame in (synth.invitations(600, seed=4), crowded):
        for lang in ("en", "fr"):
            app = families_app(frame, profile, lang=lang)
            renderer = app.figure.canvas.get_renderer()
            assert app.legend not in app.chart._dynamic
            axes = app.ax.get_window_extent(renderer)
            assert app.legend.get_window_extent(renderer).y1 < axes.y0
            for family, weight in (("other", 1.0), ("hr", 0.0), ("tech", 0.6)):
                app.sliders[family].value = weight
                shown = np.asarray(PIL.Image.open(io.BytesIO(app.chart.value)).convert("RGBA"))
                assert (shown == app.chart.full_redraw_pixels()).all()
