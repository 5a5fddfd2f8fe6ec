"""The guide's charts: quality versus size, growth per policy, composition, one decision.

Every function builds a ``matplotlib.figure.Figure`` directly (never ``pyplot``), so nothing
piles up in a notebook or a widget, and accepts an existing ``fig`` to redraw in place. Colours
are the Okabe–Ito palette (safe for colour-blind readers), every line also differs by style or
marker, text is at least 12 pt for a projector, and each title states the finding, computed
from the data shown.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from invite_triage.analysis.quality import QualityCurve, contact_signals
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT, Profile
from invite_triage.domain.triage import resolve_weights
from invite_triage.render.explain import CRITERION_LABELS, contributions, decision_title
from invite_triage.render.style import CHART_FONT_SIZE as FONT_SIZE
from invite_triage.render.style import CHART_TITLE_SIZE as TITLE_SIZE
from invite_triage.render.style import FAMILY_COLOURS, OKABE_ITO
from invite_triage.render.style import plain as _plain

_SERIES_COLOURS = ("black", "blue", "vermillion", "green", "orange", "purple", "sky_blue")
_LINE_STYLES = ("-", "--", "-.", ":")
_MARKERS = ("o", "s", "D", "^", "v", "P", "X")
FIGSIZE = (10.0, 6.0)


# --- shared helpers -----------------------------------------------------------------------


def _new_figure(fig: Figure | None, figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A fresh figure, or ``fig`` emptied so a widget can redraw into the same object."""
    if fig is None:
        return Figure(figsize=figsize, layout="constrained")
    fig.clear()
    return fig


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=FONT_SIZE)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)


def _legend(ax: Axes, **kwargs: Any) -> None:
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, **kwargs)


def _pct(value: float) -> str:
    return "n/a" if value is None or math.isnan(value) else f"{value:.0%}"


