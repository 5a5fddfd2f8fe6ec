"""ipywidgets apps for the guide. Each app is a model (pure logic) plus a thin view.

Every ``*_app`` function returns an :class:`App` (a ``VBox`` with an error area) whose controls
and outputs are attributes, so tests drive them without a browser.
"""

from .base import App, ErrorArea, FigureView, guarded, html_table, summary_html
from .career_app import career_app
from .drafter_app import drafter_app
from .groups_app import groups_app
from .inbox_app import InboxModel, inbox_app
from .intent_app import intent_app
from .mutuals_app import mutuals_app, weak_ties_app
from .own_data_app import OwnDataModel, open_export, triage_form
from .quality_app import QualityModel, quality_app
from .title_app import families_app, goals_app, title_app
from .weights_app import WeightsModel, policy_app, weights_app

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
