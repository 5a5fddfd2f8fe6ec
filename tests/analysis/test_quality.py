"""Network quality versus size: the guide's central argument must hold, and be measured right."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.analysis.quality import (
    METRICS,
    QualityCurve,
    contact_signals,
    network_quality,
    policy_accepts,
    quality_vs_size,
    simulate_growth,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.triage import DEFAULT_THRESHOLDS, triage
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile, load_connections


@pytest.fixture(scope="module")
def profile():
    return example_profile()


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(3_000, seed=11)


@pytest.fixture(scope="module")
def curve(invitations, profile) -> QualityCurve:
    return QualityCurve.from_invitations(invitations, profile)


@pytest.fixture(scope="module")
def table(curve) -> pd.DataFrame:
    return curve.curve(np.round(np.linspace(0, 1, 41), 3))


def _engine_accepts(invitations, profile, threshold: float) -> np.ndarray:
    """What the triage engine itself accepts at an accept threshold (the curve's contract)."""
    ask = min(DEFAULT_THRESHOLDS["ask"], threshold)
    result = triage(invitations, dataclasses.replace(profile, policy="balanced"),
                    thresholds={"accept": threshold, "ask": ask})
    return result["decision"].eq("accept").to_numpy()


# --- the central argument ---------------------------------------------------------------------


def test_accept_all_is_biggest_least_relevant_most_exposed(table):
    accept_all = table[table["policy"].eq("accept_all")].iloc[0]
    others = table[~table["policy"].eq("accept_all") & table["size"].gt(0)]
    print(table[["policy", "threshold", "size", "relevance_share", "relevance_share_true",
                 "exposure", "exposure_true"]].to_string())
    assert (accept_all["size"] > others["size"]).all()
    for column in ("relevance_share", "relevance_share_true"):
        assert (accept_all[column] < others[column]).all(), column
    for column in ("exposure", "exposure_true"):
        assert (accept_all[column] >= others[column]).all(), column
    assert accept_all["exposure_true"] > others["exposure_true"].max()


def test_raising_the_threshold_never_increases_size(table):
    swept = table[table["policy"].eq("criteria")].sort_values("threshold")
    assert swept["size"].is_monotonic_decreasing
    assert swept["exposure_true"].is_monotonic_decreasing
    assert swept["size"].iloc[0] > swept["size"].iloc[-1]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=2, max_size=12))
def test_size_is_monotone_at_any_thresholds(curve, thresholds):
    ordered = sorted(thresholds)
    sizes = curve.curve(ordered).query("policy == 'criteria'")["size"].to_numpy()
    assert (np.diff(sizes) <= 0).all()


def test_selective_default_keeps_most_relevant_contacts_in_a_much_smaller_network(
    curve, invitations
):
    everyone = curve.curve().query("policy == 'accept_all'").iloc[0]
    default = curve.at(curve.default_threshold)
    relevant_all = everyone["relevance_share_true"] * everyone["size"]
    relevant_kept = default["relevance_share_true"] * default["size"]
    kept_share = relevant_kept / relevant_all
    size_share = default["size"] / everyone["size"]
    print(
        f"\naccept-all: {everyone['size']:.0f} contacts, {everyone['relevance_share_true']:.0%} "
        f"relevant, feed noise {everyone['feed_noise_true']:.0%}, exposure "
        f"{everyone['exposure_true']:.0f}, reach {everyone['reach_true']:.0f}"
        f"\ndefault (threshold {curve.default_threshold}): {default['size']:.0f} contacts "
        f"({size_share:.0%} of accept-all), {default['relevance_share_true']:.0%} relevant, "
        f"feed noise {default['feed_noise_true']:.0%}, exposure {default['exposure_true']:.0f}, "
        f"reach {default['reach_true']:.0f}"
        f"\nrelevant contacts kept: {kept_share:.0%}; reach kept: "
        f"{default['reach_true'] / everyone['reach_true']:.0%}"
    )
    assert kept_share >= 0.75
    assert size_share <= 0.6
    assert default["relevance_share_true"] >= everyone["relevance_share_true"] + 0.25
    assert default["feed_noise_true"] <= everyone["feed_noise_true"] / 2
    assert default["reach_true"] >= 0.9 * everyone["reach_true"]


# --- the curve is the engine, only faster ------------------------------------------------------


