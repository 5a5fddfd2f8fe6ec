"""Chapter 03: mutual connections — how many, who they are, and why more is not always better.

- :func:`mutuals_app` — a slider for the minimum number of *relevant* mutual connections (those
  whose job family matters to you); precision and recall of that rule against the hidden
  ground truth, compared with counting every mutual connection;
- :func:`weak_ties_app` — a schematic of the weak-ties result (Rajkumar et al., Science 377,
  2022): an inverted U between tie strength and job mobility. Its shape follows the paper's
  finding; it is not their data, and the chart says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from invite_triage.domain.criteria import Signals
from invite_triage.domain.profile import Profile
from invite_triage.widgets._style import (
    FONT_SIZE,
    MATTERS,
    NEUTRAL,
    NEUTRAL_DARK,
    esc,
    fmt_share,
    freeze_layout,
    new_figure,
    style_axes,
    threshold_curve,
)
from invite_triage.widgets.base import App, FigureView, guarded, html_table, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

#: The slider stops here: beyond it almost nobody passes and the curves say nothing new.
MAX_THRESHOLD = 15
WEAK_TIES_SOURCE = (
    'Rajkumar, Saint-Jacques, Bojinov, Brynjolfsson & Aral, "A causal test of the strength of '
    'weak ties", Science 377 (2022)'
)
SCHEMATIC_LABEL = "schematic, shape after Rajkumar et al. 2022 — not their data"


def relevant_mutual_counts(invitations: pd.DataFrame, profile: Profile) -> pd.Series:
    """How many of each invitation's mutual connections work in a family that matters to you.

    Read from the criteria's own signals, so the app counts exactly what the triage counts.
    """
    relevant = Signals(invitations, profile).mutual_stats[3]
    return pd.Series(relevant, index=invitations.index, dtype="int64", name="relevant_mutuals")


@dataclass(frozen=True)
class ThresholdReading:
    """The rule "at least k" at one k, for relevant mutuals and for all mutuals."""

    k: int
    passed: int
    hits: int
    precision: float
    recall: float
    passed_all: int
    precision_all: float
    recall_all: float
    n_relevant: int
    n_total: int


class MutualsModel:
    """Precision and recall of "at least k relevant mutual connections", for every k at once."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile,
                 max_threshold: int = MAX_THRESHOLD):
        if "relevant" not in invitations.columns:
            raise ValueError(
                "the mutual-connections app needs the hidden 'relevant' column of the synthetic "
                "invitations to measure precision and recall"
            )
        self.invitations = invitations
        self.profile = profile
        self.relevant_mutuals = relevant_mutual_counts(invitations, profile)
        self.all_mutuals = invitations["mutual_connections"].astype("int64")
        self.truth = invitations["relevant"].to_numpy(bool)
        self.thresholds = np.arange(0, max_threshold + 1)
        self.curve = threshold_curve(self.relevant_mutuals.to_numpy(), self.truth, self.thresholds)
        self.curve_all = threshold_curve(self.all_mutuals.to_numpy(), self.truth, self.thresholds)

    def at(self, k: int) -> ThresholdReading:
        i = int(np.clip(k, self.thresholds[0], self.thresholds[-1]))
        return ThresholdReading(
            k=i,
            passed=int(self.curve["passed"][i]),
            hits=int(self.curve["hits"][i]),
            precision=float(self.curve["precision"][i]),
            recall=float(self.curve["recall"][i]),
            passed_all=int(self.curve_all["passed"][i]),
            precision_all=float(self.curve_all["precision"][i]),
            recall_all=float(self.curve_all["recall"][i]),
            n_relevant=int(self.truth.sum()),
            n_total=len(self.truth),
        )

    def first_threshold_above(self, precision: float) -> int | None:
        """The smallest k whose precision exceeds ``precision`` (None if none does)."""
        above = np.flatnonzero(np.nan_to_num(self.curve["precision"], nan=-1.0) > precision)
        return int(self.thresholds[above[0]]) if above.size else None


