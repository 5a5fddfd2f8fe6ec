"""Checkers of chapters 05–07: a hint when unanswered, a tick for the right answer (computed
from the package), a useful hint for typical wrong answers, and runnable solutions."""

from __future__ import annotations

import dataclasses

import pytest

from invite_triage.analysis.evaluation import compare_strategies
from invite_triage.analysis.quality import simulate_growth
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.intent import classify_message
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.exercises import ch05, ch06, ch07, exercise_names, solution
from invite_triage.render.charts import contributions
from invite_triage.world.datasets import example_profile, load_connections, load_invitations

CHECKERS = {
    "known_only_accepts": ch05.check_known_only_accepts,
    "known_only_missed": ch05.check_known_only_missed,
    "pitch_note": ch05.check_pitch_note,
    "best_single_criterion": ch06.check_best_single_criterion,
    "top_criterion": ch06.check_top_criterion,
    "best_accept_threshold": ch06.check_best_accept_threshold,
    "relevance_threshold": ch07.check_relevance_threshold,
    "growth_gap": ch07.check_growth_gap,
    "years_to_cap": ch07.check_years_to_cap,
}


@pytest.fixture(scope="module")
def invitations():
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


@pytest.fixture(scope="module")
def strict(invitations, profile):
    return triage(invitations, dataclasses.replace(profile, policy="known_only"))


@pytest.mark.parametrize("name", sorted(CHECKERS))
def test_unanswered_gives_a_hint_not_an_error(name):
    result = CHECKERS[name](None)
    assert not result.ok
    assert "replace None" in result.message


@pytest.mark.parametrize("name", sorted(CHECKERS))
@pytest.mark.parametrize("odd", ["", "banana", [1, 2], {"a": 1}, float("nan"), True])
def test_odd_answers_never_raise(name, odd):
    assert not CHECKERS[name](odd).ok


def test_every_exercise_has_a_solution():
    assert set(CHECKERS) <= set(exercise_names())
    for name in CHECKERS:
        shown = solution(name)
        assert shown.text and shown.code
        assert name in shown._repr_markdown_()


def _run_solution(name: str, namespace: dict) -> object:
    """Run a solution's code as a learner would (in the chapter's namespace); return the value
    of its last line, or ``answer`` when the code sets it."""
    lines = solution(name).code.strip().splitlines()
    exec("\n".join(lines[:-1]), namespace)
    value = eval(lines[-1], namespace)
    return namespace.get("answer", value)


@pytest.mark.parametrize("name", sorted(CHECKERS))
def test_solutions_run_and_pass_their_checker(name, invitations, profile):
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
    result = CHECKERS[name](answer)
    assert result.ok, f"{name}: the solution's answer {answer!r} fails: {result.message}"


# --- chapter 05 ---------------------------------------------------------------------------


def test_known_only_accepts(strict):
    expected = int(strict["decision"].eq("accept").sum())
    assert ch05.check_known_only_accepts(expected).ok
    assert ch05.check_known_only_accepts(str(expected)).ok
    assert not ch05.check_known_only_accepts(expected + 1).ok
    declined = int(strict["decision"].eq("decline").sum())
    assert "declined" in ch05.check_known_only_accepts(declined).message


def test_known_only_missed(strict):
    declined = strict["decision"].eq("decline")
    expected = int((declined & strict["relevant"]).sum())
    assert ch05.check_known_only_missed(expected).ok
    hint = ch05.check_known_only_missed(int(declined.sum())).message
    assert "relevant" in hint


@pytest.mark.parametrize(
    "note",
    ["Hi, book a demo of our CRM this week?", "Bonjour, je vous propose une démo gratuite."],
)
def test_pitch_note_accepts_pitches_in_both_languages(note):
    assert ch05.check_pitch_note(note).ok


def test_pitch_note_rejects_other_kinds_and_long_text():
    personal = "Hi, we met at the Lyon meetup last week."
    assert "'personal'" in ch05.check_pitch_note(personal).message
    long_pitch = "Book a demo now " + "please " * 30
    assert "words" in ch05.check_pitch_note(long_pitch).message


# --- chapter 06 ---------------------------------------------------------------------------


def test_best_single_criterion(invitations, profile):
    table = compare_strategies(invitations, profile).loc[list(CRITERIA)]
    best = table["f1"].idxmax()
    assert ch06.check_best_single_criterion(best).ok
    assert ch06.check_best_single_criterion(best.upper()).ok
    worst = table["f1"].idxmin()
    assert not ch06.check_best_single_criterion(worst).ok
    assert "one criterion name" in ch06.check_best_single_criterion("engine").message


def test_top_criterion(invitations, profile):
    row = triage(invitations, profile).iloc[0]
    table = contributions(row, preset_weights(profile))
    assert ch06.check_top_criterion(table["contribution"].idxmax()).ok
    assert not ch06.check_top_criterion(table["contribution"].idxmin()).ok


def test_best_accept_threshold():
    scores = ch06.threshold_f1()
    assert set(scores) == set(ch06.CANDIDATE_THRESHOLDS)
    best = max(scores, key=scores.get)
    worst = min(scores, key=scores.get)
    assert ch06.check_best_accept_threshold(best).ok
    assert ch06.check_best_accept_threshold(f"{best:.2f}").ok
    assert not ch06.check_best_accept_threshold(worst).ok
    assert "pick one of" in ch06.check_best_accept_threshold(0.42).message


# --- chapter 07 ---------------------------------------------------------------------------


def test_relevance_threshold():
    expected = ch07.lowest_threshold()
    curve = ch07.relevance_curve().set_index("threshold")["relevance_share_true"]
    assert curve[expected] >= ch07.RELEVANCE_TARGET
    below = round(expected - 0.01, 2)
    assert curve[below] < ch07.RELEVANCE_TARGET
    assert ch07.check_relevance_threshold(expected).ok
    assert "move the slider up" in ch07.check_relevance_threshold(below).message
    assert "lower threshold" in ch07.check_relevance_threshold(round(expected + 0.05, 2)).message


def test_growth_gap():
    sizes = ch07.final_sizes()
    gap = int(sizes["accept_all"] - sizes["balanced"])
    assert gap > 0
    assert ch07.check_growth_gap(gap).ok
    assert "wrong sign" in ch07.check_growth_gap(-gap).message
    assert "one policy's size" in ch07.check_growth_gap(int(sizes["balanced"])).message


def test_years_to_cap():
    years = ch07.years_to_cap()
    assert years > 10  # a synthetic inbox of a few hundred a year is far from 30,000
    assert ch07.check_years_to_cap(round(years)).ok
    assert not ch07.check_years_to_cap(years / 12).ok
    assert not ch07.check_years_to_cap(years * 2).ok
