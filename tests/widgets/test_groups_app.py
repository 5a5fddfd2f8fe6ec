"""The shared-groups app (chapter 04), driven as a learner would: tick groups, set a minimum.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the app; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage.domain.triage import triage
from invite_triage.render.style import NEUTRAL
from invite_triage.widgets.groups_app import groups_app
from invite_triage.world.datasets import example_profile, load_invitations
from tests.widgets._helpers import assert_callback_error_is_shown
from tests.widgets._helpers import same_colour as _same_colour


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def test_groups_app_unticking_a_group_changes_the_criterion(invitations, profile):
    app = groups_app(invitations, profile)
    before_png = app.chart.value
    assert app.reading.decisions == app.reading.baseline
    dropped = profile.groups[0]

    app.checkboxes[dropped].value = False

    kept = set(profile.groups) - {dropped}
    shares_kept = invitations["shared_groups"].map(lambda gs: bool(kept & set(gs)))
    assert app.reading.with_groups_score == int(shares_kept.sum())
    changed = invitations.assign(
        shared_groups=invitations["shared_groups"].map(lambda gs: [g for g in gs if g in kept])
    )
    expected = triage(changed, profile)["decision"].value_counts()
    assert app.reading.decisions == {d: int(expected.get(d, 0))
                                     for d in ("accept", "ask", "decline")}
    assert _same_colour(app.group_bars[0].get_facecolor(), NEUTRAL)
    assert app.decision_bars[0].get_height() == app.reading.decisions["accept"]
    assert app.chart.value != before_png
    assert app.errors.message == ""


def test_groups_app_minimum_rule_precision(invitations, profile):
    app = groups_app(invitations, profile)
    app.slider.value = 2
    n_shared = invitations["shared_groups"].str.len().to_numpy()
    passed = n_shared >= 2
    truth = invitations["relevant"].to_numpy(bool)
    assert app.reading.passed == int(passed.sum())
    assert app.reading.precision == pytest.approx((passed & truth).sum() / passed.sum())
    assert "at least 2 counted shared groups" in app.summary.value


def test_groups_app_no_group_or_impossible_minimum_explains_itself(invitations, profile):
    app = groups_app(invitations, profile)
    app.slider.value = 3
    for group in profile.groups[:3]:
        app.checkboxes[group].value = False
    assert "Nobody can share 3 counted groups" in app.summary.value
    assert app.reading.passed == 0
    for group in profile.groups[3:]:
        app.checkboxes[group].value = False
    assert "No group counts" in app.summary.value
    assert app.reading.with_groups_score == 0
    assert app.errors.message == ""


def test_groups_model_keeps_only_counted_groups(invitations, profile):
    app = groups_app(invitations, profile)
    counted = profile.groups[1:3]
    column = app.model.counted_groups_column(counted)
    assert column.index.equals(invitations.index)
    assert all(set(gs) <= set(counted) for gs in column)
    expected = invitations["shared_groups"].map(lambda gs: [g for g in gs if g in counted])
    assert column.tolist() == expected.tolist()


def test_group_names_with_markup_are_escaped(invitations, profile):
    odd = dataclasses.replace(profile, groups=("<b>Growth</b> & $Co$", *profile.groups[1:]))
    shifted = invitations.assign(
        shared_groups=invitations["shared_groups"].map(
            lambda gs: ["<b>Growth</b> & $Co$" if g == profile.groups[0] else g for g in gs]
        )
    )
    app = groups_app(shifted, odd)
    app.checkboxes["<b>Growth</b> & $Co$"].value = False
    assert app.errors.message == ""
    assert "<b>Growth" not in app.summary.value


def test_callback_errors_are_shown_not_raised(invitations, profile, monkeypatch):
    assert_callback_error_is_shown(groups_app(invitations, profile), monkeypatch, "at",
                                   lambda app: setattr(app.slider, "value", 2))
