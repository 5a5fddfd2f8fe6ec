"""`invite-triage data / report / triage` on an export, as a learner types them."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from invite_triage.app.cli import main
from invite_triage.world.sample_export import EXPORT_NAME, write_sample_export


@pytest.fixture(scope="module")
def export_zip(tmp_path_factory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export"))


def test_data_writes_the_same_sample_export_bytes_every_run(tmp_path, capsys):
    assert main(["data", "--out", str(tmp_path / "one")]) == 0
    assert main(["data", "--out", str(tmp_path / "two")]) == 0
    first = (tmp_path / "one" / "sample_export" / EXPORT_NAME).read_bytes()
    second = (tmp_path / "two" / "sample_export" / EXPORT_NAME).read_bytes()
    assert first == second
    assert main(["data", "--out", str(tmp_path / "one")]) == 0  # again, in place
    assert (tmp_path / "one" / "sample_export" / EXPORT_NAME).read_bytes() == first
    assert f"sample_export/{EXPORT_NAME}" in capsys.readouterr().out


def test_report_command(tmp_path, export_zip, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(export_zip), "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Pending invitations" in page


def test_triage_command(tmp_path, export_zip, capsys):
    out = tmp_path / "decisions.csv"
    assert main(["triage", str(export_zip), "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["decision"] for r in rows} <= {"accept", "ask", "decline"}


def test_triage_command_on_an_unzipped_folder_with_a_profile(tmp_path, export_zip):
    import zipfile

    from invite_triage.domain.profile import Profile

    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(export_zip) as archive:
        archive.extractall(folder)
    profile = Profile(title="Talent Acquisition Partner", goals=("job_search",)).save(
        tmp_path / "me.json")
    out = tmp_path / "d.csv"
    assert main(["triage", str(folder), "--out", str(out), "--profile", str(profile)]) == 0
    assert out.exists()


def test_errors_are_reported_not_raised(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.zip"), "--out", str(tmp_path / "r.html")]) == 2
    assert "missing.zip" in capsys.readouterr().err
    bad = tmp_path / "Connections.csv"
    bad.write_text("First Name,Last Name,Connected On\nAda,Martin,yesterday\n")
    assert main(["triage", str(bad), "--out", str(tmp_path / "d.csv")]) == 2
    err = capsys.readouterr().err
    assert "line 2: 'Connected On' = 'yesterday', expected a date like 05 Jan 2026" in err
    assert not (tmp_path / "d.csv").exists()


def test_refuses_to_overwrite_the_export(tmp_path, capsys):
    export = write_sample_export(tmp_path)
    before = export.read_bytes()
    assert main(["report", str(export), "--out", str(export)]) == 2
    assert "refusing to overwrite an input" in capsys.readouterr().err
    assert export.read_bytes() == before


def test_console_script_end_to_end(tmp_path, export_zip):
    """The installed `invite-triage` entry point, in its own process."""
    script = Path(sys.executable).with_name("invite-triage")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "invite_triage.app.cli"]
    out = tmp_path / "report.html"
    result = subprocess.run([*command, "report", str(export_zip), "--out", str(out)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert out.exists()
