"""Errors that tell the learner what to fix: which file, row or column, and what was expected."""

from __future__ import annotations


class InviteTriageError(Exception):
    """Base class for every error this package raises on purpose."""


class InvalidInputError(InviteTriageError, ValueError):
    """Input data that does not match what the package expects.

    ``problems`` holds one human-readable line per problem (missing column, wrong type,
    offending rows) so a widget can list them all instead of stopping at the first.
    """

    def __init__(self, summary: str, problems: list[str] | None = None, source: str | None = None):
        self.summary = summary
        self.problems = list(problems or [])
        self.source = source
        where = f"{source}: " if source else ""
        lines = [f"{where}{summary}"] + [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class DamagedFileError(InvalidInputError):
    """A file the package keeps (the learner's annotations) is damaged and was not written
    into. ``saved_to`` is where the new data went instead (None when nothing was saved)."""

    def __init__(self, summary: str, problems: list[str] | None = None, source: str | None = None,
                 saved_to: object = None):
        super().__init__(summary, problems, source)
        self.saved_to = saved_to
