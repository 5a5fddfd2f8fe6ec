"""Fixtures of the browser tests: one JupyterLab and one Chromium per session, Voilà on demand.

Everything runs on a temporary copy of ``notebooks/`` and ``data/``: nothing in the repository
is modified. Servers listen on 127.0.0.1 only and are always stopped (kernels included).
Without Chromium the tests skip with the reason, unless ``REQUIRE_E2E=1``, when they fail.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import statistics
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from .output_checks import BrowserLog
from .pages import LabPages, new_page
from .selftest_notebooks import write_broken, write_demo_app
from .servers import (
    ServerProcess,
    free_port,
    isolated_env,
    lab_command,
    voila_command,
    write_lab_user_settings,
)
from .visual import REPORTS as VISUAL_REPORTS
from .visual import summary_lines as visual_summary_lines

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
INBOX_APP = NOTEBOOKS / "inbox-app.ipynb"
ARTIFACTS = REPO / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
LATENCY_FILE = ARTIFACTS / "e2e-latency.json"
LATENCY_GOAL_MS = 250.0

SELFTEST_DIR = "e2e-selftest"
DEMO_APP = f"{SELFTEST_DIR}/demo-app.ipynb"
BROKEN = f"{SELFTEST_DIR}/broken.ipynb"

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def guide_notebooks() -> list[Path]:
    """The guide's notebooks that exist now, every edition (``notebooks/*.ipynb`` and
    ``notebooks/<lang>/*.ipynb``), discovered at collection time; checkpoints and private
    folders left out."""
    skipped = {".ipynb_checkpoints", "private"}
    found = (
        path
        for path in NOTEBOOKS.rglob("*.ipynb")
        if not skipped.intersection(path.relative_to(NOTEBOOKS).parts)
    )
    return sorted(found, key=lambda path: (len(path.relative_to(NOTEBOOKS).parts), path))


def lab_path(notebook: Path) -> str:
    """The notebook's path in the temporary copy the servers run on (``notebooks/fr/...``)."""
    return (Path("notebooks") / notebook.relative_to(NOTEBOOKS)).as_posix()


def notebook_id(notebook: Path) -> str:
    """A test id that tells the editions apart: ``00-start-here``, ``fr/00-commencer-ici``."""
    return notebook.relative_to(NOTEBOOKS).with_suffix("").as_posix()


def find_chromium() -> str | None:
    """``$E2E_CHROMIUM`` when set (and only it), else Debian's chromium on the PATH."""
    explicit = os.environ.get("E2E_CHROMIUM")
    for candidate in [explicit] if explicit else CHROMIUM_CANDIDATES:
        found = shutil.which(candidate) or (candidate if os.access(candidate, os.X_OK) else None)
        if found:
            return found
    return None


def chromium_or_skip() -> str:
    """The browser to drive; without one, skip with the reason, or fail if REQUIRE_E2E=1."""
    path = find_chromium()
    if path is not None:
        return path
    reason = (
        "Chromium not found (looked for $E2E_CHROMIUM, else /usr/bin/chromium, chromium, "
        "chromium-browser); install it with `apt-get install chromium` "
        "(never `playwright install`)"
    )
    if os.environ.get("REQUIRE_E2E") == "1":
        pytest.fail(f"REQUIRE_E2E=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    return chromium_or_skip()


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of the guide (notebooks, data) plus the harness' own notebooks."""
    home = tmp_path_factory.mktemp("e2e")
    work = home / "work"
    skip_noise = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "private")
    if NOTEBOOKS.is_dir():
        shutil.copytree(NOTEBOOKS, work / "notebooks", ignore=skip_noise)
    if (REPO / "data").is_dir():
        shutil.copytree(REPO / "data", work / "data", ignore=skip_noise)
    write_demo_app(work / DEMO_APP)
    write_broken(work / BROKEN)
    return home


@pytest.fixture(scope="session")
def lab_server(chromium_executable: str, e2e_home: Path) -> Iterator[ServerProcess]:
    """One JupyterLab for the session, rooted at the temporary copy."""
    work = e2e_home / "work"
    env = isolated_env(e2e_home / "lab-home", {"INVITE_TRIAGE_DATA": str(work / "data")})
    write_lab_user_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    port, token = free_port(), secrets.token_hex(16)
    server = ServerProcess(
        name="JupyterLab",
        command=lab_command(port, token, work),
        port=port,
        token=token,
        log_path=e2e_home / "jupyterlab.log",
        env=env,
        cwd=work,
    )
    try:
        server.start("/api/status")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def voila_servers(chromium_executable: str, e2e_home: Path) -> Iterator[Callable]:
    """Start Voilà on a notebook of the temporary copy; every one is stopped at session end."""
    started: list[ServerProcess] = []

    def serve(relative_path: str) -> ServerProcess:
        work = e2e_home / "work"
        env = isolated_env(e2e_home / "voila-home", {"INVITE_TRIAGE_DATA": str(work / "data")})
        port, token = free_port(), secrets.token_hex(16)
        server = ServerProcess(
            name="Voila",
            command=voila_command(Path(relative_path), port, token),
            port=port,
            token=token,
            log_path=e2e_home / f"voila-{len(started)}.log",
            env=env,
            cwd=work,
        )
        started.append(server)
        server.start("/voila/static/voila.js")
        return server

    try:
        yield serve
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[tuple[Page, BrowserLog]]:
    """A fresh page (own context) whose requests off this machine are aborted and noted."""
    opened = new_page(browser)
    try:
        yield opened.page, opened.log
    finally:
        opened.close()


@pytest.fixture(scope="session")
def lab_pages(browser: Browser, lab_server: ServerProcess) -> Iterator[LabPages]:
    """Pages for the guide's notebooks in JupyterLab, the next one loading ahead."""
    pages = LabPages(browser, lab_server)
    try:
        yield pages
    finally:
        pages.close_all()


REPORT_FILE = ARTIFACTS / "e2e-report.json"
NOTEBOOK_REPORTS: dict[str, dict] = {}


@pytest.fixture(scope="session")
def notebook_log() -> Iterator[dict[str, dict]]:
    """What was done in each notebook and how long each phase took: artifacts/e2e-report.json."""
    yield NOTEBOOK_REPORTS
    if NOTEBOOK_REPORTS:
        ARTIFACTS.mkdir(exist_ok=True)
        REPORT_FILE.write_text(json.dumps(NOTEBOOK_REPORTS, indent=2, ensure_ascii=False) + "\n")


LATENCY_SAMPLES: dict[str, list[float]] = {}


@pytest.fixture(scope="session")
def latency_log() -> Iterator[dict[str, list[float]]]:
    """Redraw latencies per notebook; written to artifacts/e2e-latency.json at session end."""
    yield LATENCY_SAMPLES
    if LATENCY_SAMPLES:
        ARTIFACTS.mkdir(exist_ok=True)
        LATENCY_FILE.write_text(json.dumps(latency_summary(LATENCY_SAMPLES), indent=2) + "\n")


def latency_summary(samples: dict[str, list[float]]) -> dict:
    """Median of the guide's notebooks when any was measured, else of the harness demo."""
    guide = {k: v for k, v in samples.items() if not k.startswith(SELFTEST_DIR)}
    source = guide or samples
    pooled = [ms for values in source.values() for ms in values]
    median = round(statistics.median(pooled), 1) if pooled else None
    return {
        "what": "ms from a slider key press (keydown) to the new chart <img src> in Chromium",
        "goal_ms": LATENCY_GOAL_MS,
        "median_ms": median,
        "meets_goal": median is not None and median <= LATENCY_GOAL_MS,
        "measured_on": "guide notebooks" if guide else "harness demo app",
        "presses": len(pooled),
        "per_notebook": {
            name: {
                "median_ms": round(statistics.median(values), 1) if values else None,
                "samples_ms": values,
            }
            for name, values in samples.items()
        },
    }


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if VISUAL_REPORTS:
        terminalreporter.section("what the learner sees (1280x720, device scale factor 2)")
        for line in visual_summary_lines(VISUAL_REPORTS):
            terminalreporter.write_line(line)
        terminalreporter.write_line(f"figures per notebook -> {ARTIFACTS / 'visual-quality.json'}")
    if LATENCY_SAMPLES:
        summary = latency_summary(LATENCY_SAMPLES)
        terminalreporter.section("e2e slider-to-chart latency")
        terminalreporter.write_line(
            f"median {summary['median_ms']} ms over {summary['presses']} presses "
            f"({summary['measured_on']}; goal <= {LATENCY_GOAL_MS:.0f} ms) -> {LATENCY_FILE}"
        )
        for name, entry in summary["per_notebook"].items():
            terminalreporter.write_line(f"  {name}: median {entry['median_ms']} ms")
