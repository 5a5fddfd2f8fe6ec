"""Job title -> family and seniority: one test per taxonomy rule, noise, bad input, properties."""

from __future__ import annotations

import csv
import re
import time
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain import profile, titles
from invite_triage.domain.titles import (
    FAMILIES,
    SENIORITIES,
    TitleExplanation,
    classify_title,
    classify_titles,
    clear_caches,
    explain_title,
    normalise_title,
    vocabulary_table,
)
from invite_triage.render.charts_titles import confusion_counts, plot_confusion_matrix
from invite_triage.world.vocab import TITLES

DATA = Path(__file__).parents[1] / "data"
LABELLED = DATA / "labelled_titles.csv"
VOCAB = Path(profile.__file__).parent / "vocab"


def test_public_constants():
    assert FAMILIES is profile.FAMILIES
    assert SENIORITIES == ("student", "junior", "mid", "senior", "manager", "director", "executive")


# --------------------------------------------------------------------------------------------
# One block per taxonomy rule
# --------------------------------------------------------------------------------------------
RULES = {
    "c_level_keeps_function": [
        ("CMO", "marketing", "executive"),
        ("Chief People Officer", "hr", "executive"),
        ("CHRO", "hr", "executive"),
        ("CTO", "tech", "executive"),
        ("CFO", "finance", "executive"),
        ("CSO", "sales", "executive"),
        ("Chief Revenue Officer", "sales", "executive"),
        ("CEO", "leadership", "executive"),
        ("COO", "leadership", "executive"),
    ],
    "founder_wins": [
        ("Founder & Growth Marketer", "leadership", "executive"),
        ("Co-founder & CTO", "leadership", "executive"),
        ("Cofondatrice et directrice marketing", "leadership", "executive"),
        ("Owner | Photographer", "leadership", "executive"),
    ],
    "student_keeps_field": [
        ("Stagiaire marketing", "marketing", "student"),
        ("Étudiante en Master RH", "hr", "student"),
        ("Alternant développeur", "tech", "student"),
        ("Étudiante | Marketing digital", "marketing", "student"),
        ("Stagiaire", "other", "student"),
        ("Student at ESSEC", "other", "student"),
    ],
    "first_job_like_part": [
        ("Community Manager | Social Media | Content 🚀", "marketing", "mid"),
        ("Looking for new opportunities | Data Analyst", "tech", "mid"),
        ("Comptable | Passionnée de marketing", "finance", "mid"),
        ("Speaker | Author | CEO @ Acme", "leadership", "executive"),
    ],
    "consultant_follows_field": [
        ("Consultant SEO", "marketing", "mid"),
        ("Consultante RH", "hr", "mid"),
        ("Consultant finance", "finance", "mid"),
        ("Consultant", "other", "mid"),
    ],
    "engineering_outside_software_is_other": [
        ("Mechanical Engineer", "other", "mid"),
        ("Ingénieure génie civil", "other", "mid"),
        ("Process Engineer", "other", "mid"),
        ("Software Engineer", "tech", "mid"),
        ("Ingénieur commercial", "sales", "mid"),
    ],
    "highest_marker_wins": [
        ("Senior Marketing Manager", "marketing", "manager"),
        ("Head of Growth", "marketing", "director"),
        ("Senior Vice President Sales", "sales", "director"),
        ("Junior Product Owner", "tech", "junior"),
        ("Alternant Community Manager", "marketing", "student"),
    ],
    "manager_inside_role_names_stays_mid": [
        ("Community Manager", "marketing", "mid"),
        ("Social Media Manager", "marketing", "mid"),
        ("Account Manager", "sales", "mid"),
        ("Office Manager", "other", "mid"),
        ("Product Manager", "tech", "mid"),
        ("Project Manager", "other", "mid"),
        ("Chef de projet", "other", "mid"),
        ("Cheffe de projet marketing", "marketing", "mid"),
        ("Marketing Manager", "marketing", "manager"),
    ],
    "responsable_is_manager": [
        ("Responsable marketing", "marketing", "manager"),
        ("Responsable RH", "hr", "manager"),
        ("Responsable de boulangerie", "other", "manager"),
    ],
    "directeur_is_director": [
        ("Directeur marketing", "marketing", "director"),
        ("Directrice des ventes", "sales", "director"),
        ("Directeur d'hôpital", "other", "director"),
    ],
    "general_management_is_executive": [
        ("Directeur général", "leadership", "executive"),
        ("Directrice générale", "leadership", "executive"),
        ("DG", "leadership", "executive"),
        ("PDG", "leadership", "executive"),
        ("Gérante", "leadership", "executive"),
    ],
    "abbreviations": [
        ("DRH", "hr", "director"),
        ("RRH", "hr", "manager"),
        ("DAF", "finance", "director"),
        ("CM", "marketing", "mid"),
        ("SDR", "sales", "mid"),
        ("BDR", "sales", "mid"),
        ("AE", "sales", "mid"),
        ("VP Marketing", "marketing", "director"),
        ("Chargée SEO", "marketing", "mid"),
        ("Consultant SEA", "marketing", "mid"),
        ("Assistante RH", "hr", "junior"),
    ],
    "sector_general_management_is_other": [
        ("Gérant de restaurant", "other", "executive"),
        ("Directeur général de club sportif", "other", "executive"),
        ("Fondatrice d'une boulangerie", "leadership", "executive"),
        ("Chef de cuisine", "other", "manager"),
    ],
    # vocab/contexts.csv: a word of the same part gives a marketing word another sense.
    "context_gives_another_sense": [
        ("Police Communications Supervisor", "other", "manager"),
        ("Emergency Communications Officer", "other", "mid"),
        ("Central Communications Specialist", "other", "mid"),
        ("Identification and Communications Supervisor", "other", "manager"),
        ("Operational Communication Chief", "other", "mid"),
        ("Radio Communications Sales", "sales", "mid"),
        ("Blood Donor Recruiter", "other", "mid"),
        ("Health Promotion Specialist", "other", "mid"),
        ("Public Events Facilities Rental Manager", "other", "manager"),
    ],
    "context_words_leave_marketing_titles_alone": [
        ("Communications Manager", "marketing", "manager"),
        ("Communications Officer", "marketing", "mid"),
        ("Internal Communications Manager", "marketing", "manager"),
        ("Chargée de communication police nationale", "marketing", "mid"),
        ("Chargée de communication opérationnelle", "marketing", "mid"),
        ("Operational Marketing Manager", "marketing", "manager"),
        ("Donor Relations Manager", "marketing", "manager"),
        ("Promotions Coordinator", "marketing", "mid"),
    ],
    # The job noun decides, whatever subject is named (as "Marketing Teacher").
    "job_noun_outside_business_families": [
        ("Market Research Interviewer", "other", "mid"),
        ("Content Curator", "other", "mid"),
        ("Brand Recorder", "other", "mid"),
        ("Content Producer", "other", "mid"),
        ("Conference Producer", "marketing", "mid"),
    ],
    # LinkedIn wording the brief names: marketing, whatever O*NET files them under.
    "linkedin_marketing_titles": [
        ("Responsable communication", "marketing", "manager"),
        ("Content Manager", "marketing", "mid"),
        ("Traffic Manager", "marketing", "mid"),
        ("Growth Hacker", "marketing", "mid"),
        ("Demand Generation Manager", "marketing", "manager"),
        ("Publicist", "marketing", "mid"),
        ("PPC Specialist", "marketing", "mid"),
        ("Event Planner", "marketing", "mid"),
        ("Grant Writer", "marketing", "mid"),
        ("Lobbyiste", "marketing", "mid"),
        ("Chargée de presse", "marketing", "mid"),
    ],
}
RULE_CASES = [(rule, *case) for rule, cases in RULES.items() for case in cases]


