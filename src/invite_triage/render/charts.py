"""The guide's charts: quality versus size, growth per policy, composition, one decision.

Every function builds a ``matplotlib.figure.Figure`` directly (never ``pyplot``), so nothing
piles up in a notebook or a widget, and accepts an existing ``fig`` to redraw in place. Colours
are the Okabe–Ito palette (safe for colour-blind readers), every line also differs by style or
marker, text is at least 12 pt for a projector, and each title states the finding, computed
from the data shown.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from invite_triage.analysis.quality import QualityCurve, contact_signals
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT, Profile
from invite_triage.domain.triage import resolve_weights
from invite_triage.render.explain import contributions, decision_title
from invite_triage.render.style import CHART_FONT_SIZE as FONT_SIZE
from invite_triage.render.style import CHART_TITLE_SIZE as TITLE_SIZE
from invite_triage.render.style import FAMILY_COLOURS, FIGURE_DPI, MAX_WIDTH_IN, OKABE_ITO
from invite_triage.render.style import plain as _plain
from invite_triage.render.texts import (
    criterion_name,
    family_name,
    fit_title,
    language,
    num,
    number_axis,
    pct,
    percent_axis,
    policy_name,
)
from invite_triage.render.texts import date_axis as _date_axis

_SERIES_COLOURS = ("black", "blue", "vermillion", "green", "orange", "purple", "sky_blue")
_LINE_STYLES = ("-", "--", "-.", ":")
_MARKERS = ("o", "s", "D", "^", "v", "P", "X")
FIGSIZE = (MAX_WIDTH_IN, 6.0)


# --- shared helpers -----------------------------------------------------------------------


def _new_figure(fig: Figure | None, figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A fresh figure, or ``fig`` emptied so a widget can redraw into the same object."""
    if fig is None:
        return Figure(figsize=figsize, dpi=FIGURE_DPI, layout="constrained")
    fig.clear()
    return fig


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=FONT_SIZE)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)


def _legend(ax: Axes, **kwargs: Any) -> None:
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, **kwargs)


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
                  relevance: str, lang: str | None = None) -> str:
    """The finding of the quality-versus-size chart, in one sentence (in ``lang``)."""
    size_all, size_t = accept_all["size"], chosen["size"]
    rel_all, rel_t = accept_all[relevance], chosen[relevance]
    estimated = not relevance.endswith("_true")
    tag = message("chart.quality.tag_estimated", lang) if estimated else ""
    if size_t == 0:
        return message("chart.quality.title.none", lang, size=num(size_all, lang),
                       relevant=pct(rel_all, lang), tag=tag)
    ratio = size_all / size_t
    if ratio < 1.05:
        return message("chart.quality.title.almost_all", lang, relevant=pct(rel_t, lang),
                       tag=tag)
    change = message("chart.quality.change_estimated" if estimated else "chart.quality.change",
                     lang, chosen=pct(rel_t, lang), everyone=pct(rel_all, lang))
    fields = {"ratio": num(ratio, lang, 1), "change": change}
    if rel_t > 0 and rel_all / rel_t <= 0.6:
        verb = "halves" if rel_all / rel_t > 0.4 else "slashes"
        return message(f"chart.quality.title.{verb}", lang, **fields)
    return message("chart.quality.title.change", lang, **fields)


