"""What a learner sees, measured in the browser: sharp charts, nothing cut off, nothing too wide.

Read from the DOM of a notebook that has run, in a page with ``device_scale_factor=2`` (a
laptop's "retina" screen, or a projector fed by one):

- sharpness of every chart (``<img>`` in an output, widget ``Image`` included): image pixels
  per displayed CSS pixel, ``naturalWidth / width`` (and the same for heights). 1.0 means the
  browser shows the image at its own size, which a 2x screen then doubles (soft); below 1 the
  page stretches it further; 2.0 is one image pixel per device pixel;
- labels cut: a widget description, button, toggle, readout or drop-down whose text needs
  more room than it is given (CSS cuts it, often with an ellipsis);
- outputs too wide: an output area whose content is wider than the room the cell gives it
  (content running past the cell, or a scroll bar under a chart or an app). A table (a data
  frame) wider than the notebook that scrolls inside its output box, the way JupyterLab shows
  data frames, is counted apart (``tables_scrolling``): it is bounded, not cut.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error, Page

#: Below this many image pixels per CSS pixel a chart looks soft on a 2x screen.
MIN_SHARPNESS = 1.5
VIEWPORT = {"width": 1280, "height": 720}
DEVICE_SCALE_FACTOR = 2
#: Every notebook measured in this session (for the JSON report and the terminal summary).
REPORTS: list[VisualReport] = []

MEASURE_JS = r"""
() => {
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
  const where = (el) => {
    const cell = el.closest('.jp-Cell');
    const input = cell ? (cell.querySelector('.jp-InputArea-editor') || {}).innerText || '' : '';
    const line = input.split('\n').map(s => s.trim()).filter(s => s && !s.startsWith('#'));
    return {cell: cells.indexOf(cell), code: (line[line.length - 1] || '').slice(0, 80)};
  };
  const shown = (el) => {
    if (!el.isConnected || el.offsetParent === null) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const text = (el) => (el.innerText || el.textContent || el.title || '').trim().slice(0, 80);
  const round = (x) => Math.round(x * 100) / 100;

  const images = [];
  for (const img of document.querySelectorAll('.jp-OutputArea-output img')) {
    if (!shown(img) || !img.complete || !img.naturalWidth) continue;
    const r = img.getBoundingClientRect();
    const sx = img.naturalWidth / r.width, sy = img.naturalHeight / r.height;
    images.push({
      ...where(img),
      widget: img.classList.contains('widget-image'),
      natural: [img.naturalWidth, img.naturalHeight],
      shown_css_px: [round(r.width), round(r.height)],
      sharpness: round(Math.min(sx, sy)),
    });
  }

  const cut = [];
  const overflows = (el) => el.scrollWidth > el.clientWidth + 1;
  const labelKinds = [
    ['description', '.jupyter-widgets label.widget-label, .jupyter-widgets .widget-label-basic'],
    ['label', '.jupyter-widgets.widget-label, .jupyter-widgets .widget-label'],
    ['button', '.jupyter-widgets button'],
    ['readout', '.jupyter-widgets .widget-readout'],
  ];
  const seen = new Set();
  for (const [kind, selector] of labelKinds) {
    for (const el of document.querySelectorAll(selector)) {
      if (seen.has(el) || !shown(el)) continue;
      seen.add(el);
      const content = text(el);
      // A readout showing "1." or "0." is a number cut at its decimal point.
      const truncatedNumber = kind === 'readout' && /^-?\d+[.,]$/.test(content);
      if (content && (overflows(el) || truncatedNumber)) {
        cut.push({...where(el), kind, text: content,
                  needs_px: el.scrollWidth, has_px: el.clientWidth});
      }
    }
  }
  // A <select> never scrolls: compare the chosen option's text with the room it is given.
  const canvas = document.createElement('canvas').getContext('2d');
  for (const select of document.querySelectorAll('.jupyter-widgets select')) {
    if (!shown(select) || select.multiple || select.size > 1) continue;
    const option = select.options[select.selectedIndex];
    if (!option) continue;
    const css = getComputedStyle(select);
    canvas.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
    const needs = canvas.measureText(option.text).width
      + parseFloat(css.paddingLeft) + parseFloat(css.paddingRight);
    if (needs > select.clientWidth + 1) {
      cut.push({...where(select), kind: 'dropdown', text: option.text.trim().slice(0, 80),
                needs_px: Math.ceil(needs), has_px: select.clientWidth});
    }
  }

  const wide = [], tablesScrolling = [];
  for (const out of document.querySelectorAll('.jp-OutputArea-output')) {
    if (!shown(out) || out.parentElement.closest('.jp-OutputArea-output')) continue;
    const cell = out.closest('.jp-Cell');
    const room = Math.round(Math.min(out.clientWidth, cell
      ? cell.getBoundingClientRect().right - out.getBoundingClientRect().left : out.clientWidth));
    const content = out.scrollWidth;
    if (content <= room + 1) continue;
    const overflowX = getComputedStyle(out).overflowX;
    const scrollBox = overflowX === 'auto' || overflowX === 'scroll';
    // What sticks out: a table (a data frame) may scroll in its box; a chart or an app may not.
    const left = out.getBoundingClientRect().left;
    const widest = [...out.querySelectorAll('*')].reduce((best, el) => {
      const right = el.getBoundingClientRect().right - left;
      return right > best.right ? {el, right} : best;
    }, {el: null, right: 0}).el;
    const table = widest && widest.closest('table');
    const entry = {...where(out), content_px: content, room_px: room, overflow_x: overflowX,
                   what: out.getAttribute('data-mime-type') || 'widget',
                   widest: widest ? widest.tagName.toLowerCase() : ''};
    (scrollBox && table ? tablesScrolling : wide).push(entry);
  }
  const anyOutput = document.querySelector('.jp-OutputArea-output');
  return {images, labels_cut: cut, outputs_too_wide: wide, tables_scrolling: tablesScrolling,
          output_width_px: anyOutput ? anyOutput.clientWidth : null};
}
"""

IMAGES_LOADED_JS = r"""
() => [...document.querySelectorAll('.jp-OutputArea-output img')]
  .every(img => img.complete && (img.naturalWidth > 0 || !img.getAttribute('src')))
"""


@dataclass
class VisualReport:
    """The figures of one notebook."""

    notebook: str
    edition: str
    images: list[dict] = field(default_factory=list)
    labels_cut: list[dict] = field(default_factory=list)
    outputs_too_wide: list[dict] = field(default_factory=list)
    tables_scrolling: list[dict] = field(default_factory=list)
    output_width_px: int | None = None

    @property
    def min_sharpness(self) -> float | None:
        return min((image["sharpness"] for image in self.images), default=None)

    @property
    def soft_images(self) -> list[dict]:
        return [image for image in self.images if image["sharpness"] < MIN_SHARPNESS]

    def as_dict(self) -> dict:
        return {
            "edition": self.edition,
            "min_sharpness": self.min_sharpness,
            "charts": len(self.images),
            "soft_charts": len(self.soft_images),
            "labels_cut": len(self.labels_cut),
            "outputs_too_wide": len(self.outputs_too_wide),
            "tables_scrolling": len(self.tables_scrolling),
            "output_width_px": self.output_width_px,
            "details": {
                "images": self.images,
                "labels_cut": self.labels_cut,
                "outputs_too_wide": self.outputs_too_wide,
                "tables_scrolling": self.tables_scrolling,
            },
        }

    def failures(self) -> list[str]:
        found = [
            f"chart in cell {i['cell']} ({i['code']}): {i['sharpness']} image px per CSS px "
            f"(natural {i['natural']}, shown {i['shown_css_px']}); needs >= {MIN_SHARPNESS}"
            for i in self.soft_images
        ]
        found += [
            f"{c['kind']} cut in cell {c['cell']} ({c['code']}): {c['text']!r} needs "
            f"{c['needs_px']} px, has {c['has_px']}"
            for c in self.labels_cut
        ]
        found += [
            f"output of cell {w['cell']} ({w['code']}) is {w['content_px']} px wide, room "
            f"{w['room_px']} px ({w['what']})"
            for w in self.outputs_too_wide
        ]
        return found


def measure(page: Page, notebook: str, edition: str) -> VisualReport:
    """Wait for every chart image to load, then read the figures of the page."""
    # An image that never loads is counted as missing, not waited for forever.
    with contextlib.suppress(Error):
        page.wait_for_function(IMAGES_LOADED_JS, timeout=10_000)
    figures = page.evaluate(MEASURE_JS)
    return VisualReport(notebook=notebook, edition=edition, **figures)


def edition_summary(reports: list[VisualReport]) -> dict[str, dict]:
    """Per edition: minimum sharpness, charts below the bar, labels cut, outputs too wide."""
    grouped: dict[str, list[VisualReport]] = defaultdict(list)
    for report in reports:
        grouped[report.edition].append(report)
    summary = {}
    for edition, group in sorted(grouped.items()):
        sharpness = [r.min_sharpness for r in group if r.min_sharpness is not None]
        summary[edition] = {
            "notebooks": len(group),
            "charts": sum(len(r.images) for r in group),
            "min_sharpness": min(sharpness, default=None),
            "soft_charts": sum(len(r.soft_images) for r in group),
            "labels_cut": sum(len(r.labels_cut) for r in group),
            "outputs_too_wide": sum(len(r.outputs_too_wide) for r in group),
            "tables_scrolling": sum(len(r.tables_scrolling) for r in group),
        }
    return summary


def write_report(path: Path, reports: list[VisualReport]) -> None:
    """artifacts/visual-quality.json: the summary per edition, then each notebook's figures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "what": (
            f"Chromium {VIEWPORT['width']}x{VIEWPORT['height']}, device scale factor "
            f"{DEVICE_SCALE_FACTOR}; sharpness = image px per CSS px (min of width, height), "
            f"needs >= {MIN_SHARPNESS}"
        ),
        "editions": edition_summary(reports),
        "notebooks": {r.notebook: r.as_dict() for r in reports},
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def summary_lines(reports: list[VisualReport]) -> list[str]:
    lines = []
    for edition, figures in edition_summary(reports).items():
        lines.append(
            f"{edition}: {figures['notebooks']} notebooks, {figures['charts']} charts, "
            f"min sharpness {figures['min_sharpness']} (soft: {figures['soft_charts']}), "
            f"labels cut {figures['labels_cut']}, outputs too wide {figures['outputs_too_wide']}"
            f" (+ {figures['tables_scrolling']} tables scrolling in their output)"
        )
    return lines


def screenshot_output(page: Page, code: str, path: Path) -> bool:
    """Screenshot the output of the first cell whose code contains ``code``; False if none."""
    cell = page.locator(".jp-Notebook .jp-CodeCell", has_text=code).first
    if not cell.count():
        return False
    output = cell.locator(".jp-OutputArea").first
    output.scroll_into_view_if_needed()
    path.parent.mkdir(parents=True, exist_ok=True)
    output.screenshot(path=str(path))
    return True
