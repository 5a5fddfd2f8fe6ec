"""Chapter 08: your own LinkedIn data — fill in what the export cannot hold, see the decision.

A LinkedIn export never says who your mutual connections with an inviter are, which groups you
share or whether you know them offline: the learner reads that off the inviter's profile page.
:func:`triage_form` is the form for it. Pick a pending invitation, type what the profile shows,
and the decision (score, reasons, what each criterion contributed, an "ask first" draft) follows
live; **Save** appends the annotation under ``data/private/`` (``annotations.save_annotation``:
never overwritten), and the next start of the form reloads it.

This is the view: :class:`OwnDataApp`. The logic (no ipywidgets) is in
:mod:`invite_triage.models.own_data` — :class:`OwnDataModel`, :func:`check_entry`,
:func:`decide_entry`, :func:`open_export`, :func:`export_overview` — and the chart in
:mod:`invite_triage.render.app_charts` (:class:`DecisionChart`, and the notebook's
:func:`plot_family_seniority`); both are re-exported here so older imports keep working. Typed
text stays text until it is checked, so a wrong value is named in ``app.errors`` and never lost.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping

import ipywidgets as widgets
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import date as format_date
from invite_triage.core.formats import decimal, number
from invite_triage.core.i18n import label, language_name, message, template
from invite_triage.domain.profile import LANGUAGES, Profile
from invite_triage.linkedin.export import LinkedInExport
from invite_triage.models.own_data import (
    LABEL_CHARS,
    MAX_MUTUAL_TITLES,
    MAX_MUTUALS,
    MAX_TITLE_CHARS,
    Annotation,
    FormDecision,
    FormEntry,
    OwnDataModel,
    check_entry,
    decide_entry,
    export_overview,
    field_labels,
    group_key,
    open_export,
    split_titles,
    your_decisions,
)
from invite_triage.render.app_charts import DecisionChart, plot_family_seniority
from invite_triage.render.style import DECISION_COLOURS, clip_text
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    language_toggle,
    summary_html,
    with_lang,
)


def __getattr__(name: str) -> object:
    if name == "LANGUAGE_LABELS":  # each language's own name
        return {code: language_name(code) for code in LANGUAGES}
    if name in ("FIELD_LABELS", "YOUR_DECISIONS"):  # the English texts, for older imports
        return field_labels("en") if name == "FIELD_LABELS" else your_decisions("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_PROFILE_URL = re.compile(r"^https://(?:[a-z]{2,3}\.)?linkedin\.com/in/[^/\s\"'<>?#]+/?$")


def _to_fill_html(fields: tuple[str, ...], lang: str | None = None) -> str:
    """Which empty fields could change the decision: what to read on their profile first."""
    if not fields:
        return ""
    labels = field_labels(lang)
    names = ", ".join(html.escape(labels[f]) for f in fields)
    text = html.escape(template("app.own_data.to_fill", lang)).format(fields=f"<b>{names}</b>")
    return f"<p class='it-to-fill'>{text}</p>"


def _card_html(row: pd.Series, unsaved: bool, saved_before: bool,
               lang: str | None = None) -> str:
    """The invitation as the export shows it; every value escaped."""
    name = html.escape(clip_text(str(row["name"]), 80))
    url = str(row.get("url", "") or "").strip()
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{html.escape(message("app.own_data.open_profile", lang))}'
            "</a>" if _PROFILE_URL.match(url) else "")
    sent = row["sent_at"]
    when = ("" if pd.isna(sent)
            else message("app.own_data.sent", lang, date=format_date(sent, lang, "medium")))
    note = str(row.get("message", "") or "").strip()
    note_html = (
        '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;margin:4px 0;'
        f'padding:2px 8px">{html.escape(clip_text(note, 500))}</blockquote>'
        if note else f"<p><em>{html.escape(message('app.common.no_note', lang))}</em></p>"
    )
    state = (f"<b>{html.escape(message('app.own_data.unsaved', lang))}</b>" if unsaved
             else html.escape(message("app.own_data.saved" if saved_before
                                      else "app.own_data.not_saved", lang)))
    return (f"<p><b>{name}</b> · {html.escape(when)}{link} · {state}</p>{note_html}")


class OwnDataApp(App):
    """The triage form: an invitation, what its profile page shows, the live decision, Save."""

    def __init__(self, model: OwnDataModel, lang: str | None = None,
                 reasons_lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        labels = field_labels(lang)
        self._loading = False
        self.decided: FormDecision | None = None
        self._last_summary = ""
        wide = {"description_width": "150px"}
        full = widgets.Layout(width="95%")
        options = model.options()
        self.status = widgets.HTML(self._status_html())
        self.dropdown = widgets.Dropdown(
            options=options, value=options[0][1] if options else None,
            description=message("app.common.invitation", lang), style=wide, layout=full,
        )
        self.card = widgets.HTML()
        self.title = widgets.Text(
            description=labels["title"], placeholder=message("app.own_data.title_placeholder",
                                                             lang),
            continuous_update=False, style=wide, layout=full,
        )
        self.mutuals = widgets.Text(
            description=labels["mutual_connections"],
            placeholder=message("app.own_data.mutuals_placeholder", lang),
            continuous_update=False, style=wide, layout=widgets.Layout(width="420px"),
        )
        self.mutual_titles = widgets.Textarea(
            description=labels["mutual_titles"],
            placeholder=message("app.own_data.titles_placeholder", lang),
            continuous_update=False, rows=4, style=wide, layout=full,
        )
        self.group_boxes: dict[str, widgets.Checkbox] = {
            group: widgets.Checkbox(value=False, description=group, indent=False)
            for group in model.groups
        }
        groups_note = message("app.own_data.groups_note" if model.groups
                              else "app.own_data.groups_none", lang)
        self.groups_box = widgets.VBox([widgets.Label(groups_note), *self.group_boxes.values()])
        self.known = widgets.Checkbox(value=False,
                                      description=message("app.own_data.known_box", lang),
                                      indent=False)
        self.your_decision = widgets.ToggleButtons(
            options=list(your_decisions(lang)), value="", description=labels["your_decision"],
            style=wide,
            tooltips=[message(f"app.own_data.tooltip_{key}", lang)
                      for key in ("none", "accept", "ask", "decline")],
        )
        self.language = language_toggle(reasons_lang or model.profile.language, lang,
                                        "app.common.tooltip_reasons_language", style=wide)
        self.summary = summary_html()
        self.draft = widgets.HTML()
        self.save_button = widgets.Button(
            description=message("app.own_data.save", lang), button_style="primary", icon="save",
            tooltip=message("app.own_data.save_tooltip", lang),
        )
        self.save_status = widgets.HTML()
        children: list[widgets.Widget] = [self.status]
        self.bars: DecisionChart | None = None
        self.chart: FigureView | None = None
        if len(model):
            self.bars = with_lang(DecisionChart, model.weights, model.thresholds, lang=lang)
            self.chart = FigureView(self.bars.figure)
            # Lay the figure out once: redraws then skip constrained layout's extra pass
            # (half the time per change) and the bars never jump around.
            self.bars.figure.set_layout_engine("none")
            children += [
                self.dropdown, self.card, self.title, self.mutuals, self.mutual_titles,
                self.groups_box, self.known, self.your_decision, self.language,
                self.summary, self.chart, self.draft,
                widgets.HBox([self.save_button, self.save_status]),
            ]
        super().__init__(children)
        for control in (self.title, self.mutuals, self.mutual_titles, self.known,
                        self.your_decision, self.language, *self.group_boxes.values()):
            control.observe(self._on_field, names="value")
        self.dropdown.observe(self._on_pick, names="value")
        self.save_button.on_click(self.save)
        if len(model):
            self.show(self.dropdown.value)
            # Changes touch only these; axes, ticks, labels and the score bands are drawn
            # once (blitting). The spines under the bars are redrawn over them.
            bars = self.bars
            self.chart.redraw_only(  # type: ignore[union-attr]
                *bars.bars, *bars.labels, bars.score_bar, bars.score_text, bars.title,
                bars.ax.spines["left"], bars.bx.spines["bottom"],
            )

    # --- reading and filling the controls -----------------------------------------------------
    def _status_html(self) -> str:
        m, lang = self.model, self.lang
        folder = f"<code>{html.escape(str(m.folder))}</code>"
        if not len(m):
            return "<p>" + html.escape(template("app.own_data.status_empty", lang)).format(
                folder=folder, loaded=html.escape(number(m.loaded, lang))) + "</p>"
        msgid = "app.own_data.status_one" if m.loaded == 1 else "app.own_data.status_many"
        return "<p>" + html.escape(template(msgid, lang)).format(
            loaded=f"<b>{html.escape(number(m.loaded, lang))}</b>", folder=folder,
            matched=f"<b>{html.escape(number(m.matched, lang))}</b>",
            total=html.escape(number(len(m), lang))) + "</p>"

    def entry(self) -> FormEntry:
        """The form's current values, as typed."""
        return FormEntry(
            title=self.title.value,
            mutual_connections=self.mutuals.value,
            mutual_titles=self.mutual_titles.value,
            shared_groups=tuple(g for g, box in self.group_boxes.items() if box.value),
            known_offline=bool(self.known.value),
            your_decision=self.your_decision.value,
        )

    def _fill(self, entry: FormEntry) -> None:
        self._loading = True
        try:
            self.title.value = entry.title
            self.mutuals.value = entry.mutual_connections
            self.mutual_titles.value = entry.mutual_titles
            wanted = {group_key(g) for g in entry.shared_groups}
            for group, box in self.group_boxes.items():
                box.value = group_key(group) in wanted
            self.known.value = entry.known_offline
            self.your_decision.value = entry.your_decision
        finally:
            self._loading = False

    # --- callbacks ----------------------------------------------------------------------------
    def _on_pick(self, change: dict) -> None:
        if not self._loading and change["new"] is not None:
            self.show(change["new"])

    def _on_field(self, change: dict) -> None:
        if not self._loading:
            self.update()

    @guarded
    def show(self, position: int) -> None:
        """Fill the form from invitation ``position`` (your unsaved edits, else what was
        saved), then decide."""
        self.save_status.value = ""
        self.decided = None
        self._last_summary = ""
        self._fill(self.model.entry(position))
        self._render()

    @guarded
    def update(self) -> None:
        """Keep what was typed, then recompute the decision."""
        self.model.remember(self.dropdown.value, self.entry())
        self._render()

    @guarded
    def save(self, _button: widgets.Button | None = None) -> None:
        position = self.dropdown.value
        if position is None:
            raise InvalidInputError(message("app.own_data.nothing_to_save", self.lang),
                                    [message("app.own_data.nothing_to_save_detail", self.lang)])
        entry = self.entry()
        self.model.remember(position, entry)
        try:
            path = self.model.save(position, entry)
        except InvalidInputError:
            self.save_status.value = (
                "<p style='color:#a40000'>"
                f"{html.escape(message('app.own_data.not_saved_fix', self.lang))}</p>")
            raise
        name = html.escape(clip_text(str(self.model.row(position)["name"]), 60))
        self.save_status.value = "<p>" + html.escape(
            template("app.own_data.saved_to", self.lang)).format(
            name=name, path=f"<code>{html.escape(str(path))}</code>",
            n=html.escape(number(len(self.model.saved), self.lang))) + "</p>"
        self._relabel(position)
        self._render()

    # --- rendering (not guarded: errors reach the callback's guard and stay visible) ----------
    def _relabel(self, position: int) -> None:
        self._loading = True
        try:
            self.dropdown.options = self.model.options()
            self.dropdown.value = position
        finally:
            self._loading = False

    def _render(self) -> None:
        lang = self.lang
        position = self.dropdown.value
        row = self.model.row(position)
        self.card.value = _card_html(row, self.model.unsaved(position),
                                     bool(self.model.annotated[position]), lang)
        self.status.value = self._status_html()
        entry = self.entry()
        try:
            # The decision and the empty fields worth reading first, from one triage.
            decided, to_fill = self.model.decide_and_fields(position, entry,
                                                            self.language.value)
        except InvalidInputError:
            if self.decided is None:
                self.summary.value = (
                    "<p style='color:#a40000'>"
                    f"<b>{html.escape(message('app.own_data.no_decision_yet', lang))}</b>"
                    f"{html.escape(message('app.own_data.fix_field', lang))}</p>")
                if self.bars is not None and self.chart is not None:
                    self.bars.clear(message("app.own_data.chart_fix", lang))
                    self.chart.refresh()
                self.draft.value = ""
            else:
                self.summary.value = (
                    "<p style='color:#a40000'>"
                    f"<b>{html.escape(message('app.own_data.last_valid', lang))}</b>"
                    f"{html.escape(message('app.own_data.fix_field_short', lang))}</p>"
                    + self._last_summary
                )
            raise
        self.decided = decided
        colour = DECISION_COLOURS[decided.decision]
        counted = ""
        typed = decided.annotation.mutual_connections
        if len(decided.annotation.mutual_titles) > typed:
            text = message("app.own_data.counted", lang,
                           listed=number(len(decided.annotation.mutual_titles), lang),
                           typed=number(typed, lang),
                           counted=number(decided.counted_mutuals, lang))
            counted = f"<p style='font-size:smaller'>{html.escape(text)}</p>"
        suggested = html.escape(template("app.own_data.suggested", lang)).format(
            decision=(f"<b style='color:{colour}'>"
                      f"{html.escape(label('decision', decided.decision, lang))}</b>"),
            score=f"<b>{html.escape(decimal(decided.score, 2, lang))}</b>",
            ask=html.escape(decimal(self.model.thresholds["ask"], 2, lang)),
            accept=html.escape(decimal(self.model.thresholds["accept"], 2, lang)),
        )
        self._last_summary = (
            f"<p>{suggested}</p>"
            f"<p>{html.escape(decided.reasons)}</p>{counted}"
            f"{_to_fill_html(to_fill, lang)}"
        )
        self.summary.value = self._last_summary
        self.bars.update(decided)  # type: ignore[union-attr]
        self.chart.refresh()  # type: ignore[union-attr]
        if decided.draft:
            self.draft.value = (
                f"<p>{html.escape(message('app.own_data.draft_intro', lang))}</p>"
                '<blockquote style="white-space:pre-wrap;border-left:3px solid '
                f'{DECISION_COLOURS["ask"]};margin:4px 0;padding:2px 8px">'
                f"{html.escape(decided.draft)}</blockquote>"
            )
        else:
            no_draft = message("app.own_data.no_draft", lang,
                               decision=label("decision", decided.decision, lang))
            self.draft.value = f"<p style='font-size:smaller'>{html.escape(no_draft)}</p>"