class QualityChart:
    """Quality against size, with the current threshold marked; ``update`` moves the mark.

    Built once from a ``QualityCurve`` (exact values at any threshold) or from a curve
    DataFrame (``quality_vs_size``; the mark is interpolated between its thresholds). A
    widget keeps this object and calls ``update(threshold)`` on every slider move: only the
    marker data, the annotation and the title change. Its words are in ``lang`` (None: the
    current language).
    """

    def __init__(
        self,
        curve: QualityCurve | pd.DataFrame,
        threshold: float | None = None,
        thresholds: Sequence[float] | None = None,
        fig: Figure | None = None,
        lang: str | None = None,
    ):
        self.lang = language(lang)
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
        ax, df, lang = self.ax, self.data, self.lang
        truth = self.relevance.endswith("_true")
        kind = "truth" if truth else "estimate"
        size = self._swept["size"].to_numpy(float)
        ax.plot(size, self._swept[self.relevance], color=OKABE_ITO["blue"], lw=2.5,
                label=message(f"chart.quality.relevant_{kind}", lang))
        if truth:
            ax.plot(size, self._swept["relevance_share"], color=OKABE_ITO["sky_blue"], lw=2,
                    ls="--", label=message("chart.quality.relevant_estimate", lang))
        ax.plot(size, self._swept[self.noise], color=OKABE_ITO["vermillion"], lw=2.5, ls="-.",
                label=message(f"chart.quality.noise_{kind}", lang))
        for name, marker, colour in (
            ("accept_all", "s", OKABE_ITO["black"]),
            ("known_only", "D", OKABE_ITO["green"]),
        ):
            row = df[df["policy"].eq(name)]
            if row.empty:
                continue
            x, y = float(row["size"].iloc[0]), float(row[self.relevance].iloc[0])
            noise = float(row[self.noise].iloc[0])
            ax.plot([x], [y], marker=marker, ms=11, color=colour, ls="none", zorder=4)
            right = name == "accept_all"
            ax.annotate(message("chart.quality.policy_note", lang,
                                policy=message(f"chart.quality.{name}", lang),
                                noise=pct(noise, lang)), (x, y),
                        xytext=(-4, -14) if right else (12, -10), textcoords="offset points",
                        ha="right" if right else "left", va="top", fontsize=FONT_SIZE - 1,
                        color=colour)
        (self.marker,) = ax.plot([], [], marker="o", ms=15, mfc=OKABE_ITO["orange"],
                                 mec="black", mew=1.5, ls="none", zorder=5,
                                 label=message("chart.quality.your_threshold", lang))
        (self.noise_marker,) = ax.plot([], [], marker="o", ms=11, mfc=OKABE_ITO["orange"],
                                       mec="black", mew=1, ls="none", zorder=5)
        self.label = ax.annotate("", (0, 0), xytext=(12, 12), textcoords="offset points",
                                 fontsize=FONT_SIZE, fontweight="bold",
                                 bbox={"boxstyle": "round", "fc": "white", "ec": "#999999"})
        ax.set_xlabel(message("chart.quality.x_axis", lang), fontsize=FONT_SIZE)
        ax.set_ylabel(message("chart.quality.y_axis", lang), fontsize=FONT_SIZE)
        percent_axis(ax.yaxis, lang)
        number_axis(ax.xaxis, lang)
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
        self.label.set_text(message("chart.quality.mark", self.lang,
                                    threshold=num(self.threshold, self.lang, 2),
                                    size=num(x, self.lang),
                                    relevant=pct(here[self.relevance], self.lang)))
        accept_all = self.data[self.data["policy"].eq("accept_all")]
        reference = accept_all.iloc[0].to_dict() if not accept_all.empty else self._swept.iloc[0]
        title = quality_title(reference, here, self.relevance, self.lang)
        self.ax.set_title(fit_title(_plain(title), self.figure.get_figwidth() * 0.88, TITLE_SIZE),
                          fontsize=TITLE_SIZE, loc="left")
        return self.figure


def plot_quality_vs_size(
    curve: pd.DataFrame | QualityCurve,
    current_threshold: float | None = None,
    fig: Figure | None = None,
    lang: str | None = None,
) -> Figure:
    """Relevance share and feed noise against network size, current threshold marked.

    ``curve`` is ``quality_vs_size(...)`` or a ``QualityCurve``. For a slider, keep a
    ``QualityChart`` and call its ``update`` instead of re-plotting. Words in ``lang``.
    """
    return QualityChart(curve, current_threshold, fig=fig, lang=lang).figure


# --- growth over time -----------------------------------------------------------------------


def growth_title(last: pd.DataFrame, relevance: str, lang: str | None = None) -> str:
    """Compare the biggest network with the most relevant one at the last month."""
    biggest = last.loc[last["size"].idxmax()]
    best = last.loc[last[relevance].idxmax()]
    months = int(last["months"].iloc[0])
    if biggest["policy"] == best["policy"]:
        return message("chart.growth.title.same", lang, months=num(months, lang),
                       policy=policy_name(biggest["policy"], lang),
                       size=num(biggest["size"], lang))
    return message("chart.growth.title.differ", lang, months=num(months, lang),
                   big=policy_name(biggest["policy"], lang), big_size=num(biggest["size"], lang),
                   big_relevant=pct(biggest[relevance], lang),
                   best=policy_name(best["policy"], lang), best_size=num(best["size"], lang),
                   best_relevant=pct(best[relevance], lang))


