"""The inbox model (chapter 06): a cursor over pending invitations triaged once, and your
choices; everything it shows must still be what a plain ``triage`` gives."""

from __future__ import annotations

import dataclasses
import re
import time

import numpy as np
import pandas as pd
import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import preset_weights, triage
from invite_triage.models.inbox import InboxModel
from invite_triage.render.explain import contributions
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile, load_invitations
from invite_triage.world.synth import invitations as synthetic_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return dataclasses.replace(example_profile(), language="en")


@pytest.fixture(scope="module")
def synthetic() -> pd.DataFrame:
    """A larger synthetic inbox (as the apps' cached-model tests use)."""
    return synth.invitations(1500, seed=5)


@pytest.fixture(scope="module")
def example() -> Profile:
    """The example profile in its own language."""
    return example_profile()


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


def test_inbox_reasons_in_the_other_language_match_triage(synthetic, example):
    model = InboxModel(synthetic, example, weights={"groups": 0.5})
    other = "en" if example.language == "fr" else "fr"
    expected = triage(synthetic, dataclasses.replace(example, language=other),
                      weights=model.weights)["reasons"].to_numpy(object)
    for position in (0, 7, len(model) - 1):
        model.go(position)
        assert model.reasons(other) == expected[position]
    assert np.array_equal(model.triaged["decision"].to_numpy(object),
                          triage(synthetic, example,
                                 weights=model.weights)["decision"].to_numpy(object))
