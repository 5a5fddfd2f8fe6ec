"""The inbox: a pure model stepping through pending invitations, and its view driven by clicks."""

from __future__ import annotations

import dataclasses
import re
import time

import numpy as np
import pandas as pd
import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.render.charts import contributions
from invite_triage.widgets.inbox_app import InboxModel, inbox_app
from invite_triage.world.datasets import example_profile, load_invitations
from invite_triage.world.synth import invitations as synthetic_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def _summary_numbers(app) -> dict[str, int]:
    text = app.summary.value
    return {
        key: int(re.search(rf"<b>(\d+)</b> {label}", text).group(1))
        for key, label in (("accepted", "accepted"), ("asked", "asked first"),
                           ("declined", "declined"))
    }


# --- the model ----------------------------------------------------------------------------


def test_model_triages_once_and_starts_at_the_first_invitation(invitations, profile):
    model = InboxModel(invitations, profile)
    assert len(model) == len(invitations)
    assert model.position == 0
    assert model.current["name"] == invitations["name"].iloc[0]
    expected = triage(invitations, profile)
    assert model.suggestion == expected["decision"].iloc[0]
    s = model.summary()
    assert (s.accepted, s.asked, s.declined, s.undecided) == (0, 0, 0, len(invitations))


def test_deciding_records_and_advances(invitations, profile):
    model = InboxModel(invitations, profile)
    model.decide("accept")
    model.decide("decline")
    model.decide("ask")
    assert model.position == 3
    s = model.summary()
    assert (s.accepted, s.declined, s.asked, s.undecided) == (1, 1, 1, len(invitations) - 3)
    model.previous()
    assert model.choice == "ask"
    model.decide("accept")  # changing your mind replaces the decision
    s = model.summary()
    assert (s.accepted, s.asked) == (2, 0)
    assert list(model.decisions()["your_decision"].iloc[:4]) == ["accept", "decline", "accept", ""]


def test_summary_relevance_and_agreement(invitations, profile):
    model = InboxModel(invitations, profile)
    for _ in range(20):
        model.decide("accept")
    s = model.summary()
    first = invitations.head(20)
    assert s.relevance_truth == pytest.approx(first["relevant"].mean())
    suggested = triage(invitations, profile)["decision"].head(20)
    assert s.agreed == int(suggested.eq("accept").sum())
    assert s.agreement == pytest.approx(suggested.eq("accept").mean())
    assert 0 <= s.relevance_estimate <= 1


def test_summary_without_ground_truth(invitations, profile):
    model = InboxModel(invitations.drop(columns=["persona", "relevant"]), profile)
    model.decide("accept")
    s = model.summary()
    assert s.relevance_truth is None
    assert s.relevance_estimate in (0.0, 1.0)


def test_navigation_is_clamped_and_skip_finds_the_next_undecided(invitations, profile):
    model = InboxModel(invitations.head(4), profile)
    assert model.previous() == 0
    model.go(99)
    assert model.position == 3 and model.at_end
    model.decide("decline")  # the last one: the cursor stays
    assert model.position == 3
    model.go(0)
    model.decide("accept")  # now at 1
    assert model.skip() == 2
    assert model.skip() == 1  # wraps to the first undecided
    model.decide("ask")
    model.decide("ask")
    assert model.finished
    assert model.skip() == model.position  # nothing left to skip to


def test_contributions_add_up_to_the_score(invitations, profile):
    model = InboxModel(invitations, profile)
    model.go(7)
    table = model.contributions()
    assert table["contribution"].sum() == pytest.approx(model.current["score"])
    expected = contributions(model.current, preset_weights(profile))
    pd.testing.assert_frame_equal(table, expected)


def test_bad_decisions_and_empty_inbox_raise_clear_errors(invitations, profile):
    model = InboxModel(invitations, profile)
    with pytest.raises(InvalidInputError, match="unknown decision"):
        model.decide("maybe")
    empty = InboxModel(invitations.head(0), profile)
    assert len(empty) == 0
    with pytest.raises(InvalidInputError, match="empty"):
        empty.decide("accept")


def test_reasons_follow_the_language(invitations, profile):
    model = InboxModel(invitations, profile)
    english = model.reasons("en")
    french = model.reasons("fr")
    assert english != french
    assert re.search(r"\b(your|their|they|you)\b", english)
    assert re.search(r"\b(votre|vous|son|sa|cette|rien)\b", french)


def test_thirty_thousand_pending_invitations(profile):
    big = synthetic_invitations(30_000, seed=11)
    start = time.perf_counter()
    model = InboxModel(big, profile)
    built = time.perf_counter() - start
    assert built < 20, f"building the inbox took {built:.1f} s"
    start = time.perf_counter()
    for decision in ("accept", "ask", "decline") * 100:
        model.decide(decision)
        model.summary()
    per_click = (time.perf_counter() - start) / 300
    assert per_click < 0.01, f"one decision + summary took {per_click * 1000:.1f} ms"
    s = model.summary()
    assert (s.accepted, s.asked, s.declined, s.undecided) == (100, 100, 100, 29_700)
    model.go(29_999)
    model.decide("accept")
    assert model.position == 29_999 and model.summary().accepted == 101


