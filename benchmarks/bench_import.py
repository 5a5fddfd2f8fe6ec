"""`import invite_triage` compared with `import pandas`, each in a fresh interpreter."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _fresh_import_seconds(module: str, repeat: int = 7) -> float:
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
            "goal": "ratio <= 1.5",
            "met": package_s / pandas_s <= 1.5,
        }
    }


if __name__ == "__main__":
    print(run())
