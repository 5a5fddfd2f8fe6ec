"""Unknown is not zero: what the data cannot hold is never stated as absent.

A LinkedIn export holds no title for an inviter, no mutual connections and no groups. The
triage must call those signals unknown, leave them out of the score, and never decline a
stranger on them: its first guess is "ask", with "look at their profile first".
"""

from __future__ import annotations

import pandas as pd
import pytest

from invite_triage import (
    CRITERIA,
    PreparedTriage,
    example_profile,
    load_sample_export,
    pending_invitations,
    triage,
)
from invite_triage.core.i18n import message
from invite_triage.domain.triage import MOSTLY_UNKNOWN
from invite_triage.models.own_data import FormEntry, decide_entry, fields_that_matter

PROFILE = example_profile()
ABSENT = {  # what a first guess would say if it took "unknown" for "none"
    "en": [message("reason.mutuals.none", "en"), message("reason.groups.none", "en")],
    "fr": [message("reason.mutuals.none", "fr"), message("reason.groups.none", "fr")],
}


@pytest.fixture(scope="module")
def first_guesses() -> pd.DataFrame:
    return triage(pending_invitations(load_sample_export()), PROFILE)


def test_the_sample_export_has_pending_invitations_whose_signals_are_unknown(first_guesses):
    assert len(first_guesses) > 100
    assert not first_guesses["mutuals_known"].any() and not first_guesses["groups_known"].any()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_first_guess_states_an_unknown_signal_as_absent(lang):
    profile = PROFILE.__class__(**{**PROFILE.to_dict(), "language": lang})
    reasons = triage(pending_invitations(load_sample_export()), profile)["reasons"]
    for phrase in ABSENT[lang]:
        assert not reasons.str.contains(phrase, regex=False).any(), phrase


def test_no_invitation_is_declined_on_unknown_signals_alone(first_guesses):
    prepared = PreparedTriage(pending_invitations(load_sample_export()), PROFILE)
    w = prepared._weighted(__import__("invite_triage").preset_weights(PROFILE))[0]
    mostly_unknown = prepared.unknown_share(w) >= MOSTLY_UNKNOWN
    assert mostly_unknown.all()
    declined = first_guesses["decision"].eq("decline").to_numpy()
    pitch = prepared.signals.message_kind == 3  # MESSAGE_KINDS.index("pitch")
    # Every decline of a stranger rests on evidence the export holds: a sales pitch.
    assert (pitch[declined & mostly_unknown]).all()
    look_first = message("triage.rule.look_first", PROFILE.language)
    asked = first_guesses[first_guesses["reasons"].str.contains(look_first, regex=False)]
    assert len(asked) and asked["decision"].eq("ask").all()


def test_decision_counts_on_the_sample(first_guesses):
    counts = first_guesses["decision"].value_counts()
    # Before: 230 decline, 21 ask, 0 accept, all on "you have no mutual connections".
    assert counts.get("ask", 0) > counts.get("decline", 0)


def test_unknown_criteria_are_left_out_of_the_score():
    rows = pending_invitations(load_sample_export()).head(20)
    known = rows.assign(mutuals_known=True, groups_known=True)
    unknown_score = triage(rows, PROFILE)["score"]
    zero_score = triage(known, PROFILE)["score"]
    # Counting unknown mutuals and groups as zero drags every score down; leaving them out
    # does not.
    assert (unknown_score >= zero_score - 1e-12).all() and (unknown_score > zero_score).any()
    assert set(CRITERIA) <= set(triage(rows, PROFILE).columns)


def test_a_filled_form_makes_the_signals_known_and_names_what_would_change_it():
    pending = pending_invitations(load_sample_export())
    one = pending.iloc[[0]]
    empty = decide_entry(one, FormEntry(), PROFILE)
    assert empty.row["decision"] == "ask"
    to_fill = fields_that_matter(one, FormEntry(), PROFILE)
    assert "mutual_connections" in to_fill or "title" in to_fill
    filled = decide_entry(one, FormEntry(title="Comptable", mutual_connections="0"), PROFILE)
    assert bool(filled.row["mutuals_known"]) and bool(filled.row["groups_known"])
    assert message("reason.mutuals.unknown", "en") not in filled.row["reasons"]
