"""Chapter 00: tick your goals, see which job families matter to you and how much.

The view of :class:`~invite_triage.models.goals.GoalsModel`: tick boxes built once, a bar
chart of family weights updated in place.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

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
from invite_triage.widgets.base import App, FigureView, guarded, summary_html
from invite_triage.world.datasets import example_profile

GOAL_LABELS = {
    "job_search": "job search",
    "prospecting": "prospecting (finding clients)",
    "client_retention": "client retention",
    "reputation": "reputation (your image)",
}


class GoalsApp(App):
    """Tick boxes for the four goals; a bar chart of family weights updated in place."""

    def __init__(self, model: GoalsModel):
        self.model = model
        self.checkboxes = {
            goal: widgets.Checkbox(
                value=goal in model.profile.goals,
                description=GOAL_LABELS[goal],
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for goal in GOALS
        }
        self.figure = new_figure(6.4, 3.0)
        self.ax = self.figure.add_subplot()
        y, self.bars = family_bars(self.ax, np.zeros(len(FAMILIES)))
        self.labels = [
            self.ax.text(0, yi, "", va="center", fontsize=FONT_SIZE) for yi in y
        ]
        self.cutoff = self.ax.axvline(RELEVANT_WEIGHT, color=NEUTRAL_DARK, linestyle="--",
                                      linewidth=1)
        self.cutoff_label = self.ax.text(
            RELEVANT_WEIGHT + 0.02, len(FAMILIES) - 1.5, "matters from here →",
            fontsize=FONT_SIZE - 1, color=NEUTRAL_DARK, va="center",
        )
        self.ax.set_xlim(0, 1.15)
        self.ax.set_xlabel("how much the family matters to you (weight)", fontsize=FONT_SIZE)
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        boxes = widgets.HBox(list(self.checkboxes.values()),
                             layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([widgets.HTML("<b>Your goals</b>"), boxes, self.chart, self.summary])
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
        weights = self.model.weights(self.goals)
        matters = self.model.matters(self.goals)
        self.weights = weights
        for bar, label, (family, weight) in zip(self.bars, self.labels, weights.items(),
                                                strict=True):
            bar.set_width(weight)
            bar.set_color(MATTERS if family in matters else NEUTRAL)
            label.set_x(weight + 0.02)
            label.set_text(f"{weight:.2f}")
        self.title.set_text("Matters to you: " + ", ".join(matters))
        self.chart.refresh()
        goals = ", ".join(GOAL_LABELS[g] for g in self.goals) or "none ticked"
        self.summary.value = (
            f"<p><b>Goals:</b> {esc(goals)}<br><b>Families that matter to you</b> "
            f"(weight ≥ {RELEVANT_WEIGHT}): "
            + ", ".join(f"{esc(f)} ({weights[f]:.2f})" for f in matters)
            + "</p>"
        )


def goals_app(profile: Profile | None = None) -> GoalsApp:
    """Chapter 00: pick your goals, see which job families matter to you and how much."""
    return GoalsApp(GoalsModel(example_profile() if profile is None else profile))
