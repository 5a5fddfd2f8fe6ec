"""The guide's notebooks are stored clean and follow the lesson structure."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
CHAPTERS = [p for p in NOTEBOOKS if re.match(r"\d\d-", p.name)]
MAX_CODE_LINES = 12


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["cells"]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def test_there_is_a_numbered_guide():
    assert [p.name[:2] for p in CHAPTERS] == [f"{i:02d}" for i in range(9)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs_and_with_the_python3_kernel(path):
    nb = json.loads(path.read_text("utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a cell has outputs; store it clean"
            assert cell["execution_count"] is None, f"{path.name}: execution counts stored"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_opens_with_questions_objectives_timing_and_closes_with_key_points(path):
    cells = _cells(path)
    first, last = _source(cells[0]), _source(cells[-1])
    for heading in ("Questions", "Objectives", "Timing"):
        assert heading in first, f"{path.name}: the first cell lacks {heading}"
    assert "Key points" in last, f"{path.name}: the last cell is not the key points"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_code_cells_stay_thin(path):
    """Logic lives in the package: no function or class definitions, no loops, few lines."""
    for cell in _cells(path):
        if cell["cell_type"] != "code":
            continue
        source = _source(cell)
        lines = [ln for ln in source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        assert len(lines) <= MAX_CODE_LINES, f"{path.name}: a code cell has {len(lines)} lines"
        tree = ast.parse(source)
        heavy = (ast.FunctionDef, ast.ClassDef, ast.For, ast.While, ast.AsyncFunctionDef)
        assert not any(isinstance(node, heavy) for node in ast.walk(tree)), (
            f"{path.name}: move this logic into the package:\n{source}"
        )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_data_comes_through_the_package(path):
    """No relative paths to the bundled data; only the learner's own export may be named."""
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            code = "\n".join(
                ln for ln in _source(cell).splitlines() if not ln.strip().startswith("#")
            )
            code = re.sub(r"#.*", "", code)
            assert not re.search(r"read_csv|\.\./data|['\"]data/", code), (
                f"{path.name}: load data with invite_triage.world.datasets, not a path:\n{code}"
            )


@pytest.mark.parametrize("path", CHAPTERS[1:], ids=lambda p: p.name)
def test_every_chapter_has_checked_exercises_with_hidden_solutions(path):
    sources = [_source(c) for c in _cells(path) if c["cell_type"] == "code"]
    checks = [s for s in sources if re.search(r"^check_\w+\(", s, re.M)]
    hidden = [s for s in sources if re.search(r"^# solution\(", s, re.M)]
    assert len(checks) >= 2 and len(hidden) >= 2, f"{path.name}: needs 2+ exercises"