class MutualsApp(App):
    """A threshold slider; precision/recall curves with a moving marker; pass/held-back bars."""

    def __init__(self, model: MutualsModel, k: int = 1):
        self.model = model
        self.slider = widgets.IntSlider(
            value=k, min=int(model.thresholds[0]), max=int(model.thresholds[-1]), step=1,
            description="at least", style={"description_width": "initial"},
        )
        label = widgets.Label("relevant mutual connections")
        self.figure = new_figure(8.0, 3.4)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[2.2, 1])
        self.ax, self.bx = ax, bx
        x = model.thresholds
        ax.plot(x, model.curve["precision"], color=MATTERS, marker="o", markersize=3,
                label="precision")
        ax.plot(x, model.curve["recall"], color=NEUTRAL_DARK, marker="s", markersize=3,
                label="recall")
        ax.plot(x, model.curve_all["precision"], color=MATTERS, linestyle="--", linewidth=1,
                label="precision, all mutuals")
        ax.plot(x, model.curve_all["recall"], color=NEUTRAL_DARK, linestyle="--", linewidth=1,
                label="recall, all mutuals")
        self.marker_line = ax.axvline(k, color="black", linewidth=1)
        (self.points,) = ax.plot([], [], "o", color="black", markersize=7, zorder=4)
        ax.set_ylim(0, 1.05)
        ax.set_xlim(x[0] - 0.3, x[-1] + 0.3)
        ax.set_xlabel("minimum k of mutual connections", fontsize=FONT_SIZE)
        ax.legend(fontsize=FONT_SIZE - 2, frameon=False, loc="upper center",
                  bbox_to_anchor=(0.5, -0.2), ncol=2)
        style_axes(ax)
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")

        positions = np.array([0, 1])
        self.bars_relevant = bx.bar(positions, [0, 0], color=MATTERS, label="truly relevant")
        self.bars_other = bx.bar(positions, [0, 0], color=NEUTRAL, label="not relevant")
        bx.set_xticks(positions, ["pass", "held back"])
        bx.set_ylim(0, model.at(0).n_total * 1.05)
        bx.set_ylabel("invitations", fontsize=FONT_SIZE)
        self.legend = bx.legend(fontsize=FONT_SIZE - 3, frameon=False, loc="upper right")
        style_axes(bx)
        bx.grid(False, axis="x")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.reading: ThresholdReading | None = None
        super().__init__([widgets.HBox([self.slider, label]), self.chart, self.summary])
        self.slider.observe(self._on_change, names="value")
        self.update()
        freeze_layout(self.figure)
        # A move changes only these; the curves, axes and labels are drawn once (blitting).
        # The legend and the bottom spines sit above them, so they are redrawn over them.
        self.chart.redraw_only(
            self.marker_line, self.points, self.title, *self.bars_relevant, *self.bars_other,
            self.legend, ax.spines["bottom"], bx.spines["bottom"],
        )

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        r = self.model.at(self.slider.value)
        self.reading = r
        self.marker_line.set_xdata([r.k, r.k])
        self.points.set_data([r.k, r.k], [r.precision, r.recall])
        self.title.set_text(
            f"k = {r.k}: precision {fmt_share(r.precision, 1)}, recall {fmt_share(r.recall, 1)}"
        )
        relevant_held = r.n_relevant - r.hits
        other_pass = r.passed - r.hits
        other_held = (r.n_total - r.passed) - relevant_held
        for bar, height in zip(self.bars_relevant, (r.hits, relevant_held), strict=True):
            bar.set_height(height)
        for bar, bottom, height in zip(self.bars_other, (r.hits, relevant_held),
                                       (other_pass, other_held), strict=True):
            bar.set_y(bottom)
            bar.set_height(height)
        self.chart.refresh()
        rows = [
            {"rule": f"≥ {r.k} relevant mutuals", "pass": r.passed, "precision":
             fmt_share(r.precision, 1), "recall": fmt_share(r.recall, 1)},
            {"rule": f"≥ {r.k} mutuals of any job", "pass": r.passed_all, "precision":
             fmt_share(r.precision_all, 1), "recall": fmt_share(r.recall_all, 1)},
        ]
        self.summary.value = (
            f"<p><b>{r.passed}</b> of {r.n_total} invitations share at least {r.k} relevant "
            f"mutual connection{'s' if r.k != 1 else ''} with you. <b>{r.hits}</b> of them are "
            f"truly relevant (precision <b>{esc(fmt_share(r.precision, 1))}</b>); they are "
            f"{r.hits} of the {r.n_relevant} truly relevant invitations (recall "
            f"<b>{esc(fmt_share(r.recall, 1))}</b>).</p>"
            + html_table(rows)
        )


def mutuals_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
                k: int = 1) -> MutualsApp:
    """Chapter 03: set a minimum of relevant mutual connections; read precision and recall."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return MutualsApp(MutualsModel(invitations, profile), k)


# --------------------------------------------------------------------------------------------
# Weak ties: a schematic
# --------------------------------------------------------------------------------------------
def weak_ties_curve(strength: np.ndarray, peak: float = 0.35) -> np.ndarray:
    """An illustrative inverted U, highest at moderately weak ties; not fitted to any data."""
    x = np.asarray(strength, dtype=float) / peak
    return x * np.exp(1.0 - x)


def plot_weak_ties_schematic(fig: Figure | None = None) -> Figure:
    """The weak-ties finding as a labelled schematic: no numbers on the axes, source shown."""
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
    ax.set_xlabel("tie strength, measured by mutual connections →", fontsize=FONT_SIZE)
    ax.set_ylabel("job mobility →", fontsize=FONT_SIZE)
    for x_text, y_text, text, ha in (
        (0.04, 0.08, "very weak ties:\nlittle in common", "left"),
        (0.375, 0.45, "moderately weak ties:\nhelped most", "center"),
        (0.98, 0.98, "strong ties:\nmostly know\nwhat you know", "right"),
    ):
        ax.text(x_text, y_text, text, ha=ha, va="bottom", fontsize=FONT_SIZE - 1,
                color=NEUTRAL_DARK)
    ax.set_title("More mutual connections is not always more value", fontsize=FONT_SIZE + 1,
                 loc="left")
    ax.text(0.99, 0.02, SCHEMATIC_LABEL, transform=ax.transAxes, ha="right", va="bottom",
            fontsize=FONT_SIZE - 1, style="italic",
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": NEUTRAL})
    return figure


class WeakTiesApp(App):
    """The schematic with its caption and source; nothing to move, one figure."""

    def __init__(self) -> None:
        self.figure = plot_weak_ties_schematic()
        self.chart = FigureView(self.figure)
        self.summary = summary_html(
            value=(
                f"<p><em>{esc(SCHEMATIC_LABEL.capitalize())}.</em> Source of the finding: "
                f"{esc(WEAK_TIES_SOURCE)}. In large randomized experiments on LinkedIn's "
                "“People You May Know”, ties of moderate strength were the most useful for "
                "changing jobs.</p>"
            )
        )
        super().__init__([self.chart, self.summary])


def weak_ties_app() -> WeakTiesApp:
    """Chapter 03: the weak-ties result as an inverted-U schematic, clearly labelled."""
    return WeakTiesApp()
