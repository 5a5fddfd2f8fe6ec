"""Title explanations in every language: each reason comes from the message catalog
(``title.explain.*``), English as it always read, French in French with French typography."""

from __future__ import annotations

import re
import string

import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import catalog, get_language, label, set_language
from invite_triage.domain.titles import SHOWN_CHARS, explain_title

NNBSP = "\u202f"

#: One title per branch of the explanation: (title, family reason, seniority reason) in each
#: language. The English texts are those the guide has always shown.
BRANCHES = {
    "from + marker": (
        "Head of Growth",
        {"en": ('from "growth"', 'highest marker "head of"'),
         "fr": (f"d'après «{NNBSP}growth{NNBSP}»",
                f"marqueur le plus élevé{NNBSP}: «{NNBSP}head of{NNBSP}»")},
    ),
    "from + role name": (
        "Chef de projet marketing",
        {"en": ('from "marketing"', '"chef de projet" is a role name, not a management level'),
         "fr": (f"d'après «{NNBSP}marketing{NNBSP}»",
                f"«{NNBSP}chef de projet{NNBSP}»{NNBSP}: nom de poste, pas un niveau "
                "hiérarchique")},
    ),
    "sector": (
        "Gérant de restaurant",
        {"en": ('"gerant" is qualified by a sector ("restaurant"), and managers and sellers of '
                'an establishment follow its sector', 'highest marker "gerant"'),
         "fr": (f"«{NNBSP}gerant{NNBSP}» est précisé par un secteur («{NNBSP}restaurant{NNBSP}»), "
                "et les gérants et vendeurs d'un établissement relèvent de son secteur",
                f"marqueur le plus élevé{NNBSP}: «{NNBSP}gerant{NNBSP}»")},
    ),
    "outside the business families": (
        "Mechanical Engineer",
        {"en": ('"mechanical engineer" names a job outside the business families',
                "no seniority marker"),
         "fr": (f"«{NNBSP}mechanical engineer{NNBSP}» désigne un métier hors des grandes "
                "fonctions de l'entreprise", "aucun marqueur de niveau")},
    ),
    "no function word": (
        "Zzyzx qwerty",
        {"en": ("no function word found", "no seniority marker"),
         "fr": ("aucun mot de métier trouvé", "aucun marqueur de niveau")},
    ),
    "empty": (
        None,
        {"en": ("empty title", "no seniority marker"),
         "fr": ("titre vide", "aucun marqueur de niveau")},
    ),
    "cancelled, nothing left": (
        "Police Communications Supervisor",
        {"en": ('no function word found; "communications" not read as marketing & '
                'communication next to "police"', 'highest marker "supervisor"'),
         "fr": (f"aucun mot de métier trouvé{NNBSP}; «{NNBSP}communications{NNBSP}» n'est pas "
                f"lu comme marketing et communication à côté de «{NNBSP}police{NNBSP}»",
                f"marqueur le plus élevé{NNBSP}: «{NNBSP}supervisor{NNBSP}»")},
    ),
    "cancelled, another word decides": (
        "Radio Communications Sales",
        {"en": ('from "sales"; "communications" not read as marketing & communication next '
                'to "radio"', "no seniority marker"),
         "fr": (f"d'après «{NNBSP}sales{NNBSP}»{NNBSP}; «{NNBSP}communications{NNBSP}» n'est "
                f"pas lu comme marketing et communication à côté de «{NNBSP}radio{NNBSP}»",
                "aucun marqueur de niveau")},
    ),
}

#: Words of the English templates (placeholders cut out) that must never reach a French reader.
ENGLISH_WORDS = {
    word
    for msgid, text in catalog("en").items()
    if msgid.startswith("title.explain.")
    for literal, *_ in string.Formatter().parse(text)
    for word in re.findall(r"[a-z]+", literal.lower())
} - {"a"}  # "a" is French too ("il a")
assert {"from", "highest", "marker", "role", "name", "family", "seniority"} <= ENGLISH_WORDS


