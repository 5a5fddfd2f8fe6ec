"""Chapter 05's "ask first" logic: the invitations worth a message, and their drafts."""

from __future__ import annotations

import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.drafting import draft_message
from invite_triage.domain.profile import LANGUAGES, Profile
from invite_triage.domain.triage import triage
from invite_triage.render.style import clip_text

#: Dropdown labels stay short: name and the start of the title.
LABEL_CHARS = 70


class DrafterModel:
    """The invitations worth a message (the triage says "ask first"), and their drafts."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile, decisions=("ask",),
                 lang: str | None = None):
        self.profile = profile
        self.lang = lang
        triaged = triage(invitations, profile).reset_index(drop=True)
        wanted = triaged["decision"].isin(list(decisions))
        # When nothing is to be asked about, every invitation stays pickable.
        self.pending = triaged[wanted] if wanted.any() else triaged

    def __len__(self) -> int:
        return len(self.pending)

    def options(self) -> list[tuple[str, int]]:
        """(label, row position) pairs for a dropdown, in the inbox's order."""
        labels = (
            self.pending["name"].astype(str) + " — " + self.pending["title"].astype(str)
        ).map(lambda text: clip_text(text, LABEL_CHARS))
        return list(zip(labels.tolist(), self.pending.index.tolist(), strict=True))

    def row(self, position: int) -> pd.Series:
        if position not in self.pending.index:
            raise InvalidInputError(
                message("app.drafter.no_such", self.lang),
                [message("app.drafter.no_such_detail", self.lang, position=repr(position))],
            )
        return self.pending.loc[position]

    def draft(self, position: int, lang: str) -> str:
        if lang not in LANGUAGES:
            raise InvalidInputError(
                message("app.drafter.unknown_language", self.lang, code=repr(lang)),
                [message("app.drafter.expected_languages", self.lang,
                         languages=list(LANGUAGES))],
            )
        return draft_message(self.row(position), self.profile, lang=lang)
