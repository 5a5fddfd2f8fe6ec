"""Exercises of chapter 01 (their job): reading titles, your goals, weighing a family.

Besides the checkers, :func:`bet_family_share` builds the chapter's "place your bets" question,
its answer computed from the data only when the learner reveals it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from invite_triage.domain.profile import FAMILIES, GOALS
from invite_triage.domain.titles import SENIORITIES, classify_titles, explain_title
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_names, as_word
from invite_triage.models.families import FamilyChoiceModel
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

RECRUITER_TITLE = "Chargée de recrutement"
HEAD_TITLE = "Head of Growth"


def _check_level(answer: object, expected: str, choices: tuple[str, ...], what: str,
                 title: str, words: tuple[str, ...]) -> Feedback:
    word = as_word(answer)
    if word is None or word not in choices:
        return feedback(False, "", f"give one {what} as a string, among {', '.join(choices)}.")
    because = f' (from "{words[0]}")' if words else ""
    return feedback(
        word == expected,
        f'"{title}" is {what} {expected}{because}.',
        f'type "{title}" in the title app above, or run explain_title("{title}").',
    )


@exercise(
    "family_of_title",
    f'"recrutement" is a recruitment word, so "{RECRUITER_TITLE}" is in the hr family — a '
    "recruiter, one of the article's relevant kinds of contact for a community manager.",
    f'from invite_triage.domain.titles import explain_title\nexplain_title("{RECRUITER_TITLE}")',
)
def check_family_of_title(answer: object) -> Feedback:
    exp = explain_title(RECRUITER_TITLE)
    return _check_level(answer, exp.family, FAMILIES, "family", RECRUITER_TITLE, exp.family_words)


@exercise(
    "seniority_of_title",
    f'"head of" marks the head of a department or function, so "{HEAD_TITLE}" is at director '
    "level (and in the marketing family, from \"growth\").",
    f'from invite_triage.domain.titles import explain_title\nexplain_title("{HEAD_TITLE}")',
)
def check_seniority_of_title(answer: object) -> Feedback:
    exp = explain_title(HEAD_TITLE)
    return _check_level(
        answer, exp.seniority, SENIORITIES, "seniority", HEAD_TITLE, exp.seniority_words
    )



@exercise(
    "goal_families",
    "Replace your goals with `prospecting` only and read the families whose weight is at least "
    "0.5. Your own field and the bosses (leadership) matter; recruiters keep the base weight "
    "the guide gives them; sales rises a little but stays below the line.",
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


#: The advice the decision exercise weighs: give one family the top weight.
ADVICE_FAMILY, ADVICE_WEIGHT = "sales", 1.0
#: How close a share must be to count as read correctly.
SHARE_TOLERANCE = 0.02
RAISE, KEEP = "raise", "keep"
_ADVICE_WORDS = {
    "raise": RAISE, "raise it": RAISE, "follow": RAISE, "yes": RAISE, "accept": RAISE,
    "keep": KEEP, "keep it": KEEP, "don't": KEEP, "do not": KEEP, "no": KEEP, "ignore": KEEP,
}


def advice_outcome() -> dict[str, float]:
    """What raising ``sales`` to 1 does: accepted and truly relevant, before and after."""
    model = FamilyChoiceModel(load_invitations(), example_profile())
    outcome: dict[str, float] = {}
    for when, weights in (("before", {}), ("after", {ADVICE_FAMILY: ADVICE_WEIGHT})):
        result = model.result(weights)
        accepted = int(result.table["accept"].sum())
        outcome[f"accepted_{when}"] = accepted
        outcome[f"relevant_{when}"] = round(result.precision * accepted)
        outcome[f"share_{when}"] = float(result.precision)
    return outcome


@exercise(
    "sales_advice",
    "Drag `sales` to 1 in the families app and read the chart's title: the triage accepts more "
    "people, but a smaller share of them is truly relevant. Most of the salespeople it lets in "
    "do not serve a community manager, so you keep the weight low. (A salesperson would "
    "decide otherwise: chapter 09.)",
    "from dataclasses import replace\n\n"
    "from invite_triage import triage\n\n"
    'after = triage(invitations, replace(profile, family_overrides={"sales": 1.0}))\n'
    'decision = "keep"\n'
    'decision, after.loc[after["decision"] == "accept", "relevant"].mean()',
)
def check_sales_advice(answer: object, share_after: object = None) -> Feedback:
    """``answer`` is the decision ("raise" or "keep"); ``share_after`` the reason: the share of
    accepted people who are truly relevant once ``sales`` weighs 1."""
    word = as_word(answer)
    decision = _ADVICE_WORDS.get(word) if word else None
    if decision is None:
        return feedback(False, "", 'give the decision as "raise" or "keep".')
    share = as_float(share_after)
    if share is None:
        return feedback(False, "", "also give your reason: share_after, the share of accepted "
                        "people who are truly relevant with sales at 1 (a number from 0 to 1).")
    if 1 < share <= 100:
        share = share / 100  # a percentage typed as 68
    out = advice_outcome()
    if abs(share - out["share_before"]) <= SHARE_TOLERANCE < abs(share - out["share_after"]):
        return feedback(False, "", "that is the share with the weights your goals give; move "
                        "the sales slider to 1 first.")
    if abs(share - out["share_after"]) > SHARE_TOLERANCE:
        return feedback(False, "", "drag sales to 1 in the families app and read the share "
                        "in the chart's title (\"… of them truly relevant\").")
    extra = int(out["accepted_after"] - out["accepted_before"])
    gained = int(out["relevant_after"] - out["relevant_before"])
    if decision == KEEP and out["share_after"] < out["share_before"]:
        return feedback(
            True,
            f"{extra} more people accepted, only {gained} of them relevant: the share falls from "
            f"{out['share_before']:.0%} to {out['share_after']:.0%}. Following the advice "
            "would fill your network with people who do not serve you.",
            "",
        )
    return feedback(
        False, "",
        f"the share falls from {out['share_before']:.0%} to {out['share_after']:.0%}: of the "
        f"{extra} extra people accepted, how many serve you? Weigh that before deciding.",
    )


def family_share() -> tuple[float, float]:
    """The share of truly relevant invitations among families that matter to you, and among
    the others (the example profile)."""
    invitations, profile = load_invitations(), example_profile()
    families = classify_titles(invitations["title"])["family"].to_numpy(object)
    matters = np.isin(families, list(profile.relevant_families))
    truth = invitations["relevant"].to_numpy(bool)
    return float(truth[matters].mean()), float(truth[~matters].mean())


def bet_family_share() -> PredictModel:
    """Place your bets: how often is an invitation from a family that matters truly relevant?"""
    matters = ", ".join(example_profile().relevant_families)

    def explain(answer: float) -> str:
        _, others = family_share()
        return (f"{answer:.0%} of the invitations from {matters} are truly relevant, against "
                f"{others:.0%} from the other families: the job is a strong clue, not a "
                "verdict. Which clues could tell the two groups apart? Chapters 02–05.")

    return PredictModel(
        f"Invitations whose sender's job is in a family that matters to you ({matters}): "
        "what share of them is truly relevant?",
        answer=lambda: family_share()[0],
        low=0.0, high=1.0, step=0.05, tolerance=0.1, explanation=explain,
    )
