"""`import invite_triage` compared with `import pandas`, each in a fresh interpreter."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

REPEATS = 7
GOAL_RATIO = 1.5


def _fresh_import_seconds(module: str, repeat: int = REPEATS) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> dict:
    python_only = _fresh_import_seconds("sys")
    pandas_s = _fresh_import_seconds("pandas") - python_only
    package_s = _fresh_import_seconds("invite_triage") - python_only
    return {
        "import": {
            "what": "import invite_triage vs import pandas (fresh interpreter, start-up out)",
            "pandas_s": round(pandas_s, 3),
            "invite_triage_s": round(package_s, 3),
            "ratio": round(package_s / pandas_s, 2),
            "headline": f"ratio {package_s / pandas_s:.2f} ({package_s:.2f} s / "
                        f"{pandas_s:.2f} s, medians of {REPEATS})",
            "value": round(package_s / pandas_s, 2),
            "limit": GOAL_RATIO,
            "goal": f"ratio <= {GOAL_RATIO:g}",
            "met": package_s / pandas_s <= GOAL_RATIO,
        }
    }


if __name__ == "__main__":
    print(run())