@pytest.mark.parametrize(
    ("rule", "title", "family", "seniority"), RULE_CASES, ids=[f"{c[0]}:{c[1]}" for c in RULE_CASES]
)
def test_taxonomy_rules(rule, title, family, seniority):
    assert classify_title(title) == (family, seniority), str(explain_title(title))


GENDERED = [
    [
        "Directeur marketing",
        "Directrice marketing",
        "Directeur·rice marketing",
        "Directeur(trice) marketing",
        "Directeur/trice marketing",
        "Directeur.rice marketing",
        "DIRECTRICE MARKETING",
        "directrice marketing",
        "Directeur / Directrice marketing",
    ],
    [
        "Chargé de communication",
        "Chargée de communication",
        "Chargé(e) de communication",
        "Chargé·e de communication",
        "Chargé.e de communication",
        "Chargee de communication",
    ],
    ["Fondateur", "Fondatrice", "Fondateur·rice", "Fondateur(trice)", "Co-fondatrice"],
    [
        "Développeur web",
        "Développeuse web",
        "Développeur·se web",
        "Développeur(euse) web",
        "Developpeuse web",
    ],
    ["Commercial terrain", "Commerciale terrain", "Commercial(e) terrain"],
]


@pytest.mark.parametrize("forms", GENDERED, ids=[forms[0] for forms in GENDERED])
def test_gendered_and_inclusive_forms_are_equivalent(forms):
    results = {form: classify_title(form) for form in forms}
    assert len(set(results.values())) == 1, results
    assert next(iter(results.values()))[0] != "other"


