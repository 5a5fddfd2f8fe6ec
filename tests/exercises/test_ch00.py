"""Chapter 00's checkers (accepting everyone, the hidden columns, LinkedIn's buttons).

Right answers pass and wrong ones get a hint (what every checker must do is in
``test_every_checker.py``). Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.exercises import solution
from invite_triage.world.datasets import load_invitations


def test_solution_of_an_unknown_exercise_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"known exercises: .*accept_everyone"):
        solution("no_such_exercise")


def test_ch00_answers(invitations):
    check = importlib.import_module("invite_triage.exercises.ch00")
    share = float(invitations["relevant"].mean())
    assert share < 0.5  # the synthetic world's assumption the exercise rests on
    assert check.check_accept_everyone("triage", share).ok
    assert check.check_accept_everyone(" Triage ", f"{share:.0%}").ok
    assert check.check_accept_everyone("triage", round(share * 100)).ok
    assert not check.check_accept_everyone("accept everyone", share).ok
    assert "weigh it" in check.check_accept_everyone("accept everyone", share).message
    assert not check.check_accept_everyone("triage", share + 0.1).ok
    assert "share_relevant" in check.check_accept_everyone("triage").message
    assert not check.check_accept_everyone("maybe", share).ok
    assert check.check_hidden_columns(["relevant", "persona"]).ok
    assert check.check_hidden_columns("persona, relevant").ok
    assert not check.check_hidden_columns(["persona", "title"]).ok
    assert "not a column" in check.check_hidden_columns(["persona", "salary"]).message


@pytest.mark.parametrize("button", ["Ignore", "ignore", "'Ignore'"])
def test_ignore_is_the_silent_button(button):
    check = importlib.import_module("invite_triage.exercises.ch00")
    result = check.check_silent_button(button)
    assert result.ok and "does not tell them" in result.message


@pytest.mark.parametrize("button", ["Accept", "Reply", "Follow", "Remove connection", "remove"])
def test_other_buttons_say_what_the_sender_learns(button):
    check = importlib.import_module("invite_triage.exercises.ch00")
    result = check.check_silent_button(button)
    assert not result.ok and ":" in result.message


def test_there_is_no_decline_button():
    check = importlib.import_module("invite_triage.exercises.ch00")
    result = check.check_silent_button("Decline")
    assert not result.ok and 'no "Decline" button' in result.message


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0, max_value=1))
def test_ch00_share_is_right_only_near_the_true_share(share):
    check = importlib.import_module("invite_triage.exercises.ch00")
    truth = float(load_invitations()["relevant"].mean())
    assert check.check_accept_everyone("triage", share).ok == (
        abs(share - truth) <= check.SHARE_TOLERANCE
    )
