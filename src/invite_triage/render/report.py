"""What the command line writes from a LinkedIn export: an HTML report and decision CSVs.

The HTML report is one self-contained file (charts embedded as base64 PNG, CSS inline, no
script, no link to load), so it opens offline and can be mailed to oneself. Its charts are
drawn at the apps' density and shown at their 1x size, sharp on a 2x screen; a palette keeps
them light. Every piece of text that comes from the export is escaped: a connection called
``<script>…`` stays text. CSV files meant for a spreadsheet go through ``safe_csv``, which
neutralises cells a spreadsheet would run as a formula (CSV injection). Inputs are never
modified: writing over the export itself is refused.
"""

from __future__ import annotations

import base64
import dataclasses
import html
import io
import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import PIL.Image
from matplotlib.figure import Figure

from invite_triage.analysis.network import (
    intent_summary,
    network_composition,
    network_growth,
    pending_with_intent,
)
from invite_triage.analysis.quality import network_quality
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.files import atomic_write_bytes
from invite_triage.core.formats import date as _date
from invite_triage.core.i18n import label, message
from invite_triage.domain.intent import KINDS
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import triage
from invite_triage.linkedin.export import LinkedInExport, load_export, pending_invitations
from invite_triage.render.charts import FONT_SIZE, OKABE_ITO, TITLE_SIZE, plot_composition
from invite_triage.render.style import CSS_DPI, FIGURE_DPI
from invite_triage.render.texts import (
    date_axis,
    decision_name,
    family_name,
    fit_title,
    language,
    num,
    number_axis,
    pct,
    percent_axis,
    seniority_name,
)

#: A cell starting with one of these is run by spreadsheets as a formula or a command
#: (OWASP "CSV injection"); full-width forms are read as the same by some spreadsheets.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
DECISION_COLUMNS: tuple[str, ...] = (
    "name", "url", "sent_at", "message", "checked_on_profile", "decision", "score", "reasons",
    "job", "career", "mutuals", "groups", "known", "intent",
)
#: Said before the reasons of a decision made from the export alone (English; the CSV
#: uses ``message("report.first_guess", lang)``).
FIRST_GUESS = "First guess from the export alone (check their profile page): "
_ROWS_SHOWN = 50
_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;
padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.8rem}h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:2px solid #0072B2}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem;width:100%}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef4fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto}.note{background:#fff8e1;border-left:4px solid #E69F00;
padding:.5rem .8rem}.meta{color:#555}
"""


# --- spreadsheet-safe CSV ---------------------------------------------------------------------


def neutralise_formulas(values: pd.Series) -> pd.Series:
    """Prefix an apostrophe to text a spreadsheet would run (``=HYPERLINK(…)``, ``+1``, …)."""
    text = values.astype(object).where(values.notna(), "").astype(str)
    risky = text.str.startswith(FORMULA_STARTS)
    return text.where(~risky, "'" + text)


def _cell_text(column: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(column):
        return column.dt.strftime("%Y-%m-%d %H:%M").fillna("")
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_numeric_dtype(column):
        return column
    return column.map(
        lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v
    )


def safe_csv(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``df`` as a CSV a spreadsheet opens safely: formula-like text cells (and column
    names) start with an apostrophe, lists are ``; ``-joined, dates ``YYYY-MM-DD HH:MM``,
    UTF-8 with BOM so accents survive Excel. Numbers stay numbers. Written atomically."""
    out = pd.DataFrame(index=df.index)
    for column in df.columns:
        values = _cell_text(df[column])
        if not (pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values)):
            values = neutralise_formulas(values)
        out[column] = values
    out.columns = neutralise_formulas(pd.Series([str(c) for c in df.columns])).tolist()
    text = out.to_csv(index=False, lineterminator="\r\n")
    return _atomic_write(Path(path), text.encode("utf-8-sig"))


def _atomic_write(path: Path, data: bytes) -> Path:
    """Write ``data`` at ``path`` (never half-written); a folder is not a file name."""
    if path.is_dir():
        raise InvalidInputError("this is a folder", ["expected a file name to write"], str(path))
    return atomic_write_bytes(path, data)


