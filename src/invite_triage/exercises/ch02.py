"""Exercises of chapter 02 (their career path): seniority, one beginner's invitation,
mentoring.

:func:`mentee` shows the beginner the decision exercise is about; :func:`bet_beginners_at_zero`
builds the chapter's "place your bets" question (answer computed when revealed).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from invite_triage.core.formats import number
from invite_triage.core.i18n import label
from invite_triage.domain.schema import REQUIRED_COLUMNS
from invite_triage.domain.titles import SENIORITIES, explain_title
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_float, as_int, as_key
from invite_triage.models.career import CareerModel
from invite_triage.models.predict import PredictModel
from invite_triage.world.datasets import example_profile, load_invitations

ASSISTANT_TITLE = "Assistante communication"


@functools.lru_cache(maxsize=1)
def _model() -> CareerModel:
    """One model for the chapter's checkers (building it scores every invitation once)."""
    return CareerModel(load_invitations(), example_profile())


@exercise(
    "seniority_of_assistant",
    f'from invite_triage.domain.titles import explain_title\nexplain_title("{ASSISTANT_TITLE}")',
    title=ASSISTANT_TITLE,
)
def check_seniority_of_assistant(answer: object) -> Feedback:
    exp = explain_title(ASSISTANT_TITLE)
    word = as_key(answer, SENIORITIES, "seniority")
    if word is None:
        return feedback(False, "", say("ch01.level.seniority.hint_choice",
                                       choices=", ".join(SENIORITIES)))
    return feedback(
        word == exp.seniority,
        say("ch01.level.seniority.success", title=ASSISTANT_TITLE, expected=exp.seniority,
            because=say("ch01.level.because", word=exp.seniority_words[0])
            if exp.seniority_words else ""),
        say("ch02.seniority_of_assistant.hint", title=ASSISTANT_TITLE),
    )


#: Mentoring values the exercise explores (the career app's slider steps).
MENTORING_STEPS = np.round(np.linspace(0.0, 1.0, 21), 2)
#: Columns LinkedIn shows you (the hidden answer key is left out).
VISIBLE = list(REQUIRED_COLUMNS)
#: Decision words beyond the keys and their labels in every language (compared without case
#: or accents).
_DECISION_WORDS = {
    "ask first": "ask", "ask_first": "ask", "ignore": "decline",
    "accepter": "accept", "demander": "ask", "refuser": "decline", "décliner": "decline",
}
_DECISIONS = ("accept", "ask", "decline")


def _shown(decision: str) -> str:
    """A decision as the learner reads it: "ask first" / "demander d'abord"."""
    return label("decision", decision)


@functools.lru_cache(maxsize=1)
def _mentee_index() -> object:
    """The invitation the exercise is about: a beginner in your field whose decision depends on
    your mentoring setting (accepted when you are keen), preferring one with a note you could
    answer. Chosen by rule from the data, so a regenerated world still has one."""
    model = _model()
    low, high = model.triaged(0.0)["decision"], model.triaged(1.0)["decision"]
    moves = model.in_field & (low != high).to_numpy() & high.eq("accept").to_numpy()
    candidates = model.invitations.index[moves]
    if len(candidates) == 0:
        candidates = model.invitations.index[model.in_field]
    with_note = [i for i in candidates if str(model.invitations.at[i, "message"]).strip()]
    return (with_note or list(candidates))[0]


def mentee() -> pd.DataFrame:
    """The beginner's invitation of exercise 2, as LinkedIn shows it (one row)."""
    invitations = load_invitations()
    return invitations.loc[[_mentee_index()], VISIBLE]


def mentee_decisions() -> pd.Series:
    """The triage's decision on that invitation at each mentoring step (preset weights)."""
    model = _model()
    row = model.invitations.index.get_loc(_mentee_index())
    return pd.Series(
        [str(model.triaged(float(m))["decision"].iloc[row]) for m in MENTORING_STEPS],
        index=pd.Index(MENTORING_STEPS, name="mentoring"), name="decision",
    )


