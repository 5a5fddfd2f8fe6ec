"""Words and numbers of the analyses in the reader's language: catalog-backed label tables and
the "n/a"-aware number formats the summaries, the charts and the report share.

Why label *tables* that follow :func:`~invite_triage.core.i18n.get_language` rather than
plain dicts: apps and exercises index ``POLICY_LABELS[policy]`` or
``ASSUMPTION_LABELS[name]`` directly; with a :class:`CatalogLabels` they get the edition's
words without a change, and ``labels.in_language("fr")`` gives a fixed-language copy.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

from invite_triage.core.formats import number, percent
from invite_triage.core.i18n import message

K = TypeVar("K")


class CatalogLabels(Mapping[K, str], Generic[K]):
    """``key → message(prefix.suffix)`` in the current language, keys in a fixed order.

    ``suffixes`` maps each key to its msgid suffix (a key may be a tuple, as the 2×2 table's
    cells are); a plain sequence of string keys uses each key as its own suffix.
    """

    def __init__(self, prefix: str, suffixes: Mapping[K, str] | tuple[str, ...]):
        self.prefix = prefix
        self._suffixes: dict = (dict(suffixes) if isinstance(suffixes, Mapping)
                                else {key: key for key in suffixes})

    def __getitem__(self, key: K) -> str:
        return message(f"{self.prefix}.{self._suffixes[key]}")

    def __iter__(self) -> Iterator[K]:
        return iter(self._suffixes)

    def __len__(self) -> int:
        return len(self._suffixes)

    def get_in(self, key: K, lang: str | None = None) -> str:
        """One label in ``lang`` (None: the current language)."""
        return message(f"{self.prefix}.{self._suffixes[key]}", lang)

    def in_language(self, lang: str | None = None) -> dict[K, str]:
        """Every label in ``lang`` (None: the current language), as a plain dict."""
        return {key: self.get_in(key, lang) for key in self._suffixes}

    def __repr__(self) -> str:
        return f"CatalogLabels({self.prefix!r}, {list(self._suffixes)!r})"


def is_missing(value: object) -> bool:
    """None or NaN: a figure that cannot be computed."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def pct(value: float | None, lang: str | None = None, digits: int = 0) -> str:
    """A share as a percent ("47%" / "47 %"), or "n/a" in the language when undefined."""
    return message("analysis.na", lang) if is_missing(value) else percent(
        float(value), lang, digits)  # type: ignore[arg-type]


def num(value: float | None, lang: str | None = None, digits: int = 0) -> str:
    """A number with the language's separators ("1,234" / "1 234"), or "n/a"."""
    return message("analysis.na", lang) if is_missing(value) else number(
        float(value), lang, digits)  # type: ignore[arg-type]
