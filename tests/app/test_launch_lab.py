"""app.launch_lab: the right notebook, loopback only, no browser without a display."""

from __future__ import annotations

import json
from pathlib import Path

from invite_triage.app import launch_lab


def test_the_command_opens_the_editions_first_notebook_on_loopback(monkeypatch, tmp_path):
    monkeypatch.setattr(launch_lab, "has_display", lambda: False)
    cmd = launch_lab.lab_command(8899, tmp_path)
    assert "--ip=127.0.0.1" in cmd and "--port=8899" in cmd and "--no-browser" in cmd
    assert f"--ServerApp.default_url=/lab/tree/{launch_lab.FIRST_NOTEBOOKS['en']}" in cmd
    for notebook in launch_lab.FIRST_NOTEBOOKS.values():
        assert (Path(__file__).resolve().parents[2] / notebook).exists()


def test_a_display_lets_jupyter_open_the_browser(monkeypatch, tmp_path):
    monkeypatch.setattr(launch_lab, "has_display", lambda: True)
    assert "--no-browser" not in launch_lab.lab_command(8899, tmp_path)


def test_the_french_edition_sets_jupyterlabs_interface_language(tmp_path):
    assert launch_lab.lab_settings_dir("en", tmp_path) is None
    folder = launch_lab.lab_settings_dir("fr", tmp_path)
    overrides = json.loads((folder / "overrides.json").read_text("utf-8"))
    assert overrides == {launch_lab.TRANSLATION_PLUGIN: {"locale": "fr_FR"}}
    cmd = launch_lab.lab_command(8899, tmp_path, "fr", folder)
    assert f"--LabApp.app_settings_dir={folder}" in cmd
    assert any(part.endswith(launch_lab.FIRST_NOTEBOOKS["fr"]) for part in cmd)
