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

from invite_triage.analysis.evaluation import (
    CELL_NAMES,
    KEPT_OUT,
    LET_IN,
    NOT_RELEVANT,
    RELEVANT,
)
from invite_triage.core.formats import number, share
from invite_triage.core.i18n import message, template
from invite_triage.domain.profile import Profile
from invite_triage.models.mutuals import MutualsModel, ThresholdReading
from invite_triage.render.style import (
    FONT_SIZE,
    MATTERS,
    NEUTRAL,
    NEUTRAL_DARK,
    esc,
    freeze_layout,
    new_figure,
    style_axes,
)
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    html_table,
    summary_html,
)
from invite_triage.world.datasets import example_profile, load_invitations


def table_html(table: pd.DataFrame, lang: str | None = None) -> str:
    """The 2×2 table as escaped HTML: each count with its plain name ("good catches"…).
    ``table`` is :func:`~invite_triage.analysis.evaluation.confusion_table`'s, in ``lang``:
    its cells are named by position (let in / kept out × relevant / not relevant)."""
    keys = ((LET_IN, KEPT_OUT), (RELEVANT, NOT_RELEVANT))
    th = "<th style='text-align:left;padding:4px 10px'>{}</th>"
    head = th.format(esc(table.index.name or "")) + "".join(
        th.format(esc(f"{table.columns.name}: {c}" if i == 0 else c))
        for i, c in enumerate(table.columns)
    )
    body = ""
    for i, row in enumerate(table.index):
        cells = "".join(
            "<td style='padding:4px 10px;border:1px solid #ccc'>"
            f"<b>{esc(number(int(table.loc[row, col]), lang))}</b> "
            f"<span style='color:#555'>{esc(_cell_name(keys[0][i], keys[1][j], lang))}</span>"
            "</td>"
            for j, col in enumerate(table.columns)
        )
        body += f"<tr>{th.format(esc(row))}{cells}</tr>"
    return (f"<table class='it-two-by-two' style='border-collapse:collapse'><thead><tr>{head}"
            f"</tr></thead><tbody>{body}</tbody></table>")


def _cell_name(row: str, column: str, lang: str | None) -> str:
    try:
        return CELL_NAMES.get_in((row, column), lang)
    except (KeyError, AttributeError):
        return ""


def _connections(k: int, lang: str | None) -> str:
    return message("app.mutuals.connection_one" if k == 1 else "app.mutuals.connection_many",
                   lang)


def _slider(model: MutualsModel, k: int, lang: str) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=k, min=int(model.thresholds[0]), max=int(model.thresholds[-1]), step=1,
        description=message("app.mutuals.at_least", lang),
        style={"description_width": "initial"},
    )


