"""The teaching pass on chapters 03–05: LinkedIn facts stated right, the guide's own rules never
credited to the article, plain names, a bet before each reveal, and the new discussions.

These read the English notebooks as documents (no kernel): each rule names the chapter and the
cell that breaks it, so a later edit that brings an old mistake back fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "notebooks"
CHAPTERS = {
    "03": ROOT / "03-mutual-connections.ipynb",
    "04": ROOT / "04-shared-groups.ipynb",
    "05": ROOT / "05-beyond-the-profile.ipynb",
}
#: Phrases that would credit the guide's own rules, or a "small network", to the article.
MISATTRIBUTIONS = (
    "rules from the article", "rule from the article", "the article's rule",
    "the article's two rules", "the article says a small network", "the article's safety rule",
)
TIMING = re.compile(r"^> \*\*Timing\*\*: \d+ min teaching · \d+ min exercises$", re.M)
FAST_PATH = re.compile(r"^> \*\*Fast path \(90-minute session\)\*\*: \S.+$", re.M)
PROMPT = "**Discussion prompt (for trainers)**"


def _cells(chapter: str) -> list[tuple[str, str]]:
    nb = json.loads(CHAPTERS[chapter].read_text("utf-8"))
    return [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]


def _markdown(chapter: str) -> list[str]:
    return [text for kind, text in _cells(chapter) if kind == "markdown"]


def _all_text(chapter: str) -> str:
    return "\n".join(text for _, text in _cells(chapter))


def _index(cells: list[tuple[str, str]], pattern: str, kind: str | None = None) -> int:
    """The first cell (of ``kind``) matching ``pattern``; fails when there is none."""
    for i, (k, text) in enumerate(cells):
        if (kind is None or k == kind) and re.search(pattern, text, re.M):
            return i
    raise AssertionError(f"no {kind or ''} cell matches {pattern!r}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_cell_mentioning_inmail_says_it_needs_premium(chapter):
    for text in _markdown(chapter):
        if "inmail" in text.lower():
            assert "Premium" in text, f"{chapter}: InMail without Premium:\n{text[:300]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_linkedin_button_is_called_ignore(chapter):
    text = _all_text(chapter)
    assert not re.search(r"(?<!no )\bDecline button", text), chapter
    assert not re.search(r"\b(press|click|hit)(ing)? \**Decline", text), chapter
    for cell in _markdown(chapter):
        if re.search(r"\bbutton\b", cell) and "Decline" in cell:
            assert "Ignore" in cell, f"{chapter}: a button called Decline:\n{cell[:300]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_guide_rule_is_credited_to_the_article(chapter):
    text = _all_text(chapter).lower()
    for phrase in MISATTRIBUTIONS:
        assert phrase not in text, f"{chapter}: {phrase!r}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_article_is_named_and_dated(chapter):
    text = _all_text(chapter)
    assert "My Marketing Manager" in text
    assert "LinkedIn : doit-on accepter toutes les invitations ?" in text
    assert "consulted 2026" in text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_header_has_timing_and_a_fast_path(chapter):
    header = _markdown(chapter)[0]
    assert TIMING.search(header), header
    assert FAST_PATH.search(header), header


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_plain_names_for_marketing_jargon(chapter):
    text = _all_text(chapter)
    for word, plain in (("reach", "doors to new opportunities"),
                        ("exposure", "strangers who can see your contact list")):
        if re.search(rf"\b{word}\b", text):
            assert plain in text, f"{chapter}: {word!r} without its plain name"
    assert not re.search(r"\bF1\b", text), f"{chapter}: F1 is not defined in these chapters"


@pytest.mark.parametrize(
    ("chapter", "reveal"),
    [("03", r"mutuals_app\("), ("04", r"groups_app\("), ("05", r"drafter_app\(")],
)
def test_a_bet_comes_before_the_reveal_and_its_answer_comes_from_the_package(chapter, reveal):
    cells = _cells(chapter)
    bet = _index(cells, r"^predict\(", "code")
    assert bet < _index(cells, reveal, "code")
    # The answer is computed by the package (a bet_* builder), never typed in the notebook.
    assert re.search(r"^predict\(bet_\w+\(\)\)\s*$", cells[bet][1], re.M), cells[bet][1]
    assert "answer=" not in cells[bet][1]


def test_03_shows_the_two_by_two_table_before_naming_precision_and_recall():
    cells = _cells("03")
    table = _index(cells, r"mutuals_app\(.*rates=False", "code")
    named = next(i for i, (kind, text) in enumerate(cells)
                 if i > 0 and kind == "markdown" and re.search(r"\*\*precision\*\*", text))
    assert table < named
    kit = cells[_index(cells, r"## A measurement kit", "markdown")][1]
    for words in ("let in", "kept out", "relevant", "not relevant", "good catches", "missed"):
        assert words in kit
    before = "\n".join(text for _, text in cells[1:table]).lower()
    assert "precision" not in before and "recall" not in before


def test_03_weak_ties_stay_short_and_cited():
    cells = _cells("03")
    weak = cells[_index(cells, r"## More is not always better", "markdown")][1]
    assert "Rajkumar" in weak and "Science" in weak and "2022" in weak
    assert len(weak.split()) < 130
    assert "09" in _all_text("03")  # where the learner changes the synthetic assumptions


def test_04_keeps_the_base_rate_exercise():
    text = _all_text("04")
    assert "check_shared_group_precision(answer)" in text
    assert "base rate" in text


def test_05_states_linkedin_mechanics_with_their_help_pages():
    text = _all_text("05")
    assert "answer 1584" in text and "InMail needs Premium" in text
    assert "answer 1303" in text and "not told" in text
    assert "only reply to an invitation that carries a note" in text
    assert "answer a550555" in text  # the monthly quota of personalised notes
    assert "Who viewed your profile" in text and "answer 47082" in text
    assert "I don't know this person" not in text
    nothing_to_reply = _markdown("05")[_index(
        [("markdown", t) for t in _markdown("05")], r"## When there is no note")]
    for move in ("profile", "Ignore", "pending", "mutual connection"):
        assert move in nothing_to_reply


@pytest.mark.parametrize(
    "heading",
    ["## How to decline politely, or not at all", "## Prospecting: your goal, their goal"],
)
def test_05_discussion_sections_have_a_trainer_prompt(heading):
    section = next(t for t in _markdown("05") if t.startswith(heading))
    assert PROMPT in section


def test_05_keeps_the_write_a_pitch_exercise():
    assert "check_pitch_note(answer)" in _all_text("05")
