"""Chapter 03's checkers (mutual connections, weak ties).

Right answers pass and wrong ones get a hint (what every checker must do is in
``test_every_checker.py``). Expected answers are
recomputed here from the data and the package's public functions, not copied from the
checkers, so a checker that drifts from the data fails.
"""

from __future__ import annotations

import importlib

from invite_triage.domain.profile import RELEVANT_WEIGHT
from invite_triage.domain.titles import classify_titles


def test_ch03_answers(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch03")
    exploded = invitations["mutual_titles"].explode().dropna()
    weights = profile.family_weights()
    relevant = classify_titles(exploded.astype(str))["family"].map(weights).ge(RELEVANT_WEIGHT)
    counts = relevant.groupby(level=0).sum().reindex(invitations.index, fill_value=0)
    truth = invitations["relevant"].to_numpy(bool)
    first = next(
        k for k in range(0, 16)
        if (counts >= k).any() and truth[(counts >= k).to_numpy()].mean() > 0.8
    )
    last = max(
        k for k in range(0, 16) if truth[(counts >= k).to_numpy()].sum() >= 0.9 * truth.sum()
    )
    assert check.check_miss_few(last).ok
    assert "look lower" in check.check_miss_few(last + 1).message
    if last > 0:
        assert "Look higher" in check.check_miss_few(last - 1).message
    assert last < first  # the open rule is looser than the cautious one

    assert check.check_precision_threshold(first).ok
    assert not check.check_precision_threshold(first - 1).ok
    assert "smaller k" in check.check_precision_threshold(first + 1).message
    assert check.check_weak_ties("B").ok
    assert not check.check_weak_ties("a").ok
    assert not check.check_weak_ties("c").ok


def test_the_bet_on_raising_k_is_computed_from_the_data(invitations, profile):
    check = importlib.import_module("invite_triage.exercises.ch03")
    bet = check.bet_raising_k()
    assert bet.kind == "choice" and len(bet.choices) == 4
    exploded = invitations["mutual_titles"].explode().dropna()
    weights = profile.family_weights()
    relevant = classify_titles(exploded.astype(str))["family"].map(weights).ge(RELEVANT_WEIGHT)
    counts = relevant.groupby(level=0).sum().reindex(invitations.index, fill_value=0)
    truth = invitations["relevant"].to_numpy(bool)

    def mistakes(k):
        let_in = (counts >= k).to_numpy()
        return int((let_in & ~truth).sum()), int((~let_in & truth).sum())

    (in_1, out_1), (in_4, out_4) = mistakes(check.BET_FROM), mistakes(check.BET_TO)
    assert in_4 < in_1 and out_4 > out_1
    reveal = bet.reveal("trade")
    assert reveal.correct
    assert f"from {in_1} to {in_4}" in reveal.explanation
    assert not bet.reveal("both_shrink").correct
