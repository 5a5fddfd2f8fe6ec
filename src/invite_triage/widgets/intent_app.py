"""Chapter 05: what an invitation's note gives away — personal, generic, pitch or empty.

The learner types or pastes a note (English or French) and sees the kind
``intent.classify_message`` gives it, with every phrase of the phrase table found in the note
highlighted in the original text. The reading (kind, triggers, where the phrases are) is
:class:`~invite_triage.models.intent.IntentModel`'s; this module turns it into escaped HTML.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from invite_triage.core.i18n import label, message, template
from invite_triage.models.intent import (
    KINDS,
    MAX_NOTE_CHARS,
    IntentModel,
    IntentReading,
    Span,
    find_phrases,
    kind_meanings,
)
from invite_triage.render.style import clip_text
from invite_triage.widgets.base import App, app_language, guarded, summary_html


def kind_advice(lang: str | None = None) -> dict[str, str]:
    """What to do with each kind of note, in ``lang``."""
    return {kind: message(f"app.intent.advice.{kind}", lang) for kind in KINDS}


def __getattr__(name: str) -> dict[str, str]:
    if name == "KIND_ADVICE":  # the English texts, for older imports
        return kind_advice("en")
    if name == "KIND_MEANINGS":
        return kind_meanings("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Background colour of a highlighted phrase, by the phrase's kind in the table.
MARK_COLOURS: dict[str, str] = {
    "offer": "#eda27a",
    "pitch": "#f4c7a8",
    "incentive": "#f6d3bb",
    "request": "#f9e2b8",
    "link": "#d9d2f0",
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
_KIND_STRENGTH = (
    "offer", "pitch", "incentive", "request", "link", "personal", "generic", "greeting",
)


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


def _kind_label(kind: str, lang: str | None) -> str:
    try:
        return label("message_kind", kind, lang)
    except Exception:  # a kind the catalog does not name: shown as the classifier gives it
        return kind


def reading_html(reading: IntentReading, lang: str | None = None) -> str:
    """The shown result: kind, meaning, advice, triggers and the highlighted note."""
    lang = reading.lang if lang is None else lang
    if reading.kind == "empty":
        note = f"<p><em>{html.escape(message('app.intent.no_note', lang))}</em></p>"
    else:
        note = (
            '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;'
            f'margin:4px 0;padding:2px 8px">{highlight_html(reading)}</blockquote>'
        )
    triggers = (
        ", ".join(f"<q>{html.escape(clip_text(t, 60))}</q>" for t in reading.triggers)
        or f"<em>{html.escape(message('app.common.none', lang))}</em>"
    )
    marks = " ".join(
        f'<mark style="background:{colour}">'
        f'{html.escape(message(f"app.intent.mark.{kind}", lang))}</mark>'
        for kind, colour in MARK_COLOURS.items()
    )
    kind = html.escape(template("app.intent.kind", lang)).format(
        kind=f"<b>{html.escape(_kind_label(reading.kind, lang))}</b>",
        meaning=html.escape(message(f"app.intent.meaning.{reading.kind}", lang)))
    return (
        f"<p>{kind}</p>"
        f"<p>{html.escape(message(f'app.intent.advice.{reading.kind}', lang))}</p>"
        "<p>" + html.escape(template("app.intent.triggers", lang)).format(phrases=triggers)
        + f"</p>{note}"
        '<p style="font-size:smaller">'
        + html.escape(template("app.intent.highlighted", lang)).format(marks=marks)
        + "</p>"
    )


class IntentApp(App):
    """A text box for a note; its kind and highlighted phrases update as you type."""

    def __init__(self, model: IntentModel, text: str = EXAMPLES[2], lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.text = widgets.Textarea(
            value=text,
            description=message("app.intent.note", lang),
            placeholder=message("app.intent.placeholder", lang),
            layout=widgets.Layout(width="100%", height="6em"),
            continuous_update=True,
        )
        self.examples = widgets.Dropdown(
            options=[(message("app.intent.try_example", lang), "")]
            + [(clip_text(e, 60), e) for e in EXAMPLES],
            value="",
            description=message("app.intent.examples", lang),
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
        self.result.value = reading_html(reading, self.lang)


def intent_app(text: str = EXAMPLES[2], lang: str | None = None) -> IntentApp:
    """Chapter 05: type an invitation note and see its kind and the phrases that decided."""
    lang = app_language(lang)
    return IntentApp(IntentModel(lang), text, lang)


__all__ = [
    "EXAMPLES",
    "KINDS",
    "MARK_COLOURS",
    "MAX_NOTE_CHARS",
    "IntentApp",
    "IntentModel",
    "IntentReading",
    "Span",
    "find_phrases",
    "highlight_html",
    "intent_app",
    "kind_advice",
    "kind_meanings",
    "reading_html",
]
