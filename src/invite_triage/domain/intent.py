"""What an invitation's note says about the sender's intent: personal, generic, pitch or empty.

The article's last warning is about people who grow a network to sell to it; their notes give
them away ("demo", "quick call", "rendez-vous", prices). LinkedIn's default sentence, on the
other hand, says nothing either way. The phrase lists live in ``vocab/intent_phrases.csv``
(columns ``phrase, lang, kind, note``) so they can be read and extended without touching code.
Matching ignores case and accents; ``#`` in a phrase stands for any number (a price).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from invite_triage.core.text import fold
from invite_triage.domain.taxonomy import MESSAGE_KINDS

#: Message kinds, from most to least reassuring.
KINDS: tuple[str, ...] = MESSAGE_KINDS
PHRASE_KINDS: tuple[str, ...] = ("generic", "greeting", "pitch", "personal")
#: A note that, once generic phrases and greetings are removed, keeps at most this many words
#: says nothing specific about the sender: it is generic.
GENERIC_MAX_LEFTOVER_WORDS = 3
_NUMBER = r"\d+(?:[.,\s]\d+)*"


@dataclass(frozen=True)
class PhraseTable:
    """The phrase table, compiled into one regular expression (one group per phrase)."""

    phrases: tuple[str, ...]
    kinds: tuple[str, ...]
    pattern: re.Pattern[str]


def normalise_message(text: object) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: what the phrases match."""
    return fold(text)


def _phrase_regex(phrase: str) -> str:
    parts = [re.escape(part) for part in normalise_message(phrase).split("#")]
    return _NUMBER.join(parts)


@lru_cache(maxsize=1)
def phrase_table() -> PhraseTable:
    """Read ``vocab/intent_phrases.csv`` once; longer phrases are tried first so that
    "offre d'emploi" (personal) wins over "offre" (pitch) at the same place."""
    table = resources.files("invite_triage.domain").joinpath("vocab/intent_phrases.csv")
    text = table.read_text("utf-8")
    rows = [row for row in csv.DictReader(text.splitlines()) if row["phrase"].strip()]
    unknown = sorted({row["kind"] for row in rows} - set(PHRASE_KINDS))
    if unknown:  # a typo in the data file must not silently disable phrases
        raise ValueError(f"intent_phrases.csv: unknown kind(s) {unknown}; expected {PHRASE_KINDS}")
    rows.sort(key=lambda row: -len(normalise_message(row["phrase"])))
    groups = "|".join(f"({_phrase_regex(row['phrase'])})" for row in rows)
    return PhraseTable(
        phrases=tuple(row["phrase"] for row in rows),
        kinds=tuple(row["kind"] for row in rows),
        # A lookahead finds a match at every word start, so overlapping phrases are all seen
        # ("disponible pour un appel" and "appel découverte").
        pattern=re.compile(rf"(?<!\w)(?=(?:{groups})(?!\w))"),
    )


def classify_message(text: object) -> tuple[str, tuple[str, ...]]:
    """``(kind, triggers)`` for one note: kind in :data:`KINDS`, triggers the phrases that
    decided (for a price, the amount as written). A pitch phrase wins over everything."""
    norm = normalise_message(text)
    if not any(ch.isalnum() for ch in norm):
        return "empty", ()
    table = phrase_table()
    found = []  # (start, end, phrase index), the longest phrase at each start
    for match in table.pattern.finditer(norm):
        index = match.lastindex - 1  # type: ignore[operator]
        found.append((*match.span(match.lastindex), index))
    # A phrase inside a longer one ("leads" in "qualified leads") is not a trigger of its own.
    kept = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o != f for o in found)]
    hits: dict[str, list[str]] = {kind: [] for kind in PHRASE_KINDS}
    leftover = list(norm)
    for start, end, index in kept:
        phrase, kind = table.phrases[index], table.kinds[index]
        shown = norm[start:end] if "#" in phrase else phrase
        if shown not in hits[kind]:
            hits[kind].append(shown)
        if kind in ("generic", "greeting"):
            leftover[start:end] = " " * (end - start)
    leftover = "".join(leftover)
    if hits["pitch"]:
        return "pitch", tuple(hits["pitch"])
    words = [w for w in re.findall(r"\w+", leftover) if len(w) > 1]
    if len(words) <= GENERIC_MAX_LEFTOVER_WORDS and not hits["personal"]:
        return "generic", tuple(hits["generic"] or hits["greeting"])
    return "personal", tuple(hits["personal"])


def classify_messages(messages: pd.Series) -> pd.DataFrame:
    """Vectorised :func:`classify_message`: each distinct note is classified once.

    Returns a frame on the same index with ``kind`` (categorical over :data:`KINDS`) and
    ``triggers`` (a tuple of phrases per row).
    """
    messages = pd.Series(messages)
    codes, uniques = pd.factorize(messages.to_numpy(object), use_na_sentinel=False)
    results = [classify_message(text) for text in uniques]
    kind_codes = np.array([KINDS.index(kind) for kind, _ in results], dtype=np.int8)
    triggers = np.empty(len(results), dtype=object)
    triggers[:] = [found for _, found in results]
    return pd.DataFrame(
        {
            "kind": pd.Categorical.from_codes(kind_codes[codes], categories=list(KINDS)),
            "triggers": triggers[codes] if len(codes) else np.empty(0, dtype=object),
        },
        index=messages.index,
    )
