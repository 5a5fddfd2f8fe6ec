"""ipywidgets apps for the guide: one thin view module per app (``<name>_app.py``).

Each app's logic is a pure model in :mod:`invite_triage.models` (no ipywidgets); its charts
are in :mod:`invite_triage.render`. Every ``*_app`` function returns an :class:`App` (a
``VBox`` with an error area) whose controls and outputs are attributes, so tests drive them
without a browser. Every ``*_app`` takes ``lang`` (None: ``invite_triage.get_language()`` when
the app is built); its words come from the catalog ``core/locales/<lang>/LC_MESSAGES/apps.po``
and its numbers and dates from :mod:`invite_triage.core.formats`.
"""

from invite_triage.analysis.quality import policy_networks
from invite_triage.models.inbox import InboxModel
from invite_triage.models.own_data import OwnDataModel, export_overview, open_export
from invite_triage.models.quality import QualityModel
from invite_triage.models.weights import WeightsModel
from invite_triage.render.app_charts import plot_family_seniority
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
from invite_triage.widgets.families_app import families_app
from invite_triage.widgets.goals_app import goals_app
from invite_triage.widgets.groups_app import groups_app
from invite_triage.widgets.inbox_app import inbox_app
from invite_triage.widgets.intent_app import intent_app
from invite_triage.widgets.mutuals_app import mutuals_app
from invite_triage.widgets.own_data_app import triage_form
from invite_triage.widgets.policy_app import policy_app
from invite_triage.widgets.predict import predict
from invite_triage.widgets.quality_app import quality_app
from invite_triage.widgets.title_app import title_app
from invite_triage.widgets.weak_ties_app import weak_ties_app
from invite_triage.widgets.weights_app import weights_app
from invite_triage.widgets.what_if_app import what_if_app

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
    "export_overview",
    "families_app",
    "goals_app",
    "groups_app",
    "guarded",
    "html_table",
    "inbox_app",
    "intent_app",
    "mutuals_app",
    "open_export",
    "plot_family_seniority",
    "policy_app",
    "policy_networks",
    "predict",
    "quality_app",
    "summary_html",
    "title_app",
    "triage_form",
    "weak_ties_app",
    "weights_app",
    "what_if_app",
]
