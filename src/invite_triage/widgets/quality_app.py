"""Chapter 07: quality versus size — move the accept threshold along the trade-off curve.

The curve is precomputed once (``quality.QualityCurve``: one triage, then cumulative sums), so
the slider only looks values up and moves the marked point of ``charts.QualityChart``. The
numbers under the chart keep estimates (what the criteria can see) and ground truth (the
synthetic world's hidden answers) in separate, labelled columns.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
from matplotlib.legend import Legend
from matplotlib.transforms import Bbox

from invite_triage.analysis.quality import QualityCurve
from invite_triage.core.formats import decimal, number, percent
from invite_triage.core.i18n import message, template
from invite_triage.domain.profile import Profile
from invite_triage.domain.taxonomy import LINKEDIN_CAP_SOURCE, LINKEDIN_CONNECTION_CAP
from invite_triage.models.quality import QualityModel, format_metric
from invite_triage.render.charts import QualityChart
from invite_triage.render.style import FONT_SIZE, freeze_layout
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    html_table,
    summary_html,
    with_lang,
)
from invite_triage.world.datasets import example_profile, load_invitations


class QualityApp(App):
    """A threshold slider moving the marked point along the quality-versus-size curve."""

    def __init__(self, model: QualityModel, threshold: float | None = None,
                 lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        start = model.curve.default_threshold if threshold is None else float(threshold)
        self.slider = widgets.FloatSlider(
            value=start, min=0.0, max=1.0, step=0.01,
            description=message("app.quality.accept", lang),
            readout_format=".2f", style={"description_width": "initial"},
        )
        self.quality_chart = with_lang(QualityChart, model.curve, start, lang=lang)
        self.legend = _legend_below(self.quality_chart)
        self.chart = FigureView(self.quality_chart.figure)
        self.summary = summary_html()
        self.table = widgets.HTML()
        self.point: dict[str, float] | None = None
        super().__init__([self.slider, self.chart, self.summary, self.table])
        self.slider.observe(self._on_change, names="value")
        self.update()
        # Laid out once: later moves skip constrained layout (a third of a redraw), and draw
        # only the marks, their label and the title over the rest drawn once (blitting). The
        # spines sit above the marks, so they are redrawn over them; the legend, below the
        # axes, is out of the marks' reach and drawn once (redrawn only if it were not).
        chart = self.quality_chart
        freeze_layout(chart.figure)
        over = self.legend is not None and _in_reach(chart, self.legend)
        self.chart.redraw_only(
            chart.marker, chart.noise_marker, chart.label,
            chart.ax._left_title,  # what ``ax.set_title(..., loc="left")`` sets
            *([self.legend] if over else []),
            chart.ax.spines["left"], chart.ax.spines["bottom"],
        )

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        threshold = float(self.slider.value)
        here = self.model.at(threshold)
        self.point = here
        self.quality_chart.update(threshold)
        self.chart.refresh()
        lang = self.lang
        size = here["size"]
        source = message("app.quality.label_truth" if self.model.has_truth
                         else "app.quality.label_estimate", lang)
        relevance = here.get("relevance_share_true" if self.model.has_truth
                             else "relevance_share")
        self.summary.value = (
            "<p>" + html.escape(template("app.quality.summary_size", lang)).format(
                threshold=f"<b>{html.escape(decimal(threshold, 2, lang))}</b>",
                size=f"<b>{html.escape(number(size, lang))}</b>",
                total=html.escape(number(self.model.total, lang)),
                relevance=f"<b>{html.escape(format_metric('relevance_share', relevance, lang))}"
                          "</b>",
                source=html.escape(source))
            + "</p><p>" + html.escape(message(
                "app.quality.summary_cap", lang, cap=number(LINKEDIN_CONNECTION_CAP, lang),
                source=LINKEDIN_CAP_SOURCE,
                share=percent(size / LINKEDIN_CONNECTION_CAP, lang, 1)))
            + "</p>"
        )
        self.table.value = html_table(self.model.rows(threshold, lang), lang=lang)


def _legend_below(chart: QualityChart) -> Legend | None:
    """Move the chart's legend under the axes (two columns). Inside the axes, the marks that
    move along the curves pass under it, so every move would redraw it (a third of a
    redraw); below, it is drawn once. Its entries and wording are the chart's own."""
    legend = chart.ax.get_legend()
    if legend is None:
        return None
    handles, labels = chart.ax.get_legend_handles_labels()
    size = legend.get_texts()[0].get_fontsize() if legend.get_texts() else FONT_SIZE - 1
    legend.remove()
    return chart.figure.legend(handles, labels, loc="outside lower center", ncols=2,
                               fontsize=size, frameon=False)


def _in_reach(chart: QualityChart, legend: Legend) -> bool:
    """Whether ``legend`` covers a place the moving marks or their label can reach: the marks
    sit on the curves inside the axes (at most a marker's radius beyond them), and the label
    goes up and to the right of its mark."""
    figure = chart.figure
    renderer = figure.canvas.get_renderer()
    box = legend.get_window_extent(renderer)
    sizes = [line.get_markersize() + line.get_markeredgewidth()
             for line in (chart.marker, chart.noise_marker)]
    radius = max(sizes) / 2 * figure.dpi / 72 + 2
    axes = chart.ax.get_window_extent(renderer)
    reach = Bbox.from_extents(axes.x0 - radius, axes.y0 - radius,
                              max(axes.x1, figure.bbox.x1) + radius,
                              max(axes.y1, figure.bbox.y1) + radius)
    return bool(box.overlaps(reach))


def quality_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
                threshold: float | None = None, curve: QualityCurve | None = None,
                lang: str | None = None) -> QualityApp:
    """Chapter 07: slide the accept threshold; see size, relevance, noise, exposure, reach.

    Pass a ``QualityCurve`` already built (``curve=``) to skip computing it again."""
    lang = app_language(lang)
    if curve is None:
        invitations = load_invitations() if invitations is None else invitations
        profile = example_profile(lang) if profile is None else profile
        curve = QualityCurve.from_invitations(invitations, profile)
    return QualityApp(QualityModel(curve, lang), threshold, lang)
