"""Chapter 01's logic: one typed title explained, and how much its family matters to you."""

from __future__ import annotations

from dataclasses import dataclass

from invite_triage.core.formats import number
from invite_triage.core.i18n import message
from invite_triage.domain.profile import RELEVANT_WEIGHT, Profile
from invite_triage.domain.titles import MAX_CHARS, TitleExplanation, explain_title


@dataclass(frozen=True)
class TitleReading:
    """What the app shows for one typed title."""

    explanation: TitleExplanation
    weight: float
    matters: bool
    notes: tuple[str, ...]


class TitleModel:
    """Explains a title and says how much its family matters to you."""

    def __init__(self, profile: Profile, lang: str | None = None):
        self.profile = profile
        self.lang = lang
        self.weights = profile.family_weights()

    def read(self, text: str) -> TitleReading:
        text = "" if text is None else str(text)
        explanation = explain_title(text, self.lang)
        notes = []
        if len(text) > MAX_CHARS:
            notes.append(message("app.title.note_long", self.lang, n=number(len(text), self.lang),
                                 max=number(MAX_CHARS, self.lang)))
        if not text.strip():
            notes.append(message("app.title.note_empty", self.lang))
        elif not explanation.cleaned:
            notes.append(message("app.title.note_no_words", self.lang))
        elif not explanation.family_words:
            notes.append(message("app.title.note_unknown", self.lang))
        weight = float(self.weights[explanation.family])
        return TitleReading(explanation, weight, weight >= RELEVANT_WEIGHT, tuple(notes))
