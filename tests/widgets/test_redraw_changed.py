"""A blitting chart (``FigureView.redraw_only``) redraws only the artists that changed and those
they overlap: still exactly the pixels of a full redraw, after any change, and fewer texts drawn
(a text is most of a redraw's cost)."""

from __future__ import annotations

import io

import numpy as np
import PIL.Image
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from invite_triage import widgets
from invite_triage.widgets.base import FigureView


def _assert_faithful(chart: FigureView) -> None:
    shown = np.asarray(PIL.Image.open(io.BytesIO(chart.value)).convert("RGBA"))
    full = chart.full_redraw_pixels()
    differ = np.any(shown != full, axis=2)
    assert not differ.any(), f"{int(differ.sum())} pixels differ from a full redraw"


def _count_text_draws(chart: FigureView, monkeypatch) -> list[str]:
    drawn: list[str] = []
    draw_artist = chart.figure.draw_artist

    def counting(artist):
        if isinstance(artist, Text):
            drawn.append(artist.get_text())
        return draw_artist(artist)

    monkeypatch.setattr(chart.figure, "draw_artist", counting)
    return drawn


def test_overlapping_artists_stay_faithful():
    """Texts, a bar and a line that overlap, changed at random: every pixel as a full redraw
    leaves it (an artist over a repainted spot is drawn again, never twice over itself)."""
    rng = np.random.default_rng(11)
    figure = Figure(figsize=(4, 3), dpi=100)
    ax = figure.add_subplot()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    # Drawn once, beneath the redrawn artists (everything drawn over one must be redrawn).
    ax.plot([0, 1], [0.2, 0.8], lw=3, zorder=0.5)
    bar = ax.add_patch(Rectangle((0.05, 0.25), 0.3, 0.1, alpha=0.6, lw=2, edgecolor="k"))
    (line,) = ax.plot([0.1, 0.9], [0.7, 0.3], lw=4, alpha=0.7)  # inside the spines
    texts = [ax.text(x, y, "start", fontsize=size, style=style) for x, y, size, style in
             ((0.1, 0.3, 12, "normal"), (0.15, 0.33, 16, "italic"), (0.5, 0.5, 10, "normal"),
              (0.55, 0.52, 10, "normal"), (0.8, 0.1, 14, "normal"))]
    chart = FigureView(figure)
    chart.redraw_only(bar, line, *texts)
    _assert_faithful(chart)
    words = ["", "a", "fjord", "Wy", "0.35 (score 1.00)", "déclin", "ask first"]
    for _ in range(25):
        text = texts[rng.integers(len(texts))]
        text.set_text(words[rng.integers(len(words))])
        if rng.random() < 0.3:
            text.set_position((rng.random() * 0.8, rng.random() * 0.8))
        if rng.random() < 0.2:
            bar.set_width(rng.random() * 0.6)
        if rng.random() < 0.2:
            line.set_ydata([0.1 + 0.8 * rng.random(), 0.1 + 0.8 * rng.random()])
        if rng.random() < 0.1:
            text.set_visible(not text.get_visible())
        chart.refresh()
        _assert_faithful(chart)


def test_triage_form_redraws_only_the_texts_that_change(tmp_path, monkeypatch):
    app = widgets.triage_form(private_dir=tmp_path)
    chart = app.chart
    texts = [a for a in chart._dynamic if isinstance(a, Text)]
    drawn = _count_text_draws(chart, monkeypatch)
    app.known.value = not app.known.value  # one criterion, the score and the title change
    assert 0 < len(drawn) < len(texts)
    drawn.clear()
    chart.refresh()  # nothing changed: nothing drawn, the same image
    assert drawn == []
    _assert_faithful(chart)


def test_triage_form_walk_and_outside_draws(tmp_path):
    app = widgets.triage_form(private_dir=tmp_path)
    positions = [value for _, value in app.dropdown.options]
    boxes = list(app.group_boxes.values())
    moves = [lambda: setattr(app.mutuals, "value", "150"), lambda: setattr(app.known, "value",
             not app.known.value), lambda: setattr(app.mutuals, "value", "0"),
             lambda: setattr(app.dropdown, "value", positions[-1]),
             lambda: setattr(app.mutuals, "value", "7"),
             lambda: setattr(app.dropdown, "value", positions[0])]
    moves += [(lambda box=box: setattr(box, "value", not box.value)) for box in boxes[:3]]
    for i, move in enumerate(moves):
        move()
        _assert_faithful(chart := app.chart)
        if i % 3 == 1:
            # Someone draws the whole canvas (a savefig): the next refresh must start afresh.
            chart.figure.savefig(io.BytesIO(), format="png")
    app.mutuals.value = "12"
    _assert_faithful(app.chart)
