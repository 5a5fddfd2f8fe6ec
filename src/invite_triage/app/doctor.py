"""``invite-triage doctor``: an install check that prints the exact fix for anything wrong.

Modelled on the ipywidgets tutorial's install check: learners in a workshop room run one
command and read what to type, instead of debugging a blank widget.
"""

from __future__ import annotations

import importlib
import platform
import re
import subprocess
import sys
from dataclasses import dataclass

from invite_triage.world.datasets import data_dir, load_invitations

REQUIRED = ("pandas", "numpy", "matplotlib", "ipywidgets", "jupyterlab", "nbval", "voila")
WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
FIX_INSTALL = 'make setup   (or: python -m pip install -c requirements-lock.txt -e ".[dev]")'


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _version(module: str) -> str | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    return str(getattr(mod, "__version__", "installed"))


def check_python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check(
        "python",
        ok,
        platform.python_version(),
        "" if ok else "install Python 3.11 or newer from https://www.python.org/downloads/",
    )


def check_packages() -> list[Check]:
    checks = []
    for name in REQUIRED:
        version = _version(name)
        checks.append(
            Check(name, version is not None, version or "missing", "" if version else FIX_INSTALL)
        )
    return checks


def check_widget_extension() -> Check:
    """Is the ipywidgets JupyterLab extension (jupyterlab_widgets) installed and enabled?"""
    try:
        out = subprocess.run(
            [sys.executable, "-m", "jupyter", "labextension", "list"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("widget extension", False, f"could not run jupyter: {exc}", FIX_INSTALL)
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)
    line = next((ln for ln in text.splitlines() if WIDGET_EXTENSION in ln), "")
    if not line:
        return Check(
            "widget extension",
            False,
            "missing",
            "python -m pip install -c requirements-lock.txt jupyterlab_widgets",
        )
    if "disabled" in line:
        return Check(
            "widget extension", False, "disabled", f"jupyter labextension enable {WIDGET_EXTENSION}"
        )
    return Check("widget extension", True, line.strip())


def check_data() -> Check:
    try:

        n = len(load_invitations())
        where = data_dir() or "regenerated in memory"
        return Check("bundled data", n > 0, f"{n} invitations ({where})")
    except Exception as exc:  # the doctor reports every failure instead of crashing
        return Check("bundled data", False, f"{type(exc).__name__}: {exc}", "make data")


def run_checks() -> list[Check]:
    return [check_python(), *check_packages(), check_widget_extension(), check_data()]


def run_doctor() -> int:
    checks = run_checks()
    width = max(len(c.name) for c in checks)
    for c in checks:
        mark = "ok " if c.ok else "BAD"
        print(f"[{mark}] {c.name:<{width}}  {c.detail}")
        if not c.ok and c.fix:
            print(f"      fix: {c.fix}")
    bad = [c for c in checks if not c.ok]
    print(
        "All good: run `make lab`." if not bad else f"{len(bad)} problem(s): apply the fixes above."
    )
    return 1 if bad else 0
