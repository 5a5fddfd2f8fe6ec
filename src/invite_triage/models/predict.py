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


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(f"the {what} must be text", [f"got {type(value).__name__}"])
    if len(value) > MAX_TEXT_CHARS:
        raise InvalidInputError(f"the {what} is too long",
                                [f"got {len(value)} characters; expected at most "
                                 f"{MAX_TEXT_CHARS}"])
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
    ):
        self.question = _text(question, "question")
        self.kind = "choice" if choices is not None else "number"
        problems = []
        if self.kind == "choice":
            pairs = [(str(c[0]), str(c[1])) if isinstance(c, tuple) and len(c) == 2
                     else (str(c), str(c)) for c in choices]
            self.choices = tuple(value for _, value in pairs)
            self.choice_labels = {value: label for label, value in pairs}
            if len(self.choices) < 2 or len(set(self.choices)) != len(self.choices):
                problems.append(f"choices: got {list(self.choices)}; expected two or more "
                                "distinct options")
            self.low = self.high = self.step = self.tolerance = None
        else:
            self.choices = ()
            self.choice_labels = {}
            if not all(isinstance(v, numbers.Real) for v in (low, high)) or not low < high:
                problems.append(f"low/high: got {low!r}/{high!r}; expected numbers with "
                                "low < high (or give choices)")
            else:
                self.low, self.high = float(low), float(high)
                self.step = float(step) if step else (self.high - self.low) / 100
                self.tolerance = float(tolerance) if tolerance is not None else self.step / 2
        if not (callable(answer) or answer is not None):
            problems.append("answer: got None; expected a value or a function returning it")
        if problems:
            raise InvalidInputError("this bet cannot be built", problems)
        self._answer = answer
        self._explanation = explanation
        self.unit = unit
        self.revealed: Reveal | None = None

    def answer(self) -> Any:
        """The answer, computed on first use when it was given as a function."""
        if callable(self._answer):
            self._answer = self._answer()
        if self.kind == "choice" and str(self._answer) not in self.choices:
            raise InvalidInputError("the answer is not one of the choices",
                                    [f"got {self._answer!r}; expected one of "
                                     f"{list(self.choices)}"])
        return str(self._answer) if self.kind == "choice" else float(self._answer)

    def read_guess(self, guess: object) -> Any:
        """The guess as the bet's kind, or an :class:`InvalidInputError` saying what fits."""
        if self.kind == "choice":
            if guess is None or str(guess) not in self.choices:
                raise InvalidInputError("pick one of the options first",
                                        [f"got {guess!r}; expected one of {list(self.choices)}"])
            return str(guess)
        number = (float(guess) if isinstance(guess, numbers.Real)
                  and not isinstance(guess, bool) else math.nan)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise InvalidInputError("give a number for your guess",
                                    [f"got {guess!r}; expected a number from {self.low:g} to "
                                     f"{self.high:g}"])
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
        comment = ("Your intuition matches the model." if correct else
                   "What did you expect, and why does the model disagree?")
        message = f"Your guess: {shown_guess}. The answer: {shown_answer}. {comment}"
        explanation = (self._explanation(answer) if callable(self._explanation)
                       else self._explanation)
        self.revealed = Reveal(guess, answer, correct, message, _text(explanation, "explanation"),
                               shown_guess, shown_answer, comment)
        return self.revealed

    def format(self, value: float) -> str:
        digits = max(0, -math.floor(math.log10(self.step))) if self.step and self.step < 1 else 0
        return f"{value:.{digits}f}{(' ' + self.unit) if self.unit else ''}"


__all__ = ["MAX_TEXT_CHARS", "PredictModel", "Reveal"]
