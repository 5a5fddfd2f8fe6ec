"""Place your bets: a guess first, the answer after, side by side (no widgets here).

Committing to a guess before seeing a result makes the result stick (and shows the learner
what they believed). :class:`PredictModel` holds one question, either a choice among options
or a number on a slider, and an answer that may be a value or a function computed only when
revealed (so building the question costs nothing). ``widgets.predict`` is its view; nothing
here waits for input, so a notebook never blocks.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import decimal
from invite_triage.core.i18n import message

#: Longest question or explanation shown (a sentence or two, not a page).
MAX_TEXT_CHARS = 600


@dataclass(frozen=True)
class Reveal:
    """A guess beside the answer: ``correct`` when they match (numbers: within tolerance)."""

    guess: Any
    answer: Any
    correct: bool
    message: str
    explanation: str
    shown_guess: str
    shown_answer: str
    comment: str


def _text(value: object, what: str, lang: str | None = None) -> str:
    """``value`` when it is a text short enough to show; ``what`` names it ("question")."""
    name = message(f"app.predict.what_{what}", lang)
    if not isinstance(value, str):
        raise InvalidInputError(message("app.predict.not_text", lang, what=name),
                                [message("app.predict.got_type", lang,
                                         type=type(value).__name__)])
    if len(value) > MAX_TEXT_CHARS:
        raise InvalidInputError(message("app.predict.too_long", lang, what=name),
                                [message("app.predict.too_long_detail", lang, n=len(value),
                                         max=MAX_TEXT_CHARS)])
    return value


class PredictModel:
    """One bet. Give ``choices`` (values, or ``(label, value)`` pairs) for a multiple choice,
    or ``low``/``high`` (with ``step`` and ``tolerance``) for a number. ``answer`` is a value
    or a function returning it; ``explanation`` is text or a function of the answer."""

    def __init__(
        self,
        question: str,
        answer: Any,
        choices: Sequence[str | tuple[str, str]] | None = None,
        low: float | None = None,
        high: float | None = None,
        step: float | None = None,
        tolerance: float | None = None,
        explanation: str | Callable[[Any], str] = "",
        unit: str = "",
        lang: str | None = None,
    ):
        self.lang = lang
        self.question = _text(question, "question", lang)
        self.kind = "choice" if choices is not None else "number"
        problems = []
        if self.kind == "choice":
            pairs = [(str(c[0]), str(c[1])) if isinstance(c, tuple) and len(c) == 2
                     else (str(c), str(c)) for c in choices]
            self.choices = tuple(value for _, value in pairs)
            self.choice_labels = {value: label for label, value in pairs}
            if len(self.choices) < 2 or len(set(self.choices)) != len(self.choices):
                problems.append(message("app.predict.bad_choices", lang,
                                        choices=list(self.choices)))
            self.low = self.high = self.step = self.tolerance = None
        else:
            self.choices = ()
            self.choice_labels = {}
            if not all(isinstance(v, numbers.Real) for v in (low, high)) or not low < high:
                problems.append(message("app.predict.bad_range", lang, low=repr(low),
                                        high=repr(high)))
            else:
                self.low, self.high = float(low), float(high)
                self.step = float(step) if step else (self.high - self.low) / 100
                self.tolerance = float(tolerance) if tolerance is not None else self.step / 2
        if not (callable(answer) or answer is not None):
            problems.append(message("app.predict.no_answer", lang))
        if problems:
            raise InvalidInputError(message("app.predict.cannot_build", lang), problems)
        self._answer = answer
        self._explanation = explanation
        self.unit = unit
        self.revealed: Reveal | None = None

    def answer(self) -> Any:
        """The answer, computed on first use when it was given as a function."""
        if callable(self._answer):
            self._answer = self._answer()
        if self.kind == "choice" and str(self._answer) not in self.choices:
            raise InvalidInputError(message("app.predict.answer_not_choice", self.lang),
                                    [message("app.predict.expected_one_of", self.lang,
                                             value=repr(self._answer),
                                             choices=list(self.choices))])
        return str(self._answer) if self.kind == "choice" else float(self._answer)

    def read_guess(self, guess: object) -> Any:
        """The guess as the bet's kind, or an :class:`InvalidInputError` saying what fits."""
        if self.kind == "choice":
            if guess is None or str(guess) not in self.choices:
                raise InvalidInputError(message("app.predict.pick_option", self.lang),
                                        [message("app.predict.expected_one_of", self.lang,
                                                 value=repr(guess),
                                                 choices=list(self.choices))])
            return str(guess)
        number = (float(guess) if isinstance(guess, numbers.Real)
                  and not isinstance(guess, bool) else math.nan)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise InvalidInputError(message("app.predict.give_number", self.lang),
                                    [message("app.predict.number_range", self.lang,
                                             value=repr(guess), low=f"{self.low:g}",
                                             high=f"{self.high:g}")])
        return number

    def reveal(self, guess: object) -> Reveal:
        """Compare ``guess`` with the answer and word the outcome."""
        guess = self.read_guess(guess)
        answer = self.answer()
        if self.kind == "choice":
            correct = guess == answer
            shown_guess, shown_answer = self.choice_labels[guess], self.choice_labels[answer]
        else:
            correct = abs(guess - answer) <= self.tolerance
            shown_guess, shown_answer = self.format(guess), self.format(answer)
        lang = self.lang
        comment = message("app.predict.comment_right" if correct
                          else "app.predict.comment_wrong", lang)
        said = message("app.predict.message", lang, guess=shown_guess, answer=shown_answer,
                       comment=comment)
        explanation = (self._explanation(answer) if callable(self._explanation)
                       else self._explanation)
        self.revealed = Reveal(guess, answer, correct, said,
                               _text(explanation, "explanation", lang),
                               shown_guess, shown_answer, comment)
        return self.revealed

    def format(self, value: float) -> str:
        digits = max(0, -math.floor(math.log10(self.step))) if self.step and self.step < 1 else 0
        shown = decimal(value, min(digits, 6), self.lang)
        return f"{shown}{(' ' + self.unit) if self.unit else ''}"


__all__ = ["MAX_TEXT_CHARS", "PredictModel", "Reveal"]
