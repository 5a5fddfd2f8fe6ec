"""Start JupyterLab on the guide's first notebook; never try to open a browser without a display."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

FIRST_NOTEBOOK = "notebooks/00-start-here.ipynb"


def has_display() -> bool:
    """A browser can open here: a desktop OS, or X/Wayland on Linux."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def lab_command(port: int, root: Path) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        f"--port={port}",
        "--ip=127.0.0.1",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.default_url=/lab/tree/{FIRST_NOTEBOOK}",
    ]
    if not has_display():
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8888)
    args = parser.parse_args(argv)
    root = Path.cwd()
    cmd = lab_command(args.port, root)
    if "--no-browser" in cmd:
        print(
            "No display found: open the URL printed below in your browser "
            f"(then {FIRST_NOTEBOOK})."
        )
    os.execv(cmd[0], cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
