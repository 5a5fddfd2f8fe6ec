"""Exercises of chapter 07 (quality versus size): a threshold, growth, a noise budget."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from invite_triage.analysis.quality import QualityCurve, simulate_growth
from invite_triage.core.formats import number, percent
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_float, as_int, as_key
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_connections, load_invitations

#: The two thresholds of the chapter's bet: how much reach survives tightening from one to the
#: other.
BET_THRESHOLDS: tuple[float, float] = (0.3, 0.6)


def reach_kept(curve: QualityCurve, low: float = BET_THRESHOLDS[0],
               high: float = BET_THRESHOLDS[1]) -> float:
    """The percentage of its reach (ground truth) the network keeps from ``low`` to ``high``."""
    return 100 * float(curve.at(high)["reach_true"]) / float(curve.at(low)["reach_true"])


def bet_reach_kept(curve: QualityCurve) -> PredictModel:
    """Chapter 07's "place your bets": a stricter threshold loses people, but how many doors?"""
    low, high = BET_THRESHOLDS
    return PredictModel(
        say("ch07.bet.question", low=number(low, digits=1), high=number(high, digits=1),
            before=number(int(curve.at(low)["size"])), after=number(int(curve.at(high)["size"]))),
        lambda: reach_kept(curve, low, high),
        low=0, high=100, step=5, tolerance=10, unit="%",
        explanation=say("ch07.bet.explanation"),
    )


RELEVANCE_TARGET = 0.9
#: The threshold exercise reads the slider, which moves in steps of 0.01.
GRID = np.round(np.arange(0, 1.0001, 0.01), 2)


def relevance_curve() -> pd.DataFrame:
    """The criteria rows of the quality curve on the slider's grid."""
    curve = QualityCurve.from_invitations(load_invitations(), example_profile()).curve(GRID)
    return curve[curve["policy"].eq("criteria")].reset_index(drop=True)


def lowest_threshold(target: float = RELEVANCE_TARGET) -> float | None:
    """The lowest threshold on the grid whose truly-relevant share reaches ``target``."""
    curve = relevance_curve()
    reached = curve[curve["relevance_share_true"].fillna(-1.0) >= target]
    return None if reached.empty else float(reached["threshold"].iloc[0])


@exercise(
    "relevance_threshold",
    "from invite_triage.exercises.ch07 import lowest_threshold\n\n"
    "lowest_threshold(0.9)",
)
def check_relevance_threshold(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None or not 0 <= value <= 1:
        return feedback(False, "", say("ch07.relevance_threshold.hint_number"))
    expected = lowest_threshold()
    if expected is None:
        return feedback(False, "", say("ch07.relevance_threshold.hint_none"))
    curve = relevance_curve().set_index("threshold")
    here = float(curve["relevance_share_true"].get(round(value, 2), math.nan))
    if abs(value - expected) < 0.005:
        size = int(curve.at[expected, "size"])
        return feedback(True, say("ch07.relevance_threshold.success",
                                  threshold=number(expected, digits=2), share=percent(here),
                                  size=number(size)), "")
    hint = "hint_lower" if value > expected else "hint_higher"
    return feedback(False, "", say(f"ch07.relevance_threshold.{hint}",
                                   threshold=number(value, digits=2), share=percent(here)))


def final_sizes() -> pd.Series:
    """Network size per policy at the last simulated month (starting from your network)."""
    growth = simulate_growth(load_invitations(), example_profile(), existing=load_connections())
    last = growth[growth["month"].eq(growth["month"].max())]
    return last.set_index("policy")["size"].astype(int)


@exercise(
    "growth_gap",
    'last = growth[growth["month"] == growth["month"].max()].set_index("policy")\n'
    'last.at["accept_all", "size"] - last.at["balanced", "size"]',
)
def check_growth_gap(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", say("ch07.growth_gap.hint_number"))
    sizes = final_sizes()
    expected = int(sizes["accept_all"] - sizes["balanced"])
    if value == expected:
        return feedback(True, say("ch07.growth_gap.success", gap=number(expected),
                                  accept_all=number(sizes["accept_all"]),
                                  balanced=number(sizes["balanced"])), "")
    if value == -expected:
        return feedback(False, "", say("ch07.growth_gap.hint_sign"))
    if value in (int(sizes["accept_all"]), int(sizes["balanced"])):
        return feedback(False, "", say("ch07.growth_gap.hint_one_size"))
    return feedback(False, "", say("ch07.growth_gap.hint"))


#: Exercise 3's budget: at most one post in five from people who do not matter to you.
NOISE_BUDGET = 0.2
#: The thresholds of the chapter's table, which exercise 3 chooses among.
TABLE_THRESHOLDS: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6, 0.7)
_FIXED_POLICIES = ("accept_all", "known_only")


def policy_table() -> pd.DataFrame:
    """The chapter's table (every policy, ground truth), indexed by a short policy key."""
    curve = QualityCurve.from_invitations(load_invitations(), example_profile())
    table = curve.curve(list(TABLE_THRESHOLDS))
    keys = [p if p in _FIXED_POLICIES else f"{t:.1f}"
            for p, t in zip(table["policy"], table["threshold"], strict=True)]
    return table.assign(key=keys).set_index("key")


def best_under_noise(budget: float = NOISE_BUDGET) -> str | None:
    """The policy key that opens the most doors (reach, ground truth) among those whose feed
    noise (ground truth) stays within ``budget``; ``None`` when none does."""
    table = policy_table()
    within = table[table["feed_noise_true"].fillna(math.inf) <= budget]
    return None if within.empty else str(within["reach_true"].idxmax())


def _policy_key(answer: object) -> str | None:
    """A threshold of the table ("0.6", 0.6) or a fixed policy's name, as a table key."""
    value = as_float(answer)
    if value is not None:
        match = [t for t in TABLE_THRESHOLDS if abs(t - value) < 1e-9]
        return f"{match[0]:.1f}" if match else None
    return as_key(answer, _FIXED_POLICIES, words=_POLICY_WORDS)


#: Other names of the two fixed policies, English or French (without case or accents).
_POLICY_WORDS = {
    "accept everyone": "accept_all", "accept-all": "accept_all", "known": "known_only",
    "known-only": "known_only", "known people only": "known_only",
    "tout accepter": "accept_all", "accepter tout le monde": "accept_all",
    "seulement les personnes connues": "known_only", "personnes connues": "known_only",
    "connues seulement": "known_only", "connus": "known_only", "connues": "known_only",
}


def _doors(row: pd.Series) -> str:
    return say("ch07.doors", noise=percent(row["feed_noise_true"]),
               reach=number(row["reach_true"]), size=number(int(row["size"])))


@exercise(
    "noise_budget",
    "from invite_triage.exercises.ch07 import best_under_noise\n\n"
    "best_under_noise(0.2)",
)
def check_noise_budget(answer: object) -> Feedback:
    key = _policy_key(answer)
    if key is None:
        return feedback(False, "", say("ch07.noise_budget.hint_choice", thresholds=", ".join(
            f"{t:.1f}" for t in TABLE_THRESHOLDS)))
    table = policy_table()
    expected = best_under_noise()
    if expected is None:
        return feedback(False, "", say("ch07.noise_budget.hint_none"))
    mine, best = table.loc[key], table.loc[expected]
    if key == expected:
        return feedback(True, say("ch07.noise_budget.success", policy=expected,
                                  doors=_doors(best)), "")
    hint = "hint_over" if mine["feed_noise_true"] > NOISE_BUDGET else "hint_more_doors"
    return feedback(False, "", say(f"ch07.noise_budget.{hint}", policy=key, doors=_doors(mine)))
