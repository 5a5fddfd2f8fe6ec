"""Binder installs exactly what `make lab` installs: every pin of binder/requirements.txt is
the version requirements-lock.txt pins, and the image opens with the project installed."""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

REPO = Path(__file__).resolve().parents[2]
BINDER = REPO / "binder"


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def test_binder_pins_are_the_lock_pins():
    binder, lock = _pins(BINDER / "requirements.txt"), _pins(REPO / "requirements-lock.txt")
    assert binder, "binder/requirements.txt pins nothing"
    unknown = sorted(set(binder) - set(lock))
    assert not unknown, f"binder/requirements.txt pins packages the lock does not: {unknown}"
    differ = {n: (v, lock[n]) for n, v in binder.items() if lock[n] != v}
    assert not differ, f"binder pins differ from the lock (binder, lock): {differ}"
    for needed in ("jupyterlab", "ipywidgets", "jupyterlab-widgets", "pandas", "matplotlib"):
        assert needed in binder, f"binder/requirements.txt lacks {needed}"


def test_binder_installs_every_package_of_the_lab_extra():
    with (REPO / "pyproject.toml").open("rb") as handle:
        lab = tomllib.load(handle)["project"]["optional-dependencies"]["lab"]
    listed = {
        re.sub(r"[-_.]+", "-", re.split(r"[<>=!~ ;\[]", line.strip(), maxsplit=1)[0]).lower()
        for line in (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }
    for requirement in lab:
        name = re.sub(r"[-_.]+", "-", re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0])
        assert name.lower() in listed, f"binder/requirements.txt lacks {name} (lab extra)"


def test_binder_runtime_is_a_supported_python():
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    found = re.fullmatch(r"python-3\.(\d+)", runtime)
    assert found and int(found[1]) >= 11, f"binder/runtime.txt: {runtime!r}"


def test_binder_installs_the_project():
    post = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert "pip install" in post and "-e ." in post
