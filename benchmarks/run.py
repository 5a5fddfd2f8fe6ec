"""`make bench`: run every benchmark module, print one table, write results.json."""

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


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main() -> int:
    only = set(sys.argv[1:])
    results: dict[str, dict] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if only and name not in only:
            continue
        print(f"running {name} ...", flush=True)
        module = importlib.import_module(name)
        try:
            results.update(module.run())
        except Exception as exc:  # one broken benchmark must not hide the others
            results[name] = {"what": name, "error": f"{type(exc).__name__}: {exc}", "met": False}
    rows = []
    for key, row in results.items():
        figures = ", ".join(f"{k}={v}" for k, v in row.items() if k not in ("what", "goal", "met"))
        rows.append((key, figures, row.get("goal", ""), "yes" if row.get("met") else "NO"))
    width = [
        max(len(r[i]) for r in [*rows, ("benchmark", "figures", "goal", "met")]) for i in range(4)
    ]
    header = ("benchmark", "figures", "goal", "met")
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(header, width, strict=False)))
    print("-+-".join("-" * w for w in width))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, width, strict=False)))
    out = HERE / "results.json"
    out.write_text(json.dumps({"machine": machine(), "results": results}, indent=2) + "\n", "utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
