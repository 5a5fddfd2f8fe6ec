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

from invite_triage.core.i18n import message
from invite_triage.world.datasets import data_dir, load_invitations

REQUIRED = ("pandas", "numpy", "matplotlib", "ipywidgets", "jupyterlab", "nbval", "voila")
WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
INSTALL_COMMAND = 'python -m pip install -c requirements-lock.txt -e ".[dev]"'
#: The install fix, in English (``_fix_install(lang)`` in another language).
FIX_INSTALL = f"make setup   (or: {INSTALL_COMMAND})"


def _fix_install(lang: str | None) -> str:
    return message("cli.doctor.fix_install", lang, command=INSTALL_COMMAND)


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


def check_python(lang: str | None = None) -> Check:
    ok = sys.version_info >= (3, 11)
    return Check(
        "python",
        ok,
        platform.python_version(),
        "" if ok else message("cli.doctor.fix_python", lang,
                              url="https://www.python.org/downloads/"),
    )


def check_packages(lang: str | None = None) -> list[Check]:
    checks = []
    for name in REQUIRED:
        version = _version(name)
        checks.append(
            Check(name, version is not None, version or message("cli.doctor.missing", lang),
                  "" if version else _fix_install(lang))
        )
    return checks


def check_widget_extension(lang: str | None = None) -> Check:
    """Is the ipywidgets JupyterLab extension (jupyterlab_widgets) installed and enabled?"""
    name = message("cli.doctor.widget_extension", lang)
    try:
        out = subprocess.run(
            [sys.executable, "-m", "jupyter", "labextension", "list"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check(name, False, message("cli.doctor.no_jupyter", lang, error=exc),
                     _fix_install(lang))
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)
    line = next((ln for ln in text.splitlines() if WIDGET_EXTENSION in ln), "")
    if not line:
        return Check(
            name,
            False,
            message("cli.doctor.missing", lang),
            "python -m pip install -c requirements-lock.txt jupyterlab_widgets",
        )
    if "disabled" in line:
        return Check(
            name, False, message("cli.doctor.disabled", lang),
            f"jupyter labextension enable {WIDGET_EXTENSION}",
        )
    return Check(name, True, line.strip())


def check_data(lang: str | None = None) -> Check:
    name = message("cli.doctor.data", lang)
    try:

        n = len(load_invitations())
        where = data_dir() or message("cli.doctor.in_memory", lang)
        return Check(name, n > 0, message("cli.doctor.invitations", lang, n=n, where=where))
    except Exception as exc:  # the doctor reports every failure instead of crashing
        return Check(name, False, f"{type(exc).__name__}: {exc}", "make data")


def run_checks(lang: str | None = None) -> list[Check]:
    return [check_python(lang), *check_packages(lang), check_widget_extension(lang),
            check_data(lang)]


def run_doctor(lang: str | None = None) -> int:
    """Print every check, the fix of each failing one and a verdict, in ``lang``."""
    checks = run_checks(lang)
    width = max(len(c.name) for c in checks)
    for c in checks:
        mark = "ok " if c.ok else "BAD"
        print(f"[{mark}] {c.name:<{width}}  {c.detail}")
        if not c.ok and c.fix:
            print(message("cli.doctor.fix", lang, fix=c.fix))
    bad = [c for c in checks if not c.ok]
    if not bad:
        print(message("cli.doctor.all_good", lang))
    else:
        print(message("cli.doctor.problems" if len(bad) > 1 else "cli.doctor.one_problem", lang,
                      n=len(bad)))
    return 1 if bad else 0
