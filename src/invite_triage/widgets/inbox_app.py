"""Chapter 06: the inbox — step through pending invitations one at a time and decide.

:class:`~invite_triage.models.inbox.InboxModel` triages the whole inbox once and then only
moves a cursor and records your choices. :class:`InboxApp` shows one invitation: a profile
card, what each criterion contributed, the suggested decision with its reasons, an "ask first"
draft, buttons to decide, and a running summary of the network you are building.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import pandas as pd

from invite_triage.domain.profile import Profile
from invite_triage.models.inbox import InboxModel, InboxSummary
from invite_triage.render.app_charts import ContributionBars
from invite_triage.render.style import (
    DECISION_COLOURS,
    DECISION_LABELS,
    DECISIONS,
    clip_text,
    fmt_share,
    freeze_layout,
)
from invite_triage.widgets.base import App, FigureView, guarded, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

#: How many mutual connections' titles the card lists before "and N more".
SHOWN_MUTUALS = 4
KEYBOARD_HELP = (
    "Keyboard: press Tab (Shift+Tab to go back) to move between the buttons, then Enter or "
    "Space to press the one that has the focus."
)


# --- view helpers ------------------------------------------------------------------------


def _list_text(values: object, shown: int = SHOWN_MUTUALS) -> str:
    items = [str(v) for v in (values if isinstance(values, (list, tuple)) else [])]
    if not items:
        return "none"
    more = len(items) - shown
    text = ", ".join(clip_text(i, 60) for i in items[:shown])
    return text + (f" and {more} more" if more > 0 else "")


def card_html(row: pd.Series) -> str:
    """The profile card of one invitation; every value escaped."""
    years = row.get("years_experience")
    years_text = "unknown" if years is None or pd.isna(years) else f"{float(years):.0f}"
    message = str(row.get("message", "") or "")
    note = (
        '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;margin:4px 0;'
        f'padding:2px 8px">{html.escape(clip_text(message, 600))}</blockquote>'
        if message.strip() else "<p><em>No note with this invitation.</em></p>"
    )
    known = " · <b>you know this person offline</b>" if bool(row.get("known_offline")) else ""
    fields = [
        ("Title", clip_text(str(row.get("title", "")), 160)),
        ("Company", clip_text(str(row.get("company", "")), 80)),
        ("Years of experience", years_text),
        ("Mutual connections",
         f"{int(row.get('mutual_connections', 0))}: {_list_text(row.get('mutual_titles'))}"),
        ("Shared groups", _list_text(row.get("shared_groups"), shown=6)),
    ]
    rows = "".join(
        f"<tr><th style='text-align:left;padding:1px 8px 1px 0'>{html.escape(k)}</th>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in fields
    )
    return (
        f"<h4 style='margin:4px 0'>{html.escape(clip_text(str(row.get('name', '')), 80))}"
        f"{known}</h4><table>{rows}</table>{note}"
    )


def suggestion_html(row: pd.Series, reasons: str, choice: str | None) -> str:
    decision = str(row["decision"])
    colour = DECISION_COLOURS.get(decision, "#333333")
    yours = (
        f" — you chose <b>{html.escape(DECISION_LABELS[choice])}</b>" if choice else ""
    )
    return (
        f"<p>Suggested: <b style='color:{colour}'>{html.escape(DECISION_LABELS[decision])}</b>"
        f" (score {float(row['score']):.2f}){yours}</p>"
        f"<p style='font-size:smaller'>{html.escape(reasons)}</p>"
    )


def summary_text_html(s: InboxSummary) -> str:
    truth = (
        "" if s.relevance_truth is None
        else f"; truly relevant (ground truth of the synthetic data): "
        f"<b>{fmt_share(s.relevance_truth)}</b>"
    )
    agreement = (
        f"Your decisions match the suggestion in {s.agreed} of {s.decided} cases "
        f"(<b>{fmt_share(s.agreement)}</b>)." if s.decided else "No decision yet."
    )
    return (
        f"<p>Your network so far: <b>{s.accepted}</b> accepted, <b>{s.asked}</b> asked first, "
        f"<b>{s.declined}</b> declined; {s.undecided:,} of {s.total:,} still pending.</p>"
        f"<p>Of the people you accepted, jobs that matter to you (estimate): "
        f"<b>{fmt_share(s.relevance_estimate)}</b>{truth}.</p><p>{agreement}</p>"
    )


class InboxApp(App):
    """One invitation at a time: card, criterion chart, suggestion, draft, buttons, summary."""

    def __init__(self, model: InboxModel):
        self.model = model
        self.position = widgets.HTML()
        self.card = widgets.HTML()
        self.card.add_class("it-card")
        self.suggestion = widgets.HTML()
        self.language = widgets.ToggleButtons(
            options=[("English", "en"), ("Français", "fr")], value=model.profile.language,
            description="Language", tooltips=["Reasons and draft in English",
                                              "Raisons et message en français"],
        )
        self.draft = widgets.HTML()
        self.buttons = {
            decision: widgets.Button(
                description=DECISION_LABELS[decision].capitalize(),
                button_style={"accept": "success", "ask": "warning", "decline": "danger"}[
                    decision],
                tooltip=f"{DECISION_LABELS[decision].capitalize()} this invitation, then show "
                        "the next one",
            )
            for decision in DECISIONS
        }
        self.accept_button = self.buttons["accept"]
        self.ask_button = self.buttons["ask"]
        self.decline_button = self.buttons["decline"]
        self.previous_button = widgets.Button(description="◀ Previous",
                                              tooltip="Back to the previous invitation")
        self.skip_button = widgets.Button(description="Skip",
                                          tooltip="Leave this one for later")
        self.next_button = widgets.Button(description="Next ▶",
                                          tooltip="Next invitation, without deciding")
        self.summary = summary_html()
        self.help = widgets.HTML(f"<p style='font-size:smaller'>{html.escape(KEYBOARD_HELP)}</p>")
        self.bars: ContributionBars | None = None
        children: list[widgets.Widget] = [self.position]
        if len(model):
            self.bars = ContributionBars(model.contributions())
            self.chart = FigureView(self.bars.figure)
            children += [
                widgets.HBox([self.card, self.chart],
                             layout=widgets.Layout(flex_flow="row wrap")),
                self.suggestion,
                widgets.HBox(list(self.buttons.values())),
                widgets.HBox([self.previous_button, self.skip_button, self.next_button]),
                self.language,
                self.draft,
            ]
        else:
            self.chart = None
        children += [self.summary, self.help]
        super().__init__(children)
        for decision, button in self.buttons.items():
            button.on_click(lambda _b, d=decision: self.decide(d))
        self.previous_button.on_click(lambda _b: self.move(self.model.previous))
        self.next_button.on_click(lambda _b: self.move(self.model.next))
        self.skip_button.on_click(lambda _b: self.move(self.model.skip))
        self.language.observe(self._on_language, names="value")
        self.show()
        if self.bars is not None and self.chart is not None:
            # Each invitation changes only these; the rest is drawn once (blitting). The
            # left spine sits above the bars, so it is redrawn over them.
            self.chart.redraw_only(*self.bars.bars, *self.bars.labels, self.bars.title,
                                   self.bars.ax.spines["left"])

    def _on_language(self, change: dict) -> None:
        self.show()

    @guarded
    def decide(self, decision: str) -> None:
        self.model.decide(decision)
        self._render()

    @guarded
    def move(self, step: Callable[[], int]) -> None:
        step()
        self._render()

    @guarded
    def show(self) -> None:
        self._render()

    # Callbacks above are guarded once; the renderers below are not, so an error inside them
    # reaches the callback's guard and stays visible.
    def _render_draft(self) -> None:
        message = self.model.draft(self.language.value)
        self.draft.value = (
            "<p>If you ask first, you could write:</p>"
            '<blockquote style="white-space:pre-wrap;border-left:3px solid '
            f'{DECISION_COLOURS["ask"]};margin:4px 0;padding:2px 8px">'
            f"{html.escape(message)}</blockquote>"
        )

    def _render(self) -> None:
        m = self.model
        self.summary.value = summary_text_html(m.summary())
        if not len(m):
            self.position.value = "<p><b>No pending invitation.</b> Your inbox is empty.</p>"
            return
        row = m.current
        done = " — every invitation has a decision" if m.finished else ""
        end = " (the last one)" if m.at_end and len(m) > 1 else ""
        self.position.value = (
            f"<p>Invitation <b>{m.position + 1:,}</b> of {len(m):,}{end}{html.escape(done)}</p>"
        )
        self.card.value = card_html(row)
        self.suggestion.value = suggestion_html(row, m.reasons(self.language.value), m.choice)
        table = m.contributions()
        top = table["contribution"].idxmax() if table["contribution"].max() > 0 else None
        headline = (f"Score {float(row['score']):.2f}: '{top}' weighed most" if top
                    else f"Score {float(row['score']):.2f}: no criterion helped")
        self.bars.update(table, headline)  # type: ignore[union-attr]
        self.chart.refresh()  # type: ignore[union-attr]
        freeze_layout(self.bars.figure)  # type: ignore[union-attr]
        self.previous_button.disabled = m.position == 0
        self.next_button.disabled = m.at_end
        self._render_draft()


def inbox_app(
    invitations: pd.DataFrame | None = None,
    profile: Profile | None = None,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> InboxApp:
    """Chapter 06 and the standalone app: decide your pending invitations one by one."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return InboxApp(InboxModel(invitations, profile, weights, thresholds))
