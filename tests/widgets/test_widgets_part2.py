"""The apps of chapters 05–07, driven like a learner would, without a browser.

Each test sets a control (slider, toggle, dropdown, text) and asserts the chart, table or
decision changed as it should; bad input must end up in ``app.errors``, never as an exception.
"""

from __future__ import annotations

import dataclasses
import html
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.analysis.quality import QualityCurve
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.intent import classify_message, normalise_message
from invite_triage.domain.triage import DEFAULT_THRESHOLDS, triage
from invite_triage.widgets.drafter_app import DrafterModel, drafter_app
from invite_triage.widgets.intent_app import (
    MAX_NOTE_CHARS,
    IntentModel,
    IntentReading,
    Span,
    find_phrases,
    highlight_html,
    intent_app,
)
from invite_triage.widgets.quality_app import QualityModel, quality_app
from invite_triage.analysis.quality import policy_networks
from invite_triage.widgets.weights_app import PolicyModel, policy_app, weights_app
from invite_triage.world.datasets import example_profile, load_invitations

FRENCH_WORDS = re.compile(r"\b(bonjour|merci|vous|votre|je)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def _bar_heights(app) -> list[float]:
    return [bar.get_height() for bar in app.bars.bars]


# --- intent -------------------------------------------------------------------------------


def test_intent_app_classifies_typed_text_and_highlights_triggers():
    app = intent_app("Hi, we met at the Content Marketing meetup in Lyon last week.")
    assert app.reading.kind == "personal"
    app.text.value = "Bonjour, je vous propose une démo gratuite de notre outil."
    assert app.errors.value == ""
    assert app.reading.kind == "pitch"
    assert "démo gratuite" in app.reading.triggers
    # The highlight wraps the phrase as typed, accents included.
    assert re.search(r"<mark[^>]*>démo gratuite</mark>", app.result.value)
    assert "<b>pitch</b>" in app.result.value


def test_intent_app_example_dropdown_fills_the_text_box():
    app = intent_app("")
    example = app.examples.options[1][1]
    app.examples.value = example
    assert app.text.value == example
    assert app.reading.text == example


def test_intent_app_empty_note_is_a_kind_not_an_error():
    app = intent_app("Hello")
    app.text.value = "   "
    assert app.errors.value == ""
    assert app.reading.kind == "empty"
    assert "no note" in app.result.value


def test_intent_app_escapes_markup():
    app = intent_app("")
    app.text.value = '<script>alert("x")</script> quick call?'
    assert app.errors.value == ""
    assert "<script>" not in app.result.value
    assert "&lt;script&gt;" in app.result.value
    assert app.reading.kind == "pitch"


def test_intent_app_refuses_very_long_text_visibly():
    app = intent_app("Hello")
    app.text.value = "word " * 2_000  # 10,000 characters
    assert "too long" in app.errors.value
    assert f"{MAX_NOTE_CHARS:,}" in app.errors.value
    assert app.reading is None
    assert app.result.value == ""
    app.text.value = "Let's connect!"  # recovers on the next valid input
    assert app.errors.value == ""
    assert app.reading.kind == "generic"


def test_intent_model_rejects_non_text():
    with pytest.raises(InvalidInputError, match="must be text"):
        IntentModel().analyse(42)


def _strip_marks(markup: str) -> str:
    return html.unescape(re.sub(r"</?mark[^>]*>", "", markup))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_highlight_never_changes_or_loses_the_text(text):
    reading = IntentModel().analyse(text)
    assert _strip_marks(highlight_html(reading)) == text
    assert reading.kind == classify_message(text)[0]
    for span in reading.spans:
        assert 0 <= span.start < span.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "BONJOUR, découvrez NOTRE formation pour gagner 5 000 €/mois",
        "Hi,   let\u2019s\tconnect !",
        "e\u0301te\u0301 : quick call",
    ],
)
def test_spans_point_at_the_phrases_as_typed(text):
    spans = find_phrases(text)
    assert spans
    for span in spans:
        typed = text[span.start:span.end]
        assert typed.strip() == typed
        if "#" not in span.phrase:
            assert normalise_message(typed) == normalise_message(span.phrase)


# --- policy -------------------------------------------------------------------------------


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


