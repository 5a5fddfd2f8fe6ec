"""The exercises never need ipywidgets: a learner's checker runs in a kernel without it (and
the import contract in pyproject.toml keeps it so; this test checks what actually loads)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib
    import pkgutil
    import sys


    class NoWidgets:
        '''Refuse ipywidgets, as in an environment where it is not installed.'''

        def find_spec(self, name, path=None, target=None):
            if name == "ipywidgets" or name.startswith("ipywidgets."):
                raise ImportError(f"No module named {name!r} (blocked by the test)")
            return None


    sys.meta_path.insert(0, NoWidgets())

    import invite_triage.exercises as exercises

    names = [info.name for info in pkgutil.iter_modules(exercises.__path__)]
    modules = {name: importlib.import_module(f"invite_triage.exercises.{name}")
               for name in names}
    assert {f"ch0{i}" for i in range(9)} <= set(modules), sorted(modules)

    # A checker that builds an app's model (chapter 02's CareerModel), run for real.
    from invite_triage.models.career import CareerModel
    from invite_triage.world.datasets import example_profile, load_invitations

    model = CareerModel(load_invitations(), example_profile())
    accepted = model.at(1.0).counts["accept"] - model.at(0.0).counts["accept"]
    result = modules["ch02"].check_mentoring_accepts(accepted)
    assert result.ok, result.message
    assert not modules["ch02"].check_mentoring_accepts(accepted + 1).ok
    assert exercises.solution("mentoring_accepts").code
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("ipywidgets", "invite_triage")
                    and (m.startswith("ipywidgets") or m.startswith("invite_triage.widgets")))
    assert not loaded, loaded
    print("ok", len(modules))
    """
)


def test_every_exercise_module_imports_and_checks_without_ipywidgets():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("ok ")