# --- the view -----------------------------------------------------------------------------


def test_clicking_accept_counts_and_moves_on(invitations, profile):
    app = inbox_app(invitations, profile)
    first_name = app.model.current["name"]
    assert _summary_numbers(app) == {"accepted": 0, "asked": 0, "declined": 0}
    assert first_name in app.card.value or first_name in re.sub("&#x27;", "'", app.card.value)
    app.accept_button.click()
    assert app.errors.value == ""
    assert _summary_numbers(app)["accepted"] == 1
    assert app.model.position == 1
    assert "Invitation <b>2</b>" in app.position.value
    app.decline_button.click()
    app.ask_button.click()
    assert _summary_numbers(app) == {"accepted": 1, "asked": 1, "declined": 1}
    assert "Invitation <b>4</b>" in app.position.value


def test_chart_and_card_change_with_the_invitation(invitations, profile):
    app = inbox_app(invitations, profile)
    png, card = app.chart.value, app.card.value
    widths = [bar.get_width() for bar in app.bars.bars]
    app.next_button.click()
    assert app.card.value != card
    new_widths = [bar.get_width() for bar in app.bars.bars]
    expected = app.model.contributions()["contribution"].tolist()
    assert new_widths == pytest.approx(expected)
    if not np.allclose(widths, new_widths):
        assert app.chart.value != png
    app.previous_button.click()
    assert app.card.value == card
    assert app.previous_button.disabled


def test_previous_shows_your_earlier_choice(invitations, profile):
    app = inbox_app(invitations, profile)
    app.decline_button.click()
    app.previous_button.click()
    assert "you chose <b>decline</b>" in app.suggestion.value


def test_skip_button_leaves_the_invitation_undecided(invitations, profile):
    app = inbox_app(invitations, profile)
    app.skip_button.click()
    assert app.model.position == 1
    assert app.model.summary().undecided == len(invitations)


def test_language_toggle_changes_reasons_and_draft(invitations, profile):
    app = inbox_app(invitations, profile)
    english_reasons, english_draft = app.suggestion.value, app.draft.value
    app.language.value = "fr"
    assert app.errors.value == ""
    assert app.suggestion.value != english_reasons
    assert app.draft.value != english_draft


def test_card_is_escaped(invitations, profile):
    hostile = invitations.head(3).copy()
    hostile.loc[hostile.index[0], "name"] = "<script>alert('x')</script>"
    hostile.loc[hostile.index[0], "message"] = "<b onmouseover=alert(1)>hi</b>"
    hostile.loc[hostile.index[0], "mutual_titles"] = ["<i>CEO</i>"]
    app = inbox_app(hostile, profile)
    shown = app.card.value + app.suggestion.value + app.draft.value
    assert "<script>" not in shown and "<b onmouseover" not in shown and "<i>CEO" not in shown
    assert "&lt;script&gt;" in app.card.value


def test_empty_inbox_shows_a_message(invitations, profile):
    app = inbox_app(invitations.head(0), profile)
    assert app.errors.value == ""
    assert "No pending invitation" in app.position.value
    assert app.chart is None


def test_deciding_past_the_end_stays_on_the_last(invitations, profile):
    app = inbox_app(invitations.head(2), profile)
    app.accept_button.click()
    app.accept_button.click()
    assert app.model.position == 1
    assert app.next_button.disabled
    assert "every invitation has a decision" in app.position.value
    assert _summary_numbers(app)["accepted"] == 2


def test_a_failing_callback_is_shown_not_raised(invitations, profile):
    app = inbox_app(invitations, profile)
    app.decide("maybe")
    assert "unknown decision" in app.errors.value
    app.accept_button.click()
    assert app.errors.value == ""


def test_buttons_are_labelled_for_keyboard_and_screen_readers(invitations, profile):
    app = inbox_app(invitations, profile)
    buttons = [app.accept_button, app.ask_button, app.decline_button, app.previous_button,
               app.skip_button, app.next_button]
    assert all(b.description and b.tooltip for b in buttons)
    assert "Tab" in app.help.value and "Enter" in app.help.value


def test_inbox_app_at_thirty_thousand(profile):
    big = synthetic_invitations(30_000, seed=12)
    app = inbox_app(big, profile)
    start = time.perf_counter()
    app.accept_button.click()
    elapsed = time.perf_counter() - start
    assert app.errors.value == ""
    assert "of 30,000" in app.position.value
    assert _summary_numbers(app)["accepted"] == 1
    assert elapsed < 2.0, f"one click took {elapsed:.2f} s"
