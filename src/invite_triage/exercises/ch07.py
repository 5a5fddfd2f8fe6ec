"""Exercises of chapter 07 (quality versus size): a threshold, growth, the 30,000 cap."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from invite_triage.analysis.quality import QualityCurve, simulate_growth
from invite_triage.domain.taxonomy import LINKEDIN_CONNECTION_CAP as LINKEDIN_CAP
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_int
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


def years_to_cap() -> float:
    """Years until accepting everyone would reach LinkedIn's cap, at this data's pace."""
    growth = simulate_growth(load_invitations(), example_profile(), existing=load_connections())
    rows = growth[growth["policy"].eq("accept_all")]
    per_year = rows["accepted"].sum() / (len(rows) / 12)
    return float((LINKEDIN_CAP - rows["size"].iloc[-1]) / per_year)


@exercise(
    "years_to_cap",
    "Accepting everyone, the network grows by the accepted invitations per month; multiply by "
    "12 for a year, then divide what is left below 30,000 by that pace.",
    'rows = growth[growth["policy"] == "accept_all"]\n'
    'per_year = rows["accepted"].sum() / (len(rows) / 12)\n'
    'round((30_000 - rows["size"].iloc[-1]) / per_year)',
)
def check_years_to_cap(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None or value < 0:
        return feedback(False, "", "give a number of years.")
    expected = years_to_cap()
    if abs(value - expected) <= max(1.0, 0.02 * expected):
        return feedback(
            True,
            f"about {expected:.0f} years: for most people the cap is a matter of principle, "
            "not a practical limit. Quality, not size, is the question.",
            "",
        )
    if value < expected / 10:
        return feedback(False, "", "far too few: check you used contacts per year, not per "
                                   "month, and the gap to 30,000.")
    return feedback(False, "", "compute the yearly pace of the accept_all rows, then divide "
                               "the gap to 30,000 by it.")
