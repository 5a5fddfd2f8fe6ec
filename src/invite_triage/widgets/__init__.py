"""ipywidgets apps for the guide. Each app is a model (pure logic) plus a thin view."""

from .base import App, ErrorArea, FigureView, guarded, html_table, summary_html

__all__ = ["App", "ErrorArea", "FigureView", "guarded", "html_table", "summary_html"]
