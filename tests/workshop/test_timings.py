"""Chapter timings have one source, workshop/chapters.toml, and everything else agrees with it.

- each notebook's first markdown cell says "**Timing**: T min teaching · E min exercises"
  (in notebooks/fr/, "**Durée** : T min d'enseignement · E min d'exercices") with the file's
  numbers;
- each agenda (workshop/agenda-*.md, workshop/fr/agenda-*.md) gives every chapter row the
  chapter's minutes, includes exactly the chapters flagged for it, starts each row when the
  previous one ends, and adds up to the total it announces.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tomllib

REPO = Path(__file__).resolve().parents[2]
WORKSHOP = REPO / "workshop"
NOTEBOOKS = REPO / "notebooks"
TIMING = re.compile(
    r"\*\*(?:Timing|Durée)\*\*\s*:\s*(\d+)\s*min[^·\n]*·\s*(\d+)\s*min", re.IGNORECASE
)
TOTAL = re.compile(r"\*\*Total\s*:\s*(\d+)\s*min", re.IGNORECASE)
ROW = re.compile(r"^\|\s*(\d+):(\d\d)\s*\|\s*(\d+)\s*\|(.*)$")
#: A chapter row's "what" cell starts with the notebook id in backticks; other rows (welcome,
#: breaks, discussion) may mention chapters further on without being chapter rows.
#: French agendas name the French notebooks (notebooks/fr/), so rows match chapters by number.
CHAPTER_ROW = re.compile(r"^\s*`(?:fr/)?((\d\d)-[a-z-]+[a-z])`")
#: agenda file -> the chapters.toml flag that says which chapters it holds.
AGENDAS = {
    "agenda-90min.md": "fast_path",
    "agenda-half-day.md": "half_day",
    "fr/agenda-90min.md": "fast_path",
    "fr/agenda-demi-journee.md": "half_day",
}


def chapters() -> dict[str, dict]:
    with (WORKSHOP / "chapters.toml").open("rb") as handle:
        return {c["id"]: c for c in tomllib.load(handle)["chapter"]}


def chapter_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def french_notebooks() -> list[Path]:
    """The French edition (notebooks/fr/), named in French: matched by chapter number."""
    return sorted((NOTEBOOKS / "fr").glob("[0-9][0-9]-*.ipynb"))


def chapter_by_number(path: Path) -> dict | None:
    return next((c for cid, c in chapters().items() if cid[:2] == path.stem[:2]), None)


def notebook_timing(path: Path) -> tuple[int, int] | None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = next((c for c in cells if c["cell_type"] == "markdown"), None)
    text = "".join(first["source"]) if first else ""
    found = TIMING.search(text)
    return (int(found[1]), int(found[2])) if found else None


def agenda_rows(text: str) -> list[tuple[int, int, str]]:
    """(start in minutes, minutes, the rest of the row) of each timed row of the table."""
    rows = []
    for line in text.splitlines():
        found = ROW.match(line.strip())
        if found:
            start = int(found[1]) * 60 + int(found[2])
            rows.append((start, int(found[3]), found[4]))
    return rows


def test_chapters_file_is_complete():
    for cid, chapter in chapters().items():
        for key in ("title_en", "title_fr", "teaching", "exercises", "fast_path", "half_day"):
            assert key in chapter, f"chapters.toml: {cid} has no {key}"
        assert chapter["teaching"] > 0 and chapter["exercises"] >= 0, cid


def test_every_chapter_notebook_is_in_chapters_file():
    known = chapters()
    missing = [p.stem for p in chapter_notebooks() if p.stem not in known]
    assert not missing, f"add these notebooks to workshop/chapters.toml: {missing}"


@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_notebook_timing_matches_chapters_file(path: Path):
    chapter = chapters().get(path.stem)
    if chapter is None:
        pytest.skip(f"{path.stem} is not in chapters.toml (see the test above)")
    timing = notebook_timing(path)
    assert timing is not None, (
        f"{path.name}: no '**Timing**: T min teaching · E min exercises' line in the first "
        "markdown cell"
    )
    expected = (chapter["teaching"], chapter["exercises"])
    assert timing == expected, (
        f"{path.name} says {timing[0]} + {timing[1]} min; workshop/chapters.toml says "
        f"{expected[0]} + {expected[1]} min. chapters.toml is the source: change the notebook "
        "(or chapters.toml and the agendas, if the chapter really changed length)."
    )


@pytest.mark.parametrize("path", french_notebooks(), ids=lambda p: f"fr/{p.stem}")
def test_french_notebook_timing_matches_chapters_file(path: Path):
    chapter = chapter_by_number(path)
    assert chapter is not None, f"fr/{path.name}: no chapter {path.stem[:2]} in chapters.toml"
    timing = notebook_timing(path)
    assert timing is not None, (
        f"fr/{path.name}: no '**Durée** : T min d'enseignement · E min d'exercices' line in the "
        "first markdown cell"
    )
    expected = (chapter["teaching"], chapter["exercises"])
    assert timing == expected, (
        f"fr/{path.name} says {timing[0]} + {timing[1]} min; workshop/chapters.toml says "
        f"{expected[0]} + {expected[1]} min"
    )


@pytest.mark.parametrize("name", list(AGENDAS))
def test_agenda_adds_up(name: str):
    text = (WORKSHOP / name).read_text(encoding="utf-8")
    total = TOTAL.search(text)
    assert total, f"{name}: no '**Total: N min**' line"
    rows = agenda_rows(text)
    assert rows, f"{name}: no timed rows ('| 0:00 | 5 | ... |')"
    clock = 0
    for start, minutes, _ in rows:
        assert start == clock, f"{name}: a row starts at {start} min, the previous ended at {clock}"
        clock += minutes
    assert clock == int(total[1]), f"{name}: rows add up to {clock} min, not {total[1]}"

    known = chapters()
    flag = AGENDAS[name]
    seen = []
    for _, minutes, rest in rows:
        found = CHAPTER_ROW.match(rest)
        if not found:
            continue
        cid = next((c for c in known if c[:2] == found[2]), None)
        assert cid is not None, f"{name}: no chapter {found[2]} in chapters.toml"
        seen.append(cid)
        chapter = known[cid]
        assert minutes == chapter["teaching"] + chapter["exercises"], (
            f"{name}: {cid} gets {minutes} min; chapters.toml says "
            f"{chapter['teaching']} + {chapter['exercises']}"
        )
    wanted = [cid for cid, c in known.items() if c[flag]]
    assert seen == wanted, f"{name}: chapters {seen}, chapters.toml flags ({flag}) {wanted}"
