"""Exercises of chapter 00 (start here): the synthetic world and your goals."""

from __future__ import annotations

import dataclasses

from invite_triage.domain.profile import GOALS
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int, as_names
from invite_triage.world.datasets import example_profile, load_invitations

HIDDEN_COLUMNS = ("persona", "relevant")


@exercise(
    "invitation_count",
    "Each row of the table is one invitation, so the number of invitations is the number of "
    "rows: `len(invitations)`.",
    "len(invitations)",
)
def check_invitation_count(answer: object) -> Feedback:
    expected = len(load_invitations())
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number, e.g. 100 (without quotes is fine).")
    return feedback(
        value == expected,
        f"{expected} invitations over two years, about {expected / 24:.0f} a month.",
        "one row is one invitation: count the rows with len(invitations).",
    )


@exercise(
    "hidden_columns",
    "`persona` (who the sender really is) and `relevant` (whether the connection would serve "
    "you) are the answer key: the guide uses them only to measure how good a rule is.",
    '["persona", "relevant"]',
)
def check_hidden_columns(answer: object) -> Feedback:
    names = as_names(answer)
    if names is None:
        return feedback(False, "", 'give a list of two column names, e.g. ["name", "title"].')
    expected = set(HIDDEN_COLUMNS)
    columns = {c.casefold() for c in load_invitations().columns}
    unknown = sorted(names - columns)
    if unknown:
        return feedback(False, "", f"{unknown} {'is' if len(unknown) == 1 else 'are'} not a "
                        "column of invitations; look at invitations.columns.")
    return feedback(
        names == expected,
        "persona and relevant are hidden ground truth: used to evaluate, never to decide.",
        "two columns say who the sender really is and whether they are worth it; you never "
        "see those on LinkedIn.",
    )


@exercise(
    "goal_families",
    "Replace your goals with `prospecting` only and read the families whose weight is at least "
    "0.5. Your own field and the bosses (leadership) matter; recruiters keep the base weight "
    "the article gives them; sales rises a little but stays below the line.",
    'dataclasses.replace(profile, goals=("prospecting",)).relevant_families',
)
def check_goal_families(answer: object) -> Feedback:
    names = as_names(answer)
    if names is None:
        return feedback(False, "", 'give a list of family names, e.g. ["tech", "finance"].')
    profile = dataclasses.replace(example_profile(), goals=("prospecting",))
    expected = set(profile.relevant_families)
    if names == expected:
        return feedback(True, f"with prospecting only: {', '.join(profile.relevant_families)}.", "")
    missing, extra = sorted(expected - names), sorted(names - expected)
    parts = []
    if missing:
        parts.append(f"{len(missing)} famil{'y is' if len(missing) == 1 else 'ies are'} missing")
    if extra:
        parts.append(f"{len(extra)} should not be there")
    return feedback(
        False, "",
        "; ".join(parts) + ". In the goals app, tick only 'prospecting' and read the families "
        f"at or above the dashed line (goals are {', '.join(GOALS)}).",
    )
