"""Benchmark: every widget app of the guide, from a control change to the new chart.

Each app is built once on 30,000 synthetic contacts where it takes data
(``synth.invitations(30_000)`` and the example profile; the triage form gets the sample
export with its network enlarged to 30,000 connections). Then a control is changed
``ROUNDS`` x ``MOVES`` times, the way a learner would: sliders walk through distinct values (so
a cache of the previous value never flatters the figure), tick boxes and toggles flip, buttons
are clicked. The p95 is the median over rounds of each round's p95 (a busy moment of the shared
machine spoils one round, not the figure).

ipywidgets runs the callback synchronously without a browser, so the clock starts just before
the control's value is set and stops when the chart's ``FigureView.value`` (the new PNG bytes)
is set; apps without a chart (the drafter, the note reader) stop when their result HTML is
set. The whole callback (summary tables included) and its CPU time are reported too.

Goal: p95 <= 100 ms per app, from control change to new chart.

Run: ``.venv/bin/python benchmarks/bench_widgets.py [app ...]`` (``--profile`` prints a
cProfile of each app's moves).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import percentile

N_CONTACTS = 30_000
SEED = 2030
MOVES = 30
ROUNDS = 3
GOAL_P95_MS = 100.0
#: Every app gets ROUNDS rounds of MOVES changes (the figures are medians over rounds).
TOTAL = MOVES * ROUNDS

Move = Callable[[], object]
PRIVATE_ENV = "INVITE_TRIAGE_PRIVATE"


@dataclass
class Scenario:
    """An app built on the benchmark's data, the moves to time and the widget they end on."""

    app: object
    moves: list[tuple[str, Move]]
    done_widget: object  # its ``value`` being set ends the clock
    build_s: float


def _walk(low: float, high: float, step: float, n: int, start: float, seed: int) -> list[float]:
    """``n`` distinct slider values in [low, high] on the slider's step, none equal to
    ``start`` nor to the one before (a learner dragging, not toggling two values)."""
    grid = np.round(np.arange(low, high + step / 2, step), 6)
    grid = grid[np.abs(grid - start) > step / 2]
    rng = np.random.default_rng(seed)
    picks = rng.permutation(grid)
    while len(picks) < n:
        picks = np.concatenate([picks, rng.permutation(grid)])
    return [float(v) for v in picks[:n]]


def _set(widget, value) -> Move:
    def move() -> None:
        widget.value = value

    return move


