"""How well the intent classifier reads notes it was not written for.

Labelled corpora live in ``data/intent/``, written blind by people who never saw the
classifier: ``dev.csv`` and ``heldout.csv`` to ``heldout10.csv`` (the held-out sets of rounds 1
to 6, spent since), ``train_a.csv`` to ``train_l.csv`` (round 7's training sets, written around
the hardest case: sellers and peers who both introduce themselves): the model is trained on all
of them; ``heldout11.csv`` and ``heldout12.csv`` (frozen for round 7: evaluated once on its
final design, never tuned on). ``data/intent/README.md`` has every round.
Columns ``id, lang, kind, category, note``; ``kind`` is one of personal / generic / pitch. The
figure that matters is the kind accuracy per language, and the confusion matrix: a pitch read
as personal is the costly mistake (the triage then accepts it).

Print the figures for one corpus::

    python -m invite_triage.analysis.intent_eval data/intent/heldout11.csv
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import percent
from invite_triage.core.i18n import get_language, label, message
from invite_triage.core.paths import data_dir
from invite_triage.domain.intent import KINDS, NO_EVIDENCE, classify_messages

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


def load_corpus(path: str | os.PathLike[str], lang: str | None = None) -> pd.DataFrame:
    """Read a labelled corpus; raise :class:`InvalidInputError` naming the file, the bad rows
    and columns and what was expected, in ``lang`` (None: the current language)."""
    source = str(path)
    try:
        with warnings.catch_warnings():  # a row with more fields than the header is an error,
            warnings.simplefilter("error", pd.errors.ParserWarning)  # not a silent index
            corpus = pd.read_csv(path, dtype="str", keep_default_na=False, index_col=False)
    except FileNotFoundError as exc:
        raise InvalidInputError(message("analysis.intent_eval.corpus_not_found", lang),
                                [message("analysis.intent_eval.no_such_file", lang)],
                                source) from exc
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError,
            pd.errors.ParserWarning) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidInputError(message("analysis.intent_eval.unreadable", lang),
                                [message("analysis.intent_eval.not_csv", lang, reason=reason)],
                                source) from exc
    missing = [c for c in CORPUS_COLUMNS if c not in corpus.columns]
    if missing:
        raise InvalidInputError(
            message("analysis.intent_eval.columns_missing", lang),
            [message("analysis.intent_eval.expected_columns", lang,
                     expected=list(CORPUS_COLUMNS), missing=missing)],
            source,
        )
    bad = corpus.index[~corpus["kind"].isin(LABELLED_KINDS)]
    if len(bad):
        raise InvalidInputError(
            message("analysis.intent_eval.unknown_kinds", lang),
            [
                message("analysis.intent_eval.bad_kind", lang, row=i + 2,
                        got=repr(corpus.at[i, "kind"]), expected=list(LABELLED_KINDS))
                for i in bad[:20]
            ],
            source,
        )
    return corpus[list(CORPUS_COLUMNS)]


#: The corpora shipped in the checkout's ``data/intent/``, oldest first; the last two are the
#: frozen held-out sets of the current design.
INTENT_CORPORA: tuple[str, ...] = (
    "dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    "heldout8", "heldout9", "heldout10", *(f"train_{letter}" for letter in "abcdefghijkl"),
    "heldout11", "heldout12",
)


def intent_corpus(name: str = INTENT_CORPORA[-1]) -> pd.DataFrame:
    """One labelled corpus of ``data/intent/`` by name (``"heldout4"``), loaded through the
    package; outside a checkout the corpora are not installed and the error says so."""
    if name not in INTENT_CORPORA:
        raise InvalidInputError(
            "unknown corpus", [f"got {name!r}; expected one of {list(INTENT_CORPORA)}"]
        )
    folder = data_dir()
    if folder is None or not (folder / "intent" / f"{name}.csv").exists():
        raise InvalidInputError(
            "the note corpora are not here",
            ["they ship with the repository (data/intent/), not with the installed package"],
        )
    return load_corpus(folder / "intent" / f"{name}.csv")


#: The frozen held-out sets of the current design: what the guide shows by default.
FROZEN_CORPORA: tuple[str, ...] = INTENT_CORPORA[-2:]


def intent_evaluation(*names: str) -> IntentEvaluation:
    """:func:`evaluate_intent` of shipped corpora taken together (none named: the current
    design's frozen held-out sets, :data:`FROZEN_CORPORA`; the guide's chapter 05 shows them)."""
    frames = [intent_corpus(name) for name in (names or FROZEN_CORPORA)]
    return evaluate_intent(pd.concat(frames, ignore_index=True))


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


def _evaluation(source: IntentEvaluation | str | None) -> IntentEvaluation:
    if isinstance(source, IntentEvaluation):
        return source
    return intent_evaluation() if source is None else intent_evaluation(source)


def intent_results(source: IntentEvaluation | str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """Both languages' confusion matrices in one table a learner reads in ``lang`` (None: the
    current language): rows are the notes' language and what each note really is, columns what
    the classifier read, plus the share read right; an "all notes" row per language carries
    its accuracy. ``source`` is an evaluation, a corpus name (``"heldout11"``) or None (the
    frozen held-out sets)."""
    evaluation = _evaluation(source)
    kinds = {k: label("message_kind", k, lang) for k in KINDS}
    right = message("analysis.intent_eval.read_right", lang)
    blocks = []
    for note_lang, matrix in evaluation.confusion.items():
        table = matrix.rename(index=kinds, columns=kinds)
        counts = matrix.to_numpy()
        shares = [percent(row[i_col] / row.sum() if row.sum() else 0.0, lang, digits=1)
                  for row, i_col in zip(counts, [list(matrix.columns).index(k)
                                                 for k in matrix.index], strict=True)]
        table = pd.DataFrame(table.to_numpy(), index=list(table.index),
                             columns=list(table.columns))
        table.loc[message("analysis.intent_eval.all_notes", lang)] = counts.sum(axis=0)
        table[right] = [*shares, percent(float(evaluation.accuracy[note_lang]), lang, digits=1)]
        if not table[kinds["empty"]].any():
            table = table.drop(columns=kinds["empty"])
        table.index = pd.MultiIndex.from_product(
            [[message(f"analysis.intent_eval.lang.{note_lang}", lang)], table.index])
        blocks.append(table)
    result = pd.concat(blocks)
    result.index.names = [message("analysis.intent_eval.notes_language", lang),
                          message("analysis.intent_eval.really", lang)]
    result.columns.name = message("analysis.intent_eval.read_as", lang)
    return result


#: The misreadings shown first: the costly one (a pitch the triage would accept), then a
#: sincere note taken for a pitch, then a sincere note that says nothing to the reader.
MISREAD_ORDER: tuple[tuple[str, str], ...] = (
    ("pitch", "personal"), ("personal", "pitch"), ("personal", "generic"),
    ("pitch", "generic"), ("generic", "pitch"), ("generic", "personal"),
)


def misread_notes(source: IntentEvaluation | str | None = None, n: int = 3,
                  lang: str | None = None) -> pd.DataFrame:
    """``n`` notes that the classifier misreads, one of each kind of mistake in turn
    (:data:`MISREAD_ORDER`), with what decided, headed in ``lang`` (None: the current
    language): the notes a learner can read, not only the count of errors. Notes written in
    ``lang`` come first; when it has fewer than ``n`` misread notes, the others' fill in."""
    evaluation = _evaluation(source)
    lang = get_language() if lang is None else lang
    frame = evaluation.predictions
    wrong = frame[~frame["correct"]].sort_values("id")
    picked: list[int] = []
    for part in (wrong[wrong["lang"].eq(lang)], wrong[~wrong["lang"].eq(lang)]):
        groups = [part[part["kind"].eq(true) & part["predicted"].eq(read)]
                  for true, read in MISREAD_ORDER]
        depth = 0
        while len(picked) < n and any(depth < len(g) for g in groups):
            picked += [g.index[depth] for g in groups if depth < len(g)][: n - len(picked)]
            depth += 1
    rows = wrong.loc[picked]

    def decided(triggers: tuple[str, ...]) -> str:
        return ", ".join(message("analysis.intent_eval.no_evidence", lang) if t == NO_EVIDENCE
                         else t for t in triggers)

    return pd.DataFrame({
        message("analysis.intent_eval.note", lang): rows["note"].to_list(),
        message("analysis.intent_eval.really", lang): [label("message_kind", k, lang)
                                                        for k in rows["kind"]],
        message("analysis.intent_eval.read_as", lang): [label("message_kind", k, lang)
                                                         for k in rows["predicted"]],
        message("analysis.intent_eval.decided_by", lang): [decided(t)
                                                            for t in rows["triggers"]],
    })


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
