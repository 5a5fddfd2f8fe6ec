"""Shared look and small helpers of the guide's apps (written for chapters 00–04, reused since).

One palette so that "matters to you", "accept", "ask first" and "decline" mean the same colour
in every chapter; figures are built once with an Agg canvas and never through pyplot.
"""

from __future__ import annotations

import html
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from invite_triage.render.charts import OKABE_ITO

#: Families that matter to you, and the rest (Okabe–Ito, safe for colour-blind readers).
MATTERS = OKABE_ITO["blue"]
MATTERS_LIGHT = "#9ecae1"
NEUTRAL = "#c8c8c8"
NEUTRAL_DARK = "#555555"
HIGHLIGHT = OKABE_ITO["vermillion"]
DECISIONS: tuple[str, ...] = ("accept", "ask", "decline")
DECISION_LABELS = {"accept": "accept", "ask": "ask first", "decline": "decline"}
DECISION_COLOURS = {
    "accept": OKABE_ITO["green"],
    "ask": OKABE_ITO["orange"],
    "decline": OKABE_ITO["vermillion"],
}
FONT_SIZE = 11
#: Longest text an app echoes back; the rest is cut with an ellipsis.
ECHO_CHARS = 120


def new_figure(width: float = 6.4, height: float = 3.2) -> Figure:
    """A figure with its own Agg canvas (no pyplot, so nothing piles up between redraws)."""
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


def fmt_share(value: float, digits: int = 0) -> str:
    """A share as a percentage, or a dash when it is undefined (nobody passed)."""
    return "—" if value is None or math.isnan(value) else f"{value:.{digits}%}"


def threshold_curve(values: np.ndarray, relevant: np.ndarray, thresholds: np.ndarray) -> dict:
    """Precision, recall and pass counts of "value >= k" for every k, vectorised."""
    values = np.asarray(values)
    relevant = np.asarray(relevant, dtype=bool)
    passed = values[None, :] >= np.asarray(thresholds)[:, None]
    n_passed = passed.sum(axis=1)
    hits = (passed & relevant[None, :]).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(n_passed > 0, hits / np.maximum(n_passed, 1), np.nan)
    recall = hits / relevant.sum() if relevant.sum() else np.full(len(thresholds), np.nan)
    return {"passed": n_passed, "hits": hits, "precision": precision, "recall": recall}
