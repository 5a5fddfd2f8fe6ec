"""Benchmark: recomputing the quality-versus-size curve on a slider move, at LinkedIn's cap.

LinkedIn caps a member at 30,000 first-degree connections (LinkedIn Help, answer a551012), so
30,000 invitations is the largest network the guide's slider must handle. A widget builds the
``QualityCurve`` once (triage + per-contact signals); each slider move then recomputes the
whole curve and the marked point. Budget: median <= 50 ms per move.

Run: ``.venv/bin/python benchmarks/bench_quality.py``
"""

from __future__ import annotations

import io
import statistics
import time

import numpy as np

from invite_triage import synth
from invite_triage.charts import QualityChart
from invite_triage.datasets import example_profile
from invite_triage.quality import QualityCurve

N_CONTACTS = 30_000
SEED = 2030
BUDGET_MS = 50.0
SLIDER_MOVES = 41


def _timed(fn, repeats: int) -> list[float]:
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> dict:
    """Time the precomputation once and a slider move many times; returns the figures."""
    invitations = synth.invitations(N_CONTACTS, seed=SEED)
    profile = example_profile()

    start = time.perf_counter()
    curve = QualityCurve.from_invitations(invitations, profile)
    precompute_s = time.perf_counter() - start

    positions = np.linspace(0.0, 1.0, SLIDER_MOVES)

    def slider_move(i: int) -> None:
        curve.curve()
        curve.at(float(positions[i]))

    move_ms = _timed(slider_move, SLIDER_MOVES)

    chart = QualityChart(curve)

    def chart_move(i: int) -> None:
        chart.update(float(positions[i]))
        chart.figure.savefig(io.BytesIO(), format="png", dpi=80)

    chart_ms = _timed(chart_move, 9)
    median = statistics.median(move_ms)
    return {
        "contacts": N_CONTACTS,
        "precompute_s": round(precompute_s, 3),
        "slider_move_median_ms": round(median, 3),
        "slider_move_max_ms": round(max(move_ms), 3),
        "budget_ms": BUDGET_MS,
        "within_budget": median <= BUDGET_MS,
        "chart_update_and_png_median_ms": round(statistics.median(chart_ms), 1),
        "size_at_default": int(curve.at(curve.default_threshold)["size"]),
    }


if __name__ == "__main__":
    results = run()
    width = max(len(k) for k in results)
    print("bench_quality: quality-versus-size curve on a slider move")
    for key, value in results.items():
        print(f"  {key:<{width}}  {value}")
