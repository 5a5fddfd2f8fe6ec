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
from invite_triage.domain.profile import LANGUAGES, Profile
from invite_triage.linkedin.export import LinkedInExport
from invite_triage.models.own_data import (
    FIELD_LABELS,
    LABEL_CHARS,
    MAX_MUTUAL_TITLES,
    MAX_MUTUALS,
    MAX_TITLE_CHARS,
    YOUR_DECISIONS,
    Annotation,
    FormDecision,
    FormEntry,
    OwnDataModel,
    check_entry,
    decide_entry,
    export_overview,
    group_key,
    open_export,
    split_titles,
)
from invite_triage.render.app_charts import DecisionChart, plot_family_seniority
from invite_triage.render.style import DECISION_COLOURS, DECISION_LABELS, clip_text
from invite_triage.widgets.base import App, FigureView, guarded, summary_html

LANGUAGE_LABELS: dict[str, str] = {"en": "English", "fr": "Français"}
_PROFILE_URL = re.compile(r"^https://(?:[a-z]{2,3}\.)?linkedin\.com/in/[^/\s\"'<>?#]+/?$")


def _to_fill_html(fields: tuple[str, ...]) -> str:
    """Which empty fields could change the decision: what to read on their profile first."""
    if not fields:
        return ""
    names = ", ".join(html.escape(FIELD_LABELS[f]) for f in fields)
    return (f"<p class='it-to-fill'>Not in the export, and could change this decision: "
            f"<b>{names}</b>. Read them on their profile page and fill them in.</p>")


def _card_html(row: pd.Series, unsaved: bool, saved_before: bool) -> str:
    """The invitation as the export shows it; every value escaped."""
    name = html.escape(clip_text(str(row["name"]), 80))
    url = str(row.get("url", "") or "").strip()
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" '
            'rel="noopener noreferrer">open their profile</a>' if _PROFILE_URL.match(url) else "")
    sent = row["sent_at"]
    when = "" if pd.isna(sent) else f"sent {sent:%d %b %Y}"
    note = str(row.get("message", "") or "").strip()
    note_html = (
        '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;margin:4px 0;'
        f'padding:2px 8px">{html.escape(clip_text(note, 500))}</blockquote>'
        if note else "<p><em>No note with this invitation.</em></p>"
    )
    state = ("<b>unsaved changes</b>" if unsaved
             else "saved" if saved_before else "not saved yet")
    return (f"<p><b>{name}</b> · {html.escape(when)}{link} · {state}</p>{note_html}")


