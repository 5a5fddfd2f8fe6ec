"""Write the answers to every exercise for trainers: ``workshop/answers.md`` (English) and
``workshop/fr/corriges.md`` (French), from the checkers themselves (``make answers``).

The exercises live in ``invite_triage.exercises.chNN``; each registers its worked solution (the
reasoning from the message catalog, in either language, and the code). Generating the pages
from that registry means the trainer's key can never disagree with what ``solution("…")``
shows a learner; ``tests/workshop/test_answers.py`` fails when the pages are out of date.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import tomllib

from invite_triage.core.i18n import get_language, set_language
from invite_triage.exercises import exercise_names, solution

REPO = Path(__file__).resolve().parents[1]
CHAPTERS = REPO / "workshop" / "chapters.toml"
OUTPUTS = {"en": REPO / "workshop" / "answers.md", "fr": REPO / "workshop" / "fr" / "corriges.md"}

INTRO = {
    "en": """\
# Answers to the exercises

For trainers and helpers only: learners get the same solutions one at a time with
`solution("name")` in the notebook, after they have tried. This page is generated from the
checkers (`src/invite_triage/exercises/ch*.py`) by `make answers`, so it says exactly what
`solution("name")` says; do not edit it by hand. The checkers compute every expected value
live from the data: run the code of a solution in the chapter's notebook to see the figure for
the data in use (the bundled synthetic world, or a learner's own export in chapter 08).

In the notebooks, `invitations = load_invitations()` and `profile = example_profile()`.
""",
    "fr": """\
# Corrigés des exercices

Réservé aux animateurs et aux assistants : les apprenants obtiennent les mêmes solutions une à
une avec `solution("nom")` dans le notebook, après avoir essayé. Cette page est produite à
partir des vérificateurs (`src/invite_triage/exercises/ch*.py`) par `make answers` : elle dit
exactement ce que dit `solution("nom")` ; ne la modifiez pas à la main. Les vérificateurs
calculent chaque valeur attendue en direct à partir des données : exécutez le code d'une
solution dans le notebook du chapitre pour voir le chiffre sur les données utilisées (le monde
synthétique fourni, ou l'export personnel d'un participant au chapitre 08).

Dans les notebooks, `invitations = load_invitations()` et `profile = example_profile()`. Le
code des solutions reste en anglais, comme dans les notebooks.
""",
}
CHECK_WITH = {"en": "Checked with", "fr": "Vérifié par"}


def chapter_titles(lang: str) -> dict[str, str]:
    with CHAPTERS.open("rb") as handle:
        return {c["id"][:2]: c[f"title_{lang}"] for c in tomllib.load(handle)["chapter"]}


def exercises_by_chapter() -> dict[str, list[str]]:
    """Exercise names per chapter number, in the order the chapter's module defines them."""
    known = set(exercise_names())
    grouped: dict[str, list[str]] = {}
    for number in sorted(chapter_titles("en")):
        try:
            module = importlib.import_module(f"invite_triage.exercises.ch{number}")
        except ModuleNotFoundError:
            continue
        names = [attr.removeprefix("check_") for attr in vars(module)
                 if attr.startswith("check_") and attr.removeprefix("check_") in known]
        if names:
            grouped[number] = names
    return grouped


def render(lang: str) -> str:
    """The whole page in ``lang``; the process language is restored afterwards."""
    previous = get_language()
    set_language(lang)
    try:
        titles = chapter_titles(lang)
        parts = [INTRO[lang]]
        for number, names in exercises_by_chapter().items():
            parts.append(f"## {number} · {titles[number]}\n")
            for name in names:
                found = solution(name)
                block = [f"### `{name}`\n", found.text.strip() + "\n"]
                if found.code:
                    block.append(f"```python\n{found.code.strip()}\n```\n")
                block.append(f"{CHECK_WITH[lang]} `check_{name}` "
                             f"(`invite_triage.exercises.ch{number}`).\n")
                parts.append("\n".join(block))
        return "\n".join(parts)
    finally:
        set_language(previous)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only say whether the pages are up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    stale = []
    for lang, path in OUTPUTS.items():
        text = render(lang)
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text == current:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
            print(f"  wrote {path.relative_to(REPO)}")
    if args.check and stale:
        print("out of date (run make answers): " + ", ".join(str(p.relative_to(REPO))
                                                             for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
