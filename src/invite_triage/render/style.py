"""The guide's one look: palette, decision colours and labels, font sizes, number and text helpers.

Charts, apps and models all read it, so "matters to you", "accept", "ask first" and "decline"
mean the same colour and the same words in every chapter. Colours are the Okabe–Ito palette
(safe for colour-blind readers).

Only the three figure helpers at the end draw, and they import matplotlib when called: models
read the labels and formatters here and must load neither matplotlib nor ipywidgets.
"""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING, Any

from invite_triage.analysis.texts import CatalogLabels
from invite_triage.core.formats import percent
from invite_triage.domain.taxonomy import DECISIONS

if TYPE_CHECKING:  # only for the annotations: importing this module never loads matplotlib
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
FAMILY_COLOURS: dict[str, str] = {
    "marketing": OKABE_ITO["blue"],
    "hr": OKABE_ITO["green"],
    "leadership": OKABE_ITO["sky_blue"],
    "sales": OKABE_ITO["vermillion"],
    "tech": OKABE_ITO["purple"],
    "finance": OKABE_ITO["yellow"],
    "other": "#999999",
}

#: Families that matter to you, and the rest.
MATTERS = OKABE_ITO["blue"]
MATTERS_LIGHT = "#9ecae1"
NEUTRAL = "#c8c8c8"
NEUTRAL_DARK = "#555555"
HIGHLIGHT = OKABE_ITO["vermillion"]
#: Each decision's label in the current language (the domain's ``label.decision.*``);
#: ``DECISION_LABELS.in_language("fr")`` for a fixed language.
DECISION_LABELS: CatalogLabels[str] = CatalogLabels("label.decision", DECISIONS)
DECISION_COLOURS = {
    "accept": OKABE_ITO["green"],
    "ask": OKABE_ITO["orange"],
    "decline": OKABE_ITO["vermillion"],
}

# --- one size system: a chart is drawn at the size it is shown at, never stretched by CSS ---
#: CSS pixels per inch of figure: a 10-inch chart is shown 800 CSS px wide, which fits
#: JupyterLab's notebook at 1280x720 (848 px of output) and Voilà.
CSS_DPI = 80
#: Image pixels per CSS pixel: 2 is sharp on a 2x ("retina") screen and on a projector.
PIXEL_DENSITY = 2
#: The dpi every chart is drawn at (``savefig``/canvas), so a point is the same size in all.
FIGURE_DPI = CSS_DPI * PIXEL_DENSITY
#: The widest chart, in inches (800 CSS px).
MAX_WIDTH_IN = 10.0

# --- one type scale (points; at ``CSS_DPI`` a point is 1.11 CSS px) ------------------------
#: Smallest text anywhere (legends, values written on bars): 11 CSS px.
SMALL_FONT_SIZE = 10
#: Text in the apps' figures (shown beside their controls).
FONT_SIZE = 11
#: Text in the guide's full-size charts and the report: readable on a projector.
CHART_FONT_SIZE = 13
CHART_TITLE_SIZE = 15
#: Longest text an app echoes back; the rest is cut with an ellipsis.
ECHO_CHARS = 120


# --- text and numbers ------------------------------------------------------------------------


#: Emoji (and their joiners): the charts' font has none and would draw empty boxes. Check
#: marks and stars, which it has, are kept.
_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u2604\u2607-\u2712\u2719-\u27BF\u2B00-\u2BFF"
    "\uFE0E\uFE0F\u200D\u20E3]"
)


def without_emoji(text: object) -> str:
    """``text`` with its emoji left out (and the spaces they leave collapsed): for chart
    labels only; tables and HTML keep them."""
    stripped = _EMOJI.sub("", str(text))
    return re.sub(r"[ \t]{2,}", " ", stripped).strip() if stripped != str(text) else stripped


def plain(text: object) -> str:
    """Text drawn verbatim on a chart: a ``$`` typed by a learner must not start mathtext,
    and emoji (the font has none) are left out."""
    return without_emoji(text).replace("$", r"\$")


