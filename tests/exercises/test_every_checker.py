"""What every checker of every chapter must do: a hint when unanswered, never an exception on an
odd answer, a solution on demand.

The checkers are found in the package (each ``check_<name>`` of ``invite_triage.exercises.chNN``),
so a new exercise is covered without editing this file; the chapter modules' own tests
(``test_chNN.py``) check the right answers, recomputed from the data.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import invite_triage.exercises as exercises
from tests.exercises._common import (
    ODD_ANSWERS,
    WRONG_ANSWERS,
    assert_has_a_solution,
    assert_odd_answer_never_raises,
    assert_unanswered_shows_a_hint,
    checker,
)


def _checkers() -> list[tuple[str, str]]:
    """``(chapter, exercise name)`` for every checker in the package, in chapter order."""
    found = []
    for module in sorted(m.name for m in pkgutil.iter_modules(exercises.__path__)):
        if not module.startswith("ch"):
            continue
        chapter = importlib.import_module(f"invite_triage.exercises.{module}")
        found += [(module, name.removeprefix("check_")) for name in sorted(vars(chapter))
                  if name.startswith("check_") and callable(getattr(chapter, name))]
    return found


CHECKERS = _checkers()
IDS = [f"{chapter}-{name}" for chapter, name in CHECKERS]
#: Odd answers of every kind, once each (the two lists overlap on the empty string).
ANSWERS = list({repr(a): a for a in [*ODD_ANSWERS, *WRONG_ANSWERS]}.values())


def test_every_chapter_has_checkers():
    chapters = {chapter for chapter, _ in CHECKERS}
    assert chapters == {f"ch{n:02d}" for n in range(10)}
    assert len(CHECKERS) >= 30


@pytest.mark.parametrize(("chapter", "name"), CHECKERS, ids=IDS)
def test_unanswered_shows_a_hint(chapter, name):
    assert_unanswered_shows_a_hint(checker(chapter, name))


@pytest.mark.parametrize(("chapter", "name"), CHECKERS, ids=IDS)
@pytest.mark.parametrize("answer", ANSWERS, ids=repr)
def test_odd_answers_never_raise(chapter, name, answer):
    assert_odd_answer_never_raises(checker(chapter, name), answer)


@pytest.mark.parametrize(("chapter", "name"), CHECKERS, ids=IDS)
def test_every_exercise_has_a_solution(chapter, name):
    assert_has_a_solution(name)
