"""Folding text for comparison: one place that decides when two spellings are the same.

Names, notes and titles are compared ignoring case, accents and curly apostrophes; a person's
name also ignores punctuation (``Chloé Dupont-Martin`` == ``chloe dupont martin``). Scripts
other than Latin are kept, so that a Cyrillic or Arabic name still matches itself.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_NOT_WORD = re.compile(r"[\W_]+")


def strip_accents(text: str) -> str:
    """``Chloé`` → ``Chloe``: decompose, then drop the combining marks (case and script kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def to_ascii(text: str) -> str:
    """Plain ASCII, for URL slugs and the title vocabulary: anything without an ASCII form goes."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def fold(text: object) -> str:
    """Lower case, no accents, straight apostrophes, single spaces; "" for anything not text."""
    if not isinstance(text, str):
        return ""
    return " ".join(strip_accents(text.translate(_APOSTROPHES)).casefold().split())


def name_key(text: object) -> str:
    """A person's name compared loosely: :func:`fold`, then punctuation and hyphens as spaces."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def name_keys(names: pd.Series) -> pd.Series:
    """:func:`name_key` over a column, each distinct name folded once."""
    values = names.astype(object).where(names.notna(), "")
    codes, uniques = pd.factorize(values.astype(str).to_numpy(dtype=object))
    keys = [name_key(u) for u in uniques]
    return pd.Series([keys[c] for c in codes], index=names.index, dtype=object)
