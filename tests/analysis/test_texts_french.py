"""The analyses' sentences and labels in French: quality summary, break-even, the 2×2 table,
and label tables that follow the current language."""

from __future__ import annotations

import pytest

from invite_triage.analysis.evaluation import CELL_NAMES, LET_IN, NOT_RELEVANT, confusion_table
from invite_triage.analysis.quality import METRIC_MEANINGS, network_quality
from invite_triage.analysis.what_if import ASSUMPTION_LABELS, POLICY_LABELS, break_even
from invite_triage.core import i18n
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile, load_connections

NNBSP = "\u202f"


@pytest.fixture
def french(monkeypatch):
    """The process-wide language set to French for one test."""
    monkeypatch.setattr(i18n, "_default_language", "fr")


def test_quality_summary_in_french_and_english():
    profile = example_profile()
    real = network_quality(load_connections(), profile, lang="fr")
    assert "contacts" + NNBSP + ";" in real.summary and "d'entre eux" in real.summary
    assert "estimations" in real.summary and "estimate" not in real.summary
    assert all("the" not in note.split() for note in real.notes)
    assert real.to_frame("fr").loc["size", "meaning"] == "nombre de contacts"
    synthetic = network_quality(synth.invitations(300, seed=3), profile, lang="fr")
    assert "(réalité" + NNBSP + ":" in synthetic.summary
    english = network_quality(load_connections(), profile, lang="en")
    assert english.summary.startswith(f"{len(load_connections()):,} contacts; an estimated")


def test_break_even_in_french():
    found = break_even("reach_worth", "accept_all", lang="fr")
    english = break_even("reach_worth", "accept_all", lang="en")
    assert found.at == english.at
    assert found.sentence.startswith("Tout accepter l'emporte dès que la portée vaut")
    assert f"{found.at:.2f}".replace(".", ",") in found.sentence
    assert english.sentence.startswith("Accepting everyone wins once reach is worth")


def test_confusion_table_in_french():
    table = confusion_table([True, True, False], [True, False, True], lang="fr")
    assert list(table.index) == ["acceptés", "écartés"]
    assert list(table.columns) == ["pertinents", "non pertinents"]
    assert table.index.name == "la règle"
    english = confusion_table([True, True, False], [True, False, True], lang="en")
    assert int(english.loc[LET_IN, NOT_RELEVANT]) == 1


def test_label_tables_follow_the_current_language(french):
    assert POLICY_LABELS["accept_all"] == "tout accepter"
    assert ASSUMPTION_LABELS["reach_worth"] == "valeur de la portée"
    assert CELL_NAMES[(LET_IN, NOT_RELEVANT)] == "acceptés par erreur"
    assert METRIC_MEANINGS.in_language("en")["size"] == "number of contacts"
    assert list(POLICY_LABELS) == ["accept_all", "balanced", "known_only"]
    with pytest.raises(KeyError):
        POLICY_LABELS["nobody"]


def test_label_tables_are_english_by_default():
    assert POLICY_LABELS["known_only"] == "known only"
    assert dict(CELL_NAMES)[(LET_IN, NOT_RELEVANT)] == "let in by mistake"
