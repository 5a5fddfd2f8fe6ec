"""Chapter 06: your triage settings — one slider per criterion weight, plus the accept and ask
thresholds.

The decision counts, a bar chart and the precision / recall / F1 of "accept" against the
hidden ground truth update live (:class:`~invite_triage.models.weights.WeightsModel` scores the
criteria once; a move re-runs only the weighted sum and the decisions). The engine
(``triage.py``) validates weights and thresholds; its messages (all weights zero, ask above
accept) are shown in the app's error area.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from invite_triage.core.formats import decimal, share
from invite_triage.core.i18n import label, message, template
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import Profile
from invite_triage.models.policy import AcceptQuality
from invite_triage.models.weights import WeightsModel, WeightsResult
from invite_triage.render.app_charts import DecisionBars
from invite_triage.render.style import esc, freeze_layout
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    summary_html,
    with_lang,
)
from invite_triage.widgets.policy_app import counts_html
from invite_triage.world.datasets import example_profile, load_invitations

#: Weight sliders go from 0 to this; the presets sum to 1, so each starts well inside.
MAX_WEIGHT = 1.0


def quality_html(quality: AcceptQuality | None, lang: str | None = None) -> str:
    if quality is None:
        return f"<p>{esc(message('app.weights.no_truth', lang))}</p>"
    return "<p>" + esc(template("app.weights.quality", lang)).format(
        precision=f"<b>{esc(share(quality.precision, lang))}</b>",
        recall=f"<b>{esc(share(quality.recall, lang))}</b>",
        f1=f"<b>{esc(decimal(quality.f1, 2, lang))}</b>",
    ) + "</p>"


class WeightsApp(App):
    """Sliders for the six weights and two thresholds; counts, bars and quality update live."""

    def __init__(self, model: WeightsModel, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        wide = {"description_width": "initial"}
        self.sliders = {
            name: widgets.FloatSlider(
                value=float(model.weights[name]), min=0.0, max=MAX_WEIGHT, step=0.01,
                description=label("criterion", name, lang), readout_format=".2f", style=wide,
            )
            for name in CRITERIA
        }
        self.accept_slider = widgets.FloatSlider(
            value=model.thresholds["accept"], min=0.0, max=1.0, step=0.01,
            description=message("app.weights.accept", lang), readout_format=".2f", style=wide,
        )
        self.ask_slider = widgets.FloatSlider(
            value=model.thresholds["ask"], min=0.0, max=1.0, step=0.01,
            description=message("app.weights.ask", lang), readout_format=".2f", style=wide,
        )
        self.reset_button = widgets.Button(description=message("app.weights.reset", lang),
                                           tooltip=message("app.weights.reset_tooltip", lang),
                                           layout=widgets.Layout(width="auto"))
        self.bars = with_lang(DecisionBars, len(model.invitations), lang=lang)
        self.chart = FigureView(self.bars.figure)
        self.summary = summary_html()
        self.result: WeightsResult | None = None
        weights_box = widgets.VBox([
            widgets.HTML(f"<b>{esc(message('app.weights.heading_weights', lang))}</b>"),
            *self.sliders.values()])
        thresholds_box = widgets.VBox([
            widgets.HTML(f"<b>{esc(message('app.weights.heading_thresholds', lang))}</b>"),
                                       self.accept_slider, self.ask_slider, self.reset_button])
        super().__init__([widgets.HBox([weights_box, thresholds_box]), self.chart,
                          self.summary])
        for slider in (*self.sliders.values(), self.accept_slider, self.ask_slider):
            slider.observe(self._on_change, names="value")
        self.reset_button.on_click(lambda _b: self.reset())
        self.update()
        self.chart.redraw_only(*self.bars.dynamic_artists())  # the rest is drawn once

    @property
    def weights(self) -> dict[str, float]:
        return {name: float(s.value) for name, s in self.sliders.items()}

    @property
    def thresholds(self) -> dict[str, float]:
        return {"accept": float(self.accept_slider.value), "ask": float(self.ask_slider.value)}

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def reset(self) -> None:
        for name, slider in self.sliders.items():
            slider.value = float(self.model.weights[name])
        self.accept_slider.value = self.model.thresholds["accept"]
        self.ask_slider.value = self.model.thresholds["ask"]

    @guarded
    def update(self) -> None:
        try:
            result = self.model.run(self.weights, self.thresholds)
        except Exception:
            self.result = None
            self.summary.value = (
                f"<p><em>{esc(message('app.weights.no_result', self.lang))}</em></p>")
            raise
        self.result = result
        lang, t = self.lang, self.thresholds
        self.bars.update(result.counts, message(
            "app.weights.chart_title", lang, accept=decimal(t["accept"], 2, lang),
            ask=decimal(t["ask"], 2, lang)))
        self.chart.refresh()
        freeze_layout(self.bars.figure)
        self.summary.value = (counts_html(result.counts, lang)
                              + quality_html(result.quality, lang))


def weights_app(invitations: pd.DataFrame | None = None,
                profile: Profile | None = None, lang: str | None = None) -> WeightsApp:
    """Chapter 06: tune the criterion weights and the thresholds; watch decisions change."""

    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return WeightsApp(WeightsModel(invitations, profile), lang)
