"""The intent classifier on notes written apart from the project, its speed, and its robustness.

Twenty-five corpora in ``data/intent/`` (see its README), written blind by people who never saw
the classifier: ``dev.csv`` designed the cue table; ``heldout.csv`` to ``heldout10.csv`` were the
frozen held-out sets of rounds 1 to 6, spent since; ``train_a.csv`` to ``train_l.csv`` were
written for round 7 around the hardest case (sellers and peers who both introduce themselves).
The round-7 model is trained on all of them (``python -m invite_triage.analysis.intent_train``).
``heldout11.csv`` and ``heldout12.csv`` are the frozen held-out sets of round 7, committed before
any round-7 change and evaluated once on its final design, never tuned on. The hashes of the
held-out files are checked below. Run with ``pytest -s`` to see the per-language figures and
confusion matrices.
"""

from __future__ import annotations

import functools
import hashlib
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from invite_triage.analysis.intent_eval import (
    INTENT_CORPORA,
    evaluate_intent,
    load_corpus,
    main,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.intent import (
    KINDS,
    MAX_NOTE_CHARS,
    classify_message,
    cut_mark,
    find_cues,
    normalise_message,
)
from invite_triage.domain.schema import coerce_invitations, empty_invitations
from invite_triage.domain.triage import triage
from invite_triage.world.datasets import example_profile

DATA = Path(__file__).resolve().parents[2] / "data" / "intent"
DEV = DATA / "dev.csv"
#: Every held-out file's SHA-256: editing one must be a visible decision, not an accident.
#: Rounds 1 to 6 (``heldout`` to ``heldout10``) are spent: development data since. Round 3
#: froze heldout3 and heldout4, round 4 heldout5 and heldout6 (en 0.925 / fr 0.958 and
#: 0.958 / 0.983), round 5 heldout7 and heldout8 (0.950 / 0.942 and 0.950 / 0.983), round 6
#: heldout9 and heldout10 (0.900 / 0.883 and 0.933 / 0.975); round 7 froze heldout11 and
#: heldout12, written blind by helpers who quoted no note back, committed (e149f62) before any
#: round-7 change and evaluated once on the final round-7 design (f4c4477).
FROZEN_SHA256 = {
    "heldout": "3086e321309b080f565eaf19c5dec046338711c57b5f3bf8a46c2e94a243a5ae",
    "heldout2": "37373c9fd89eedbc3322de4532c68434c9f6310b3150c42328c2cc12c971dbbc",
    "heldout3": "6eef8079eef49ff9d4bc782835f2dfcd6c4afc49c7fd1536855a0fb6263580df",
    "heldout4": "fa705804de02588cc6c13025a6311bb502db587487cd8decb2ab4f022068ba24",
    "heldout5": "7ec3c3d5117cf8c72a0229eda0605571bb1c80fa487499099ca1d6539f3c5130",
    "heldout6": "8dd2f9e608280f6edc7db22dbb667819b725771ce813a65ac83372c1dc10b37d",
    "heldout7": "61e1f1bf6fd5287ae1dd3d6cb1cdb0b401511b38b0e6a85c85e50bead8f96eca",
    "heldout8": "b1db671d45840b1079bfe635622bfc52a7a02c00f1d8db8c19c5aee77cf1b339",
    "heldout9": "505b9bfefac0038124eadf6cd1490b752ea6a2e3a669a72ad5f32176971cde22",
    "heldout10": "f5dfdade4fe98b2b8f9d2d4871a839935f45d342d2dacd22df2b6c68f8e536de",
    "heldout11": "b7c6b854d5158a3d465014a16dbe7980c6c37c550218af12f5339d6f6fb9ba62",
    "heldout12": "0a4d0a6e48e42680f978efcd70cb03ece61c295e6a54f366b6fb9af41ec37b36",
}
HELDOUT2, HELDOUT6, HELDOUT9, HELDOUT11, HELDOUT12 = (
    DATA / f"{name}.csv" for name in ("heldout2", "heldout6", "heldout9", "heldout11", "heldout12")
)
#: The development corpora of the round-7 design (its model is trained on all of them).
DEVELOPMENT = INTENT_CORPORA[:-2]
FROZEN = INTENT_CORPORA[-2:]
#: The issue's bar, per language, on notes nobody here wrote.
MIN_HELDOUT_ACCURACY = 0.95
#: On the development corpora the bar is higher: a miss there is a regression of the cue table
#: or of the model trained on them.
MIN_DEV_ACCURACY = 0.97
LANGS = ("en", "fr")


@functools.cache
def evaluation(corpus: str):
    """The classifier's figures on one corpus of ``data/intent/``, computed once per run."""
    return evaluate_intent(load_corpus(DATA / f"{corpus}.csv"))


@pytest.mark.parametrize(("name", "digest"), FROZEN_SHA256.items())
def test_held_out_corpora_are_the_frozen_ones(name, digest):
    got = hashlib.sha256((DATA / f"{name}.csv").read_bytes()).hexdigest()
    assert got == digest, f"{name}.csv changed: it is frozen (see the module doc)"


@pytest.mark.parametrize("corpus", DEVELOPMENT)
@pytest.mark.parametrize("lang", LANGS)
def test_development_accuracy_per_language(corpus, lang):
    figures = evaluation(corpus)
    print(f"\n{corpus}: {figures.report()}")
    assert figures.accuracy[lang] >= MIN_DEV_ACCURACY


def test_the_frozen_sets_are_the_last_two_corpora_and_never_trained_on():
    from invite_triage.analysis.intent_train import TRAINING_CORPORA

    assert FROZEN == ("heldout11", "heldout12") and set(FROZEN) <= set(FROZEN_SHA256)
    assert not {f"data/intent/{name}.csv" for name in FROZEN} & set(TRAINING_CORPORA)


#: Measured once, on the final round-7 design (f4c4477: the model trained on the 24
#: development corpora and the world's notes, the cue table's verdict a feature learnt only on
#: notes the table was never written from, no overrides, pitch bias 1.0): heldout11.csv gave
#: en 0.983, fr 1.000; heldout12.csv en 0.992, fr 1.000. Leaving each of the 14 corpora the cue
#: table never saw out of training in turn gave en 0.964, fr 0.963 (min 0.908: train_j in
#: French), the figure to expect on harder notes (data/intent/README.md).
@pytest.mark.parametrize("corpus", FROZEN)
@pytest.mark.parametrize("lang", LANGS)
def test_frozen_held_out_accuracy_per_language(corpus, lang):
    figures = evaluation(corpus)
    print(f"\n{corpus}: {figures.report()}")
    assert figures.accuracy[lang] >= MIN_HELDOUT_ACCURACY


#: The one pitch of the frozen sets read as personal: an ads freelancer referred by a mutual
#: friend ("our mutual friend Danny mentioned you're looking to grow your yoga studio. I run
#: Facebook ad campaigns for wellness businesses..."). Strict: a new design must be evaluated on
#: a new frozen set, and then this mark is removed or updated.
_PITCH_LEAK11 = pytest.mark.xfail(
    strict=True, reason="heldout11.csv: 1 pitch read as personal (x039)"
)


@pytest.mark.parametrize(
    "corpus", [*DEVELOPMENT, pytest.param("heldout11", marks=_PITCH_LEAK11), "heldout12"]
)
def test_no_pitch_reads_as_personal(corpus):
    frame = evaluation(corpus).predictions
    leaked = frame[(frame["kind"] == "pitch") & (frame["predicted"] == "personal")]
    assert leaked.empty, leaked[["id", "note", "triggers"]].to_string()


_SENT_AT = "2026-01-29 14:37"  # any fixed date: the message alone must not earn an accept
#: Every other column at the canonical schema's default (no title, no mutuals, no groups)...
DEFAULTS: dict[str, str] = {}
#: ... or a peer's: a title in the example profile's field and three mutuals. There the note
#: decides (a personal note is accepted, a generic one or a pitch declined), so a pitch read as
#: personal would be accepted: the test has teeth.
PEER = {"title": "Community Manager", "mutual_connections": "3"}


def _as_invitations(path: Path, kind: str, context: dict[str, str]):
    """The corpus's notes of ``kind``, and an invitations table holding each as its message,
    the other columns at the schema's defaults overridden by ``context``."""
    corpus = load_corpus(path)
    notes = corpus[corpus["kind"] == kind].reset_index(drop=True)
    defaults = {"mutual_connections": "0", "known_offline": "false", "sent_at": _SENT_AT,
                **context}
    table = pd.DataFrame({"message": notes["note"]})
    for column in empty_invitations().columns.drop("message"):
        table[column] = defaults.get(column, "")
    return notes, coerce_invitations(table[list(empty_invitations().columns)], path.name)


#: With the schema's defaults no held-out pitch is accepted (the message alone never earns an
#: accept); in a peer's context the one pitch read as personal is (measured once).
_ACCEPTED_PITCH11 = pytest.mark.xfail(
    strict=True, reason="heldout11.csv: in a peer's context the pitch read as personal (x039) "
    "is accepted"
)
_LEAKS = {HELDOUT11: _ACCEPTED_PITCH11}
_CASES = [
    pytest.param(path, context, id=f"{path.stem}-{name}",
                 marks=_LEAKS[path] if name == "peer" and path in _LEAKS else ())
    for path in (HELDOUT2, HELDOUT6, HELDOUT9, HELDOUT11, HELDOUT12)
    for name, context in (("defaults", DEFAULTS), ("peer", PEER))
]


@pytest.mark.parametrize(("path", "context"), _CASES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_triage_never_accepts_a_held_out_pitch(path, lang, context):
    pitches, table = _as_invitations(path, "pitch", context)
    assert len(table) == len(pitches) > 0
    decided = triage(table, example_profile(lang))
    accepted = decided["decision"] == "accept"
    assert not accepted.any(), pitches.loc[accepted.to_numpy(), ["id", "note"]].to_string()


def test_in_a_peer_context_the_note_decides():
    """The control of the test above: the same context accepts personal development notes."""
    _, table = _as_invitations(HELDOUT2, "personal", PEER)
    accepted = (triage(table, example_profile("en"))["decision"] == "accept").mean()
    assert accepted >= 0.9


def test_confusion_matrices_are_crosstabs_over_all_kinds():
    dev = evaluation("dev")
    for lang in LANGS:
        matrix = dev.confusion[lang]
        assert list(matrix.index) == ["personal", "generic", "pitch"]
        assert list(matrix.columns) == list(KINDS)
        assert matrix.to_numpy().sum() == (dev.predictions["lang"] == lang).sum()
    assert set(dev.accuracy.index) == {*LANGS, "all"}


def test_printing_the_figures(capsys):
    assert main([str(DEV)]) == 0
    out = capsys.readouterr().out
    assert "en: kind accuracy" in out and "fr: kind accuracy" in out
    assert "predicted" in out
    assert main([]) == 2


def test_load_corpus_names_what_is_wrong(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,lang,kind,category,note\nx1,en,sales,spam,Buy now\n", "utf-8")
    with pytest.raises(InvalidInputError, match="row 2, column kind"):
        load_corpus(bad)
    (tmp_path / "cols.csv").write_text("id,note\nx1,hi\n", "utf-8")
    with pytest.raises(InvalidInputError, match="missing"):
        load_corpus(tmp_path / "cols.csv")
    with pytest.raises(InvalidInputError, match="not found"):
        load_corpus(tmp_path / "absent.csv")


# --- speed: linear in the note's length, capped ----------------------------------------------


def _best_of(func, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _long_text(n_chars: int) -> str:
    notes = " ".join(pd.read_csv(DEV)["note"])
    return normalise_message((notes * (n_chars // len(notes) + 1))[:n_chars])


def test_reading_is_linear_in_the_note_length():
    """Four times the text takes about four times as long (a pairwise comparison of the cues
    found, as before, took sixteen). Ratios of the same run, not wall-clock thresholds."""
    short, long = _long_text(20_000), _long_text(80_000)
    find_cues(short)  # compile the table outside the timings
    ratio = _best_of(lambda: find_cues(long)) / _best_of(lambda: find_cues(short))
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"
    # The number of cues found grows linearly too (each place keeps at most one).
    assert len(find_cues(long)) < 5 * len(find_cues(short))


def test_a_huge_note_is_cut_visibly_and_costs_no_more_than_the_cap():
    huge = "Hello, let's connect! " * 50_000  # 1.1 MB
    kind, triggers = classify_message(huge)
    assert kind == "generic"
    assert triggers[-1] == cut_mark() == f"note cut at {MAX_NOTE_CHARS:,} characters"
    capped = huge[:MAX_NOTE_CHARS]
    classify_message(capped)
    ratio = _best_of(lambda: classify_message(huge)) / _best_of(lambda: classify_message(capped))
    assert ratio < 3, f"a 1.1 MB note took {ratio:.1f}x a note at the cap"
    assert cut_mark() not in classify_message(capped)[1]


# --- robustness -----------------------------------------------------------------------------


@given(st.text(max_size=400))
def test_any_text_gets_a_kind_and_readable_triggers(text):
    kind, triggers = classify_message(text)
    assert kind in KINDS
    assert isinstance(triggers, tuple)
    assert all(isinstance(t, str) and t for t in triggers)
    assert (kind == "empty") == (not any(ch.isalnum() for ch in normalise_message(text)))


@given(st.lists(st.sampled_from(["demo", "€", "5", "la même promo", "we met", " ", "é", "#",
                                 "re:", "~", "*", "offre d'emploi", "$", "k", "-", "2024"]),
                max_size=60))
def test_cue_fragments_in_any_order_never_break_the_reader(parts):
    text = "".join(parts)
    kind, triggers = classify_message(text)
    assert kind in KINDS and all(isinstance(t, str) for t in triggers)
    for start, end, _ in find_cues(normalise_message(text)):
        assert 0 <= start < end <= len(normalise_message(text))
