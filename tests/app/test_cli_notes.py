"""``invite-triage notes``: the note reader measured on labelled notes, in either language."""

from __future__ import annotations

from pathlib import Path

import pytest

from invite_triage.analysis.intent_eval import evaluate_intent, load_corpus
from invite_triage.app.cli import EXIT_USER_ERROR, main

DATA = Path(__file__).resolve().parents[2] / "data" / "intent"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_notes_prints_each_languages_matrix_and_accuracy(capsys):
    assert main(["notes", str(DATA / "heldout12.csv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== heldout12.csv")
    figures = evaluate_intent(load_corpus(DATA / "heldout12.csv"))
    for lang in ("en", "fr"):
        assert f"{100 * figures.accuracy[lang]:.1f}%" in out
    assert "read right" in out and "English" in out and "French" in out


def test_notes_in_french(capsys, tmp_path):
    notes = _write(tmp_path / "mine.csv", "id,lang,kind,category,note\n"
                   "1,fr,pitch,vendeur,Démo gratuite de notre logiciel : 49 € par mois !\n"
                   "2,fr,personal,collègue,"
                   "\"On s'est vus au salon de Lyon mardi, merci encore !\"\n")
    assert main(["notes", str(notes), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "bien lus" in out and "prospection commerciale" in out and "français" in out
    assert "100,0" in out  # both notes read right, written the French way


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, "labelled notes not found"),
        ("id,note\n1,hi\n", "expected columns"),
        ("id,lang,kind,category,note\n1,en,sales,spam,Buy now\n",
         "row 2, column kind: got 'sales'"),
        (b"id,lang,kind,category,note\n1,en,pitch,x,\xff\xfe caf\xe9\n", "not a readable CSV"),
        ("id,lang,kind,category,note\n1,en,pitch,x,a, b\n",
         "Length of header or names does not match"),
    ],
)
def test_bad_notes_get_a_clear_message_naming_the_file(capsys, tmp_path, text, expected):
    path = tmp_path / "bad.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, "utf-8")
    assert main(["notes", str(path)]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "invite-triage notes" in err and "bad.csv" in err and expected in err
    assert "Traceback" not in err


def test_bad_notes_message_in_french(capsys, tmp_path):
    path = _write(tmp_path / "mauvais.csv", "id,lang,kind,category,note\n1,fr,vente,x,Achetez\n")
    assert main(["notes", str(path), "--lang", "fr"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "mauvais.csv" in err and "ligne 2, colonne kind" in err and "sortes inconnues" in err
