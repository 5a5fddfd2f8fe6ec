"""Chapter 09: when does size win? A slider per assumption; each policy's simulated value.

The model (:class:`~invite_triage.models.what_if.WhatIfModel`) asks the analysis for the
values (populations are simulated once per share and clue separation, then cached); this view
builds the chart once and, on every slider move, resizes its bars, moves its labels and
rewrites the verdict, the break-even sentence and the table.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from invite_triage.analysis.what_if import (
    ASSUMPTION_LABELS,
    ASSUMPTION_MEANINGS,
    COMPONENTS,
    PERSONA_LABELS,
    POLICY_LABELS,
    WEAK_TIES_SOURCE,
    WHAT_IF_PERSONAS,
    WHAT_IF_POLICIES,
    WHAT_IF_RANGES,
    WHAT_IF_STEPS,
)
from invite_triage.core.formats import decimal
from invite_triage.core.i18n import message, template
from invite_triage.models.what_if import COMPONENT_LABELS, WhatIfModel
from invite_triage.render.style import (
    FONT_SIZE,
    NEUTRAL_DARK,
    OKABE_ITO,
    esc,
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

#: Each policy's look: colour (Okabe–Ito) and hatching, so the bars read without colour too.
#: Straight-line hatches (diagonal, horizontal, vertical) draw several times faster than dots
#: or crosses, and stay distinct.
POLICY_STYLES: dict[str, dict[str, str]] = {
    "accept_all": {"color": OKABE_ITO["orange"], "hatch": "//", "hatchcolor": "#333333"},
    "balanced": {"color": OKABE_ITO["blue"], "hatch": "--", "hatchcolor": "white"},
    "known_only": {"color": OKABE_ITO["green"], "hatch": "||", "hatchcolor": "white"},
}
FIGSIZE = (9.6, 3.9)
#: Where the two panels sit, in figure fractions (left, bottom, width, height): room on the
#: left for the axis label, between the panels for the component names, on the right for the
#: legend, below for two-line labels. The sentences (verdict, break-even) are HTML under the
#: chart: readable by a screen reader, and cheaper than redrawn text.
VALUE_AXES = (0.07, 0.19, 0.26, 0.65)
PARTS_AXES = (0.5, 0.19, 0.31, 0.65)
DEFAULTS_OPTION = "defaults"


#: Bars are drawn to scale, the longest at full length, and each value bar carries its exact
#: number (the table gives every part's). The axes' limits then depend only on which signs
#: the values have, so nearly every slider move redraws only the bars and texts over a
#: background drawn once: no tick label ever changes.
FULL = 1.0
LABEL_ROOM = 0.32  # room beyond the longest value bar for its two-line label
PARTS_ROOM = 0.06


def _sign_limits(values: np.ndarray, room: float,
                 current: tuple[float, float] | None = None) -> tuple[float, float]:
    """(−, +) limits on the scaled axis: the sides the values reach, plus the sides of
    ``current`` (an axis only grows while the learner explores, so it rarely changes)."""
    low = -(FULL + room) if np.min(values) < 0 else 0.0
    high = FULL + room if np.max(values) > 0 or low == 0.0 else 0.0
    if current is not None:
        low, high = min(low, current[0]), max(high, current[1])
    return low, high


def _scale(values: np.ndarray) -> float:
    """What full length stands for: the largest magnitude (1 when all are zero)."""
    largest = float(np.max(np.abs(values))) if len(values) else 0.0
    return largest if largest > 0 else 1.0


class WhatIfChart:
    """Left: each policy's value. Right: where it comes from, component by component."""

    def __init__(self, frame: pd.DataFrame, verdict: str, figure: Figure | None = None,
                 lang: str | None = None):
        self.lang = lang
        self.figure = figure if figure is not None else new_figure(*FIGSIZE)
        self.figure.clear()
        # Fixed places, not constrained layout: the axes never move when a limit (and so the
        # width of the tick labels) changes, and nothing is ever cut.
        self.figure.set_layout_engine("none")
        self.ax = self.figure.add_axes(VALUE_AXES)
        self.parts_ax = self.figure.add_axes(PARTS_AXES)
        labels = [POLICY_LABELS.get_in(p, lang).replace(" ", "\n", 1) for p in WHAT_IF_POLICIES]
        x = np.arange(len(WHAT_IF_POLICIES))
        self.bars = self.ax.bar(
            x, np.zeros(len(x)), width=0.65, edgecolor=NEUTRAL_DARK, linewidth=0.8,
            color=[POLICY_STYLES[p]["color"] for p in WHAT_IF_POLICIES],
        )
        for bar, policy in zip(self.bars, WHAT_IF_POLICIES, strict=True):
            bar.set_hatch(POLICY_STYLES[policy]["hatch"])
            bar.set_hatchcolor(POLICY_STYLES[policy]["hatchcolor"])
        self.ax.set_xticks(x, labels)
        self.ax.set_xlim(-0.6, len(x) - 0.4)
        self.ax.set_ylim(0, FULL + LABEL_ROOM)
        self.zero_line = self.ax.axhline(0, color=NEUTRAL_DARK, linewidth=1)
        self.ax.set_ylabel(message("app.what_if.ylabel", lang), fontsize=FONT_SIZE)
        style_axes(self.ax)
        self.ax.set_yticks([])
        self.ax.grid(False)
        self.ax.set_title(message("app.what_if.value_title", lang), fontsize=FONT_SIZE + 1,
                          loc="left")
        self.value_labels = [self.ax.text(i, 0, "", ha="center", fontsize=FONT_SIZE)
                             for i in x]

        y = np.arange(len(COMPONENTS))
        height = 0.26
        self.part_bars = {}
        for k, policy in enumerate(WHAT_IF_POLICIES):
            style = POLICY_STYLES[policy]
            bars = self.parts_ax.barh(
                y + (k - 1) * height, np.zeros(len(y)), height=height, color=style["color"],
                edgecolor=NEUTRAL_DARK, linewidth=0.6, label=POLICY_LABELS.get_in(policy, lang),
            )
            for bar in bars:
                bar.set_hatch(style["hatch"])
                bar.set_hatchcolor(style["hatchcolor"])
            self.part_bars[policy] = bars
        self.parts_ax.set_yticks(y, [COMPONENT_LABELS.get_in(c, lang) for c in COMPONENTS])
        self.parts_ax.invert_yaxis()
        self.parts_ax.set_xlim(-(FULL + PARTS_ROOM), FULL + PARTS_ROOM)
        self.zero_vline = self.parts_ax.axvline(0, color=NEUTRAL_DARK, linewidth=1)
        self.parts_ax.set_xlabel(message("app.what_if.parts_xlabel", lang), fontsize=FONT_SIZE)
        style_axes(self.parts_ax)
        self.parts_ax.set_xticks([])
        self.parts_ax.grid(False)
        self.value_scale = self.parts_scale = 1.0
        self.parts_ax.set_title(message("app.what_if.parts_title", lang), fontsize=FONT_SIZE + 1,
                                loc="left")
        # Beside the bars, never over them: the legend stays out of every redraw.
        self.parts_ax.legend(fontsize=FONT_SIZE - 1, loc="upper left", frameon=False,
                             bbox_to_anchor=(1.0, 1.0))
        self.suptitle = self.figure.text(0.01, 0.985, "", fontsize=FONT_SIZE + 2, ha="left",
                                         va="top", fontweight="bold")
        self.update(frame, verdict, fit=True)

    def dynamic_artists(self) -> list:
        """Everything an update changes, and what is drawn over it (zero lines, spines,
        legend): the rest is drawn once (``FigureView.redraw_only``)."""
        artists = [*self.bars, *self.value_labels, self.suptitle,
                   self.zero_line, self.zero_vline]
        for bars in self.part_bars.values():
            artists.extend(bars)
        for ax in (self.ax, self.parts_ax):
            artists.extend([ax.spines["left"], ax.spines["bottom"]])
        return artists

    def update(self, frame: pd.DataFrame, verdict: str, fit: bool = False) -> bool:
        """Resize the bars, move the labels, rewrite the title in place.

        The value axis shows a negative side once a value was negative, and keeps it until
        ``fit`` (a fresh start) fits it to these values again. Returns whether its limits
        changed (then the whole figure must be redrawn)."""
        values = frame.loc[list(WHAT_IF_POLICIES), "value"].to_numpy(float)
        best = int(np.argmax(values))
        before = self.ax.get_ylim()
        self.ax.set_ylim(*_sign_limits(values, LABEL_ROOM, None if fit else before))
        self.value_scale = _scale(values)
        offset = 0.04
        for i, (bar, label, value) in enumerate(
                zip(self.bars, self.value_labels, values, strict=True)):
            height = value / self.value_scale
            bar.set_height(height)
            label.set_position((i, height + (offset if value >= 0 else -offset)))
            label.set_va("bottom" if value >= 0 else "top")
            text = decimal(value, 1, self.lang).replace("-", "−")
            if i == best:
                word = message("app.what_if.best", self.lang)
                text = f"{word}\n{text}" if value >= 0 else f"{text}\n{word}"
            label.set_text(text)
            label.set_fontweight("bold" if i == best else "normal")
        parts = frame.loc[list(WHAT_IF_POLICIES), list(COMPONENTS)].to_numpy(float)
        self.parts_scale = _scale(parts.ravel())
        for k, policy in enumerate(WHAT_IF_POLICIES):
            for bar, value in zip(self.part_bars[policy], parts[k], strict=True):
                bar.set_width(value / self.parts_scale)
        self.suptitle.set_text(verdict)
        return self.ax.get_ylim() != before

    def heights(self) -> dict[str, float]:
        """The values the bars show, by policy (their heights, scaled back)."""
        return {p: float(b.get_height()) * self.value_scale
                for p, b in zip(WHAT_IF_POLICIES, self.bars, strict=True)}

    def widths(self, policy: str) -> dict[str, float]:
        """One policy's component bars, by component."""
        return {c: float(b.get_width()) * self.parts_scale
                for c, b in zip(COMPONENTS, self.part_bars[policy], strict=True)}


