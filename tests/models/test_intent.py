"""The intent model: it reads any text, refuses what is not text, and finds the phrases
that decided where they were typed."""

from __future__ import annotations

import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.intent import normalise_message
from invite_triage.models.intent import IntentModel, find_phrases


def test_intent_model_rejects_non_text():
    with pytest.raises(InvalidInputError, match="must be text"):
        IntentModel().analyse(42)


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


def test_highlights_are_the_cues_the_classifier_counts():
    """One reading: the spans are ``find_cues``'s (longest match, nested cues left out), so a
    URL is one link span, not three, and a call request has its own kind."""
    text = "Hi, we met at the meetup! Slides: https://www.example.com/s — quick call next week?"
    spans = find_phrases(text)
    kinds = {text[span.start:span.end]: span.kind for span in spans}
    assert kinds["https://www.example.com/s"] == "link"
    assert kinds["we met"] == "personal"
    assert kinds["quick call"] == "request"
    assert not any(span.phrase in {"www", "http*"} for span in spans)
    starts = [span.start for span in spans]
    assert starts == sorted(starts)
    assert IntentModel().analyse(text).spans == spans
