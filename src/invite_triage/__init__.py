"""Invite Triage: should you accept that LinkedIn invitation? Criteria, triage and a guide.

This is the package's public face: notebooks, documentation and exercise solutions import
from here (and apps from :mod:`invite_triage.widgets`); the modules behind it are arranged in
layers (``docs/ARCHITECTURE.md``) and may move. Names that need matplotlib load on first use,
so ``import invite_triage`` stays about as quick as ``import pandas``.
"""

import importlib
from typing import Any

from invite_triage.analysis.evaluation import compare_strategies, evaluate_decisions
from invite_triage.analysis.intent_eval import (
    INTENT_CORPORA,
    intent_corpus,
    intent_evaluation,
    intent_results,
    misread_notes,
)
from invite_triage.analysis.network import (
    intent_summary,
    network_composition,
    network_growth,
    pending_with_intent,
    profile_summary,
)
from invite_triage.analysis.quality import (
    POSTS_PER_WEEK_BY_PERSONA,
    NetworkQuality,
    QualityCurve,
    network_quality,
    policy_networks,
    posting_assumptions,
    quality_vs_size,
    simulate_growth,
)
from invite_triage.analysis.what_if import WHAT_IF_PERSONAS, WHAT_IF_RANGES, what_if
from invite_triage.core.errors import InvalidInputError, InviteTriageError
from invite_triage.core.i18n import get_language, set_language
from invite_triage.domain import criteria
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.drafting import draft_message
from invite_triage.domain.intent import classify_message, classify_messages
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import (
    REQUIRED_COLUMNS,
    coerce_invitations,
    empty_invitations,
    read_invitations_csv,
    validate_invitations,
    write_invitations_csv,
)
from invite_triage.domain.taxonomy import (
    DECISIONS,
    FAMILIES,
    GOALS,
    LINKEDIN_CONNECTION_CAP,
    MESSAGE_KINDS,
    POLICIES,
    SENIORITIES,
)
from invite_triage.domain.titles import (
    classify_title,
    classify_titles,
    explain_title,
    normalise_title,
)
from invite_triage.domain.triage import DEFAULT_THRESHOLDS, PreparedTriage, preset_weights, triage
from invite_triage.linkedin.annotations import (
    annotation_files,
    load_annotations,
    save_annotation,
)
from invite_triage.linkedin.export import LinkedInExport, load_export, pending_invitations
from invite_triage.world.datasets import (
    example_profile,
    load_connections,
    load_invitations,
    load_sample_export,
)

__version__ = "0.1.0"

#: Names that import matplotlib: loaded on first access, from the module that owns them.
_LAZY = {
    "plot_quality_vs_size": "render.charts",
    "plot_growth": "render.charts",
    "plot_composition": "render.charts",
    "plot_decision_contributions": "render.charts",
    "plot_confusion_matrix": "render.charts_titles",
    "plot_network_growth": "render.report",
    "plot_pending_intents": "render.report",
    "plot_family_seniority": "render.app_charts",
    "decide_pending": "render.report",
    "write_report": "render.report",
    "write_decisions": "render.report",
    "safe_csv": "render.report",
    "open_export": "models.own_data",
    "export_overview": "models.own_data",
    "solution": "exercises",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'invite_triage' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "CRITERIA",
    "DECISIONS",
    "DEFAULT_THRESHOLDS",
    "FAMILIES",
    "GOALS",
    "INTENT_CORPORA",
    "LINKEDIN_CONNECTION_CAP",
    "MESSAGE_KINDS",
    "POLICIES",
    "POSTS_PER_WEEK_BY_PERSONA",
    "REQUIRED_COLUMNS",
    "SENIORITIES",
    "WHAT_IF_PERSONAS",
    "WHAT_IF_RANGES",
    "InvalidInputError",
    "InviteTriageError",
    "LinkedInExport",
    "NetworkQuality",
    "PreparedTriage",
    "Profile",
    "QualityCurve",
    "__version__",
    "annotation_files",
    "classify_message",
    "classify_messages",
    "classify_title",
    "classify_titles",
    "coerce_invitations",
    "compare_strategies",
    "criteria",
    "decide_pending",
    "draft_message",
    "empty_invitations",
    "evaluate_decisions",
    "example_profile",
    "explain_title",
    "export_overview",
    "get_language",
    "intent_corpus",
    "intent_evaluation",
    "intent_results",
    "intent_summary",
    "load_annotations",
    "load_connections",
    "load_export",
    "load_invitations",
    "load_sample_export",
    "misread_notes",
    "network_composition",
    "network_growth",
    "network_quality",
    "normalise_title",
    "open_export",
    "pending_invitations",
    "pending_with_intent",
    "plot_composition",
    "plot_confusion_matrix",
    "plot_decision_contributions",
    "plot_family_seniority",
    "plot_growth",
    "plot_network_growth",
    "plot_pending_intents",
    "plot_quality_vs_size",
    "policy_networks",
    "posting_assumptions",
    "preset_weights",
    "profile_summary",
    "quality_vs_size",
    "read_invitations_csv",
    "safe_csv",
    "save_annotation",
    "set_language",
    "simulate_growth",
    "solution",
    "triage",
    "validate_invitations",
    "what_if",
    "write_decisions",
    "write_invitations_csv",
    "write_report",
]
