"""The committed notebooks are exactly what the generators in tools/ write.

Edit a chapter in its generator, re-run it, commit both: this test catches a notebook edited
by hand (or a generator changed without regenerating).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"


def _generated() -> dict[str, nbformat.NotebookNode]:
    sys.path.insert(0, str(TOOLS))
    try:
        part1 = importlib.import_module("build_notebooks_part1")
        part2 = importlib.import_module("build_notebooks_part2")
        own = importlib.import_module("build_notebook_08")
    finally:
        sys.path.remove(str(TOOLS))
    built = {name: part1.notebook(build()) for name, build in part1.NOTEBOOKS.items()}
    built |= {name: part1.notebook(build()) for name, build in part2.NOTEBOOKS.items()}
    built[own.NAME] = part1.notebook(own.your_own_data())
    return built


GENERATED = _generated()


def test_every_notebook_has_a_generator():
    committed = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert committed == set(GENERATED)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_committed_notebook_equals_its_generator(name):
    committed = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert nbformat.writes(committed) == nbformat.writes(GENERATED[name]), (
        f"notebooks/{name} differs from its generator in tools/: re-run it and commit"
    )
