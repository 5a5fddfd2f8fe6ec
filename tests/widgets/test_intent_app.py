"""The intent app (chapter 05), driven like a learner would: type or pick a note.

Each test sets a control (slider, toggle, dropdown, text) and asserts the chart, table or
decision changed as it should; bad input must end up in ``app.errors``, never as an exception.
"""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.domain.intent import classify_message
from invite_triage.models.intent import IntentModel, IntentReading, Span
from invite_triage.widgets.intent_app import MAX_NOTE_CHARS, highlight_html, intent_app


def test_intent_app_classifies_typed_text_and_highlights_triggers():
    app = intent_app("Hi, we met at the Content Marketing meetup in Lyon last week.")
    assert app.reading.kind == "personal"
    app.text.value = "Bonjour, je vous propose une démo gratuite de notre outil."
    assert app.errors.value == ""
    assert app.reading.kind == "pitch"
    assert "démo gratuite" in app.reading.triggers
    # The highlight wraps the phrase as typed, accents included.
    assert re.search(r"<mark[^>]*>démo gratuite</mark>", app.result.value)
    assert "<b>sales pitch</b>" in app.result.value  # label("message_kind", "pitch")


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


def test_overlapping_phrases_share_one_highlight_of_the_strongest_kind():
    text = "Hello, free demo call today"
    spans = (Span(7, 16, "pitch", "free demo"), Span(12, 21, "generic", "demo call"))
    reading = IntentReading(text, "pitch", ("free demo",), spans)
    markup = highlight_html(reading)
    assert markup.count("<mark") == 1
    assert re.search(r'<mark title="pitch, generic" style="background:#f4c7a8[^>]*>free demo '
                     r"call</mark>", markup)
    assert _strip_marks(markup) == text
