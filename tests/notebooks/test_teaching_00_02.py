"""The teaching pass on chapters 00–02: facts about LinkedIn, faithfulness to the article, and
the lesson structure, checked in the English notebooks' text.

These tests read the notebooks as documents (no kernel): a trainer who edits a cell and
reintroduces "the Decline button", an InMail without its Premium caveat, or our own rule
credited to the article, is told which chapter and which cell.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from invite_triage.exercises import ch01, ch02

ROOT = Path(__file__).resolve().parents[2] / "notebooks"
CHAPTERS = ("00-start-here", "01-their-job", "02-their-career-path")
#: LinkedIn Help answers the guide may cite: each was found, never guessed.
KNOWN_HELP_ANSWERS = {"1303", "a550555", "a551012"}
#: Ways of crediting the guide's own rules, or a claim the article does not make, to it.
MISATTRIBUTIONS = (
    "rules from the article", "the article's rule", "the article says a small network",
    "the article counts recruiters as relevant to anyone", "relevant to anyone",
    "the article's method made measurable",
)


def cells(chapter: str) -> list[dict]:
    return json.loads((ROOT / f"{chapter}.ipynb").read_text("utf-8"))["cells"]


def text_of(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def markdown(chapter: str) -> list[str]:
    return [text_of(c) for c in cells(chapter) if c["cell_type"] == "markdown"]


def code(chapter: str) -> list[str]:
    return [text_of(c) for c in cells(chapter) if c["cell_type"] == "code"]


def everything(chapter: str) -> str:
    return "\n".join(text_of(c) for c in cells(chapter))


def section(chapter: str, heading: str) -> str:
    """The markdown cell that opens with ``## heading``."""
    found = [t for t in markdown(chapter) if t.lstrip().startswith(f"## {heading}")]
    assert found, f"{chapter}: no section '## {heading}'"
    return found[0]


# --- LinkedIn facts ---------------------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_cell_mentioning_inmail_says_it_needs_premium(chapter):
    for text in markdown(chapter):
        if re.search(r"\bInMail", text):
            assert "Premium" in text, f"{chapter}: InMail without its Premium caveat:\n{text}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_linkedin_s_button_is_ignore_never_decline(chapter):
    text = everything(chapter)
    pattern = r"\*{0,2}Decline\*{0,2}\s+button|button\s+\*{0,2}Decline\b"
    for found in re.finditer(pattern, text, re.I):
        before = text[max(0, found.start() - 9):found.start()]
        assert before.rstrip().endswith(("no", "not a")), f"{chapter}: names a Decline button"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_linkedin_help_answers_cited_are_known_ones(chapter):
    cited = set(re.findall(r"answer\s+(a?\d{3,})", everything(chapter)))
    assert cited <= KNOWN_HELP_ANSWERS, f"{chapter}: unverified LinkedIn Help answers {cited}"


def test_the_buttons_section_names_each_button_with_its_source():
    buttons = section("00-start-here", "LinkedIn's own buttons")
    for button in ("**Accept**", "**Ignore**", "**Reply**", "**Follow**",
                   "**Remove connection**"):
        assert button in buttons
    assert "no *Decline* button" in buttons
    assert 'LinkedIn Help, "Accept or ignore invitations to connect" (answer 1303)' in buttons
    assert "does not notify them" in buttons  # Ignore and Remove connection are silent
    assert "Discussion prompt (for trainers)" in buttons


# --- faithfulness to the article -------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_rule_of_the_guide_is_credited_to_the_article(chapter):
    text = everything(chapter).casefold()
    for phrase in MISATTRIBUTIONS:
        assert phrase.casefold() not in text, f"{chapter}: '{phrase}'"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_article_is_named_and_dated(chapter):
    text = everything(chapter)
    assert "My Marketing Manager" in text
    assert "consulted 2026" in text


def test_people_you_know_include_regular_conversations_on_social_networks():
    intro = section("00-start-here", "The question")
    assert "met" in intro and "social networks" in intro
    profile_fields = [t for t in markdown("00-start-here") if "`known_people`" in t]
    assert profile_fields and all("social networks" in t for t in profile_fields)


def test_recruiters_are_the_article_s_for_a_community_manager_and_the_guide_s_for_all():
    goals = section("01-their-job", "Your goals decide which families matter")
    assert "community manager" in goals
    assert "the guide's, not the article's" in goals


