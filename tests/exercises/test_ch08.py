"""Chapter 08's checkers (your own export): each answer is computed from the sample export, a
wrong one gets a hint, and every exercise has a solution."""

from __future__ import annotations

import pytest

from invite_triage.exercises import solution
from invite_triage.exercises.ch08 import (
    check_busiest_year,
    check_form_decision,
    check_pending_pitches,
    form_decision,
    new_connections_by_year,
    pending_pitches,
)
from invite_triage.world.datasets import load_sample_export


@pytest.fixture(scope="module")
def export():
    return load_sample_export()


def test_chapter_08_checkers_compute_their_answers(export):
    by_year = new_connections_by_year(export)
    assert check_busiest_year(int(by_year.idxmax()), export)
    assert not check_busiest_year(int(by_year.idxmin()), export)
    assert not check_busiest_year(None, export) and "replace None" in str(
        check_busiest_year(None, export))
    pitches = pending_pitches(export)
    assert pitches > 0 and check_pending_pitches(pitches, export)
    assert not check_pending_pitches(len(export.pending), export)
    decided = form_decision(export)
    assert check_form_decision(decided.decision, export)
    wrong = next(d for d in ("accept", "ask", "decline") if d != decided.decision)
    assert not check_form_decision(wrong, export)
    assert not check_form_decision("maybe", export)
    for name in ("busiest_year", "pending_pitches", "form_decision"):
        assert solution(name).text
