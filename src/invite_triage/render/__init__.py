"""Charts and the HTML report. Needs matplotlib, never ipywidgets."""