def clip_text(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for echoing user input."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def esc(value: object) -> str:
    """HTML-escaped text of any value."""
    return html.escape(str(value))


def share(part: float, whole: float) -> float:
    """``part / whole``, or NaN when ``whole`` is 0 (a rule that lets nobody through)."""
    return float(part) / float(whole) if whole else math.nan


def fmt_share(value: float, digits: int = 0, lang: str | None = None) -> str:
    """A share as a percentage in ``lang`` ("47%" / "47 %"), or a dash when it is undefined
    (nobody passed)."""
    return "—" if value is None or math.isnan(value) else percent(value, lang, digits)


# --- figures (matplotlib loaded on first call) -----------------------------------------------


def new_figure(width: float = 6.4, height: float = 3.2) -> Figure:
    """A figure with its own Agg canvas (no pyplot, so nothing piles up between redraws)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(min(width, MAX_WIDTH_IN), height), dpi=FIGURE_DPI,
                    layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def css_width(figure: Figure) -> int:
    """The CSS width a chart is shown at: its width in inches at ``CSS_DPI`` (its image has
    ``PIXEL_DENSITY`` times as many pixels)."""
    return round(figure.get_figwidth() * CSS_DPI)


def at_display_density(figure: Figure) -> Figure:
    """Set ``figure`` to ``FIGURE_DPI``: sizes in points and inches keep their place (a
    constrained layout is in figure fractions), only the pixel count changes."""
    if figure.dpi != FIGURE_DPI:
        figure.set_dpi(FIGURE_DPI)
    return figure


#: Width of an average character, in ems (DejaVu Sans, matplotlib's font), to wrap titles.
_EM_PER_CHAR = 0.55
#: Lines a title may take; an app's layout keeps room for them all.
TITLE_LINES = 2
#: Room kept on the left and right of a frozen layout (inches): half a tick label at the
#: end of an axis whose limits a control moves.
_FROZEN_SIDE_PAD_IN = 0.15


def wrap_to_width(text: str, width_in: float, fontsize: float,
                  max_lines: int = TITLE_LINES) -> str:
    """``text`` wrapped at spaces to fit ``width_in`` inches at ``fontsize`` points, in at
    most ``max_lines`` lines (the last one cut with an ellipsis when it would not fit)."""
    import textwrap

    chars = max(int(width_in * 72 / (fontsize * _EM_PER_CHAR)), 12)
    lines = [part for line in str(text).split("\n")
             for part in (textwrap.wrap(line, chars, break_long_words=False) or [line])]
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1:])
        lines = [*lines[: max_lines - 1], last[: chars - 1].rstrip() + "…"]
    return "\n".join(lines)


def category_labels(ax: Axes, labels: list[str], fontsize: float,
                    max_lines: int = 3) -> list[str]:
    """Labels of the categories along ``ax``'s x axis, wrapped to the room each one has (the
    axes' width shared between them), so neighbours never overlap."""
    figure = ax.get_figure()
    width_in = ax.get_position().width * figure.get_figwidth() if figure is not None else 3.0
    room = 0.8 * width_in / max(len(labels), 1)
    return [wrap_to_width(" ".join(str(text).split()), room, fontsize, max_lines)
            for text in labels]


def _titles(figure: Figure) -> list[tuple[Any, float]]:
    """Each non-empty title of the figure, with the width it may take (inches)."""
    width = figure.get_figwidth()
    found = []
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        found.append((suptitle, width * 0.97))
    for ax in figure.axes:
        x0, x1 = ax.get_position().x0, ax.get_position().x1
        for title, room in ((ax._left_title, 0.99 - x0), (ax.title, x1 - x0),
                            (ax._right_title, x1 - 0.01)):
            if title.get_text():
                found.append((title, max(room, 0.2) * width))
    return found


def fit_titles(figure: Figure) -> None:
    """Let every title of ``figure`` wrap at the figure's edge when drawn (its text is left
    as it is), so a long (often French) title an app sets on the fly breaks into lines
    instead of running off; ``freeze_layout`` keeps room for two lines. A title whose lines
    all fit is drawn unwrapped: the same pixels, without matplotlib measuring every prefix of
    every line again at each draw (a fifth of some apps' redraw)."""
    for title, _room in _titles(figure):
        title.set_wrap(_would_wrap(figure, title))


def _would_wrap(figure: Figure, title: Any) -> bool:
    """Whether matplotlib's wrapping would break a line of ``title``: one is wider than its
    room (its lines are measured whole, with matplotlib's cache). True when unsure."""
    try:
        from matplotlib import cbook
        from matplotlib.text import _get_text_metrics_with_cache

        renderer = figure.canvas.get_renderer()
        room = title._get_wrap_line_width()
        prop = title.get_fontproperties()
        return any(
            math.ceil(_get_text_metrics_with_cache(renderer, line, prop, cbook.is_math_text(line),
                                                   figure.dpi)[0]) > room
            for line in title.get_text().split("\n")
        )
    except (AttributeError, ImportError, TypeError):  # another matplotlib: let it wrap
        return True


def freeze_layout(figure: Figure) -> None:
    """Keep the axes where constrained layout puts them now, with room for two-line titles.

    Call once the app has drawn its first full state (titles and labels set): later redraws
    then skip the layout pass, which is about half of a redraw's time. Titles an app sets
    later may take two lines (``fit_titles``), and an axis whose limits move may end on a
    wider tick label: the layout keeps room for both.
    """
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    engine = figure.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):  # not yet frozen
        titles = [title for title, _room in _titles(figure)]
        texts = [title.get_text() for title in titles]
        for title, text in zip(titles, texts, strict=True):
            title.set_wrap(False)
            lines = text.count("\n") + 1
            if lines < TITLE_LINES:
                title.set_text("Ag\n" * (TITLE_LINES - lines) + text)
        engine.set(w_pad=_FROZEN_SIDE_PAD_IN)
        engine.execute(figure)
        for title, text in zip(titles, texts, strict=True):
            title.set_text(text)
            title.set_wrap(True)
    figure.set_layout_engine("none")


def style_axes(ax: Axes) -> None:
    """Light grid, no top/right frame, readable ticks."""
    ax.tick_params(labelsize=FONT_SIZE)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, color="#e3e3e3", linewidth=0.8)
    ax.set_axisbelow(True)
