"""Chapter 05's note logic: what kind a note is, and where the phrases that decided are.

Classification stays in ``domain.intent``; this module only checks the note's length and
locates the phrases in the text as typed (accents and case kept), for the intent app to
highlight.
"""

from __future__ import annotations

from dataclasses import dataclass

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.intent import classify_message, normalise_message, phrase_table

#: Invitation notes on LinkedIn are a few hundred characters at most; far longer text is not a
#: note, and the app says so rather than pretending to analyse it.
MAX_NOTE_CHARS = 2_000
KIND_MEANINGS: dict[str, str] = {
    "personal": "a personal note: it says who they are or why they write to you",
    "generic": "a generic note: LinkedIn's default sentence or a greeting, nothing specific",
    "pitch": "a sales pitch: they want to sell to you (or to your network)",
    "empty": "no note at all: the invitation tells you nothing about its intent",
}


@dataclass(frozen=True)
class Span:
    """One phrase of the table found in the note: where (in the text as typed) and its kind."""

    start: int
    end: int
    kind: str
    phrase: str


@dataclass(frozen=True)
class IntentReading:
    """The kind of one note, the phrases that decided it, and where phrases occur."""

    text: str
    kind: str
    triggers: tuple[str, ...]
    spans: tuple[Span, ...]

    @property
    def meaning(self) -> str:
        return KIND_MEANINGS[self.kind]


def _normalised_with_positions(text: str) -> tuple[str, list[int]]:
    """The note as ``intent.normalise_message`` sees it, with, for every character, the index
    of the typed character it came from (accents and case folding can change lengths)."""
    chars: list[str] = []
    origin: list[int] = []
    space_at: int | None = None  # where the pending run of whitespace started
    for index, char in enumerate(text):
        if char.isspace():
            if chars and space_at is None:
                space_at = index
            continue
        piece = normalise_message(char)
        if not piece:  # a lone combining accent: the normaliser drops it
            continue
        if space_at is not None:
            chars.append(" ")
            origin.append(space_at)
            space_at = None
        chars.extend(piece)
        origin.extend([index] * len(piece))
    return "".join(chars), origin


def find_phrases(text: str) -> tuple[Span, ...]:
    """Every phrase of the intent table found in ``text``, as spans of the text as typed,
    sorted by position; a phrase inside a longer one ("leads" in "qualified leads") is left
    out, as the classifier does. Overlapping phrases are all kept.

    Returns no span when the character mapping cannot be made exact (exotic Unicode), so a
    highlight is never put in the wrong place; the kind and triggers are still shown.
    """
    normalised, origin = _normalised_with_positions(text)
    if normalised != normalise_message(text):
        return ()
    table = phrase_table()
    found = []
    for match in table.pattern.finditer(normalised):
        group = match.lastindex
        if group is None:
            continue
        start, end = match.span(group)
        if end > start:
            found.append((start, end, group - 1))
    kept = [f for f in found
            if not any(o[0] <= f[0] and f[1] <= o[1] and o != f for o in found)]
    return tuple(
        Span(origin[start], origin[end - 1] + 1, table.kinds[index], table.phrases[index])
        for start, end, index in sorted(kept)
    )


class IntentModel:
    """Reads one note: checks its length, classifies it, finds the phrases to highlight."""

    max_chars = MAX_NOTE_CHARS

    def analyse(self, text: object) -> IntentReading:
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InvalidInputError(
                "a note must be text", [f"got a {type(text).__name__}; expected a string"]
            )
        if len(text) > self.max_chars:
            raise InvalidInputError(
                "this text is too long to be an invitation note",
                [
                    f"got {len(text):,} characters; expected at most {self.max_chars:,} "
                    "(LinkedIn invitation notes are a few hundred characters long). "
                    "Paste only the note."
                ],
            )
        kind, triggers = classify_message(text)
        return IntentReading(text, kind, tuple(triggers), find_phrases(text))
