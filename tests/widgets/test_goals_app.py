"""The goals app (chapter 00), driven as a learner would: tick and untick goals.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the app; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import dataclasses

import pytest

from invite_triage.core.i18n import label
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT
from invite_triage.render.style import NEUTRAL
from invite_triage.widgets.goals_app import goals_app
from invite_triage.world.datasets import example_profile
from tests.widgets._helpers import assert_callback_error_is_shown
from tests.widgets._helpers import same_colour as _same_colour


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def test_goals_app_unticking_job_search_lowers_hr(profile):
    app = goals_app(profile)
    before_png, before_summary = app.chart.value, app.summary.value
    hr = FAMILIES.index("hr")
    assert app.bars[hr].get_width() == pytest.approx(profile.family_weights()["hr"])

    app.checkboxes["job_search"].value = False

    expected = dataclasses.replace(profile, goals=("reputation",)).family_weights()
    assert app.goals == ("reputation",)
    assert app.bars[hr].get_width() == pytest.approx(expected["hr"])
    assert expected["hr"] < profile.family_weights()["hr"]
    assert app.chart.value != before_png
    assert app.summary.value != before_summary
    assert app.errors.message == ""


def test_goals_app_prospecting_raises_leadership_and_colours_what_matters(profile):
    app = goals_app(profile)
    app.checkboxes["prospecting"].value = True
    chosen = dataclasses.replace(profile, goals=("job_search", "prospecting", "reputation"))
    weights = chosen.family_weights()
    for family, bar in zip(FAMILIES, app.bars, strict=True):
        assert bar.get_width() == pytest.approx(weights[family])
        matters = weights[family] >= RELEVANT_WEIGHT
        assert _same_colour(bar.get_facecolor(), NEUTRAL) != matters
    assert app.title.get_text().endswith(
        ", ".join(label("family", f, "en") for f in chosen.relevant_families))


def test_goals_app_with_no_goal_still_ranks_your_own_field_first(profile):
    app = goals_app(profile)
    for box in app.checkboxes.values():
        box.value = False
    assert app.goals == ()
    assert app.bars[FAMILIES.index(profile.family)].get_width() == pytest.approx(1.0)
    assert "none ticked" in app.summary.value
    assert app.errors.message == ""


def test_callback_errors_are_shown_not_raised(profile, monkeypatch):
    assert_callback_error_is_shown(
        goals_app(profile), monkeypatch, "weights",
        lambda app: setattr(app.checkboxes["prospecting"], "value", True),
    )
