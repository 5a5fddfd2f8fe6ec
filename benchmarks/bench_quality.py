"""Benchmark: recomputing the quality-versus-size curve on a slider move, at LinkedIn's cap.

LinkedIn caps a member at 30,000 first-degree connections (LinkedIn Help, answer a551012), so
30,000 invitations is the largest network the guide's slider must handle. A widget builds the
``QualityCurve`` once (triage + per-contact signals); each slider move then recomputes the
whole curve and the marked point. Budget: median <= 50 ms per move (the chart's own redraw
is part of the widget benchmark, ``bench_widgets``: quality_app).

Run: ``.venv/bin/python benchmarks/bench_quality.py``
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import percentile

from invite_triage.analysis.quality import QualityCurve
from invite_triage.render.charts import QualityChart
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile

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

    slider_move(0)  # warm-up outside the timings
    move_ms = _timed(slider_move, SLIDER_MOVES)

    chart = QualityChart(curve)

    def chart_move(i: int) -> None:
        chart.update(float(positions[i]))
        chart.figure.savefig(io.BytesIO(), format="png", dpi=80)

    chart_ms = _timed(chart_move, 9)
    median = statistics.median(move_ms)
    return {
        "quality_curve_30k": {
            "what": f"quality-vs-size curve + point on a slider move, {N_CONTACTS:,} contacts",
            "contacts": N_CONTACTS,
            "precompute_s": round(precompute_s, 3),
            "median_ms": round(median, 2),
            "p95_ms": round(percentile(move_ms, 95), 2),
            "max_ms": round(max(move_ms), 2),
            "chart_update_savefig_median_ms": round(statistics.median(chart_ms), 1),
            "size_at_default": int(curve.at(curve.default_threshold)["size"]),
            "headline": f"median {median:.2f} ms, p95 {percentile(move_ms, 95):.2f} ms "
                        f"({SLIDER_MOVES} moves)",
            "value": round(median, 2),
            "limit": BUDGET_MS,
            "goal": f"median <= {BUDGET_MS:g} ms",
            "met": median <= BUDGET_MS,
        }
    }


if __name__ == "__main__":
    for name, row in run().items():
        print(f"{name}: {row['what']}")
        width = max(len(k) for k in row)
        for key, value in row.items():
            if key != "what":
                print(f"  {key:<{width}}  {value}")
