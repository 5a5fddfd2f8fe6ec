"""core.text: when two spellings are the same person, group or note."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from invite_triage.core.text import fold, name_key, name_keys, strip_accents, to_ascii


def test_fold_ignores_case_accents_apostrophes_and_spacing():
    assert fold("  L’Équipe   Marketing ") == "l'equipe marketing"
    assert fold(None) == "" and fold(3) == ""


def test_names_also_ignore_punctuation_and_keep_other_scripts():
    assert name_key("Chloé Dupont-Martin") == name_key("chloe  dupont martin")
    assert name_key("李 小龙") == "李 小龙"
    assert name_key("Анна Петрова") == "анна петрова"


def test_ascii_is_for_slugs_and_strip_accents_keeps_case():
    assert to_ascii("Chloé Ørsted") == "Chloe rsted"
    assert strip_accents("Élodie") == "Elodie"


def test_name_keys_is_name_key_over_a_column():
    names = pd.Series(["Chloé Dupont-Martin", None, "Ada  Lovelace", "Chloé Dupont-Martin"])
    assert name_keys(names).tolist() == [name_key(n) for n in ["Chloé Dupont-Martin", "",
                                                                "Ada  Lovelace",
                                                                "Chloé Dupont-Martin"]]


@given(st.text(max_size=60))
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert name_key(name_key(text)) == name_key(text)
