"""Shared pieces of every widget app: the model/view split, in-place charts, visible errors.

CSS classes (the browser tests rely on them): app roots ``it-app``, charts ``it-chart``,
shown numbers and summaries ``it-summary`` (use ``summary_html()``). Every chart has an
accessible name (its ``title`` attribute, see :class:`FigureView`).

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
import inspect
import re
import struct
import traceback
import zlib
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets
import numpy as np
import traitlets
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from invite_triage.core.i18n import check_language, get_language, language_name, message
from invite_triage.domain.profile import LANGUAGES
from invite_triage.render.style import at_display_density, css_width, fit_titles


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

    Most of a redraw is text (tick labels, axis labels, legends) that no control changes. An
    app whose controls change only a few artists calls :meth:`redraw_only` with them once its
    layout is fixed: the rest of the figure is then drawn once, kept as a background, and
    each refresh pastes it back and draws only those artists (matplotlib's blitting). Even
    those are mostly unchanged (a form move changes one or two of its eight texts, and a text
    costs about a millisecond): a refresh pastes the background back only where an artist
    changed, and draws again only the artists there (see :meth:`_redraw_changed`).

    Its accessible name (what a screen reader announces for the image) is the figure's titles,
    read again at every refresh so it follows a title an app changes; a figure without a
    title is named by the catalog's ``app.common.chart_name``. ipywidgets 8 has no ``alt`` on
    an Image: the name goes in ``tooltip``, which the browser shows as the ``<img>``'s
    ``title`` attribute (an image's accessible name when it has no ``alt``).
    """

    #: Always empty, never shown: ipywidgets 8's ``DOMWidgetView.updateTooltip`` reads
    #: ``description.length`` before it sets ``title``, and an Image has no description (a
    #: JavaScript error, jupyter-widgets/ipywidgets#3860). Synced so that the read succeeds.
    description = traitlets.Unicode("").tag(sync=True)

    def __init__(self, figure: Figure, lang: str | None = None, **kwargs: Any):
        super().__init__(format="png", **kwargs)
        self._fallback_name = message("app.common.chart_name", app_language(lang))
        self.figure = at_display_density(figure)
        if figure.canvas is None or not isinstance(figure.canvas, FigureCanvasAgg):
            FigureCanvasAgg(figure)
        # Shown at the width it is drawn for (its image has PIXEL_DENSITY times the pixels),
        # never stretched; narrower only where the page is narrower. No side margins, so
        # that 100% is the output's width and no scroll bar appears under a chart.
        self.layout.max_width = "100%"
        self.layout.height = "auto"
        self.layout.margin = "2px 0"
        self.add_class("it-chart")
        self._dynamic: tuple[Artist, ...] = ()
        self._background: np.ndarray | None = None
        self._background_key: tuple | None = None
        # Where each dynamic artist was drawn on the canvas (pixel rows and columns), while
        # the canvas still holds the frame last shown; None once anything else drew on it.
        self._drawn: dict[int, _Rect] | None = None
        self._watched_canvas: Any = None
        self._wraps: dict[int, bool] = {}
        self.refresh()

    def redraw_only(self, *artists: Artist) -> None:
        """From now on, draw only ``artists`` on each refresh, over the rest drawn once.

        ``artists`` must hold everything a control changes, and every artist drawn above one
        of them where they overlap (a spine or a reference line crossing a bar): the static
        part is drawn beneath them all. Call :meth:`static_changed` after changing anything
        else (limits, tick labels). Call it after ``freeze_layout``: the axes must not move.
        """
        for artist in self._dynamic:
            artist.set_animated(False)
        for artist in artists:
            artist.set_animated(True)
        self._dynamic = tuple(sorted(artists, key=_draw_order))
        self.static_changed()
        self.refresh()

    def static_changed(self) -> None:
        """Something outside the :meth:`redraw_only` artists changed: redraw it all next time."""
        self._background = None
        self._drawn = None

    def refresh(self) -> None:
        """Draw the figure on its Agg canvas and set the PNG bytes.

        Not ``savefig``: with any layout engine set (even the placeholder left by
        ``freeze_layout``) it draws the whole figure twice, and it builds a fresh renderer for
        the first pass. Drawing on the canvas reuses its renderer and still runs an active
        layout engine (constrained layout at the first draw). Fast PNG compression: encoding
        dominated redraw time at the default level.
        """
        canvas = self.figure.canvas
        stale = [artist for artist in self._dynamic if artist.stale]
        fit_titles(self.figure)  # a title set on the fly wraps instead of running off
        # Measuring a title marks it stale (matplotlib sets its rotation mode, the same each
        # time); a change of its wrapping is seen by ``_redraw_changed``.
        for artist in self._dynamic:
            artist.stale = artist in stale
        if not self._dynamic:
            canvas.draw()
        else:
            if canvas is not self._watched_canvas:
                # Any full draw of the canvas (ours, a savefig) replaces the frame shown.
                canvas.mpl_connect("draw_event", self._canvas_drawn)
                self._watched_canvas = canvas
                self._drawn = None
            key = (*canvas.get_width_height(physical=True), self.figure.dpi)
            if self._background is None or key != self._background_key:
                canvas.draw()  # everything but the dynamic artists
                self._background = np.asarray(canvas.buffer_rgba()).copy()
                self._background_key = key
            if self._drawn is None:
                np.copyto(np.asarray(canvas.buffer_rgba()), self._background)
                self._drawn = {id(artist): self._extent(artist) for artist in self._dynamic}
                self._draw_dynamic(self._dynamic)
            else:
                self._redraw_changed()
        width = f"{css_width(self.figure)}px"
        if self.layout.width != width:
            self.layout.width = width
        name = chart_name(self.figure) or self._fallback_name
        if self.tooltip != name:
            self.tooltip = name
        self.value = png_bytes(self.figure)

    @property
    def accessible_name(self) -> str:
        """What a screen reader announces for the chart (the image's ``title``)."""
        return self.tooltip or ""

    def full_redraw_pixels(self) -> np.ndarray:
        """The figure's pixels drawn whole, as without :meth:`redraw_only` (for tests that
        check the dynamic artists were chosen right); the shown image is left as it is."""
        for artist in self._dynamic:
            artist.set_animated(False)
        try:
            self._drawn = None  # the canvas no longer holds the frame shown
            self.figure.canvas.draw()
            pixels = np.asarray(self.figure.canvas.buffer_rgba()).copy()
        finally:
            for artist in self._dynamic:
                artist.set_animated(True)
        return pixels


    # --- redrawing only what changed ----------------------------------------------------------
    def _canvas_drawn(self, _event: Any) -> None:
        """The whole canvas was drawn (not by :meth:`_redraw_changed`): redraw all next time."""
        self._drawn = None

    def _draw_dynamic(self, artists: Iterable[Artist]) -> None:
        for artist in artists:
            if artist.get_visible():
                self.figure.draw_artist(artist)
            artist.stale = False  # an empty text is not drawn, and stays as it is

    def _redraw_changed(self) -> None:
        """Paste the background back only where a dynamic artist changed, was or now is, and
        draw again every dynamic artist there.

        An artist changed when matplotlib marked it stale (its setters do, ``set_text`` only
        for a new text) since it was last drawn. Every artist drawn over a pasted region is
        pasted over and drawn whole, and so on until no drawn artist overlaps one (never
        clipped, never drawn twice over itself): each pixel ends as a full draw leaves it.
        """
        drawn = self._drawn
        assert drawn is not None
        redraw = [artist for artist in self._dynamic
                  if artist.stale or (isinstance(artist, Text)
                                      and artist.get_wrap() != self._wraps.get(id(artist)))]
        if not redraw:
            return
        regions = [drawn[id(artist)] for artist in redraw]
        # (before drawing: measuring a wrapped text sets its text back, which marks it stale)
        now = {id(artist): self._extent(artist) for artist in redraw}
        regions += now.values()
        chosen = {id(artist) for artist in redraw}
        grew = True
        while grew:
            grew = False
            for artist in self._dynamic:
                rect = drawn[id(artist)]
                if id(artist) not in chosen and any(_overlap(rect, r) for r in regions):
                    chosen.add(id(artist))
                    regions.append(rect)
                    grew = True
        pixels = np.asarray(self.figure.canvas.buffer_rgba())
        for top, bottom, left, right in regions:
            pixels[top:bottom, left:right] = self._background[top:bottom, left:right]
        self._draw_dynamic(artist for artist in self._dynamic if id(artist) in chosen)
        drawn.update(now)

    def _extent(self, artist: Artist) -> _Rect:
        """The canvas pixels ``artist`` may paint (rows top-down, then columns, half-open):
        its window extent (a text as wrapped when drawn), widened by its line width and a
        margin for antialiasing and glyphs overhanging their box."""
        if isinstance(artist, Text):
            self._wraps[id(artist)] = artist.get_wrap()
        if not artist.get_visible():
            return (0, 0, 0, 0)
        height, width = self._background.shape[:2]  # type: ignore[union-attr]
        renderer = self.figure.canvas.get_renderer()
        try:
            if isinstance(artist, Text) and artist.get_wrap():
                with artist._cm_set(text=artist._get_wrapped_text()):
                    box = artist.get_window_extent(renderer)
            else:
                box = artist.get_window_extent(renderer)
            x0, y0, x1, y1 = box.extents
        except (AttributeError, RuntimeError, TypeError):  # unsure: the whole canvas
            return (0, height, 0, width)
        if not all(np.isfinite((x0, y0, x1, y1))):
            return (0, height, 0, width)
        pixels_per_point = self.figure.dpi / 72
        if isinstance(artist, Text):
            # Glyphs overhang their box by up to a fifth of the font size sideways (italics,
            # "f", "j"), and by less than a twentieth above and below.
            size = artist.get_fontsize() * pixels_per_point
            across, down = 0.25 * size + 1, 0.1 * size + 1
        else:  # a stroke's half width (a miter's at right angles), one pixel of antialiasing
            line = artist.get_linewidth() if hasattr(artist, "get_linewidth") else 0.0
            across = down = float(np.max(line) if np.size(line) else 0.0) * pixels_per_point + 2
        return (max(0, int(height - y1 - down)), min(height, int(height - y0 + down) + 1),
                max(0, int(x0 - across)), min(width, int(x1 + across) + 1))


