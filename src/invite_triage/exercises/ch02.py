"""Exercises of chapter 02 (their career path): seniority, one beginner's invitation,
mentoring.

:func:`mentee` shows the beginner the decision exercise is about; :func:`bet_beginners_at_zero`
builds the chapter's "place your bets" question (answer computed when revealed).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from invite_triage.domain.schema import REQUIRED_COLUMNS
from invite_triage.domain.titles import SENIORITIES, explain_title
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_int, as_word
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
    f'"assistante" (like "assistant") marks an entry-level position, so "{ASSISTANT_TITLE}" is '
    "junior — in the marketing family, from \"communication\".",
    f'from invite_triage.domain.titles import explain_title\nexplain_title("{ASSISTANT_TITLE}")',
)
def check_seniority_of_assistant(answer: object) -> Feedback:
    exp = explain_title(ASSISTANT_TITLE)
    word = as_word(answer)
    if word is None or word not in SENIORITIES:
        return feedback(False, "", f"give one level as a string, among {', '.join(SENIORITIES)}.")
    return feedback(
        word == exp.seniority,
        f'"{ASSISTANT_TITLE}" is {exp.seniority} ({exp.seniority_reason}).',
        f'run explain_title("{ASSISTANT_TITLE}") and read its seniority.',
    )


#: Mentoring values the exercise explores (the career app's slider steps).
MENTORING_STEPS = np.round(np.linspace(0.0, 1.0, 21), 2)
#: Columns LinkedIn shows you (the hidden answer key is left out).
VISIBLE = list(REQUIRED_COLUMNS)
_DECISION_WORDS = {
    "accept": "accept", "ask": "ask", "ask first": "ask", "ask_first": "ask",
    "decline": "decline", "ignore": "decline",
}
_SHOWN = {"accept": "accept", "ask": "ask first", "decline": "decline"}


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
            parts.append(f"{_SHOWN[values[start]]} from {steps[start]:.2f} to {steps[i - 1]:.2f}")
            start = i
    return ", ".join(parts)


@exercise(
    "mentor_or_not",
    "Decide first, as yourself: would you take this beginner on (accept) or ask what they hope "
    "to learn (ask first)? Then find a mentoring value at which the triage agrees with you: "
    "triage the one invitation at a few values. The triage never declines this beginner for "
    "their career stage alone; what the setting moves is accept versus ask first.",
    "from dataclasses import replace\n"
    'decision = "accept"  # or "ask"\n'
    "mentoring = 0.8  # a value at which the triage agrees\n"
    'triage(mentee(), replace(profile, mentoring=mentoring))[["decision", "reasons"]]',
)
def check_mentor_or_not(answer: object, mentoring: object = None) -> Feedback:
    """``answer`` is your decision on the beginner's invitation ("accept", "ask" or "decline");
    ``mentoring`` the setting (0 to 1) that expresses it in the triage."""
    word = as_word(answer)
    decision = _DECISION_WORDS.get(word) if word else None
    if decision is None:
        return feedback(False, "", 'give your decision as "accept", "ask" or "decline".')
    value = as_float(mentoring)
    if value is None or not 0 <= value <= 1:
        return feedback(False, "", "also give the mentoring value (from 0 to 1) at which the "
                        "triage makes the same decision as you.")
    decisions = mentee_decisions()
    reachable = set(decisions)
    if decision not in reachable:
        return feedback(
            False, "",
            f"no mentoring value makes the triage {_SHOWN[decision]} this invitation "
            f"({_ranges(decisions)}). Career stage alone never tips a beginner into decline; "
            "if you would still turn them down, your reason lies in another clue.",
        )
    model = _model()
    row = model.invitations.index.get_loc(_mentee_index())
    at_value = str(model.triaged(value)["decision"].iloc[row])
    if at_value != decision:
        return feedback(False, "", f"at mentoring {value:.2f} the triage says "
                        f"{_SHOWN[at_value]}; move the setting and try again.")
    return feedback(
        True,
        f"at mentoring {value:.2f} the triage also says {_SHOWN[decision]} "
        f"({_ranges(decisions)}). The setting says how much time you have for beginners; it "
        "changes the kind of relationship you offer, not whether this person is worth knowing.",
        "",
    )


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
        return (f"{answer:.0f} of {total} beginners are accepted at 0, and {keen} at 1: the "
                "setting moves only a few. Their job, groups, note and mutual connections "
                "weigh far more than their career stage.")

    return PredictModel(
        f"There are {total} beginners in your inbox. Set mentoring to 0 (\"not now\"): how many "
        "of them does the triage still accept?",
        answer=lambda: beginners_accepted(0.0)[0],
        low=0, high=total, step=1, tolerance=max(2.0, total / 20), explanation=explain,
    )


@exercise(
    "mentoring_accepts",
    "Read the accept line of the career app's left chart at mentoring 1.0 and at 0.0, and "
    "subtract. With the preset weights the career criterion is a small part of the score, so "
    "the difference is small: career stage changes the kind of relationship more than the "
    "verdict.",
    "from invite_triage.models.career import CareerModel\n"
    "model = CareerModel(invitations, profile)\n"
    'model.at(1.0).counts["accept"] - model.at(0.0).counts["accept"]',
)
def check_mentoring_accepts(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number (it can be 0).")
    model = _model()
    high, low = model.at(1.0).counts, model.at(0.0).counts
    expected = high["accept"] - low["accept"]
    if value == expected:
        return feedback(
            True,
            f"{high['accept']} beginners accepted at 1.0 against {low['accept']} at 0.0. The "
            "others keep their decision: their job, groups, message and mutual connections "
            "weigh more than their career stage.",
            "",
        )
    if value == high["accept"] or value == low["accept"]:
        return feedback(False, "", "that is one of the two counts; the question asks for the "
                        "difference between them.")
    return feedback(False, "", "set the mentoring slider to 1.0, then to 0.0, and compare the "
                    "number of beginners accepted in the summary.")
