"""Invite Triage: should you accept that LinkedIn invitation? Criteria, triage and a guide.

The public names live in small modules (one job each) and are re-exported here. Chart, report
and widget names load on first use, so ``import invite_triage`` stays about as quick as
``import pandas``.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import criteria
from .datasets import (
    example_profile,
    load_connections,
    load_invitations,
    load_sample_export,
)
from .drafting import draft_message
from .errors import InvalidInputError, InviteTriageError
from .evaluation import compare_strategies, evaluate_decisions
from .export import LinkedInExport, load_export, pending_invitations
from .intent import classify_message, classify_messages
from .profile import FAMILIES, GOALS, POLICIES, Profile
from .quality import (
    NetworkQuality,
    QualityCurve,
    network_quality,
    quality_vs_size,
    simulate_growth,
)
from .schema import (
    REQUIRED_COLUMNS,
    coerce_invitations,
    empty_invitations,
    read_invitations_csv,
    validate_invitations,
    write_invitations_csv,
)
from .titles import SENIORITIES, classify_title, classify_titles, explain_title, normalise_title
from .triage import DEFAULT_THRESHOLDS, PreparedTriage, preset_weights, triage

__version__ = "0.1.0"

#: Names that import matplotlib or ipywidgets: loaded on first access.
_LAZY = {
    "plot_quality_vs_size": "charts",
    "plot_growth": "charts",
    "plot_composition": "charts",
    "plot_decision_contributions": "charts",
    "plot_confusion_matrix": "charts_titles",
    "write_report": "report",
    "write_decisions": "report",
    "safe_csv": "report",
    "solution": "exercises",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'invite_triage' has no attribute {name!r}")


__all__ = [
    "DEFAULT_THRESHOLDS",
    "FAMILIES",
    "GOALS",
    "POLICIES",
    "REQUIRED_COLUMNS",
    "SENIORITIES",
    "InvalidInputError",
    "InviteTriageError",
    "LinkedInExport",
    "NetworkQuality",
    "PreparedTriage",
    "Profile",
    "QualityCurve",
    "__version__",
    "classify_message",
    "classify_messages",
    "classify_title",
    "classify_titles",
    "coerce_invitations",
    "compare_strategies",
    "criteria",
    "draft_message",
    "empty_invitations",
    "evaluate_decisions",
    "example_profile",
    "explain_title",
    "load_connections",
    "load_export",
    "load_invitations",
    "load_sample_export",
    "network_quality",
    "normalise_title",
    "pending_invitations",
    "plot_composition",
    "plot_confusion_matrix",
    "plot_decision_contributions",
    "plot_growth",
    "plot_quality_vs_size",
    "preset_weights",
    "quality_vs_size",
    "read_invitations_csv",
    "safe_csv",
    "simulate_growth",
    "solution",
    "triage",
    "validate_invitations",
    "write_decisions",
    "write_invitations_csv",
    "write_report",
]
