"""The report's charts: drawn at the apps' density (sharp on a 2x screen), shown at their 1x
width (never stretched by the page), named by an escaped ``alt`` from the catalog, and the
page no heavier for it."""

from __future__ import annotations

import base64
import html
import io
import re

import PIL.Image
import pytest
from matplotlib.figure import Figure

from invite_triage.core.i18n import message
from invite_triage.linkedin.export import load_export
from invite_triage.render import report
from invite_triage.render.report import figure_png, render_report
from invite_triage.render.style import CSS_DPI, FIGURE_DPI, PIXEL_DENSITY
from invite_triage.world.sample_export import write_sample_export

IMG = re.compile(r'<img alt="([^"]*)" width="(\d+)" height="(\d+)" style="([^"]*)" '
                 r'src="data:image/png;base64,([A-Za-z0-9+/=]+)">')
#: The three charts' alt texts, in page order.
ALTS = ("report.composition.alt", "report.growth.alt", "report.pending.alt")
#: The sample report weighed 164 kB (English) when its charts were 1x full-colour PNGs.
MAX_PAGE_BYTES = 200_000


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    export = load_export(write_sample_export(tmp_path_factory.mktemp("sample-img")))
    profile = export.to_profile()
    return {lang: render_report(export, profile, lang=lang) for lang in ("en", "fr")}


def _image(data: str) -> PIL.Image.Image:
    return PIL.Image.open(io.BytesIO(base64.b64decode(data)))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_chart_is_sharp_and_shown_at_its_1x_width(pages, lang):
    images = IMG.findall(pages[lang])
    assert len(images) == len(ALTS) == pages[lang].count("<img ")
    for (alt, width, height, style, data), msgid in zip(images, ALTS, strict=True):
        assert alt == html.escape(message(msgid, lang), quote=True)
        image = _image(data)
        assert image.size == (int(width) * PIXEL_DENSITY, int(height) * PIXEL_DENSITY)
        assert style == f"width:{width}px;max-width:100%;height:auto"
        assert int(width) <= 800  # fits the page (62rem) without being scaled up


def test_the_page_stays_light(pages):
    for page in pages.values():
        assert len(page.encode("utf-8")) < MAX_PAGE_BYTES


def test_figure_png_draws_at_the_apps_density():
    figure = Figure(figsize=(5.0, 2.5))
    figure.add_subplot().plot([0, 1, 2], [2, 0, 1], color="#0072B2", lw=2)
    image = PIL.Image.open(io.BytesIO(figure_png(figure)))
    assert FIGURE_DPI == CSS_DPI * PIXEL_DENSITY
    assert image.size == (5 * FIGURE_DPI, round(2.5 * FIGURE_DPI))
    assert image.mode == "P"  # a palette: a chart's few colours, a small file
    colours = {rgb for _count, rgb in image.convert("RGB").getcolors(1 << 16)}
    assert (255, 255, 255) in colours and (0, 114, 178) in colours  # flat colours kept exactly


def test_a_transparent_figure_is_shown_on_white():
    figure = Figure(figsize=(2.0, 1.0))
    figure.patch.set_alpha(0.0)
    image = PIL.Image.open(io.BytesIO(figure_png(figure))).convert("RGB")
    assert image.getpixel((5, 5)) == (255, 255, 255)


def test_the_alt_text_is_escaped():
    figure = Figure(figsize=(2.0, 1.0))
    tag = report._figure(figure, 'bars "A" & <b>B</b>')
    assert tag.startswith('<img alt="bars &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;" width="160" '
                          'height="80" style="width:160px;max-width:100%;height:auto" ')
