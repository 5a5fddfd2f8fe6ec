"""The command line on hostile inputs: one message naming the file, exit status 2, never a
traceback; ``--out`` never destroys an input or a file the command did not write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from invite_triage.app.cli import main
from invite_triage.domain.profile import Profile
from invite_triage.linkedin.annotations import save_annotation
from invite_triage.world.sample_export import write_sample_export
from tests.linkedin import bad_inputs as bad
from tests.linkedin.test_bad_inputs import ERRORS


@pytest.fixture(scope="module")
def export_zip(tmp_path_factory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("export"))


def fails(capsys, argv: list[str], expected: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_every_bad_export_is_one_message(tmp_path, capsys, case):
    build, expected = ERRORS[case]
    path = build(tmp_path)
    export = path.parent if path.parent.name == "export" else path
    out = tmp_path / "decisions.csv"
    err = fails(capsys, ["triage", str(export), "--out", str(out)], expected)
    assert err.startswith("invite-triage triage: ")
    assert not out.exists()


def test_a_zip_bomb_is_refused(tmp_path, capsys):
    bomb = bad.write(tmp_path / "bomb.zip", bad.zip_bomb())
    fails(capsys, ["report", str(bomb), "--out", str(tmp_path / "r.html")],
          "more than the 512 MiB allowed")


def test_out_never_overwrites_an_input(tmp_path, capsys, export_zip):
    profile = Profile(title="Recruiter").save(tmp_path / "p.json")
    before = profile.read_bytes()
    fails(capsys, ["report", str(export_zip), "--profile", str(profile), "--out", str(profile)],
          "refusing to overwrite an input")
    assert profile.read_bytes() == before
    folder = tmp_path / "private"
    saved = save_annotation(folder=folder, name="Ada Martin", decision="ask")
    kept = saved.read_bytes()
    fails(capsys, ["triage", str(export_zip), "--annotations", str(folder), "--out", str(saved)],
          "refusing to overwrite an input")
    fails(capsys, ["triage", str(export_zip), "--annotations", str(folder),
                   "--out", str(folder / "new.csv")], "is inside")
    assert saved.read_bytes() == kept and not (folder / "new.csv").exists()
    unzipped = tmp_path / "unzipped"
    bad.write(unzipped / "Connections.csv", bad.CONNECTIONS_HEADER + bad.CONNECTION_ROW)
    fails(capsys, ["report", str(unzipped), "--out", str(unzipped / "Connections.csv")],
          "refusing to overwrite an input")
    fails(capsys, ["report", str(export_zip), "--out", str(export_zip), "--force"],
          "refusing to overwrite an input")  # --force never overwrites an input


def test_out_never_overwrites_a_file_the_command_did_not_write(tmp_path, capsys, export_zip):
    mine = bad.write(tmp_path / "thesis.html", "<html>my thesis</html>")
    fails(capsys, ["report", str(export_zip), "--out", str(mine)],
          "refusing to overwrite a file this command did not write")
    assert mine.read_text() == "<html>my thesis</html>"
    sheet = bad.write(tmp_path / "budget.csv", "item,cost\nrent,900\n")
    fails(capsys, ["triage", str(export_zip), "--out", str(sheet)], "pass --force")
    assert sheet.read_text() == "item,cost\nrent,900\n"
    assert main(["triage", str(export_zip), "--out", str(sheet), "--force"]) == 0
    assert "decision" in sheet.read_text(encoding="utf-8-sig").splitlines()[0]
    # Its own earlier output is replaced without --force.
    report = tmp_path / "report.html"
    assert main(["report", str(export_zip), "--out", str(report)]) == 0
    assert main(["report", str(export_zip), "--out", str(report)]) == 0
    assert main(["triage", str(export_zip), "--out", str(sheet)]) == 0
    fails(capsys, ["report", str(export_zip), "--out", str(tmp_path)], "this is a folder")


def test_data_refuses_to_overwrite_foreign_files(tmp_path, capsys):
    target = tmp_path / "downloads"
    real = bad.write(target / "Connections.csv", "my real LinkedIn connections")
    fails(capsys, ["data", "--out", str(target)], "holds something else than this command writes")
    assert real.read_text() == "my real LinkedIn connections"
    assert main(["data", "--out", str(target), "--force"]) == 0
    assert real.read_text() != "my real LinkedIn connections"
    assert main(["data", "--out", str(target)]) == 0  # a rerun replaces its own files
    capsys.readouterr()
    fails(capsys, ["data", "--out", str(real)], "this is a file, not a folder")


@pytest.mark.parametrize(("content", "expected"), [
    ('{"goals": null}', "goals: got None"),
    (b"\xff{}", "not UTF-8 text"),
    ("{", "not valid JSON"),
])
def test_bad_profiles_are_one_message(tmp_path, capsys, export_zip, content, expected):
    profile = bad.write(tmp_path / "me.json", content)
    fails(capsys, ["report", str(export_zip), "--profile", str(profile),
                   "--out", str(tmp_path / "r.html")], expected)


def test_a_profile_that_is_a_folder(tmp_path, capsys, export_zip):
    folder = tmp_path / "me.json"
    folder.mkdir()
    fails(capsys, ["triage", str(export_zip), "--profile", str(folder),
                   "--out", str(tmp_path / "d.csv")], "this is a folder")


def test_damaged_annotations_are_one_message(tmp_path, capsys, export_zip):
    folder = tmp_path / "private"
    bad.write(folder / "annotations-2026-11-25.csv",
              "saved_at,name,url,title,company,years_experience,mutual_connections,"
              "mutual_titles,shared_groups,known_offline,decision,note\n"
              "2O26-11-25T10:00:00,Ada,,,,,1e30,,,true,accept,\n")
    err = fails(capsys, ["triage", str(export_zip), "--annotations", str(folder),
                         "--out", str(tmp_path / "d.csv")], "annotations-2026-11-25.csv line 2")
    assert "'saved_at' = '2O26-11-25T10:00:00'" in err and "'mutual_connections' = '1e30'" in err
    blocker = bad.write(tmp_path / "file", "x")
    fails(capsys, ["triage", str(export_zip), "--annotations", str(blocker),
                   "--out", str(tmp_path / "d.csv")], "this is a file, not a folder")


def test_unwritable_out_is_one_message(tmp_path, capsys, export_zip):
    blocker = bad.write(tmp_path / "file", "x")
    fails(capsys, ["report", str(export_zip), "--out", str(blocker / "r.html")], "file")


def test_the_console_script_prints_no_traceback(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "invite_triage.app.cli", "triage", str(tmp_path / "nope.zip")],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2
    assert "nope.zip: not found" in run.stderr and "Traceback" not in run.stderr
