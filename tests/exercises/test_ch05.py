"""Chapter 05's checkers (the known-only policy, pitches).

A hint when unanswered, a tick for the right answer (computed from the package), a useful hint
for typical wrong answers, and runnable solutions.
"""

from __future__ import annotations

import dataclasses

import pytest

from invite_triage.core.i18n import set_language
from invite_triage.domain.intent import classify_message
from invite_triage.domain.triage import triage
from invite_triage.exercises import ch05
from tests.exercises._common import (
    assert_solution_passes,
    checker,
)

CHAPTER = "ch05"
NAMES = ("no_note_move", "known_only_missed", "pitch_note", "fooling_pitch")


@pytest.fixture(scope="module")
def strict(invitations, profile):
    return triage(invitations, dataclasses.replace(profile, policy="known_only"))


@pytest.mark.parametrize("name", NAMES)
def test_solutions_run_and_pass_their_checker(name, invitations, profile):
    assert_solution_passes(name, checker(CHAPTER, name), invitations, profile)


def test_no_note_move_teaches_the_mechanics():
    assert ch05.check_no_note_move("c").ok
    assert ch05.check_no_note_move(" C ").ok
    assert "Premium" in ch05.check_no_note_move("b").message
    assert "Ignore is silent" in ch05.check_no_note_move("d").message
    assert "no message" in ch05.check_no_note_move("a").message
    assert not ch05.check_no_note_move("e").ok


def test_the_bet_on_ask_first_notes_is_computed_from_the_data(invitations, profile):
    asked = triage(invitations, profile)["decision"].eq("ask")
    notes = invitations["message"].fillna("").astype(str).str.strip().ne("")
    bet = ch05.bet_ask_first_notes()
    assert str(int(asked.sum())) in bet.question
    reveal = bet.reveal(int((asked & notes).sum()))
    assert reveal.correct and reveal.answer == int((asked & notes).sum())
    assert f"other {int((asked & ~notes).sum())}" in reveal.explanation
    assert not ch05.bet_ask_first_notes().reveal(int(asked.sum())).correct


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


#: Offers wrapped in a shared context the reader knows: read as personal, not as a pitch.
FOOLING_EN = ("Loved your talk at the Lyon meetup! We audit social pages for brands, "
              "happy to share what we found on yours.")
FOOLING_FR = ("Bonjour, nous étions dans la même promo à Lyon. Je fais des audits de réseaux "
              "sociaux, au plaisir d'en parler.")


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language("en")


def test_offer_words_are_found_in_english_and_french():
    assert set(ch05.offer_words("We offer a free audit of your page")) == {
        "free", "trial", "offer"}
    assert set(ch05.offer_words(FOOLING_EN)) == {"trial"}
    assert set(ch05.offer_words("Une démo GRATUITE, remise de 20 € !")) == {
        "trial", "free", "discount", "price"}
    assert ch05.offer_words("I saw your job offer; une offre d'emploi chez vous ?") == {}
    assert ch05.offer_words("Great meeting you at the meetup") == {}


def test_a_pitch_that_fools_the_reader_is_accepted_and_explained():
    kind, triggers = classify_message(FOOLING_EN)
    assert kind != "pitch"
    result = ch05.check_fooling_pitch(FOOLING_EN)
    assert result.ok
    assert "personal note" in result.message
    assert all(f'"{t}"' in result.message for t in triggers)
    assert "an audit" in result.message and "pitch cue" in result.message


def test_a_pitch_the_reader_catches_is_not_accepted():
    caught = "Hi, our discount ends Friday: book a demo today!"
    assert classify_message(caught)[0] == "pitch"
    result = ch05.check_fooling_pitch(caught)
    assert not result.ok and "caught it as a pitch" in result.message


def test_a_note_without_an_offer_is_not_a_pitch_at_all():
    result = ch05.check_fooling_pitch("Great meeting you at the Lyon meetup yesterday!")
    assert not result.ok and "offers something" in result.message
    assert not ch05.check_fooling_pitch(" ".join(["free"] * 40)).ok


def test_the_fooling_pitch_feedback_is_french_in_the_french_edition(french):
    assert classify_message(FOOLING_FR)[0] != "pitch"
    result = ch05.check_fooling_pitch(FOOLING_FR)
    assert result.ok
    assert "le lecteur s'y est trompé" in result.message
    assert "message personnel" in result.message and "«\u202faudits\u202f»" in result.message
    assert "propose quelque chose" in ch05.check_fooling_pitch("Bonjour !").message
