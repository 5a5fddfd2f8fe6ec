"""Chapter 00: tick your goals, see which job families matter to you and how much.

The view of :class:`~invite_triage.models.goals.GoalsModel`: tick boxes built once, a bar
chart of family weights updated in place.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from invite_triage.core.formats import decimal
from invite_triage.core.i18n import label, labels, message, template
from invite_triage.domain.profile import FAMILIES, GOALS, RELEVANT_WEIGHT, Profile
from invite_triage.models.goals import GoalsModel
from invite_triage.render.app_charts import family_bars
from invite_triage.render.style import (
    FONT_SIZE,
    MATTERS,
    NEUTRAL,
    NEUTRAL_DARK,
    esc,
    freeze_layout,
    new_figure,
)
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    summary_html,
    with_lang,
)
from invite_triage.world.datasets import example_profile


def goal_labels(lang: str | None = None) -> dict[str, str]:
    """Each goal's label in ``lang`` (the catalog's ``label.goal.*``)."""
    return labels("goal", GOALS, lang)


def __getattr__(name: str) -> dict[str, str]:
    if name == "GOAL_LABELS":  # the English labels, for older imports
        return goal_labels("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class GoalsApp(App):
    """Tick boxes for the four goals; a bar chart of family weights updated in place."""

    def __init__(self, model: GoalsModel, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.goal_labels = goal_labels(lang)
        self.checkboxes = {
            goal: widgets.Checkbox(
                value=goal in model.profile.goals,
                description=self.goal_labels[goal],
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for goal in GOALS
        }
        self.figure = new_figure(6.4, 3.0)
        self.ax = self.figure.add_subplot()
        y, self.bars = with_lang(family_bars, self.ax, np.zeros(len(FAMILIES)), lang=lang)
        self.labels = [
            self.ax.text(0, yi, "", va="center", fontsize=FONT_SIZE) for yi in y
        ]
        self.cutoff = self.ax.axvline(RELEVANT_WEIGHT, color=NEUTRAL_DARK, linestyle="--",
                                      linewidth=1)
        self.cutoff_label = self.ax.text(
            RELEVANT_WEIGHT + 0.02, len(FAMILIES) - 1.5, message("app.goals.cutoff", lang),
            fontsize=FONT_SIZE - 1, color=NEUTRAL_DARK, va="center",
        )
        self.ax.set_xlim(0, 1.15)
        self.ax.set_xlabel(message("app.goals.xlabel", lang), fontsize=FONT_SIZE)
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        boxes = widgets.HBox(list(self.checkboxes.values()),
                             layout=widgets.Layout(flex_flow="row wrap"))
        heading = widgets.HTML(f"<b>{esc(message('app.goals.heading', lang))}</b>")
        super().__init__([heading, boxes, self.chart, self.summary])
        for box in self.checkboxes.values():
            box.observe(self._on_change, names="value")
        self.update()
        freeze_layout(self.figure)
        # Ticking changes only the bars, their labels and the title; the rest is drawn once
        # (blitting). The cut-off line, its label and the spines sit above the bars.
        self.chart.redraw_only(*self.bars, *self.labels, self.title, self.cutoff,
                               self.cutoff_label, self.ax.spines["left"],
                               self.ax.spines["bottom"])

    @property
    def goals(self) -> tuple[str, ...]:
        return tuple(g for g, box in self.checkboxes.items() if box.value)

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        lang = self.lang

        def label_of(family: str) -> str:
            return label("family", family, lang)

        weights = self.model.weights(self.goals)
        matters = self.model.matters(self.goals)
        self.weights = weights
        for bar, text, (family, weight) in zip(self.bars, self.labels, weights.items(),
                                               strict=True):
            bar.set_width(weight)
            bar.set_color(MATTERS if family in matters else NEUTRAL)
            text.set_x(weight + 0.02)
            text.set_text(decimal(weight, 2, lang))
        self.title.set_text(message("app.goals.title", lang, families=", ".join(
            label_of(f) for f in matters)))
        self.chart.refresh()
        goals = (", ".join(self.goal_labels[g] for g in self.goals)
                 or message("app.goals.none_ticked", lang))
        families = ", ".join(f"{esc(label_of(f))} ({decimal(weights[f], 2, lang)})"
                             for f in matters)
        self.summary.value = (
            "<p>" + template("app.goals.summary_goals", lang).format(goals=esc(goals))
            + "<br>" + template("app.goals.summary_families", lang).format(
                threshold=esc(decimal(RELEVANT_WEIGHT, 1, lang)), families=families)
            + "</p>"
        )


def goals_app(profile: Profile | None = None, lang: str | None = None) -> GoalsApp:
    """Chapter 00: pick your goals, see which job families matter to you and how much."""
    lang = app_language(lang)
    return GoalsApp(GoalsModel(example_profile(lang) if profile is None else profile), lang)