@pytest.mark.parametrize("threshold", [0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8, 1.0])
def test_curve_matches_the_engine_and_network_quality(curve, invitations, profile, threshold):
    accepted = _engine_accepts(invitations, profile, threshold)
    point = curve.at(threshold)
    assert point["size"] == accepted.sum()
    direct = network_quality(invitations[accepted], profile)
    for metric in METRICS:
        for value, expected in ((point[metric], getattr(direct.estimate, metric)),
                                (point[f"{metric}_true"] if metric != "size" else point["size"],
                                 getattr(direct.truth, metric))):
            if isinstance(expected, float) and math.isnan(expected):
                assert math.isnan(value)
            else:
                assert value == pytest.approx(expected), metric


def test_fixed_policies_match_the_engine(curve, invitations, profile):
    rows = curve.curve([0.5]).set_index("policy")
    known_only = triage(invitations, dataclasses.replace(profile, policy="known_only"))
    assert rows.loc["known_only", "size"] == known_only["decision"].eq("accept").sum()
    assert rows.loc["accept_all", "size"] == len(invitations)
    assert np.isnan(rows.loc["accept_all", "threshold"])
    assert rows.loc["criteria", "threshold"] == 0.5


def test_quality_vs_size_columns(invitations, profile):
    df = quality_vs_size(invitations.iloc[:400], profile, thresholds=[0.3, 0.6])
    expected = ["policy", "threshold", "size", "relevance_share", "feed_noise", "exposure",
                "reach", "relevance_share_true", "feed_noise_true", "exposure_true", "reach_true"]
    assert list(df.columns) == expected
    assert df["policy"].tolist() == ["accept_all", "known_only", "criteria", "criteria"]
    shares = df[["relevance_share", "feed_noise", "relevance_share_true"]].dropna()
    assert ((shares >= 0) & (shares <= 1)).all().all()


def test_real_invitations_have_no_truth_columns(invitations, profile):
    real = invitations.drop(columns=["persona", "relevant"]).iloc[:300]
    df = quality_vs_size(real, profile)
    assert not any(c.endswith("_true") for c in df.columns)


def test_curve_rejects_bad_thresholds(curve):
    with pytest.raises(InvalidInputError):
        curve.curve([0.2, float("nan")])


# --- one network --------------------------------------------------------------------------------


def test_network_quality_of_connections_says_what_is_estimated(profile):
    connections = load_connections()
    synthetic = network_quality(connections, profile)
    real = network_quality(connections.drop(columns=["persona", "relevant"]), profile)
    print("\n" + synthetic.summary + "\n" + real.summary)
    assert synthetic.is_synthetic and synthetic.truth is not None
    assert real.truth is None and not real.is_synthetic
    assert synthetic.estimate == real.estimate
    assert synthetic.estimate.size == len(connections)
    # A LinkedIn export has no mutual connections: reach is unknown, and said so.
    assert real.estimate.reach is None
    assert "no mutual connections" in real.summary
    assert "estimates" in real.summary and "(truth:" not in real.summary
    assert "truth:" in synthetic.summary
    frame = real.to_frame()
    assert list(frame.index) == list(METRICS)
    assert frame["truth"].isna().all() and frame["estimate"].notna().sum() == 4
    assert synthetic.to_frame()["truth"].notna().sum() == 4


def test_truth_comes_from_hidden_columns(profile):
    contacts = pd.DataFrame({
        "first_name": ["A", "B", "C", "D"],
        "last_name": ["One", "Two", "Three", "Four"],
        "company": ["X"] * 4,
        "position": ["Community Manager", "Account Executive", "Community Manager", "Nurse"],
        "persona": ["peer", "spam", "stranger", "stranger"],
        "relevant": [True, False, False, False],
    })
    quality = network_quality(contacts, profile)
    assert quality.estimate.relevance_share == pytest.approx(0.5)
    assert quality.truth.relevance_share == pytest.approx(0.25)
    # Spam is assumed to post 5 a week, a peer 1, strangers 0.3 each: noise = 5.6 / 6.6.
    assert quality.truth.feed_noise == pytest.approx(5.6 / 6.6)
    assert quality.truth.exposure == 3
    assert quality.estimate.exposure == 2  # the two non-marketing jobs


