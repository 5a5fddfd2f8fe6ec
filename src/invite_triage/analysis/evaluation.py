"""How good are the decisions? Precision, recall and F1 of "accept" against the ground truth.

Only the synthetic world knows who was worth accepting (its hidden ``relevant`` column), so
this is where the guide shows that combining the criteria beats both "accept everyone" and
any single criterion, even when each single criterion gets its best possible threshold.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from invite_triage.analysis.texts import CatalogLabels
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import triage

METRICS: tuple[str, ...] = ("precision", "recall", "f1", "accepted_share", "threshold")


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def evaluate_decisions(
    decisions: pd.Series | np.ndarray,
    relevant: pd.Series | np.ndarray,
    positive: str | tuple[str, ...] = "accept",
) -> dict[str, float]:
    """Precision, recall and F1 of the decisions in ``positive`` (default "accept") as a
    prediction of ``relevant``; also the share of requests accepted and the row count."""
    decided = np.isin(np.asarray(decisions, dtype=object), np.atleast_1d(positive).tolist())
    truth = np.asarray(relevant, dtype=bool)
    if decided.shape != truth.shape:
        raise InvalidInputError(
            "decisions and relevant must have the same length",
            [f"got {decided.shape[0]} decisions and {truth.shape[0]} truth values"],
        )
    hits = int((decided & truth).sum())
    precision = hits / decided.sum() if decided.any() else 0.0
    recall = hits / truth.sum() if truth.any() else 0.0
    return {
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(_f1(precision, recall)),
        "accepted_share": float(decided.mean()) if len(decided) else 0.0,
        "n": len(decided),
    }


def best_threshold(scores: pd.Series | np.ndarray, relevant: pd.Series | np.ndarray) -> dict:
    """The threshold on ``scores`` (accept when score >= threshold) that maximises F1.

    Every distinct score is tried at once (sorted cumulative counts), so a single criterion
    gets the fairest possible chance against the engine. Ties go to the higher threshold.
    """
    values = np.asarray(scores, dtype=float)
    truth = np.asarray(relevant, dtype=bool)
    positives = int(truth.sum())
    if len(values) == 0 or positives == 0:
        return {"threshold": 1.0, "precision": 0.0, "recall": 0.0, "f1": 0.0, "accepted_share": 0.0}
    order = np.argsort(-values, kind="stable")
    ordered = values[order]
    hits = np.cumsum(truth[order])
    # Accepting "score >= t" takes every row down to the last one equal to t.
    last = np.flatnonzero(np.append(ordered[1:] != ordered[:-1], True))
    accepted = last + 1
    f1 = 2 * hits[last] / (accepted + positives)
    best = int(np.argmax(f1))
    taken, caught = int(accepted[best]), int(hits[last[best]])
    return {
        "threshold": float(ordered[last[best]]),
        "precision": caught / taken,
        "recall": caught / positives,
        "f1": float(f1[best]),
        "accepted_share": taken / len(values),
    }


def compare_strategies(
    invitations: pd.DataFrame,
    profile: Profile,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 of "accept" for the engine, for accepting everyone, and for
    each criterion alone at its F1-maximising threshold (chosen on the same data, which favours
    the single criteria, not the engine).

    Rows: ``engine``, ``accept_all``, then one per criterion; columns :data:`METRICS`
    (``threshold`` is empty for the engine and accept-all).
    """
    if "relevant" not in invitations.columns:
        raise InvalidInputError(
            "compare_strategies needs the ground truth",
            ["missing column 'relevant' (True/False): only the synthetic world has it"],
        )
    result = triage(invitations, profile, weights=weights, thresholds=thresholds)
    truth = invitations["relevant"].to_numpy(bool)
    rows = {
        "engine": {**evaluate_decisions(result["decision"], truth), "threshold": np.nan},
        "accept_all": {
            **evaluate_decisions(np.full(len(truth), "accept", dtype=object), truth),
            "threshold": np.nan,
        },
    }
    for name in CRITERIA:
        rows[name] = best_threshold(result[name], truth)
    table = pd.DataFrame.from_dict(rows, orient="index")[list(METRICS)]
    table.index.name = "strategy"
    return table


#: The 2×2 table's rows and columns, as stable keys (chapter 03 names precision and recall
#: only after the learner has read this table). The words shown come from the catalog.
LET_IN, KEPT_OUT = "let in", "kept out"
RELEVANT, NOT_RELEVANT = "relevant", "not relevant"
_KEYS: dict[str, str] = {LET_IN: "let_in", KEPT_OUT: "kept_out", RELEVANT: "relevant",
                         NOT_RELEVANT: "not_relevant"}
#: What each cell of the table means, for captions: (row, column) → plain name, in the
#: current language.
CELL_NAMES: CatalogLabels[tuple[str, str]] = CatalogLabels("analysis.confusion.cell", {
    (row, column): f"{_KEYS[row]}.{_KEYS[column]}"
    for row in (LET_IN, KEPT_OUT) for column in (RELEVANT, NOT_RELEVANT)
})


def confusion_label(key: str, lang: str | None = None) -> str:
    """The words shown for one of the table's keys (``LET_IN``...) in ``lang``."""
    return message(f"analysis.confusion.{_KEYS[key]}", lang)


def confusion_table(
    let_in: pd.Series | np.ndarray, relevant: pd.Series | np.ndarray, lang: str | None = None,
) -> pd.DataFrame:
    """The 2×2 table of a rule: rows "let in" / "kept out", columns "relevant" / "not relevant".

    Counting the four cases in plain words first makes the two rates that follow (precision:
    the "relevant" share of the top row; recall: the "let in" share of the left column) a
    matter of reading a table, not of learning a formula. Rows, columns and their titles are
    in ``lang`` (None: the current language); in English they are the keys ``LET_IN``...
    """
    passed = np.asarray(let_in, dtype=bool)
    truth = np.asarray(relevant, dtype=bool)
    if passed.shape != truth.shape or passed.ndim != 1:
        raise InvalidInputError(
            "let_in and relevant must be two lists of the same length",
            [f"got shapes {passed.shape} and {truth.shape}"],
        )
    counts = [
        [int((passed & truth).sum()), int((passed & ~truth).sum())],
        [int((~passed & truth).sum()), int((~passed & ~truth).sum())],
    ]
    table = pd.DataFrame(
        counts,
        index=[confusion_label(k, lang) for k in (LET_IN, KEPT_OUT)],
        columns=[confusion_label(k, lang) for k in (RELEVANT, NOT_RELEVANT)],
    )
    table.index.name = message("analysis.confusion.rows", lang)
    table.columns.name = message("analysis.confusion.columns", lang)
    return table
