"""Chapter 05's note logic: what kind a note is, and where the phrases that decided are.

Classification stays in ``domain.intent``; this module only checks the note's length and
locates the phrases in the text as typed (accents and case kept), for the intent app to
highlight.
"""

from __future__ import annotations

from dataclasses import dataclass

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import number
from invite_triage.core.i18n import message
from invite_triage.domain.intent import (
    classify_message,
    find_cues,
    normalise_message,
    phrase_table,
)

#: Invitation notes on LinkedIn are a few hundred characters at most; far longer text is not a
#: note, and the app says so rather than pretending to analyse it.
MAX_NOTE_CHARS = 2_000
#: The kinds a note can have (``intent.classify_message``), in the order they are explained.
KINDS: tuple[str, ...] = ("personal", "generic", "pitch", "empty")


def kind_meanings(lang: str | None = None) -> dict[str, str]:
    """What each kind of note means, in ``lang`` (None: the current language)."""
    return {kind: message(f"app.intent.meaning.{kind}", lang) for kind in KINDS}


def __getattr__(name: str) -> dict[str, str]:
    if name == "KIND_MEANINGS":  # the English texts, for older imports
        return kind_meanings("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    lang: str | None = None

    @property
    def meaning(self) -> str:
        return message(f"app.intent.meaning.{self.kind}", self.lang)


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
    """Every cue of the intent table found in ``text``, as spans of the text as typed, sorted
    by position: exactly the cues the classifier counts (``domain.intent.find_cues``: at each
    place the longest match, a cue inside a longer one left out), so a highlight never shows a
    phrase the verdict ignored. Overlapping cues are both kept.

    Returns no span when the character mapping cannot be made exact (exotic Unicode), so a
    highlight is never put in the wrong place; the kind and triggers are still shown.
    """
    normalised, origin = _normalised_with_positions(text)
    if normalised != normalise_message(text):
        return ()
    table = phrase_table()
    return tuple(
        Span(origin[start], origin[end - 1] + 1, table.kinds[index], table.phrases[index])
        for start, end, index in find_cues(normalised)
    )


class IntentModel:
    """Reads one note: checks its length, classifies it, finds the phrases to highlight."""

    max_chars = MAX_NOTE_CHARS

    def __init__(self, lang: str | None = None):
        self.lang = lang

    def analyse(self, text: object) -> IntentReading:
        lang = self.lang
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InvalidInputError(
                message("app.intent.not_text", lang),
                [message("app.intent.not_text_detail", lang, type=type(text).__name__)],
            )
        if len(text) > self.max_chars:
            raise InvalidInputError(
                message("app.intent.too_long", lang),
                [message("app.intent.too_long_detail", lang, n=number(len(text), lang),
                         max=number(self.max_chars, lang))],
            )
        kind, triggers = classify_message(text)
        return IntentReading(text, kind, tuple(triggers), find_phrases(text), lang)
