"""The mutual-connections app (chapter 03), driven as a learner would: move the minimum.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the app; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from invite_triage.domain.profile import RELEVANT_WEIGHT
from invite_triage.domain.titles import classify_titles
from invite_triage.widgets.mutuals_app import mutuals_app
from invite_triage.world.datasets import example_profile, load_invitations
from tests.widgets._helpers import assert_callback_error_is_shown


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def _relevant_mutuals(invitations, profile) -> np.ndarray:
    """Counted here without the app: explode, classify, compare with the family weights."""
    exploded = invitations["mutual_titles"].explode().dropna()
    families = classify_titles(exploded.astype(str))["family"]
    weights = profile.family_weights()
    relevant = families.map(weights).ge(RELEVANT_WEIGHT)
    return relevant.groupby(level=0).sum().reindex(invitations.index, fill_value=0).to_numpy()


@pytest.mark.parametrize("k", [0, 2, 5, 9])
def test_mutuals_app_slider_matches_an_independent_count(invitations, profile, k):
    app = mutuals_app(invitations, profile, k=1)
    before = app.chart.value
    app.slider.value = k
    counts = _relevant_mutuals(invitations, profile)
    passed = counts >= k
    truth = invitations["relevant"].to_numpy(bool)
    r = app.reading
    assert r.passed == int(passed.sum())
    assert r.hits == int((passed & truth).sum())
    assert r.precision == pytest.approx((passed & truth).sum() / passed.sum())
    assert r.recall == pytest.approx((passed & truth).sum() / truth.sum())
    assert app.marker_line.get_xdata()[0] == k
    heights = [b.get_height() for b in (*app.bars_relevant, *app.bars_other)]
    assert sum(heights) == len(invitations)
    assert (app.chart.value != before) == (k != 1)
    assert f"at least {k} relevant" in app.summary.value


def test_mutuals_precision_threshold_is_the_first_above(invitations, profile):
    app = mutuals_app(invitations, profile)
    k = app.model.first_threshold_above(0.8)
    assert k is not None and k > 0
    assert app.model.at(k).precision > 0.8
    assert all(app.model.at(j).precision <= 0.8 for j in range(k))


def test_mutuals_app_without_ground_truth_says_what_is_missing(invitations, profile):
    with pytest.raises(ValueError, match="hidden 'relevant' column"):
        mutuals_app(invitations.drop(columns=["relevant"]), profile)


def test_callback_errors_are_shown_not_raised(invitations, profile, monkeypatch):
    assert_callback_error_is_shown(mutuals_app(invitations, profile), monkeypatch, "at",
                                   lambda app: setattr(app.slider, "value", 4))


@pytest.mark.parametrize("rates", [True, False])
def test_moving_the_slider_updates_the_two_by_two_table(invitations, profile, rates):
    """The 2×2 table follows the slider; each cell is recounted here from the raw columns."""
    app = mutuals_app(invitations, profile, k=1, rates=rates)
    counts = _relevant_mutuals(invitations, profile)
    truth = invitations["relevant"].to_numpy(bool)
    seen = []
    for k in (3, 0, 6):
        app.slider.value = k
        let_in = counts >= k
        table = app.table
        assert table.loc["let in", "relevant"] == int((let_in & truth).sum())
        assert table.loc["let in", "not relevant"] == int((let_in & ~truth).sum())
        assert table.loc["kept out", "relevant"] == int((~let_in & truth).sum())
        assert table.loc["kept out", "not relevant"] == int((~let_in & ~truth).sum())
        assert int(table.to_numpy().sum()) == len(invitations)
        shown = app.summary.value
        assert "it-two-by-two" in shown and "good catches" in shown and "missed" in shown
        assert f"<b>{int((let_in & ~truth).sum())}</b>" in shown
        seen.append(shown)
    assert len(set(seen)) == 3  # every move changed what the learner sees
    app.slider.value = 0
    assert app.table.loc["kept out"].sum() == 0  # k = 0 lets everyone in


def test_the_table_only_view_names_no_rate_yet(invitations, profile):
    app = mutuals_app(invitations, profile, k=2, rates=False)
    shown = app.summary.value.lower()
    assert "precision" not in shown and "recall" not in shown
    assert not hasattr(app, "chart")


def test_table_only_callback_errors_are_shown_not_raised(invitations, profile, monkeypatch):
    assert_callback_error_is_shown(mutuals_app(invitations, profile, rates=False), monkeypatch,
                                   "table", lambda app: setattr(app.slider, "value", 4))