NOISE = [
    " | Helping brands grow 🚀",
    " @ Acme",
    " at Acme Corp",
    " chez Decathlon",
    " @Doctolib | Ex-Google",
    " • Passionate about people",
    " 🚀✨",
    " - Paris, France",
    " | J'aide les PME à recruter",
]
NOISY_BASES = [
    "Community Manager",
    "Chargée de recrutement",
    "Senior Data Engineer",
    "Directeur des ventes",
    "CEO & Founder",
    "Stagiaire marketing",
    "Infirmière",
]


@pytest.mark.parametrize("base", NOISY_BASES)
@pytest.mark.parametrize("noise", NOISE)
def test_noise_does_not_change_the_result(base, noise):
    assert classify_title(base + noise) == classify_title(base)


@pytest.mark.parametrize(
    "empty", [None, float("nan"), np.nan, pd.NA, pd.NaT, "", "   ", "🚀", "|||", "@", 0, 3.5]
)
def test_missing_or_empty_titles_are_other_mid(empty):
    assert classify_title(empty) == ("other", "mid")
    assert explain_title(empty).family == "other"


def test_very_long_strings_are_fast_and_safe():
    clear_caches()
    start = time.perf_counter()
    assert classify_title("x" * 2_000_000) == ("other", "mid")
    assert classify_title("Community Manager " + "blah " * 100_000) == ("marketing", "mid")
    assert classify_title("🚀" * 100_000) == ("other", "mid")
    assert time.perf_counter() - start < 1.0


def test_normalise_title():
    assert normalise_title("Chargé·e de Com' 🚀 @ Acme | Helping brands grow") == "charge de com"
    assert normalise_title("Directeur(trice) Marketing - Paris") == "directeur marketing | paris"
    assert normalise_title("CEO at Acme • Founder") == "ceo | founder"
    assert normalise_title(None) == ""
    assert normalise_title(float("nan")) == ""


