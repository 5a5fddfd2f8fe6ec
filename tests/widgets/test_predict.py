"""The "place your bets" widget: guess, Reveal, the answer beside the guess; never blocking,
never computing the answer before it is asked for, and testable without a browser."""

from __future__ import annotations

import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.models.predict import PredictModel
from invite_triage.widgets import predict
from invite_triage.widgets.predict import PICK_FIRST, PredictApp

POLICIES = [("accept everyone", "accept_all"), ("balanced triage", "balanced"),
            ("known only", "known_only")]


def _choice_app(answer="balanced", **kwargs) -> PredictApp:
    return predict("Which policy wins?", choices=POLICIES, answer=answer, **kwargs)


def test_nothing_is_computed_until_the_reveal():
    calls = []

    def answer():
        calls.append(1)
        return "known_only"

    app = _choice_app(answer)
    assert calls == []
    app.guess.value = "known_only"
    assert calls == []
    app.reveal_button.click()
    assert calls == [1]
    app.reveal_button.click()  # revealed once: the answer is not computed again
    assert calls == [1]


def test_reveal_without_a_guess_asks_for_one_and_reveals_nothing():
    app = _choice_app()
    app.reveal_button.click()
    assert PICK_FIRST in app.result.value
    assert app.revealed is None
    assert not app.guess.disabled and app.errors.value == ""


def test_a_wrong_guess_is_shown_beside_the_answer_and_locked():
    app = _choice_app(explanation="Balanced keeps relevant people and leaves strangers out.")
    app.guess.value = "accept_all"
    app.reveal_button.click()
    result = app.result.value
    assert app.revealed is not None and not app.revealed.correct
    assert result.index("your guess") < result.index("accept everyone") < \
        result.index("the answer") < result.index("balanced triage")
    assert "not this time" in result
    assert "leaves strangers out" in result
    assert app.guess.disabled and app.reveal_button.disabled
    app.guess.value = "balanced"  # locked in the browser; a change here changes nothing
    assert not app.revealed.correct


def test_a_right_guess_is_praised():
    app = _choice_app()
    app.guess.value = "balanced"
    app.reveal_button.click()
    assert app.revealed.correct
    assert "well predicted" in app.result.value
    assert app.revealed.shown_answer == "balanced triage"


def test_a_number_guess_is_right_within_the_tolerance():
    app = predict("How many relevant contacts per 100 invitations?", answer=lambda: 37.4,
                  low=0, high=100, step=1, tolerance=3, unit="contacts",
                  explanation=lambda answer: f"The simulation says {answer:.0f}.")
    assert app.guess.min == 0 and app.guess.max == 100
    app.guess.value = 35
    app.reveal_button.click()
    assert app.revealed.correct
    assert "35 contacts" in app.result.value and "37 contacts" in app.result.value
    assert "The simulation says 37." in app.result.value


def test_a_number_guess_far_off_is_wrong():
    app = predict("How many?", answer=80.0, low=0, high=100, step=5)
    app.guess.value = 20
    app.reveal_button.click()
    assert not app.revealed.correct


def test_everything_shown_is_escaped():
    app = predict("<b>Which</b>?", choices=["<i>a</i>", "b"], answer="<i>a</i>",
                  explanation="<script>alert(1)</script>")
    assert "<b>Which</b>" not in app.question.value and "&lt;b&gt;" in app.question.value
    app.guess.value = "<i>a</i>"
    app.reveal_button.click()
    assert "<script" not in app.result.value and "<i>a</i>" not in app.result.value


def test_an_answer_outside_the_choices_is_shown_as_an_error():
    app = _choice_app(answer=lambda: "open")
    app.guess.value = "balanced"
    app.reveal_button.click()
    assert "not one of the choices" in app.errors.message
    assert app.revealed is None


def test_a_ready_model_can_be_passed():
    model = PredictModel("Which?", "b", choices=["a", "b"])
    app = predict(model)
    assert app.model is model
    app.guess.value = "b"
    assert app.reveal().correct


@pytest.mark.parametrize(
    "kwargs",
    [{"choices": ["only one"]}, {"choices": ["a", "a"]}, {"low": 5, "high": 1},
     {"low": None, "high": None}, {"choices": ["a", "b"], "answer": None}],
)
def test_a_bet_that_cannot_work_is_refused_clearly(kwargs):
    kwargs = {"answer": "a", **kwargs}
    with pytest.raises(InvalidInputError):
        PredictModel("Which?", **kwargs)


def test_the_model_reads_guesses_strictly():
    model = PredictModel("How many?", 3.0, low=0, high=10)
    for bad in (None, "three", True, float("nan"), 11):
        with pytest.raises(InvalidInputError):
            model.read_guess(bad)
    assert model.reveal(3).correct