def _ranges(decisions: pd.Series) -> str:
    """"ask first from 0.00 to 0.45, accept from 0.50 to 1.00"."""
    parts, start = [], 0
    values = decisions.tolist()
    steps = decisions.index.tolist()
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            parts.append(say("ch02.range", decision=_shown(values[start]),
                             low=number(steps[start], digits=2),
                             high=number(steps[i - 1], digits=2)))
            start = i
    return ", ".join(parts)


@exercise(
    "mentor_or_not",
    "from dataclasses import replace\n"
    'decision = "accept"  # or "ask"\n'
    "mentoring = 0.8  # a value at which the triage agrees\n"
    'triage(mentee(), replace(profile, mentoring=mentoring))[["decision", "reasons"]]',
)
def check_mentor_or_not(answer: object, mentoring: object = None) -> Feedback:
    """``answer`` is your decision on the beginner's invitation ("accept", "ask" or "decline");
    ``mentoring`` the setting (0 to 1) that expresses it in the triage."""
    decision = as_key(answer, _DECISIONS, "decision", _DECISION_WORDS)
    if decision is None:
        return feedback(False, "", say("ch02.mentor_or_not.hint_decision"))
    value = as_float(mentoring)
    if value is None or not 0 <= value <= 1:
        return feedback(False, "", say("ch02.mentor_or_not.hint_value"))
    decisions = mentee_decisions()
    reachable = set(decisions)
    if decision not in reachable:
        return feedback(False, "", say("ch02.mentor_or_not.hint_unreachable",
                                       decision=_shown(decision), ranges=_ranges(decisions)))
    model = _model()
    row = model.invitations.index.get_loc(_mentee_index())
    at_value = str(model.triaged(value)["decision"].iloc[row])
    shown_value = number(value, digits=2)
    if at_value != decision:
        return feedback(False, "", say("ch02.mentor_or_not.hint_other", value=shown_value,
                                       decision=_shown(at_value)))
    return feedback(True, say("ch02.mentor_or_not.success", value=shown_value,
                              decision=_shown(decision), ranges=_ranges(decisions)), "")


def beginners_accepted(mentoring: float) -> tuple[int, int]:
    """How many beginners the triage accepts at ``mentoring``, and how many beginners there
    are (example profile, preset weights)."""
    model = _model()
    return int(model.at(mentoring).counts["accept"]), model.n_beginners


def bet_beginners_at_zero() -> PredictModel:
    """Place your bets: with mentoring at 0 ("not now"), how many beginners are still
    accepted?"""
    total = _model().n_beginners

    def explain(answer: float) -> str:
        keen, _ = beginners_accepted(1.0)
        return say("ch02.bet.explanation", accepted=number(answer), total=number(total),
                   keen=number(keen))

    return PredictModel(
        say("ch02.bet.question", total=number(total)),
        answer=lambda: beginners_accepted(0.0)[0],
        low=0, high=total, step=1, tolerance=max(2.0, total / 20), explanation=explain,
    )


@exercise(
    "mentoring_accepts",
    "from invite_triage.models.career import CareerModel\n"
    "model = CareerModel(invitations, profile)\n"
    'model.at(1.0).counts["accept"] - model.at(0.0).counts["accept"]',
)
def check_mentoring_accepts(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", say("ch02.mentoring_accepts.hint_number"))
    model = _model()
    high, low = model.at(1.0).counts, model.at(0.0).counts
    expected = high["accept"] - low["accept"]
    if value == expected:
        return feedback(True, say("ch02.mentoring_accepts.success", high=high["accept"],
                                  low=low["accept"]), "")
    if value == high["accept"] or value == low["accept"]:
        return feedback(False, "", say("ch02.mentoring_accepts.hint_one_count"))
    return feedback(False, "", say("ch02.mentoring_accepts.hint"))
