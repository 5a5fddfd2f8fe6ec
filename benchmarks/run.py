"""`make bench`: run every benchmark module, print one table, write results.json.

results.json is the one source of the figures: render.py then writes results.md and the
README's benchmark table from it (``make bench-report`` does only that, without measuring).

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

from render import figures, missed_by, write_reports  # noqa: E402 (needs HERE on sys.path)


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


def main() -> int:
    args = sys.argv[1:]
    merge = "--merge" in args
    only = {a for a in args if a != "--merge"}
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
        (
            key,
            row.get("headline") or figures(row),
            row.get("goal", ""),
            "yes" if row.get("met") else f"NO {missed_by(row)}".strip(),
        )
        for key, row in results.items()
    ]
    header = ("benchmark", "figure", "goal", "met")
    width = [max(len(r[i]) for r in [*rows, header]) for i in range(4)]
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(header, width, strict=True)))
    print("-+-".join("-" * w for w in width))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, width, strict=True)))
    print(
        f"\nload average {info['load_average_start']} → {info['load_average_end']}; "
        f"{info['bench_seconds']} s in all"
    )

    out = HERE / "results.json"
    if only and not merge:  # a partial run must not replace the full table
        print("partial run: results.json and results.md left as they were (--merge to update "
              "only these rows)")
        return 0
    if only:  # --merge: replace these rows, and say when and under what load they were taken
        previous = json.loads(out.read_text("utf-8"))
        for row in results.values():
            row["measured"] = (f"{info['date']}, load average {info['load_average_start']} → "
                               f"{info['load_average_end']} (re-run of {', '.join(sorted(only))})")
        info = {**previous["machine"], "reruns": [*previous["machine"].get("reruns", []),
                                                  {"benchmarks": sorted(only), **info}]}
        results = {**previous["results"], **results}
    out.write_text(json.dumps({"machine": info, "results": results}, indent=2) + "\n", "utf-8")
    rendered = ", ".join(p.name for p in write_reports(out)) or "no report (unchanged)"
    print(f"wrote {out} (all figures) and, from it, {rendered}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