def _slider_moves(sliders: dict, n: int, seed: int = 0) -> list[tuple[str, Move]]:
    """``n`` moves spread over the sliders in turn, each to a fresh value."""
    names = list(sliders)
    per = -(-n // len(names))
    plans = {
        name: _walk(s.min, s.max, s.step, per, s.value, seed + i)
        for i, (name, s) in enumerate(sliders.items())
    }
    return [
        (names[i % len(names)],
         _set(sliders[names[i % len(names)]], plans[names[i % len(names)]][i // len(names)]))
        for i in range(n)
    ]


def _flip(box) -> Move:
    def move() -> None:
        box.value = not box.value

    return move


def _other(widget, values: list) -> Move:
    """Set ``widget`` to the next of ``values`` after its current value (decided at move time)."""

    def move() -> None:
        widget.value = values[(values.index(widget.value) + 1) % len(values)]

    return move


def _cycle(widget, values: list, n: int) -> list[Move]:
    return [_set(widget, values[i % len(values)]) for i in range(n)]


# --- the apps ------------------------------------------------------------------------------
def _data():
    from invite_triage.world import synth
    from invite_triage.world.datasets import example_profile

    return synth.invitations(N_CONTACTS, seed=SEED), example_profile()


def build_scenarios(
    scratch: Path, names: set[str] | None = None
) -> dict[str, Callable[[], Scenario]]:
    """One builder per app (lazy, so building one app never pays for another); files the
    apps write (the triage form's export and annotations folder) go under ``scratch``."""
    from invite_triage import widgets as w

    data: dict = {}

    def inv_profile():
        if not data:
            data["inv"], data["profile"] = _data()
        return data["inv"], data["profile"]

    def timed(build: Callable[[], object]) -> tuple[object, float]:
        start = time.perf_counter()
        app = build()
        return app, time.perf_counter() - start

    def goals() -> Scenario:
        _, profile = inv_profile()
        app, s = timed(lambda: w.goals_app(profile))
        boxes = list(app.checkboxes.values())
        moves = [(f"goal {i % len(boxes)}", _flip(boxes[i % len(boxes)])) for i in range(TOTAL)]
        return Scenario(app, moves, app.chart, s)

    def title() -> Scenario:
        from invite_triage.widgets.title_app import EXAMPLE_TITLES

        _, profile = inv_profile()
        app, s = timed(lambda: w.title_app(profile))
        extra = ("Data Engineer", "Infirmière", "Responsable RH", "CEO & Founder",
                 "Product Owner", "Expert-comptable")
        texts = [*EXAMPLE_TITLES, *extra]
        return Scenario(app, [("title text", m) for m in _cycle(app.text, texts, TOTAL)],
                        app.chart, s)

    def families() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.families_app(inv, profile))
        return Scenario(app, _slider_moves(app.sliders, TOTAL), app.chart, s)

    def career() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.career_app(inv, profile))
        sliders = {"mentoring": app.slider, "career weight": app.weight_slider}
        return Scenario(app, _slider_moves(sliders, TOTAL), app.chart, s)

    def mutuals() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.mutuals_app(inv, profile))
        return Scenario(app, _slider_moves({"k": app.slider}, TOTAL), app.chart, s)

    def weak_ties() -> Scenario:
        app, s = timed(w.weak_ties_app)
        # No control: the figure is static. Time a forced redraw instead.
        return Scenario(app, [("redraw", app.chart.refresh)] * TOTAL, None, s)

    def groups() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.groups_app(inv, profile))
        boxes = list(app.checkboxes.values())
        moves = []
        slider_values = _walk(app.slider.min, app.slider.max, 1, TOTAL, app.slider.value, 3)
        for i in range(TOTAL):
            if i % 3 == 2:
                moves.append(("at least", _set(app.slider, int(slider_values[i]))))
            else:
                moves.append((f"group {i % len(boxes)}", _flip(boxes[i % len(boxes)])))
        return Scenario(app, moves, app.chart, s)

    def drafter() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.drafter_app(inv, profile))
        options = [value for _, value in app.dropdown.options[1:TOTAL]]
        moves = []
        for i in range(TOTAL):
            if i % 3 == 2:
                moves.append(("language", _other(app.language, ["en", "fr"])))
            else:
                moves.append(("invitation", _set(app.dropdown, options[i % len(options)])))
        return Scenario(app, moves, app.message, s)

    def intent() -> Scenario:
        from invite_triage.widgets.intent_app import EXAMPLES

        app, s = timed(w.intent_app)
        texts = [*EXAMPLES, "", "Bonjour Camille, ravie de notre échange au salon hier !",
                 "I'd like to add you to my professional network on LinkedIn."]
        return Scenario(app, [("note text", m) for m in _cycle(app.text, texts, TOTAL)],
                        app.result, s)

    def policy() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.policy_app(inv, profile))
        order = ["known_only", "open", "balanced"]
        return Scenario(app, [("policy", m) for m in _cycle(app.toggle, order, TOTAL)],
                        app.chart, s)

    def weights() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.weights_app(inv, profile))
        sliders = {**app.sliders}
        moves = _slider_moves(sliders, TOTAL - TOTAL // 5)
        # Threshold moves: accept stays above ask (alternate two valid pairs around them).
        for i in range(TOTAL // 5):
            moves.insert(5 * i + 4, ("accept ≥", _set(app.accept_slider, 0.5 + 0.01 * i)))
        return Scenario(app, moves, app.chart, s)

    def inbox() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.inbox_app(inv, profile))
        plan = ["accept", "decline", "ask", "previous", "next", "skip"]
        buttons = {"accept": app.accept_button, "decline": app.decline_button,
                   "ask": app.ask_button, "previous": app.previous_button,
                   "next": app.next_button, "skip": app.skip_button}
        moves = [(plan[i % len(plan)], buttons[plan[i % len(plan)]].click) for i in range(TOTAL)]
        # One language switch (the other language is triaged once, then cached).
        moves[TOTAL // 2] = ("language", _set(app.language, "en"))
        return Scenario(app, moves, app.chart, s)

    def quality() -> Scenario:
        inv, profile = inv_profile()
        app, s = timed(lambda: w.quality_app(inv, profile))
        return Scenario(app, _slider_moves({"accept ≥": app.slider}, TOTAL), app.chart, s)

    def form() -> Scenario:
        from invite_triage.linkedin.export import load_export
        from invite_triage.world.sample_export import write_sample_export

        folder = scratch / "export"
        folder.mkdir(exist_ok=True)
        export = load_export(write_sample_export(folder, n_connections=N_CONTACTS))
        private = scratch / "private"
        private.mkdir(exist_ok=True)
        app, s = timed(lambda: w.triage_form(export, private_dir=private))
        counts = ["0", "3", "12", "40", "7", "150"]
        boxes = list(app.group_boxes.values())
        positions = [value for _, value in app.dropdown.options]
        moves = []
        for i in range(TOTAL):
            kind = i % 5
            if kind in (0, 3):
                moves.append(("mutual connections", _set(app.mutuals, counts[i % len(counts)])))
            elif kind == 1:
                moves.append(("known offline", _flip(app.known)))
            elif kind == 2 and boxes:
                moves.append(("shared group", _flip(boxes[i % len(boxes)])))
            else:
                pick = positions[(i + 1) % len(positions)]
                moves.append(("invitation", _set(app.dropdown, pick)))
        return Scenario(app, moves, app.chart, s)

    builders = {
        "goals_app": goals, "title_app": title, "families_app": families, "career_app": career,
        "mutuals_app": mutuals, "weak_ties_app": weak_ties, "groups_app": groups,
        "drafter_app": drafter, "intent_app": intent, "policy_app": policy,
        "weights_app": weights, "inbox_app": inbox, "quality_app": quality,
        "triage_form": form,
    }
    return {k: v for k, v in builders.items() if not names or k in names}


# --- timing --------------------------------------------------------------------------------
def time_moves(scenario: Scenario) -> dict:
    """Per move: ms to the done widget's new value (or to the callback's end if it did not
    change), ms of the whole callback, and CPU ms of this process (less sensitive to the
    other processes of a shared machine)."""
    stamps: list[float] = []
    if scenario.done_widget is not None:
        scenario.done_widget.observe(lambda _c: stamps.append(time.perf_counter()),
                                     names="value")
    to_result, callback, cpu, labels, unchanged = [], [], [], [], 0
    errors = getattr(scenario.app, "errors", None)
    for label, move in scenario.moves:
        stamps.clear()
        cpu_start = time.process_time()
        start = time.perf_counter()
        move()
        end = time.perf_counter()
        cpu.append((time.process_time() - cpu_start) * 1000)
        if errors is not None and errors.value:
            raise RuntimeError(f"{label}: the app showed an error: {errors.value[:300]}")
        # The last set wins: an app may blank its output before writing the new one.
        done = stamps[-1] if stamps else end
        unchanged += not stamps
        to_result.append((done - start) * 1000)
        callback.append((end - start) * 1000)
        labels.append(label)
    slowest = max(set(labels), key=lambda k: statistics.median(
        t for t, lab in zip(to_result, labels, strict=True) if lab == k))
    return {"to_result": to_result, "callback": callback, "cpu": cpu,
            "slowest_control": slowest, "no_new_output": unchanged}


def _round_p95(values: list[float]) -> float:
    """The median over rounds of each round's p95 (one busy moment spoils one round only)."""
    rounds = [values[i:i + MOVES] for i in range(0, len(values), MOVES)]
    return statistics.median(percentile(r, 95) for r in rounds)


def _app_row(name: str, build: Callable[[], Scenario], profile: bool) -> dict:
    scenario = build()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    timing = time_moves(scenario)
    if profiler:
        profiler.disable()
        print(f"\n=== {name} ===")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    t, c, cpu = timing["to_result"], timing["callback"], timing["cpu"]
    p95 = _round_p95(t)
    median = statistics.median(t)
    ends_on = ("forced redraw (static chart, no control)" if scenario.done_widget is None
               else "new chart PNG" if scenario.done_widget is getattr(scenario.app, "chart", None)
               else "new result HTML (no chart)")
    row = {
        "what": f"{name}: {ROUNDS} x {MOVES} control changes → {ends_on}",
        "build_s": round(scenario.build_s, 3),
        "median_ms": round(median, 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(max(t), 1),
        "callback_p95_ms": round(_round_p95(c), 1),
        "cpu_p95_ms": round(_round_p95(cpu), 1),
        "slowest_control": timing["slowest_control"],
        "headline": f"median {median:.1f} ms, p95 {p95:.1f} ms",
        "value": round(p95, 1),
        "limit": GOAL_P95_MS,
        "goal": f"p95 <= {GOAL_P95_MS:g} ms",
        "met": p95 <= GOAL_P95_MS,
    }
    if timing["no_new_output"] and scenario.done_widget is not None:
        # The same picture again (e.g. two goal sets giving the same weights): timed to the
        # callback's end.
        row["moves_without_new_output"] = timing["no_new_output"]
    return row


def run(names: set[str] | None = None, profile: bool = False) -> dict:
    """Median and p95 ms from control change to new chart, per app."""
    results = {}
    saved_env = os.environ.get(PRIVATE_ENV)
    with tempfile.TemporaryDirectory(prefix="bench-widgets-") as folder:
        scratch = Path(folder)
        os.environ[PRIVATE_ENV] = str(scratch / "private")  # never the checkout's data/
        try:
            for name, build in build_scenarios(scratch, names).items():
                try:
                    results[f"widget {name}"] = _app_row(name, build, profile)
                except Exception as exc:  # one broken app must not hide the others
                    results[f"widget {name}"] = {
                        "what": name, "error": f"{type(exc).__name__}: {exc}",
                        "goal": f"p95 <= {GOAL_P95_MS:g} ms", "met": False,
                    }
        finally:
            if saved_env is None:
                os.environ.pop(PRIVATE_ENV, None)
            else:
                os.environ[PRIVATE_ENV] = saved_env
    return results


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    for key, row in run(set(args) or None, profile="--profile" in sys.argv).items():
        figures = ", ".join(f"{k}={v}" for k, v in row.items() if k not in ("what", "goal"))
        print(f"{key}: {figures}")
