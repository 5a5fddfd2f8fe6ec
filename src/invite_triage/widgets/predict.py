"""Place your bets: pick a guess, press "Reveal", see the answer beside it.

The view of :class:`~invite_triage.models.predict.PredictModel`. Nothing waits for input:
the cell returns at once and the button's callback does the rest, so the notebook never
blocks. Once revealed, the guess is locked (the point is to commit before seeing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.models.predict import PredictModel, Reveal
from invite_triage.render.style import OKABE_ITO, esc
from invite_triage.widgets.base import App, app_language, guarded, summary_html

RIGHT_COLOUR = "#006d2c"
WRONG_COLOUR = "#8c510a"


def __getattr__(name: str) -> str:
    if name == "PICK_FIRST":  # the English text, for older imports
        return message("app.predict.pick_first", "en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reveal_html(reveal: Reveal, lang: str | None = None) -> str:
    """The guess and the answer side by side, then the explanation (all escaped)."""
    colour = RIGHT_COLOUR if reveal.correct else WRONG_COLOUR
    verdict = message("app.predict.right" if reveal.correct else "app.predict.wrong", lang)
    cell = ("<td style='padding:6px 14px;border:1px solid #ccc;vertical-align:top'>"
            "<div style='font-size:85%;color:#555'>{}</div><div style='font-size:120%'>"
            "<b>{}</b></div></td>")
    table = ("<table style='border-collapse:collapse'><tr>"
             + cell.format(esc(message("app.predict.your_guess_cell", lang)),
                           esc(reveal.shown_guess))
             + cell.format(esc(message("app.predict.answer_cell", lang)),
                           esc(reveal.shown_answer))
             + "</tr></table>")
    explanation = f"<p>{esc(reveal.explanation)}</p>" if reveal.explanation else ""
    return (f"{table}<p style='color:{colour}'><b>{esc(verdict)}</b> — "
            f"{esc(reveal.comment)}</p>{explanation}")


#: Answers this short (characters), and this few in all, fit side by side as buttons.
_SHORT_ANSWER = 24
_ROW_CHARS = 64


def _fits_in_a_row(labels: list[str]) -> bool:
    """Whether the answers fit as toggle buttons in one row of the notebook (else each gets
    a line of its own)."""
    return all(len(text) <= _SHORT_ANSWER for text in labels) and (
        sum(len(text) for text in labels) <= _ROW_CHARS)


class PredictApp(App):
    """The question, a guess control, a "Reveal" button and the result area."""

    def __init__(self, model: PredictModel, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.question = widgets.HTML(
            f"<p><b style='color:{OKABE_ITO['vermillion']}'>"
            f"{esc(message('app.predict.place_bet', lang))}</b> {esc(model.question)}</p>"
        )
        options = [(model.choice_labels[c], c) for c in model.choices] if (
            model.kind == "choice") else []
        if options and _fits_in_a_row([text for text, _ in options]):
            self.guess: widgets.ValueWidget = widgets.ToggleButtons(
                options=options, value=None,
                description=message("app.predict.your_guess", lang),
                style={"description_width": "initial", "button_width": "initial"},
            )
        elif options:  # long answers: one per line, never cut
            self.guess = widgets.RadioButtons(
                options=options, value=None,
                description=message("app.predict.your_guess", lang),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto", max_width="100%"),
            )
        else:
            self.guess = widgets.FloatSlider(
                value=(model.low + model.high) / 2, min=model.low, max=model.high,
                step=model.step, description=message("app.predict.your_guess", lang),
                continuous_update=False, style={"description_width": "initial"},
            )
        self.reveal_button = widgets.Button(description=message("app.predict.reveal", lang),
                                            icon="eye", button_style="info")
        self.result = summary_html(
            value=f"<p><em>{esc(message('app.predict.commit', lang))}</em></p>")
        self.revealed: Reveal | None = None
        row = (widgets.VBox if isinstance(self.guess, widgets.RadioButtons) else widgets.HBox)
        super().__init__([self.question, row([self.guess, self.reveal_button]), self.result])
        self.add_class("it-predict")  # a guess changes nothing until "Reveal" (browser tests)
        self.reveal_button.on_click(self._on_click)

    def _on_click(self, _button: widgets.Button) -> None:
        self.reveal()

    @guarded
    def reveal(self) -> Reveal | None:
        """Show the answer beside the guess and lock the guess (or ask for a guess first)."""
        if self.revealed is not None:
            return self.revealed
        try:
            guess = self.model.read_guess(self.guess.value)
        except InvalidInputError:
            pick_first = message("app.predict.pick_first", self.lang)
            self.result.value = f"<p><em>{esc(pick_first)}</em></p>"
            return None
        self.revealed = self.model.reveal(guess)
        self.guess.disabled = True
        self.reveal_button.disabled = True
        self.result.value = reveal_html(self.revealed, self.lang)
        return self.revealed


def predict(
    question: str | PredictModel,
    answer: Any = None,
    choices: Sequence[str | tuple[str, str]] | None = None,
    low: float | None = None,
    high: float | None = None,
    step: float | None = None,
    tolerance: float | None = None,
    explanation: str | Callable[[Any], str] = "",
    unit: str = "",
    lang: str | None = None,
) -> PredictApp:
    """A "place your bets" moment: the learner guesses, presses Reveal, compares.

    Give ``choices`` for a multiple choice or ``low``/``high`` for a number; ``answer`` is
    the value or a function computing it when revealed. Or pass a ready ``PredictModel``.
    The question, choices and explanation are shown as given; the app's own words are in
    ``lang`` (None: the process language).
    """
    lang = app_language(lang)
    model = question if isinstance(question, PredictModel) else PredictModel(
        question, answer, choices=choices, low=low, high=high, step=step,
        tolerance=tolerance, explanation=explanation, unit=unit, lang=lang,
    )
    return PredictApp(model, lang)