def _refuse_overwriting_input(out: Path, export_path: Path, export: LinkedInExport,
                              *others: str | os.PathLike[str] | None) -> None:
    """The learner's export is irreplaceable (LinkedIn takes a day to make a new one); their
    profile JSON (``others``) is not to be turned into a report either."""
    target = out.resolve()
    inputs = {export_path.resolve()} | {Path(o).resolve() for o in others if o}
    inputs |= {Path(f).resolve() for f in export.files.values() if Path(f).exists()}
    if target in inputs:
        raise InvalidInputError(
            "refusing to overwrite the LinkedIn export",
            [f"--out {out} is the export itself (or one of its files, or the profile); "
             "choose another file"],
            str(export_path),
        )


def _load(export_path: str | os.PathLike[str], profile_path: str | os.PathLike[str] | None,
          lang: str | None = None) -> tuple[Path, LinkedInExport, Profile]:
    path = Path(export_path)
    export = load_export(path, lang=lang)  # its errors and notes in the report's language
    profile = Profile.load(profile_path) if profile_path else export.to_profile()
    return path, export, profile


def _in_language(profile: Profile, lang: str) -> Profile:
    """The profile with its reasons in the report's language: an English report explains
    its decisions in English, whatever language the export or the profile was written in."""
    return profile if profile.language == lang else dataclasses.replace(profile, language=lang)


# --- decisions --------------------------------------------------------------------------------


def decide_pending(
    export: LinkedInExport, profile: Profile, annotations: pd.DataFrame | None = None,
    lang: str | None = None,
) -> pd.DataFrame:
    """Triage the export's pending invitations with ``profile``: the canonical invitations
    (plus ``url``) with the engine's criteria, ``score``, ``decision`` and ``reasons``
    (in ``lang``; None: the profile's language). Without ``annotations`` the export alone
    cannot show mutual connections or groups."""
    if lang is not None:
        profile = _in_language(profile, language(lang))
    return triage(pending_invitations(export, annotations), profile)


def write_decisions(
    export_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    profile_path: str | os.PathLike[str] | None = None,
    annotations: pd.DataFrame | None = None,
    lang: str | None = None,
) -> Path:
    """Decisions for the pending invitations of an export, as a spreadsheet-safe CSV; the
    reasons in ``lang`` (None: the current language). Column names and decisions stay keys,
    for a spreadsheet's formulas."""
    lang = language(lang)
    path, export, profile = _load(export_path, profile_path, lang)
    out = Path(out_path)
    _refuse_overwriting_input(out, path, export, profile_path)
    decided = decide_pending(export, profile, annotations, lang)
    columns = [c for c in DECISION_COLUMNS if c in decided.columns]
    table = decided[columns].sort_values("sent_at", ascending=False, kind="stable")
    numbers = [c for c in columns if pd.api.types.is_float_dtype(table[c])]
    table[numbers] = table[numbers].round(3)
    if "checked_on_profile" in table.columns:
        unchecked = ~table["checked_on_profile"].astype(bool)
        table["reasons"] = table["reasons"].astype(object).where(
            ~unchecked, message("report.first_guess", lang) + table["reasons"].astype(str)
        )
    return safe_csv(table.reset_index(drop=True), out)


# --- charts not in charts.py: they describe an export, not a policy ---------------------------


