"""Chapter 01's title model: its readings explain the title in the model's language."""

from __future__ import annotations

from invite_triage.core.i18n import get_language, set_language
from invite_triage.models.title import TitleModel
from invite_triage.world.datasets import example_profile


def test_the_model_explains_in_its_own_language():
    french = TitleModel(example_profile("fr"), "fr").read("Chef de projet marketing")
    english = TitleModel(example_profile("en"), "en").read("Chef de projet marketing")
    assert french.explanation.lang == "fr" and english.explanation.lang == "en"
    assert french.explanation.family_reason == "d'après «\u202fmarketing\u202f»"
    assert english.explanation.family_reason == 'from "marketing"'
    assert "nom de poste" in french.explanation.seniority_reason
    assert "role name" in english.explanation.seniority_reason
    assert french.explanation.family_words == english.explanation.family_words


def test_a_model_without_a_language_follows_the_current_one():
    before = get_language()
    try:
        set_language("fr")
        reading = TitleModel(example_profile("fr")).read("")
        assert reading.explanation.family_reason == "titre vide"
        assert reading.notes  # the empty-title note, in French too
    finally:
        set_language(before)
