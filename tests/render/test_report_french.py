"""The report in French: html lang="fr", French headings, captions and reasons, no English
heading left, and everything from the export still escaped."""

from __future__ import annotations

import re

import pytest

from invite_triage.core import i18n
from invite_triage.core.i18n import message
from invite_triage.linkedin.export import load_export
from invite_triage.render.report import render_report, write_decisions, write_report
from invite_triage.world.sample_export import write_sample_export

from .test_report import EVIL, evil_export, read_back

HEADINGS = ("numbers", "profile", "composition", "quality", "growth", "pending", "people")


@pytest.fixture(scope="module")
def sample_zip(tmp_path_factory):
    return write_sample_export(tmp_path_factory.mktemp("sample-fr"))


@pytest.fixture(scope="module")
def pages(sample_zip):
    export = load_export(sample_zip)
    profile = export.to_profile()
    return (render_report(export, profile, lang="fr"),
            render_report(export, profile, lang="en"))


def _tags(page: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", page, flags=re.S)


def test_the_french_report_says_it_is_french(pages):
    french, english = pages
    assert french.startswith('<!DOCTYPE html>\n<html lang="fr">')
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Rapport Invite Triage\u202f: " in french


def test_french_headings_and_no_english_ones(pages):
    french, english = pages
    headings = _tags(french, "h2")
    for key in HEADINGS:
        assert message(f"report.heading.{key}", "fr") in headings
        assert message(f"report.heading.{key}", "en") not in headings
    assert "De quoi votre réseau est fait" in headings
    assert "Invitations en attente" in headings
    english_words = {text for msgid, text in i18n.catalog("en").items()
                     if msgid.startswith("report.") and text != i18n.catalog("fr")[msgid]}
    for tag in ("h1", "h2", "caption", "th"):
        shown = set(_tags(french, tag))
        assert not shown & english_words, (tag, shown & english_words)
    assert set(_tags(english, "h2")) >= {message(f"report.heading.{k}", "en") for k in HEADINGS}


def test_french_numbers_dates_and_reasons(pages):
    french, english = pages
    assert re.search(r"<td>\d+\u202f%</td>", french)  # "44 %"
    assert re.search(r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
                     r"octobre|novembre|décembre) 20\d\d", french)
    assert "Demander d&#x27;abord" in french or "Ignorer" in french  # reasons in French
    assert "Ask first" not in french and "Decline" not in french
    # the English report explains in English, whatever the profile's own language
    assert "Demander d&#x27;abord" not in english


def test_the_french_report_still_escapes_everything(tmp_path):
    export = load_export(evil_export(tmp_path))
    page = render_report(export, export.to_profile(), lang="fr")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert EVIL not in page


def test_write_report_and_decisions_in_french(tmp_path, sample_zip):
    out = write_report(sample_zip, tmp_path / "rapport.html", lang="fr")
    assert '<html lang="fr">' in out.read_text(encoding="utf-8")
    table = read_back(write_decisions(sample_zip, tmp_path / "decisions.csv", lang="fr"))
    assert table[0][:8] == ["name", "url", "sent_at", "message", "checked_on_profile",
                            "decision", "score", "reasons"]  # keys, for spreadsheets
    assert {row[5] for row in table[1:]} <= {"accept", "ask", "decline"}
    assert all(row[7].startswith(message("report.first_guess", "fr")) for row in table[1:])


def test_an_unknown_language_is_refused(sample_zip, tmp_path):
    from invite_triage.core.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="unknown language"):
        write_report(sample_zip, tmp_path / "r.html", lang="xx")
