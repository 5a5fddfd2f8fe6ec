"""The words, numbers and dates the charts and the report show, in the reader's language.

Every chart takes ``lang`` (None: :func:`~invite_triage.core.i18n.get_language`) and asks
here for its words: vocabulary keys (families, seniorities, policies, decisions, criteria)
become short labels from the catalog, numbers and percents go through Babel
(:mod:`invite_triage.core.formats`), and date axes get month names in the language.
matplotlib is imported only by the axis helpers, when called.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from invite_triage.analysis.texts import is_missing, num, pct
from invite_triage.core.i18n import check_language, get_language, label, message
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import FAMILIES
from invite_triage.domain.taxonomy import DECISIONS
from invite_triage.domain.titles import SENIORITIES

if TYPE_CHECKING:
    from matplotlib.axis import Axis

__all__ = [
    "criterion_name",
    "date_axis",
    "decision_name",
    "family_name",
    "fit_title",
    "is_missing",
    "language",
    "num",
    "number_axis",
    "pct",
    "percent_axis",
    "policy_name",
    "seniority_name",
]

#: Policies with a short name on the charts (``simulate_growth``'s and ``policy_networks``'
#: names); any other policy label is shown as given.
NAMED_POLICIES: tuple[str, ...] = ("accept_all", "known_only", "balanced", "open")


def language(lang: str | None) -> str:
    """``lang`` checked, or the current language when None."""
    return get_language() if lang is None else check_language(lang)


def family_name(key: object, lang: str | None = None) -> str:
    """A job family's short chart name ("hr" / "RH"); anything else as given."""
    return message(f"chart.family.{key}", lang) if key in FAMILIES else str(key)


def seniority_name(key: object, lang: str | None = None) -> str:
    """A seniority's short chart name ("mid" / "confirmé"); anything else as given."""
    return message(f"chart.seniority.{key}", lang) if key in SENIORITIES else str(key)


def policy_name(key: object, lang: str | None = None) -> str:
    """A named policy's chart name ("accept_all" / "tout accepter"); a label the learner
    gave (a dict key, "score >= 0.6") is shown as given."""
    return message(f"chart.policy.{key}", lang) if key in NAMED_POLICIES else str(key)


def criterion_name(key: object, lang: str | None = None) -> str:
    """A criterion's label ("their job" / "son poste"), from the domain's labels."""
    return label("criterion", str(key), lang) if key in CRITERIA else str(key)


def decision_name(key: object, lang: str | None = None) -> str:
    """A decision's label ("ask first" / "demander d'abord"), from the domain's labels."""
    return label("decision", str(key), lang) if key in DECISIONS else str(key)


def percent_axis(axis: Axis, lang: str | None = None) -> None:
    """Tick labels as percents of 1.0, written the language's way ("40%" / "40 %")."""
    from matplotlib.ticker import FuncFormatter

    lang = language(lang)
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: pct(x, lang)))


#: Marks a month number in a strftime format, replaced by the month's name afterwards
#: (``strftime`` writes month names in the C locale only, i.e. in English).
_MONTH = "\x01"
_MONTH_NUMBER = re.compile(_MONTH + r"(\d\d)")


def _concise_formatter(locator: Any, lang: str) -> Any:
    """A ``ConciseDateFormatter`` whose month names come from Babel (CLDR) in ``lang``:
    "févr." in French, "Feb" in English; days are written before months."""
    from babel.dates import get_month_names
    from matplotlib.dates import ConciseDateFormatter

    months = get_month_names("abbreviated", context="stand-alone", locale=lang)

    def named(text: str) -> str:
        return _MONTH_NUMBER.sub(lambda m: months[int(m.group(1))], text)

    class LocalizedConciseDateFormatter(ConciseDateFormatter):
        def format_ticks(self, values: Any) -> list[str]:
            return [named(text) for text in super().format_ticks(values)]

        def get_offset(self) -> str:
            return named(super().get_offset())

    month = _MONTH + "%m"
    return LocalizedConciseDateFormatter(
        locator,
        formats=["%Y", month, "%d", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y", month, f"%d {month}", "%H:%M", "%H:%M"],
        offset_formats=["", "%Y", f"{month} %Y", f"%d {month} %Y", f"%d {month} %Y",
                        f"%d {month} %Y %H:%M"],
    )


def date_axis(axis: Axis, lang: str | None = None) -> None:
    """Concise date ticks (years, then months only where the year does not change) with
    month names in the language."""
    from matplotlib.dates import AutoDateLocator

    locator = AutoDateLocator(minticks=3, maxticks=8)
    axis.set_major_locator(locator)
    axis.set_major_formatter(_concise_formatter(locator, language(lang)))


def date_formatter(lang: str | None = None) -> Any:
    """The concise date formatter alone (with its own locator), for tests and custom axes."""
    from matplotlib.dates import AutoDateLocator

    return _concise_formatter(AutoDateLocator(), language(lang))


def fit_title(text: str, width_inches: float, fontsize: float) -> str:
    """``text`` wrapped at spaces to fit ``width_inches`` at ``fontsize`` points, so a long
    (often French) title breaks into lines instead of running off the figure. The width of
    a character is estimated at 0.53 em (DejaVu Sans, matplotlib's default font)."""
    import textwrap

    chars = max(int(width_inches * 72 / (fontsize * 0.53)), 20)
    return "\n".join(
        "\n".join(textwrap.wrap(line, chars, break_long_words=False)) or line
        for line in text.split("\n")
    )


def number_axis(axis: Axis, lang: str | None = None) -> None:
    """Tick labels with the language's separators ("1,200" / "1 200", "0.05" / "0,05")."""
    from matplotlib.ticker import FuncFormatter

    lang = language(lang)

    def tick(x: float, _pos: object) -> str:
        text = f"{round(float(x), 6):g}"
        digits = min(len(text.split(".")[1]), 3) if "." in text and "e" not in text else 0
        return num(x, lang, digits)

    axis.set_major_formatter(FuncFormatter(tick))