class MutualsTableApp(App):
    """The slider and the rule's 2×2 table only, before precision and recall are named."""

    def __init__(self, model: MutualsModel, k: int = 1, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.slider = _slider(model, k, lang)
        label = widgets.Label(message("app.mutuals.relevant_mutuals", lang))
        self.summary = summary_html()
        self.table: pd.DataFrame | None = None
        super().__init__([widgets.HBox([self.slider, label]), self.summary])
        self.slider.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        lang = self.lang
        k = int(self.slider.value)
        self.table = self.model.table(k, lang)
        passed = int(self.table.iloc[0].sum())  # the "let in" row
        self.summary.value = (
            "<p>" + esc(template("app.mutuals.table_summary", lang)).format(
                passed=f"<b>{esc(number(passed, lang))}</b>",
                total=esc(number(len(self.model.truth), lang)), k=esc(number(k, lang)),
                connections=esc(_connections(k, lang)))
            + "</p>" + table_html(self.table, lang)
        )


class MutualsApp(App):
    """A threshold slider; precision/recall curves with a moving marker; pass/held-back bars."""

    def __init__(self, model: MutualsModel, k: int = 1, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.slider = _slider(model, k, lang)
        label = widgets.Label(message("app.mutuals.relevant_mutuals", lang))
        self.figure = new_figure(8.0, 3.4)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[2.2, 1])
        self.ax, self.bx = ax, bx
        x = model.thresholds
        ax.plot(x, model.curve["precision"], color=MATTERS, marker="o", markersize=3,
                label=message("app.mutuals.legend_precision", lang))
        ax.plot(x, model.curve["recall"], color=NEUTRAL_DARK, marker="s", markersize=3,
                label=message("app.mutuals.legend_recall", lang))
        ax.plot(x, model.curve_all["precision"], color=MATTERS, linestyle="--", linewidth=1,
                label=message("app.mutuals.legend_precision_all", lang))
        ax.plot(x, model.curve_all["recall"], color=NEUTRAL_DARK, linestyle="--", linewidth=1,
                label=message("app.mutuals.legend_recall_all", lang))
        self.marker_line = ax.axvline(k, color="black", linewidth=1)
        (self.points,) = ax.plot([], [], "o", color="black", markersize=7, zorder=4)
        ax.set_ylim(0, 1.05)
        ax.set_xlim(x[0] - 0.3, x[-1] + 0.3)
        ax.set_xlabel(message("app.mutuals.xlabel", lang), fontsize=FONT_SIZE)
        ax.legend(fontsize=FONT_SIZE - 2, frameon=False, loc="upper center",
                  bbox_to_anchor=(0.5, -0.2), ncol=2)
        style_axes(ax)
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")

        positions = np.array([0, 1])
        self.bars_relevant = bx.bar(positions, [0, 0], color=MATTERS,
                                    label=message("app.mutuals.truly_relevant", lang))
        self.bars_other = bx.bar(positions, [0, 0], color=NEUTRAL,
                                 label=message("app.mutuals.not_relevant", lang))
        bx.set_xticks(positions, [message("app.mutuals.pass", lang),
                                  message("app.mutuals.held_back", lang)])
        bx.set_ylim(0, model.at(0).n_total * 1.05)
        bx.set_ylabel(message("app.common.invitations", lang), fontsize=FONT_SIZE)
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
        lang = self.lang
        r = self.model.at(self.slider.value)
        self.reading = r
        self.table = self.model.table(r.k, lang)
        self.marker_line.set_xdata([r.k, r.k])
        self.points.set_data([r.k, r.k], [r.precision, r.recall])
        self.title.set_text(message("app.mutuals.chart_title", lang, k=r.k,
                                    precision=share(r.precision, lang, 1),
                                    recall=share(r.recall, lang, 1)))
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
        col = {key: message(f"app.mutuals.col_{key}", lang)
               for key in ("rule", "pass", "precision", "recall")}
        rows = [
            {col["rule"]: message("app.mutuals.rule_relevant", lang, k=r.k),
             col["pass"]: number(r.passed, lang),
             col["precision"]: share(r.precision, lang, 1),
             col["recall"]: share(r.recall, lang, 1)},
            {col["rule"]: message("app.mutuals.rule_all", lang, k=r.k),
             col["pass"]: number(r.passed_all, lang),
             col["precision"]: share(r.precision_all, lang, 1),
             col["recall"]: share(r.recall_all, lang, 1)},
        ]

        def bold(value: str) -> str:
            return f"<b>{esc(value)}</b>"

        self.summary.value = (
            "<p>" + esc(template("app.mutuals.summary", lang)).format(
                passed=bold(number(r.passed, lang)), total=esc(number(r.n_total, lang)),
                k=esc(number(r.k, lang)), connections=esc(_connections(r.k, lang)),
                hits=bold(number(r.hits, lang)), hits_plain=esc(number(r.hits, lang)),
                precision=bold(share(r.precision, lang, 1)),
                n_relevant=esc(number(r.n_relevant, lang)),
                recall=bold(share(r.recall, lang, 1)))
            + "</p>" + table_html(self.table, lang) + html_table(rows, lang=lang)
        )


def mutuals_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
                k: int = 1, rates: bool = True,
                lang: str | None = None) -> MutualsApp | MutualsTableApp:
    """Chapter 03: set a minimum of relevant mutual connections; read the rule's 2×2 table
    and (unless ``rates=False``, used before the two rates are named) precision and recall."""

    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    model = MutualsModel(invitations, profile)
    return MutualsApp(model, k, lang) if rates else MutualsTableApp(model, k, lang)
