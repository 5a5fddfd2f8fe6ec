"""How well the intent classifier reads notes it was not written for.

Two labelled corpora live in ``tests/data/intent/``, written blind by people who never saw the
classifier: ``dev.csv`` (for design and tuning) and ``heldout.csv`` (frozen: evaluated once per
design, never tuned on). Columns ``id, lang, kind, category, note``; ``kind`` is one of
personal / generic / pitch. The figure that matters is the kind accuracy per language, and the
confusion matrix: a pitch read as personal is the costly mistake (the triage then accepts it).

Print the figures for one corpus::

    python -m invite_triage.analysis.intent_eval tests/data/intent/heldout.csv
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.intent import KINDS, classify_messages

CORPUS_COLUMNS: tuple[str, ...] = ("id", "lang", "kind", "category", "note")
#: The kinds a labelled note can have (an empty note needs no label).
LABELLED_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "empty")


@dataclass(frozen=True)
class IntentEvaluation:
    """Per-language accuracy and confusion matrices (rows: true kind, columns: predicted)."""

    accuracy: pd.Series
    confusion: dict[str, pd.DataFrame]
    predictions: pd.DataFrame

    def report(self) -> str:
        """The figures as plain text, one block per language."""
        lines = []
        for lang, matrix in self.confusion.items():
            n = int(matrix.to_numpy().sum())
            lines.append(f"{lang}: kind accuracy {self.accuracy[lang]:.3f} ({n} notes)")
            lines.append(matrix.to_string())
            lines.append("")
        lines.append(f"all: kind accuracy {self.accuracy['all']:.3f}")
        return "\n".join(lines)


def load_corpus(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a labelled corpus; raise :class:`InvalidInputError` naming the bad rows."""
    source = str(path)
    try:
        corpus = pd.read_csv(path, dtype="str", keep_default_na=False)
    except FileNotFoundError as exc:
        raise InvalidInputError("corpus file not found", [str(exc)], source) from exc
    missing = [c for c in CORPUS_COLUMNS if c not in corpus.columns]
    if missing:
        raise InvalidInputError(
            "corpus columns missing",
            [f"expected columns {list(CORPUS_COLUMNS)}; missing {missing}"],
            source,
        )
    bad = corpus.index[~corpus["kind"].isin(LABELLED_KINDS)]
    if len(bad):
        raise InvalidInputError(
            "unknown kinds in the corpus",
            [
                f"row {i + 2}, column kind: got {corpus.at[i, 'kind']!r}; "
                f"expected one of {list(LABELLED_KINDS)}"
                for i in bad[:20]
            ],
            source,
        )
    return corpus[list(CORPUS_COLUMNS)]


def evaluate_intent(corpus: pd.DataFrame) -> IntentEvaluation:
    """Classify every note of ``corpus``; accuracy per language (and ``all``) and one
    confusion matrix (``pd.crosstab``, true kind by predicted kind) per language."""
    predicted = classify_messages(corpus["note"])
    frame = corpus.assign(
        predicted=predicted["kind"].astype(str), triggers=predicted["triggers"]
    )
    frame["correct"] = frame["predicted"] == frame["kind"]
    accuracy = frame.groupby("lang", sort=True)["correct"].mean()
    accuracy["all"] = frame["correct"].mean()
    kinds = list(LABELLED_KINDS)
    confusion = {}
    for lang, part in frame.groupby("lang", sort=True):
        matrix = pd.crosstab(
            pd.Categorical(part["kind"], categories=kinds),
            pd.Categorical(part["predicted"], categories=list(KINDS)),
            rownames=["true"],
            colnames=["predicted"],
            dropna=False,
        )
        confusion[str(lang)] = matrix
    return IntentEvaluation(accuracy.rename("accuracy"), confusion, frame)


def main(argv: list[str] | None = None) -> int:
    """Print per-language accuracy and confusion matrices for the corpus files given."""
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m invite_triage.analysis.intent_eval CORPUS.csv [...]")
        return 2
    for path in paths:
        print(f"== {Path(path).name}")
        print(evaluate_intent(load_corpus(path)).report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
