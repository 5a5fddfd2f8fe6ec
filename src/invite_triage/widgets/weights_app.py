"""Chapters 05–06: your triage settings — the policy, the criterion weights, the thresholds.

- :func:`policy_app` — a toggle between the three policies (balanced, known people only,
  open) showing how many invitations each accepts, asks about and declines. The three triages
  are computed once when the app is built; the toggle only switches between them.
- :func:`weights_app` — one slider per criterion weight, plus the accept and ask thresholds;
  the decision counts, a bar chart and the precision / recall / F1 of "accept" against the
  hidden ground truth update live (the criteria are scored once; a move re-runs only the
  weighted sum and the decisions).

The engine (``triage.py``) validates weights and thresholds; its messages (all weights zero,
ask above accept) are shown in the app's error area.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import POLICIES, Profile
from invite_triage.domain.triage import DEFAULT_THRESHOLDS, PreparedTriage, preset_weights
from invite_triage.widgets._style import (
    DECISION_COLOURS,
    DECISION_LABELS,
    DECISIONS,
    FONT_SIZE,
    fmt_share,
    freeze_layout,
    new_figure,
    style_axes,
)
from invite_triage.widgets.base import App, FigureView, guarded, html_table, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

POLICY_LABELS: dict[str, str] = {
    "balanced": "balanced (the criteria)",
    "known_only": "known people only",
    "open": "open (reach)",
}
POLICY_MEANINGS: dict[str, str] = {
    "balanced": "The criteria decide: job, career, mutual connections, groups, whether you know "
                "them, and their note.",
    "known_only": "The article's strict rule: accept only people you have met or talk to "
                  "regularly; everyone else is declined, however interesting.",
    "open": "For reach: accept anyone without a warning sign (a sales pitch, or no mutual "
            "connection and a generic note).",
}
#: Weight sliders go from 0 to this; the presets sum to 1, so each starts well inside.
MAX_WEIGHT = 1.0


def decision_counts(triaged: pd.DataFrame) -> dict[str, int]:
    """How many invitations get each decision, always in the order accept, ask, decline."""
    counts = triaged["decision"].value_counts()
    return {d: int(counts.get(d, 0)) for d in DECISIONS}


@dataclass(frozen=True)
class AcceptQuality:
    """How well "accept" matches the hidden ground truth (synthetic data only)."""

    precision: float
    recall: float
    f1: float


class DecisionBars:
    """Three bars (accept, ask first, decline) with their counts, updated in place."""

    def __init__(self, total: int, width: float = 4.8, height: float = 2.8):
        self.figure = new_figure(width, height)
        ax = self.figure.add_subplot()
        self.ax = ax
        x = np.arange(len(DECISIONS))
        self.bars = ax.bar(x, np.zeros(len(DECISIONS)),
                           color=[DECISION_COLOURS[d] for d in DECISIONS], width=0.6)
        for bar, hatch in zip(self.bars, ("", "..", "//"), strict=True):
            bar.set_hatch(hatch)  # readable without colour
            bar.set_edgecolor("white")
        self.labels = [ax.text(xi, 0, "", ha="center", va="bottom", fontsize=FONT_SIZE)
                       for xi in x]
        ax.set_xticks(x, [DECISION_LABELS[d] for d in DECISIONS])
        ax.set_ylim(0, max(total, 1) * 1.15)
        ax.set_ylabel("invitations", fontsize=FONT_SIZE)
        style_axes(ax)
        ax.grid(False, axis="x")
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")

    def dynamic_artists(self) -> list:
        """What :meth:`update` changes, and the spine drawn above the bars (for blitting)."""
        return [*self.bars, *self.labels, self.title, self.ax.spines["bottom"]]

    def update(self, counts: Mapping[str, int], title: str) -> None:
        for bar, label, decision in zip(self.bars, self.labels, DECISIONS, strict=True):
            bar.set_height(counts[decision])
            label.set_y(counts[decision])
            label.set_text(f"{counts[decision]:,}")
        self.title.set_text(title)


def counts_html(counts: Mapping[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(
        f"<b>{counts[d]:,}</b> {html.escape(DECISION_LABELS[d])}" for d in DECISIONS
    )
    return f"<p>Of {total:,} invitations: {parts}.</p>"


# --- the policy toggle ---------------------------------------------------------------------


class PolicyModel:
    """The invitations triaged under each policy, once; the toggle only picks one."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.profile = profile
        prepared = PreparedTriage(invitations, profile)  # the criteria, once for 3 policies
        self.results = {
            policy: prepared.with_profile(dataclasses.replace(profile, policy=policy)).triage()
            for policy in POLICIES
        }
        # The engine's ``known`` criterion: met offline, or on your list of people you know.
        self.known = int(self.results["balanced"]["known"].ge(1.0).sum())
        self.total = len(invitations)
        self.truth = (invitations["relevant"].to_numpy(bool)
                      if "relevant" in invitations.columns else None)

    def counts(self, policy: str) -> dict[str, int]:
        return decision_counts(self.results[policy])

    def quality(self, policy: str) -> AcceptQuality | None:
        """Precision, recall and F1 of the policy's "accept" (synthetic data only)."""
        if self.truth is None:
            return None
        q = evaluate_decisions(self.results[policy]["decision"], self.truth)
        return AcceptQuality(q["precision"], q["recall"], q["f1"])

    def table(self) -> pd.DataFrame:
        """Per policy: decision counts, and on synthetic data the precision, recall and F1 of
        "accept" against the hidden ground truth."""
        rows = {}
        for policy in POLICIES:
            row: dict[str, float] = dict(self.counts(policy))
            quality = self.quality(policy)
            if quality is not None:
                row.update(precision=quality.precision, recall=quality.recall, f1=quality.f1)
            rows[policy] = row
        return pd.DataFrame.from_dict(rows, orient="index").rename_axis("policy")


