"""Exercises of the guide: ``check_*`` helpers answer with a tick or a hint; solutions on demand.

Each chapter module (``ch01.py`` …) registers its exercises with :func:`exercise`. A notebook
calls ``check_<name>(answer)`` and, when stuck, ``solution("<name>")``.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from invite_triage.exercises._answers import UNANSWERED


@dataclass(frozen=True)
class Feedback:
    """The answer to a check: ``ok`` plus a one-line message, shown nicely in a notebook."""

    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return f"{'✅ Correct' if self.ok else '💡 Not yet'}: {self.message}"

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
        return f"**Solution — {self.name}**\n\n{self.text}{code}"


_SOLUTIONS: dict[str, Solution] = {}


def exercise(name: str, solution_text: str, solution_code: str = "") -> Callable:
    """Register a checker function under ``name`` together with its solution.

    The registered checker answers an unanswered exercise (``None``) with a hint, so checkers
    only deal with real answers.
    """

    def register(checker: Callable[..., Feedback]) -> Callable[..., Feedback]:
        _SOLUTIONS[name] = Solution(name, solution_text, solution_code)

        @functools.wraps(checker)
        def checked(*args: Any, **kwargs: Any) -> Feedback:
            # Every exercise cell starts as `answer = None`: answer that once, here.
            answer = args[0] if args else kwargs.get("answer")
            if answer is None:
                return Feedback(False, UNANSWERED)
            return checker(*args, **kwargs)

        return checked

    return register


def solution(name: str) -> Solution:
    """Reveal the solution of exercise ``name``."""
    _load_chapters()
    if name not in _SOLUTIONS:
        known = ", ".join(sorted(_SOLUTIONS)) or "none"
        raise KeyError(f"no exercise named {name!r}; known exercises: {known}")
    return _SOLUTIONS[name]


def exercise_names() -> list[str]:
    _load_chapters()
    return sorted(_SOLUTIONS)


def _load_chapters() -> None:
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("ch"):
            importlib.import_module(f"{__name__}.{info.name}")


def feedback(ok: bool, success: str, hint: str) -> Feedback:
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


__all__ = ["Feedback", "Solution", "exercise", "exercise_names", "feedback", "solution"]