class OwnDataApp(App):
    """The triage form: an invitation, what its profile page shows, the live decision, Save."""

    def __init__(self, model: OwnDataModel, lang: str | None = None):
        self.model = model
        self._loading = False
        self.decided: FormDecision | None = None
        self._last_summary = ""
        wide = {"description_width": "150px"}
        full = widgets.Layout(width="95%")
        options = model.options()
        self.status = widgets.HTML(self._status_html())
        self.dropdown = widgets.Dropdown(
            options=options, value=options[0][1] if options else None,
            description="Invitation", style=wide, layout=full,
        )
        self.card = widgets.HTML()
        self.title = widgets.Text(
            description="Title", placeholder="their headline, as on their profile page",
            continuous_update=False, style=wide, layout=full,
        )
        self.mutuals = widgets.Text(
            description="Mutual connections", placeholder="a whole number, e.g. 12 (0 if none)",
            continuous_update=False, style=wide, layout=widgets.Layout(width="420px"),
        )
        self.mutual_titles = widgets.Textarea(
            description="Their titles",
            placeholder="the mutual connections' titles: one per line, or separated by commas",
            continuous_update=False, rows=4, style=wide, layout=full,
        )
        self.group_boxes: dict[str, widgets.Checkbox] = {
            group: widgets.Checkbox(value=False, description=group, indent=False)
            for group in model.groups
        }
        groups_note = ("Shared groups (yours, from the export; tick those on their profile):"
                       if model.groups else "Shared groups: your export lists no group of yours.")
        self.groups_box = widgets.VBox([widgets.Label(groups_note), *self.group_boxes.values()])
        self.known = widgets.Checkbox(value=False, description="I know them offline",
                                      indent=False)
        self.your_decision = widgets.ToggleButtons(
            options=list(YOUR_DECISIONS), value="", description="Your decision", style=wide,
            tooltips=["No decision recorded yet", "You accept", "You will ask first",
                      "You decline"],
        )
        self.language = widgets.ToggleButtons(
            options=[(LANGUAGE_LABELS[c], c) for c in LANGUAGES],
            value=lang or model.profile.language, description="Language", style=wide,
            tooltips=["Reasons and draft in English", "Raisons et message en français"],
        )
        self.summary = summary_html()
        self.draft = widgets.HTML()
        self.save_button = widgets.Button(
            description="Save", button_style="primary", icon="save",
            tooltip="Add this annotation to data/private (earlier saves are kept)",
        )
        self.save_status = widgets.HTML()
        children: list[widgets.Widget] = [self.status]
        self.bars: DecisionChart | None = None
        self.chart: FigureView | None = None
        if len(model):
            self.bars = DecisionChart(model.weights, model.thresholds)
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
        m = self.model
        folder = html.escape(str(m.folder))
        if not len(m):
            return (f"<p>No pending invitation in this export. Saved annotations in "
                    f"<code>{folder}</code>: {m.loaded}.</p>")
        return (f"<p><b>{m.loaded}</b> saved annotation{'s' if m.loaded != 1 else ''} loaded "
                f"from <code>{folder}</code>; <b>{m.matched}</b> of the {len(m):,} pending "
                f"invitations are filled in from them. Saving adds a row there; nothing is "
                "ever overwritten.</p>")

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
            raise InvalidInputError("nothing to save", ["this export has no pending invitation"])
        entry = self.entry()
        self.model.remember(position, entry)
        try:
            path = self.model.save(position, entry)
        except InvalidInputError:
            self.save_status.value = ("<p style='color:#a40000'>Not saved: fix the field named "
                                      "below, then press Save again.</p>")
            raise
        name = html.escape(clip_text(str(self.model.row(position)["name"]), 60))
        self.save_status.value = (
            f"<p>Saved {name} to <code>{html.escape(str(path))}</code> "
            f"({len(self.model.saved)} saved in this session; earlier saves kept).</p>"
        )
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
        position = self.dropdown.value
        row = self.model.row(position)
        self.card.value = _card_html(row, self.model.unsaved(position),
                                     bool(self.model.annotated[position]))
        self.status.value = self._status_html()
        try:
            decided = self.model.decide(position, self.entry(), self.language.value)
        except InvalidInputError:
            if self.decided is None:
                self.summary.value = ("<p style='color:#a40000'><b>No decision yet</b>: fix the "
                                      "field named below (what you typed is kept).</p>")
                if self.bars is not None and self.chart is not None:
                    self.bars.clear("No decision until the field named below is fixed")
                    self.chart.refresh()
                self.draft.value = ""
            else:
                self.summary.value = (
                    "<p style='color:#a40000'><b>Showing the decision for the last valid "
                    "entry</b>; fix the field named below (what you typed is kept).</p>"
                    + self._last_summary
                )
            raise
        self.decided = decided
        colour = DECISION_COLOURS[decided.decision]
        counted = ""
        typed = decided.annotation.mutual_connections
        if len(decided.annotation.mutual_titles) > typed:
            counted = (f"<p style='font-size:smaller'>You listed "
                       f"{len(decided.annotation.mutual_titles)} titles for {typed} mutual "
                       f"connections: counted as {decided.counted_mutuals}.</p>")
        self._last_summary = (
            f"<p>Suggested: <b style='color:{colour}'>"
            f"{html.escape(DECISION_LABELS[decided.decision])}</b> (score "
            f"<b>{decided.score:.2f}</b>; ask first from {self.model.thresholds['ask']:.2f}, "
            f"accept from {self.model.thresholds['accept']:.2f})</p>"
            f"<p>{html.escape(decided.reasons)}</p>{counted}"
            f"{_to_fill_html(self.model.fields_to_fill(position, self.entry()))}"
        )
        self.summary.value = self._last_summary
        self.bars.update(decided)  # type: ignore[union-attr]
        self.chart.refresh()  # type: ignore[union-attr]
        if decided.draft:
            self.draft.value = (
                "<p>Before deciding, you could write:</p>"
                '<blockquote style="white-space:pre-wrap;border-left:3px solid '
                f'{DECISION_COLOURS["ask"]};margin:4px 0;padding:2px 8px">'
                f"{html.escape(decided.draft)}</blockquote>"
            )
        else:
            self.draft.value = (
                "<p style='font-size:smaller'>No \"ask first\" message: the suggestion is to "
                f"{html.escape(DECISION_LABELS[decided.decision])}.</p>"
            )


def triage_form(
    export: LinkedInExport | None = None,
    profile: Profile | None = None,
    private_dir: str | os.PathLike[str] | None = None,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    lang: str | None = None,
) -> OwnDataApp:
    """Chapter 08: fill in, for each pending invitation of your export, what only the inviter's
    profile page shows; read the decision live; Save to ``private_dir`` (default
    ``data/private``). Defaults: the sample export and the profile it implies."""
    export = open_export(None) if export is None else export
    return OwnDataApp(OwnDataModel(export, profile, private_dir, weights, thresholds), lang)


__all__ = [
    "FIELD_LABELS", "LABEL_CHARS", "MAX_MUTUALS", "MAX_MUTUAL_TITLES", "MAX_TITLE_CHARS",
    "YOUR_DECISIONS", "Annotation", "DecisionChart", "FormDecision", "FormEntry", "OwnDataApp",
    "OwnDataModel", "check_entry", "decide_entry", "export_overview", "group_key", "open_export",
    "plot_family_seniority", "split_titles", "triage_form",
]
