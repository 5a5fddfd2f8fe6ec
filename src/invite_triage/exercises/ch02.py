"""Exercises of chapter 02 (their career path): seniority, beginners, mentoring."""

from __future__ import annotations

from invite_triage.domain.titles import SENIORITIES, explain_title
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.models.career import CareerModel
from invite_triage.world.datasets import example_profile, load_invitations

ASSISTANT_TITLE = "Assistante communication"


def _model() -> CareerModel:
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


@exercise(
    "beginner_count",
    "The career criterion treats as beginners the titles marked student or junior, plus the "
    "plain titles (seniority mid) with under two years of experience. The career app's chart "
    "title gives the count; you can also compute it with pandas.",
    'seniority = classify_titles(invitations["title"])["seniority"]\n'
    'beginner = seniority.isin(["student", "junior"]) | (\n'
    '    seniority.eq("mid") & (invitations["years_experience"] < 2)\n'
    ")\n"
    "beginner.sum()",
)
def check_beginner_count(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    expected = _model().n_beginners
    return feedback(
        value == expected,
        f"{expected} invitations come from people starting out in their career.",
        "count the titles marked student or junior, and add the plain (mid) titles with under "
        "2 years of experience; the career app's left chart says how many.",
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
