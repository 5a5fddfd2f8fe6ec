"""Chapter 05: "ask first" — draft a short message to a sender before deciding.

The article's advice for doubtful requests is to write to the person and ask what they expect
and how you could help each other; the answer shows whether the request is serious. This app
lists the pending invitations the triage would ask about, and shows the message
``drafting.draft_message`` writes for the one you pick, in English or French.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from invite_triage.core.i18n import label, language_name, message, template
from invite_triage.domain.profile import LANGUAGES, Profile
from invite_triage.models.drafter import DrafterModel
from invite_triage.render.style import clip_text
from invite_triage.widgets.base import App, app_language, guarded, language_toggle, summary_html
from invite_triage.world.datasets import example_profile, load_invitations


def language_labels() -> dict[str, str]:
    """Each language's own name ("English", "Français"), from its own catalog."""
    return {code: language_name(code) for code in LANGUAGES}


def __getattr__(name: str) -> dict[str, str]:
    if name == "LANGUAGE_LABELS":
        return language_labels()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class DrafterApp(App):
    """Pick a pending invitation and a language; read the drafted message."""

    def __init__(self, model: DrafterModel, lang: str | None = None,
                 draft_lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        options = model.options()
        self.dropdown = widgets.Dropdown(
            options=options, value=options[0][1] if options else None,
            description=message("app.common.invitation", lang),
            layout=widgets.Layout(width="95%"),
        )
        # The draft's own language: the inviter may not read the learner's.
        self.language = language_toggle(draft_lang or model.profile.language, lang,
                                        "app.common.tooltip_draft_language")
        self.context = widgets.HTML()
        self.message = summary_html()
        self.text = ""
        super().__init__([self.dropdown, self.language, self.context, self.message])
        self.dropdown.observe(self._on_change, names="value")
        self.language.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        lang = self.lang
        if self.dropdown.value is None:
            self.text = ""
            self.context.value = ""
            self.message.value = f"<p><em>{html.escape(message('app.drafter.none', lang))}</em></p>"
            return
        row = self.model.row(self.dropdown.value)
        note = str(row.get("message", "") or "").strip()
        decision = str(row["decision"])
        context = html.escape(template("app.drafter.context", lang)).format(
            name=f"<b>{html.escape(clip_text(str(row['name']), 80))}</b>",
            title=html.escape(clip_text(str(row["title"]), 120)),
            decision=f"<b>{html.escape(label('decision', decision, lang))}</b>",
            reasons=html.escape(str(row["reasons"])),
        )
        their_note = (
            html.escape(template("app.drafter.their_note", lang)).format(
                note=f"<q>{html.escape(clip_text(note, 300))}</q>")
            if note else html.escape(message("app.drafter.no_note", lang))
        )
        self.context.value = f"<p>{context}</p><p>{their_note}</p>"
        self.text = self.model.draft(self.dropdown.value, self.language.value)
        self.message.value = (
            f"<p>{html.escape(message('app.drafter.your_message', lang))}</p>"
            '<blockquote style="white-space:pre-wrap;border-left:3px solid '
            f'#E69F00;margin:4px 0;padding:4px 8px">{html.escape(self.text)}</blockquote>'
        )


def drafter_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
                lang: str | None = None, draft_lang: str | None = None) -> DrafterApp:
    """Chapter 05: draft the "ask first" message for a pending invitation, EN or FR.

    The app speaks ``lang`` (None: the process language); the draft starts in ``draft_lang``
    (None: ``lang`` when given, else the profile's language) and the toggle switches it: a
    French learner may answer an English-speaking inviter."""

    draft_lang = draft_lang or lang
    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return DrafterApp(DrafterModel(invitations, profile, lang=lang), lang, draft_lang)
