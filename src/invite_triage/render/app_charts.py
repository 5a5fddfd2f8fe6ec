"""The apps' charts, and two small charts of the guide, drawn in the apps' style (``style``).

Pure matplotlib, no ipywidgets: each chart class builds its figure once and its ``update``
changes only the artists a control moves, so an app's ``FigureView`` can redraw it in place
(and blit just those artists). Also here, for the chapters' notebooks: the weak-ties
schematic (chapter 03) and your connections by family and seniority (chapter 08).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import FAMILIES
from invite_triage.domain.titles import SENIORITIES
from invite_triage.render.explain import decision_title
from invite_triage.render.style import (
    DECISION_COLOURS,
    DECISIONS,
    FONT_SIZE,
    MATTERS,
    NEUTRAL,
    NEUTRAL_DARK,
    clip_text,
    new_figure,
    plain,
    style_axes,
)
from invite_triage.render.texts import (
    criterion_name,
    decision_name,
    family_name,
    fit_title,
    language,
    num,
    number_axis,
    pct,
    seniority_name,
)

WEAK_TIES_SOURCE = (
    'Rajkumar, Saint-Jacques, Bojinov, Brynjolfsson & Aral, "A causal test of the strength of '
    'weak ties", Science 377 (2022)'
)
#: The schematic's disclaimer, in English (``message("chart.weak_ties.schematic", lang)``).
SCHEMATIC_LABEL = "schematic, shape after Rajkumar et al. 2022 — not their data"


# --------------------------------------------------------------------------------------------
# One bar per job family (goals, title and families apps)
# --------------------------------------------------------------------------------------------
def family_bars(ax: Axes, values: Iterable[float],
                lang: str | None = None) -> tuple[np.ndarray, Any]:
    """Horizontal bars, one per family, first family on top: (their y positions, the bars);
    families named in ``lang``."""
    y = np.arange(len(FAMILIES))
    bars = ax.barh(y, list(values), color=NEUTRAL, height=0.65)
    ax.set_yticks(y, [family_name(f, lang) for f in FAMILIES])
    ax.invert_yaxis()
    style_axes(ax)
    ax.grid(False, axis="y")
    return y, bars


# --------------------------------------------------------------------------------------------
# Decision counts (policy and weights apps)
# --------------------------------------------------------------------------------------------
class DecisionBars:
    """Three bars (accept, ask first, decline) with their counts, updated in place."""

    def __init__(self, total: int, width: float = 6.4, height: float = 3.0,
                 lang: str | None = None):
        self.lang = language(lang)
        self.figure = new_figure(width, height)
        ax = self.figure.add_subplot()
        self.ax = ax
        x = np.arange(len(DECISIONS))
        self.bars = ax.bar(x, np.zeros(len(DECISIONS)),
                           color=[DECISION_COLOURS[d] for d in DECISIONS], width=0.6)
        for bar, hatch in zip(self.bars, ("", "..", "//"), strict=True):
            bar.set_hatch(hatch)  # readable without colour
            bar.set_edgecolor("white")
        self.labels = [ax.text(xi, 0, "", ha="center", va="bottom", fontsize=FONT_SIZE)
                       for xi in x]
        ax.set_xticks(x, [decision_name(d, self.lang) for d in DECISIONS])
        ax.set_ylim(0, max(total, 1) * 1.15)
        ax.set_ylabel(message("chart.app.invitations", self.lang), fontsize=FONT_SIZE)
        style_axes(ax)
        ax.grid(False, axis="x")
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")

    def dynamic_artists(self) -> list:
        """What :meth:`update` changes, and the spine drawn above the bars (for blitting)."""
        return [*self.bars, *self.labels, self.title, self.ax.spines["bottom"]]

    def update(self, counts: Mapping[str, int], title: str) -> None:
        for bar, label, decision in zip(self.bars, self.labels, DECISIONS, strict=True):
            bar.set_height(counts[decision])
            label.set_y(counts[decision])
            label.set_text(num(counts[decision], self.lang))
        self.title.set_text(title)


# --------------------------------------------------------------------------------------------
# What each criterion added to one invitation (inbox app)
# --------------------------------------------------------------------------------------------
class ContributionBars:
    """Horizontal bars: what each criterion could add (grey) and did add (blue), updated in
    place for each invitation."""

    def __init__(self, table: pd.DataFrame, lang: str | None = None):
        self.lang = language(lang)
        self.figure = new_figure(6.4, 3.2)
        ax = self.figure.add_subplot()
        self.ax = ax
        y = np.arange(len(table))[::-1]
        possible = table["possible"].to_numpy(float)
        ax.barh(y, possible, color=NEUTRAL, height=0.6,
                label=message("chart.app.if_perfect", self.lang))
        self.bars = ax.barh(y, np.zeros(len(table)), color=MATTERS, height=0.6,
                            label=message("chart.decision.contributed", self.lang))
        self.labels = [ax.text(p + 0.004, yi, "", va="center", fontsize=FONT_SIZE - 1)
                       for p, yi in zip(possible, y, strict=True)]
        ax.set_yticks(y, [criterion_name(c, self.lang) for c in table.index])
        ax.set_xlim(0, max(float(possible.max()) * 1.6, 0.05))
        ax.set_xlabel(message("chart.decision.x_axis", self.lang), fontsize=FONT_SIZE)
        number_axis(ax.xaxis, self.lang)
        ax.legend(fontsize=FONT_SIZE - 2, frameon=False, loc="upper center", ncols=2,
                  bbox_to_anchor=(0.5, -0.28))
        style_axes(ax)
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")

    def update(self, table: pd.DataFrame, headline: str) -> None:
        for bar, label, (_, rec) in zip(self.bars, self.labels, table.iterrows(), strict=True):
            bar.set_width(float(rec["contribution"]))
            label.set_text(self._value(rec))
        self.title.set_text(plain(headline))

    def _value(self, rec: pd.Series) -> str:
        return message("chart.decision.bar_value", self.lang,
                       contribution=num(rec["contribution"], self.lang, 2),
                       score=num(rec["score"], self.lang, 2))


# --------------------------------------------------------------------------------------------
# One decision of the triage form (own-data app)
# --------------------------------------------------------------------------------------------
class Decided(Protocol):
    """What :meth:`DecisionChart.update` draws: a decision of the form (``FormDecision``)."""

    @property
    def row(self) -> pd.Series: ...

    @property
    def score(self) -> float: ...

    @property
    def decision(self) -> str: ...

    @property
    def contributions(self) -> pd.DataFrame: ...


class DecisionChart:
    """What each criterion contributed (blue) out of what it could (grey), and the score
    against the ask and accept thresholds; built once, updated in place."""

    def __init__(self, weights: Mapping[str, float], thresholds: Mapping[str, float],
                 lang: str | None = None):
        self.lang = lang = language(lang)
        self.figure = new_figure(8.6, 3.4)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[3.0, 1.2])
        self.ax, self.bx = ax, bx
        names = list(CRITERIA)
        total = sum(float(weights[c]) for c in names) or 1.0
        possible = np.array([float(weights[c]) / total for c in names])
        y = np.arange(len(names))[::-1]
        ax.barh(y, possible, color=NEUTRAL, height=0.6,
                label=message("chart.decision.if_perfect", lang))
        self.bars = ax.barh(y, np.zeros(len(names)), color=MATTERS, height=0.6,
                            label=message("chart.decision.contributed", lang))
        self.labels = [ax.text(p + 0.004, yi, "", va="center", fontsize=FONT_SIZE - 2)
                       for p, yi in zip(possible, y, strict=True)]
        ax.set_yticks(y, [criterion_name(c, lang) for c in names])
        ax.set_xlim(0, max(float(possible.max()) * 1.75, 0.05))
        ax.set_xlabel(message("chart.app.contribution", lang), fontsize=FONT_SIZE)
        number_axis(ax.xaxis, lang)
        number_axis(bx.yaxis, lang)
        ax.legend(fontsize=FONT_SIZE - 2, frameon=False, ncols=2, loc="upper left",
                  bbox_to_anchor=(0.0, -0.2))
        style_axes(ax)

        for low, high, decision in ((0.0, thresholds["ask"], "decline"),
                                    (thresholds["ask"], thresholds["accept"], "ask"),
                                    (thresholds["accept"], 1.0, "accept")):
            bx.axhspan(low, high, color=DECISION_COLOURS[decision], alpha=0.15, lw=0)
            # Right of the score bar (the axes are wide enough for the longest name).
            bx.text(0.98, (low + high) / 2, decision_name(decision, lang), ha="right",
                    va="center", fontsize=FONT_SIZE - 2, transform=bx.get_yaxis_transform())
        (self.score_bar,) = bx.bar([0], [0.0], width=0.5, color=MATTERS)
        self._score_colour = MATTERS
        self.score_text = bx.text(0, 0, "", ha="center", va="bottom", fontsize=FONT_SIZE - 1,
                                  fontweight="bold")
        bx.set_xlim(-0.4, 2.0)
        bx.set_ylim(0, 1)
        bx.set_xticks([])
        bx.set_ylabel(message("chart.app.score", lang), fontsize=FONT_SIZE)
        style_axes(bx)
        bx.grid(False)
        # A placeholder so the one-time layout keeps room for the title.
        self.title = self.figure.suptitle(message("chart.app.decision", lang),
                                          fontsize=FONT_SIZE, x=0.01, ha="left")

    def clear(self, message: str) -> None:
        """No decision to show (the entry of a newly picked invitation needs fixing)."""
        for bar, label in zip(self.bars, self.labels, strict=True):
            _set_if_new(bar, "width", 0.0)
            label.set_text("")
        _set_if_new(self.score_bar, "height", 0.0)
        self.score_text.set_text("")
        self.title.set_text(plain(message))

    def update(self, decided: Decided) -> None:
        """Show ``decided``, touching only the artists whose value changes: a move of the form
        changes one or two criteria, and an app that blits (``FigureView.redraw_only``) then
        redraws only those (matplotlib marks an artist stale at every setter call, and
        ``set_text`` only for a new text)."""
        table = decided.contributions.reindex(list(CRITERIA))
        for bar, label, (_, rec) in zip(self.bars, self.labels, table.iterrows(), strict=True):
            _set_if_new(bar, "width", float(rec["contribution"]))
            label.set_text(message("chart.decision.bar_value", self.lang,
                                   contribution=num(rec["contribution"], self.lang, 2),
                                   score=num(rec["score"], self.lang, 2)))
        _set_if_new(self.score_bar, "height", float(decided.score))
        colour = DECISION_COLOURS[decided.decision]
        if self._score_colour != colour:
            self.score_bar.set_color(colour)
            self._score_colour = colour
        _set_if_new(self.score_text, "position", (0, decided.score + 0.01))
        self.score_text.set_text(num(decided.score, self.lang, 2))
        self.title.set_text(plain(clip_text(decision_title(decided.row, table, self.lang), 95)))


def _set_if_new(artist: Any, name: str, value: Any) -> None:
    """``artist.set_<name>(value)`` unless it already holds ``value`` (so stays not stale)."""
    if getattr(artist, f"get_{name}")() != value:
        getattr(artist, f"set_{name}")(value)


# --------------------------------------------------------------------------------------------
# Weak ties: a schematic (chapter 03)
# --------------------------------------------------------------------------------------------
def weak_ties_curve(strength: np.ndarray, peak: float = 0.35) -> np.ndarray:
    """An illustrative inverted U, highest at moderately weak ties; not fitted to any data."""
    x = np.asarray(strength, dtype=float) / peak
    return x * np.exp(1.0 - x)


def plot_weak_ties_schematic(fig: Figure | None = None, lang: str | None = None) -> Figure:
    """The weak-ties finding as a labelled schematic: no numbers on the axes, source shown;
    words in ``lang``."""
    lang = language(lang)
    figure = fig if fig is not None else new_figure(7.0, 3.8)
    figure.clear()
    ax = figure.add_subplot()
    x = np.linspace(0, 1, 200)
    y = weak_ties_curve(x)
    ax.plot(x, y, color=MATTERS, linewidth=3)
    ax.fill_between(x, 0, y, where=(x > 0.2) & (x < 0.55), color=MATTERS, alpha=0.12)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.25)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(message("chart.weak_ties.x_axis", lang), fontsize=FONT_SIZE)
    ax.set_ylabel(message("chart.weak_ties.y_axis", lang), fontsize=FONT_SIZE)
    for x_text, y_text, key, ha in (
        (0.04, 0.08, "very_weak", "left"),
        (0.375, 0.45, "moderate", "center"),
        (0.98, 0.98, "strong", "right"),
    ):
        ax.text(x_text, y_text, message(f"chart.weak_ties.{key}", lang), ha=ha, va="bottom",
                fontsize=FONT_SIZE - 1, color=NEUTRAL_DARK)
    ax.set_title(fit_title(message("chart.weak_ties.title", lang), figure.get_figwidth() * 0.85,
                           FONT_SIZE + 1), fontsize=FONT_SIZE + 1, loc="left")
    ax.text(0.99, 0.02, message("chart.weak_ties.schematic", lang), transform=ax.transAxes,
            ha="right", va="bottom",
            fontsize=FONT_SIZE - 1, style="italic",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": NEUTRAL})
    return figure


# --------------------------------------------------------------------------------------------
# Your connections by family and seniority (chapter 08)
# --------------------------------------------------------------------------------------------
def plot_family_seniority(composition: pd.DataFrame, fig: Figure | None = None,
                          lang: str | None = None) -> Figure:
    """Your connections by job family (rows, those that matter to you first, ✓) and seniority
    (columns), from ``export.network_composition(connections, profile)``; counts in the cells;
    words in ``lang``."""
    lang = language(lang)
    missing = [c for c in ("family", "seniority", "connections") if c not in composition]
    if missing:
        raise InvalidInputError("not a network composition table",
                                [f"missing column(s) {missing}; use network_composition()"])
    table = composition.pivot_table(index="family", columns="seniority", values="connections",
                                    aggfunc="sum", fill_value=0)
    table = table.reindex(index=list(FAMILIES), columns=list(SENIORITIES), fill_value=0)
    relevant = set()
    if "relevant" in composition:
        relevant = set(composition.loc[composition["relevant"].astype(bool), "family"])
    weights = (composition.groupby("family")["weight"].first() if "weight" in composition
               else pd.Series(dtype=float))
    order = sorted(FAMILIES, key=lambda f: (f not in relevant, -float(weights.get(f, 0.0)),
                                            FAMILIES.index(f)))
    table = table.loc[order]
    counts = table.to_numpy(float)
    figure = fig if fig is not None else new_figure(9.0, 4.6)
    figure.clear()
    ax = figure.add_subplot()
    image = ax.imshow(counts, cmap="Blues", aspect="auto", vmin=0,
                      vmax=max(float(counts.max()), 1.0))
    high = max(float(counts.max()), 1.0) * 0.55
    for (i, j), value in np.ndenumerate(counts):
        if value:
            ax.text(j, i, num(value, lang), ha="center", va="center", fontsize=FONT_SIZE - 1,
                    color="white" if value > high else "black")
    ax.set_xticks(range(len(SENIORITIES)), [seniority_name(s, lang) for s in SENIORITIES],
                  fontsize=FONT_SIZE - 1)
    ax.set_yticks(range(len(order)),
                  [family_name(f, lang) + (" ✓" if f in relevant else "") for f in order],
                  fontsize=FONT_SIZE - 1)
    ax.set_xlabel(message("chart.family_seniority.x_axis", lang), fontsize=FONT_SIZE)
    ax.set_ylabel(message("chart.family_seniority.y_axis", lang), fontsize=FONT_SIZE)
    colorbar = figure.colorbar(image, ax=ax, label=message("chart.family_seniority.colorbar",
                                                          lang), shrink=0.85)
    colorbar.ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: num(x, lang)))
    total = counts.sum()
    if total:
        i, j = np.unravel_index(int(np.argmax(counts)), counts.shape)
        title = message("chart.family_seniority.title", lang,
                        family=family_name(order[i], lang),
                        seniority=seniority_name(SENIORITIES[j], lang),
                        count=num(counts[i, j], lang), total=num(total, lang),
                        share=pct(counts[i, j] / total, lang))
    else:
        title = message("chart.family_seniority.empty", lang)
    ax.set_title(fit_title(plain(title), figure.get_figwidth() * 0.8, FONT_SIZE + 1),
                 fontsize=FONT_SIZE + 1, loc="left")
    return figure
