"""Every notebook of the guide, in JupyterLab, and the inbox app in Voilà, as a learner meets them.

Notebooks are discovered when the tests are collected (``notebooks/*.ipynb`` and each
edition's ``notebooks/<lang>/*.ipynb``), so a new chapter is covered without touching this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import apps as app_actions
from .conftest import INBOX_APP, SCREENSHOTS, guide_notebooks, lab_path, notebook_id
from .lab import shutdown_kernels
from .output_checks import find_problems, format_problems
from .voila_page import open_voila_app
from .walkthrough import take_screenshot, walk_notebook_in_lab

pytestmark = pytest.mark.e2e


GUIDE = guide_notebooks()


@pytest.mark.parametrize("notebook", GUIDE, ids=notebook_id)
def test_notebook_in_lab(notebook: Path, lab_server, lab_pages, latency_log, notebook_log):
    """Runs cleanly, every widget renders, and every app answers its slider and controls."""
    path = lab_path(notebook)
    opened = lab_pages.take(path)
    following = GUIDE.index(notebook) + 1
    if following < len(GUIDE):
        lab_pages.load_ahead(lab_path(GUIDE[following]))
    try:
        report = walk_notebook_in_lab(
            opened.page,
            opened.log,
            lab_server,
            path,
            SCREENSHOTS / f"{notebook_id(notebook).replace('/', '-')}.png",
            already_opening=opened.started,
        )
    finally:
        opened.close()
        shutdown_kernels(lab_server, path)
    notebook_log[path] = report.summary()
    if report.latency_samples():
        latency_log[path] = report.latency_samples()
    failures = report.failures()
    assert not failures, f"{path} ({report.seconds}s):\n- " + "\n- ".join(failures)
    assert report.widgets.get("views", 0) == report.widgets.get("rendered", 0), report.widgets


@pytest.mark.skipif(not INBOX_APP.exists(), reason="notebooks/inbox-app.ipynb not written yet")
def test_inbox_app_decision_in_voila(voila_servers, browser_page):
    """`make app`: the inbox renders in Voilà and a decision click updates the summary."""
    page, log = browser_page
    server = voila_servers(f"notebooks/{INBOX_APP.name}")
    try:
        settled = open_voila_app(page, server)
        assert settled, "some widgets never finished loading"
        problems = find_problems(page)
        assert not problems, format_problems(problems)
        apps = app_actions.mark_apps(page)
        assert apps, "no app found on the page (no .it-app, no widget with a control)"
        app = app_actions.app_locator(page, apps[0]["index"])
        label, before, after = app_actions.click_decision(app)
        assert after.summary != before.summary, (
            f"clicking {label!r} left the summary unchanged: {before.summary!r}"
        )
        problems = find_problems(page)
        assert not problems, format_problems(problems)
        assert not log.problems(), "\n".join(log.problems())
    finally:
        take_screenshot(page, SCREENSHOTS / "voila-inbox-app.png")
