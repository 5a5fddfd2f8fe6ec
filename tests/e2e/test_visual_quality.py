"""What the learner sees, in both editions: sharp charts, nothing cut off, nothing too wide,
and an app that works from the keyboard alone.

Every notebook of ``notebooks/`` and ``notebooks/<lang>/`` runs in JupyterLab in Chromium at
1280x720 with device scale factor 2 (see ``visual.py`` for what is measured). The figures of
each notebook go to ``artifacts/visual-quality.json``; the terminal summary gives them per
edition. Screenshots of three outputs (decision chart, growth chart, chapter 01's sliders) go
to ``artifacts/screenshots/<VISUAL_SHOTS>-*.png`` (``VISUAL_SHOTS`` defaults to ``visual``).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import ARTIFACTS, NOTEBOOKS, SCREENSHOTS, guide_notebooks, lab_path, notebook_id
from .lab import clear_all_outputs, open_notebook, run_all_cells, shutdown_kernels
from .output_checks import find_problems, format_problems, wait_widgets_settled
from .pages import LabPages
from .visual import (
    DEVICE_SCALE_FACTOR,
    REPORTS,
    VIEWPORT,
    measure,
    screenshot_output,
    write_report,
)

pytestmark = pytest.mark.e2e

GUIDE = guide_notebooks()
REPORT = ARTIFACTS / "visual-quality.json"
SHOTS = os.environ.get("VISUAL_SHOTS", "visual")
#: Outputs photographed, by notebook id: (name of the shot, code found in the cell).
SHOTS_OF = {
    "06-putting-it-together": ("decision", "weights_app("),
    "07-quality-versus-size": ("growth", "plot_growth("),
    "01-their-job": ("sliders-01", "families_app("),
    "fr/06-tout-assembler": ("fr-decision", "weights_app("),
    "fr/07-qualite-ou-quantite": ("fr-growth", "plot_growth("),
    "fr/01-leur-metier": ("fr-sliders-01", "families_app("),
}
#: The app driven from the keyboard alone: chapter 06's weights (sliders and a reset button).
KEYBOARD_NOTEBOOK = NOTEBOOKS / "06-putting-it-together.ipynb"
KEYBOARD_APP_CODE = "weights_app("
SETTLE_S = 1.0  # after the widgets render, for the apps' first redraws to land


def edition(notebook: Path) -> str:
    parts = notebook.relative_to(NOTEBOOKS).parts
    return parts[0] if len(parts) > 1 else "en"


@pytest.fixture(scope="module")
def hidpi_pages(browser, lab_server) -> Iterator[LabPages]:
    """Pages at 1280x720, device scale factor 2, the next notebook loading ahead."""
    pages = LabPages(browser, lab_server, VIEWPORT, DEVICE_SCALE_FACTOR)
    try:
        yield pages
    finally:
        pages.close_all()
        if REPORTS:
            write_report(REPORT, REPORTS)


def run_notebook(page: Page, server, path: str, already_opening: bool) -> None:
    open_notebook(page, server, path, already_opening)
    clear_all_outputs(page)
    run_all_cells(page)
    wait_widgets_settled(page)
    time.sleep(SETTLE_S)


@pytest.mark.parametrize("notebook", GUIDE, ids=notebook_id)
def test_what_the_learner_sees(notebook: Path, lab_server, hidpi_pages):
    """Charts at >= 1.5 image px per CSS px, no label cut, no output wider than its cell."""
    path = lab_path(notebook)
    opened = hidpi_pages.take(path)
    following = GUIDE.index(notebook) + 1
    if following < len(GUIDE):
        hidpi_pages.load_ahead(lab_path(GUIDE[following]))
    try:
        run_notebook(opened.page, lab_server, path, opened.started)
        report = measure(opened.page, notebook_id(notebook), edition(notebook))
        REPORTS.append(report)
        shot = SHOTS_OF.get(notebook_id(notebook))
        if shot:
            screenshot_output(opened.page, shot[1], SCREENSHOTS / f"{SHOTS}-{shot[0]}.png")
    finally:
        opened.close()
        shutdown_kernels(lab_server, path)
    failures = report.failures()
    assert not failures, f"{path}:\n- " + "\n- ".join(failures)


# --- the keyboard alone ---------------------------------------------------------------------

ACTIVE_JS = r"""
(app) => {
  const el = document.activeElement;
  if (!el || !app.contains(el)) return {inside: false, kind: '', label: ''};
  const kind = el.classList.contains('noUi-handle') ? 'slider'
    : el.tagName === 'BUTTON' ? 'button' : el.tagName.toLowerCase();
  const slider = el.closest('.widget-slider');
  const readout = slider && slider.querySelector('.widget-readout');
  const sliders = [...app.querySelectorAll('.widget-slider')];
  return {inside: true, kind, label: (el.innerText || el.getAttribute('aria-label') || '').trim(),
          slider: slider ? sliders.indexOf(slider) : -1,
          value: readout ? readout.innerText.trim() : (el.getAttribute('aria-valuenow') || '')};
}
"""
CHART_SRC_JS = "(app) => [...app.querySelectorAll('img.widget-image')].map(i => i.src).join()"


def _tab_to(page: Page, app, kind: str, key: str = "Tab", most: int = 60,
            slider: int | None = None) -> dict:
    """Press Tab (or Shift+Tab) until the focus is on a ``kind`` inside the app (on its
    slider number ``slider`` when given)."""
    for _ in range(most):
        page.keyboard.press(key)
        active = app.evaluate(ACTIVE_JS)
        if active["inside"] and active["kind"] == kind and (
                slider is None or active["slider"] == slider):
            return active
    raise AssertionError(f"{most} presses of {key} never reached a {kind} of the app")


def _wait_chart_change(page: Page, app, before: str, timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if app.evaluate(CHART_SRC_JS) != before:
            return True
        time.sleep(0.05)
    return False


def _readout(app, index: int) -> str:
    return app.locator(".widget-slider .widget-readout").nth(index).inner_text().strip()


def test_weights_app_from_the_keyboard(lab_server, browser):
    """Tab to a slider, arrows move it and the chart follows; Tab to the reset button, Enter
    and Space press it."""
    path = lab_path(KEYBOARD_NOTEBOOK)
    pages = LabPages(browser, lab_server, VIEWPORT, DEVICE_SCALE_FACTOR)
    opened = pages.take(path)
    page = opened.page
    try:
        run_notebook(page, lab_server, path, already_opening=False)
        cell = page.locator(".jp-Notebook .jp-CodeCell", has_text=KEYBOARD_APP_CODE).first
        app = cell.locator(".it-app").first
        app.scroll_into_view_if_needed()
        # Start the keyboard walk just above the app, as a learner clicking beside it would.
        box = app.bounding_box()
        assert box, "the weights app is not shown"
        page.mouse.click(box["x"] + box["width"] - 4, box["y"] + 2)

        first: int | None = None  # the weight slider reached first (the reset resets weights)
        for press in ("Enter", " "):
            slider = _tab_to(page, app, "slider", key="Shift+Tab" if first is not None else "Tab",
                             slider=first)
            first = slider["slider"]
            chart = app.evaluate(CHART_SRC_JS)
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            moved = app.evaluate(ACTIVE_JS)
            assert moved["value"] != slider["value"], f"ArrowRight left {slider} unchanged"
            assert _wait_chart_change(page, app, chart), "the chart did not follow the slider"

            button = _tab_to(page, app, "button")
            assert re.search(r"\w", button["label"]), f"a button without a label: {button}"
            chart = app.evaluate(CHART_SRC_JS)
            page.keyboard.press(press)
            assert _wait_chart_change(page, app, chart), (
                f"pressing {press!r} on {button['label']!r} did not redraw the chart"
            )
            back = _readout(app, slider["slider"])
            assert back == slider["value"], (
                f"after {press!r} on {button['label']!r} the slider shows {back}, "
                f"not {slider['value']} as before"
            )
        problems = find_problems(page)
        assert not problems, format_problems(problems)
        page.screenshot(path=str(SCREENSHOTS / f"{SHOTS}-keyboard-06.png"))
    finally:
        opened.close()
        pages.close_all()
        shutdown_kernels(lab_server, path)