# --------------------------------------------------------------------------------------------
# Vectorised API
# --------------------------------------------------------------------------------------------
def test_classify_titles_keeps_the_index_and_matches_single_titles():
    titles = pd.Series(
        ["Community Manager", None, "DRH", np.nan, "Community Manager", "Gérant", ""],
        index=[10, 3, 7, "a", "b", 99, -1],
    )
    result = classify_titles(titles)
    assert list(result.columns) == ["family", "seniority"]
    assert result.index.equals(titles.index)
    assert result["family"].dtype == "str" and result["seniority"].dtype == "str"
    expected = [classify_title(t) for t in titles]
    assert list(zip(result["family"], result["seniority"], strict=True)) == expected
    assert result.loc[3].tolist() == ["other", "mid"]


def test_classify_titles_accepts_lists_empty_and_categoricals():
    assert classify_titles(pd.Series([], dtype="str")).shape == (0, 2)
    listed = classify_titles(["CTO", "Recruteuse"])
    assert listed["family"].tolist() == ["tech", "hr"]
    categorical = classify_titles(pd.Series(["CFO", "CFO", None], dtype="category"))
    assert categorical["family"].tolist() == ["finance", "finance", "other"]


def test_classify_title_is_cached():
    clear_caches()
    classify_title("Growth Marketer @ Qonto")
    classify_title("Growth Marketer @ Qonto")
    assert classify_title.cache_info().hits >= 1


# --------------------------------------------------------------------------------------------
# Explanations
# --------------------------------------------------------------------------------------------
def test_explain_names_the_deciding_words():
    explanation = explain_title("Senior Community Manager @ Acme | Helping brands grow 🚀")
    assert isinstance(explanation, TitleExplanation)
    assert (explanation.family, explanation.seniority) == ("marketing", "senior")
    assert explanation.family_words == ("community manager",)
    assert explanation.seniority_words == ("senior",)
    assert explanation.cleaned == "senior community manager"
    assert "community manager" in str(explanation) and "senior" in explanation.sentence


def test_explain_role_name_sector_and_empty():
    role = explain_title("Chef de projet marketing")
    assert role.seniority == "mid" and "role name" in role.sentence
    sector = explain_title("Gérant de restaurant")
    assert sector.family == "other" and "restaurant" in sector.family_words
    assert "sector" in sector.sentence
    empty = explain_title(None)
    assert empty.family_words == () and "empty" in empty.sentence


def test_explain_names_the_context_word():
    explanation = explain_title("Police Communications Supervisor")
    assert explanation.family == "other"
    assert explanation.family_words == ("communications", "police")
    assert 'not read as marketing & communication next to "police"' in explanation.sentence
    other_word = explain_title("Blood Donor Recruiter | Fundraising")
    assert other_word.family == "other" and "blood" in other_word.family_words


def test_explanation_of_a_long_title_stays_one_readable_line():
    sentence = explain_title("Community Manager " + "x" * 5000).sentence
    assert "\n" not in sentence and len(sentence) < 400


# --------------------------------------------------------------------------------------------
# Vocabulary tables
# --------------------------------------------------------------------------------------------
def test_vocabulary_rows_are_valid():
    table = vocabulary_table()
    assert len(table) > 500
    assert table["family"].dropna().isin(FAMILIES).all()
    assert table["seniority"].dropna().isin(SENIORITIES).all()
    assert table["family"].notna().eq(table["priority"] > 0).all()
    assert table["source"].isin({"taxonomy", "linkedin", "rome", "onet", "brief"}).all()
    assert (table["family"].notna() | table["seniority"].notna()).all()
    for family in FAMILIES:
        assert (table["family"] == family).any(), family
    for level in set(SENIORITIES) - {"mid"}:
        assert (table["seniority"] == level).any(), level