class PolicyApp(App):
    """A toggle between the three policies; counts and bars change with it."""

    def __init__(self, model: PolicyModel, policy: str = "balanced"):
        self.model = model
        self.toggle = widgets.ToggleButtons(
            options=[(POLICY_LABELS[p], p) for p in POLICIES], value=policy,
            description="Policy", tooltips=[POLICY_MEANINGS[p] for p in POLICIES],
            style={"description_width": "initial"},
        )
        self.bars = DecisionBars(model.total)
        self.chart = FigureView(self.bars.figure)
        self.summary = summary_html()
        self.table = widgets.HTML(self._table_html())
        super().__init__([self.toggle, self.chart, self.summary, self.table])
        self.toggle.observe(self._on_change, names="value")
        self.update()
        self.chart.redraw_only(*self.bars.dynamic_artists())  # the rest is drawn once

    def _table_html(self) -> str:
        rows = []
        for policy in POLICIES:
            row = {"policy": POLICY_LABELS[policy],
                   **{DECISION_LABELS[d]: c for d, c in self.model.counts(policy).items()}}
            quality = self.model.quality(policy)
            if quality is not None:
                row["precision of accept (truth)"] = fmt_share(quality.precision)
                row["recall of accept (truth)"] = fmt_share(quality.recall)
            rows.append(row)
        return html_table(rows)

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        policy = self.toggle.value
        counts = self.model.counts(policy)
        self.bars.update(counts, f"Policy: {POLICY_LABELS[policy]}")
        self.chart.refresh()
        freeze_layout(self.bars.figure)
        self.summary.value = (
            counts_html(counts)
            + f"<p>{html.escape(POLICY_MEANINGS[policy])}</p>"
            + f"<p>{self.model.known:,} of the {self.model.total:,} inviters are people you "
              "know outside LinkedIn (met offline, or on your list of people you know).</p>"
        )


def policy_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
               policy: str = "balanced") -> PolicyApp:
    """Chapter 05: switch between balanced, known-only and open and compare the counts."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return PolicyApp(PolicyModel(invitations, profile), policy)


# --- weights and thresholds ----------------------------------------------------------------


@dataclass(frozen=True)
class WeightsResult:
    triaged: pd.DataFrame
    counts: dict[str, int]
    quality: AcceptQuality | None


class WeightsModel:
    """Weights and thresholds in, decisions (and their quality against the truth) out."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        self.weights = preset_weights(profile)
        self.thresholds = dict(DEFAULT_THRESHOLDS)
        self.has_truth = "relevant" in invitations.columns
        self._prepared: PreparedTriage | None = None

    @property
    def prepared(self) -> PreparedTriage:
        """The criteria, scored at the first run (so a bad table is reported like any bad
        setting): weights and thresholds never change a criterion, so each slider move
        re-runs only the weighted sum, the decisions and the reasons."""
        if self._prepared is None:
            self._prepared = PreparedTriage(self.invitations, self.profile)
        return self._prepared

    def run(self, weights: Mapping[str, float] | None = None,
            thresholds: Mapping[str, float] | None = None) -> WeightsResult:
        """Triage with these settings (the engine validates them)."""
        weights = dict(self.weights if weights is None else weights)
        thresholds = dict(self.thresholds if thresholds is None else thresholds)
        triaged = self.prepared.triage(weights=weights, thresholds=thresholds)
        quality = None
        if self.has_truth:
            q = evaluate_decisions(triaged["decision"], self.invitations["relevant"])
            quality = AcceptQuality(q["precision"], q["recall"], q["f1"])
        return WeightsResult(triaged, decision_counts(triaged), quality)


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
