"""`make bench`: run every benchmark module, print one table, write results.json and results.md.

Each ``bench_*.py`` module exposes ``run() -> dict[str, dict]``: one entry per benchmark, with
``what``, its figures, ``goal`` and ``met``; optionally ``headline`` (the figure in a few words),
``value`` and ``limit`` (the number the goal checks, and the goal's bound: a miss is then
stated as a ratio). ``python benchmarks/run.py bench_widgets bench_quality`` runs only those
and prints their table without touching the files.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

#: Keys shown in their own columns, not among the figures.
_META = ("what", "goal", "met", "headline", "value", "limit")


def load_average() -> str:
    """The 1, 5 and 15-minute load averages (the machine is shared: say how busy it was)."""
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def missed_by(row: dict) -> str:
    """How far a missed goal is, as a ratio of the bound ("" when met or unknown)."""
    value, limit = row.get("value"), row.get("limit")
    if row.get("met") or not isinstance(value, (int, float)) or not limit:
        return ""
    return f"missed by {value / limit - 1:+.0%}"


def figures(row: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in row.items() if k not in _META)


def markdown(results: dict[str, dict], info: dict) -> str:
    """The table for the README: benchmark, figure, goal, met; then the machine."""
    lines = [
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
    return "\n".join(lines)


def main() -> int:
    only = set(sys.argv[1:])
    info = {**machine(), "load_average_start": load_average()}
    started = time.perf_counter()
    results: dict[str, dict] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if only and name not in only:
            continue
        print(f"running {name} ...", flush=True)
        try:
            module = importlib.import_module(name)
            results.update(module.run())
        except Exception as exc:  # one broken benchmark must not hide the others
            results[name] = {"what": name, "error": f"{type(exc).__name__}: {exc}", "met": False}
    info["load_average_end"] = load_average()
    info["bench_seconds"] = round(time.perf_counter() - started, 1)

    rows = [
        (key, row.get("headline") or figures(row), row.get("goal", ""),
         "yes" if row.get("met") else f"NO {missed_by(row)}".strip())
        for key, row in results.items()
    ]
    header = ("benchmark", "figure", "goal", "met")
    width = [max(len(r[i]) for r in [*rows, header]) for i in range(4)]
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(header, width, strict=True)))
    print("-+-".join("-" * w for w in width))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, width, strict=True)))
    print(f"\nload average {info['load_average_start']} → {info['load_average_end']}; "
          f"{info['bench_seconds']} s in all")

    if only:  # a partial run must not replace the full table
        print("partial run: results.json and results.md left as they were")
        return 0
    out = HERE / "results.json"
    out.write_text(json.dumps({"machine": info, "results": results}, indent=2) + "\n", "utf-8")
    (HERE / "results.md").write_text(markdown(results, info), "utf-8")
    print(f"wrote {out} and results.md (all figures: results.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
