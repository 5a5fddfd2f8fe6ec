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

COMPONENT_LABELS: dict[str, str] = {
    "relevant_contacts": "relevant contacts",
    "reach": "reach",
    "feed_noise": "feed noise",
    "exposure": "exposure",
    "time_spent": "time spent",
}


def signed(value: float) -> str:
    """A value with its sign, one decimal: "+12.3", "−4.0" (a true minus sign)."""
    text = f"{abs(value):.1f}"
    if text == "0.0":
        return "0.0"
    return ("+" if value > 0 else "−") + text


def number(value: float) -> str:
    """One decimal, with a true minus sign."""
    return f"{value:.1f}".replace("-", "−")


class WhatIfModel:
    """The sandbox's state: the current assumptions and what they imply."""

    def __init__(self, assumptions: Mapping[str, float] | None = None,
                 persona: str | None = None):
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
            raise InvalidInputError(f"unknown persona {persona!r}",
                                    [f"expected one of {list(WHAT_IF_PERSONAS)}"])
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
        """Where ``policy`` starts winning as ``assumption`` moves, the rest as set."""
        return break_even(assumption, policy, **self.assumptions)

    def verdict(self, frame: pd.DataFrame | None = None) -> str:
        """One sentence: who wins, and by how much over the runner-up (``frame``: the
        current :meth:`frame`, when already computed)."""
        frame = self.frame() if frame is None else frame
        values = frame["value"].sort_values(ascending=False, kind="stable")
        best, second = values.index[0], values.index[1]
        gap = values.iloc[0] - values.iloc[1]
        return (f"{POLICY_LABELS[best].capitalize()} wins: {number(values.iloc[0])} against "
                f"{number(values.iloc[1])} for {POLICY_LABELS[second]} (a lead of {gap:.1f} "
                "relevant contacts per 100 invitations).")

    def sentences(self) -> list[str]:
        """The verdict and the break-even on reach, in words."""
        return [self.verdict(), self.break_even().sentence]

    def rows(self, frame: pd.DataFrame | None = None) -> list[dict[str, str]]:
        """The table under the chart: one row per policy, value then components (signed)."""
        frame = self.frame() if frame is None else frame
        rows = []
        for policy in WHAT_IF_POLICIES:
            row = {"policy": POLICY_LABELS[policy], "value": signed(frame.at[policy, "value"])}
            for component in COMPONENTS:
                row[COMPONENT_LABELS[component]] = signed(frame.at[policy, component])
            row["accepted"] = f"{frame.at[policy, 'accepted']:.0f}"
            rows.append(row)
        return rows

    def settings_text(self) -> str:
        """The current assumptions as ``name=value`` pairs, ready to paste into ``what_if``."""
        return ", ".join(f"{name}={self.assumptions[name]:g}" for name in WHAT_IF_RANGES)


def component_meanings() -> list[dict[str, str]]:
    """What each component counts, for the chapter's legend table."""
    return [{"component": COMPONENT_LABELS[c], "meaning": COMPONENT_MEANINGS[c]}
            for c in COMPONENTS]


def assumption_rows() -> list[dict[str, str]]:
    """Each assumption with its range and default."""
    return [
        {"assumption": name, "slider": ASSUMPTION_LABELS[name], "low": f"{low:g}",
         "default": f"{default:g}", "high": f"{high:g}"}
        for name, (low, default, high) in WHAT_IF_RANGES.items()
    ]


__all__ = ["COMPONENT_LABELS", "PERSONA_LABELS", "WhatIfModel", "assumption_rows",
           "component_meanings", "signed"]
