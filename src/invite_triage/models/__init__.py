"""One pure model per app: state and results, no ipywidgets. Views live in ``widgets``."""