#: Pixel rows ``[top, bottom)`` and columns ``[left, right)`` of the canvas.
_Rect = tuple[int, int, int, int]


def _overlap(a: _Rect, b: _Rect) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _draw_order(artist: Artist) -> tuple[float, int, float, int]:
    """Where a full draw paints ``artist``: its axes (in the figure's order), then its zorder
    and its place among its axes' children (ties keep that order)."""
    figure = artist.get_figure(root=False)
    top = artist.axes if artist.axes is not None else artist
    siblings = figure.get_children() if figure is not None else [top]
    children = artist.axes.get_children() if artist.axes is not None else [artist]
    return (
        top.get_zorder(),
        siblings.index(top) if top in siblings else 0,
        artist.get_zorder() if artist.axes is not None else 0.0,
        children.index(artist) if artist in children else 0,
    )


#: A title's line breaks (wrapped to the chart's width): a name is one line. Other spaces,
#: such as French no-break spaces, are kept.
_LINE_BREAKS = re.compile(r"[ \t]*\n[ \t]*")


def chart_name(figure: Figure) -> str:
    """The figure's shown titles as one line of plain text (suptitle first, then each shown
    axes' left, centre and right titles), "" when it has none: the words a sighted reader
    sees first."""
    titles = [getattr(figure, "_suptitle", None)]
    for ax in figure.axes:
        if ax.get_visible():
            titles += [ax._left_title, ax.title, ax._right_title]
    lines = [_LINE_BREAKS.sub(" ", title.get_text().replace(r"\$", "$")).strip()
             for title in titles if title is not None and title.get_visible()]
    return " · ".join(line for line in lines if line)


