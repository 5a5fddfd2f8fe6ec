"""Exercises of chapter 04 (shared groups): a bet on the weakest group, who shares your groups,
what a second group costs, and how shared groups compare with the base rate."""

from __future__ import annotations

import pandas as pd

from invite_triage.core.formats import number, percent
from invite_triage.exercises import Feedback, exercise, feedback, say
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
    '(invitations["shared_groups"].str.len() > 0).sum()',
)
def check_any_shared_group(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", say("ch04.hint_invitations"))
    expected, _, _ = _at_least_one()
    total = len(load_invitations())
    if value == expected:
        return feedback(True, say("ch04.any_shared_group.success", shared=number(expected),
                                  total=number(total)), "")
    if value == total - expected:
        return feedback(False, "", say("ch04.any_shared_group.hint_none"))
    return feedback(False, "", say("ch04.any_shared_group.hint"))


def _group_shares() -> pd.Series:
    """Per group: the share of the invitations sharing it that are relevant (hidden answers)."""
    table = _model().per_group
    return (table["truly relevant"] / table["invitations"].where(table["invitations"] > 0))


def bet_weakest_group() -> PredictModel:
    """Chapter 04's "place your bets": which of your groups is the weakest clue?"""
    model = _model()
    return PredictModel(
        say("ch04.bet.question"),
        lambda: _group_shares().idxmin(),
        choices=list(model.groups),
        explanation=lambda weakest: _weakest_explanation(weakest, float(model.truth.mean())),
    )


def _weakest_explanation(weakest: str, overall: float) -> str:
    share = float(_group_shares()[weakest])
    verdict = say("ch04.bet.verdict_better" if share > overall else "ch04.bet.verdict_none")
    return say("ch04.bet.explanation", group=weakest, share=percent(share),
               overall=percent(overall), verdict=verdict)


def _passing(minimum: int) -> tuple[int, int, float]:
    """Invitations sharing at least ``minimum`` of your groups: how many, relevant, precision."""
    model = _model()
    passed = model.n_counted(model.groups) >= minimum
    hits = int((passed & model.truth).sum())
    return int(passed.sum()), hits, hits / passed.sum() if passed.any() else float("nan")


@exercise(
    "second_group_cost",
    'n = invitations["shared_groups"].str.len()\n'
    'relevant = invitations["relevant"]\n'
    "int((relevant & (n >= 1)).sum() - (relevant & (n >= 2)).sum())",
)
def check_second_group_cost(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", say("ch04.second_group_cost.hint_number"))
    (passed_1, hits_1, precision_1), (passed_2, hits_2, precision_2) = _passing(1), _passing(2)
    expected = hits_1 - hits_2
    if value == expected:
        return feedback(
            True,
            say("ch04.second_group_cost.success", kept_out=expected, let_in=hits_1,
                before=percent(precision_1), after=percent(precision_2)),
            "",
        )
    if value == passed_1 - passed_2:
        return feedback(False, "", say("ch04.second_group_cost.hint_everyone"))
    if value in (hits_1, hits_2):
        return feedback(False, "", say("ch04.second_group_cost.hint_one_rule"))
    return feedback(False, "", say("ch04.second_group_cost.hint"))


@exercise(
    "shared_group_precision",
    'shares = invitations["shared_groups"].str.len() > 0\n'
    'invitations.loc[shares, "relevant"].mean(), invitations["relevant"].mean()',
)
def check_shared_group_precision(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None:
        return feedback(False, "", say("ch04.shared_group_precision.hint_number"))
    if 1 < value <= 100:
        value = value / 100  # a percentage typed as 69
    _, expected, overall = _at_least_one()
    if abs(value - expected) <= SHARE_TOLERANCE:
        return feedback(
            True,
            say("ch04.shared_group_precision.success", share=number(expected, digits=2),
                overall=number(overall, digits=2)),
            "",
        )
    if abs(value - overall) <= SHARE_TOLERANCE:
        return feedback(False, "", say("ch04.shared_group_precision.hint_all"))
    return feedback(False, "", say("ch04.shared_group_precision.hint"))
