"""Benchmark figures live in one place: results.md and README's table are rendered from
benchmarks/results.json (``make bench-report``), never edited by hand."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _load_render():
    spec = importlib.util.spec_from_file_location("bench_render", REPO / "benchmarks/render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _load_render()


def test_readme_table_is_rendered_from_results_json():
    readme = (REPO / "README.md").read_text("utf-8")
    assert render.table_in(readme) == render.render().strip("\n"), (
        "README's benchmark table differs from benchmarks/results.json: run `make bench-report`"
    )


def test_results_md_is_rendered_from_results_json():
    assert (REPO / "benchmarks/results.md").read_text("utf-8") == render.render(), (
        "benchmarks/results.md differs from benchmarks/results.json: run `make bench-report`"
    )


def test_every_benchmark_of_results_json_has_a_row():
    results = json.loads((REPO / "benchmarks/results.json").read_text("utf-8"))["results"]
    table = render.render()
    for key in results:
        assert f"| {key} |" in table


def test_write_reports_replaces_only_the_table(tmp_path: Path):
    machine = {
        "date": "2026-01-01 00:00 UTC",
        "python": "3.11",
        "platform": "Linux",
        "cores": 2,
        "processor": "x86_64",
        "load_average_start": "1",
        "load_average_end": "1",
    }
    results = {
        "fast": {"what": "x", "headline": "1 ms | p95 2 ms", "goal": "<= 5 ms", "met": True},
        "slow": {
            "what": "y",
            "s": 30.0,
            "value": 30.0,
            "limit": 20.0,
            "goal": "<= 20 s",
            "met": False,
        },
    }
    source = tmp_path / "results.json"
    source.write_text(json.dumps({"machine": machine, "results": results}), "utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Title\n\nintro\n\n{render.START}\nold table\n{render.END}\n\n## Next\n", "utf-8"
    )
    md = tmp_path / "results.md"

    changed = render.write_reports(source, md, readme)

    assert set(changed) == {md, readme}
    text = readme.read_text("utf-8")
    assert text.startswith("# Title\n\nintro\n\n") and text.endswith(f"{render.END}\n\n## Next\n")
    assert "old table" not in text
    assert "| fast | 1 ms \\| p95 2 ms | <= 5 ms | yes |" in text
    assert "| slow | s=30.0 | <= 20 s | **no** (missed by +50%) |" in text
    assert render.table_in(text) == md.read_text("utf-8").strip("\n")
    assert render.write_reports(source, md, readme) == []  # idempotent


def test_a_readme_without_markers_is_an_error():
    with pytest.raises(ValueError, match="bench:start"):
        render.replace_between_markers("# no table here\n", "| a |")
