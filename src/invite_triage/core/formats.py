"""Numbers, percents and dates written the way each language writes them, through Babel.

Why Babel (CLDR data) rather than hand-written rules: the decimal separator, the grouping
space, the space before « % » and the month names differ per language and per country, and
CLDR already knows them all; a third language then needs no code. ``lang`` None means
:func:`invite_triage.core.i18n.get_language`, like every text-producing function.

English dates are written day first ("14 February 2026", the guide's British English);
other languages use their own CLDR "long" date format ("14 février 2026").
"""

from __future__ import annotations

import copy
import datetime as _dt
import math
from functools import lru_cache
from typing import Any

from invite_triage.core.i18n import check_language, get_language

#: The Babel locale a language's dates use when it is not the language code itself.
_DATE_LOCALES = {"en": "en_GB"}


def _lang(lang: str | None) -> str:
    return get_language() if lang is None else check_language(lang)


@lru_cache(maxsize=64)
def _pattern(lang: str, kind: str, digits: int) -> Any:
    """The locale's own decimal or percent pattern, with exactly ``digits`` decimals."""
    from babel import Locale  # lazy: Babel costs ~30 ms at import

    locale = Locale.parse(lang)
    formats = locale.percent_formats if kind == "percent" else locale.decimal_formats
    pattern = copy.copy(formats[None])
    pattern.frac_prec = (digits, digits)
    return pattern


def _check_digits(digits: int) -> int:
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 6:
        from invite_triage.core.errors import InvalidInputError

        raise InvalidInputError(
            "digits must be a whole number from 0 to 6", [f"digits: got {digits!r}"]
        )
    return digits


def number(x: float, lang: str | None = None, digits: int = 0) -> str:
    """``x`` with ``digits`` decimals and the language's separators: 12 345,7 / 12,345.7."""
    lang = _lang(lang)
    from babel import Locale

    return _pattern(lang, "decimal", _check_digits(digits)).apply(x, Locale.parse(lang))


def decimal(x: float, digits: int, lang: str | None = None) -> str:
    """:func:`number` with the decimals first: ``decimal(0.5, 2)`` → "0.50" / "0,50"."""
    return number(x, lang, digits)


def percent(share: float, lang: str | None = None, digits: int = 0) -> str:
    """A share (0.125) as a percent in the language's way: "12.5%" / "12,5 %"."""
    lang = _lang(lang)
    from babel import Locale

    text = _pattern(lang, "percent", _check_digits(digits)).apply(share, Locale.parse(lang))
    # French typography wants the narrow no-break space before « % » (CLDR gives the wide one).
    return text.replace("\u00a0%", "\u202f%")


def date(d: _dt.date | _dt.datetime, lang: str | None = None, length: str = "long") -> str:
    """A date in words: "14 February 2026" / "14 février 2026" (``length="medium"``: the
    short month, "14 Feb 2026" / "14 févr. 2026", for lists)."""
    from babel.dates import format_date

    lang = _lang(lang)
    if isinstance(d, _dt.datetime):
        d = d.date()
    return format_date(d, format=length, locale=_DATE_LOCALES.get(lang, lang))


def share(value: float | None, lang: str | None = None, digits: int = 0) -> str:
    """:func:`percent`, or a dash when the share is undefined (a rule nobody passed)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return percent(value, lang, digits)