def _unquoted(text: str) -> str:
    """A French ``text`` without its quoted words (the title's own, in any language)."""
    return re.sub(r"«[^»]*»", " ", text)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("branch", sorted(BRANCHES))
def test_each_branch_reads_in_each_language(branch, lang):
    title, expected = BRANCHES[branch]
    explanation = explain_title(title, lang)
    assert (explanation.family_reason, explanation.seniority_reason) == expected[lang]
    assert explanation.lang == lang
    sentence = explanation.sentence
    assert expected[lang][0] in sentence and expected[lang][1] in sentence
    assert label("family", explanation.family, lang) in sentence
    assert label("seniority", explanation.seniority, lang) in sentence


@pytest.mark.parametrize("branch", sorted(BRANCHES))
def test_french_reasons_hold_no_english_word_and_use_french_typography(branch):
    title, _ = BRANCHES[branch]
    explanation = explain_title(title, "fr")
    sentence = explanation.sentence
    for text in (explanation.family_reason, explanation.seniority_reason, sentence):
        plain = _unquoted(text)
        for lab in (label("family", explanation.family, "fr"),
                    label("seniority", explanation.seniority, "fr")):
            plain = plain.replace(lab, " ")
        english = set(re.findall(r"[a-z]+", plain.lower())) & ENGLISH_WORDS
        assert not english, f"English words {sorted(english)} in {text!r}"
        assert '"' not in text, text
        # « and » hug their words with narrow no-break spaces, as do ; : ? ! before them.
        assert text.count("«") == text.count(f"«{NNBSP}") == text.count(f"{NNBSP}»")
        assert not re.search(r"[;:?!]", re.sub(NNBSP + r"[;:?!]", "", text)), text


def test_the_french_sentence_names_family_and_level_in_french():
    sentence = explain_title("Head of Growth", "fr").sentence
    assert sentence == (
        f"«{NNBSP}Head of Growth{NNBSP}» → famille marketing et communication "
        f"(d'après «{NNBSP}growth{NNBSP}»){NNBSP}; niveau directeur "
        f"(marqueur le plus élevé{NNBSP}: «{NNBSP}head of{NNBSP}»)."
    )
    assert str(explain_title("", "fr")).startswith(f"«{NNBSP}(titre vide){NNBSP}» → famille")


def test_the_english_sentence_keeps_its_shape():
    assert explain_title("Head of Growth", "en").sentence == (
        '"Head of Growth" -> family marketing & communication (from "growth"); '
        'seniority director (highest marker "head of").'
    )
    assert str(explain_title(None, "en")).startswith('"(empty title)" -> family other field')


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_several_markers_are_all_quoted(lang):
    explanation = explain_title("Senior Sr Data Analyst", lang)
    assert explanation.seniority_words == ("senior", "sr")
    quote = ('"{}"' if lang == "en" else f"«{NNBSP}{{}}{NNBSP}»").format
    assert explanation.seniority_reason.endswith(f"{quote('senior')}, {quote('sr')}")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_long_title_is_cut_in_the_sentence(lang):
    explanation = explain_title("Community Manager " + "x" * 5000, lang)
    assert "…" in explanation.sentence and len(explanation.sentence) < SHOWN_CHARS + 300


def test_the_words_do_not_depend_on_the_language():
    for title, _ in BRANCHES.values():
        en, fr = explain_title(title, "en"), explain_title(title, "fr")
        assert (en.family, en.seniority, en.family_words, en.seniority_words, en.part) == (
            fr.family, fr.seniority, fr.family_words, fr.seniority_words, fr.part)


def test_no_language_given_follows_the_current_language():
    before = get_language()
    try:
        set_language("fr")
        assert explain_title("Head of Growth").family_reason == f"d'après «{NNBSP}growth{NNBSP}»"
        set_language("en")
        assert explain_title("Head of Growth").family_reason == 'from "growth"'
    finally:
        set_language(before)


@pytest.mark.parametrize("lang", ["xx", "../en", 3, ""])
def test_an_unknown_language_is_a_clear_error(lang):
    with pytest.raises(InvalidInputError, match="unknown language"):
        explain_title("Head of Growth", lang)