def _require(df: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise InvalidInputError(f"expected a DataFrame for {what}, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidInputError(
            f"{what} is missing column(s)",
            [f"expected {', '.join(repr(c) for c in missing)}; got {list(df.columns)}"],
        )


# --- quality versus size --------------------------------------------------------------------


def _best(df: pd.DataFrame, metric: str) -> str:
    """The ground-truth column when the data has it, else the estimate."""
    truth = f"{metric}_true"
    return truth if truth in df.columns and df[truth].notna().any() else metric


def quality_title(accept_all: Mapping[str, float], chosen: Mapping[str, float],
                  relevance: str) -> str:
    """The finding of the quality-versus-size chart, in one sentence."""
    size_all, size_t = accept_all["size"], chosen["size"]
    rel_all, rel_t = accept_all[relevance], chosen[relevance]
    estimated = not relevance.endswith("_true")
    tag = " (estimated)" if estimated else ""
    if size_t == 0:
        return (f"This threshold accepts no one; accepting everyone gives {size_all:,.0f} "
                f"contacts, {_pct(rel_all)} relevant{tag}")
    ratio = size_all / size_t
    if ratio < 1.05:
        return f"This threshold accepts almost everyone: {_pct(rel_t)} relevant{tag}"
    change = f"{_pct(rel_t)} → {_pct(rel_all)}{', estimated' if estimated else ''}"
    if rel_t > 0 and rel_all / rel_t <= 0.6:
        verb = "halves" if rel_all / rel_t > 0.4 else "slashes"
        return f"Accepting everyone: {ratio:.1f}× the contacts, but it {verb} relevance ({change})"
    return f"Accepting everyone: {ratio:.1f}× the contacts; relevance {change}"


class QualityChart:
    """Quality against size, with the current threshold marked; ``update`` moves the mark.

    Built once from a ``QualityCurve`` (exact values at any threshold) or from a curve
    DataFrame (``quality_vs_size``; the mark is interpolated between its thresholds). A
    widget keeps this object and calls ``update(threshold)`` on every slider move: only the
    marker data, the annotation and the title change.
    """

    def __init__(
        self,
        curve: QualityCurve | pd.DataFrame,
        threshold: float | None = None,
        thresholds: Sequence[float] | None = None,
        fig: Figure | None = None,
    ):
        self._curve = curve if isinstance(curve, QualityCurve) else None
        self.data = curve.curve(thresholds) if isinstance(curve, QualityCurve) else curve
        _require(self.data, ["policy", "threshold", "size", "relevance_share", "feed_noise"],
                 "the quality-versus-size curve")
        swept = self.data[self.data["policy"].eq("criteria")].sort_values("threshold")
        if swept.empty:
            raise InvalidInputError("the curve has no criteria rows",
                                    ["expected rows with policy == 'criteria'"])
        self._swept = swept
        self.relevance = _best(self.data, "relevance_share")
        self.noise = _best(self.data, "feed_noise")
        default = (self._curve.default_threshold if self._curve
                   else float(swept["threshold"].median()))
        self.threshold = float(default if threshold is None else threshold)
        self.figure = _new_figure(fig)
        self.ax = self.figure.add_subplot()
        self._draw()
        self.update(self.threshold)

    def _draw(self) -> None:
        ax, df = self.ax, self.data
        truth = self.relevance.endswith("_true")
        size = self._swept["size"].to_numpy(float)
        ax.plot(size, self._swept[self.relevance], color=OKABE_ITO["blue"], lw=2.5,
                label="relevant contacts" + (" (truth)" if truth else " (estimate)"))
        if truth:
            ax.plot(size, self._swept["relevance_share"], color=OKABE_ITO["sky_blue"], lw=2,
                    ls="--", label="relevant contacts (estimate)")
        ax.plot(size, self._swept[self.noise], color=OKABE_ITO["vermillion"], lw=2.5, ls="-.",
                label="feed from irrelevant people" + (" (truth)" if truth else " (estimate)"))
        for name, marker, colour, text in (
            ("accept_all", "s", OKABE_ITO["black"], "accept everyone"),
            ("known_only", "D", OKABE_ITO["green"], "known people only"),
        ):
            row = df[df["policy"].eq(name)]
            if row.empty:
                continue
            x, y = float(row["size"].iloc[0]), float(row[self.relevance].iloc[0])
            noise = float(row[self.noise].iloc[0])
            ax.plot([x], [y], marker=marker, ms=11, color=colour, ls="none", zorder=4)
            right = name == "accept_all"
            ax.annotate(f"{text}\n(feed {_pct(noise)} irrelevant)", (x, y),
                        xytext=(-4, -14) if right else (12, -10), textcoords="offset points",
                        ha="right" if right else "left", va="top", fontsize=FONT_SIZE - 1,
                        color=colour)
        (self.marker,) = ax.plot([], [], marker="o", ms=15, mfc=OKABE_ITO["orange"],
                                 mec="black", mew=1.5, ls="none", zorder=5,
                                 label="your threshold")
        (self.noise_marker,) = ax.plot([], [], marker="o", ms=11, mfc=OKABE_ITO["orange"],
                                       mec="black", mew=1, ls="none", zorder=5)
        self.label = ax.annotate("", (0, 0), xytext=(12, 12), textcoords="offset points",
                                 fontsize=FONT_SIZE, fontweight="bold",
                                 bbox={"boxstyle": "round", "fc": "white", "ec": "#999999"})
        ax.set_xlabel("network size (contacts accepted)", fontsize=FONT_SIZE)
        ax.set_ylabel("share of network / of feed", fontsize=FONT_SIZE)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylim(0, 1.05)
        ax.set_xlim(0, max(float(df["size"].max()), 1.0) * 1.08)
        _style(ax)
        _legend(ax, loc="lower left")

    def point(self, threshold: float) -> dict[str, float]:
        """Every metric at ``threshold`` (exact with a ``QualityCurve``, else interpolated)."""
        if self._curve is not None:
            return self._curve.at(threshold)
        xs = self._swept["threshold"].to_numpy(float)
        return {"threshold": float(threshold), **{
            c: float(np.interp(threshold, xs, self._swept[c].to_numpy(float)))
            for c in self._swept.columns if c not in ("policy", "threshold")
        }}

    def update(self, threshold: float) -> Figure:
        """Move the mark to ``threshold`` and restate the title; returns the same figure."""
        self.threshold = float(threshold)
        here = self.point(self.threshold)
        x = here["size"]
        self.marker.set_data([x], [here[self.relevance]])
        self.noise_marker.set_data([x], [here[self.noise]])
        self.label.xy = (x, here[self.relevance])
        self.label.set_text(f"threshold {self.threshold:.2f}: {x:,.0f} contacts, "
                            f"{_pct(here[self.relevance])} relevant")
        accept_all = self.data[self.data["policy"].eq("accept_all")]
        reference = accept_all.iloc[0].to_dict() if not accept_all.empty else self._swept.iloc[0]
        self.ax.set_title(_plain(quality_title(reference, here, self.relevance)),
                          fontsize=TITLE_SIZE, loc="left")
        return self.figure


def plot_quality_vs_size(
    curve: pd.DataFrame | QualityCurve,
    current_threshold: float | None = None,
    fig: Figure | None = None,
) -> Figure:
    """Relevance share and feed noise against network size, current threshold marked.

    ``curve`` is ``quality_vs_size(...)`` or a ``QualityCurve``. For a slider, keep a
    ``QualityChart`` and call its ``update`` instead of re-plotting.
    """
    return QualityChart(curve, current_threshold, fig=fig).figure


# --- growth over time -----------------------------------------------------------------------


def growth_title(last: pd.DataFrame, relevance: str) -> str:
    """Compare the biggest network with the most relevant one at the last month."""
    biggest = last.loc[last["size"].idxmax()]
    best = last.loc[last[relevance].idxmax()]
    months = int(last["months"].iloc[0])
    if biggest["policy"] == best["policy"]:
        return (f"After {months} months, {biggest['policy']} is both the biggest and the most "
                f"relevant network ({biggest['size']:,.0f} contacts)")
    return (f"After {months} months, {biggest['policy']} has {biggest['size']:,.0f} contacts, "
            f"{_pct(biggest[relevance])} relevant; {best['policy']} has "
            f"{best['size']:,.0f}, {_pct(best[relevance])} relevant")


def plot_growth(growth: pd.DataFrame, fig: Figure | None = None) -> Figure:
    """Network size and relevance share month by month, one line per policy
    (``simulate_growth``'s output)."""
    _require(growth, ["month", "policy", "size", "relevance_share"], "the growth table")
    if growth.empty:
        raise InvalidInputError("the growth table is empty", ["simulate at least one month"])
    relevance = _best(growth, "relevance_share")
    fig = _new_figure(fig, (12.0, 6.0))
    size_ax, share_ax = fig.subplots(1, 2)
    for i, (policy, rows) in enumerate(growth.groupby("policy", sort=False)):
        style = {
            "color": OKABE_ITO[_SERIES_COLOURS[i % len(_SERIES_COLOURS)]],
            "ls": _LINE_STYLES[i % len(_LINE_STYLES)],
            "marker": _MARKERS[i % len(_MARKERS)],
            "markevery": max(len(rows) // 6, 1),
            "lw": 2.5,
            "ms": 8,
        }
        size_ax.plot(rows["month"], rows["size"], label=_plain(policy), **style)
        share_ax.plot(rows["month"], rows[relevance], label=_plain(policy), **style)
    size_ax.set_ylabel("network size (contacts)", fontsize=FONT_SIZE)
    share_ax.set_ylabel("relevant contacts" + ("" if relevance.endswith("_true")
                                               else " (estimate)"), fontsize=FONT_SIZE)
    share_ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    share_ax.set_ylim(0, 1.05)
    size_ax.set_ylim(bottom=0)
    for ax in (size_ax, share_ax):
        ax.set_xlabel("month", fontsize=FONT_SIZE)
        _style(ax)
        for label in ax.get_xticklabels():
            label.set_rotation(30)
            label.set_ha("right")
    _legend(size_ax, loc="upper left")
    last_month = growth["month"].max()
    last = growth[growth["month"].eq(last_month)].assign(months=growth["month"].nunique())
    fig.suptitle(_plain(growth_title(last.reset_index(drop=True), relevance)),
                 fontsize=TITLE_SIZE, x=0.02, ha="left")
    return fig


# --- composition ----------------------------------------------------------------------------


def composition(networks: pd.DataFrame | Mapping[str, pd.DataFrame],
                profile: Profile) -> pd.DataFrame:
    """Share of each job family in each network (rows: networks, columns: ``FAMILIES``)."""
    named = {"your network": networks} if isinstance(networks, pd.DataFrame) else dict(networks)
    if not named:
        raise InvalidInputError("no network to describe", ["give at least one set of contacts"])
    rows = {}
    for label, contacts in named.items():
        families = contact_signals(contacts, profile)["family"]
        rows[label] = families.value_counts(normalize=True).reindex(FAMILIES, fill_value=0.0)
    return pd.DataFrame(rows).T.rename_axis("network")


def composition_title(shares: pd.DataFrame, relevant_families: Sequence[str]) -> str:
    relevant = shares[list(relevant_families)].sum(axis=1)
    if len(relevant) == 1:
        return (f"{_pct(relevant.iloc[0])} of {relevant.index[0]} works in fields that matter "
                f"to you")
    high, low = relevant.idxmax(), relevant.idxmin()
    return (f"Fields that matter to you: {_pct(relevant[high])} of {high} "
            f"but {_pct(relevant[low])} of {low}")


def plot_composition(
    networks: pd.DataFrame | Mapping[str, pd.DataFrame],
    profile: Profile,
    fig: Figure | None = None,
) -> Figure:
    """Network composition by job family: one stacked bar per network, families that matter
    to you first and hatched, so the comparison reads without colour."""
    shares = composition(networks, profile)
    weights = profile.family_weights()
    ordered = sorted(FAMILIES, key=lambda f: (weights[f] < RELEVANT_WEIGHT, -weights[f],
                                              FAMILIES.index(f)))
    relevant_families = [f for f in ordered if weights[f] >= RELEVANT_WEIGHT]
    fig = _new_figure(fig, (11.0, 1.6 + 1.1 * len(shares) + 1.4))
    ax = fig.add_subplot()
    y = np.arange(len(shares))[::-1]
    left = np.zeros(len(shares))
    for family in ordered:
        width = shares[family].to_numpy(float)
        mark = " ✓" if family in relevant_families else ""
        bars = ax.barh(y, width, left=left, color=FAMILY_COLOURS[family], edgecolor="white",
                       hatch="//" if mark else None, label=f"{family}{mark}", height=0.6)
        for bar, value in zip(bars, width, strict=True):
            if value >= 0.07:
                ax.text(bar.get_x() + value / 2, bar.get_y() + bar.get_height() / 2,
                        f"{value:.0%}", ha="center", va="center", fontsize=FONT_SIZE - 1,
                        color="black" if family in ("finance", "leadership", "other")
                        else "white", fontweight="bold")
        left += width
    ax.set_yticks(y, [_plain(label) for label in shares.index])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel("share of contacts by job family (✓ = matters to you)", fontsize=FONT_SIZE)
    ax.set_ylabel("network", fontsize=FONT_SIZE)
    _style(ax)
    ax.grid(False)
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, ncols=min(len(ordered), 4),
              loc="upper center", bbox_to_anchor=(0.5, -0.16))
    ax.set_title(_plain(composition_title(shares, relevant_families)), fontsize=TITLE_SIZE,
                 loc="left")
    return fig


# --- one decision ---------------------------------------------------------------------------


def plot_decision_contributions(
    row: pd.Series,
    weights: Mapping[str, float] | None = None,
    profile: Profile | None = None,
    fig: Figure | None = None,
) -> Figure:
    """What each criterion contributed to one decision: weight × score, horizontal bars,
    with the grey bar showing what a perfect score on that criterion would have added, and
    the decision's reasons as subtitle. ``weights`` default to the engine's preset for
    ``profile`` (give one of the two)."""
    if not isinstance(row, pd.Series):
        raise InvalidInputError(f"expected one triaged row (a Series), got {type(row).__name__}")
    if weights is None:
        if profile is None:
            raise InvalidInputError("give the weights used, or the profile to take them from",
                                    ["plot_decision_contributions(row, profile=profile)"])

        weights = resolve_weights(profile, None)
    table = contributions(row, weights)
    fig = _new_figure(fig, (10.0, 6.5))
    ax = fig.add_subplot()
    y = np.arange(len(table))[::-1]
    ax.barh(y, table["possible"], color="#e5e5e5", height=0.6,
            label="if the criterion were perfect")
    ax.barh(y, table["contribution"], color=OKABE_ITO["blue"], height=0.6,
            label="contributed")
    for yi, (_, rec) in zip(y, table.iterrows(), strict=True):
        ax.text(rec["possible"] + 0.005, yi,
                f"{rec['contribution']:.2f} (score {rec['score']:.2f})",
                va="center", fontsize=FONT_SIZE - 1)
    ax.set_yticks(y, [CRITERION_LABELS.get(c, c) for c in table.index])
    ax.set_xlim(0, max(float(table["possible"].max()) * 1.45, 0.05))
    ax.set_xlabel("contribution to the score (weight × criterion score)", fontsize=FONT_SIZE)
    ax.set_ylabel("criterion", fontsize=FONT_SIZE)
    _style(ax)
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, ncols=2, loc="upper left",
              bbox_to_anchor=(0.0, -0.11))
    fig.suptitle(_plain(decision_title(row, table)), fontsize=TITLE_SIZE, x=0.02, ha="left")
    reasons = str(row.get("reasons", "")).strip()
    if reasons:
        wrapped = "\n".join(textwrap.wrap(reasons, 72)[:4])
        ax.set_title(_plain(wrapped), fontsize=FONT_SIZE - 1, loc="left", color="#333333")
    return fig


def __getattr__(name: str) -> Any:
    """Re-export the charts other modules own (the title confusion matrix lives in
    ``charts_titles``), lazily, so ``charts.plot_*`` is the one place to look."""
    if name.startswith("plot_"):
        try:
            from invite_triage.render import charts_titles
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.charts_titles":
                raise
        else:
            if hasattr(charts_titles, name):
                return getattr(charts_titles, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
