"""Exercises of chapter 01 (their job): reading titles, your goals, weighing a family.

Besides the checkers, :func:`bet_family_share` builds the chapter's "place your bets" question,
its answer computed from the data only when the learner reveals it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from invite_triage.core.formats import percent
from invite_triage.domain.profile import FAMILIES, GOALS
from invite_triage.domain.titles import SENIORITIES, classify_titles, explain_title
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_float, as_key, as_names
from invite_triage.models.families import FamilyChoiceModel
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

RECRUITER_TITLE = "Chargée de recrutement"
HEAD_TITLE = "Head of Growth"


def _check_level(answer: object, expected: str, choices: tuple[str, ...], kind: str,
                 title: str, words: tuple[str, ...]) -> Feedback:
    """``kind`` is ``family`` or ``seniority``; the key may be typed as its English or French
    label too ("RH", "directeur")."""
    word = as_key(answer, choices, kind)
    if word is None:
        return feedback(False, "", say(f"ch01.level.{kind}.hint_choice",
                                       choices=", ".join(choices)))
    because = say("ch01.level.because", word=words[0]) if words else ""
    return feedback(
        word == expected,
        say(f"ch01.level.{kind}.success", title=title, expected=expected, because=because),
        say("ch01.level.hint", title=title),
    )


@exercise(
    "family_of_title",
    f'from invite_triage.domain.titles import explain_title\nexplain_title("{RECRUITER_TITLE}")',
    title=RECRUITER_TITLE,
)
def check_family_of_title(answer: object) -> Feedback:
    exp = explain_title(RECRUITER_TITLE)
    return _check_level(answer, exp.family, FAMILIES, "family", RECRUITER_TITLE, exp.family_words)


@exercise(
    "seniority_of_title",
    f'from invite_triage.domain.titles import explain_title\nexplain_title("{HEAD_TITLE}")',
    title=HEAD_TITLE,
)
def check_seniority_of_title(answer: object) -> Feedback:
    exp = explain_title(HEAD_TITLE)
    return _check_level(
        answer, exp.seniority, SENIORITIES, "seniority", HEAD_TITLE, exp.seniority_words
    )


@exercise(
    "goal_families",
    'dataclasses.replace(profile, goals=("prospecting",)).relevant_families',
)
def check_goal_families(answer: object) -> Feedback:
    names = as_names(answer)
    if names is None:
        return feedback(False, "", say("ch01.goal_families.hint_list"))
    names = {as_key(name, FAMILIES, "family") or name for name in names}
    profile = dataclasses.replace(example_profile(), goals=("prospecting",))
    expected = set(profile.relevant_families)
    if names == expected:
        return feedback(True, say("ch01.goal_families.success",
                                  families=", ".join(profile.relevant_families)), "")
    missing, extra = sorted(expected - names), sorted(names - expected)
    parts = []
    if missing:
        which = "one" if len(missing) == 1 else "many"
        parts.append(say(f"ch01.goal_families.missing_{which}", n=len(missing)))
    if extra:
        which = "one" if len(extra) == 1 else "many"
        parts.append(say(f"ch01.goal_families.extra_{which}", n=len(extra)))
    return feedback(False, "", say("ch01.goal_families.hint", parts="; ".join(parts),
                                   goals=", ".join(GOALS)))


#: The advice the decision exercise weighs: give one family the top weight.
ADVICE_FAMILY, ADVICE_WEIGHT = "sales", 1.0
#: How close a share must be to count as read correctly.
SHARE_TOLERANCE = 0.02
RAISE, KEEP = "raise", "keep"
#: Words for the two decisions, English or French (compared without case or accents).
_ADVICE_WORDS = {
    "raise it": RAISE, "follow": RAISE, "yes": RAISE, "accept": RAISE,
    "augmenter": RAISE, "relever": RAISE, "monter": RAISE, "suivre": RAISE,
    "suivre le conseil": RAISE, "oui": RAISE, "accepter": RAISE,
    "keep it": KEEP, "don't": KEEP, "do not": KEEP, "no": KEEP, "ignore": KEEP,
    "garder": KEEP, "conserver": KEEP, "laisser": KEEP, "non": KEEP, "ignorer": KEEP,
    "ne pas suivre": KEEP, "refuser": KEEP,
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
    "from dataclasses import replace\n\n"
    "from invite_triage import triage\n\n"
    'after = triage(invitations, replace(profile, family_overrides={"sales": 1.0}))\n'
    'decision = "keep"\n'
    'decision, after.loc[after["decision"] == "accept", "relevant"].mean()',
)
def check_sales_advice(answer: object, share_after: object = None) -> Feedback:
    """``answer`` is the decision ("raise" or "keep"); ``share_after`` the reason: the share of
    accepted people who are truly relevant once ``sales`` weighs 1."""
    decision = as_key(answer, (RAISE, KEEP), words=_ADVICE_WORDS)
    if decision is None:
        return feedback(False, "", say("ch01.sales_advice.hint_decision"))
    share = as_float(share_after)
    if share is None:
        return feedback(False, "", say("ch01.sales_advice.hint_reason"))
    if 1 < share <= 100:
        share = share / 100  # a percentage typed as 68
    out = advice_outcome()
    if abs(share - out["share_before"]) <= SHARE_TOLERANCE < abs(share - out["share_after"]):
        return feedback(False, "", say("ch01.sales_advice.hint_before"))
    if abs(share - out["share_after"]) > SHARE_TOLERANCE:
        return feedback(False, "", say("ch01.sales_advice.hint_after"))
    extra = int(out["accepted_after"] - out["accepted_before"])
    gained = int(out["relevant_after"] - out["relevant_before"])
    before, after = percent(out["share_before"]), percent(out["share_after"])
    if decision == KEEP and out["share_after"] < out["share_before"]:
        return feedback(True, say("ch01.sales_advice.success", extra=extra, gained=gained,
                                  before=before, after=after), "")
    return feedback(False, "", say("ch01.sales_advice.hint_weigh", extra=extra, before=before,
                                   after=after))


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
        return say("ch01.bet.explanation", share=percent(answer), families=matters,
                   others=percent(others))

    return PredictModel(
        say("ch01.bet.question", families=matters),
        answer=lambda: family_share()[0],
        low=0.0, high=1.0, step=0.05, tolerance=0.1, explanation=explain,
    )
