"""A trainer edits a notebook in a real JupyterLab, saves it, and the notebook rules still pass.

Notebooks are documents: the file JupyterLab writes on Ctrl+S (its kernel display name,
``language_info``, cell ids, nbformat 4.5, its indentation) must satisfy the very rules that
``make test`` applies (tests/notebooks/test_notebooks_clean.py), and so must what git stores
once the nbstripout filter has cleaned it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page

from ..notebooks.test_notebooks_clean import notebook_problems, source_of
from .conftest import NOTEBOOKS, SCREENSHOTS
from .lab import open_notebook, shutdown_kernels
from .servers import ServerProcess

pytestmark = pytest.mark.e2e

CHAPTER = "01-their-job.ipynb"
FOLDER = "trainer-edit"  # beside the guide's copy, so the other browser tests never see it
SENTENCE = "Trainers: ask the group which clue they would check first, then compare with the café."
SAVE_TIMEOUT_S = 30.0


def _prose_cell(cells: list[dict]) -> int:
    """The first markdown cell after the opening one that ends in a plain paragraph (typing
    at the end of a list or a quote would continue the list or the quote)."""
    for index, cell in enumerate(cells[1:], start=1):
        last_line = source_of(cell).rstrip().splitlines()[-1:] or [""]
        if cell["cell_type"] == "markdown" and re.match(r"[A-Za-z]", last_line[0]):
            return index
    raise AssertionError(f"{CHAPTER} has no markdown cell ending in a paragraph")


def _type_at_end_of_markdown_cell(page: Page, index: int, text: str) -> None:
    """Double-click the rendered cell to edit it, go to its end, type, then render it again."""
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-MarkdownOutput").dblclick()
    editor = cell.locator(".cm-content")
    editor.wait_for(state="visible", timeout=10_000)
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type(text)
    page.keyboard.press("Control+Enter")  # render the markdown cell (runs no code)
    cell.locator(".jp-MarkdownOutput", has_text=text).wait_for(timeout=10_000)
    cell.locator(".jp-MarkdownOutput p", has_text=text).scroll_into_view_if_needed()


def _save_with_ctrl_s(page: Page, saved: Path) -> None:
    """Ctrl+S, as a trainer saves; wait until the tab is clean and the file holds the text."""
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + SAVE_TIMEOUT_S
    while time.monotonic() < deadline:
        dirty = page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count()
        if not dirty and SENTENCE in saved.read_text("utf-8"):
            return
        time.sleep(0.2)
    raise TimeoutError(f"Ctrl+S did not save {saved.name} within {SAVE_TIMEOUT_S:.0f}s")


def _as_git_stores_it(path: Path) -> str:
    """The file through the nbstripout clean filter, exactly as `git add` runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "nbstripout"],
        input=path.read_text("utf-8"),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_a_trainer_adds_a_sentence_saves_and_the_notebook_rules_pass(
    lab_server: ServerProcess, browser_page, e2e_home: Path, tmp_path: Path
):
    page, log = browser_page
    original = NOTEBOOKS / CHAPTER
    saved = e2e_home / "work" / FOLDER / CHAPTER
    saved.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(original, saved)
    lab_path = f"{FOLDER}/{CHAPTER}"
    index = _prose_cell(json.loads(original.read_text("utf-8"))["cells"])

    try:
        open_notebook(page, lab_server, lab_path)
        _type_at_end_of_markdown_cell(page, index, SENTENCE)
        _save_with_ctrl_s(page, saved)
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "trainer-edit.png"))
        shutdown_kernels(lab_server, lab_path)

    nb = json.loads(saved.read_text("utf-8"))
    edited = source_of(nb["cells"][index])
    assert SENTENCE in edited, f"cell {index} after saving:\n{edited}"
    assert len(nb["cells"]) == len(json.loads(original.read_text("utf-8"))["cells"])

    problems = notebook_problems(saved)
    assert not problems, "the notebook JupyterLab saved breaks the rules:\n- " + "\n- ".join(
        problems
    )

    stored = tmp_path / CHAPTER
    stored.write_text(_as_git_stores_it(saved), "utf-8")
    assert SENTENCE in stored.read_text("utf-8")
    problems = notebook_problems(stored)
    assert not problems, "the notebook as git stores it breaks the rules:\n- " + "\n- ".join(
        problems
    )
    assert not log.problems(), "\n".join(log.problems())
