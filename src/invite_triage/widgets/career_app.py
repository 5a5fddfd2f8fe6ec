"""Chapter 02: beginners and experts, and what your willingness to mentor changes.

:func:`career_app` has a mentoring slider (``Profile.mentoring``) and a slider for the weight
of the career criterion in the triage. It shows, among the invitations the career criterion
treats as early-career, how the decisions move across the whole mentoring range, and the
career scores of beginners and of everyone else at the current setting. Career stage changes
the kind of relationship; the app makes visible that it is never on its own a reason to decline.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from invite_triage.core.formats import decimal, number, percent
from invite_triage.core.i18n import label, message, template
from invite_triage.domain.profile import Profile
from invite_triage.models.career import MENTORING_GRID, CareerModel, CareerReading
from invite_triage.render.style import (
    DECISION_COLOURS,
    DECISIONS,
    FONT_SIZE,
    MATTERS,
    MATTERS_LIGHT,
    NEUTRAL,
    category_labels,
    clip_text,
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

GROUP_KEYS = ("in_field", "other", "rest")


def group_labels(lang: str | None = None) -> tuple[str, ...]:
    """The three groups of the score bars, in ``lang``."""
    return tuple(message(f"app.career.group_{key}", lang) for key in GROUP_KEYS)


class CareerApp(App):
    """Mentoring and career-weight sliders; decisions-vs-mentoring lines; career-score bars."""

    def __init__(self, model: CareerModel, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.slider = widgets.FloatSlider(
            value=float(model.profile.mentoring), min=0.0, max=1.0, step=0.05,
            description=message("app.career.mentoring", lang), readout_format=".2f",
            continuous_update=False,
        )
        self.weight_slider = widgets.FloatSlider(
            value=model.preset_career_weight, min=0.0, max=0.5, step=0.01,
            description=message("app.career.weight", lang), readout_format=".2f",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self.figure = new_figure(8.6, 3.6)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[1.6, 1])
        self.ax, self.bx = ax, bx
        self.lines = {
            d: ax.plot(MENTORING_GRID, np.zeros(len(MENTORING_GRID)), marker="o", markersize=4,
                       color=DECISION_COLOURS[d], label=label("decision", d, lang))[0]
            for d in DECISIONS
        }
        self.marker = ax.axvline(model.profile.mentoring, color="black", linewidth=1)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(0, max(model.n_beginners, 1) * 1.08)
        ax.set_xlabel(message("app.career.xlabel", lang), fontsize=FONT_SIZE)
        ax.set_ylabel(message("app.career.ylabel", lang), fontsize=FONT_SIZE)
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")
        self.legend = ax.legend(fontsize=FONT_SIZE - 2, frameon=False, loc="center right")
        style_axes(ax)
        self.score_bars = bx.bar(range(3), [0, 0, 0], color=[MATTERS, MATTERS_LIGHT, NEUTRAL])
        self.score_labels = [bx.text(i, 0, "", ha="center", va="bottom", fontsize=FONT_SIZE - 1)
                             for i in range(3)]
        bx.set_xticks(range(3), category_labels(bx, group_labels(lang), FONT_SIZE - 1),
                      fontsize=FONT_SIZE - 1)
        bx.set_ylim(0, 1.12)
        bx.set_title(message("app.career.scores_title", lang), fontsize=FONT_SIZE, loc="left")
        style_axes(bx)
        bx.grid(False, axis="x")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.table = widgets.HTML()
        self.reading: CareerReading | None = None
        self._curve_weight: float | None = None
        super().__init__([widgets.HBox([self.slider, self.weight_slider]), self.chart,
                          self.summary, self.table])
        self.slider.observe(self._on_change, names="value")
        self.weight_slider.observe(self._on_change, names="value")
        self.update()
        freeze_layout(self.figure)
        # Moves change only these; axes, ticks and labels are drawn once (blitting). The
        # legend and the spines sit above the lines and bars, so they are redrawn over them.
        self.chart.redraw_only(
            *self.lines.values(), self.marker, self.title, *self.score_bars,
            *self.score_labels, self.legend, ax.spines["bottom"], bx.spines["bottom"],
        )

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        lang = self.lang
        weight = float(self.weight_slider.value)
        if self._curve_weight != weight:
            curve = self.model.curve(weight)
            for decision, line in self.lines.items():
                line.set_ydata(curve[decision].to_numpy(float))
            self._curve_weight = weight
            self.title.set_text(message(
                "app.career.chart_title", lang, n=number(self.model.n_beginners, lang),
                weight=decimal(weight, 2, lang)))
        reading = self.model.at(self.slider.value, weight)
        self.reading = reading
        self.marker.set_xdata([reading.mentoring, reading.mentoring])
        for bar, text, value in zip(self.score_bars, self.score_labels, reading.mean_scores,
                                    strict=True):
            height = 0.0 if np.isnan(value) else value
            bar.set_height(height)
            text.set_y(height + 0.02)
            text.set_text("—" if np.isnan(value) else decimal(value, 2, lang))
        self.chart.refresh()
        c, r = reading.counts, reading.relevant_counts
        n_relevant = sum(r.values())
        names = {d: esc(label("decision", d, lang)) for d in DECISIONS}
        rest = reading.mean_scores[2]
        self.summary.value = (
            "<p>" + esc(template("app.career.summary_counts", lang)).format(
                mentoring=f"<b>{esc(decimal(reading.mentoring, 2, lang))}</b>",
                weight=f"<b>{esc(decimal(weight, 2, lang))}</b>",
                n=esc(number(self.model.n_beginners, lang)),
                counts=", ".join(f"<b>{esc(number(c[d], lang))}</b> {names[d]}"
                                 for d in DECISIONS))
            + "<br>" + esc(template("app.career.summary_relevant", lang)).format(
                n=esc(number(n_relevant, lang)),
                counts=", ".join(f"{esc(number(r[d], lang))} {names[d]}" for d in DECISIONS),
                recall=esc(percent(reading.recall, lang)) if not np.isnan(reading.recall)
                else "—")
            + "<br>" + esc(message("app.career.summary_rest", lang,
                                   score="—" if np.isnan(rest) else decimal(rest, 2, lang)))
            + "</p>"
        )
        col = {key: message(f"app.career.col_{key}", lang)
               for key in ("title", "years", "decision", "reasons")}
        rows = [
            {col["title"]: clip_text(str(row.title), 60),
             col["years"]: decimal(row.years_experience, 1, lang),
             col["decision"]: label("decision", row.decision, lang)
             if row.decision in DECISIONS else row.decision,
             col["reasons"]: row.reasons}
            for row in reading.samples.itertuples(index=False)
        ]
        heading = esc(message("app.career.table_heading", lang))
        self.table.value = f"<p><b>{heading}</b></p>" + html_table(rows, lang=lang)


def career_app(invitations: pd.DataFrame | None = None,
               profile: Profile | None = None, lang: str | None = None) -> CareerApp:
    """Chapter 02: move your willingness to mentor and see what happens to beginners."""

    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return CareerApp(CareerModel(invitations, profile), lang)
