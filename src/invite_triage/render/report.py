"""What the command line writes from a LinkedIn export: an HTML report and decision CSVs.

The HTML report is one self-contained file (charts embedded as base64 PNG, CSS inline, no
script, no link to load), so it opens offline and can be mailed to oneself. Every piece of
text that comes from the export is escaped: a connection called ``<script>…`` stays text.
CSV files meant for a spreadsheet go through ``safe_csv``, which neutralises cells a
spreadsheet would run as a formula (CSV injection). Inputs are never modified: writing over
the export itself is refused.
"""

from __future__ import annotations

import base64
import html
import io
import math
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.dates import DateFormatter, YearLocator
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from invite_triage.analysis.network import (
    intent_summary,
    network_composition,
    network_growth,
    pending_with_intent,
)
from invite_triage.analysis.quality import network_quality
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.files import atomic_write_bytes
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import triage
from invite_triage.linkedin.export import LinkedInExport, load_export, pending_invitations
from invite_triage.render.charts import FONT_SIZE, OKABE_ITO, TITLE_SIZE, plot_composition

#: A cell starting with one of these is run by spreadsheets as a formula or a command
#: (OWASP "CSV injection"); full-width forms are read as the same by some spreadsheets.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
DECISION_COLUMNS: tuple[str, ...] = (
    "name", "url", "sent_at", "message", "checked_on_profile", "decision", "score", "reasons",
    "job", "career", "mutuals", "groups", "known", "intent",
)
#: Said before the reasons of a decision made from the export alone.
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
          ) -> tuple[Path, LinkedInExport, Profile]:
    path = Path(export_path)
    export = load_export(path)
    profile = Profile.load(profile_path) if profile_path else export.to_profile()
    return path, export, profile


# --- decisions --------------------------------------------------------------------------------


