"""Exercises of chapter 01 (their job): reading titles, counting families."""

from __future__ import annotations

from invite_triage.domain.profile import FAMILIES
from invite_triage.domain.titles import SENIORITIES, classify_titles, explain_title
from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_int, as_word
from invite_triage.world.datasets import load_invitations

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
    "hr_invitations",
    "Classify every title and count the rows whose family is hr.",
    'classified = classify_titles(invitations["title"])\n(classified["family"] == "hr").sum()',
)
def check_hr_invitations(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    families = classify_titles(load_invitations()["title"])["family"]
    expected = int(families.eq("hr").sum())
    if value == expected:
        return feedback(True, f"{expected} invitations come from hr: recruiters and HR people.", "")
    if value == int(families.ne("hr").sum()):
        return feedback(False, "", "that is the number of invitations NOT from hr.")
    return feedback(
        False, "",
        'use classified["family"].value_counts() from the cell above and read the hr line.',
    )