def test_policy_table_counts_and_quality(invitations, profile):
    table = PolicyModel(invitations, profile).table()
    assert list(table.index) == ["balanced", "known_only", "open"]
    assert (table[["accept", "ask", "decline"]].sum(axis=1) == len(invitations)).all()
    # The strict policy trades recall for precision; the open one the reverse.
    assert table.at["known_only", "recall"] < table.at["balanced", "recall"]
    assert table.at["open", "recall"] > table.at["balanced", "recall"]
    assert table.at["open", "precision"] < table.at["balanced", "precision"]


def test_policy_model_without_ground_truth(invitations, profile):
    table = PolicyModel(invitations.drop(columns=["persona", "relevant"]), profile).table()
    assert "precision" not in table.columns


# --- weights and thresholds ---------------------------------------------------------------


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


# --- drafter -------------------------------------------------------------------------------


def test_drafter_switches_language_and_invitation(invitations, profile):
    app = drafter_app(invitations, profile)
    assert app.language.value == "en"
    english = app.text
    assert english and app.errors.value == ""
    app.language.value = "fr"
    assert app.text != english
    assert FRENCH_WORDS.search(app.text)
    french_first = app.text
    app.dropdown.value = app.dropdown.options[1][1]
    assert app.text != french_first
    assert html.escape(app.text) in app.message.value


def test_drafter_lists_the_invitations_to_ask_about(invitations, profile):
    model = DrafterModel(invitations, profile)
    expected = triage(invitations, profile)["decision"].eq("ask").sum()
    assert len(model) == expected
    assert set(model.pending["decision"]) == {"ask"}


def test_drafter_escapes_what_the_sender_wrote(invitations, profile):
    hostile = invitations.head(5).copy()
    hostile["name"] = "<script>alert(1)</script>"
    hostile["message"] = "<img src=x onerror=alert(1)>"
    app = drafter_app(hostile, profile)
    shown = app.context.value + app.message.value
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in app.context.value


def test_drafter_model_rejects_unknown_language(invitations, profile):
    model = DrafterModel(invitations, profile)
    with pytest.raises(InvalidInputError, match="language"):
        model.draft(model.options()[0][1], "de")


# --- quality versus size ------------------------------------------------------------------


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


def test_quality_table_separates_estimate_and_truth(invitations, profile):
    model = QualityModel.from_invitations(invitations, profile)
    rows = model.rows(0.5)
    assert [r["metric"] for r in rows] == [
        "size", "relevance share", "feed noise", "exposure", "reach",
    ]
    assert {"at your threshold (estimate)", "at your threshold (ground truth)"} <= set(rows[0])
    shares = {r["metric"]: r for r in rows}
    truth = model.at(0.5)["relevance_share_true"]
    assert shares["relevance share"]["at your threshold (ground truth)"] == f"{truth:.0%}"


def test_quality_app_on_real_data_shows_estimates_only(invitations, profile):
    real = invitations.drop(columns=["persona", "relevant"])
    app = quality_app(real, profile)
    assert "estimate" in app.summary.value and "ground truth of" not in app.summary.value
    assert "ground truth" not in app.table.value


def test_quality_model_rejects_a_threshold_outside_0_1(invitations, profile):
    with pytest.raises(InvalidInputError, match=r"\[0, 1\]"):
        QualityModel.from_invitations(invitations, profile).at(1.5)


def test_policy_networks_match_the_policies(invitations, profile):
    networks = policy_networks(invitations, profile)
    assert len(networks["accept_all"]) == len(invitations)
    strict = triage(invitations, dataclasses.replace(profile, policy="balanced"))
    assert len(networks["balanced"]) == strict["decision"].eq("accept").sum()
    assert len(networks["known_only"]) < len(networks["balanced"])
    assert np.all(networks["known_only"].index.isin(invitations.index))


def test_overlapping_phrases_share_one_highlight_of_the_strongest_kind():
    text = "Hello, free demo call today"
    spans = (Span(7, 16, "pitch", "free demo"), Span(12, 21, "generic", "demo call"))
    reading = IntentReading(text, "pitch", ("free demo",), spans)
    markup = highlight_html(reading)
    assert markup.count("<mark") == 1
    assert re.search(r'<mark title="pitch, generic" style="background:#f4c7a8[^>]*>free demo '
                     r"call</mark>", markup)
    assert _strip_marks(markup) == text


def test_quality_app_reuses_a_curve(invitations, profile):
    curve = QualityCurve.from_invitations(invitations, profile)
    app = quality_app(curve=curve, threshold=0.6)
    assert app.model.curve is curve
    assert app.point == curve.at(0.6)
    assert app.model.total == len(invitations)
