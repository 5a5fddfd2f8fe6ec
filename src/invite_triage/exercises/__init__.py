"""Exercises of the guide: ``check_*`` helpers answer with a tick or a hint; solutions on demand.

Each chapter module (``ch01.py`` …) registers its exercises with :func:`exercise`. A notebook
calls ``check_<name>(answer)`` and, when stuck, ``solution("<name>")``.

Every text a learner reads here (feedback, hints, solutions' prose, bets) comes from the
catalog ``exercises.po`` (msgids ``exercise.<chNN>.<name>.<what>``) in the process language
(:func:`invite_triage.core.i18n.get_language`) when the check runs, so a French notebook calls
``set_language("fr")`` and then the very same checkers. Solutions' code is not translated.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from invite_triage.core.i18n import get_language, message


def say(msgid: str, /, **fields: object) -> str:
    """One exercise text in the process language: msgid ``exercise.<msgid>``, filled in."""
    return message(f"exercise.{msgid}", **fields)


@dataclass(frozen=True)
class Feedback:
    """The answer to a check: ``ok`` plus a one-line message, shown nicely in a notebook."""

    ok: bool
    message: str
    #: The language the check ran in, so the verdict's word matches the message.
    lang: str = field(default_factory=get_language)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        verdict = "exercise.feedback.correct" if self.ok else "exercise.feedback.not_yet"
        return message(verdict, lang=self.lang, message=self.message)

    def _repr_html_(self) -> str:
        colour = "#006d2c" if self.ok else "#8c510a"
        return f'<p style="color:{colour}"><strong>{html.escape(str(self))}</strong></p>'


@dataclass(frozen=True)
class Solution:
    """A worked solution, hidden until asked for."""

    name: str
    text: str
    code: str = ""

    def __str__(self) -> str:
        return self.text + (f"\n\n{self.code}" if self.code else "")

    def _repr_markdown_(self) -> str:
        code = f"\n\n```python\n{self.code}\n```" if self.code else ""
        title = say("solution.title", name=self.name)
        return f"**{title}**\n\n{self.text}{code}"


@dataclass(frozen=True)
class _Registered:
    """What :func:`solution` needs to word a solution in the language asked at the time."""

    msgid: str
    code: str
    fields: dict[str, object]


_SOLUTIONS: dict[str, _Registered] = {}


def exercise(name: str, solution_code: str = "", /, **fields: object) -> Callable:
    """Register a checker function under ``name`` together with its solution: the prose is
    msgid ``exercise.<chNN>.<name>.solution`` (``fields`` fill its placeholders), the code
    ``solution_code`` is shown as is.

    The registered checker answers an unanswered exercise (``None``) with a hint, so checkers
    only deal with real answers.
    """

    def register(checker: Callable[..., Feedback]) -> Callable[..., Feedback]:
        chapter = checker.__module__.rsplit(".", 1)[-1]
        _SOLUTIONS[name] = _Registered(f"{chapter}.{name}.solution", solution_code, fields)

        @functools.wraps(checker)
        def checked(*args: Any, **kwargs: Any) -> Feedback:
            # Every exercise cell starts as `answer = None`: answer that once, here.
            answer = args[0] if args else kwargs.get("answer")
            if answer is None:
                return Feedback(False, say("unanswered"))
            return checker(*args, **kwargs)

        return checked

    return register


def solution(name: str) -> Solution:
    """Reveal the solution of exercise ``name``."""
    _load_chapters()
    if name not in _SOLUTIONS:
        known = ", ".join(sorted(_SOLUTIONS)) or "-"
        raise KeyError(say("solution.unknown", name=repr(name), known=known))
    registered = _SOLUTIONS[name]
    return Solution(name, say(registered.msgid, **registered.fields), registered.code)


def exercise_names() -> list[str]:
    """Every registered exercise's name, sorted."""
    _load_chapters()
    return sorted(_SOLUTIONS)


def _load_chapters() -> None:
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("ch"):
            importlib.import_module(f"{__name__}.{info.name}")


def feedback(ok: bool, success: str, hint: str) -> Feedback:
    """``success`` when ``ok``, else ``hint`` (both already in the learner's language)."""
    return Feedback(True, success) if ok else Feedback(False, hint)


def __getattr__(name: str) -> Any:
    """``from invite_triage.exercises import check_x`` finds it in whichever chapter defines it."""
    if name.startswith("check_"):
        _load_chapters()
        import sys

        for module_name, module in list(sys.modules.items()):
            if module_name.startswith(f"{__name__}.ch") and hasattr(module, name):
                return getattr(module, name)
    raise AttributeError(name)


__all__ = ["Feedback", "Solution", "exercise", "exercise_names", "feedback", "say", "solution"]
