"""Start JupyterLab on the guide's first notebook; never try to open a browser without a display.

``--lang fr`` opens the French edition (notebooks/fr/) with JupyterLab's own interface in
French (menus, dialogs, file browser), from the ``jupyterlab-language-pack-fr-FR`` language
pack of the ``lab`` extra.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

#: The first notebook of each edition of the guide.
FIRST_NOTEBOOKS = {
    "en": "notebooks/00-start-here.ipynb",
    "fr": "notebooks/fr/00-commencer-ici.ipynb",
}
FIRST_NOTEBOOK = FIRST_NOTEBOOKS["en"]
#: JupyterLab's interface locale for each edition (English is JupyterLab's own default).
LAB_LOCALES = {"en": None, "fr": "fr_FR"}
#: The JupyterLab setting that chooses the interface language.
TRANSLATION_PLUGIN = "@jupyterlab/translation-extension:plugin"
#: What to say when there is no display, in the edition's language.
NO_DISPLAY = {
    "en": "No display found: open the URL printed below in your browser (then {notebook}).",
    "fr": "Aucun écran détecté\u202f: ouvrez dans votre navigateur l'adresse affichée "
    "ci-dessous (puis {notebook}).",
}


def has_display() -> bool:
    """A browser can open here: a desktop OS, or X/Wayland on Linux."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def lab_settings_dir(lang: str, base: Path | None = None) -> Path | None:
    """The JupyterLab *application settings* folder that makes the edition's language the
    interface's default, or None when JupyterLab's default (English) is wanted.

    Why this way: its ``overrides.json`` changes a setting's *default* for this launch only.
    The learner's own user settings (theme, shortcuts, and a language they chose in
    Settings > Language) are kept and still win, nothing is written in their home folder,
    and a plain ``make lab`` stays in English. The folder lives in the virtualenv
    (``<venv>/share/invite-triage/lab-settings-<lang>``), or in a temporary folder when the
    environment is read-only.
    """
    locale = LAB_LOCALES[lang]
    if locale is None:
        return None
    overrides = {TRANSLATION_PLUGIN: {"locale": locale}}
    text = json.dumps(overrides, indent=2) + "\n"
    folder = (base or Path(sys.prefix) / "share" / "invite-triage") / f"lab-settings-{lang}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "overrides.json").write_text(text, "utf-8")
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix=f"invite-triage-lab-{lang}-"))
        (folder / "overrides.json").write_text(text, "utf-8")
    return folder


def lab_command(port: int, root: Path, lang: str = "en", settings: Path | None = None) -> list[str]:
    """The ``jupyter lab`` command line for an edition (``settings``: see lab_settings_dir)."""
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        f"--port={port}",
        "--ip=127.0.0.1",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.default_url=/lab/tree/{FIRST_NOTEBOOKS[lang]}",
    ]
    if settings is not None:
        cmd.append(f"--LabApp.app_settings_dir={settings}")
    if not has_display():
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument(
        "--lang", choices=sorted(FIRST_NOTEBOOKS), default="en",
        help="the guide's edition, and JupyterLab's interface language (default: en)",
    )
    args = parser.parse_args(argv)
    root = Path.cwd()
    cmd = lab_command(args.port, root, args.lang, lab_settings_dir(args.lang))
    if "--no-browser" in cmd:
        print(NO_DISPLAY[args.lang].format(notebook=FIRST_NOTEBOOKS[args.lang]))
    os.execv(cmd[0], cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
