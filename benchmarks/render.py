"""`make bench-report`: write results.md and README's benchmark table from results.json.

``results.json`` is the one source of the benchmark figures. ``results.md`` and the table in
the README (between ``<!-- bench:start -->`` and ``<!-- bench:end -->``) are generated from it
here, so they never disagree; ``run.py`` calls this after a full run. Re-rendering never
re-measures anything. ``--check`` only reports whether the files are up to date (exit 1 if not).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "results.md"
README = HERE.parent / "README.md"

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
GENERATED = (
    "<!-- Generated from benchmarks/results.json by `make bench` / `make bench-report` "
    "(benchmarks/render.py); do not edit by hand. -->"
)

#: Keys shown in their own columns, not among the figures.
_META = ("what", "goal", "met", "headline", "value", "limit")


def missed_by(row: dict) -> str:
    """How far a missed goal is, as a ratio of the bound ("" when met or unknown)."""
    value, limit = row.get("value"), row.get("limit")
    if row.get("met") or not isinstance(value, (int, float)) or not limit:
        return ""
    return f"missed by {value / limit - 1:+.0%}"


def figures(row: dict) -> str:
    """Every figure of a benchmark that has no column of its own, as ``key=value``."""
    return ", ".join(f"{k}={v}" for k, v in row.items() if k not in _META)


def markdown(results: dict[str, dict], info: dict) -> str:
    """The table (benchmark, figure, goal, met), then the machine and how busy it was."""
    lines = [
        GENERATED,
        "",
        "| benchmark | figure | goal | met |",
        "|---|---|---|---|",
    ]
    for key, row in results.items():
        figure = row.get("headline") or row.get("error") or figures(row)
        met = "yes" if row.get("met") else f"**no** ({missed_by(row) or 'see results.json'})"
        cell = figure.replace("|", "\\|")
        lines.append(f"| {key} | {cell} | {row.get('goal', '')} | {met} |")
    lines += [
        "",
        f"Measured on {info['date']}: Python {info['python']}, {info['platform']}, "
        f"{info['cores']} cores ({info['processor']}). The machine is shared: load average "
        f"(1 / 5 / 15 min) {info['load_average_start']} at the start, "
        f"{info['load_average_end']} at the end. Speeds are ratios to a baseline measured in "
        "the same run; every figure is a median over repeats (`make bench`, details in "
        "`benchmarks/results.json`).",
        "",
    ]
    for rerun in info.get("reruns", []):
        lines[-1:-1] = [
            f"Re-run on {rerun['date']} (`python benchmarks/run.py --merge "
            f"{' '.join(rerun['benchmarks'])}`), load average {rerun['load_average_start']} at "
            f"the start, {rerun['load_average_end']} at the end: the rows of "
            f"{', '.join(rerun['benchmarks'])}.",
            "",
        ]
    return "\n".join(lines)


def render(results_json: Path = RESULTS_JSON) -> str:
    """The Markdown report of a results.json written by ``run.py``."""
    data = json.loads(results_json.read_text("utf-8"))
    return markdown(data["results"], data["machine"])


def replace_between_markers(text: str, block: str, where: str = "README.md") -> str:
    """``text`` with everything between the bench markers replaced by ``block``."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(
            f"{where}: expected the lines {START} and {END} around the benchmark table"
        )
    head, tail = text[: start + len(START)], text[end:]
    return f"{head}\n{block.rstrip()}\n{tail}"


def table_in(text: str) -> str:
    """What is between the bench markers now (to compare with a fresh rendering)."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return ""
    return text[start + len(START) : end].strip("\n")


def outputs(
    results_json: Path = RESULTS_JSON, results_md: Path = RESULTS_MD, readme: Path = README
) -> dict[Path, str]:
    """The content each generated file should have, from ``results_json``."""
    report = render(results_json)
    return {
        results_md: report,
        readme: replace_between_markers(readme.read_text("utf-8"), report, readme.name),
    }


def write_reports(
    results_json: Path = RESULTS_JSON, results_md: Path = RESULTS_MD, readme: Path = README
) -> list[Path]:
    """Rewrite results.md and README's table; return the files that changed."""
    changed = []
    for path, content in outputs(results_json, results_md, readme).items():
        if not path.exists() or path.read_text("utf-8") != content:
            path.write_text(content, "utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = [
            str(path)
            for path, content in outputs().items()
            if not path.exists() or path.read_text("utf-8") != content
        ]
        for path in stale:
            print(f"{path} differs from results.json: run `make bench-report`")
        return 1 if stale else 0
    changed = write_reports()
    names = ", ".join(p.name for p in changed) or "nothing (already up to date)"
    print(f"rendered {RESULTS_JSON.name} into {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
