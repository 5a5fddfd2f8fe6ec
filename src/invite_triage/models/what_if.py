"""Chapter 09's sandbox without widgets: assumptions in, each policy's value and the verdict out.

:class:`WhatIfModel` holds the learner's assumptions (one per slider of
``widgets.what_if_app``), asks :func:`invite_triage.analysis.what_if.what_if` for the
simulated values and words the verdict: who wins, by how much, and where accepting everyone
would start (or stop) winning as reach gains worth. Tests and exercises use it directly.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from invite_triage.analysis.what_if import (
    ASSUMPTION_LABELS,
    COMPONENT_LABELS,
    COMPONENT_MEANINGS,
    COMPONENTS,
    PERSONA_LABELS,
    POLICY_LABELS,
    WHAT_IF_PERSONAS,
    WHAT_IF_POLICIES,
    WHAT_IF_RANGES,
    BreakEven,
    break_even,
    resolve_assumptions,
    what_if,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import decimal
from invite_triage.core.i18n import message


def signed(value: float, lang: str | None = None) -> str:
    """A value with its sign, one decimal: "+12.3", "−4.0" (a true minus sign); the decimal
    mark is the language's ("+12,3" in French)."""
    text = decimal(abs(value), 1, lang)
    if text == decimal(0.0, 1, lang):
        return text
    return ("+" if value > 0 else "−") + text


def number(value: float, lang: str | None = None) -> str:
    """One decimal, with a true minus sign."""
    return decimal(value, 1, lang).replace("-", "−")


class WhatIfModel:
    """The sandbox's state: the current assumptions and what they imply."""

    def __init__(self, assumptions: Mapping[str, float] | None = None,
                 persona: str | None = None, lang: str | None = None):
        self.lang = lang
        self.assumptions: dict[str, float] = resolve_assumptions({})
        if persona is not None:
            self.apply_persona(persona)
        if assumptions:
            self.assumptions = resolve_assumptions({**self.assumptions, **assumptions})

    def set(self, name: str, value: float) -> None:
        """Change one assumption (checked against ``WHAT_IF_RANGES``)."""
        self.assumptions = resolve_assumptions({**self.assumptions, name: value})

    def update(self, assumptions: Mapping[str, float]) -> None:
        """Change several assumptions at once (all checked before any is kept)."""
        self.assumptions = resolve_assumptions({**self.assumptions, **assumptions})

    def apply_persona(self, persona: str) -> None:
        """Take all the assumptions of one of ``WHAT_IF_PERSONAS``."""
        if persona not in WHAT_IF_PERSONAS:
            raise InvalidInputError(
                message("app.what_if.unknown_persona", self.lang, persona=repr(persona)),
                [message("app.what_if.expected_personas", self.lang,
                         personas=list(WHAT_IF_PERSONAS))])
        self.assumptions = resolve_assumptions(WHAT_IF_PERSONAS[persona])

    def reset(self) -> None:
        """Back to the defaults of ``WHAT_IF_RANGES``."""
        self.assumptions = resolve_assumptions({})

    def frame(self) -> pd.DataFrame:
        """:func:`what_if` under the current assumptions."""
        return what_if(**self.assumptions)

    def winner(self) -> str:
        return str(self.frame()["value"].idxmax())

    def break_even(self, assumption: str = "reach_worth",
                   policy: str = "accept_all") -> BreakEven:
        """Where ``policy`` starts winning as ``assumption`` moves, the rest as set (the
        sentence in the model's language)."""
        return break_even(assumption, policy, lang=self.lang, **self.assumptions)

    def verdict(self, frame: pd.DataFrame | None = None) -> str:
        """One sentence: who wins, and by how much over the runner-up (``frame``: the
        current :meth:`frame`, when already computed)."""
        frame = self.frame() if frame is None else frame
        values = frame["value"].sort_values(ascending=False, kind="stable")
        best, second = values.index[0], values.index[1]
        gap = values.iloc[0] - values.iloc[1]
        lang = self.lang
        winner = POLICY_LABELS.get_in(best, lang)
        return message("app.what_if.verdict", lang, best=winner[:1].upper() + winner[1:],
                       value=number(values.iloc[0], lang),
                       runner_up=number(values.iloc[1], lang),
                       second=POLICY_LABELS.get_in(second, lang),
                       gap=decimal(gap, 1, lang))

    def sentences(self) -> list[str]:
        """The verdict and the break-even on reach, in words."""
        return [self.verdict(), self.break_even().sentence]

    def rows(self, frame: pd.DataFrame | None = None) -> list[dict[str, str]]:
        """The table under the chart: one row per policy, value then components (signed)."""
        frame = self.frame() if frame is None else frame
        lang = self.lang
        col = {key: message(f"app.what_if.col_{key}", lang)
               for key in ("policy", "value", "accepted")}
        rows = []
        for policy in WHAT_IF_POLICIES:
            row = {col["policy"]: POLICY_LABELS.get_in(policy, lang),
                   col["value"]: signed(frame.at[policy, "value"], lang)}
            for component in COMPONENTS:
                row[COMPONENT_LABELS.get_in(component, lang)] = signed(
                    frame.at[policy, component], lang)
            row[col["accepted"]] = decimal(frame.at[policy, "accepted"], 0, lang)
            rows.append(row)
        return rows

    def settings_text(self) -> str:
        """The current assumptions as ``name=value`` pairs, ready to paste into ``what_if``."""
        return ", ".join(f"{name}={self.assumptions[name]:g}" for name in WHAT_IF_RANGES)


def component_meanings(lang: str | None = None) -> list[dict[str, str]]:
    """What each component counts, for the chapter's legend table."""
    component = message("app.what_if.col_component", lang)
    meaning = message("app.what_if.col_meaning", lang)
    return [{component: COMPONENT_LABELS.get_in(c, lang),
             meaning: COMPONENT_MEANINGS.get_in(c, lang)}
            for c in COMPONENTS]


def assumption_rows(lang: str | None = None) -> list[dict[str, str]]:
    """Each assumption with its range and default (the name as ``what_if`` takes it)."""
    col = {key: message(f"app.what_if.col_{key}", lang)
           for key in ("assumption", "slider", "low", "default", "high")}
    return [
        {col["assumption"]: name, col["slider"]: ASSUMPTION_LABELS.get_in(name, lang),
         col["low"]: f"{low:g}", col["default"]: f"{default:g}", col["high"]: f"{high:g}"}
        for name, (low, default, high) in WHAT_IF_RANGES.items()
    ]


__all__ = ["COMPONENT_LABELS", "PERSONA_LABELS", "WhatIfModel", "assumption_rows",
           "component_meanings", "signed"]
