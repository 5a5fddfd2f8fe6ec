"""`invite-triage … --lang fr` on bad inputs: the readers' errors in French, still naming the
file and the line, one message, exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from invite_triage.app.cli import main
from invite_triage.core.i18n import message
from invite_triage.world.sample_export import write_sample_export
from tests.linkedin import bad_inputs as bad


@pytest.fixture(scope="module")
def export_zip(tmp_path_factory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export-fr-errors"))


def fails_in_french(capsys, argv: list[str]) -> str:
    assert main([*argv, "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("command", ["report", "triage"])
def test_a_damaged_zip_is_reported_in_french(tmp_path, capsys, command):
    path = bad.write(tmp_path / "export.zip", bad.good_export_zip()[:200])
    err = fails_in_french(capsys, [command, str(path), "--out", str(tmp_path / "out")])
    assert f"{path}: {message('linkedin.error.zip.unreadable', 'fr')}" in err
    assert message("linkedin.error.zip.no_directory", "fr") in err
    assert "not a readable zip file" not in err


def test_a_bad_row_is_reported_in_french(tmp_path, capsys):
    folder = tmp_path / "export"
    bad.write(folder / "Connections.csv",
              bad.CONNECTIONS_HEADER + bad.CONNECTION_ROW.replace("2026", "2O26"))
    err = fails_in_french(capsys, ["triage", str(folder), "--out", str(tmp_path / "d.csv")])
    assert str(folder / "Connections.csv") in err
    assert "ligne 2\u202f: «\u202fConnected On\u202f» = '05 Jan 2O26'" in err
    assert "are not dates" not in err and "expected a date" not in err


def test_damaged_annotations_are_reported_in_french(tmp_path, capsys, export_zip):
    folder = tmp_path / "private"
    bad.write(folder / "annotations-2026-11-25.csv",
              "saved_at,name,url,title,company,years_experience,mutual_connections,"
              "mutual_titles,shared_groups,known_offline,decision,note\n"
              "2O26-11-25T10:00:00,Ada,,,,,1e30,,,true,accept,\n")
    err = fails_in_french(capsys, ["triage", str(export_zip), "--annotations", str(folder),
                                   "--out", str(tmp_path / "d.csv")])
    assert "annotations-2026-11-25.csv, ligne 2\u202f: «\u202fsaved_at\u202f»" in err
    assert "«\u202fmutual_connections\u202f» = '1e30'" in err
    assert "nothing was guessed" not in err
