"""The static site (``make site``) works with the network cut off.

Every page is opened from disk (``file://``) with every request that is not a local file (or a
``data:``/``blob:`` URL the page made itself) blocked. A page passes when nothing was blocked
and no request failed, every chart is an image that loaded, every widget was rendered by the
html-manager copied into the site, and no cell shows an error.

The site is built once per session into a temporary folder with ``tools/build_site.py``
(about two minutes), or taken from ``$INVITE_SITE_DIR`` when that points at a built site.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Request, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
LOCAL = re.compile(r"^(file|data|blob):")
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


def _build_site_module():
    spec = importlib.util.spec_from_file_location("build_site", REPO / "tools" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site_dir(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built site: ``$INVITE_SITE_DIR`` if set, else one built now for this session."""
    given = os.environ.get("INVITE_SITE_DIR")
    if given:
        path = Path(given)
        assert (path / "index.html").is_file(), f"INVITE_SITE_DIR={given} has no index.html"
        return path
    out = tmp_path_factory.mktemp("site")
    _build_site_module().build(out)
    return out


def _site_pages() -> list[str]:
    """Page names to test, known at collection time from the notebooks that exist."""
    names = [p.stem for p in sorted((REPO / "notebooks").glob("*.ipynb"))]
    french_dir = REPO / "notebooks" / "fr"
    french = [f"fr/{p.stem}" for p in sorted(french_dir.glob("*.ipynb"))]
    return ["index", *names, *french]


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []
    failed: list[str] = []

    def block(route: Route) -> None:
        blocked.append(route.request.url)
        route.abort()

    def on_failed(request: Request) -> None:
        if request.url not in blocked:
            failed.append(f"{request.url}: {request.failure}")

    context.route(lambda url: not LOCAL.match(url), block)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", on_failed)
    try:
        yield page, blocked, failed, errors
    finally:
        context.close()


@pytest.mark.parametrize("name", _site_pages())
def test_site_page_works_offline(site_dir: Path, offline_page: tuple, name: str) -> None:
    page, blocked, failed, errors = offline_page
    path = site_dir / f"{name}.html"
    assert path.is_file(), f"{path.name} is missing from the site (make site)"
    page.goto(path.as_uri(), wait_until="load")

    views = page.locator(WIDGET_VIEW).count()
    if views:
        # html-manager replaces each view's script with the widget it describes.
        try:
            page.wait_for_function(
                """(n) => document.querySelectorAll('.jupyter-widgets .lm-Widget, '
                         + '.jupyter-widgets .widget-box, .jupyter-widgets .widget-inline-hbox')
                         .length >= n""",
                arg=views, timeout=20_000,
            )
        except PlaywrightTimeout:
            pytest.fail(f"{name}: {views} widgets never rendered (is site/assets/html-manager/"
                        f"embed.js there?); blocked: {blocked}; failed: {failed}; "
                        f"errors: {errors}")
        page.wait_for_timeout(500)  # let image widgets decode their buffers
        unrendered = page.evaluate(
            f"""() => [...document.querySelectorAll('{WIDGET_VIEW}')]
                .filter(s => !s.parentElement.querySelector('.lm-Widget, .widget-box, '
                                 + '.widget-inline-hbox, .widget-html, .widget-image'))
                .length"""
        )
        assert unrendered == 0, f"{name}: {unrendered} of {views} widgets were not rendered"
        assert page.get_by_text("Error displaying widget").count() == 0, name

    images = page.evaluate(
        """() => [...document.images].map(i => ({src: i.src.slice(0, 40),
                   ok: i.complete && i.naturalWidth > 0}))"""
    )
    broken = [i["src"] for i in images if not i["ok"]]
    assert not broken, f"{name}: images that did not load: {broken}"
    if name.removeprefix("fr/").startswith(("01-", "03-", "07-")):
        assert images, f"{name}: the chapter's charts are missing"

    assert page.locator(".it-error-output").count() == 0, f"{name}: a cell shows an error"
    assert not blocked, f"{name}: requests off the disk (blocked): {blocked}"
    assert not failed, f"{name}: failed requests: {failed}"
    assert not errors, f"{name}: JavaScript errors: {errors}"
