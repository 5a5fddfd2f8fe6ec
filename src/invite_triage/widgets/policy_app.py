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

from invite_triage.core.formats import number, share
from invite_triage.core.i18n import label, labels, message, template
from invite_triage.domain.profile import POLICIES, Profile
from invite_triage.models.policy import PolicyModel
from invite_triage.render.app_charts import DecisionBars
from invite_triage.render.style import DECISIONS, freeze_layout
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


def policy_labels(lang: str | None = None) -> dict[str, str]:
    """Each policy's label in ``lang`` (the catalog's ``label.policy.*``)."""
    return labels("policy", POLICIES, lang)


def policy_meanings(lang: str | None = None) -> dict[str, str]:
    """What each policy does, in one sentence, in ``lang``."""
    return {p: message(f"app.policy.meaning.{p}", lang) for p in POLICIES}


def __getattr__(name: str) -> dict[str, str]:
    if name == "POLICY_LABELS":  # the English texts, for older imports
        return policy_labels("en")
    if name == "POLICY_MEANINGS":
        return policy_meanings("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def counts_html(counts: Mapping[str, int], lang: str | None = None) -> str:
    total = sum(counts.values())
    parts = ", ".join(
        f"<b>{html.escape(number(counts[d], lang))}</b> {html.escape(label('decision', d, lang))}"
        for d in DECISIONS
    )
    text = html.escape(template("app.policy.counts", lang))
    return "<p>" + text.format(total=html.escape(number(total, lang)), parts=parts) + "</p>"


class PolicyApp(App):
    """A toggle between the three policies; counts and bars change with it."""

    def __init__(self, model: PolicyModel, policy: str = "balanced", lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.policy_labels = policy_labels(lang)
        self.policy_meanings = policy_meanings(lang)
        self.toggle = widgets.ToggleButtons(
            options=[(self.policy_labels[p], p) for p in POLICIES], value=policy,
            description=message("app.policy.policy", lang),
            tooltips=[self.policy_meanings[p] for p in POLICIES],
            style={"description_width": "initial", "button_width": "initial"},
        )
        self.bars = with_lang(DecisionBars, model.total, lang=lang)
        self.chart = FigureView(self.bars.figure)
        self.summary = summary_html()
        self.table = widgets.HTML(self._table_html())
        super().__init__([self.toggle, self.chart, self.summary, self.table])
        self.toggle.observe(self._on_change, names="value")
        self.update()
        self.chart.redraw_only(*self.bars.dynamic_artists())  # the rest is drawn once

    def _table_html(self) -> str:
        lang = self.lang
        rows = []
        for policy in POLICIES:
            row = {message("app.policy.col_policy", lang): self.policy_labels[policy],
                   **{label("decision", d, lang): number(c, lang)
                      for d, c in self.model.counts(policy).items()}}
            quality = self.model.quality(policy)
            if quality is not None:
                row[message("app.policy.col_precision", lang)] = share(quality.precision, lang)
                row[message("app.policy.col_recall", lang)] = share(quality.recall, lang)
            rows.append(row)
        return html_table(rows, lang=lang)

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        lang = self.lang
        policy = self.toggle.value
        counts = self.model.counts(policy)
        self.bars.update(counts, message("app.policy.chart_title", lang,
                                         policy=self.policy_labels[policy]))
        self.chart.refresh()
        freeze_layout(self.bars.figure)
        known = message("app.policy.known", lang, known=number(self.model.known, lang),
                        total=number(self.model.total, lang))
        self.summary.value = (
            counts_html(counts, lang)
            + f"<p>{html.escape(self.policy_meanings[policy])}</p>"
            + f"<p>{html.escape(known)}</p>"
        )


def policy_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
               policy: str = "balanced", lang: str | None = None) -> PolicyApp:
    """Chapter 05: switch between balanced, known-only and open and compare the counts."""

    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return PolicyApp(PolicyModel(invitations, profile), policy, lang)
