"""What notebooks import from ``invite_triage.widgets`` (and the lazy chart of the package's
face) still resolves after the apps were split into models and views."""

from __future__ import annotations

import json
import re
from pathlib import Path

import invite_triage
from invite_triage import widgets
from invite_triage.render import app_charts

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def test_every_exported_name_resolves():
    assert sorted(widgets.__all__) == widgets.__all__
    for name in widgets.__all__:
        assert getattr(widgets, name) is not None, name
    for name in ("goals_app", "title_app", "families_app", "career_app", "mutuals_app",
                 "weak_ties_app", "groups_app", "drafter_app", "intent_app", "policy_app",
                 "weights_app", "inbox_app", "quality_app", "triage_form"):
        assert callable(getattr(widgets, name))


def test_names_the_notebooks_import_from_widgets_exist():
    pattern = re.compile(r"from invite_triage\.widgets import ([\w, ]+)")
    wanted = set()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for match in pattern.finditer("".join(cell.get("source", []))):
                wanted |= {n.strip() for n in match.group(1).split(",") if n.strip()}
    missing = sorted(n for n in wanted if not hasattr(widgets, n))
    assert not missing, f"notebooks import {missing} from invite_triage.widgets"


def test_the_package_face_finds_the_moved_chart():
    assert invite_triage.plot_family_seniority is app_charts.plot_family_seniority
    assert widgets.plot_family_seniority is app_charts.plot_family_seniority
