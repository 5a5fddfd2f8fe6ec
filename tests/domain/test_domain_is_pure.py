"""The package's face and its triage draw nothing: ``import invite_triage`` and a whole triage
work where neither matplotlib nor ipywidgets can be imported (a server, a script, a CI job)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys

    BLOCKED = ("matplotlib", "ipywidgets")


    class NoDrawing:
        '''Refuse matplotlib and ipywidgets, as where they are not installed.'''

        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"No module named {name!r} (blocked by the test)")
            return None


    sys.meta_path.insert(0, NoDrawing())

    import invite_triage

    invitations = invite_triage.load_invitations()
    result = invite_triage.triage(invitations, invite_triage.example_profile())
    assert len(result) == len(invitations) > 0
    assert set(result["decision"]) <= {"accept", "ask", "decline"}
    assert result["reasons"].str.len().gt(0).all()
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    assert not loaded, loaded
    print("ok", len(result))
    """
)


def test_import_and_triage_without_matplotlib_or_ipywidgets():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("ok ")
