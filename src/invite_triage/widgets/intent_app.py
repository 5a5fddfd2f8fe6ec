"""Chapter 05: what an invitation's note gives away — personal, generic, pitch or empty.

The learner types or pastes a note (English or French) and sees the kind
``intent.classify_message`` gives it, with every phrase of the phrase table found in the note
highlighted in the original text. Classification stays in ``intent.py``; this module only
locates the phrases in the text as typed (accents and case kept) and escapes everything.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.intent import classify_message, normalise_message, phrase_table
from invite_triage.widgets._style import clip_text
from invite_triage.widgets.base import App, guarded, summary_html

#: Invitation notes on LinkedIn are a few hundred characters at most; far longer text is not a
#: note, and the app says so rather than pretending to analyse it.
MAX_NOTE_CHARS = 2_000
KIND_MEANINGS: dict[str, str] = {
    "personal": "a personal note: it says who they are or why they write to you",
    "generic": "a generic note: LinkedIn's default sentence or a greeting, nothing specific",
    "pitch": "a sales pitch: they want to sell to you (or to your network)",
    "empty": "no note at all: the invitation tells you nothing about its intent",
}
KIND_ADVICE: dict[str, str] = {
    "personal": "Read it: it often answers the criteria on its own.",
    "generic": "Neither good nor bad: weigh the other criteria, or ask first.",
    "pitch": "The article's warning case: someone growing a network to sell to it.",
    "empty": "Most invitations come without a note: weigh the other criteria, or ask first.",
}
#: Background colour of a highlighted phrase, by the phrase's kind in the table.
MARK_COLOURS: dict[str, str] = {
    "pitch": "#f4c7a8",
    "personal": "#b8e0d2",
    "generic": "#e0e0e0",
    "greeting": "#eeeeee",
}
EXAMPLES: tuple[str, ...] = (
    "Hi, we met at the Content Marketing meetup in Lyon last week. Great talk on moderation!",
    "Bonjour, je souhaiterais vous ajouter à mon réseau.",
    "Hello! I help agencies like yours get 30+ qualified leads per month. Quick call this week?",
    "Bonjour, je vous propose une démo gratuite de notre outil de prospection (99 €/mois).",
)


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


#: When phrases overlap, the highlight takes the colour of the strongest kind.
_KIND_STRENGTH = ("pitch", "personal", "generic", "greeting")


def _clusters(spans: tuple[Span, ...]) -> list[tuple[int, int, list[str]]]:
    """Overlapping spans merged: (start, end, kinds) per highlighted stretch."""
    merged: list[tuple[int, int, list[str]]] = []
    for span in spans:
        if merged and span.start < merged[-1][1]:
            start, end, kinds = merged[-1]
            merged[-1] = (start, max(end, span.end), [*kinds, span.kind])
        else:
            merged.append((span.start, span.end, [span.kind]))
    return merged


def highlight_html(reading: IntentReading) -> str:
    """The note as typed, escaped, with each found phrase wrapped in a coloured ``<mark>``."""
    text = reading.text
    parts: list[str] = []
    cursor = 0
    for start, end, kinds in _clusters(reading.spans):
        kind = min(kinds, key=lambda k: _KIND_STRENGTH.index(k) if k in _KIND_STRENGTH else 9)
        parts.append(html.escape(text[cursor:start]))
        colour = MARK_COLOURS.get(kind, "#eeeeee")
        parts.append(
            f'<mark title="{html.escape(", ".join(dict.fromkeys(kinds)))}" '
            f'style="background:{colour};padding:0 2px">{html.escape(text[start:end])}</mark>'
        )
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


def reading_html(reading: IntentReading) -> str:
    """The shown result: kind, meaning, advice, triggers and the highlighted note."""
    if reading.kind == "empty":
        note = "<p><em>(no note)</em></p>"
    else:
        note = (
            '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;'
            f'margin:4px 0;padding:2px 8px">{highlight_html(reading)}</blockquote>'
        )
    triggers = (
        ", ".join(f"<q>{html.escape(clip_text(t, 60))}</q>" for t in reading.triggers)
        or "<em>none</em>"
    )
    return (
        f"<p>Kind: <b>{html.escape(reading.kind)}</b> — {html.escape(reading.meaning)}.</p>"
        f"<p>{html.escape(KIND_ADVICE[reading.kind])}</p>"
        f"<p>Phrases that decided: {triggers}</p>"
        f"{note}"
        '<p style="font-size:smaller">Highlighted: '
        + " ".join(
            f'<mark style="background:{colour}">{html.escape(kind)}</mark>'
            for kind, colour in MARK_COLOURS.items()
        )
        + " phrases of the table.</p>"
    )


class IntentApp(App):
    """A text box for a note; its kind and highlighted phrases update as you type."""

    def __init__(self, model: IntentModel, text: str = EXAMPLES[2]):
        self.model = model
        self.text = widgets.Textarea(
            value=text,
            description="Note",
            placeholder="Type or paste an invitation note, in English or French",
            layout=widgets.Layout(width="100%", height="6em"),
            continuous_update=True,
        )
        self.examples = widgets.Dropdown(
            options=[("Try an example…", "")] + [(clip_text(e, 60), e) for e in EXAMPLES],
            value="",
            description="Examples",
        )
        self.result = summary_html()
        self.reading: IntentReading | None = None
        super().__init__([self.text, self.examples, self.result])
        self.text.observe(self._on_text, names="value")
        self.examples.observe(self._on_example, names="value")
        self.update()

    def _on_text(self, change: dict) -> None:
        self.update()

    def _on_example(self, change: dict) -> None:
        if change["new"]:
            self.text.value = change["new"]

    @guarded
    def update(self) -> None:
        self.reading = None
        self.result.value = ""
        reading = self.model.analyse(self.text.value)
        self.reading = reading
        self.result.value = reading_html(reading)


def intent_app(text: str = EXAMPLES[2]) -> IntentApp:
    """Chapter 05: type an invitation note and see its kind and the phrases that decided."""
    return IntentApp(IntentModel(), text)
