"""Chapter 05: a toggle between the three policies (balanced, known people only, open) showing
how many invitations each accepts, asks about and declines.

The three triages are computed once when the app is built
(:class:`~invite_triage.models.policy.PolicyModel`); the toggle only switches between them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from invite_triage.domain.profile import POLICIES, Profile
from invite_triage.models.policy import PolicyModel
from invite_triage.render.app_charts import DecisionBars
from invite_triage.render.style import DECISION_LABELS, DECISIONS, fmt_share, freeze_layout
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


def counts_html(counts: Mapping[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(
        f"<b>{counts[d]:,}</b> {html.escape(DECISION_LABELS[d])}" for d in DECISIONS
    )
    return f"<p>Of {total:,} invitations: {parts}.</p>"


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
