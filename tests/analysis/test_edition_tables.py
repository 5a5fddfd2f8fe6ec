"""The tables the guide shows through the package (chapter 05's held-out results, chapter 07's
posting assumptions, chapter 08's profile summary) are headed in the edition's language, and
the LinkedIn export's profile and notes follow it too."""

from __future__ import annotations

import pytest

from invite_triage import (
    POSTS_PER_WEEK_BY_PERSONA,
    example_profile,
    intent_evaluation,
    intent_results,
    load_sample_export,
    misread_notes,
    posting_assumptions,
    profile_summary,
)
from invite_triage.core.i18n import set_language


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language("en")


@pytest.fixture(scope="module")
def evaluation():
    return intent_evaluation()  # the frozen held-out sets of the current design


def test_posting_assumptions_follow_the_language(french):
    english = posting_assumptions("en")
    assert list(english.columns) == ["who they really are", "assumed posts per week"]
    assert english["assumed posts per week"].tolist() == list(POSTS_PER_WEEK_BY_PERSONA.values())
    french_table = posting_assumptions()
    assert "publications par semaine (hypothèse)" in french_table.columns
    assert "un recruteur" in french_table.iloc[:, 0].tolist()


def test_profile_summary_labels_follow_the_language(french):
    profile = example_profile()
    english = profile_summary(profile, "en")
    assert english["name"] == profile.name and english["your groups"] == len(profile.groups)
    summary = profile_summary(profile)
    assert summary["vos groupes"] == len(profile.groups)
    assert summary["personnes que vous connaissez (messages dans les deux sens)"] == len(
        profile.known_people)


def test_intent_results_give_each_languages_matrix_and_accuracy(evaluation):
    table = intent_results(evaluation, "en")
    for lang, name in (("en", "English"), ("fr", "French")):
        block = table.loc[name]
        matrix = evaluation.confusion[lang]
        assert int(block.loc["all notes", "sales pitch"]) == int(matrix["pitch"].sum())
        assert int(block.loc["sales pitch", "personal note"]) == int(
            matrix.loc["pitch", "personal"])
        share = f"{100 * evaluation.accuracy[lang]:.1f}%"
        assert block.loc["all notes", "read right"] == share
    assert "bien lus" in intent_results(evaluation, "fr").columns


def test_misread_notes_are_wrong_readings_headed_in_the_editions_language(evaluation, french):
    wrong = evaluation.predictions[~evaluation.predictions["correct"]]
    shown = misread_notes(evaluation, n=3)
    assert len(shown) == min(3, len(wrong)) > 0
    assert set(shown["message"]) <= set(wrong["note"])
    assert shown["en réalité"].iloc[0] == "prospection commerciale"
    assert shown["lu comme"].iloc[0] == "message personnel"
    english = misread_notes(evaluation, n=2, lang="en")
    assert set(english["note"]) <= set(wrong.loc[wrong["lang"].eq("en"), "note"])


def test_misread_notes_in_the_editions_language_come_first():
    import pandas as pd

    from invite_triage.analysis.intent_eval import IntentEvaluation

    notes = pd.DataFrame({
        "id": ["a", "b", "c", "d"], "lang": ["en", "fr", "en", "fr"],
        "kind": ["pitch", "pitch", "generic", "personal"],
        "predicted": ["personal", "personal", "pitch", "personal"],
        "note": ["en pitch", "fr pitch", "en generic", "fr right"], "triggers": [()] * 4,
    }).assign(correct=lambda f: f["kind"] == f["predicted"])
    evaluation = IntentEvaluation(pd.Series(dtype=float), {}, notes)
    assert misread_notes(evaluation, n=3, lang="fr")["message"].tolist() == [
        "fr pitch", "en pitch", "en generic"]
    assert misread_notes(evaluation, n=1, lang="en")["note"].tolist() == ["en pitch"]


def test_the_export_profile_and_notes_follow_the_language(french):
    export = load_sample_export()
    assert export.to_profile().language == "fr"
    assert export.to_profile(language="en").language == "en"
    assert all("Invitations.csv couvre" in n for n in export.notes if "Invitations" in n)
    set_language("en")
    assert load_sample_export().to_profile().language == "en"