def plot_growth(growth: pd.DataFrame, fig: Figure | None = None,
                lang: str | None = None) -> Figure:
    """Network size and relevance share month by month, one line per policy
    (``simulate_growth``'s output); words, numbers and month names in ``lang``."""
    lang = language(lang)
    _require(growth, ["month", "policy", "size", "relevance_share"], "the growth table")
    if growth.empty:
        raise InvalidInputError("the growth table is empty", ["simulate at least one month"])
    relevance = _best(growth, "relevance_share")
    fig = _new_figure(fig, (MAX_WIDTH_IN, 5.6))
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
        name = _plain(policy_name(policy, lang))
        size_ax.plot(rows["month"], rows["size"], label=name, **style)
        share_ax.plot(rows["month"], rows[relevance], label=name, **style)
    size_ax.set_ylabel(message("chart.growth.size_axis", lang), fontsize=FONT_SIZE)
    share_ax.set_ylabel(message("chart.growth.relevant_axis" if relevance.endswith("_true")
                                else "chart.growth.relevant_axis_estimate", lang),
                        fontsize=FONT_SIZE)
    percent_axis(share_ax.yaxis, lang)
    number_axis(size_ax.yaxis, lang)
    share_ax.set_ylim(0, 1.05)
    size_ax.set_ylim(bottom=0)
    for ax in (size_ax, share_ax):
        ax.set_xlabel(message("chart.growth.month", lang), fontsize=FONT_SIZE)
        _style(ax)
        if pd.api.types.is_datetime64_any_dtype(growth["month"]):
            _date_axis(ax.xaxis, lang)
    _legend(size_ax, loc="upper left")
    last_month = growth["month"].max()
    last = growth[growth["month"].eq(last_month)].assign(months=growth["month"].nunique())
    title = _plain(growth_title(last.reset_index(drop=True), relevance, lang))
    fig.suptitle(fit_title(title, fig.get_figwidth() * 0.95, TITLE_SIZE), fontsize=TITLE_SIZE,
                 x=0.02, ha="left")
    return fig


# --- composition ----------------------------------------------------------------------------


def composition(networks: pd.DataFrame | Mapping[str, pd.DataFrame],
                profile: Profile, lang: str | None = None) -> pd.DataFrame:
    """Share of each job family in each network (rows: networks, columns: ``FAMILIES``).
    A single network is named "your network" in ``lang``."""
    named = ({message("chart.composition.your_network", lang): networks}
             if isinstance(networks, pd.DataFrame) else dict(networks))
    if not named:
        raise InvalidInputError("no network to describe", ["give at least one set of contacts"])
    rows = {}
    for label, contacts in named.items():
        families = contact_signals(contacts, profile)["family"]
        rows[label] = families.value_counts(normalize=True).reindex(FAMILIES, fill_value=0.0)
    return pd.DataFrame(rows).T.rename_axis("network")


def composition_title(shares: pd.DataFrame, relevant_families: Sequence[str],
                      lang: str | None = None) -> str:
    """Which network has the largest share of people in fields that matter to you."""
    relevant = shares[list(relevant_families)].sum(axis=1)
    if len(relevant) == 1:
        return message("chart.composition.title.one", lang, share=pct(relevant.iloc[0], lang),
                       network=policy_name(relevant.index[0], lang))
    high, low = relevant.idxmax(), relevant.idxmin()
    return message("chart.composition.title.compare", lang,
                   high_share=pct(relevant[high], lang), high=policy_name(high, lang),
                   low_share=pct(relevant[low], lang), low=policy_name(low, lang))


