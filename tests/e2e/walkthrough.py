"""One notebook, the way a learner meets it: open, run all, look, use every app, screenshot."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error, Page

from . import apps as app_actions
from .lab import clear_all_outputs, open_notebook, run_all_cells, wait_kernel_idle
from .output_checks import BrowserLog, count_widget_views, find_problems, wait_widgets_settled
from .servers import ServerProcess


@dataclass
class NotebookReport:
    """Everything seen while walking through one notebook."""

    path: str
    problems_on_open: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    browser_problems: list[str] = field(default_factory=list)
    widgets: dict = field(default_factory=dict)
    widgets_settled: bool = True
    apps: list[app_actions.AppResult] = field(default_factory=list)
    chart_names: list[str] = field(default_factory=list)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def interactive(self) -> bool:
        return any(a.used_slider or a.used_other_control or a.failures for a in self.apps)

    def failures(self) -> list[str]:
        """Human-readable list of what a learner would find broken."""
        found = []
        found += [
            f"on open (saved output) - {p['kind']}: {p['text']}" for p in self.problems_on_open
        ]
        found += [f"{p['kind']}: {p['text']}" for p in self.problems]
        found += self.browser_problems
        if not self.widgets_settled:
            found.append(f"some widget outputs never rendered: {self.widgets}")
        for app in self.apps:
            found += [f"app {app.index}: {failure}" for failure in app.failures]
        found += app_actions.unnamed_charts(self.chart_names)
        return found

    def summary(self) -> dict:
        """A JSON-ready account of the walk, for artifacts/e2e-report.json."""
        return {
            "seconds": self.seconds,
            "phases": self.phases,
            "widgets": self.widgets,
            "chart_names": self.chart_names,
            "apps": [
                {"actions": app.actions, "failures": app.failures, "latency_ms": app.latency_ms}
                for app in self.apps
            ],
            "failures": self.failures(),
        }

    def latency_samples(self) -> list[float]:
        return [ms for app in self.apps for ms in app.latency_ms]


def exercise_apps(page: Page, report: NotebookReport, latency_presses: int) -> None:
    """Move a slider by keyboard and use another control in every app; time one app's redraw."""
    measured = False
    for info in app_actions.mark_apps(page):
        result = app_actions.AppResult(index=info["index"])
        report.apps.append(result)
        app = app_actions.app_locator(page, info["index"])
        app.scroll_into_view_if_needed()
        wait_kernel_idle(page)
        app_actions.wait_until_still(app)
        handle = app_actions.move_slider_with_keyboard(page, app, result)
        app_actions.use_other_control(app, result)
        can_time = handle is not None and not measured and latency_presses > 0
        if can_time and app_actions.snapshot(app).charts:
            app_actions.measure_redraw_latency(page, app, handle, latency_presses, result)
            measured = len(result.latency_ms) >= latency_presses // 2  # else try the next app


def walk_notebook_in_lab(
    page: Page,
    log: BrowserLog,
    server: ServerProcess,
    path: str,
    screenshot: Path,
    latency_presses: int = 4,
    already_opening: bool = False,
) -> NotebookReport:
    """Open ``path`` in JupyterLab, run all cells, check outputs, use the apps, screenshot."""
    started = time.monotonic()
    report = NotebookReport(path=path)
    lap = started

    def phase(name: str) -> None:
        nonlocal lap
        now = time.monotonic()
        report.phases[name] = round(now - lap, 1)
        lap = now

    try:
        open_notebook(page, server, path, already_opening)
        report.problems_on_open = find_problems(page)
        phase("open")
        clear_all_outputs(page)
        run_all_cells(page)
        phase("run all")
        report.widgets_settled = wait_widgets_settled(page)
        report.widgets = count_widget_views(page)
        exercise_apps(page, report, latency_presses)
        phase("use apps")
        report.chart_names = app_actions.chart_names(page)  # after the apps' redraws
        report.problems = find_problems(page)
        report.browser_problems = log.problems()
    finally:
        with contextlib.suppress(Error):  # a dead page must not hide what killed it
            take_screenshot(page, screenshot)
        report.seconds = round(time.monotonic() - started, 1)
    return report


def take_screenshot(page: Page, path: Path) -> None:
    """What the learner sees around the first app (or the top of the notebook)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    first_app = page.locator("[data-e2e-app]").first
    if first_app.count():
        first_app.scroll_into_view_if_needed()
    page.screenshot(path=str(path))