def triage_form(
    export: LinkedInExport | None = None,
    profile: Profile | None = None,
    private_dir: str | os.PathLike[str] | None = None,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    lang: str | None = None,
    reasons_lang: str | None = None,
) -> OwnDataApp:
    """Chapter 08: fill in, for each pending invitation of your export, what only the inviter's
    profile page shows; read the decision live; Save to ``private_dir`` (default
    ``data/private``). Defaults: the sample export and the profile it implies.

    The form speaks ``lang`` (None: the process language); reasons and the draft start in
    ``reasons_lang`` (None: ``lang`` when given, else the profile's language)."""
    reasons_lang = reasons_lang or lang
    lang = app_language(lang)
    export = open_export(None) if export is None else export
    model = OwnDataModel(export, profile, private_dir, weights, thresholds, lang)
    return OwnDataApp(model, lang, reasons_lang)


__all__ = [
    "LABEL_CHARS", "MAX_MUTUALS", "MAX_MUTUAL_TITLES", "MAX_TITLE_CHARS",
    "Annotation", "DecisionChart", "FormDecision", "FormEntry", "OwnDataApp",
    "OwnDataModel", "check_entry", "decide_entry", "export_overview", "group_key", "open_export",
    "plot_family_seniority", "split_titles", "triage_form",
]