def plot_composition(
    networks: pd.DataFrame | Mapping[str, pd.DataFrame],
    profile: Profile,
    fig: Figure | None = None,
    lang: str | None = None,
) -> Figure:
    """Network composition by job family: one stacked bar per network, families that matter
    to you first and hatched, so the comparison reads without colour. Words in ``lang``."""
    lang = language(lang)
    shares = composition(networks, profile, lang)
    weights = profile.family_weights()
    ordered = sorted(FAMILIES, key=lambda f: (weights[f] < RELEVANT_WEIGHT, -weights[f],
                                              FAMILIES.index(f)))
    relevant_families = [f for f in ordered if weights[f] >= RELEVANT_WEIGHT]
    fig = _new_figure(fig, (MAX_WIDTH_IN, 1.6 + 1.1 * len(shares) + 1.4))
    ax = fig.add_subplot()
    y = np.arange(len(shares))[::-1]
    left = np.zeros(len(shares))
    for family in ordered:
        width = shares[family].to_numpy(float)
        mark = " ✓" if family in relevant_families else ""
        bars = ax.barh(y, width, left=left, color=FAMILY_COLOURS[family], edgecolor="white",
                       hatch="//" if mark else None,
                       label=f"{family_name(family, lang)}{mark}", height=0.6)
        for bar, value in zip(bars, width, strict=True):
            if value >= 0.07:
                ax.text(bar.get_x() + value / 2, bar.get_y() + bar.get_height() / 2,
                        pct(value, lang), ha="center", va="center", fontsize=FONT_SIZE - 1,
                        color="black" if family in ("finance", "leadership", "other")
                        else "white", fontweight="bold")
        left += width
    ax.set_yticks(y, [_plain(policy_name(label, lang)) for label in shares.index])
    ax.set_xlim(0, 1)
    percent_axis(ax.xaxis, lang)
    ax.set_xlabel(message("chart.composition.x_axis", lang), fontsize=FONT_SIZE)
    ax.set_ylabel(message("chart.composition.y_axis", lang), fontsize=FONT_SIZE)
    _style(ax)
    ax.grid(False)
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, ncols=min(len(ordered), 4),
              loc="upper center", bbox_to_anchor=(0.5, -0.16))
    title = _plain(composition_title(shares, relevant_families, lang))
    ax.set_title(fit_title(title, fig.get_figwidth() * 0.85, TITLE_SIZE), fontsize=TITLE_SIZE,
                 loc="left")
    return fig


# --- one decision ---------------------------------------------------------------------------


def plot_decision_contributions(
    row: pd.Series,
    weights: Mapping[str, float] | None = None,
    profile: Profile | None = None,
    fig: Figure | None = None,
    lang: str | None = None,
) -> Figure:
    """What each criterion contributed to one decision: weight × score, horizontal bars,
    with the grey bar showing what a perfect score on that criterion would have added, and
    the decision's reasons as subtitle. ``weights`` default to the engine's preset for
    ``profile`` (give one of the two). Words in ``lang``; the reasons are shown as the row
    holds them (triage them in the same language)."""
    lang = language(lang)
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
            label=message("chart.decision.if_perfect", lang))
    ax.barh(y, table["contribution"], color=OKABE_ITO["blue"], height=0.6,
            label=message("chart.decision.contributed", lang))
    for yi, (_, rec) in zip(y, table.iterrows(), strict=True):
        ax.text(rec["possible"] + 0.005, yi,
                message("chart.decision.bar_value", lang,
                        contribution=num(rec["contribution"], lang, 2),
                        score=num(rec["score"], lang, 2)),
                va="center", fontsize=FONT_SIZE - 1)
    ax.set_yticks(y, [criterion_name(c, lang) for c in table.index])
    ax.set_xlim(0, max(float(table["possible"].max()) * 1.45, 0.05))
    number_axis(ax.xaxis, lang)
    ax.set_xlabel(message("chart.decision.x_axis", lang), fontsize=FONT_SIZE)
    ax.set_ylabel(message("chart.decision.y_axis", lang), fontsize=FONT_SIZE)
    _style(ax)
    ax.legend(fontsize=FONT_SIZE - 1, frameon=False, ncols=2, loc="upper left",
              bbox_to_anchor=(0.0, -0.11))
    title = _plain(decision_title(row, table, lang))
    fig.suptitle(fit_title(title, fig.get_figwidth() * 0.95, TITLE_SIZE), fontsize=TITLE_SIZE,
                 x=0.02,
                 ha="left")
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
