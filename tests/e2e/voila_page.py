"""Opening an app served by Voilà and waiting until its widgets are on screen."""

from __future__ import annotations

from playwright.sync_api import Page

from .output_checks import wait_widgets_settled
from .servers import ServerProcess

RENDER_TIMEOUT_MS = 90_000


def open_voila_app(page: Page, server: ServerProcess) -> bool:
    """Load the page (Voilà runs the notebook first); True when every widget settled."""
    page.goto(f"{server.base_url}/?token={server.token}", timeout=RENDER_TIMEOUT_MS)
    page.wait_for_selector(
        ".it-app, .jp-OutputArea-output .jupyter-widgets, "
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']",
        timeout=RENDER_TIMEOUT_MS,
    )
    return wait_widgets_settled(page)
