"""Execution time of each notebook of the guide, and of the whole guide (nbclient)."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run() -> dict:
    results = {}
    total = 0.0
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
        seconds = time.perf_counter() - start
        total += seconds
        results[f"notebook {path.stem}"] = {
            "what": f"execute {path.name}",
            "s": round(seconds, 2),
            "goal": "<= 10 s",
            "met": seconds <= 10,
        }
    results["whole guide"] = {
        "what": "all notebooks",
        "s": round(total, 2),
        "goal": "<= 60 s",
        "met": total <= 60,
    }
    return results


if __name__ == "__main__":
    for name, row in run().items():
        print(name, row)
