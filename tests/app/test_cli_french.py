"""`invite-triage … --lang fr`: French messages, a French report, the same safety rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from invite_triage.app.cli import main
from invite_triage.core.i18n import message
from invite_triage.world.sample_export import write_sample_export


@pytest.fixture(scope="module")
def export_zip(tmp_path_factory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export-fr"))


def test_report_lang_fr_writes_a_french_report(tmp_path, export_zip, capsys):
    out = tmp_path / "rapport.html"
    assert main(["report", str(export_zip), "--out", str(out), "--lang", "fr"]) == 0
    assert message("cli.wrote", "fr", path=out) in capsys.readouterr().out
    page = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "<h2>Invitations en attente</h2>" in page
    assert "<h2>Pending invitations</h2>" not in page
    # a rerun in either language replaces the report it wrote, without --force
    assert main(["report", str(export_zip), "--out", str(out)]) == 0
    assert "<h2>Pending invitations</h2>" in out.read_text(encoding="utf-8")
    assert main(["report", str(export_zip), "--out", str(out), "--lang", "fr"]) == 0


def test_triage_lang_fr(tmp_path, export_zip, capsys):
    out = tmp_path / "decisions.csv"
    assert main(["triage", str(export_zip), "--out", str(out), "--lang", "fr"]) == 0
    assert "fichier écrit" in capsys.readouterr().out
    assert "Première estimation" in out.read_text(encoding="utf-8-sig")


def test_errors_are_said_in_french(tmp_path, export_zip, capsys):
    assert main(["report", str(export_zip), "--out", str(export_zip), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert message("cli.out.input", "fr") in err and "refusing" not in err
    foreign = tmp_path / "notes.html"
    foreign.write_text("<p>mine</p>")
    assert main(["report", str(export_zip), "--out", str(foreign), "--lang", "fr"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "absent.zip"), "--lang", "fr"]) == 2
    assert "invite-triage report\u202f: " in capsys.readouterr().err


def test_an_unknown_language_is_an_argument_error(export_zip, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(export_zip), "--lang", "xx"])
    assert exit_.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_doctor_speaks_french(capsys, monkeypatch):
    from invite_triage.app import doctor

    monkeypatch.setattr(doctor, "check_widget_extension",
                        lambda lang=None: doctor.Check("x", True, "ok"))
    main(["doctor", "--lang", "fr"])
    out = capsys.readouterr().out
    assert message("cli.doctor.data", "fr") in out
    assert "All good" not in out and "problem(s)" not in out