def test_e_reputation_is_the_community_manager_s_concern_with_a_discussion():
    text = section("00-start-here", "Why a community manager cares: e-reputation")
    assert "e-reputation" in text
    assert "Discussion prompt (for trainers)" in text
    assert "prospecting" in text  # the article's own tension


def test_the_synthetic_world_says_it_measures_our_assumptions():
    text = "\n".join(markdown("00-start-here"))
    assert "our assumptions" in text
    assert "09-when-size-wins.ipynb" in text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_plain_names_for_reach_and_exposure(chapter):
    for text in markdown(chapter):
        for word in ("reach", "exposure"):
            for found in re.finditer(rf"\b{word}\b", text):
                assert text[found.start() - 1] == "(", f"{chapter}: bare '{word}' in:\n{text}"


# --- lesson structure -------------------------------------------------------------------


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_header_has_timing_and_a_fast_path(chapter):
    header = text_of(cells(chapter)[0])
    assert re.search(r"> \*\*Timing\*\*: \d+ min teaching · \d+ min exercises", header)
    assert "> **Fast path (90-minute session)**:" in header


def test_goals_app_comes_after_the_families_are_defined():
    assert not any("goals_app" in c for c in code("00-start-here"))
    sources = [text_of(c) for c in cells("01-their-job")]
    table = next(i for i, t in enumerate(sources) if "| `marketing` |" in t)
    goals = next(i for i, t in enumerate(sources) if "goals_app(" in t)
    assert table < goals


@pytest.mark.parametrize(("chapter", "chart"), [("01-their-job", "families_app("),
                                                ("02-their-career-path", "career_app(")])
def test_a_bet_is_placed_before_the_chart(chapter, chart):
    sources = [text_of(c) for c in cells(chapter)]
    bet = next(i for i, t in enumerate(sources) if re.search(r"^predict\(bet_\w+\(\)\)", t, re.M))
    shown = next(i for i, t in enumerate(sources) if chart in t)
    assert bet < shown
    assert "from invite_triage.widgets import predict" in sources[bet]


def test_the_bets_answers_come_from_the_data():
    for bet in (ch01.bet_family_share(), ch02.bet_beginners_at_zero()):
        answer = bet.answer()
        reveal = bet.reveal(answer)
        assert reveal.correct and reveal.explanation


def test_bets_work_in_the_widget():
    from invite_triage.widgets import predict

    app = predict(ch02.bet_beginners_at_zero())
    app.guess.value = 0
    shown = app.reveal()
    assert shown is not None and shown.answer == ch02.beginners_accepted(0.0)[0]
    assert app.guess.disabled


@pytest.mark.parametrize(("chapter", "old"), [
    ("00-start-here", "check_invitation_count"),
    ("01-their-job", "check_hr_invitations"),
    ("02-their-career-path", "check_beginner_count"),
])
def test_read_a_number_exercises_are_replaced_by_decisions(chapter, old):
    sources = "\n".join(code(chapter))
    assert old not in sources
    assert re.search(r"^decision = None", sources, re.M), f"{chapter}: no decision exercise"


def test_the_career_weight_quoted_in_chapter_02_is_the_package_s():
    from invite_triage import example_profile, preset_weights

    text = section("02-their-career-path", "How much does career stage weigh?")
    quoted = next(t for t in markdown("02-their-career-path") if "weight is about" in t)
    assert "six criteria" in text
    number = float(re.search(r"weight is about (0\.\d+)", quoted)[1])
    assert round(preset_weights(example_profile())["career"], 2) == number


@pytest.mark.parametrize(("chapter", "name"), [("ch00", "accept_everyone"),
                                               ("ch01", "sales_advice"),
                                               ("ch02", "mentor_or_not")])
def test_decision_solutions_run_and_pass(chapter, name):
    """A decision exercise's solution, run as a learner would in the chapter, passes its check
    (its last line gives the decision and the reason)."""
    import importlib

    from invite_triage import example_profile, load_invitations
    from invite_triage.exercises import solution

    module = importlib.import_module(f"invite_triage.exercises.{chapter}")
    namespace = {"invitations": load_invitations(), "profile": example_profile(),
                 "mentee": ch02.mentee}
    namespace["triage"] = importlib.import_module("invite_triage").triage
    lines = solution(name).code.strip().splitlines()
    exec("\n".join(lines[:-1]), namespace)
    last = eval(lines[-1], namespace)
    args = last if isinstance(last, tuple) else (namespace["decision"], namespace["mentoring"])
    result = getattr(module, f"check_{name}")(*args)
    assert result.ok, result.message
