"""The harness proves itself on throwaway notebooks before it judges the guide's."""

from __future__ import annotations

import psutil
import pytest

from . import apps as app_actions
from .conftest import BROKEN, DEMO_APP, INBOX_APP, SCREENSHOTS
from .lab import shutdown_kernels
from .output_checks import find_problems, format_problems
from .selftest_notebooks import BROKEN_APP_FAILURE, BROKEN_KINDS
from .voila_page import open_voila_app
from .walkthrough import take_screenshot, walk_notebook_in_lab

pytestmark = pytest.mark.e2e


def _listening_addresses(pid: int) -> set[str]:
    server = psutil.Process(pid)
    processes = [server, *server.children(recursive=True)]
    return {
        conn.laddr.ip
        for proc in processes
        for conn in proc.net_connections(kind="inet")
        if conn.status == psutil.CONN_LISTEN
    }


def test_lab_runs_quietly_on_loopback(lab_server):
    """Autosave and news are off, and the server listens on 127.0.0.1 only."""
    docmanager = lab_server.get_json("/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
    notification = lab_server.get_json(
        "/lab/api/settings/@jupyterlab/apputils-extension:notification"
    )
    assert docmanager["settings"]["autosave"] is False
    assert notification["settings"]["fetchNews"] == "false"
    assert notification["settings"]["checkForUpdates"] is False
    assert _listening_addresses(lab_server.process.pid) <= {"127.0.0.1"}


def test_demo_app_works_in_lab(lab_server, browser_page, latency_log):
    page, log = browser_page
    try:
        report = walk_notebook_in_lab(
            page, log, lab_server, DEMO_APP, SCREENSHOTS / "e2e-selftest-demo-app.png", 10
        )
    finally:
        shutdown_kernels(lab_server, DEMO_APP)
    latency_log[DEMO_APP] = report.latency_samples()
    assert not report.failures(), "\n".join(report.failures())
    assert report.widgets["views"] >= 1
    assert report.widgets["views"] == report.widgets["rendered"] > 0
    (app,) = report.apps
    assert app.used_slider, app.actions
    assert app.used_other_control, app.actions
    assert len(app.latency_ms) >= 8, f"{app.presses_without_redraw} presses without redraw"


def test_broken_notebook_is_caught(lab_server, browser_page):
    """Each way of breaking that the checks claim to see is seen."""
    page, log = browser_page
    try:
        report = walk_notebook_in_lab(
            page, log, lab_server, BROKEN, SCREENSHOTS / "e2e-selftest-broken.png", 0
        )
    finally:
        shutdown_kernels(lab_server, BROKEN)
    kinds = {problem["kind"] for problem in report.problems}
    missed = BROKEN_KINDS - kinds
    assert not missed, f"missed {missed}:\n{format_problems(report.problems)}"
    app_failures = [failure for app in report.apps for failure in app.failures]
    assert any(BROKEN_APP_FAILURE in failure for failure in app_failures), report.apps
    outputs = page.locator(".jp-Notebook .jp-OutputArea-output").all_inner_texts()
    assert not any("never reached" in text for text in outputs)


@pytest.mark.skipif(
    INBOX_APP.exists(), reason="the guide's inbox app proves the Voila path (saves 8 s)"
)
def test_demo_app_decision_in_voila(voila_servers, browser_page):
    """Until the guide has its inbox app, the Voila path is proven on the demo."""
    page, log = browser_page
    server = voila_servers(DEMO_APP)
    try:
        assert open_voila_app(page, server)
        assert not find_problems(page), format_problems(find_problems(page))
        (info,) = app_actions.mark_apps(page)
        app = app_actions.app_locator(page, info["index"])
        label, before, after = app_actions.click_decision(app)
        assert label == "Accept"
        assert "accepted 0" in before.summary
        assert "accepted 1" in after.summary, after.summary
        assert not log.problems(), log.problems()
    finally:
        take_screenshot(page, SCREENSHOTS / "e2e-selftest-voila-demo-app.png")
