"""Train the intent model shipped in ``domain/vocab/intent_model.csv`` (build time only).

The model is a multinomial logistic regression (scikit-learn, ``lbfgs``: deterministic) over
:func:`invite_triage.domain.intent.note_features` of the labelled development corpora in
``data/intent/`` (``dev.csv`` and the held-out sets of rounds 1 to 5, ``heldout.csv`` to
``heldout8.csv``: all spent; ``heldout9.csv`` and ``heldout10.csv``, frozen for round 6, are
never read here). Features seen in fewer than :data:`MIN_NOTES` notes are dropped:
they cannot generalise and would only bloat the file. The coefficients are written rounded to
:data:`DIGITS` decimals; the package reads them with numpy alone, so scikit-learn is needed
only here (the ``dev`` extra). A test checks that the shipped file equals a fresh run.

Run from the repository root::

    python -m invite_triage.analysis.intent_train            # rewrite the shipped file
    python -m invite_triage.analysis.intent_train --check    # exit 1 if it differs
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from invite_triage.analysis.intent_eval import load_corpus
from invite_triage.domain import intent

#: The development corpora the model learns from, relative to the repository root.
TRAINING_CORPORA: tuple[str, ...] = (
    "data/intent/dev.csv",
    "data/intent/heldout.csv",
    "data/intent/heldout2.csv",
    "data/intent/heldout3.csv",
    "data/intent/heldout4.csv",
    "data/intent/heldout5.csv",
    "data/intent/heldout6.csv",
    "data/intent/heldout7.csv",
    "data/intent/heldout8.csv",
)
#: A feature must occur in this many training notes to be kept.
MIN_NOTES = 2
#: Inverse regularisation strength: chosen on round-2 data (train dev + heldout, score
#: heldout2); 1 and 10 gave the same accuracy, the smaller keeps coefficients readable.
C = 1.0
DIGITS = 4  # 5 gave the same verdicts on all 2,220 training notes, in a file 10 % larger
ROOT = Path(__file__).resolve().parents[3]


def training_frame(root: Path = ROOT):
    """All labelled notes of :data:`TRAINING_CORPORA`, in file order."""
    import pandas as pd

    return pd.concat([load_corpus(root / path) for path in TRAINING_CORPORA], ignore_index=True)


def train_csv(notes: list[str], kinds: list[str]) -> str:
    """The model file's text for these labelled notes (deterministic)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = [intent.note_features(note) for note in notes]
    seen = Counter(name for row in rows for name in row)
    names = sorted(name for name, count in seen.items() if count >= MIN_NOTES)
    column = {name: j for j, name in enumerate(names)}
    data, indices, indptr = [], [], [0]
    for row in rows:
        for name, value in sorted(row.items()):
            if name in column:
                indices.append(column[name])
                data.append(value)
        indptr.append(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), len(names)), dtype=float)
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=10_000, tol=1e-8)
    model.fit(matrix, np.asarray(kinds))
    classes = [str(k) for k in model.classes_]
    order = [classes.index(k) for k in intent.LABELLED]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["feature", *intent.LABELLED])
    fmt = f"{{:.{DIGITS}f}}"
    writer.writerow([intent.INTERCEPT, *(fmt.format(model.intercept_[i]) for i in order)])
    for j, name in enumerate(names):
        writer.writerow([name, *(fmt.format(model.coef_[i, j]) for i in order)])
    return out.getvalue()


def shipped_path() -> Path:
    return Path(intent.__file__).resolve().parent / intent.MODEL_FILE


def main(argv: list[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) the shipped model file."""
    args = sys.argv[1:] if argv is None else argv
    frame = training_frame()
    text = train_csv(frame["note"].tolist(), frame["kind"].tolist())
    path = shipped_path()
    if "--check" in args:
        same = path.exists() and path.read_text("utf-8") == text
        print(f"{path.name}: {'up to date' if same else 'differs from a fresh training run'}")
        return 0 if same else 1
    path.write_text(text, "utf-8")
    print(f"wrote {path} ({text.count(chr(10)) - 2} features, {len(frame)} notes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
