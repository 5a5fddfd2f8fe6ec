"""app.doctor: every check says what is wrong and prints the exact fix."""

from __future__ import annotations

import subprocess

from invite_triage.app import doctor


def test_this_installation_passes_python_packages_and_data():
    assert doctor.check_python().ok
    assert all(check.ok for check in doctor.check_packages())
    assert doctor.check_data().ok


def test_a_missing_package_names_the_fix(monkeypatch):
    monkeypatch.setattr(doctor, "_version", lambda module: None)
    checks = doctor.check_packages()
    assert checks and not any(c.ok for c in checks)
    assert all(c.fix for c in checks)


def test_a_missing_or_disabled_widget_extension_names_the_fix(monkeypatch):
    def listing(text):
        return lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=text, stderr="")

    monkeypatch.setattr(doctor.subprocess, "run", listing("JupyterLab v4\n"))
    missing = doctor.check_widget_extension()
    assert not missing.ok and "jupyterlab_widgets" in missing.fix
    monkeypatch.setattr(doctor.subprocess, "run",
                        listing(f"  {doctor.WIDGET_EXTENSION} v3 disabled OK\n"))
    disabled = doctor.check_widget_extension()
    assert not disabled.ok and "enable" in disabled.fix


def test_the_doctor_exits_non_zero_when_a_check_fails(monkeypatch, capsys):
    monkeypatch.setattr(doctor, "_version", lambda module: None)
    assert doctor.run_doctor() != 0
    assert capsys.readouterr().out
