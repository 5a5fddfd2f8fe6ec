"""The words of the export and annotation readers' errors, from the catalog (``linkedin.po``).

A French learner who drops a damaged zip in the French edition reads why in French: every
summary and problem line these readers raise is msgid ``linkedin.error.<what>``, in the
language the public reader was given (``lang``; None: :func:`~invite_triage.core.i18n.get_language`
at the call). The file, the line or column and the values found stay as they are: they are
data, named in every language.
"""

from __future__ import annotations

from invite_triage.core.i18n import check_language, get_language, message


def reader_language(lang: str | None) -> str:
    """The language a public reader speaks: ``lang`` when it has a catalog, else the current
    one. Read once per call, so one error never mixes two languages."""
    return get_language() if lang is None else check_language(lang)


def error_text(what: str, lang: str | None, /, **fields: object) -> str:
    """One error line, msgid ``linkedin.error.<what>``, its placeholders filled."""
    return message(f"linkedin.error.{what}", lang, **fields)
