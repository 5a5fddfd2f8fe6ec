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