def test_known_people_are_not_exposed(profile):
    name = profile.known_people[0]
    first, last = name.split(" ", 1)
    contacts = pd.DataFrame({"first_name": [first.upper()], "last_name": [last],
                             "position": ["Plombier"], "company": ["X"]})
    assert network_quality(contacts, profile).estimate.exposure == 0
    stranger = contacts.assign(first_name="Zz")
    assert network_quality(stranger, profile).estimate.exposure == 1


def test_empty_network(invitations, profile):
    quality = network_quality(invitations.iloc[:0], profile)
    assert quality.estimate.size == 0
    assert math.isnan(quality.estimate.relevance_share)
    assert quality.summary.startswith("No contacts")


def test_bad_contacts_raise_clear_errors(profile):
    with pytest.raises(InvalidInputError, match="no job column") as info:
        network_quality(pd.DataFrame({"name": ["A"]}), profile)
    assert "'title'" in str(info.value) and "'position'" in str(info.value)
    with pytest.raises(InvalidInputError, match="DataFrame"):
        network_quality([{"title": "CEO"}], profile)


def test_reach_counts_relevant_mutuals_of_relevant_contacts(invitations, profile):
    signals = contact_signals(invitations, profile)
    assert (signals.loc[signals["relevant"].eq(0), "reach"] == 0).all()
    assert (signals["reach"] <= invitations["mutual_connections"]).all()
    assert signals["reach"].sum() > 0


# --- growth -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def growth(invitations, profile) -> pd.DataFrame:
    return simulate_growth(invitations, profile, existing=load_connections())


def test_growth_month_by_month(growth, invitations, profile):
    n_existing = len(load_connections())
    months = invitations["sent_at"].dt.to_period("M").nunique()
    assert set(growth["policy"]) == {"accept_all", "known_only", "balanced", "open"}
    assert (growth.groupby("policy").size() == months).all()
    for _, rows in growth.groupby("policy"):
        assert rows["size"].is_monotonic_increasing
        assert rows["month"].is_monotonic_increasing
        assert rows["size"].iloc[-1] == n_existing + rows["accepted"].sum()
    last = growth.groupby("policy").tail(1).set_index("policy")
    print("\n" + last.to_string())
    assert last.loc["accept_all", "size"] == n_existing + len(invitations)
    assert last["size"].idxmax() == "accept_all"
    assert last["relevance_share_true"].idxmin() == "accept_all"
    assert last.loc["balanced", "relevance_share_true"] > last.loc["accept_all",
                                                                    "relevance_share_true"]
    assert last.loc["known_only", "size"] < last.loc["balanced", "size"]
    balanced = triage(invitations, profile)["decision"].eq("accept").sum()
    assert last.loc["balanced", "size"] == n_existing + balanced


def test_growth_accepts_labelled_thresholds_numbers_and_functions(invitations, profile, curve):
    def only_peers(triaged: pd.DataFrame) -> np.ndarray:
        return triaged["job"].to_numpy() >= 1.0

    growth = simulate_growth(
        invitations,
        profile,
        {"strict": {"accept": 0.7, "ask": 0.5}, "at 0.45": 0.45, "jobs": only_peers},
    )
    last = growth.groupby("policy").tail(1).set_index("policy")
    assert last.loc["at 0.45", "size"] == curve.at(0.45)["size"]
    engine_strict = triage(invitations, profile, thresholds={"accept": 0.7, "ask": 0.5})
    assert last.loc["strict", "size"] == engine_strict["decision"].eq("accept").sum()
    assert last.loc["jobs", "size"] == only_peers(triage(invitations, profile)).sum()
    assert "exposure_true" in growth.columns


def test_growth_without_existing_network_starts_from_zero(invitations, profile):
    growth = simulate_growth(invitations.iloc[:200], profile, ["accept_all"])
    assert growth["size"].iloc[-1] == 200
    assert growth["size"].iloc[0] == growth["accepted"].iloc[0]


def test_bad_policies_raise(invitations, profile):
    small = invitations.iloc[:50]
    with pytest.raises(InvalidInputError, match="unknown policy"):
        simulate_growth(small, profile, ["accept_some"])
    with pytest.raises(InvalidInputError, match="boolean mask"):
        policy_accepts(small, profile, lambda triaged: [True])
    with pytest.raises(InvalidInputError):
        simulate_growth(small, profile, [])
    with pytest.raises(InvalidInputError, match="sent_at"):
        simulate_growth(small.drop(columns=["sent_at"]), profile)
