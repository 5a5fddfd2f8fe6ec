"""Exercises of chapter 07 (quality versus size): a threshold, growth, a noise budget."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from invite_triage.analysis.quality import QualityCurve, simulate_growth
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_int, as_word
from invite_triage.world.datasets import example_profile, load_connections, load_invitations

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
    "Move the slider up from 0 and watch the ground-truth relevance share; the first "
    "threshold where it reaches 90 % is the answer. The curve gives it directly.",
    "from invite_triage.exercises.ch07 import lowest_threshold\n\n"
    "lowest_threshold(0.9)",
)
def check_relevance_threshold(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None or not 0 <= value <= 1:
        return feedback(False, "", "give a threshold between 0 and 1, for example 0.62.")
    expected = lowest_threshold()
    if expected is None:
        return feedback(False, "", "no threshold reaches 90 % with this data.")
    curve = relevance_curve().set_index("threshold")
    here = float(curve["relevance_share_true"].get(round(value, 2), math.nan))
    if abs(value - expected) < 0.005:
        size = int(curve.at[expected, "size"])
        return feedback(
            True,
            f"from {expected:.2f}, {here:.0%} of the {size} people accepted are truly relevant.",
            "",
        )
    if value > expected:
        return feedback(
            False, "",
            f"at {value:.2f} the share is {here:.0%}, but a lower threshold already reaches "
            "90 % and accepts more people; move the slider down.",
        )
    return feedback(
        False, "",
        f"at {value:.2f} only {here:.0%} are truly relevant (ground truth, not the estimate); "
        "move the slider up.",
    )


def final_sizes() -> pd.Series:
    """Network size per policy at the last simulated month (starting from your network)."""
    growth = simulate_growth(load_invitations(), example_profile(), existing=load_connections())
    last = growth[growth["month"].eq(growth["month"].max())]
    return last.set_index("policy")["size"].astype(int)


@exercise(
    "growth_gap",
    "Take the last month of the growth table and subtract the balanced policy's size from the "
    "accept-all size.",
    'last = growth[growth["month"] == growth["month"].max()].set_index("policy")\n'
    'last.at["accept_all", "size"] - last.at["balanced", "size"]',
)
def check_growth_gap(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of contacts.")
    sizes = final_sizes()
    expected = int(sizes["accept_all"] - sizes["balanced"])
    if value == expected:
        return feedback(
            True,
            f"accepting everyone adds {expected} contacts more than the balanced triage "
            f"({sizes['accept_all']} against {sizes['balanced']}).",
            "",
        )
    if value == -expected:
        return feedback(False, "", "right size, wrong sign: accept-all minus balanced.")
    if value in (int(sizes["accept_all"]), int(sizes["balanced"])):
        return feedback(False, "", "that is one policy's size; give the difference.")
    return feedback(False, "", "use the last month only, and the size column.")


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
    word = as_word(answer)
    if word is None:
        return None
    word = word.replace(" ", "_").replace("-", "_")
    aliases = {"accept_everyone": "accept_all", "known": "known_only"}
    word = aliases.get(word, word)
    return word if word in _FIXED_POLICIES else None


def _doors(row: pd.Series) -> str:
    return (f"feed noise {row['feed_noise_true']:.0%}, {row['reach_true']:,.0f} doors "
            f"(reach) with {int(row['size'])} contacts")


@exercise(
    "noise_budget",
    "Keep the rows of the table whose feed_noise_true is at most 0.20, then take the one "
    "with the largest reach_true. Lower thresholds open more doors but let more noise in; "
    "known-only is quiet but opens few doors.",
    "from invite_triage.exercises.ch07 import best_under_noise\n\n"
    "best_under_noise(0.2)",
)
def check_noise_budget(answer: object) -> Feedback:
    key = _policy_key(answer)
    if key is None:
        return feedback(False, "", f"answer with a threshold of the table "
                                   f"({', '.join(f'{t:.1f}' for t in TABLE_THRESHOLDS)}) "
                                   "or 'known_only' / 'accept_all'.")
    table = policy_table()
    expected = best_under_noise()
    if expected is None:
        return feedback(False, "", "no policy keeps feed noise within 20 % with this data.")
    mine, best = table.loc[key], table.loc[expected]
    if key == expected:
        return feedback(
            True,
            f"{expected}: {_doors(best)}. Every lower threshold lets more than one post in "
            "five come from people who do not matter to you; every stricter choice closes "
            "doors for a quieter feed you did not ask for.",
            "",
        )
    if mine["feed_noise_true"] > NOISE_BUDGET:
        return feedback(
            False, "",
            f"{key} gives {_doors(mine)}: more than one post in five from people who do not "
            "matter to you, over the budget. Look at the feed_noise_true column first.",
        )
    return feedback(
        False, "",
        f"{key} keeps the feed quiet ({_doors(mine)}), but another row within the budget "
        "opens more doors: compare reach_true among the rows that pass.",
    )
