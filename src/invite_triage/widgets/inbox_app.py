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

from invite_triage.core.formats import decimal, number, share
from invite_triage.core.i18n import label, message, template
from invite_triage.domain.profile import Profile
from invite_triage.models.inbox import InboxModel, InboxSummary
from invite_triage.render.app_charts import ContributionBars
from invite_triage.render.style import DECISION_COLOURS, DECISIONS, clip_text, freeze_layout
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    language_toggle,
    summary_html,
    with_lang,
)
from invite_triage.world.datasets import example_profile, load_invitations

#: How many mutual connections' titles the card lists before "and N more".
SHOWN_MUTUALS = 4


def keyboard_help(lang: str | None = None) -> str:
    """How to use the app without a mouse."""
    return message("app.inbox.keyboard_help", lang)


def __getattr__(name: str) -> str:
    if name == "KEYBOARD_HELP":  # the English text, for older imports
        return keyboard_help("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- view helpers ------------------------------------------------------------------------


def _list_text(values: object, shown: int = SHOWN_MUTUALS, lang: str | None = None) -> str:
    items = [str(v) for v in (values if isinstance(values, (list, tuple)) else [])]
    if not items:
        return message("app.common.none", lang)
    more = len(items) - shown
    text = ", ".join(clip_text(i, 60) for i in items[:shown])
    return message("app.common.list_more", lang, text=text, n=more) if more > 0 else text


def card_html(row: pd.Series, lang: str | None = None) -> str:
    """The profile card of one invitation; every value escaped."""
    years = row.get("years_experience")
    years_text = (message("app.inbox.years_unknown", lang) if years is None or pd.isna(years)
                  else number(float(years), lang))
    note_text = str(row.get("message", "") or "")
    note = (
        '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;margin:4px 0;'
        f'padding:2px 8px">{html.escape(clip_text(note_text, 600))}</blockquote>'
        if note_text.strip()
        else f"<p><em>{html.escape(message('app.common.no_note', lang))}</em></p>"
    )
    known = (f" · <b>{html.escape(message('app.inbox.known_offline', lang))}</b>"
             if bool(row.get("known_offline")) else "")
    mutuals = number(int(row.get("mutual_connections", 0)), lang)
    fields = [
        (message("app.inbox.field.title", lang), clip_text(str(row.get("title", "")), 160)),
        (message("app.inbox.field.company", lang), clip_text(str(row.get("company", "")), 80)),
        (message("app.inbox.field.years", lang), years_text),
        (message("app.inbox.field.mutuals", lang),
         message("app.inbox.mutuals_value", lang, n=mutuals,
                 titles=_list_text(row.get("mutual_titles"), lang=lang))),
        (message("app.inbox.field.groups", lang),
         _list_text(row.get("shared_groups"), shown=6, lang=lang)),
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


def _html(msgid: str, lang: str | None, **fields: object) -> str:
    """A catalog message as HTML: its text escaped, ``fields`` (already HTML) put in."""
    return html.escape(template(msgid, lang)).format_map(fields)


def _bold(value: object) -> str:
    return f"<b>{html.escape(str(value))}</b>"


def suggestion_html(row: pd.Series, reasons: str, choice: str | None,
                    lang: str | None = None) -> str:
    decision = str(row["decision"])
    colour = DECISION_COLOURS.get(decision, "#333333")
    yours = (
        _html("app.inbox.you_chose", lang, decision=_bold(label("decision", choice, lang)))
        if choice else ""
    )
    shown = (f"<b style='color:{colour}'>"
             f"{html.escape(label('decision', decision, lang))}</b>")
    return (
        "<p>" + _html("app.inbox.suggestion", lang, decision=shown,
                      score=html.escape(decimal(float(row["score"]), 2, lang)), yours=yours)
        + f"</p><p style='font-size:smaller'>{html.escape(reasons)}</p>"
    )


def summary_text_html(s: InboxSummary, lang: str | None = None) -> str:
    truth = (
        "" if s.relevance_truth is None
        else _html("app.inbox.summary.truth", lang,
                   share=_bold(share(s.relevance_truth, lang)))
    )
    agreement = (
        _html("app.inbox.summary.agreement", lang, agreed=number(s.agreed, lang),
              decided=number(s.decided, lang), share=_bold(share(s.agreement, lang)))
        if s.decided else html.escape(message("app.inbox.summary.no_decision", lang))
    )
    network = _html(
        "app.inbox.summary.network", lang, accepted=_bold(number(s.accepted, lang)),
        asked=_bold(number(s.asked, lang)), declined=_bold(number(s.declined, lang)),
        undecided=html.escape(number(s.undecided, lang)), total=html.escape(number(s.total, lang)),
    )
    relevance = _html("app.inbox.summary.relevance", lang,
                      share=_bold(share(s.relevance_estimate, lang)), truth=truth)
    return f"<p>{network}</p><p>{relevance}</p><p>{agreement}</p>"


def _criterion(name: str, lang: str | None) -> str:
    """A criterion's label, when the name is one (the contributions table's index)."""
    try:
        return label("criterion", name, lang)
    except Exception:  # a label the catalog lacks: the name as the engine gives it
        return name


class InboxApp(App):
    """One invitation at a time: card, criterion chart, suggestion, draft, buttons, summary."""

    def __init__(self, model: InboxModel, lang: str | None = None,
                 reasons_lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.position = widgets.HTML()
        self.card = widgets.HTML()
        self.card.add_class("it-card")
        self.suggestion = widgets.HTML()
        self.language = language_toggle(reasons_lang or model.profile.language, lang,
                                        "app.common.tooltip_reasons_language")
        self.draft = widgets.HTML()
        self.buttons = {
            decision: widgets.Button(
                description=label("decision", decision, lang).capitalize(),
                button_style={"accept": "success", "ask": "warning", "decline": "danger"}[
                    decision],
                tooltip=message(f"app.inbox.button_tooltip.{decision}", lang),
            )
            for decision in DECISIONS
        }
        self.accept_button = self.buttons["accept"]
        self.ask_button = self.buttons["ask"]
        self.decline_button = self.buttons["decline"]
        self.previous_button = widgets.Button(
            description=message("app.inbox.previous", lang),
            tooltip=message("app.inbox.previous_tooltip", lang))
        self.skip_button = widgets.Button(description=message("app.inbox.skip", lang),
                                          tooltip=message("app.inbox.skip_tooltip", lang))
        self.next_button = widgets.Button(description=message("app.inbox.next", lang),
                                          tooltip=message("app.inbox.next_tooltip", lang))
        self.summary = summary_html()
        self.help = widgets.HTML(
            f"<p style='font-size:smaller'>{html.escape(keyboard_help(lang))}</p>")
        self.bars: ContributionBars | None = None
        children: list[widgets.Widget] = [self.position]
        if len(model):
            self.bars = with_lang(ContributionBars, model.contributions(), lang=lang)
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
        drafted = self.model.draft(self.language.value)
        self.draft.value = (
            f"<p>{html.escape(message('app.inbox.draft_intro', self.lang))}</p>"
            '<blockquote style="white-space:pre-wrap;border-left:3px solid '
            f'{DECISION_COLOURS["ask"]};margin:4px 0;padding:2px 8px">'
            f"{html.escape(drafted)}</blockquote>"
        )

    def _render(self) -> None:
        m, lang = self.model, self.lang
        self.summary.value = summary_text_html(m.summary(), lang)
        if not len(m):
            self.position.value = (
                f"<p><b>{html.escape(message('app.inbox.empty_lead', lang))}</b> "
                f"{html.escape(message('app.inbox.empty_rest', lang))}</p>"
            )
            return
        row = m.current
        done = message("app.inbox.position_done", lang) if m.finished else ""
        end = message("app.inbox.position_last", lang) if m.at_end and len(m) > 1 else ""
        self.position.value = "<p>" + _html(
            "app.inbox.position", lang, n=_bold(number(m.position + 1, lang)),
            total=html.escape(number(len(m), lang)), end=html.escape(end), done=html.escape(done),
        ) + "</p>"
        self.card.value = card_html(row, lang)
        self.suggestion.value = suggestion_html(row, m.reasons(self.language.value), m.choice,
                                                lang)
        table = m.contributions()
        top = table["contribution"].idxmax() if table["contribution"].max() > 0 else None
        score = decimal(float(row["score"]), 2, lang)
        headline = (message("app.inbox.headline", lang, score=score,
                            criterion=_criterion(str(top), lang)) if top
                    else message("app.inbox.headline_none", lang, score=score))
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
    lang: str | None = None,
) -> InboxApp:
    """Chapter 06 and the standalone app: decide your pending invitations one by one. The
    app speaks ``lang`` (None: the process language); reasons and the draft start in the
    profile's language (the example profile's is ``lang``) and can be switched."""

    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return InboxApp(InboxModel(invitations, profile, weights, thresholds), lang)
