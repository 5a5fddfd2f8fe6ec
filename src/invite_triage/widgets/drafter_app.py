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

from invite_triage.domain.profile import LANGUAGES, Profile
from invite_triage.models.drafter import DrafterModel
from invite_triage.render.style import DECISION_LABELS, clip_text
from invite_triage.widgets.base import App, guarded, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

LANGUAGE_LABELS: dict[str, str] = {"en": "English", "fr": "Français"}


class DrafterApp(App):
    """Pick a pending invitation and a language; read the drafted message."""

    def __init__(self, model: DrafterModel, lang: str | None = None):
        self.model = model
        options = model.options()
        self.dropdown = widgets.Dropdown(
            options=options, value=options[0][1] if options else None,
            description="Invitation", layout=widgets.Layout(width="95%"),
        )
        self.language = widgets.ToggleButtons(
            options=[(LANGUAGE_LABELS[code], code) for code in LANGUAGES],
            value=lang or model.profile.language, description="Language",
            tooltips=["Draft in English", "Rédiger en français"],
        )
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
        if self.dropdown.value is None:
            self.text = ""
            self.context.value = ""
            self.message.value = "<p><em>No pending invitation to write to.</em></p>"
            return
        row = self.model.row(self.dropdown.value)
        note = str(row.get("message", "") or "").strip()
        self.context.value = (
            f"<p><b>{html.escape(clip_text(str(row['name']), 80))}</b>, "
            f"{html.escape(clip_text(str(row['title']), 120))} — suggested: "
            f"<b>{html.escape(DECISION_LABELS[str(row['decision'])])}</b>. "
            f"{html.escape(str(row['reasons']))}</p>"
            + (f"<p>Their note: <q>{html.escape(clip_text(note, 300))}</q></p>" if note
               else "<p>They wrote no note.</p>")
        )
        self.text = self.model.draft(self.dropdown.value, self.language.value)
        self.message.value = (
            '<p>Your message:</p><blockquote style="white-space:pre-wrap;border-left:3px solid '
            f'#E69F00;margin:4px 0;padding:4px 8px">{html.escape(self.text)}</blockquote>'
        )


def drafter_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
                lang: str | None = None) -> DrafterApp:
    """Chapter 05: draft the "ask first" message for a pending invitation, EN or FR."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return DrafterApp(DrafterModel(invitations, profile), lang)
