"""Shared pieces of every widget app: the model/view split, in-place charts, visible errors.

CSS classes (the browser tests rely on them): app roots ``it-app``, charts ``it-chart``,
shown numbers and summaries ``it-summary`` (use ``summary_html()``).

Pattern (after the official ipywidgets tutorial):
- a *model* is a plain Python object holding state and computing results (testable without
  a browser, no ipywidgets import needed);
- a *view* builds controls once, builds the figure once, and on every change
  (``observe(..., names="value")``) asks the model for new results and updates the artists
  and tables in place;
- any exception in a callback is caught and shown in the app's error area, never swallowed.
"""

from __future__ import annotations

import functools
import html
import io
import traceback
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


class ErrorArea(widgets.HTML):
    """A visible place for callback errors (escaped), empty when all is well."""

    def show(self, exc: BaseException) -> None:
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        self.value = (
            '<div role="alert" style="color:#a40000;border-left:4px solid #a40000;'
            f'padding:4px 8px;white-space:pre-wrap">{html.escape(detail)}</div>'
        )

    def clear(self) -> None:
        self.value = ""

    @property
    def message(self) -> str:
        return self.value


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a view callback so errors land in ``self.errors`` instead of vanishing."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            result = method(self, *args, **kwargs)
        except Exception as exc:  # shown to the learner, never swallowed
            self.errors.show(exc)
            return None
        self.errors.clear()
        return result

    return wrapper


class FigureView(widgets.Image):
    """A matplotlib Figure shown as a PNG image widget and redrawn in place.

    Drawing to PNG (rather than inline backends) means no figures pile up, no flicker, and a
    test can compare the bytes before and after a control change.
    """

    def __init__(self, figure: Figure, **kwargs: Any):
        super().__init__(format="png", **kwargs)
        self.figure = figure
        if figure.canvas is None or not isinstance(figure.canvas, FigureCanvasAgg):
            FigureCanvasAgg(figure)
        self.layout.max_width = "100%"
        self.add_class("it-chart")
        self.refresh()

    def refresh(self) -> None:
        buffer = io.BytesIO()
        # Fast PNG compression: encoding dominated redraw time at the default level.
        self.figure.savefig(
            buffer, format="png", dpi=self.figure.dpi, pil_kwargs={"compress_level": 1}
        )
        self.value = buffer.getvalue()


def html_table(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """A small escaped HTML table for app summaries."""
    if not rows:
        return "<p><em>Nothing to show.</em></p>"
    columns = columns or list(rows[0])
    cell = "<th style='text-align:left;padding:2px 8px'>{}</th>"
    head = "".join(cell.format(html.escape(str(c))) for c in columns)
    body = "".join(
        "<tr>" + "".join(
            f"<td style='padding:2px 8px'>{html.escape(str(r.get(c, '')))}</td>" for c in columns
        ) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class App(widgets.VBox):
    """Base class of the apps: holds the error area; subclasses build controls and views."""

    def __init__(self, children: list[widgets.Widget], **kwargs: Any):
        self.errors = ErrorArea()
        super().__init__([*children, self.errors], **kwargs)
        self.add_class("it-app")


def summary_html(**kwargs: Any) -> widgets.HTML:
    """An HTML widget for shown numbers; e2e tests find it by its ``it-summary`` class."""
    box = widgets.HTML(**kwargs)
    box.add_class("it-summary")
    return box
