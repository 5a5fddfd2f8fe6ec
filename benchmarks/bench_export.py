"""Benchmark: loading and analysing a LinkedIn export at LinkedIn's 30,000-connection cap.

The export is the package's synthetic one (``sample_export``) with its network enlarged to
30,000 connections, zipped like the real download. Measured (medians over repeats):

- ``load_export`` of the zip (decode, find headers, parse every file and date);
- the notebook's analyses: composition, growth month by month, pending invitations with
  their note's intent, the canonical pending table, the people you message;
- the whole HTML report (analyses, triage of pending invitations, three charts).

Baseline, measured in the same run: one plain ``pandas.read_csv`` of the same
Connections.csv with the preamble skipped by hand, no date parsing. Goal: load + analyses
in a few seconds (<= 5 s).

Run: ``.venv/bin/python benchmarks/bench_export.py``
"""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import median_seconds

from invite_triage.analysis.network import network_composition, network_growth, pending_with_intent
from invite_triage.linkedin.export import correspondents, load_export, pending_invitations
from invite_triage.render.report import render_report
from invite_triage.world.sample_export import write_sample_export

N_CONNECTIONS = 30_000
BUDGET_S = 5.0


def run() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_export(folder, n_connections=N_CONNECTIONS)
        with zipfile.ZipFile(path) as archive:
            raw = archive.read("Connections.csv")

        baseline_s = median_seconds(lambda: pd.read_csv(io.BytesIO(raw), skiprows=3), repeat=5)
        load_s = median_seconds(lambda: load_export(path), repeat=3)
        export = load_export(path)
        profile = export.to_profile()

        def analyse() -> None:
            network_composition(export.connections, profile)
            network_growth(export.connections, profile)
            pending_with_intent(export)
            pending_invitations(export)
            correspondents(export.messages)

        analyse_s = median_seconds(analyse, repeat=3)
        report_s = median_seconds(lambda: render_report(export, profile), repeat=1, warmup=0)
        rows = len(export.connections)

    total = load_s + analyse_s
    return {
        "export_30k": {
            "what": f"load + analyse a {rows:,}-connection export (zip)",
            "connections": rows,
            "load_s": round(load_s, 3),
            "analyse_s": round(analyse_s, 3),
            "report_s": round(report_s, 3),
            "read_csv_baseline_s": round(baseline_s, 3),
            "load_vs_read_csv": round(load_s / baseline_s, 1),
            "headline": f"load {load_s:.2f} s + analyses {analyse_s:.2f} s (report "
                        f"{report_s:.2f} s)",
            "value": round(total, 3),
            "limit": BUDGET_S,
            "goal": f"load + analyses <= {BUDGET_S:g} s",
            "met": total <= BUDGET_S,
        }
    }


if __name__ == "__main__":
    print(run())
