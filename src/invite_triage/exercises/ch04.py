"""Exercises of chapter 04 (shared groups): a bet on the weakest group, who shares your groups,
what a second group costs, and how shared groups compare with the base rate."""

from __future__ import annotations

import pandas as pd

from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_int
from invite_triage.models.groups import GroupsModel
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

#: Answers within this distance of the exact share count as right (two decimals are enough).
SHARE_TOLERANCE = 0.006


def _model() -> GroupsModel:
    return GroupsModel(load_invitations(), example_profile())


def _at_least_one() -> tuple[int, float, float]:
    """Invitations sharing one of your groups, and the relevant share among them and overall."""
    model = _model()
    shares = model.n_counted(model.groups) >= 1
    truth = model.truth
    among = float(truth[shares].mean()) if shares.any() else float("nan")
    return int(shares.sum()), among, float(truth.mean())


@exercise(
    "any_shared_group",
    "Keep the invitations whose `shared_groups` list is not empty (the lists only contain your "
    "own groups) and count them.",
    '(invitations["shared_groups"].str.len() > 0).sum()',
)
def check_any_shared_group(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    expected, _, _ = _at_least_one()
    total = len(load_invitations())
    if value == expected:
        return feedback(True, f"{expected} of {total} invitations share at least one group.", "")
    if value == total - expected:
        return feedback(False, "", "that counts the invitations sharing NO group.")
    return feedback(False, "", 'invitations["shared_groups"].str.len() gives the number of '
                    "shared groups per invitation; count those above 0.")


def _group_shares() -> pd.Series:
    """Per group: the share of the invitations sharing it that are relevant (hidden answers)."""
    table = _model().per_group
    return (table["truly relevant"] / table["invitations"].where(table["invitations"] > 0))


def bet_weakest_group() -> PredictModel:
    """Chapter 04's "place your bets": which of your groups is the weakest clue?"""
    model = _model()
    return PredictModel(
        "Which of your groups is the WEAKEST clue: among the invitations that share it, the "
        "smallest share is relevant?",
        lambda: _group_shares().idxmin(),
        choices=list(model.groups),
        explanation=lambda weakest: _weakest_explanation(weakest, float(model.truth.mean())),
    )


def _weakest_explanation(weakest: str, overall: float) -> str:
    share = float(_group_shares()[weakest])
    verdict = ("even the weakest group is a better clue than none" if share > overall
               else "this group is no clue at all: consider unticking it")
    return (f"Among the invitations sharing {weakest}, {share:.0%} are relevant, against "
            f"{overall:.0%} of all invitations: {verdict}. A group's name says less than the "
            "data.")


def _passing(minimum: int) -> tuple[int, int, float]:
    """Invitations sharing at least ``minimum`` of your groups: how many, relevant, precision."""
    model = _model()
    passed = model.n_counted(model.groups) >= minimum
    hits = int((passed & model.truth).sum())
    return int(passed.sum()), hits, hits / passed.sum() if passed.any() else float("nan")


@exercise(
    "second_group_cost",
    "Count the relevant invitations sharing at least 1 of your groups, then those sharing at "
    "least 2, and subtract: these are the relevant people the stricter rule keeps out. The "
    "groups app shows both rules when you move the minimum from 1 to 2.",
    'n = invitations["shared_groups"].str.len()\n'
    'relevant = invitations["relevant"]\n'
    "int((relevant & (n >= 1)).sum() - (relevant & (n >= 2)).sum())",
)
def check_second_group_cost(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of relevant invitations.")
    (passed_1, hits_1, precision_1), (passed_2, hits_2, precision_2) = _passing(1), _passing(2)
    expected = hits_1 - hits_2
    if value == expected:
        return feedback(
            True,
            f"asking for 2 groups keeps out {expected} of the {hits_1} relevant people that 1 "
            f"group let in; in exchange, the share of relevant people among those let in rises "
            f"from {precision_1:.0%} to {precision_2:.0%}. Worth it only if a wrong contact costs "
            "you more than a missed one.",
            "",
        )
    if value == passed_1 - passed_2:
        return feedback(False, "", "that counts everyone the stricter rule keeps out; keep only "
                        "the relevant ones.")
    if value in (hits_1, hits_2):
        return feedback(False, "", "that is the number of relevant people one rule lets in; "
                        "subtract the two.")
    return feedback(False, "", "count the relevant invitations with at least 1 shared group, "
                    "then with at least 2, and subtract.")


@exercise(
    "shared_group_precision",
    "Among the invitations sharing at least one group, take the mean of the hidden `relevant` "
    "column; compare with its mean over all invitations. Shared groups are a good sign, not a "
    "proof.",
    'shares = invitations["shared_groups"].str.len() > 0\n'
    'invitations.loc[shares, "relevant"].mean(), invitations["relevant"].mean()',
)
def check_shared_group_precision(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None:
        return feedback(False, "", "give a number between 0 and 1, e.g. 0.5.")
    if 1 < value <= 100:
        value = value / 100  # a percentage typed as 69
    _, expected, overall = _at_least_one()
    if abs(value - expected) <= SHARE_TOLERANCE:
        return feedback(
            True,
            f"{expected:.2f} of them are relevant, against {overall:.2f} of all invitations: "
            "sharing a group is a good sign, not a proof.",
            "",
        )
    if abs(value - overall) <= SHARE_TOLERANCE:
        return feedback(False, "", "that is the share among ALL invitations; keep only those "
                        "sharing at least one group.")
    return feedback(False, "", 'select the rows with invitations["shared_groups"].str.len() > 0 '
                    'and take the mean of their "relevant" column.')
