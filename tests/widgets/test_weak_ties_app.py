"""The weak-ties app (chapter 03): a labelled schematic, no numbers that could pass for data."""

from __future__ import annotations

import numpy as np

from invite_triage.widgets.weak_ties_app import SCHEMATIC_LABEL, weak_ties_app
from tests.widgets._helpers import png as _png


def test_weak_ties_schematic_is_labelled_and_carries_no_numbers():
    app = weak_ties_app()
    ax = app.figure.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert SCHEMATIC_LABEL in texts
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    y = ax.lines[0].get_ydata()
    peak = int(np.argmax(y))
    assert 0 < peak < len(y) - 1  # an inverted U: the top is inside, not at an end
    assert "Rajkumar" in app.summary.value and "not their data" in app.summary.value
    assert _png(app).startswith(b"\x89PNG")
