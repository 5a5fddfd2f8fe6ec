"""Every model loads without ipywidgets or matplotlib: exercises and scripts use them where
neither is installed (the views and the charts are the only ones that draw)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib
    import pkgutil
    import sys

    BLOCKED = ("matplotlib", "ipywidgets", "IPython")


    class NoDrawing:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"No module named {name!r} (blocked by the test)")
            return None


    sys.meta_path.insert(0, NoDrawing())

    import invite_triage.models as models

    names = [info.name for info in pkgutil.iter_modules(models.__path__)]
    for name in names:
        importlib.import_module(f"invite_triage.models.{name}")
    assert {"career", "groups", "inbox", "mutuals", "own_data", "weights"} <= set(names)
    print("ok", len(names))
    """
)


def test_every_model_imports_without_ipywidgets_or_matplotlib():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("ok ")
