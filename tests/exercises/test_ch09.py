"""Chapter 09's checkers (when does size win?): settings checked by simulating them, and a
free-text explanation checked only for naming an assumption.

A hint when unanswered, never an exception on an odd answer, and runnable solutions.
"""

from __future__ import annotations

import pytest

from invite_triage import what_if
from invite_triage.exercises import ch09
from tests.exercises._common import (
    WRONG_ANSWERS,
    assert_solution_passes,
    checker,
)

CHAPTER = "ch09"
NAMES = ("known_only_wins", "accept_all_wins", "why_size_wins")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("odd", WRONG_ANSWERS)
def test_wrong_answers_never_pass(name, odd):
    assert not checker(CHAPTER, name)(odd).ok


@pytest.mark.parametrize("name", NAMES)
def test_solutions_run_and_pass_their_checker(name, invitations, profile):
    assert_solution_passes(name, checker(CHAPTER, name), invitations, profile)


def test_settings_are_judged_by_simulating_them():
    known = {"relevant_share": 0.05, "clue_separation": 0.0, "exposure_cost": 1.5}
    everyone = {"relevant_share": 0.95, "reach_worth": 2.0, "noise_cost": 0.0,
                "exposure_cost": 0.0}
    assert what_if(**known)["value"].idxmax() == "known_only"
    assert what_if(**everyone)["value"].idxmax() == "accept_all"
    assert ch09.check_known_only_wins(known).ok
    assert not ch09.check_accept_all_wins(known).ok
    assert ch09.check_accept_all_wins(everyone).ok
    assert not ch09.check_known_only_wins(everyone).ok


def test_the_defaults_are_not_an_answer():
    result = ch09.check_accept_all_wins({"relevant_share": 0.45})
    assert not result.ok and "balanced triage wins" in result.message


def test_bad_settings_name_what_is_wrong():
    result = ch09.check_accept_all_wins({"reach_worth": 5, "size": 1})
    assert not result.ok
    assert "reach_worth" in result.message and "'size'" in result.message


@pytest.mark.parametrize(
    ("sentence", "assumption"),
    [("Most senders are relevant to a salesperson, so she loses little.", "relevant_share"),
     ("Reach is worth a lot when you look for a job.", "reach_worth"),
     ("Strangers seeing my contact list cost me nothing.", "exposure_cost"),
     ("The feed noise costs nothing when you never read it.", "noise_cost")],
)
def test_a_sentence_naming_an_assumption_passes(sentence, assumption):
    assert assumption in ch09.assumptions_named(sentence)
    assert ch09.check_why_size_wins(sentence).ok


@pytest.mark.parametrize("sentence", ["", "   ", "Because.", "Big is beautiful, I think so",
                                      "x" * 500])
def test_an_empty_short_long_or_vague_sentence_does_not(sentence):
    assert not ch09.check_why_size_wins(sentence).ok


@pytest.mark.parametrize("persona", ["job_seeker", "salesperson", "community_manager"])
def test_the_bets_on_each_persona_are_computed_by_simulation(persona):
    from invite_triage import WHAT_IF_PERSONAS

    bet = ch09.bet_persona_policy(persona)
    expected = str(what_if(**WHAT_IF_PERSONAS[persona])["value"].idxmax())
    assert set(bet.choices) == {"accept_all", "balanced", "known_only"}
    assert bet.reveal(expected).correct
    assert not bet.reveal(next(c for c in bet.choices if c != expected)).correct


def test_the_persona_bets_speak_the_editions_language():
    from invite_triage.core.i18n import set_language

    assert "job seeker" in ch09.bet_persona_policy("job_seeker").question
    assert ch09.bet_persona_policy("salesperson").choice_labels["accept_all"] == "accept everyone"
    set_language("fr")
    try:
        bet = ch09.bet_persona_policy("community_manager")
        assert "Community Manager" in bet.question and "e-réputation" in bet.question
        assert bet.choice_labels["accept_all"] == "tout accepter"
        assert "chaque politique" in bet.reveal("balanced").explanation
    finally:
        set_language("en")


def test_an_unknown_persona_is_refused_with_the_known_ones():
    from invite_triage.core.errors import InvalidInputError

    with pytest.raises(InvalidInputError) as info:
        ch09.bet_persona_policy("astronaut")
    assert "job_seeker" in str(info.value)
