"""Chapter 01's checkers (job titles, goals and families) and the chapter's bet.

Right answers pass and wrong ones get a hint (what every checker must do is in
``test_every_checker.py``). Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import dataclasses
import importlib

from invite_triage.domain.profile import RELEVANT_WEIGHT
from invite_triage.domain.titles import classify_title, classify_titles
from invite_triage.domain.triage import triage


def test_ch01_answers(invitations):
    check = importlib.import_module("invite_triage.exercises.ch01")
    family, _ = classify_title("Chargée de recrutement")
    assert family == "hr"  # the taxonomy's own example
    assert check.check_family_of_title(family).ok
    assert check.check_family_of_title(" HR ").ok
    assert not check.check_family_of_title("marketing").ok
    _, seniority = classify_title("Head of Growth")
    assert check.check_seniority_of_title(seniority).ok
    assert not check.check_seniority_of_title("mid").ok


def test_goal_families(profile):
    check = importlib.import_module("invite_triage.exercises.ch01")
    prospecting = dataclasses.replace(profile, goals=("prospecting",)).family_weights()
    expected = [f for f, w in prospecting.items() if w >= RELEVANT_WEIGHT]
    assert check.check_goal_families(list(reversed(expected))).ok
    assert not check.check_goal_families(expected[:-1]).ok
    assert "missing" in check.check_goal_families(expected[:-1]).message


def _precision(decided):
    accepted = decided["decision"].eq("accept")
    return float(decided.loc[accepted, "relevant"].mean())


def test_sales_advice(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch01")
    before = _precision(triage(invitations, profile))
    weights = {**profile.family_weights(), "sales": 1.0}
    after = _precision(triage(invitations, dataclasses.replace(profile,
                                                                family_overrides=weights)))
    assert after < before  # the exercise's point, in this synthetic world
    assert check.check_sales_advice("keep", after).ok
    assert check.check_sales_advice("Keep", f"{after:.1%}").ok
    assert not check.check_sales_advice("raise", after).ok
    assert "falls" in check.check_sales_advice("raise", after).message
    assert "slider to 1" in check.check_sales_advice("keep", before).message
    assert not check.check_sales_advice("keep", after + 0.1).ok
    assert "share_after" in check.check_sales_advice("keep").message


def test_bet_on_the_families_that_matter(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch01")
    families = classify_titles(invitations["title"])["family"]
    matters = families.isin(profile.relevant_families)
    expected = float(invitations.loc[matters, "relevant"].mean())
    bet = check.bet_family_share()
    reveal = bet.reveal(expected)
    assert reveal.correct and abs(reveal.answer - expected) < 1e-9
    assert not bet.__class__(bet.question, bet._answer, low=0, high=1).reveal(
        min(1.0, expected + 0.3)).correct
    assert "%" in reveal.explanation
