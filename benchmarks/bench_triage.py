"""Benchmark: triage one million synthetic invitations, against one ``str.lower()`` pass.

The target is "within 10x of lower-casing the titles once": the engine must work per distinct
value (titles, notes, mutual titles, names), never per row in Python. The invitations are
generated outside the timing. Each repeat times one ``str.lower()`` pass and one cold
``triage`` (title caches cleared) back to back, so both see the same machine load; the median
ratio is the headline figure.

Peak memory is the real peak resident set size (RSS) of the triage step, measured in a fresh
interpreter that builds the invitations and then triages them once. Building a million rows
peaks higher than the triage itself, so just before the triage the child resets the kernel's
high-water mark (``/proc/self/clear_refs``, Linux >= 4.0) and reads ``VmHWM`` after it: the
peak RSS of the whole process (input table included) while the triage ran. Where that reset
is unavailable, it falls back to ``getrusage(RUSAGE_SELF).ru_maxrss``, the child's lifetime
peak (an upper bound), and says so. Goal: under 2 GB.

Run: ``.venv/bin/python benchmarks/bench_triage.py [n]``.
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from invite_triage.domain.titles import clear_caches
from invite_triage.domain.triage import triage
from invite_triage.world import datasets, synth

N_ROWS = 1_000_000
REPEATS = 3
SEED = 0
GOAL_RATIO = 10.0
GOAL_PEAK_MB = 2048.0


def _seconds(func) -> float:
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _status_mb(field: str) -> float | None:
    """``VmRSS`` / ``VmHWM`` of this process in MB (Linux /proc), None where unavailable."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark of this process to its current RSS."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return _status_mb("VmHWM") is not None


def _peak_child(n: int, seed: int) -> dict:
    """In a fresh interpreter: build the invitations, triage them once; RSS figures in MB."""
    invitations = synth.invitations(n, seed=seed)
    profile = datasets.example_profile()
    triage(invitations.head(1000), profile)
    gc.collect()
    before = _status_mb("VmRSS") or 0.0
    reset = _reset_peak()
    result = triage(invitations, profile)
    lifetime = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak = _status_mb("VmHWM") if reset else None
    return {"rss_before_triage_mb": before, "peak_mb": peak if peak is not None else lifetime,
            "lifetime_peak_mb": lifetime, "rows": len(result),
            "method": "VmHWM reset before the triage" if peak is not None
            else "ru_maxrss of the child's whole life (upper bound)"}


def peak_memory(n: int = N_ROWS, seed: int = SEED) -> dict:
    """Run :func:`_peak_child` in a subprocess and return what it measured."""
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            f"import bench_triage as b; print(json.dumps(b._peak_child({n}, {seed})))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(n: int = N_ROWS, repeats: int = REPEATS, seed: int = SEED) -> dict:
    """Median ratio triage / str.lower over ``repeats`` cold runs, and peak memory."""
    invitations = synth.invitations(n, seed=seed)
    profile = datasets.example_profile()
    titles = invitations["title"]
    triage(invitations.head(1000), profile)  # load the vocabularies outside the timings

    ratios, triage_s, lower_s = [], [], []
    result = None
    for _ in range(repeats):
        clear_caches()  # every repeat classifies its titles from scratch
        lower = _seconds(titles.str.lower)
        start = time.perf_counter()
        result = triage(invitations, profile)
        spent = time.perf_counter() - start
        lower_s.append(lower)
        triage_s.append(spent)
        ratios.append(spent / lower)
    shares = result["decision"].value_counts(normalize=True)
    del result, invitations, titles
    gc.collect()

    memory = peak_memory(n, seed)
    ratio = statistics.median(ratios)
    peak = memory["peak_mb"]
    triage_share = max(0.0, peak - memory["rss_before_triage_mb"])
    return {
        "triage_1m": {
            "what": f"triage of {n:,} synthetic invitations vs one str.lower() over their titles",
            "rows": n,
            "repeats": repeats,
            "triage_median_s": round(statistics.median(triage_s), 3),
            "str_lower_median_s": round(statistics.median(lower_s), 3),
            "ratio_median": round(ratio, 2),
            "ratio_max": round(max(ratios), 2),
            "rows_per_s": round(n / statistics.median(triage_s)),
            **{f"share_{k}": round(float(v), 3) for k, v in shares.items()},
            "headline": f"ratio {ratio:.2f} (median of {repeats}: triage "
                        f"{statistics.median(triage_s):.2f} s / str.lower "
                        f"{statistics.median(lower_s):.2f} s)",
            "value": round(ratio, 2),
            "limit": GOAL_RATIO,
            "goal": f"ratio <= {GOAL_RATIO:g}",
            "met": ratio <= GOAL_RATIO,
        },
        "triage_1m_peak_memory": {
            "what": f"peak RSS while {n:,} invitations are triaged (fresh process, input "
                    "table included)",
            "peak_rss_mb": round(peak, 1),
            "rss_before_triage_mb": round(memory["rss_before_triage_mb"], 1),
            "triage_adds_mb": round(triage_share, 1),
            "process_lifetime_peak_mb": round(memory["lifetime_peak_mb"], 1),
            "method": memory["method"],
            "headline": f"{peak:,.0f} MB peak RSS ({memory['rss_before_triage_mb']:,.0f} MB "
                        f"before, the triage adds {triage_share:,.0f} MB)",
            "value": round(peak, 1),
            "limit": GOAL_PEAK_MB,
            "goal": f"peak <= {GOAL_PEAK_MB / 1024:g} GB",
            "met": peak <= GOAL_PEAK_MB,
        },
    }


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else N_ROWS
    for name, row in run(rows).items():
        print(f"{name}: {row['what']}")
        width = max(len(k) for k in row)
        for key, value in row.items():
            if key != "what":
                print(f"  {key:<{width}}  {value}")
