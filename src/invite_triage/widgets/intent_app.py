"""Chapter 05: what an invitation's note gives away — personal, generic, pitch or empty.

The learner types or pastes a note (English or French) and sees the kind
``intent.classify_message`` gives it, with every phrase of the phrase table found in the note
highlighted in the original text. The reading (kind, triggers, where the phrases are) is
:class:`~invite_triage.models.intent.IntentModel`'s; this module turns it into escaped HTML.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from invite_triage.models.intent import (
    KIND_MEANINGS,
    MAX_NOTE_CHARS,
    IntentModel,
    IntentReading,
    Span,
    find_phrases,
)
from invite_triage.render.style import clip_text
from invite_triage.widgets.base import App, guarded, summary_html

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


__all__ = [
    "EXAMPLES", "KIND_ADVICE", "KIND_MEANINGS", "MARK_COLOURS", "MAX_NOTE_CHARS", "IntentApp",
    "IntentModel", "IntentReading", "Span", "find_phrases", "highlight_html", "intent_app",
    "reading_html",
]
