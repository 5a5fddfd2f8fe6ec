"""Confusion matrix of job families, for the guide's "how good is the title classifier" page.

Built on ``matplotlib.figure.Figure`` directly (not pyplot) so notebooks that draw many charts
do not accumulate open figures.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import FAMILIES


def confusion_counts(
    true_families: Iterable[str], predicted_families: Iterable[str]
) -> pd.DataFrame:
    """Counts of (true family, predicted family): rows true, columns predicted, FAMILIES order."""
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
    table.index.name, table.columns.name = "true family", "predicted family"
    return table.reindex(index=list(FAMILIES), columns=list(FAMILIES), fill_value=0)


def _finding(counts: pd.DataFrame) -> str:
    """A title that states what the matrix shows, not just what it is."""
    total = int(counts.to_numpy().sum())
    if total == 0:
        return "No titles to compare"
    right = int(np.trace(counts.to_numpy()))
    errors = counts.to_numpy().copy()
    np.fill_diagonal(errors, 0)
    headline = f"{right / total:.0%} of {total:,} titles land in the right family"
    if errors.sum() == 0:
        return headline
    i, j = np.unravel_index(np.argmax(errors), errors.shape)
    return f"{headline}; most frequent mix-up: {FAMILIES[i]} read as {FAMILIES[j]}"


def plot_confusion_matrix(
    true_families: Iterable[str], predicted_families: Iterable[str], title: str | None = None
) -> Figure:
    """Heat map of true vs predicted family, counts written in every cell.

    Colours use the colour-blind-safe "cividis" map and show the share of each true family
    (row), so a small family's errors stay visible next to a large family's successes.
    """
    counts = confusion_counts(true_families, predicted_families)
    values = counts.to_numpy()
    row_totals = values.sum(axis=1, keepdims=True)
    shares = np.divide(values, row_totals, out=np.zeros(values.shape), where=row_totals > 0)

    fig = Figure(figsize=(7.5, 6.2), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(shares, cmap="cividis", vmin=0, vmax=1)
    ax.set_xticks(range(len(FAMILIES)), labels=FAMILIES, rotation=35, ha="right")
    ax.set_yticks(range(len(FAMILIES)), labels=FAMILIES)
    ax.set_xlabel("predicted family")
    ax.set_ylabel("true family")
    for (i, j), count in np.ndenumerate(values):
        colour = "black" if shares[i, j] > 0.6 else "white"
        ax.text(j, i, f"{count:,}", ha="center", va="center", color=colour, fontsize=9)
    colorbar = fig.colorbar(image, ax=ax, shrink=0.85)
    colorbar.set_label("share of the true family's titles")
    ax.set_title(title if title is not None else _finding(counts), fontsize=11, wrap=True)
    return fig


__all__ = ["confusion_counts", "plot_confusion_matrix"]
