"""The message classifier: personal, generic, pitch or empty, naming its triggers."""

from __future__ import annotations

import pandas as pd
import pytest

from invite_triage.domain.intent import (
    KINDS,
    PHRASE_KINDS,
    classify_message,
    classify_messages,
    normalise_message,
    phrase_table,
)
from invite_triage.world import vocab as synth_vocab


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to add you to my professional network on LinkedIn.",
        "Je souhaiterais vous inviter à rejoindre mon réseau professionnel LinkedIn.",
        "I'd like to add you to my network",
        "Hello, I would like to connect with you.",
        "Bonjour, je souhaiterais vous ajouter à mon réseau.",
        "Hi!",
    ],
)
def test_linkedin_default_sentences_are_generic(text):
    kind, triggers = classify_message(text)
    assert kind == "generic"
    assert triggers, "a generic note names the phrase that made it generic"


def test_accents_case_and_apostrophes_do_not_matter():
    plain = "JE SOUHAITERAIS VOUS INVITER A REJOINDRE MON RESEAU"
    curly = "I\u2019d like to add you to my network"
    assert classify_message(plain)[0] == "generic"
    assert classify_message(curly)[0] == "generic"
    assert classify_message("Je vous propose une DEMO")[0] == "pitch"
    assert classify_message("Je vous propose une démo")[0] == "pitch"
    assert normalise_message("  Réseau\u2019S  ") == "reseau's"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do you have 15 minutes for a quick call this week?", "quick call"),
        ("We generate qualified leads for agencies like yours.", "qualified leads"),
        ("Start your free trial today", "free trial"),
        ("Je vous propose un rendez-vous la semaine prochaine.", "rendez-vous"),
        ("Êtes-vous disponible pour un appel découverte ?", "appel découverte"),
        ("Découvrez notre offre spéciale", "offre spéciale"),
        ("Only 49 € per seat", "49 €"),
    ],
)
def test_pitches_name_their_trigger(text, expected):
    kind, triggers = classify_message(text)
    assert kind == "pitch"
    assert expected in triggers


def test_a_job_offer_or_a_lead_role_is_not_a_sales_pitch():
    job_offer = "Je vous contacte pour une offre d'emploi de community manager."
    assert classify_message(job_offer)[0] == "personal"
    assert classify_message("Hi, I'm hiring a social media lead, open to a chat?")[0] == "personal"


@pytest.mark.parametrize("text", ["", "   ", None, float("nan"), "🙂"])
def test_missing_or_blank_notes_are_empty(text):
    assert classify_message(text) == ("empty", ())


def test_a_specific_note_is_personal_even_with_a_generic_phrase():
    text = "I'd like to connect: we met at the Lyon social media meetup last week."
    kind, triggers = classify_message(text)
    assert kind == "personal"
    assert "we met" in triggers


@pytest.mark.parametrize(
    ("pool", "kind"),
    [
        ("generic", "generic"),
        ("pitch", "pitch"),
        ("personal", "personal"),
        ("personal_peer", "personal"),
        ("personal_recruiter", "personal"),
        ("personal_beginner", "personal"),
    ],
)
def test_every_synthetic_note_gets_its_kind(pool, kind):
    for text in synth_vocab.MESSAGES[pool]:
        assert classify_message(text)[0] == kind, text


def test_vectorised_matches_one_by_one_and_keeps_the_index():
    texts = ["", "Book a call", "Hi, let's connect!", "We met in Lyon", None, "Book a call"]
    series = pd.Series(texts, index=[10, 3, 7, 1, 0, 5], dtype=object)
    table = classify_messages(series)
    assert list(table.columns) == ["kind", "triggers"]
    assert table.index.equals(series.index)
    assert list(table["kind"].cat.categories) == list(KINDS)
    for (label, text), kind, triggers in zip(
        series.items(), table["kind"], table["triggers"], strict=True
    ):
        assert (kind, triggers) == classify_message(text), label


def test_empty_series_gives_an_empty_table():
    table = classify_messages(pd.Series([], dtype=object))
    assert table.empty
    assert list(table.columns) == ["kind", "triggers"]


def test_phrase_table_is_readable_data():
    table = phrase_table()
    assert set(table.kinds) <= set(PHRASE_KINDS)
    assert {"pitch", "generic", "personal"} <= set(table.kinds)
    assert "rendez-vous" in table.phrases and "free trial" in table.phrases
