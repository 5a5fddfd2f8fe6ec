"""The title app (chapter 01), driven as a learner would: type titles, pick examples.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the app; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import html
import re

import pytest

from invite_triage.core.i18n import get_language, set_language
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT
from invite_triage.render.style import HIGHLIGHT
from invite_triage.widgets.title_app import title_app
from invite_triage.world.datasets import example_profile
from tests.widgets._helpers import assert_callback_error_is_shown
from tests.widgets._helpers import png as _png
from tests.widgets._helpers import same_colour as _same_colour


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def test_title_app_reads_typed_titles_and_moves_the_highlight(profile):
    app = title_app(profile, "Chargée de recrutement")
    assert app.reading.explanation.family == "hr"
    assert _same_colour(app.bars[FAMILIES.index("hr")].get_facecolor(), HIGHLIGHT)
    before = app.chart.value

    app.text.value = "Head of Growth"

    exp = app.reading.explanation
    assert (exp.family, exp.seniority) == ("marketing", "director")
    assert "director" in app.summary.value and "head of" in app.summary.value
    assert _same_colour(app.bars[FAMILIES.index("marketing")].get_facecolor(), HIGHLIGHT)
    assert not _same_colour(app.bars[FAMILIES.index("hr")].get_facecolor(), HIGHLIGHT)
    assert app.chart.value != before


def test_title_app_example_dropdown_fills_the_text_box(profile):
    app = title_app(profile, "")
    example = app.examples.options[3][1]
    app.examples.value = example
    assert app.text.value == example
    assert app.reading.explanation.text == example


def test_title_app_french_title_with_company_and_emoji(profile):
    app = title_app(profile, "Directrice générale chez Studio Nova 🚀")
    exp = app.reading.explanation
    assert (exp.family, exp.seniority) == ("leadership", "executive")
    assert app.reading.matters == (profile.family_weights()["leadership"] >= RELEVANT_WEIGHT)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * 5000, "5,000 characters"),
        ("Community Manager " * 300, "characters long"),
        ("🚀🔥✨", "No words were found"),
        ("!!! ??? ...", "No words were found"),
        ("Zzyzx qwerty", "None of these words names a job family"),
        ("", "Type a job title"),
        ("   ", "Type a job title"),
    ],
)
def test_title_app_bad_input_gives_a_clear_message(profile, text, message):
    app = title_app(profile, "Recruiter")
    app.text.value = text
    assert app.errors.message == ""
    assert message in app.summary.value
    assert app.reading.explanation.family == "other" or len(text) > 500
    assert len(app.summary.value) < 3000  # the echo is clipped, not 5,000 characters long


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script> Recruiter",
        '<img src=x onerror="alert(1)"> CEO',
        "$\\frac{1}{0}$ Growth Marketer $$",
        "Head of Growth & <b>Brand</b>",
    ],
)
def test_title_app_escapes_html_and_survives_mathtext(profile, text):
    app = title_app(profile, "Recruiter")
    app.text.value = text
    assert app.errors.message == ""
    assert "<script" not in app.summary.value and "<img" not in app.summary.value
    assert "<b>Brand" not in app.summary.value
    assert ("&lt;" in app.summary.value) == ("<" in text)
    assert _png(app).startswith(b"\x89PNG")  # the figure still renders


def test_callback_errors_are_shown_not_raised(profile, monkeypatch):
    assert_callback_error_is_shown(title_app(profile), monkeypatch, "read",
                                   lambda app: setattr(app.text, "value", "CTO"))


def _why_cells(app) -> list[str]:
    """The table's cells, as the learner reads them (HTML entities undone)."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", app.summary.value)
    return [html.unescape(c) for c in cells]


@pytest.mark.parametrize(
    ("title", "french", "english"),
    [
        ("Head of Growth", ["d'après «\u202fgrowth\u202f»",
                            "marqueur le plus élevé\u202f: «\u202fhead of\u202f»"],
         ["from", "highest marker"]),
        ("Chef de projet marketing", ["nom de poste, pas un niveau hiérarchique"], ["role name"]),
        ("Gérant de restaurant", ["est précisé par un secteur"], ["qualified by a sector"]),
        ("Police Communications Supervisor",
         ["aucun mot de métier trouvé", "n'est pas lu comme marketing et communication"],
         ["function word", "not read as"]),
        ("Zzyzx qwerty", ["aucun mot de métier trouvé", "aucun marqueur de niveau"],
         ["function word", "seniority marker"]),
    ],
)
def test_title_app_in_french_gives_its_reasons_in_french(title, french, english):
    before = get_language()
    try:
        set_language("en")  # the app speaks its edition's language, not the process's
        app = title_app(example_profile("fr"), "Recruiter", lang="fr")
        app.text.value = title
        exp = app.reading.explanation
        cells = _why_cells(app)
        assert exp.family_reason in cells and exp.seniority_reason in cells
        shown = " ".join(cells)
        for text in french:
            assert text in shown
        for text in english:
            assert text not in shown
    finally:
        set_language(before)


def test_title_app_in_english_keeps_english_reasons_under_a_french_process():
    before = get_language()
    try:
        set_language("fr")
        app = title_app(example_profile("en"), "Head of Growth", lang="en")
        cells = _why_cells(app)
        assert 'from "growth"' in cells and 'highest marker "head of"' in cells
    finally:
        set_language(before)