def png_bytes(figure: Figure) -> bytes:
    """The figure's canvas as drawn now, encoded as PNG (see :func:`encode_png`)."""
    return encode_png(np.asarray(figure.canvas.buffer_rgba()), round(figure.dpi))


#: zlib level 1: level 6 (zlib's default) took 3 to 7 times as long on the apps' charts for PNGs
#: 10 to 18% smaller; the kernel is local, so bytes cost far less than the time of a redraw.
PNG_ZLIB_LEVEL = 1


def encode_png(pixels: np.ndarray, dpi: int = 72) -> bytes:
    """``pixels`` (height x width x 4, straight RGBA bytes, as Agg draws them) as a PNG.

    Written here rather than by Pillow, which took two to three times as long on a chart
    (every redraw pays it): the same pixels, stored as RGB when every pixel is opaque (a
    quarter fewer bytes to compress, and a smaller file), RGBA otherwise, with no row filter
    (the "up" and "sub" filters gave larger files at the same speed on the charts) and fast
    zlib compression. The pixel density (``dpi``) is recorded as Pillow records it.
    """
    height, width, depth = pixels.shape
    if depth != 4 or pixels.dtype != np.uint8:
        raise ValueError(f"expected height x width x 4 bytes (RGBA), got {pixels.shape} "
                         f"{pixels.dtype}")
    opaque = bool(pixels[..., 3].min() == 255)
    channels = 3 if opaque else 4
    rows = np.empty((height, 1 + width * channels), np.uint8)
    rows[:, 0] = 0  # filter type 0 (none) at the start of every row
    if opaque:
        # One channel at a time: numpy copies a 3-of-4-bytes slice byte by byte (10x slower).
        body = rows[:, 1:].reshape(height, width, 3)
        for channel in range(3):
            body[:, :, channel] = pixels[:, :, channel]
    else:
        rows[:, 1:] = pixels.reshape(height, width * 4)
    compressor = zlib.compressobj(PNG_ZLIB_LEVEL)
    data = compressor.compress(rows) + compressor.flush()
    per_metre = int(dpi / 0.0254 + 0.5)
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", header),
        _png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        _png_chunk(b"IDAT", data),
        _png_chunk(b"IEND", b""),
    ))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC of type and data."""
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind))))


def html_table(rows: list[dict[str, Any]], columns: list[str] | None = None,
               lang: str | None = None) -> str:
    """A small escaped HTML table for app summaries."""
    if not rows:
        return f"<p><em>{html.escape(message('app.common.nothing_to_show', lang))}</em></p>"
    columns = columns or list(rows[0])
    cell = "<th style='text-align:left;padding:2px 8px'>{}</th>"
    head = "".join(cell.format(html.escape(str(c))) for c in columns)
    body = "".join(
        "<tr>" + "".join(
            f"<td style='padding:2px 8px'>{html.escape(str(r.get(c, '')))}</td>" for c in columns
        ) + "</tr>"
        for r in rows
    )
    return (f"<div style='max-width:100%;overflow-x:auto'><table><thead><tr>{head}</tr>"
            f"</thead><tbody>{body}</tbody></table></div>")


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


def app_language(lang: str | None) -> str:
    """The language an app is built in: ``lang``, or the process language when None (read
    once, at creation, so an app keeps its language whatever is set later)."""
    return get_language() if lang is None else check_language(lang)


def with_lang(factory: Callable[..., Any], *args: Any, lang: str, **kwargs: Any) -> Any:
    """Call a chart helper with ``lang=`` when it takes one (the render layer's charts gain
    the parameter one by one; an older one is called without it)."""
    try:
        takes = "lang" in inspect.signature(factory).parameters
    except (TypeError, ValueError):
        takes = False
    return factory(*args, **({**kwargs, "lang": lang} if takes else kwargs))


def language_toggle(value: str, lang: str, tooltip: str, **kwargs: Any) -> widgets.ToggleButtons:
    """A toggle between the languages that have a catalog: each option in its own language
    (its name, and the tooltip ``tooltip`` read from that language's catalog)."""
    codes = list(LANGUAGES)
    return widgets.ToggleButtons(
        options=[(language_name(code), code) for code in codes], value=value,
        description=message("app.common.language", lang),
        tooltips=[message(tooltip, code) for code in codes], **kwargs,
    )