def test_sector_and_tagline_tables_are_valid():
    with (VOCAB / "sectors.csv").open(encoding="utf-8") as fh:
        sectors = list(csv.DictReader(fh))
    assert sectors and all(row["family"] in FAMILIES for row in sectors)
    assert all(set(row["demotes"].split()) <= set(FAMILIES) for row in sectors)
    with (VOCAB / "taglines.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) > 10


def test_context_table_is_valid():
    with (VOCAB / "contexts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == ["context", "lang", "cancels", "source", "note"]
    terms = set(vocabulary_table()["term"])
    for row in rows:
        assert row["lang"] in {"en", "fr", "both"} and row["note"], row
        assert row["source"] in {"taxonomy", "linkedin", "rome", "onet", "brief"}, row
        assert set(row["cancels"].split(";")) <= terms, row


@pytest.mark.parametrize("bad_cancel", ["comunications", "senior", "communications;"])
def test_context_naming_an_unknown_term_fails_loudly(monkeypatch, bad_cancel):
    """A typo, a seniority-only word or an empty entry in ``cancels`` is a load error."""
    real_read = titles._read_table

    def read_with_typo(name):
        rows = real_read(name)
        if name == "contexts.csv":
            rows.append({"context": "police", "lang": "en", "cancels": bad_cancel})
        return rows

    monkeypatch.setattr(titles, "_read_table", read_with_typo)
    titles._vocabulary.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"contexts\.csv: 'police' cancels"):
            titles._vocabulary()
    finally:
        monkeypatch.undo()
        titles._vocabulary.cache_clear()
    assert classify_title("Police Communications Officer")[0] == "other"


def test_derived_tables_carry_the_required_attribution():
    readme = (VOCAB / "README.md").read_text("utf-8")
    assert (
        "Source : France Travail, Répertoire opérationnel des métiers et des emplois (ROME)"
        in readme
    )
    onet = (
        "This product includes information from O*NET 27.0 Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY "
        "4.0 license."
    )
    assert onet in " ".join(line.lstrip("> ").strip() for line in readme.splitlines())


# --------------------------------------------------------------------------------------------
# Hand-labelled LinkedIn titles
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def labelled() -> pd.DataFrame:
    return pd.read_csv(LABELLED, dtype="str", keep_default_na=False)


def test_labelled_set_is_broad(labelled):
    assert list(labelled.columns) == ["title", "family", "seniority", "lang", "note"]
    assert len(labelled) >= 300
    assert 0.4 <= (labelled["lang"] == "fr").mean() <= 0.65
    assert set(labelled["family"]) == set(FAMILIES)
    assert set(labelled["seniority"]) == set(SENIORITIES)
    assert labelled["lang"].isin({"en", "fr"}).all()


def test_labelled_accuracy(labelled):
    predicted = classify_titles(labelled["title"])
    family_accuracy = float((predicted["family"] == labelled["family"]).mean())
    seniority_accuracy = float((predicted["seniority"] == labelled["seniority"]).mean())
    by_lang = (
        pd.DataFrame(
            {
                "lang": labelled["lang"],
                "family": predicted["family"] == labelled["family"],
                "seniority": predicted["seniority"] == labelled["seniority"],
            }
        )
        .groupby("lang")
        .mean()
        .round(3)
    )
    print(
        f"\nlabelled titles: {len(labelled)}; family accuracy {family_accuracy:.1%}, "
        f"seniority accuracy {seniority_accuracy:.1%}\n{by_lang}"
    )
    misses = labelled[
        (predicted["family"] != labelled["family"])
        | (predicted["seniority"] != labelled["seniority"])
    ]
    for i, row in misses.iterrows():
        print(
            f"  miss: {row['title']!r}: want {row['family']}/{row['seniority']}, "
            f"got {predicted.at[i, 'family']}/{predicted.at[i, 'seniority']}"
        )
    assert family_accuracy >= 0.95
    assert seniority_accuracy >= 0.90


#: synth_vocab pools and the family their titles must get ("spam" titles are free).
SYNTH_POOL_FAMILY = {pool: pool for pool in FAMILIES} | {"marketing_beginner": "marketing"}


def test_synthetic_titles_get_their_pool_family():
    pools = set(TITLES) - {"spam"}
    assert pools <= set(SYNTH_POOL_FAMILY), pools - set(SYNTH_POOL_FAMILY)
    wrong = {
        (pool, title, classify_title(title)[0])
        for pool in pools
        for title in TITLES[pool]
        if classify_title(title)[0] != SYNTH_POOL_FAMILY[pool]
    }
    assert not wrong, sorted(wrong)


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_and_answers_in_the_vocabulary(text):
    family, seniority = classify_title(text)
    assert family in FAMILIES and seniority in SENIORITIES


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([" | Helping brands grow 🚀", " @ Acme"]))
def test_appending_noise_never_changes_the_result(text, noise):
    assert classify_title(text + noise) == classify_title(text)


