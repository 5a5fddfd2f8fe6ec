"""Chapter 01's logic: one typed title explained, and how much its family matters to you."""

from __future__ import annotations

from dataclasses import dataclass

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

    def __init__(self, profile: Profile):
        self.profile = profile
        self.weights = profile.family_weights()

    def read(self, text: str) -> TitleReading:
        text = "" if text is None else str(text)
        explanation = explain_title(text)
        notes = []
        if len(text) > MAX_CHARS:
            notes.append(
                f"This text is {len(text):,} characters long; a job title or headline is much "
                f"shorter, so only its first {MAX_CHARS} characters were read."
            )
        if not text.strip():
            notes.append("Type a job title (English or French) to see how it is read.")
        elif not explanation.cleaned:
            notes.append(
                "No words were found in this text (only emoji, symbols or punctuation?), so it "
                "counts as 'other'."
            )
        elif not explanation.family_words:
            notes.append(
                "None of these words names a job family the package knows, so it counts as "
                "'other'. The vocabulary is in the package's vocab/terms.csv."
            )
        weight = float(self.weights[explanation.family])
        return TitleReading(explanation, weight, weight >= RELEVANT_WEIGHT, tuple(notes))
