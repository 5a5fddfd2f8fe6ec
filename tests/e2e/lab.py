"""Driving a notebook in JupyterLab through its menus, as a learner would."""

from __future__ import annotations

import contextlib
import re
import time
import urllib.parse

from playwright.sync_api import Error, Page

from .servers import ServerProcess

OPEN_TIMEOUT_MS = 60_000
RUN_TIMEOUT_MS = 120_000
RUN_START_TIMEOUT_MS = 5_000

IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"

# Nothing running or queued ("[*]") and the kernel idle. Outputs were cleared before the run,
# so a number in a prompt can only come from this run; cells after a failing one stay empty.
RUN_FINISHED_JS = r"""
() => {
  const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
  if (indicator && indicator.getAttribute('data-status') !== 'idle') return false;
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
  return !prompts.some(p => p.innerText.includes('*'));
}
"""

RUN_STARTED_JS = r"""
() => {
  const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
  const busy = indicator && indicator.getAttribute('data-status') === 'busy';
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
  return busy || prompts.some(p => /\[[\d*]+\]/.test(p.innerText));
}
"""


def notebook_url(server: ServerProcess, path: str, workspace: str) -> str:
    """A fresh workspace per notebook, so no tab of an earlier test is restored."""
    quoted = urllib.parse.quote(path)
    return f"{server.base_url}/lab/workspaces/{workspace}/tree/{quoted}?token={server.token}"


def kernel_ready(server: ServerProcess, path: str) -> bool:
    """The server has a session for ``path`` whose kernel is idle."""
    for session in server.get_json("/api/sessions"):
        kernel = session.get("kernel") or {}
        if session.get("path") == path and kernel.get("execution_state") == "idle":
            return True
    return False


def start_opening(page: Page, server: ServerProcess, path: str) -> None:
    """Navigate to the notebook and return at once; the browser goes on loading it."""
    workspace = "e2e-" + re.sub(r"[^A-Za-z0-9-]", "-", path)
    page.goto(notebook_url(server, path, workspace), wait_until="commit")


def open_notebook(page: Page, server: ServerProcess, path: str, started: bool = False) -> None:
    """Open a notebook (unless ``started``) and wait for its kernel, answering "Select Kernel"
    if it is asked."""
    if not started:
        start_opening(page, server, path)
    try:
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=OPEN_TIMEOUT_MS)
    except Error as error:
        title = page.title() or "(no title)"
        raise TimeoutError(
            f"{path} never showed its cells; the page is at {page.url} ({title})"
            f"\n{server.log_tail(15)}"
        ) from error
    dialog = page.locator(".jp-Dialog")
    deadline = time.monotonic() + OPEN_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        if dialog.count() and dialog.first.is_visible():
            # The notebook names no installed kernel (or none at all): take the proposed one.
            dialog.locator(".jp-mod-accept").first.click()
        elif page.locator(IDLE).count() and kernel_ready(server, path):
            return
        time.sleep(0.2)
    raise TimeoutError(f"no idle kernel for {path} after {OPEN_TIMEOUT_MS / 1000:.0f}s")


def _menu(page: Page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def clear_all_outputs(page: Page) -> None:
    """Edit → Clear Outputs of All Cells: execution numbers start from empty."""
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]"
        ".some(p => /\\[\\d+\\]/.test(p.innerText))",
        timeout=10_000,
    )


def run_all_cells(page: Page) -> None:
    """Run → Run All Cells, then wait until the kernel is idle and every cell has run."""
    _menu(page, "Run", "Run All Cells")
    # A notebook without code cells never starts; RUN_FINISHED_JS then holds at once.
    with contextlib.suppress(Error):
        page.wait_for_function(RUN_STARTED_JS, timeout=RUN_START_TIMEOUT_MS)
    page.wait_for_function(RUN_FINISHED_JS, timeout=RUN_TIMEOUT_MS)


def wait_kernel_idle(page: Page) -> None:
    """The kernel is idle: widget messages sent by the front end (a first render, a click)
    have been handled."""
    page.wait_for_function(RUN_FINISHED_JS, timeout=RUN_TIMEOUT_MS)


def shutdown_kernels(server: ServerProcess, path: str) -> None:
    """Shut down the notebook's kernel through the REST API (2 cores are shared)."""
    sessions = server.get_json("/api/sessions")
    for session in sessions:
        if session.get("path") == path:
            with server.request("DELETE", f"/api/sessions/{session['id']}"):
                pass
