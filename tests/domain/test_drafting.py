"""The "ask first" message: polite, specific, bilingual."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from invite_triage import InvalidInputError
from invite_triage.domain.drafting import SITUATIONS, TEMPLATES, draft_message, situation
from invite_triage.domain.triage import triage
from invite_triage.world import datasets
from tests.domain.test_criteria import PROFILE, invitation

PITCH = invitation(name="Paul Vente", title="Business Developer @ Leadify", mutual_connections=3,
                   mutual_titles=["Sales Manager"] * 3,
                   message="Hi, I help agencies get qualified leads. Book a quick call?")
BEGINNER = invitation(name="Inès Roux", title="Stagiaire marketing digital", years_experience=0.5,
                      shared_groups=["Community Managers France"])
NO_CONTEXT = invitation(name="Bob Stone", title="Social Media Manager | Growthly")
UNRELATED = invitation(name="Karim Taylor", title="Data Scientist | Airbus", mutual_connections=4,
                       mutual_titles=["Community Manager"] * 4)
RECRUITER = invitation(name="Sophia Fournier", title="Recruiter chez BNP Paribas",
                       mutual_connections=1, mutual_titles=["Content Manager"])


@pytest.mark.parametrize(
    ("row", "expected", "phrase"),
    [
        (PITCH, "pitch", "what you expect from our connection"),
        (BEGINNER, "beginner", "happy to help people starting out"),
        (NO_CONTEXT, "no_context", "how did you come across my profile"),
        (UNRELATED, "unrelated_job", "What draws you to digital marketing"),
        (RECRUITER, "recruiter", "Are you recruiting"),
    ],
)
def test_the_question_fits_what_is_unclear(row, expected, phrase):
    assert situation(row, PROFILE) == expected
    text = draft_message(row, PROFILE)
    assert phrase in text
    first_name = row["name"].split()[0]
    assert text.startswith(f"Hi {first_name},")
    assert text.rstrip().endswith("Camille")


def test_it_mentions_what_you_share():
    assert "“Community Managers France”" in draft_message(BEGINNER, PROFILE)
    assert "4 mutual connections" in draft_message(UNRELATED, PROFILE)
    assert "a mutual connection." in draft_message(RECRUITER, PROFILE)
    assert "“Social Media Manager”" in draft_message(NO_CONTEXT, PROFILE)


def test_french_by_profile_or_on_request():
    french = dataclasses.replace(PROFILE, language="fr")
    text = draft_message(PITCH, french)
    assert text.startswith("Bonjour Paul,")
    assert "attendez de notre mise en relation" in text
    assert draft_message(PITCH, PROFILE, lang="fr") == text
    assert draft_message(PITCH, french, lang="en").startswith("Hi Paul,")
    assert "débutent dans le marketing digital" in draft_message(BEGINNER, french)


def test_different_requests_get_different_messages():
    texts = [draft_message(row, PROFILE) for row in (PITCH, BEGINNER, NO_CONTEXT, UNRELATED,
                                                      RECRUITER)]
    assert len(set(texts)) == len(texts)
    twin = {**PITCH, "name": "Anna Vente"}
    assert draft_message(twin, PROFILE) != draft_message(PITCH, PROFILE)


def test_works_on_rows_of_a_triaged_table():
    df, profile = datasets.load_invitations(), datasets.example_profile("fr")
    result = triage(df, profile)
    asked = result[result["decision"] == "ask"].head(20)
    texts = [draft_message(row, profile) for _, row in asked.iterrows()]
    assert all(text.startswith("Bonjour") for text in texts)
    assert len(set(texts)) > len(texts) // 2
    seen = {situation(row, profile) for _, row in result[result["decision"] == "ask"].iterrows()}
    assert len(seen) >= 4


def test_missing_name_gets_a_plain_greeting():
    assert draft_message({**NO_CONTEXT, "name": ""}, PROFILE).startswith("Hello,")
    assert draft_message(pd.Series({"title": "CFO"}), PROFILE).startswith("Hello,")


def test_templates_cover_every_situation_in_both_languages():
    present = {(part, lang) for part, lang, _ in TEMPLATES}
    for part in (*SITUATIONS, "greeting", "thanks", "closing"):
        assert {(part, "en"), (part, "fr")} <= present, part


def test_bad_input_is_reported():
    with pytest.raises(InvalidInputError, match="lang"):
        draft_message(PITCH, PROFILE, lang="de")
    with pytest.raises(InvalidInputError, match="shared_groups"):
        draft_message({**PITCH, "shared_groups": "Growth Hackers"}, PROFILE)
    with pytest.raises(InvalidInputError, match="expected a row"):
        draft_message("Paul", PROFILE)
