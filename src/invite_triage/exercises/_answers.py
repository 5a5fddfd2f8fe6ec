"""Reading a learner's answer kindly: ``3``, ``3.0``, ``"3"`` and ``np.int64(3)`` are all 3.

Checkers must never raise on an odd answer; each reader returns None when the answer cannot be
read as the expected kind, and the checker turns that into a hint.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping


def as_int(answer: object) -> int | None:
    """A whole number, from an int, an integral float or a numeric string."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Integral):
        return int(answer)
    if isinstance(answer, numbers.Real) and math.isfinite(float(answer)):
        value = float(answer)
        return int(value) if value.is_integer() else None
    if isinstance(answer, str):
        text = answer.strip().replace(",", "").replace("_", "")
        if text.lstrip("+-").isdigit():
            return int(text)
    return None


def as_float(answer: object) -> float | None:
    """A finite number, from a number or a numeric string ("0.75", "75%", "0,75")."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if isinstance(answer, str):
        text = answer.strip()
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # a decimal comma, as French writes "0,62"
        percent = text.endswith("%")
        try:
            value = float(text.rstrip("%").strip())
        except ValueError:
            return None
        return value / 100 if percent else value
    return None


def as_word(answer: object) -> str | None:
    """A single word or name, compared without case, surrounding spaces or a pair of quotes
    around it (an apostrophe ending a name, as in "Les Pros de la Com'", is kept)."""
    if not isinstance(answer, str) or not answer.strip():
        return None
    text = answer.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text.casefold() or None


def as_names(answer: object) -> set[str] | None:
    """A collection of names (list, tuple, set, or one comma-separated string), case-folded."""
    if isinstance(answer, str):
        items: Iterable[object] = answer.split(",")
    elif isinstance(answer, (list, tuple, set, frozenset)):
        items = answer
    else:
        return None
    names = {as_word(item) for item in items}
    if None in names or not names:
        return None
    return {n for n in names if n is not None}


def as_key(answer: object, keys: tuple[str, ...], kind: str | None = None,
           words: Mapping[str, str] | None = None) -> str | None:
    """The vocabulary key a learner's word names, in English or French: the key itself
    (``"hr"``), its label in any language (``label("family", "hr", "fr")`` → "RH"), or one of
    ``words`` (a synonym → its key); case, accents, quotes and a ``_`` for a space ignored."""
    from invite_triage.core.i18n import label, languages
    from invite_triage.core.text import fold

    word = as_word(answer)
    if word is None:
        return None
    known = {fold(key): key for key in keys}
    known.update({fold(key.replace("_", " ")): key for key in keys})
    if kind is not None:
        for lang in languages():
            known.update({fold(label(kind, key, lang)): key for key in keys})
    known.update({fold(w): key for w, key in (words or {}).items()})
    text = fold(word)
    return known.get(text, known.get(fold(text.replace("_", " "))))
