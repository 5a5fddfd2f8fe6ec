"""Who "you" are: the person deciding. Relevance always depends on your role and goals."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.taxonomy import FAMILIES, GOALS, LANGUAGES, POLICIES, RELEVANT_WEIGHT
from invite_triage.domain.titles import classify_title

__all__ = ["FAMILIES", "GOALS", "LANGUAGES", "POLICIES", "RELEVANT_WEIGHT", "Profile"]


#: How much each family matters, before goals: the article's three relevant kinds of job
#: (your field, HR as potential employers, company bosses) versus the rest.
_BASE_WEIGHT = {"own": 1.0, "hr": 0.6, "leadership": 0.6, "sales": 0.15, "default": 0.1}
#: Goals raise some families: a recruiter matters more when you look for a job, a boss when
#: you prospect or keep clients, your own field when you care about your reputation.
_GOAL_BOOST: dict[str, dict[str, float]] = {
    "job_search": {"hr": 1.0, "leadership": 0.7},
    "prospecting": {"leadership": 1.0, "sales": 0.3},
    "client_retention": {"leadership": 0.9},
    "reputation": {"own": 1.0},
}


@dataclass(frozen=True)
class Profile:
    """Your own situation. Frozen, so ``dataclasses.replace(profile, policy="known_only")`` works.

    ``family_overrides`` maps a family to a weight in [0, 1] and wins over the derived weights.
    """

    name: str = "You"
    title: str = "Community Manager"
    goals: tuple[str, ...] = ("reputation",)
    groups: tuple[str, ...] = ()
    known_people: tuple[str, ...] = ()
    policy: Literal["balanced", "known_only", "open"] = "balanced"
    mentoring: float = 0.5
    language: Literal["en", "fr"] = "en"
    family_overrides: dict[str, float] = field(default_factory=dict, hash=False, compare=True)

    def __post_init__(self) -> None:
        problems = []
        for attr in ("goals", "groups", "known_people"):
            value = getattr(self, attr)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, attr, tuple(value))
        bad_goals = [g for g in self.goals if g not in GOALS]
        if bad_goals:
            problems.append(f"goals: unknown {bad_goals}; expected some of {list(GOALS)}")
        if self.policy not in POLICIES:
            problems.append(f"policy: got {self.policy!r}; expected one of {list(POLICIES)}")
        if self.language not in LANGUAGES:
            problems.append(f"language: got {self.language!r}; expected one of {list(LANGUAGES)}")
        if not isinstance(self.mentoring, (int, float)) or not 0 <= float(self.mentoring) <= 1:
            problems.append(f"mentoring: got {self.mentoring!r}; expected a number in [0, 1]")
        for fam, weight in dict(self.family_overrides).items():
            if fam not in FAMILIES or not 0 <= float(weight) <= 1:
                problems.append(
                    f"family_overrides: {fam!r}={weight!r}; expected a family among "
                    f"{list(FAMILIES)} with a weight in [0, 1]"
                )
        if problems:
            raise InvalidInputError("this profile is not valid", problems)
        object.__setattr__(self, "family_overrides", dict(self.family_overrides))

    @property
    def family(self) -> str:
        """Your own job family, derived from your title."""
        return classify_title(self.title)[0]

    def family_weights(self) -> dict[str, float]:
        """How much each family matters to you, in [0, 1], from your family and goals."""
        own = self.family
        weights = {fam: _BASE_WEIGHT.get(fam, _BASE_WEIGHT["default"]) for fam in FAMILIES}
        weights[own] = _BASE_WEIGHT["own"]
        for goal in self.goals:
            for fam, boost in _GOAL_BOOST[goal].items():
                key = own if fam == "own" else fam
                weights[key] = max(weights[key], boost)
        weights.update({k: float(v) for k, v in self.family_overrides.items()})
        return weights

    @property
    def relevant_families(self) -> tuple[str, ...]:
        """The families that matter to you (weight >= 0.5), most important first."""
        weights = self.family_weights()
        ranked = sorted(FAMILIES, key=lambda f: (-weights[f], FAMILIES.index(f)))
        return tuple(f for f in ranked if weights[f] >= RELEVANT_WEIGHT)

    # --- files -------------------------------------------------------------------------
    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("goals", "groups", "known_people"):
            data[key] = list(data[key])
        return data

    def save(self, path: str | os.PathLike[str]) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", "utf-8")
        return path

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Profile:
        """Read a profile saved as JSON; errors name the file and the field."""
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise InvalidInputError(
                "file not found", [f"expected a profile JSON at {path}"], str(path)
            ) from None
        except json.JSONDecodeError as exc:
            raise InvalidInputError(
                "not valid JSON", [f"line {exc.lineno}, column {exc.colno}: {exc.msg}"], str(path)
            ) from None
        if not isinstance(data, dict):
            raise InvalidInputError("expected a JSON object with profile fields", source=str(path))
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidInputError(
                "unknown profile field(s)",
                [f"{k!r}; expected among {sorted(known)}" for k in unknown],
                str(path),
            )
        try:
            return cls(**data)
        except InvalidInputError as exc:
            raise InvalidInputError(exc.summary, exc.problems, str(path)) from None
