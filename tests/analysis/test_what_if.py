"""The what-if sandbox (chapter 09): simulated, deterministic, documented, and not rigged.

The thesis of chapter 07 must win at the defaults, and lose somewhere in the sandbox's own
ranges: at least one corner of ``WHAT_IF_RANGES`` rewards accepting everyone and another
rewards accepting only people you know.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from invite_triage import WHAT_IF_PERSONAS, WHAT_IF_RANGES, what_if
from invite_triage.analysis import what_if as module
from invite_triage.analysis.what_if import (
    COMPONENTS,
    MEASURES,
    WHAT_IF_COLUMNS,
    WHAT_IF_POLICIES,
    WHAT_IF_STEPS,
    break_even,
    policy_values,
    weak_tie_weight,
    winner,
)
from invite_triage.core.errors import InvalidInputError

CORNERS = [dict(zip(WHAT_IF_RANGES, values, strict=True))
           for values in itertools.product(*[(low, high)
                                             for low, _, high in WHAT_IF_RANGES.values()])]


@pytest.fixture(scope="module")
def corner_winners() -> list[str]:
    return [winner(**corner) for corner in CORNERS]


def test_with_the_defaults_the_balanced_triage_wins():
    values = what_if()["value"]
    assert values.idxmax() == "balanced"
    assert values["balanced"] > values["accept_all"] > values["known_only"]


def test_some_corner_makes_accepting_everyone_win(corner_winners):
    assert "accept_all" in corner_winners


def test_another_corner_makes_known_only_win(corner_winners):
    assert "known_only" in corner_winners


def test_columns_and_rows_are_as_documented():
    frame = what_if()
    assert list(frame.columns) == list(WHAT_IF_COLUMNS) == ["value", *COMPONENTS, *MEASURES]
    assert list(frame.index) == list(WHAT_IF_POLICIES) == ["accept_all", "balanced",
                                                            "known_only"]
    assert frame.index.name == "policy"
    assert np.allclose(frame["value"], frame[list(COMPONENTS)].sum(axis=1))
    # Gains are positive, costs negative.
    assert (frame[["relevant_contacts", "reach"]] >= 0).all().all()
    assert (frame[["feed_noise", "exposure", "time_spent"]] <= 0).all().all()
    # Per 100 invitations: accepting everyone accepts all 100.
    assert frame.at["accept_all", "accepted"] == pytest.approx(100.0)
    assert frame.at["accept_all", "minutes"] == 0.0


def test_same_inputs_give_the_same_frame_even_after_simulating_again():
    settings = {"relevant_share": 0.35, "clue_separation": 0.7, "reach_worth": 0.9}
    first = what_if(**settings)
    module._population_sums.cache_clear()
    module._inbox.cache_clear()
    module._draws.cache_clear()
    again = what_if(**settings)
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(what_if(**settings), what_if(**dict(reversed(settings.items()))))


def test_the_ranges_hold_their_defaults_and_every_assumption_has_a_slider_step():
    assert set(WHAT_IF_RANGES) == {"relevant_share", "clue_separation", "irrelevant_posting",
                                   "reach_worth", "noise_cost", "exposure_cost"}
    for name, (low, default, high) in WHAT_IF_RANGES.items():
        assert low <= default <= high, name
        assert low < high, name
        assert WHAT_IF_STEPS[name] > 0


@pytest.mark.parametrize(
    ("settings", "named"),
    [({"relevant_share": 1.5}, "relevant_share"), ({"noise_cost": -1}, "noise_cost"),
     ({"reach_worth": "a lot"}, "reach_worth"), ({"exposure_cost": float("nan")},
                                                 "exposure_cost"),
     ({"clue_separation": True}, "clue_separation"), ({"size_matters": 1.0}, "size_matters")],
)
def test_bad_assumptions_are_named(settings, named):
    with pytest.raises(InvalidInputError) as error:
        what_if(**settings)
    assert named in str(error.value)


def test_more_relevant_senders_mean_more_relevant_contacts_for_every_policy():
    low, high = what_if(relevant_share=0.2), what_if(relevant_share=0.8)
    assert (high["relevant_accepted"] > low["relevant_accepted"]).all()
    assert high.at["accept_all", "relevant_accepted"] == pytest.approx(80.0)


def test_sharper_clues_make_the_triage_more_precise():
    precision = {s: what_if(clue_separation=s).pipe(
        lambda f: f.at["balanced", "relevant_accepted"] / f.at["balanced", "accepted"])
        for s in (0.0, 0.5, 1.0, 1.5, 2.0)}
    values = list(precision.values())
    assert values == sorted(values)
    # With no clue at all, the triage picks at random: its precision is the share itself.
    assert precision[0.0] == pytest.approx(WHAT_IF_RANGES["relevant_share"][1], abs=0.03)


def test_costs_and_worths_move_the_value_the_right_way():
    base = what_if()
    assert what_if(noise_cost=0.5).at["accept_all", "value"] < base.at["accept_all", "value"]
    assert what_if(exposure_cost=1.5).at["accept_all", "value"] < base.at["accept_all", "value"]
    assert (what_if(irrelevant_posting=4.0).at["accept_all", "noise_posts_per_week"]
            == pytest.approx(4 * base.at["accept_all", "noise_posts_per_week"]))
    richer = what_if(reach_worth=2.0)
    gain = richer["value"] - base["value"]
    assert gain["accept_all"] > gain["balanced"] > gain["known_only"] > 0


def test_people_you_know_are_never_counted_as_exposed_strangers():
    for corner in CORNERS[:8]:
        assert what_if(**corner).at["known_only", "exposed_strangers"] == 0.0


def test_weak_tie_weight_is_an_inverted_u():
    mutuals = np.array([0, 1, 5, 15, 40])
    weights = weak_tie_weight(mutuals)
    assert weights[0] == 0.0
    assert weights[2] == pytest.approx(1.0)  # the assumed peak
    assert weights[1] < weights[2] and weights[3] < weights[2] and weights[4] < weights[3]


def test_the_chapters_personas_win_as_the_chapter_says():
    assert winner(**WHAT_IF_PERSONAS["job_seeker"]) == "accept_all"
    assert winner(**WHAT_IF_PERSONAS["salesperson"]) == "accept_all"
    assert winner(**WHAT_IF_PERSONAS["community_manager"]) == "known_only"


def test_break_even_on_reach_is_where_the_winner_changes():
    found = break_even()
    assert found.at is not None and found.wins_above is True and not found.wins_now
    low, _, high = WHAT_IF_RANGES["reach_worth"]
    step = (high - low) / 500
    assert winner(reach_worth=found.at + step) == "accept_all"
    assert winner(reach_worth=found.at - step) != "accept_all"
    assert "reach is worth more than" in found.sentence
    assert f"{found.at:.2f}" in found.sentence


def test_break_even_says_so_when_there_is_none():
    everywhere = break_even(**WHAT_IF_PERSONAS["salesperson"])
    assert everywhere.at is None and everywhere.wins_now
    assert "wins anywhere" in everywhere.sentence
    nowhere = break_even(**WHAT_IF_PERSONAS["community_manager"])
    assert nowhere.at is None and not nowhere.wins_now
    assert "does not win" in nowhere.sentence


def test_break_even_on_a_cost_runs_the_other_way():
    found = break_even("exposure_cost", **WHAT_IF_PERSONAS["job_seeker"])
    assert found.at is not None and found.wins_above is False
    assert "exposure costs less than" in found.sentence


def test_break_even_rejects_unknown_names():
    with pytest.raises(InvalidInputError):
        break_even("size")
    with pytest.raises(InvalidInputError):
        break_even(policy="open")


def test_policy_values_match_the_table():
    settings = WHAT_IF_PERSONAS["job_seeker"]
    assert policy_values(**settings) == pytest.approx(what_if(**settings)["value"].to_dict())


def test_the_simulated_inbox_is_triaged_as_policy_accepts_triages_it():
    from invite_triage.analysis.quality import policy_accepts
    from invite_triage.world import synth
    from invite_triage.world.datasets import example_profile

    inbox = module._inbox()
    invitations = synth.invitations(module.BASE_SENDERS, seed=module.WHAT_IF_SEED)
    for policy in WHAT_IF_POLICIES:
        expected = policy_accepts(invitations, example_profile(), policy)
        assert np.array_equal(inbox.accepts[policy], expected), policy
