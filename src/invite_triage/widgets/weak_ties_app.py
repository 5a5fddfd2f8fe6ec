"""Chapter 03: the weak-ties result (Rajkumar et al., Science 377, 2022) as a schematic: an
inverted U between tie strength and job mobility. Its shape follows the paper's finding; it is
not their data, and the chart says so (``render.app_charts.plot_weak_ties_schematic``).
"""

from __future__ import annotations

from invite_triage.render.app_charts import (
    SCHEMATIC_LABEL,
    WEAK_TIES_SOURCE,
    plot_weak_ties_schematic,
)
from invite_triage.render.style import esc
from invite_triage.widgets.base import App, FigureView, summary_html


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


__all__ = ["SCHEMATIC_LABEL", "WEAK_TIES_SOURCE", "WeakTiesApp", "plot_weak_ties_schematic",
           "weak_ties_app"]
