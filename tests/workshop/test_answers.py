"""The trainers' answer keys (workshop/answers.md, workshop/fr/corriges.md) say exactly what
the checkers' `solution("…")` says, for every exercise: they are generated, and current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from invite_triage.exercises import exercise_names

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build_answers():
    spec = importlib.util.spec_from_file_location(
        "build_answers", REPO / "tools" / "build_answers.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_answer_key_is_current(build_answers, lang: str):
    path = build_answers.OUTPUTS[lang]
    expected = build_answers.render(lang)
    assert path.read_text(encoding="utf-8") == expected, (
        f"{path.relative_to(REPO)} is out of date: run `make answers`"
    )


def test_answer_key_covers_every_exercise(build_answers):
    grouped = build_answers.exercises_by_chapter()
    listed = sorted(name for names in grouped.values() for name in names)
    assert listed == exercise_names(), "an exercise is missing from the answer key"
