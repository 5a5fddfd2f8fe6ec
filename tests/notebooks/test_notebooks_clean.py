"""The guide's notebooks are stored clean, follow the lesson structure and keep code thin.

Notebooks are documents edited in JupyterLab, so these rules judge only what matters to a
learner and never how JupyterLab writes the file: its kernel display name, ``language_info``,
cell ids, nbformat 4.x minor version, indentation and trailing newline are all accepted.

Each rule is a plain function returning a list of problems (empty when the notebook passes),
so the end-to-end test of a trainer's edit (tests/e2e/test_trainer_edit.py) applies the very
same rules to the file JupyterLab saved.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "notebooks"
MAX_CODE_LINES = 12
GUIDE_CHAPTERS = 10  # notebooks/00-... to notebooks/09-...

# What a notebook may import: the package's public face, its checkers, and a few libraries a
# learner meets anyway (anything else in the package is internal and may move).
ALLOWED_PACKAGE_IMPORTS = ("invite_triage", "invite_triage.widgets")
ALLOWED_PACKAGE_PREFIXES = ("invite_triage.exercises",)
ALLOWED_LIBRARIES = frozenset({"pandas", "numpy", "matplotlib", "IPython"}) | frozenset(
    sys.stdlib_module_names
)

#: The lesson's headings in each edition: English in notebooks/, French in notebooks/fr/.
LESSON_HEADINGS = {
    "en": (("Questions", "Objectives", "Timing"), "Key points"),
    "fr": (("Questions", "Objectifs", "Durée"), "Points clés"),
}

HEAVY_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.While)
DATA_PATH = re.compile(r"read_csv|read_excel|\.\./data|['\"]data/|\bopen\(")


def discover(root: Path = ROOT) -> list[Path]:
    """Every notebook under ``root``, in any sub-folder (a future notebooks/fr/ included),
    except JupyterLab's own checkpoint copies."""
    return sorted(p for p in root.glob("**/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def is_chapter(path: Path) -> bool:
    """Chapters are numbered (``01-their-job.ipynb``); apps such as the inbox are not."""
    return re.match(r"\d\d-", path.name) is not None


def language_of(path: Path) -> str:
    """The edition a notebook belongs to: ``fr`` in a ``fr`` folder, else English."""
    return "fr" if path.parent.name == "fr" else "en"


def load(path: Path) -> dict:
    """The notebook as JSON, whatever indentation or final newline it was saved with."""
    return json.loads(path.read_text("utf-8"))


def source_of(cell: dict) -> str:
    """A cell's source, stored as one string or as a list of lines (both are valid)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def code_cells(nb: dict) -> list[str]:
    return [source_of(c) for c in nb.get("cells", []) if c.get("cell_type") == "code"]


def _without_comments(code: str) -> str:
    return "\n".join(re.sub(r"#.*", "", line) for line in code.splitlines())


def _python_of(code: str) -> str:
    """The cell without IPython magics and shell escapes, which are not Python."""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in code.splitlines()
    )


# --- the rules ----------------------------------------------------------------------------


def storage_problems(nb: dict) -> list[str]:
    """Stored clean: no outputs, no execution counts, the ``python3`` kernel, nbformat 4."""
    problems = []
    if nb.get("nbformat") != 4:
        problems.append(f"nbformat is {nb.get('nbformat')!r}; JupyterLab writes 4")
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"kernel name is {kernel!r}; choose the 'python3' kernel and save")
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(
                f"cell {index} has outputs: Edit > Clear Outputs of All Cells, then save "
                "(or run .venv/bin/nbstripout on the file)"
            )
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} stores an execution count; clear outputs and save")
    return problems


def lesson_problems(nb: dict, lang: str = "en") -> list[str]:
    """A chapter opens with its questions, objectives and timing and closes with key points
    (in the edition's language: ``Objectifs``, ``Durée`` and ``Points clés`` in French)."""
    cells = nb.get("cells", [])
    if not cells:
        return ["the notebook has no cells"]
    first, last = source_of(cells[0]), source_of(cells[-1])
    opening, closing = LESSON_HEADINGS[lang]
    problems = [
        f"the first cell lacks **{heading}**" for heading in opening if heading not in first
    ]
    if closing not in last:
        problems.append(f"the last cell is not the key points ({closing})")
    return problems


def thin_code_problems(nb: dict) -> list[str]:
    """Logic lives in the package: a code cell is a few lines, no def/class/loop, no data path."""
    problems = []
    for code in code_cells(nb):
        lines = [ln for ln in code.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        if len(lines) > MAX_CODE_LINES:
            problems.append(
                f"a code cell has {len(lines)} lines (at most {MAX_CODE_LINES}):\n{code}"
            )
        try:
            tree = ast.parse(_python_of(code))
        except SyntaxError as error:
            problems.append(f"a code cell is not valid Python ({error.msg}):\n{code}")
            continue
        if any(isinstance(node, HEAVY_NODES) for node in ast.walk(tree)):
            problems.append(f"a code cell defines or loops; move that into the package:\n{code}")
        if DATA_PATH.search(_without_comments(code)):
            problems.append(
                f"a code cell names a data file; load data through the package "
                f"(load_invitations(), load_connections(), ...):\n{code}"
            )
    return problems


def _allowed_module(name: str) -> bool:
    if name in ALLOWED_PACKAGE_IMPORTS:
        return True
    if any(name == p or name.startswith(p + ".") for p in ALLOWED_PACKAGE_PREFIXES):
        return True
    return name.split(".")[0] in ALLOWED_LIBRARIES


def import_problems(nb: dict) -> list[str]:
    """Imports come from the public face (``invite_triage``, ``invite_triage.widgets``), the
    checkers (``invite_triage.exercises...``), pandas, numpy, matplotlib or the standard
    library; never from the package's inner layers."""
    problems = []
    for code in code_cells(nb):
        try:
            tree = ast.parse(_python_of(code))
        except SyntaxError:
            continue  # reported by thin_code_problems
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            else:
                continue
            problems.extend(
                f"imports {name}; use invite_triage or invite_triage.widgets instead"
                for name in names
                if not _allowed_module(name)
            )
    return problems


def exercise_problems(nb: dict) -> list[str]:
    """A chapter after the first has at least two checked exercises with hidden solutions."""
    sources = code_cells(nb)
    checks = [s for s in sources if re.search(r"^check_\w+\(", s, re.M)]
    hidden = [s for s in sources if re.search(r"^# solution\(", s, re.M)]
    if len(checks) < 2 or len(hidden) < 2:
        return [f"needs 2+ exercises: {len(checks)} checks, {len(hidden)} hidden solutions"]
    return []


def rules_for(path: Path) -> list[Callable[[dict], list[str]]]:
    """The rules a notebook must follow: every notebook is stored clean and imports only the
    public face; chapters also follow the lesson structure and keep code cells thin."""
    rules = [storage_problems, import_problems]
    if is_chapter(path):
        rules += [functools.partial(lesson_problems, lang=language_of(path)), thin_code_problems]
        if not path.name.startswith("00-"):
            rules.append(exercise_problems)
    return rules


def notebook_problems(path: Path) -> list[str]:
    """Every problem of the notebook at ``path`` under all the rules that apply to it."""
    nb = load(path)
    return [problem for rule in rules_for(path) for problem in rule(nb)]


# --- the tests ----------------------------------------------------------------------------

NOTEBOOKS = discover()
CHAPTERS = [p for p in NOTEBOOKS if is_chapter(p)]


def _id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _fail(path: Path, problems: list[str]) -> None:
    assert not problems, f"{_id(path)}:\n- " + "\n- ".join(problems)


def test_there_is_a_numbered_guide():
    top = [p.name[:2] for p in CHAPTERS if p.parent == ROOT]
    assert top == [f"{i:02d}" for i in range(GUIDE_CHAPTERS)]


def test_chapters_in_every_folder_are_numbered_without_gaps():
    """A translation (notebooks/fr/) may be partial, but numbered from 00 with no gap."""
    for folder in sorted({p.parent for p in CHAPTERS}):
        numbers = [int(p.name[:2]) for p in CHAPTERS if p.parent == folder]
        assert numbers == list(range(len(numbers))), f"{folder}: chapters {numbers}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_stored_without_outputs_and_with_the_python3_kernel(path):
    _fail(path, storage_problems(load(path)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_imports_only_the_public_face(path):
    _fail(path, import_problems(load(path)))


@pytest.mark.parametrize("path", CHAPTERS, ids=_id)
def test_opens_with_questions_objectives_timing_and_closes_with_key_points(path):
    _fail(path, lesson_problems(load(path), language_of(path)))


@pytest.mark.parametrize("path", CHAPTERS, ids=_id)
def test_code_cells_stay_thin_and_load_data_through_the_package(path):
    _fail(path, thin_code_problems(load(path)))


@pytest.mark.parametrize("path", [p for p in CHAPTERS if not p.name.startswith("00-")], ids=_id)
def test_every_chapter_has_checked_exercises_with_hidden_solutions(path):
    _fail(path, exercise_problems(load(path)))
