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
from typing import TYPE_CHECKING

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

#: Text in the apps' small figures (shown beside their controls).
FONT_SIZE = 11
#: Text in the guide's full-size charts and the report: readable on a projector.
CHART_FONT_SIZE = 13
CHART_TITLE_SIZE = 15
#: Longest text an app echoes back; the rest is cut with an ellipsis.
ECHO_CHARS = 120


# --- text and numbers ------------------------------------------------------------------------


def plain(text: object) -> str:
    """Text drawn verbatim on a chart: a ``$`` typed by a learner must not start mathtext."""
    return str(text).replace("$", r"\$")


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

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def freeze_layout(figure: Figure) -> None:
    """Keep the axes where constrained layout put them at the last draw.

    Call once the app has drawn its first full state (titles and labels set): later redraws
    then skip the layout pass, which is about half of a redraw's time.
    """
    figure.set_layout_engine("none")


def style_axes(ax: Axes) -> None:
    """Light grid, no top/right frame, readable ticks."""
    ax.tick_params(labelsize=FONT_SIZE)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, color="#e3e3e3", linewidth=0.8)
    ax.set_axisbelow(True)