FRENCH_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿ"
WORDS = st.sampled_from(
    [
        "Directrice",
        "chargée",
        "de",
        "communication",
        "Responsable",
        "RH",
        "Développeur",
        "senior",
        "Stagiaire",
        "marketing",
        "Gérant",
        "Fondateur",
        "Ingénieur",
        "commercial",
        "Comptable",
        "Président",
        "DRH",
        "étudiant",
        "Chef",
        "d'équipe",
        "produit",
        "|",
        "@",
        "Acme",
        "Head",
        "of",
        "Sales",
        "Expérience",
        "confirmé",
    ]
)
TITLE_TEXT = st.one_of(
    st.lists(WORDS, max_size=8).map(" ".join),
    st.text(alphabet=FRENCH_LETTERS + FRENCH_LETTERS.upper() + " |-/·()'", max_size=60),
)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(TITLE_TEXT, st.randoms(use_true_random=False))
def test_case_and_accents_do_not_change_the_result(text, rnd):
    expected = classify_title(text)
    flipped = "".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in text)
    assert classify_title(flipped) == expected
    assert classify_title(text.upper()) == expected
    assert classify_title(_strip_accents(text)) == expected


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(st.none(), TITLE_TEXT), max_size=30))
def test_vectorised_equals_one_by_one(titles):
    result = classify_titles(pd.Series(titles, dtype=object))
    pairs = zip(result["family"], result["seniority"], strict=True)
    assert list(pairs) == [classify_title(t) for t in titles]


# --------------------------------------------------------------------------------------------
# Confusion-matrix chart
# --------------------------------------------------------------------------------------------
def test_confusion_matrix_figure():
    true = ["marketing"] * 8 + ["hr"] * 3 + ["other"] * 5
    predicted = ["marketing"] * 7 + ["other"] + ["hr"] * 3 + ["other"] * 4 + ["sales"]
    fig = plot_confusion_matrix(true, predicted)
    assert isinstance(fig, Figure)
    (ax, _colorbar) = fig.axes
    assert ax.get_xlabel() == "predicted family" and ax.get_ylabel() == "true family"
    assert [t.get_text() for t in ax.get_yticklabels()] == list(FAMILIES)
    assert ax.images[0].get_cmap().name == "cividis"
    cell_texts = {t.get_text() for t in ax.texts}
    assert {"7", "3", "4", "1"} <= cell_texts
    assert re.search(r"88% of 16 titles", ax.get_title())
    assert "marketing read as other" in ax.get_title() or "other read as" in ax.get_title()
    assert plot_confusion_matrix(true, predicted, title="Mine").axes[0].get_title() == "Mine"


def test_confusion_counts_and_bad_input():
    counts = confusion_counts(["hr", "hr", "tech"], ["hr", "other", "tech"])
    assert counts.loc["hr", "hr"] == 1 and counts.loc["hr", "other"] == 1
    assert counts.shape == (len(FAMILIES), len(FAMILIES)) and counts.to_numpy().sum() == 3
    with pytest.raises(InvalidInputError, match="unknown families"):
        confusion_counts(["hr"], ["chef"])
    with pytest.raises(InvalidInputError, match="values"):
        confusion_counts(["hr", "hr"], ["hr"])
    assert "No titles" in plot_confusion_matrix([], []).axes[0].get_title()
