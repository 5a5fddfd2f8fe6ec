"""Chapter 03: mutual connections — how many, who they are, and why more is not always better.

:func:`mutuals_app` has a slider for the minimum number of *relevant* mutual connections (those
whose job family matters to you) and the rule's 2×2 table (let in / kept out × relevant / not
relevant, in plain words); with ``rates=True`` (the default) also precision and recall of that
rule against the hidden ground truth, compared with counting every mutual connection. The
chapter shows the table alone first (``rates=False``), then names the two rates. The numbers
come from :class:`~invite_triage.models.mutuals.MutualsModel`; the weak-ties schematic is
:mod:`invite_triage.widgets.weak_ties_app`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import CELL_NAMES
from invite_triage.domain.profile import Profile
from invite_triage.models.mutuals import MutualsModel, ThresholdReading
from invite_triage.render.style import (
    FONT_SIZE,
    MATTERS,
    NEUTRAL,
    NEUTRAL_DARK,
    esc,
    fmt_share,
    freeze_layout,
    new_figure,
    style_axes,
)
from invite_triage.widgets.base import App, FigureView, guarded, html_table, summary_html
from invite_triage.world.datasets import example_profile, load_invitations


def table_html(table: pd.DataFrame) -> str:
    """The 2×2 table as escaped HTML: each count with its plain name ("good catches"…)."""
    th = "<th style='text-align:left;padding:4px 10px'>{}</th>"
    head = th.format(esc(table.index.name or "")) + "".join(
        th.format(esc(f"{table.columns.name}: {c}" if i == 0 else c))
        for i, c in enumerate(table.columns)
    )
    body = ""
    for row in table.index:
        cells = "".join(
            "<td style='padding:4px 10px;border:1px solid #ccc'>"
            f"<b>{int(table.loc[row, col])}</b> "
            f"<span style='color:#555'>{esc(CELL_NAMES.get((row, col), ''))}</span></td>"
            for col in table.columns
        )
        body += f"<tr>{th.format(esc(row))}{cells}</tr>"
    return (f"<table class='it-two-by-two' style='border-collapse:collapse'><thead><tr>{head}"
            f"</tr></thead><tbody>{body}</tbody></table>")


def _slider(model: MutualsModel, k: int) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=k, min=int(model.thresholds[0]), max=int(model.thresholds[-1]), step=1,
        description="at least", style={"description_width": "initial"},
    )


class MutualsTableApp(App):
    """The slider and the rule's 2×2 table only, before precision and recall are named."""

    def __init__(self, model: MutualsModel, k: int = 1):
        self.model = model
        self.slider = _slider(model, k)
        label = widgets.Label("relevant mutual connections")
        self.summary = summary_html()
        self.table: pd.DataFrame | None = None
        super().__init__([widgets.HBox([self.slider, label]), self.summary])
        self.slider.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        k = int(self.slider.value)
        self.table = self.model.table(k)
        passed = int(self.table.loc["let in"].sum())
        self.summary.value = (
            f"<p>Your rule lets in <b>{passed}</b> of {len(self.model.truth)} invitations: "
            f"those sharing at least {k} relevant mutual connection{'s' if k != 1 else ''} "
            "with you. Checked against the hidden answers:</p>" + table_html(self.table)
        )


class MutualsApp(App):
    """A threshold slider; precision/recall curves with a moving marker; pass/held-back bars."""

    def __init__(self, model: MutualsModel, k: int = 1):
        self.model = model
        self.slider = _slider(model, k)
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
        self.table: pd.DataFrame | None = None
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
        self.table = self.model.table(r.k)
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
            + table_html(self.table) + html_table(rows)
        )


def mutuals_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
                k: int = 1, rates: bool = True) -> MutualsApp | MutualsTableApp:
    """Chapter 03: set a minimum of relevant mutual connections; read the rule's 2×2 table
    and (unless ``rates=False``, used before the two rates are named) precision and recall."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    model = MutualsModel(invitations, profile)
    return MutualsApp(model, k) if rates else MutualsTableApp(model, k)
