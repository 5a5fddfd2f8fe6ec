"""Execution time of each notebook of the guide, and of the whole guide (nbclient).

Each round executes every numbered notebook of both editions (English in ``notebooks/``, French
in ``notebooks/fr/``) in order, in a fresh kernel each (kernel start-up included, as a learner
running the notebook would pay it). Figures are medians over ``ROUNDS`` rounds: per notebook,
and for each edition's whole guide the median of the rounds' totals.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
#: Edition → its folder; the English rows keep their historical names.
EDITIONS: dict[str, Path] = {"en": NOTEBOOKS, "fr": NOTEBOOKS / "fr"}
ROUNDS = 3
GOAL_EACH_S = 10.0
GOAL_ALL_S = 60.0


def _execute_seconds(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return time.perf_counter() - start


def run(rounds: int = ROUNDS) -> dict:
    results: dict = {}
    for edition, folder in EDITIONS.items():
        results.update(_edition(edition, folder, rounds))
    return results


def _edition(edition: str, folder: Path, rounds: int) -> dict:
    paths = sorted(folder.glob("[0-9][0-9]-*.ipynb"))
    times: dict[Path, list[float]] = {path: [] for path in paths}
    totals = []
    prefix = "" if edition == "en" else f"{edition}/"
    for _ in range(rounds):
        for path in paths:
            times[path].append(_execute_seconds(path))
        totals.append(sum(t[-1] for t in times.values()))
    results = {}
    for path, seconds in times.items():
        median = statistics.median(seconds)
        results[f"notebook {prefix}{path.stem}"] = {
            "what": f"execute {path.name} (fresh kernel)",
            "s": round(median, 2),
            "max_s": round(max(seconds), 2),
            "headline": f"{median:.2f} s (median of {rounds})",
            "value": round(median, 2),
            "limit": GOAL_EACH_S,
            "goal": f"<= {GOAL_EACH_S:g} s",
            "met": median <= GOAL_EACH_S,
        }
    total = statistics.median(totals)
    results["whole guide" if edition == "en" else f"whole guide ({edition})"] = {
        "what": f"all {len(paths)} numbered notebooks of the {edition} edition, in order",
        "s": round(total, 2),
        "max_s": round(max(totals), 2),
        "headline": f"{total:.1f} s (median of {rounds})",
        "value": round(total, 2),
        "limit": GOAL_ALL_S,
        "goal": f"<= {GOAL_ALL_S:g} s",
        "met": total <= GOAL_ALL_S,
    }
    return results


if __name__ == "__main__":
    for name, row in run().items():
        print(name, row)
