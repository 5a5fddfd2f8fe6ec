"""Benchmark: triage one million synthetic invitations, against one ``str.lower()`` pass.

The target is "within 10x of lower-casing the titles once": the engine must work per distinct
value (titles, notes, mutual titles, names), never per row in Python. The invitations are
generated outside the timing. Each repeat times one ``str.lower()`` pass and one cold
``triage`` (title caches cleared) back to back, so both see the same machine load; the median
ratio is the headline figure. Peak memory is traced on one more run (tracemalloc).

Run: ``.venv/bin/python benchmarks/bench_triage.py [n]``.
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
import tracemalloc

from invite_triage import datasets, synth
from invite_triage.titles import clear_caches
from invite_triage.triage import triage

N_ROWS = 1_000_000
REPEATS = 3
SEED = 0
GOAL_RATIO = 10.0


def _seconds(func) -> float:
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def run(n: int = N_ROWS, repeats: int = REPEATS, seed: int = SEED) -> dict:
    """Median ratio triage / str.lower over ``repeats`` cold runs, and peak memory."""
    invitations = synth.invitations(n, seed=seed)
    profile = datasets.example_profile()
    titles = invitations["title"]
    triage(invitations.head(1000), profile)  # load the vocabularies outside the timings

    ratios, triage_s, lower_s = [], [], []
    for _ in range(repeats):
        clear_caches()  # every repeat classifies its titles from scratch
        lower = _seconds(titles.str.lower)
        spent = _seconds(lambda: triage(invitations, profile))
        lower_s.append(lower)
        triage_s.append(spent)
        ratios.append(spent / lower)

    clear_caches()
    tracemalloc.start()
    result = triage(invitations, profile)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ratio = statistics.median(ratios)
    shares = result["decision"].value_counts(normalize=True)
    return {
        "triage_1m": {
            "what": f"triage of {n:,} synthetic invitations vs one str.lower() over their titles",
            "rows": n,
            "triage_median_s": round(statistics.median(triage_s), 3),
            "str_lower_median_s": round(statistics.median(lower_s), 3),
            "ratio_median": round(ratio, 2),
            "ratio_max": round(max(ratios), 2),
            "rows_per_s": round(n / statistics.median(triage_s)),
            "peak_traced_mb": round(peak / 2**20, 1),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            **{f"share_{k}": round(float(v), 3) for k, v in shares.items()},
            "goal": f"ratio <= {GOAL_RATIO:g}",
            "met": ratio <= GOAL_RATIO,
        }
    }


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else N_ROWS
    for name, row in run(rows).items():
        print(f"{name}: {row['what']}")
        width = max(len(k) for k in row)
        for key, value in row.items():
            if key != "what":
                print(f"  {key:<{width}}  {value}")
