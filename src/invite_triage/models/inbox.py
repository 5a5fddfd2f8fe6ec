"""Chapter 06's inbox logic: the pending invitations triaged once, a cursor, and your choices.

:class:`InboxModel` triages the whole inbox once (so 30,000 pending invitations cost one call
to the engine) and then only moves a cursor and records your choices in a small integer
array; every summary is a count over that array.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from invite_triage.analysis.quality import contact_signals
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.drafting import draft_message
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import PreparedTriage, resolve_weights
from invite_triage.render.explain import contributions
from invite_triage.render.style import DECISIONS

UNDECIDED = -1


@dataclass(frozen=True)
class InboxSummary:
    """Your network so far, from the decisions you made in the inbox."""

    total: int
    accepted: int
    asked: int
    declined: int
    undecided: int
    #: Share of the people you accepted whose job matters to you (what the criteria can see).
    relevance_estimate: float
    #: Share of the people you accepted who are truly relevant (synthetic data only, else None).
    relevance_truth: float | None
    #: Of your decisions, how many match the suggested decision.
    agreed: int

    @property
    def decided(self) -> int:
        return self.accepted + self.asked + self.declined

    @property
    def agreement(self) -> float:
        return self.agreed / self.decided if self.decided else math.nan


class InboxModel:
    """The pending invitations, triaged once, a cursor, and your choices (pure logic)."""

    def __init__(
        self,
        invitations: pd.DataFrame,
        profile: Profile,
        weights: Mapping[str, float] | None = None,
        thresholds: Mapping[str, float] | None = None,
    ):
        self.profile = profile
        self.weights = resolve_weights(profile, weights)
        self.thresholds = None if thresholds is None else dict(thresholds)
        # Kept prepared: the reasons in the other language then cost no second scoring.
        self._prepared = PreparedTriage(invitations, profile)
        self.triaged = self._prepared.triage(weights=self.weights,
                                             thresholds=self.thresholds).reset_index(drop=True)
        self._reasons = {profile.language: self.triaged["reasons"].to_numpy(object)}
        signals = contact_signals(self.triaged, profile)
        self._relevant_estimate = signals["relevant"].to_numpy(float)
        self._relevant_truth = (
            signals["relevant_true"].to_numpy(float) if "relevant_true" in signals else None
        )
        self._suggested = pd.Categorical(
            self.triaged["decision"], categories=list(DECISIONS)
        ).codes.astype(np.int8)
        self.choices = np.full(len(self.triaged), UNDECIDED, dtype=np.int8)
        self.position = 0

    # --- where we are ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.triaged)

    @property
    def current(self) -> pd.Series:
        """The invitation under the cursor (with its criteria, score, decision, reasons)."""
        self._require_any()
        return self.triaged.iloc[self.position]

    @property
    def suggestion(self) -> str:
        return DECISIONS[int(self._suggested[self.position])]

    @property
    def choice(self) -> str | None:
        """What you decided for the current invitation, if anything."""
        code = int(self.choices[self.position]) if len(self) else UNDECIDED
        return None if code == UNDECIDED else DECISIONS[code]

    @property
    def at_end(self) -> bool:
        return len(self) == 0 or self.position == len(self) - 1

    @property
    def finished(self) -> bool:
        """Every invitation has a decision."""
        return bool((self.choices != UNDECIDED).all())

    def _require_any(self) -> None:
        if len(self) == 0:
            raise InvalidInputError(
                "the inbox is empty", ["there is no pending invitation to show or decide"]
            )

    # --- moving ------------------------------------------------------------------------
    def go(self, position: int) -> int:
        """Move to ``position`` (clamped to the inbox); returns where the cursor is."""
        self._require_any()
        self.position = int(min(max(int(position), 0), len(self) - 1))
        return self.position

    def next(self) -> int:
        return self.go(self.position + 1)

    def previous(self) -> int:
        return self.go(self.position - 1)

    def skip(self) -> int:
        """Leave this one for later: jump to the next invitation without a decision (after the
        cursor first, then from the start); stay put if every other one is decided."""
        self._require_any()
        undecided = np.flatnonzero(self.choices == UNDECIDED)
        undecided = undecided[undecided != self.position]
        if undecided.size == 0:
            return self.position
        after = undecided[undecided > self.position]
        return self.go(int(after[0] if after.size else undecided[0]))

    # --- deciding ----------------------------------------------------------------------
    def decide(self, decision: str) -> int:
        """Record ``decision`` ("accept", "ask" or "decline") for the current invitation and
        move to the next one (the cursor stays on the last invitation)."""
        self._require_any()
        if decision not in DECISIONS:
            raise InvalidInputError(
                f"unknown decision {decision!r}", [f"expected one of {list(DECISIONS)}"]
            )
        self.choices[self.position] = DECISIONS.index(decision)
        return self.next()

    def summary(self) -> InboxSummary:
        counts = np.bincount(self.choices[self.choices != UNDECIDED], minlength=len(DECISIONS))
        accepted = self.choices == DECISIONS.index("accept")
        decided = self.choices != UNDECIDED
        estimate = float(self._relevant_estimate[accepted].mean()) if accepted.any() else math.nan
        truth = None
        if self._relevant_truth is not None:
            truth = float(self._relevant_truth[accepted].mean()) if accepted.any() else math.nan
        return InboxSummary(
            total=len(self),
            accepted=int(counts[0]),
            asked=int(counts[1]),
            declined=int(counts[2]),
            undecided=int((~decided).sum()),
            relevance_estimate=estimate,
            relevance_truth=truth,
            agreed=int((self.choices[decided] == self._suggested[decided]).sum()),
        )

    # --- what to show ------------------------------------------------------------------
    def contributions(self) -> pd.DataFrame:
        """What each criterion added to the current invitation's score (see charts)."""
        return contributions(self.current, self.weights)

    def reasons(self, lang: str | None = None) -> str:
        """The current suggestion's reasons in ``lang`` (the other language is triaged once,
        the first time it is asked for)."""
        self._require_any()
        lang = lang or self.profile.language
        if lang not in self._reasons:
            other = dataclasses.replace(self.profile, language=lang)
            self._reasons[lang] = self._prepared.with_profile(other).triage(
                weights=self.weights, thresholds=self.thresholds)["reasons"].to_numpy(object)
        return str(self._reasons[lang][self.position])

    def draft(self, lang: str | None = None) -> str:
        """The "ask first" message for the current invitation, in ``lang`` or yours."""
        return draft_message(self.current, self.profile, lang=lang)

    def decisions(self) -> pd.DataFrame:
        """The triaged inbox with a ``your_decision`` column ("" where undecided)."""
        labels = np.array([*DECISIONS, ""], dtype=object)[self.choices]
        return self.triaged.assign(your_decision=labels)