def decide_pending(
    export: LinkedInExport, profile: Profile, annotations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Triage the export's pending invitations with ``profile``: the canonical invitations
    (plus ``url``) with the engine's criteria, ``score``, ``decision`` and ``reasons``.
    Without ``annotations`` the export alone cannot show mutual connections or groups."""

    return triage(pending_invitations(export, annotations), profile)


def write_decisions(
    export_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    profile_path: str | os.PathLike[str] | None = None,
    annotations: pd.DataFrame | None = None,
) -> Path:
    """Decisions for the pending invitations of an export, as a spreadsheet-safe CSV."""
    path, export, profile = _load(export_path, profile_path)
    out = Path(out_path)
    _refuse_overwriting_input(out, path, export, profile_path)
    decided = decide_pending(export, profile, annotations)
    columns = [c for c in DECISION_COLUMNS if c in decided.columns]
    table = decided[columns].sort_values("sent_at", ascending=False, kind="stable")
    numbers = [c for c in columns if pd.api.types.is_float_dtype(table[c])]
    table[numbers] = table[numbers].round(3)
    if "checked_on_profile" in table.columns:
        unchecked = ~table["checked_on_profile"].astype(bool)
        table["reasons"] = table["reasons"].astype(object).where(
            ~unchecked, FIRST_GUESS + table["reasons"].astype(str)
        )
    return safe_csv(table.reset_index(drop=True), out)


# --- charts not in charts.py: they describe an export, not a policy ---------------------------


def plot_network_growth(growth: pd.DataFrame, fig: Figure | None = None) -> Figure:
    """Size of your network and its estimated relevant share as it grew (``network_growth``)."""

    fig = Figure(figsize=(11.0, 5.5), layout="constrained") if fig is None else fig
    fig.clear()
    size_ax, share_ax = fig.subplots(1, 2)
    size_ax.plot(growth["month"], growth["size"], color=OKABE_ITO["blue"], lw=2.5)
    share_ax.plot(growth["month"], growth["relevance_share"], color=OKABE_ITO["vermillion"],
                  lw=2.5, ls="--")
    size_ax.set_ylabel("connections", fontsize=FONT_SIZE)
    share_ax.set_ylabel("in fields that matter to you (estimate)", fontsize=FONT_SIZE)
    share_ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    share_ax.set_ylim(0, 1.05)
    size_ax.set_ylim(bottom=0)
    for ax in (size_ax, share_ax):
        ax.tick_params(labelsize=FONT_SIZE - 1)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(True, color="#dddddd")
        ax.xaxis.set_major_locator(YearLocator())
        ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    fig.suptitle(growth_finding(growth), fontsize=TITLE_SIZE, x=0.02, ha="left")
    return fig


def growth_finding(growth: pd.DataFrame) -> str:
    """One sentence: how size and relevance moved between the first and the last year."""
    if growth.empty:
        return "No dated connections"
    first = growth.iloc[min(11, len(growth) - 1)]
    last = growth.iloc[-1]
    return (f"From {first['size']:,.0f} to {last['size']:,.0f} connections; relevant share "
            f"{_pct(first['relevance_share'])} after the first year, "
            f"{_pct(last['relevance_share'])} now").replace("$", r"\$")


def plot_pending_intents(summary: pd.DataFrame, fig: Figure | None = None) -> Figure:
    """How many pending invitations carry each kind of note (``intent_summary``)."""

    fig = Figure(figsize=(9.0, 4.0), layout="constrained") if fig is None else fig
    fig.clear()
    ax = fig.add_subplot()
    colours = [OKABE_ITO[c] for c in ("green", "sky_blue", "orange", "vermillion")]
    y = np.arange(len(summary))[::-1]
    ax.barh(y, summary["pending"], color=colours[: len(summary)], height=0.6)
    ax.set_yticks(y, [str(v) for v in summary["intent"]])
    for yi, value in zip(y, summary["pending"], strict=True):
        ax.text(value, yi, f" {int(value)}", va="center", fontsize=FONT_SIZE - 1)
    ax.set_xlabel("pending invitations", fontsize=FONT_SIZE)
    ax.tick_params(labelsize=FONT_SIZE - 1)
    ax.spines[["top", "right"]].set_visible(False)
    total = int(summary["pending"].sum())
    empty = int(summary.loc[summary["intent"].eq("empty"), "pending"].sum())
    ax.set_title(f"{empty} of {total} pending invitations came without a note",
                 fontsize=TITLE_SIZE, loc="left")
    return fig


def figure_png_base64(fig: Figure, dpi: int = 80) -> str:
    """The figure as a base64 PNG, to embed in a self-contained page."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


# --- HTML -------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _pct(value: float) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else f"{value:.0%}"


def _format(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else value.strftime("%Y-%m-%d")
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else f"{value:.2f}"
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


def html_table(
    df: pd.DataFrame, caption: str, columns: Mapping[str, str] | None = None,
    limit: int = _ROWS_SHOWN, formats: Mapping[str, Callable[[object], str]] | None = None,
) -> str:
    """An escaped HTML table of ``df`` (``columns``: column → heading; ``formats``: column →
    function making the cell's text), at most ``limit`` rows."""
    columns = dict(columns or {c: c for c in df.columns})
    formats = dict(formats or {})
    head = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in columns.values())
    body = []
    for record in df[list(columns)].head(limit).itertuples(index=False):
        cells = []
        for column, value in zip(columns, record, strict=True):
            numeric = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
                value, bool)
            css = ' class="num"' if numeric else ""
            text = formats.get(column, _format)(value)
            cells.append(f"<td{css}>{_e(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="meta">{_e(f"{len(df) - limit:,} more rows not shown.")}</p>'
            if len(df) > limit else "")
    return (f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>{more}")


def _figure(fig: Figure, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{figure_png_base64(fig)}">'


def _section(title: str, *parts: str) -> str:
    return f"<section><h2>{_e(title)}</h2>{''.join(parts)}</section>"


def _p(text: str, css: str = "") -> str:
    attribute = f' class="{_e(css)}"' if css else ""
    return f"<p{attribute}>{_e(text)}</p>"


def _summary(export: LinkedInExport) -> pd.DataFrame:
    def count(frame: pd.DataFrame | None) -> str:
        return "not in the export" if frame is None else f"{len(frame):,}"

    invs = export.invitations
    incoming = outgoing = "not in the export"
    if invs is not None:
        incoming = f"{int(invs['direction'].eq('INCOMING').sum()):,}"
        outgoing = f"{int(invs['direction'].eq('OUTGOING').sum()):,}"
    people = export.correspondents()
    return pd.DataFrame({
        "what": ["connections", "invitations received", "invitations sent",
                 "pending invitations (sender not among your connections)",
                 "people you exchanged messages with", "your groups"],
        "count": [count(export.connections), incoming, outgoing, count(export.pending),
                  "not in the export" if export.messages is None
                  else f"{int(people['exchanged'].sum()):,}", count(export.groups)],
    })


def _profile_section(profile: Profile) -> str:
    weights = profile.family_weights()
    rows = pd.DataFrame({
        "field": ["name", "title", "job family", "families that matter to you", "goals",
                  "groups", "people you know (from messages)", "policy"],
        "value": [profile.name, profile.title, profile.family,
                  ", ".join(f"{f} ({weights[f]:.1f})" for f in profile.relevant_families),
                  ", ".join(profile.goals), "; ".join(profile.groups) or "none",
                  f"{len(profile.known_people)}", profile.policy],
    })
    return _section(
        "The profile used",
        _p("Relevance depends on who you are: the report uses this profile, read from your "
           "export unless you gave one with --profile."),
        html_table(rows, "Your profile"),
    )


def _quality_rows(metrics: pd.DataFrame) -> pd.DataFrame:
    """Each metric in its own unit: counts as whole numbers, shares as percentages."""
    shown = []
    for metric, row in metrics.iterrows():
        value = float(row["estimate"])
        if math.isnan(value):
            text = "unknown"
        elif metric in ("relevance_share", "feed_noise"):
            text = _pct(value)
        else:
            text = f"{value:,.0f}"
        shown.append({"metric": str(metric).replace("_", " "), "estimate": text,
                      "meaning": row["meaning"]})
    return pd.DataFrame(shown)


def _network_sections(export: LinkedInExport, profile: Profile) -> list[str]:

    connections = export.connections
    if connections is None or connections.empty:
        return [_section("Your network", _p("No Connections.csv in this export."))]
    composition = network_composition(connections, profile)
    by_family = (composition.groupby("family")[["connections", "share"]].sum()
                 .sort_values("connections", ascending=False, kind="stable").reset_index())
    percent = {"share": _pct, "relevance_share": _pct}
    quality = network_quality(connections, profile)
    growth = network_growth(connections, profile)
    parts = [
        _section(
            "What your network is made of",
            _p("Job families are read from each connection's current position (Connections.csv "
               "gives the position at export time, not when you connected)."),
            _figure(plot_composition(connections, profile),
                    "Bar chart: share of your connections in each job family"),
            html_table(by_family, "Connections by job family",
                       {"family": "job family", "connections": "connections", "share": "share"},
                       formats=percent),
            html_table(composition, "Connections by job family and seniority",
                       {"family": "job family", "seniority": "seniority",
                        "connections": "connections", "share": "share"}, formats=percent),
        ),
        _section(
            "Quality of your network",
            _p(quality.summary),
            html_table(_quality_rows(quality.to_frame()), "Quality metrics (estimates)"),
        ),
    ]
    if not growth.empty:
        yearly = growth.groupby(growth["month"].dt.year).last().reset_index(drop=True)
        yearly = yearly.assign(year=yearly["month"].dt.year)
        parts.append(_section(
            "How its quality evolved as it grew",
            _figure(plot_network_growth(growth),
                    "Line charts: network size and estimated relevant share, month by month"),
            html_table(yearly, "At the end of each year",
                       {"year": "year", "size": "connections",
                        "relevance_share": "relevant share (estimate)",
                        "mean_weight": "mean family weight"}, formats=percent),
        ))
    return parts


def _pending_section(export: LinkedInExport, profile: Profile,
                     annotations: pd.DataFrame | None) -> str:
    if export.pending is None:
        return _section("Pending invitations", _p("No Invitations.csv in this export."))
    summary = intent_summary(export)
    decided = decide_pending(export, profile, annotations)
    notes = pending_with_intent(export)
    table = notes.merge(
        decided[["name", "sent_at", "decision", "score", "reasons"]].drop_duplicates(
            ["name", "sent_at"]),
        on=["name", "sent_at"], how="left",
    )
    return _section(
        "Pending invitations",
        _p("Incoming invitations whose sender is not among your connections: still waiting, "
           "or ignored. The export never says which mutual connections or groups you share "
           "with them, so these first decisions rest on the note and what your profile knows; "
           "fill in the rest in the guide's 'your own data' notebook to refine them.",
           "note"),
        _figure(plot_pending_intents(summary), "Bar chart: pending invitations by kind of note"),
        html_table(summary, "What their notes say",
                   {"intent": "kind of note", "pending": "invitations", "share": "share"},
                   formats={"share": _pct}),
        html_table(table, "Pending invitations, newest first",
                   {"name": "from", "sent_at": "sent", "intent": "note", "message": "message",
                    "decision": "first decision", "reasons": "why"}),
    )


def _people_section(export: LinkedInExport) -> str:
    if export.messages is None:
        return _section("People you talk with", _p("No messages.csv in this export."))
    people = export.correspondents()
    talked = people[people["exchanged"]]
    return _section(
        "People you talk with",
        _p("Messages both ways are the strongest sign of a real relationship the export "
           "holds; their names are your profile's 'known people'."),
        html_table(talked, "People you exchanged messages with",
                   {"name": "name", "sent": "sent", "received": "received",
                    "last_at": "last message"}),
    )


def render_report(
    export: LinkedInExport, profile: Profile, annotations: pd.DataFrame | None = None
) -> str:
    """The whole report as one HTML string (also handy in a notebook: ``HTML(...)``).
    ``annotations`` (``annotations.load_annotations()``) refine the pending decisions."""
    notes = "".join(f"<li>{_e(n)}</li>" for n in export.notes)
    sections = [
        _section("In numbers", html_table(_summary(export), "Your export in numbers")),
        _section("Good to know", f"<ul>{notes}</ul>") if notes else "",
        _profile_section(profile),
        *_network_sections(export, profile),
        _pending_section(export, profile, annotations),
        _people_section(export),
    ]
    source = Path(export.source).name if export.source else "your export"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(f'Invite Triage report: {profile.name}')}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{_e(f'Your LinkedIn network, seen by Invite Triage ({profile.name})')}</h1>"
        + _p(f"Made from {source} on this computer; nothing was sent anywhere. Criteria "
             "after the \"My Marketing Manager\" blog's advice on LinkedIn invitations.", "meta")
        + "".join(sections)
        + "</body></html>\n"
    )


def write_report(
    export_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    profile_path: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the self-contained HTML report of an export (overwrites an older report, never
    the export)."""
    path, export, profile = _load(export_path, profile_path)
    out = Path(out_path)
    _refuse_overwriting_input(out, path, export, profile_path)
    return _atomic_write(out, render_report(export, profile).encode("utf-8"))