def plot_network_growth(growth: pd.DataFrame, fig: Figure | None = None,
                        lang: str | None = None) -> Figure:
    """Size of your network and its estimated relevant share as it grew (``network_growth``);
    words, numbers and month names in ``lang``."""
    lang = language(lang)
    fig = Figure(figsize=(10.0, 5.5), layout="constrained") if fig is None else fig
    fig.clear()
    size_ax, share_ax = fig.subplots(1, 2)
    size_ax.plot(growth["month"], growth["size"], color=OKABE_ITO["blue"], lw=2.5)
    share_ax.plot(growth["month"], growth["relevance_share"], color=OKABE_ITO["vermillion"],
                  lw=2.5, ls="--")
    size_ax.set_ylabel(message("report.growth.size_axis", lang), fontsize=FONT_SIZE)
    share_ax.set_ylabel(fit_title(message("report.growth.share_axis", lang), 3.6, FONT_SIZE),
                        fontsize=FONT_SIZE)
    percent_axis(share_ax.yaxis, lang)
    share_ax.set_ylim(0, 1.05)
    size_ax.set_ylim(bottom=0)
    number_axis(size_ax.yaxis, lang)
    for ax in (size_ax, share_ax):
        ax.tick_params(labelsize=FONT_SIZE - 1)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(True, color="#dddddd")
        date_axis(ax.xaxis, lang)
    fig.suptitle(fit_title(growth_finding(growth, lang), fig.get_figwidth() * 0.95, TITLE_SIZE),
                 fontsize=TITLE_SIZE, x=0.02, ha="left")
    return fig


def growth_finding(growth: pd.DataFrame, lang: str | None = None) -> str:
    """One sentence: how size and relevance moved between the first and the last year."""
    if growth.empty:
        return message("report.growth.empty", lang)
    first = growth.iloc[min(11, len(growth) - 1)]
    last = growth.iloc[-1]
    return message("report.growth.title", lang, first=num(first["size"], lang),
                   last=num(last["size"], lang),
                   first_share=pct(first["relevance_share"], lang),
                   last_share=pct(last["relevance_share"], lang)).replace("$", r"\$")


def plot_pending_intents(summary: pd.DataFrame, fig: Figure | None = None,
                         lang: str | None = None) -> Figure:
    """How many pending invitations carry each kind of note (``intent_summary``); words in
    ``lang``."""
    lang = language(lang)
    fig = Figure(figsize=(9.0, 4.0), layout="constrained") if fig is None else fig
    fig.clear()
    ax = fig.add_subplot()
    colours = [OKABE_ITO[c] for c in ("green", "sky_blue", "orange", "vermillion")]
    y = np.arange(len(summary))[::-1]
    ax.barh(y, summary["pending"], color=colours[: len(summary)], height=0.6)
    ax.set_yticks(y, [_intent(v, lang) for v in summary["intent"]])
    for yi, value in zip(y, summary["pending"], strict=True):
        ax.text(value, yi, f" {num(int(value), lang)}", va="center", fontsize=FONT_SIZE - 1)
    ax.set_xlabel(message("report.intents.x_axis", lang), fontsize=FONT_SIZE)
    ax.tick_params(labelsize=FONT_SIZE - 1)
    ax.spines[["top", "right"]].set_visible(False)
    total = int(summary["pending"].sum())
    empty = int(summary.loc[summary["intent"].eq("empty"), "pending"].sum())
    title = message("report.intents.title", lang, empty=num(empty, lang), total=num(total, lang))
    ax.set_title(fit_title(title, fig.get_figwidth() * 0.75, TITLE_SIZE), fontsize=TITLE_SIZE,
                 loc="left")
    return fig


def _intent(kind: object, lang: str | None) -> str:
    """A kind of note's name in the report ("pitch" / "démarchage")."""
    return message(f"report.intent.{kind}", lang) if kind in _INTENTS else str(kind)


_INTENTS: tuple[str, ...] = KINDS


#: Colours a report chart keeps: a chart's flat colours and their anti-aliased edges fit in
#: a palette, which makes a 2x image smaller than the 1x full-colour one was.
PALETTE_COLOURS = 256


