"""Browser pages: one fresh context and page per notebook, requests off this machine aborted.

``LabPages`` lets the next notebook's page load (JupyterLab boot, kernel start) while the
current notebook is being tested: each notebook still gets its own page, but the four seconds
of JupyterLab starting in a page overlap with work already under way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Browser, BrowserContext, Page, Route

from .lab import start_opening
from .output_checks import BrowserLog
from .servers import ServerProcess

VIEWPORT = {"width": 1280, "height": 900}
# Anything that is not this machine: aborted and noted (fonts from a CDN, news, ...).
OFF_MACHINE = re.compile(r"^(?!(https?|wss?)://127\.0\.0\.1[:/])(?!blob:)(?!data:)")


@dataclass
class OpenedPage:
    context: BrowserContext
    page: Page
    log: BrowserLog
    started: bool = False  # navigation to its notebook already under way

    def close(self) -> None:
        self.context.close()


def new_page(
    browser: Browser, viewport: dict[str, int] | None = None, device_scale_factor: float = 1
) -> OpenedPage:
    """A page in a context of its own, logging errors and blocking off-machine requests.

    ``device_scale_factor=2`` is a laptop's "retina" screen: what looks sharp there needs two
    image pixels per CSS pixel."""
    context = browser.new_context(
        viewport=viewport or VIEWPORT, device_scale_factor=device_scale_factor
    )
    log = BrowserLog()

    def block(route: Route) -> None:
        log.blocked_requests.append(route.request.url)
        route.abort()

    context.route(OFF_MACHINE, block)
    page = context.new_page()
    log.attach(page)
    return OpenedPage(context, page, log)


class LabPages:
    """Pages for notebooks in JupyterLab, the next one possibly loading ahead."""

    def __init__(
        self,
        browser: Browser,
        server: ServerProcess,
        viewport: dict[str, int] | None = None,
        device_scale_factor: float = 1,
    ):
        self.browser = browser
        self.server = server
        self.viewport = viewport
        self.device_scale_factor = device_scale_factor
        self._ahead: dict[str, OpenedPage] = {}

    def _new(self) -> OpenedPage:
        return new_page(self.browser, self.viewport, self.device_scale_factor)

    def load_ahead(self, path: str) -> None:
        """Start opening ``path`` in a new page now; ``take(path)`` will return that page."""
        if path in self._ahead:
            return
        opened = self._new()
        start_opening(opened.page, self.server, path)
        opened.started = True
        self._ahead[path] = opened

    def take(self, path: str) -> OpenedPage:
        return self._ahead.pop(path, None) or self._new()

    def close_all(self) -> None:
        for opened in self._ahead.values():
            opened.close()
        self._ahead.clear()
