"""Confusion matrix of job families, for the guide's "how good is the title classifier" page.

Built on ``matplotlib.figure.Figure`` directly (not pyplot) so notebooks that draw many charts
do not accumulate open figures.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.profile import FAMILIES
from invite_triage.render.texts import family_name, language, num, pct


def confusion_counts(
    true_families: Iterable[str], predicted_families: Iterable[str], lang: str | None = None
) -> pd.DataFrame:
    """Counts of (true family, predicted family): rows true, columns predicted, FAMILIES order
    (the axes' names in ``lang``; the families stay keys)."""
    true = pd.Series(list(true_families), dtype="object")
    predicted = pd.Series(list(predicted_families), dtype="object")
    problems = []
    if len(true) != len(predicted):
        problems.append(
            f"true_families has {len(true)} values but predicted_families has {len(predicted)}"
        )
    for name, values in (("true_families", true), ("predicted_families", predicted)):
        unknown = sorted(set(values.dropna().astype(str)) - set(FAMILIES))
        if unknown:
            problems.append(f"{name}: unknown families {unknown}; expected among {list(FAMILIES)}")
    if problems:
        raise InvalidInputError("cannot build a confusion matrix", problems)
    table = pd.crosstab(
        pd.Categorical(true, categories=FAMILIES),
        pd.Categorical(predicted, categories=FAMILIES),
        dropna=False,
    )
    table.index.name = message("chart.confusion.true", lang)
    table.columns.name = message("chart.confusion.predicted", lang)
    return table.reindex(index=list(FAMILIES), columns=list(FAMILIES), fill_value=0)


def _finding(counts: pd.DataFrame, lang: str | None = None) -> str:
    """A title that states what the matrix shows, not just what it is."""
    total = int(counts.to_numpy().sum())
    if total == 0:
        return message("chart.confusion.empty", lang)
    right = int(np.trace(counts.to_numpy()))
    errors = counts.to_numpy().copy()
    np.fill_diagonal(errors, 0)
    headline = message("chart.confusion.title", lang, share=pct(right / total, lang),
                       total=num(total, lang))
    if errors.sum() == 0:
        return headline
    i, j = np.unravel_index(np.argmax(errors), errors.shape)
    return message("chart.confusion.title_mixup", lang, headline=headline,
                   true=family_name(FAMILIES[i], lang), predicted=family_name(FAMILIES[j], lang))


def plot_confusion_matrix(
    true_families: Iterable[str], predicted_families: Iterable[str], title: str | None = None,
    lang: str | None = None,
) -> Figure:
    """Heat map of true vs predicted family, counts written in every cell.

    Colours use the colour-blind-safe "cividis" map and show the share of each true family
    (row), so a small family's errors stay visible next to a large family's successes. Words
    in ``lang`` (None: the current language).
    """
    lang = language(lang)
    counts = confusion_counts(true_families, predicted_families, lang)
    values = counts.to_numpy()
    row_totals = values.sum(axis=1, keepdims=True)
    shares = np.divide(values, row_totals, out=np.zeros(values.shape), where=row_totals > 0)

    fig = Figure(figsize=(7.5, 6.2), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(shares, cmap="cividis", vmin=0, vmax=1)
    names = [family_name(f, lang) for f in FAMILIES]
    ax.set_xticks(range(len(FAMILIES)), labels=names, rotation=35, ha="right")
    ax.set_yticks(range(len(FAMILIES)), labels=names)
    ax.set_xlabel(message("chart.confusion.predicted", lang))
    ax.set_ylabel(message("chart.confusion.true", lang))
    for (i, j), count in np.ndenumerate(values):
        colour = "black" if shares[i, j] > 0.6 else "white"
        ax.text(j, i, num(count, lang), ha="center", va="center", color=colour, fontsize=9)
    colorbar = fig.colorbar(image, ax=ax, shrink=0.85)
    colorbar.set_label(message("chart.confusion.colorbar", lang))
    colorbar.ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: pct(x, lang)))
    ax.set_title(title if title is not None else _finding(counts, lang), fontsize=11, wrap=True)
    return fig


__all__ = ["confusion_counts", "plot_confusion_matrix"]
