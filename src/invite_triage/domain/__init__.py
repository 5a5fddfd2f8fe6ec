"""The pure domain: taxonomy, profile, schema, titles, intent, criteria, triage, drafting.

No file I/O except package data, no matplotlib, no ipywidgets."""
