"""What every chapter's checkers must do, whatever the chapter: a hint when unanswered, never an
exception on an odd answer, a solution on demand (and for chapters 05–07, a runnable one).

``test_every_checker.py`` runs these on every checker the package has; expected answers stay in
the ``test_chNN.py`` modules, recomputed from the data and the package's public functions, not
copied from the checkers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import numpy as np

from invite_triage.analysis.evaluation import compare_strategies
from invite_triage.analysis.quality import simulate_growth
from invite_triage.domain.intent import classify_message
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.exercises import Feedback, Solution, exercise_names, solution
from invite_triage.world.datasets import load_connections

#: Answers a learner might type by mistake (chapters 00–04): never an exception.
ODD_ANSWERS = [
    "", "   ", "abc", "🚀", "<script>alert(1)</script>", [], {}, set(), (), object(),
    float("nan"), float("inf"), -1, 10**30, True, 3.5, ["a", 1, None], {"a": 1}, b"bytes",
    np.int64(3), np.float64(0.5), "1e999",
]
#: Answers that are wrong for every exercise of chapters 05–07.
WRONG_ANSWERS = ["", "banana", [1, 2], {"a": 1}, float("nan"), True]


def checker(chapter: str, name: str) -> Callable[..., Feedback]:
    module = importlib.import_module(f"invite_triage.exercises.{chapter}")
    return getattr(module, f"check_{name}")


def assert_unanswered_shows_a_hint(check: Callable[..., Feedback]) -> None:
    result = check(None)
    assert isinstance(result, Feedback) and not result.ok
    assert "replace None" in result.message
    assert "Not yet" in result._repr_html_()


def assert_odd_answer_never_raises(check: Callable[..., Feedback], answer: object) -> None:
    result = check(answer)
    assert isinstance(result, Feedback)
    assert result.message  # always something to read
    assert "<script" not in result._repr_html_()


def assert_has_a_solution(name: str) -> None:
    assert name in exercise_names()
    shown = solution(name)
    assert isinstance(shown, Solution)
    assert shown.text and shown.code
    assert shown.name in shown._repr_markdown_()
    assert name in shown._repr_markdown_()


def _run_solution(name: str, namespace: dict) -> object:
    """Run a solution's code as a learner would (in the chapter's namespace); return the value
    of its last line, or ``answer`` when the code sets it."""
    lines = solution(name).code.strip().splitlines()
    exec("\n".join(lines[:-1]), namespace)
    value = eval(lines[-1], namespace)
    return namespace.get("answer", value)


def assert_solution_passes(name: str, check: Callable[..., Feedback], invitations,
                           profile) -> None:
    """The solution's code, run in a notebook-like namespace, gives an answer ``check`` ticks."""
    namespace = {
        "invitations": invitations,
        "profile": profile,
        "triage": triage,
        "preset_weights": preset_weights,
        "compare_strategies": compare_strategies,
        "classify_message": classify_message,
        "growth": simulate_growth(invitations, profile, existing=load_connections()),
    }
    answer = _run_solution(name, namespace)
    result = check(answer)
    assert result.ok, f"{name}: the solution's answer {answer!r} fails: {result.message}"
