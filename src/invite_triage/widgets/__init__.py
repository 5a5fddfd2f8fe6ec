"""ipywidgets apps for the guide. Each app is a model (pure logic) plus a thin view.

Every ``*_app`` function returns an :class:`App` (a ``VBox`` with an error area) whose controls
and outputs are attributes, so tests drive them without a browser.
"""

from invite_triage.widgets.base import (
    App,
    ErrorArea,
    FigureView,
    guarded,
    html_table,
    summary_html,
)
from invite_triage.widgets.career_app import career_app
from invite_triage.widgets.drafter_app import drafter_app
from invite_triage.widgets.groups_app import groups_app
from invite_triage.widgets.inbox_app import InboxModel, inbox_app
from invite_triage.widgets.intent_app import intent_app
from invite_triage.widgets.mutuals_app import mutuals_app, weak_ties_app
from invite_triage.widgets.own_data_app import OwnDataModel, open_export, triage_form
from invite_triage.widgets.quality_app import QualityModel, quality_app
from invite_triage.widgets.title_app import families_app, goals_app, title_app
from invite_triage.widgets.weights_app import WeightsModel, policy_app, weights_app

__all__ = [
    "App",
    "ErrorArea",
    "FigureView",
    "InboxModel",
    "OwnDataModel",
    "QualityModel",
    "WeightsModel",
    "career_app",
    "drafter_app",
    "families_app",
    "goals_app",
    "groups_app",
    "guarded",
    "html_table",
    "inbox_app",
    "intent_app",
    "mutuals_app",
    "open_export",
    "policy_app",
    "quality_app",
    "summary_html",
    "title_app",
    "triage_form",
    "weak_ties_app",
    "weights_app",
]
