"""The readers' errors in the French edition: the same file, line and column named as in
English, every sentence from ``linkedin.po`` in French, no English sentence left over.

Each bad input of the English matrix (``test_bad_inputs.ERRORS``) is read again with
``lang="fr"``; a handful are checked word for word against the French catalog.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from invite_triage.core import i18n
from invite_triage.core.errors import DamagedFileError, InvalidInputError
from invite_triage.core.i18n import catalog, message, placeholders, template
from invite_triage.linkedin.annotations import (
    annotation_files,
    load_annotations,
    save_annotation,
    save_annotations,
)
from invite_triage.linkedin.connections_csv import read_connections_csv
from invite_triage.linkedin.export import load_export, read_invitations
from tests.linkedin import bad_inputs as bad
from tests.linkedin.bad_inputs import CONNECTION_ROW, CONNECTIONS_HEADER, DAY, write
from tests.linkedin.test_bad_inputs import ERRORS, GOOD, annotations_file, conn, zipped

ERROR_IDS = sorted(m for m in catalog("en") if m.startswith("linkedin.error."))


def _english_fragments() -> list[str]:
    """The fixed words of every English error text (between its placeholders), long enough
    to be a sentence, not a file name or a lone "line"."""
    fragments = set()
    for msgid in ERROR_IDS:
        for piece in re.split(r"\{[^}]*\}", template(msgid, "en")):
            piece = piece.strip(" :;,.()'")
            if len(piece) >= 12 and " " in piece:
                fragments.add(piece)
    return sorted(fragments)


ENGLISH = _english_fragments()


def assert_french(text: str) -> None:
    """No English sentence of the catalog in ``text``."""
    left = [fragment for fragment in ENGLISH if fragment in text]
    assert not left, f"English left in a French error: {left}\n{text}"


def fr(msgid: str, **fields: object) -> str:
    return message(f"linkedin.error.{msgid}", "fr", **fields)


def read_in(path: Path, lang: str = "fr") -> InvalidInputError:
    """The error of reading what a builder of the matrix made (its folder for a single CSV)."""
    with pytest.raises(InvalidInputError) as info:
        load_export(path.parent if path.parent.name == "export" else path, lang=lang)
    return info.value


def test_the_catalog_has_every_error_in_both_languages_with_french_typography():
    assert len(ERROR_IDS) > 60 and len(ENGLISH) > 40
    french = catalog("fr")
    for msgid in ERROR_IDS:
        text = french[msgid]
        assert placeholders(text) == placeholders(template(msgid, "en"))
        assert "« " not in text and " »" not in text, msgid  # narrow no-break spaces inside
        assert not re.search(r" [:;?!]", text), msgid  # and before : ; ? !
        assert "'" + "{" not in text, msgid  # columns quoted « like this »


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_every_bad_export_is_reported_in_french(tmp_path, case):
    build, _ = ERRORS[case]
    error = read_in(build(tmp_path))
    assert error.source  # the file is still named
    assert_french(str(error))
    english = read_in(build(tmp_path / "en"), "en")
    assert english.source == error.source.replace(str(tmp_path), str(tmp_path / "en"))
    assert english.summary != error.summary


def test_a_damaged_zip_in_french_names_the_file(tmp_path):
    path = write(tmp_path / "export.zip", bad.good_export_zip()[:200])
    error = read_in(path)
    assert error.summary == fr("zip.unreadable") == "fichier zip illisible"
    assert error.source == str(path)
    assert error.problems == [fr("zip.no_directory")]
    assert "téléchargez-le à nouveau" in str(error)


def test_an_encrypted_member_in_french_names_the_member(tmp_path):
    error = read_in(zipped(tmp_path, bad.zip_encrypted()))
    assert error.summary == "ce fichier du zip est protégé par un mot de passe"
    assert error.source == f"{tmp_path / 'export.zip'}/Connections.csv"
    assert error.problems == [fr("member.encrypted_expected")]


def test_missing_columns_in_french_name_the_columns_and_the_file(tmp_path):
    error = read_in(conn(tmp_path, "First Name,Last Name\nAda,Martin\n"))
    assert error.summary == fr("header.missing", columns="First Name, Last Name, Connected On",
                               limit=20)
    assert error.summary.startswith("aucune ligne d'en-tête avec First Name")
    assert error.source.endswith("Connections.csv")
    assert "un Connections.csv de LinkedIn" in error.problems[0]
    assert_french(str(error))


def test_a_bad_row_in_french_names_its_line_column_and_value(tmp_path):
    error = read_in(conn(tmp_path, CONNECTIONS_HEADER + CONNECTION_ROW.replace("2026", "2O26")))
    assert error.summary == fr("cells.not_dates", n=1, header="Connected On")
    assert error.problems == [
        "ligne 2\u202f: «\u202fConnected On\u202f» = '05 Jan 2O26', attendu\u202f: "
        "une date comme 05 Jan 2026"
    ]
    assert error.source.endswith("Connections.csv")


def test_bad_directions_and_broken_rows_in_french(tmp_path):
    header = bad.INVITATIONS_HEADER
    with pytest.raises(InvalidInputError) as info:
        read_invitations(header + bad.INVITATION_ROW.replace("INCOMING", "SIDEWAYS"), lang="fr")
    assert info.value.summary == fr("cells.not_directions", n=1, header="Direction")
    assert info.value.problems[0].startswith("ligne 2\u202f: «\u202fDirection\u202f» = 'SIDEWAYS'")
    assert info.value.problems[0].endswith("INCOMING ou OUTGOING")
    error = read_in(conn(tmp_path, CONNECTIONS_HEADER + CONNECTION_ROW + 'Bob,"Ro'))
    assert error.summary == fr("rows.unreadable")
    assert error.problems[0].startswith("ligne 3\u202f: unexpected end of data")  # Python's words
    assert_french(str(error))


def test_file_not_found_in_french(tmp_path):
    error = read_in(tmp_path / "nowhere.zip")
    assert error.summary == "introuvable" and error.source == str(tmp_path / "nowhere.zip")
    with pytest.raises(InvalidInputError) as info:
        read_connections_csv(tmp_path / "Connections.csv", lang="fr")
    assert info.value.summary == "fichier introuvable"
    assert str(tmp_path / "Connections.csv") in info.value.problems[0]
    assert_french(str(info.value))


def test_a_damaged_annotations_file_in_french_names_the_file_and_line(tmp_path):
    damaged = annotations_file(tmp_path, [GOOD, '2026-11-25T15:00:00,Bob Roy,,,,,0,,,false,,"cut'])
    with pytest.raises(InvalidInputError) as info:
        load_annotations(tmp_path, lang="fr")
    assert info.value.summary == "le fichier d'annotations est endommagé"
    assert info.value.source == str(damaged)
    assert info.value.problems[0].startswith("ligne 3\u202f: unexpected end of data")
    assert_french(str(info.value))
    with pytest.raises(DamagedFileError) as saved:
        save_annotation(folder=tmp_path, now=DAY, name="Zoé Zed", lang="fr")
    text = str(saved.value)
    assert saved.value.summary == fr("damaged.not_written")
    assert "annotations-2026-11-25.csv" in text and "ligne 3" in text
    assert fr("damaged.saved_instead", n=1, file="annotations-2026-11-25-2.csv") in text
    assert_french(text)


@pytest.mark.parametrize(("row", "expected"), [
    (GOOD.replace("2026-11-25T14", "2O26-11-25T14"),
     "annotations-2026-11-25.csv, ligne 2\u202f: «\u202fsaved_at\u202f» = '2O26-11-25T14:37:05'"),
    (GOOD.replace(",3,", ",1e30,"),
     "annotations-2026-11-25.csv, ligne 2\u202f: «\u202fmutual_connections\u202f» = '1e30', "
     "attendu\u202f: un nombre entier de 0 à 30000"),
    (GOOD.replace(",accept,", ",yes,"), "«\u202fdecision\u202f» = 'yes'"),
    (GOOD.replace(",CMO,", ",CMO,extra,"), "ligne 2\u202f: 13 cellule(s), attendu\u202f: 12"),
])
def test_bad_annotation_rows_in_french(tmp_path, row, expected):
    annotations_file(tmp_path, [row])
    with pytest.raises(InvalidInputError) as info:
        load_annotations(tmp_path, lang="fr")
    assert expected in str(info.value)
    assert_french(str(info.value))


def test_bad_values_on_save_in_french(tmp_path):
    with pytest.raises(InvalidInputError) as info:
        save_annotations([{"name": "", "mutual_connections": 2.5, "shoe_size": 42}, "x"],
                         folder=tmp_path, now=DAY, lang="fr")
    assert info.value.summary == "ces annotations n'ont pas été enregistrées"
    text = str(info.value)
    assert "annotation n°\u202f1\u202f: champ(s) inconnu(s) ['shoe_size']" in text
    assert "«\u202fmutual_connections\u202f» = 2.5" in text
    assert "annotation n°\u202f2\u202f: reçu str" in text
    assert_french(text)
    assert annotation_files(tmp_path) == []
    blocker = write(tmp_path / "private", "not a folder")
    with pytest.raises(InvalidInputError, match="ceci est un fichier, pas un dossier"):
        load_annotations(blocker, lang="fr")


def test_lang_none_follows_the_current_language(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_default_language", "fr")
    error = read_in(tmp_path / "nowhere.zip")
    with pytest.raises(InvalidInputError) as info:
        load_export(tmp_path / "nowhere.zip")
    assert str(info.value) == str(error)
    with pytest.raises(InvalidInputError, match="unknown language"):
        load_export(tmp_path / "nowhere.zip", lang="xx")


def test_notes_follow_lang_too(tmp_path):
    folder = conn(tmp_path, CONNECTIONS_HEADER + CONNECTION_ROW + "Bob,Roy,htt").parent
    (note,) = load_export(folder, lang="fr").notes
    assert note.startswith("Connections.csv\u202f: la dernière ligne (ligne 3)")
    (note,) = load_export(folder, lang="en").notes
    assert note.startswith("Connections.csv: the last line (line 3)")