def figure_png(fig: Figure, dpi: float = FIGURE_DPI) -> bytes:
    """The figure as a palette PNG drawn at ``dpi`` (by default the apps' density: each CSS
    pixel of the chart gets ``PIXEL_DENSITY``² image pixels, sharp on a 2x screen)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    drawn = PIL.Image.open(buffer).convert("RGBA")
    flat = PIL.Image.new("RGBA", drawn.size, "white")
    flat.alpha_composite(drawn)  # a transparent background is shown on the page's white
    palette = flat.convert("RGB").quantize(PALETTE_COLOURS, method=PIL.Image.Quantize.MEDIANCUT,
                                           dither=PIL.Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="png", optimize=True, dpi=(dpi, dpi))
    return out.getvalue()


def figure_png_base64(fig: Figure, dpi: float = FIGURE_DPI) -> str:
    """The figure as a base64 PNG (``figure_png``), to embed in a self-contained page."""
    return base64.b64encode(figure_png(fig, dpi)).decode("ascii")


# --- HTML -------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _formatter(lang: str | None) -> Callable[[object], str]:
    """The default text of a cell in ``lang``: dates in words, decimals with the language's
    separator, lists joined."""

    def show(value: object) -> str:
        if isinstance(value, pd.Timestamp):
            return "" if pd.isna(value) else _date(value.to_pydatetime(), lang)
        if isinstance(value, (float, np.floating)):
            return "" if math.isnan(value) else num(float(value), lang, 2)
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return num(int(value), lang)
        if isinstance(value, (list, tuple, np.ndarray)):
            return "; ".join(map(str, value))
        return "" if value is None else str(value)

    return show


def html_table(
    df: pd.DataFrame, caption: str, columns: Mapping[str, str] | None = None,
    limit: int = _ROWS_SHOWN, formats: Mapping[str, Callable[[object], str]] | None = None,
    lang: str | None = None,
) -> str:
    """An escaped HTML table of ``df`` (``columns``: column → heading; ``formats``: column →
    function making the cell's text), at most ``limit`` rows; numbers, dates and the "more
    rows" line in ``lang``."""
    lang = language(lang)
    columns = dict(columns or {c: c for c in df.columns})
    formats = dict(formats or {})
    default = _formatter(lang)
    head = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in columns.values())
    body = []
    for record in df[list(columns)].head(limit).itertuples(index=False):
        cells = []
        for column, value in zip(columns, record, strict=True):
            numeric = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
                value, bool)
            css = ' class="num"' if numeric else ""
            text = formats.get(column, default)(value)
            cells.append(f"<td{css}>{_e(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if len(df) > limit:
        hidden = message("report.more_rows", lang, n=num(len(df) - limit, lang))
        more = f'<p class="meta">{_e(hidden)}</p>'
    return (f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>{more}")


def _figure(fig: Figure, alt: str) -> str:
    """An ``<img>`` of ``fig`` drawn at ``FIGURE_DPI`` and shown at its 1x size (``CSS_DPI``
    CSS pixels per inch, as in the apps): never stretched, narrower only where the page is
    (``max-width``), its height following. ``alt`` says what the chart shows."""
    png = figure_png(fig, FIGURE_DPI)
    with PIL.Image.open(io.BytesIO(png)) as image:
        width, height = (round(side * CSS_DPI / FIGURE_DPI) for side in image.size)
    data = base64.b64encode(png).decode("ascii")
    return (f'<img alt="{_e(alt)}" width="{width}" height="{height}" '
            f'style="width:{width}px;max-width:100%;height:auto" '
            f'src="data:image/png;base64,{data}">')


def _section(title: str, *parts: str) -> str:
    return f"<section><h2>{_e(title)}</h2>{''.join(parts)}</section>"


def _p(text: str, css: str = "") -> str:
    attribute = f' class="{_e(css)}"' if css else ""
    return f"<p{attribute}>{_e(text)}</p>"


class _Words:
    """The report's texts in one language: ``w("heading.numbers")`` is msgid
    ``report.heading.numbers``."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, key: str, **fields: object) -> str:
        return message(f"report.{key}", self.lang, **fields)


def _summary(export: LinkedInExport, w: _Words) -> pd.DataFrame:
    absent = w("summary.absent")

    def count(frame: pd.DataFrame | None) -> str:
        return absent if frame is None else num(len(frame), w.lang)

    invs = export.invitations
    incoming = outgoing = absent
    if invs is not None:
        incoming = num(int(invs["direction"].eq("INCOMING").sum()), w.lang)
        outgoing = num(int(invs["direction"].eq("OUTGOING").sum()), w.lang)
    people = export.correspondents()
    rows = ("connections", "received", "sent", "pending", "talked", "groups")
    return pd.DataFrame({
        "what": [w(f"summary.{row}") for row in rows],
        "count": [count(export.connections), incoming, outgoing, count(export.pending),
                  absent if export.messages is None
                  else num(int(people["exchanged"].sum()), w.lang), count(export.groups)],
    })


def _profile_section(profile: Profile, w: _Words) -> str:
    weights = profile.family_weights()
    lang = w.lang
    fields = ("name", "title", "family", "relevant_families", "goals", "groups", "known",
              "policy")
    rows = pd.DataFrame({
        "field": [w(f"profile.{f}") for f in fields],
        "value": [profile.name, profile.title, family_name(profile.family, lang),
                  ", ".join(f"{family_name(f, lang)} ({num(weights[f], lang, 1)})"
                            for f in profile.relevant_families),
                  ", ".join(label("goal", g, lang) for g in profile.goals),
                  "; ".join(profile.groups) or w("profile.none"),
                  num(len(profile.known_people), lang), label("policy", profile.policy, lang)],
    })
    return _section(
        w("heading.profile"),
        _p(w("profile.intro")),
        html_table(rows, w("profile.caption"), {"field": w("column.field"),
                                                "value": w("column.value")}, lang=lang),
    )


def _quality_rows(metrics: pd.DataFrame, w: _Words) -> pd.DataFrame:
    """Each metric in its own unit: counts as whole numbers, shares as percentages."""
    shown = []
    for metric, row in metrics.iterrows():
        value = float(row["estimate"])
        if math.isnan(value):
            text = w("quality.unknown")
        elif metric in ("relevance_share", "feed_noise"):
            text = pct(value, w.lang)
        else:
            text = num(value, w.lang)
        shown.append({"metric": w(f"metric.{metric}"), "estimate": text,
                      "meaning": row["meaning"]})
    return pd.DataFrame(shown)


def _network_sections(export: LinkedInExport, profile: Profile, w: _Words) -> list[str]:
    lang = w.lang
    connections = export.connections
    if connections is None or connections.empty:
        return [_section(w("heading.network"), _p(w("network.none")))]
    composition = network_composition(connections, profile)
    by_family = (composition.groupby("family")[["connections", "share"]].sum()
                 .sort_values("connections", ascending=False, kind="stable").reset_index())
    percent = {"share": lambda v: pct(v, lang), "relevance_share": lambda v: pct(v, lang),
               "family": lambda v: family_name(v, lang),
               "seniority": lambda v: seniority_name(v, lang)}
    quality = network_quality(connections, profile, lang)
    growth = network_growth(connections, profile)
    columns = {"family": w("column.family"), "connections": w("column.connections"),
               "share": w("column.share")}
    parts = [
        _section(
            w("heading.composition"),
            _p(w("composition.intro")),
            _figure(plot_composition(connections, profile, lang=lang), w("composition.alt")),
            html_table(by_family, w("composition.by_family"), columns, formats=percent,
                       lang=lang),
            html_table(composition, w("composition.by_family_seniority"),
                       {"family": w("column.family"), "seniority": w("column.seniority"),
                        "connections": w("column.connections"), "share": w("column.share")},
                       formats=percent, lang=lang),
        ),
        _section(
            w("heading.quality"),
            _p(quality.summary),
            html_table(_quality_rows(quality.to_frame(lang), w), w("quality.caption"),
                       {"metric": w("column.metric"), "estimate": w("column.estimate"),
                        "meaning": w("column.meaning")}, lang=lang),
        ),
    ]
    if not growth.empty:
        yearly = growth.groupby(growth["month"].dt.year).last().reset_index(drop=True)
        yearly = yearly.assign(year=yearly["month"].dt.year.astype(str))
        parts.append(_section(
            w("heading.growth"),
            _figure(plot_network_growth(growth, lang=lang), w("growth.alt")),
            html_table(yearly, w("growth.caption"),
                       {"year": w("column.year"), "size": w("column.connections"),
                        "relevance_share": w("column.relevant_share"),
                        "mean_weight": w("column.mean_weight")}, formats=percent, lang=lang),
        ))
    return parts


def _pending_section(export: LinkedInExport, profile: Profile,
                     annotations: pd.DataFrame | None, w: _Words) -> str:
    lang = w.lang
    if export.pending is None:
        return _section(w("heading.pending"), _p(w("pending.none")))
    summary = intent_summary(export)
    decided = decide_pending(export, profile, annotations, lang)
    notes = pending_with_intent(export)
    table = notes.merge(
        decided[["name", "sent_at", "decision", "score", "reasons"]].drop_duplicates(
            ["name", "sent_at"]),
        on=["name", "sent_at"], how="left",
    )
    kinds = {"intent": lambda v: _intent(v, lang)}
    return _section(
        w("heading.pending"),
        _p(w("pending.intro"), "note"),
        _figure(plot_pending_intents(summary, lang=lang), w("pending.alt")),
        html_table(summary, w("pending.notes_caption"),
                   {"intent": w("column.kind_of_note"), "pending": w("column.invitations"),
                    "share": w("column.share")},
                   formats={**kinds, "share": lambda v: pct(v, lang)}, lang=lang),
        html_table(table, w("pending.caption"),
                   {"name": w("column.from"), "sent_at": w("column.sent"),
                    "intent": w("column.note"), "message": w("column.message"),
                    "decision": w("column.decision"), "reasons": w("column.why")},
                   formats={**kinds, "decision": lambda v: _decision(v, lang)}, lang=lang),
    )


def _decision(value: object, lang: str) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else decision_name(value, lang)


def _people_section(export: LinkedInExport, w: _Words) -> str:
    if export.messages is None:
        return _section(w("heading.people"), _p(w("people.none")))
    people = export.correspondents()
    talked = people[people["exchanged"]]
    return _section(
        w("heading.people"),
        _p(w("people.intro")),
        html_table(talked, w("people.caption"),
                   {"name": w("column.name"), "sent": w("column.sent_count"),
                    "received": w("column.received"), "last_at": w("column.last_message")},
                   lang=w.lang),
    )


def render_report(
    export: LinkedInExport, profile: Profile, annotations: pd.DataFrame | None = None,
    lang: str | None = None,
) -> str:
    """The whole report as one HTML string (also handy in a notebook: ``HTML(...)``), in
    ``lang`` (None: the current language), decisions' reasons included.
    ``annotations`` (``annotations.load_annotations()``) refine the pending decisions."""
    w = _Words(language(lang))
    profile = _in_language(profile, w.lang)
    notes = "".join(f"<li>{_e(n)}</li>" for n in export.notes)
    sections = [
        _section(w("heading.numbers"),
                 html_table(_summary(export, w), w("summary.caption"),
                            {"what": w("column.what"), "count": w("column.count")},
                            lang=w.lang)),
        _section(w("heading.good_to_know"), f"<ul>{notes}</ul>") if notes else "",
        _profile_section(profile, w),
        *_network_sections(export, profile, w),
        _pending_section(export, profile, annotations, w),
        _people_section(export, w),
    ]
    source = Path(export.source).name if export.source else w("meta.your_export")
    return (
        f"<!DOCTYPE html>\n<html lang=\"{_e(w.lang)}\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(w('title', name=profile.name))}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{_e(w('h1', name=profile.name))}</h1>"
        + _p(w("meta.made_from", source=source), "meta")
        + "".join(sections)
        + "</body></html>\n"
    )


def write_report(
    export_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    profile_path: str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> Path:
    """Write the self-contained HTML report of an export in ``lang`` (None: the current
    language); overwrites an older report, never the export."""
    lang = language(lang)
    path, export, profile = _load(export_path, profile_path, lang)
    out = Path(out_path)
    _refuse_overwriting_input(out, path, export, profile_path)
    return _atomic_write(out, render_report(export, profile, lang=lang).encode("utf-8"))
