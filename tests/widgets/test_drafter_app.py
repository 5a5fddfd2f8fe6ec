"""The drafter app (chapter 05), driven like a learner would: pick an invitation, a language.

Each test sets a control (slider, toggle, dropdown, text) and asserts the chart, table or
decision changed as it should; bad input must end up in ``app.errors``, never as an exception.
"""

from __future__ import annotations

import dataclasses
import html
import re

import pandas as pd
import pytest

from invite_triage.widgets.drafter_app import drafter_app
from invite_triage.world.datasets import example_profile, load_invitations

FRENCH_WORDS = re.compile(r"\b(bonjour|merci|vous|votre|je)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


def test_drafter_switches_language_and_invitation(invitations, profile):
    app = drafter_app(invitations, profile)
    assert app.language.value == "en"
    english = app.text
    assert english and app.errors.value == ""
    app.language.value = "fr"
    assert app.text != english
    assert FRENCH_WORDS.search(app.text)
    french_first = app.text
    app.dropdown.value = app.dropdown.options[1][1]
    assert app.text != french_first
    assert html.escape(app.text) in app.message.value


def test_drafter_escapes_what_the_sender_wrote(invitations, profile):
    hostile = invitations.head(5).copy()
    hostile["name"] = "<script>alert(1)</script>"
    hostile["message"] = "<img src=x onerror=alert(1)>"
    app = drafter_app(hostile, profile)
    shown = app.context.value + app.message.value
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in app.context.value
