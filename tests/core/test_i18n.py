"""The message catalog: complete in every language, no silent fallback, labels for every key."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from invite_triage.core import i18n
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain import taxonomy
from invite_triage.domain.criteria import CRITERIA, REASONS
from invite_triage.domain.drafting import PARTS, TEMPLATES

#: Each label kind and the vocabulary tuple that keys it.
TAXONOMIES: dict[str, tuple[str, ...]] = {
    "decision": taxonomy.DECISIONS,
    "criterion": CRITERIA,
    "family": taxonomy.FAMILIES,
    "seniority": taxonomy.SENIORITIES,
    "goal": taxonomy.GOALS,
    "policy": taxonomy.POLICIES,
    "message_kind": taxonomy.MESSAGE_KINDS,
}


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A copy of the bundled catalogs that a test may change, in place of the real ones."""
    root = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES_DIR, root)
    monkeypatch.setattr(i18n, "LOCALES_DIR", root)
    return root


def _drop_message(po, msgid: str) -> None:
    """Remove one entry (its comments, flags, msgid and msgstr) from a .po file."""
    blocks = po.read_text("utf-8").split("\n\n")
    kept = [b for b in blocks if f'msgid "{msgid}"' not in b.splitlines()]
    assert len(kept) == len(blocks) - 1, msgid
    po.write_text("\n\n".join(kept), "utf-8")


def test_both_editions_have_a_catalog():
    assert {"en", "fr"} <= set(i18n.languages())
    assert set(taxonomy.LANGUAGES) <= set(i18n.languages())


def test_every_message_is_in_every_language_with_the_same_placeholders():
    assert i18n.catalog_problems() == []
    reference = i18n.catalog(i18n.REFERENCE_LANGUAGE)
    assert len(reference) > 50
    for lang in i18n.languages():
        texts = i18n.catalog(lang)
        assert set(texts) == set(reference), lang
        for msgid, text in texts.items():
            assert text.strip(), (lang, msgid)
            assert i18n.placeholders(text) == i18n.placeholders(reference[msgid]), (lang, msgid)


def test_a_third_language_missing_a_message_is_reported(locales):
    shutil.copytree(locales / "fr", locales / "de")
    _drop_message(locales / "de" / "LC_MESSAGES" / "messages.po", "reason.mutuals.several")
    assert i18n.languages() == ("de", "en", "fr")
    problems = i18n.catalog_problems()
    assert len(problems) == 1
    assert "de" in problems[0] and "'reason.mutuals.several' is missing" in problems[0]
    with pytest.raises(InvalidInputError, match="not complete"):
        i18n.check_catalogs()
    # and no English stands in for it
    with pytest.raises(InvalidInputError, match=re.escape("reason.mutuals.several")):
        i18n.message("reason.mutuals.several", "de")
    assert i18n.message("reason.mutuals.few", "de") == i18n.message("reason.mutuals.few", "fr")


def test_empty_fuzzy_or_misplaced_placeholders_are_reported(locales):
    po = locales / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text("utf-8")
    text = text.replace('msgstr "son message est personnel"', 'msgstr ""')
    text = text.replace(
        'msgid "draft.greeting"\nmsgstr "Bonjour {first_name},"',
        'msgid "draft.greeting"\nmsgstr "Bonjour {prenom},"',
    )
    text = text.replace('msgid "label.decision.ask"', '#, fuzzy\nmsgid "label.decision.ask"')
    po.write_text(text + '\nmsgid "extra.message"\nmsgstr "en trop"\n', "utf-8")
    problems = "\n".join(i18n.catalog_problems())
    assert "'reason.intent.personal', line" in problems and "empty translation" in problems
    assert "'draft.greeting' fills in ['prenom']; expected ['first_name']" in problems
    assert "'label.decision.ask', line" in problems and "fuzzy" in problems
    assert "'extra.message' is not in the reference catalog" in problems
    with pytest.raises(InvalidInputError, match=re.escape("label.decision.ask")):
        i18n.label("decision", "ask", "fr")


def test_every_taxonomy_key_has_a_label_in_every_language():
    assert set(TAXONOMIES) == set(i18n.LABEL_KINDS)
    for lang in i18n.languages():
        for kind, keys in TAXONOMIES.items():
            shown = i18n.labels(kind, keys, lang)
            assert list(shown) == list(keys)
            assert all(text.strip() for text in shown.values()), (lang, kind)
            assert len(set(shown.values())) == len(keys), (lang, kind)  # no two alike


def test_labels_and_messages():
    assert i18n.label("decision", "ask", "en") == "ask first"
    assert i18n.label("decision", "ask", "fr") == "demander d'abord"
    assert i18n.language_name("fr") == "Français"
    assert i18n.message("reason.job.own", "fr", family="RH") == (
        "son poste (RH) est dans votre domaine"
    )
    assert i18n.message("draft.closing", lang="en", my_first_name="Ana") == "Best regards,\nAna"
    with pytest.raises(InvalidInputError, match="family"):
        i18n.message("reason.job.own", "en")
    with pytest.raises(InvalidInputError, match="unknown kind of label"):
        i18n.label("colour", "red", "en")


def test_domain_texts_come_from_the_catalog():
    for lang in i18n.languages():
        for reason in REASONS:
            assert reason.msgid in i18n.catalog(lang)
        for part in PARTS:
            assert f"draft.{part}" in i18n.catalog(lang)
    assert {(part, lang) for part, lang, _ in TEMPLATES} == {
        (part, lang) for part in PARTS for lang in i18n.languages()
    }


@pytest.mark.parametrize("lang", ["de", "EN", "", "../en", None, 3])
def test_unknown_language_raises(lang):
    with pytest.raises(InvalidInputError, match="unknown language"):
        i18n.message("label.decision.ask", lang if lang is not None else "zz")
    with pytest.raises(InvalidInputError, match="lang: got"):
        i18n.set_language(lang)


def test_unknown_msgid_raises_naming_the_file():
    expected = re.escape("no message 'nope' in the 'fr' catalog")
    with pytest.raises(InvalidInputError, match=expected) as info:
        i18n.message("nope", "fr")
    assert info.value.source.endswith("messages.po")


def test_process_wide_language(monkeypatch):
    monkeypatch.setattr(i18n, "_default_language", i18n.get_language())
    assert i18n.get_language() == "en"
    assert i18n.label("decision", "decline") == "decline"
    i18n.set_language("fr")
    assert i18n.get_language() == "fr"
    assert i18n.label("decision", "decline") == "ignorer"
    assert i18n.message("reason.groups.one") == "vous partagez un groupe"


def test_importing_the_package_reads_no_catalog():
    code = (
        "import sys, invite_triage, invite_triage.domain.drafting, invite_triage.domain.triage\n"
        "assert 'babel' not in sys.modules, 'babel imported at import time'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
