"""The inbox app (chapter 06 and the standalone app), driven by clicks like a learner would."""

from __future__ import annotations

import dataclasses
import re
import time

import numpy as np
import pandas as pd
import pytest

from invite_triage.widgets.inbox_app import inbox_app
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
