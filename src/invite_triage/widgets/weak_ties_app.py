"""Chapter 03: the weak-ties result (Rajkumar et al., Science 377, 2022) as a schematic: an
inverted U between tie strength and job mobility. Its shape follows the paper's finding; it is
not their data, and the chart says so (``render.app_charts.plot_weak_ties_schematic``).
"""

from __future__ import annotations

from invite_triage.core.i18n import message, template
from invite_triage.render.app_charts import (
    SCHEMATIC_LABEL,
    WEAK_TIES_SOURCE,
    plot_weak_ties_schematic,
)
from invite_triage.render.style import esc, freeze_layout
from invite_triage.widgets.base import App, FigureView, app_language, summary_html, with_lang


def _schematic_label(lang: str) -> str:
    """The chart's disclaimer ("schematic … not their data") in ``lang``."""
    try:
        return message("chart.weak_ties.schematic", lang)
    except Exception:  # the charts' catalog does not have it yet: the English constant
        return SCHEMATIC_LABEL


class WeakTiesApp(App):
    """The schematic with its caption and source; nothing to move, one figure."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang = app_language(lang)
        self.figure = with_lang(plot_weak_ties_schematic, lang=lang)
        self.chart = FigureView(self.figure)
        freeze_layout(self.figure)  # nothing moves: a redraw need not lay the figure out again
        label = _schematic_label(lang)
        self.summary = summary_html(
            value="<p>" + esc(template("app.weak_ties.caption", lang)).format(
                label=f"<em>{esc(label[:1].upper() + label[1:])}</em>",
                source=esc(WEAK_TIES_SOURCE),
            ) + "</p>"
        )
        super().__init__([self.chart, self.summary])


def weak_ties_app(lang: str | None = None) -> WeakTiesApp:
    """Chapter 03: the weak-ties result as an inverted-U schematic, clearly labelled."""
    return WeakTiesApp(lang)


__all__ = ["SCHEMATIC_LABEL", "WEAK_TIES_SOURCE", "WeakTiesApp", "plot_weak_ties_schematic",
           "weak_ties_app"]