class WhatIfApp(App):
    """One slider per assumption, a persona picker, the chart, the verdict and the table."""

    def __init__(self, model: WhatIfModel, persona: str | None = None,
                 lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.sliders: dict[str, widgets.FloatSlider] = {}
        for name, (low, _, high) in WHAT_IF_RANGES.items():
            step = WHAT_IF_STEPS[name]
            self.sliders[name] = widgets.FloatSlider(
                value=model.assumptions[name], min=low, max=high, step=step,
                description=ASSUMPTION_LABELS.get_in(name, lang), continuous_update=False,
                readout_format=".2f", style={"description_width": "19em"},
                layout=widgets.Layout(width="40em", max_width="100%"),
                tooltip=ASSUMPTION_MEANINGS.get_in(name, lang),
            )
        self.persona = widgets.Dropdown(
            options=[(message("app.what_if.our_defaults", lang), DEFAULTS_OPTION)]
            + [(PERSONA_LABELS.get_in(p, lang), p) for p in WHAT_IF_PERSONAS],
            value=persona or DEFAULTS_OPTION, description=message("app.what_if.start_from", lang),
            style={"description_width": "19em"},
            layout=widgets.Layout(width="40em", max_width="100%"),
        )
        frame = model.frame()
        self.what_if_chart = WhatIfChart(frame, model.verdict(frame), lang=lang)
        self.chart = FigureView(self.what_if_chart.figure)
        self.summary = summary_html()
        self.table = widgets.HTML()
        self.source = widgets.HTML(
            f"<p><small>{esc(message('app.what_if.source', lang, source=WEAK_TIES_SOURCE))}"
            "</small></p>"
        )
        self._holding = False
        self.frame: pd.DataFrame = frame
        controls = widgets.VBox([self.persona, *self.sliders.values()])
        super().__init__([controls, self.chart, self.summary, self.table, self.source])
        for slider in self.sliders.values():
            slider.observe(self._on_slider, names="value")
        self.persona.observe(self._on_persona, names="value")
        self.update()
        # Only the bars and texts are redrawn over the rest, unless an axis limit moves.
        self.chart.redraw_only(*self.what_if_chart.dynamic_artists())

    def _on_slider(self, change: dict) -> None:
        if not self._holding:
            self.update()

    def _on_persona(self, change: dict) -> None:
        self.apply(change["new"])

    @guarded
    def apply(self, persona: str) -> None:
        """Set every slider from a persona (or the defaults), then redraw once."""
        if persona == DEFAULTS_OPTION:
            self.model.reset()
        else:
            self.model.apply_persona(persona)
        self._holding = True
        try:
            for name, slider in self.sliders.items():
                slider.value = self.model.assumptions[name]
        finally:
            self._holding = False
        self.update(fit=True)

    @guarded
    def update(self, fit: bool = False) -> None:
        """Read the sliders, simulate, redraw; ``fit``: refit the value axis to the values."""
        self.model.update({name: float(s.value) for name, s in self.sliders.items()})
        frame = self.model.frame()
        self.frame = frame
        verdict = self.model.verdict(frame)
        break_even = self.model.break_even().sentence
        if self.what_if_chart.update(frame, verdict.split(" (")[0], fit=fit):
            self.chart.static_changed()
        self.chart.refresh()
        self.summary.value = (
            f"<p style='font-size:110%'><b>{esc(break_even)}</b></p><p>{esc(verdict)}</p>"
            "<p><small>" + esc(template("app.what_if.your_settings", self.lang)).format(
                settings=f"<code>{esc(self.model.settings_text())}</code>")
            + "</small></p>"
        )
        self.table.value = html_table(self.model.rows(frame), lang=self.lang)


def what_if_app(persona: str | None = None, lang: str | None = None,
                **assumptions: float) -> WhatIfApp:
    """Chapter 09: move the assumptions; see which policy a world built on them rewards.

    ``persona`` (``job_seeker``, ``salesperson``, ``community_manager``) starts from that
    person's settings; keyword assumptions override them. The app speaks ``lang`` (None:
    the process language)."""
    lang = app_language(lang)
    return WhatIfApp(WhatIfModel(assumptions or None, persona, lang), persona, lang)
