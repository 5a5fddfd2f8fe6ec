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

from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import Profile
from invite_triage.models.policy import AcceptQuality
from invite_triage.models.weights import WeightsModel, WeightsResult
from invite_triage.render.app_charts import DecisionBars
from invite_triage.render.style import fmt_share, freeze_layout
from invite_triage.widgets.base import App, FigureView, guarded, summary_html
from invite_triage.widgets.policy_app import counts_html
from invite_triage.world.datasets import example_profile, load_invitations

#: Weight sliders go from 0 to this; the presets sum to 1, so each starts well inside.
MAX_WEIGHT = 1.0


def quality_html(quality: AcceptQuality | None) -> str:
    if quality is None:
        return "<p>No ground truth in this data: precision and recall cannot be measured.</p>"
    return (
        "<p>Against the hidden ground truth of the synthetic data, “accept” has precision "
        f"<b>{fmt_share(quality.precision)}</b> (the accepted who are truly relevant), recall "
        f"<b>{fmt_share(quality.recall)}</b> (the truly relevant you accept) and F1 "
        f"<b>{quality.f1:.2f}</b>.</p>"
    )


class WeightsApp(App):
    """Sliders for the six weights and two thresholds; counts, bars and quality update live."""

    def __init__(self, model: WeightsModel):
        self.model = model
        self.sliders = {
            name: widgets.FloatSlider(
                value=float(model.weights[name]), min=0.0, max=MAX_WEIGHT, step=0.01,
                description=name, readout_format=".2f",
            )
            for name in CRITERIA
        }
        self.accept_slider = widgets.FloatSlider(
            value=model.thresholds["accept"], min=0.0, max=1.0, step=0.01,
            description="accept ≥", readout_format=".2f",
        )
        self.ask_slider = widgets.FloatSlider(
            value=model.thresholds["ask"], min=0.0, max=1.0, step=0.01,
            description="ask ≥", readout_format=".2f",
        )
        self.reset_button = widgets.Button(description="Reset to preset",
                                           tooltip="Back to the preset weights and thresholds")
        self.bars = DecisionBars(len(model.invitations))
        self.chart = FigureView(self.bars.figure)
        self.summary = summary_html()
        self.result: WeightsResult | None = None
        weights_box = widgets.VBox([widgets.HTML("<b>Weights</b>"), *self.sliders.values()])
        thresholds_box = widgets.VBox([widgets.HTML("<b>Thresholds on the score</b>"),
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
            self.summary.value = "<p><em>No result: fix the settings (see below).</em></p>"
            raise
        self.result = result
        t = self.thresholds
        self.bars.update(result.counts, f"accept ≥ {t['accept']:.2f}, ask ≥ {t['ask']:.2f}")
        self.chart.refresh()
        freeze_layout(self.bars.figure)
        self.summary.value = counts_html(result.counts) + quality_html(result.quality)


def weights_app(invitations: pd.DataFrame | None = None,
                profile: Profile | None = None) -> WeightsApp:
    """Chapter 06: tune the criterion weights and the thresholds; watch decisions change."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return WeightsApp(WeightsModel(invitations, profile))
