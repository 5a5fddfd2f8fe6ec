"""One pure model per app: state and results, no ipywidgets and no matplotlib.

Views live in :mod:`invite_triage.widgets`, charts in :mod:`invite_triage.render`; a model can
be driven from a test, an exercise or a script where neither is installed.
"""
