"""Who "you" are: the person deciding. Relevance always depends on your role and goals."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
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


def _show(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _valid_text(text: str) -> bool:
    """False for a lone surrogate (JSON's ``"\\ud800"``): it cannot be written to any file."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text_items(value: object) -> tuple[str, ...] | None:
    """A tuple of text from one text or a list/tuple of texts; None for anything else."""
    if isinstance(value, str):
        value = (value,)
    if isinstance(value, (bytes, Mapping)) or not isinstance(value, Iterable):
        return None
    items = tuple(value)
    if not all(isinstance(v, str) and _valid_text(v) for v in items):
        return None
    return items


def _weight(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if 0 <= number <= 1 else None


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
        for attr in ("name", "title"):
            value = getattr(self, attr)
            if not isinstance(value, str):
                problems.append(f"{attr}: got {_show(value)}; expected text")
            elif not _valid_text(value):
                problems.append(f"{attr}: holds characters that are not valid Unicode (a lone "
                                "surrogate); expected plain text")
        for attr in ("goals", "groups", "known_people"):
            value = getattr(self, attr)
            items = _text_items(value)
            if items is None:
                problems.append(f"{attr}: got {_show(value)}; expected a list of text")
                items = ()
            object.__setattr__(self, attr, items)
        bad_goals = [g for g in self.goals if g not in GOALS]
        if bad_goals:
            problems.append(f"goals: unknown {bad_goals}; expected some of {list(GOALS)}")
        if not isinstance(self.policy, str) or self.policy not in POLICIES:
            problems.append(f"policy: got {_show(self.policy)}; expected one of {list(POLICIES)}")
        if not isinstance(self.language, str) or self.language not in LANGUAGES:
            problems.append(
                f"language: got {_show(self.language)}; expected one of {list(LANGUAGES)}")
        if (isinstance(self.mentoring, bool) or not isinstance(self.mentoring, (int, float))
                or not 0 <= float(self.mentoring) <= 1):
            problems.append(f"mentoring: got {_show(self.mentoring)}; expected a number in [0, 1]")
        overrides = self.family_overrides
        if not isinstance(overrides, Mapping):
            problems.append(f"family_overrides: got {_show(overrides)}; expected a dict "
                            "family → weight in [0, 1]")
            overrides = {}
        for fam, weight in dict(overrides).items():
            number = _weight(weight)
            if not isinstance(fam, str) or fam not in FAMILIES or number is None:
                problems.append(
                    f"family_overrides: {_show(fam)}={_show(weight)}; expected a family among "
                    f"{list(FAMILIES)} with a weight in [0, 1]"
                )
        if problems:
            raise InvalidInputError("this profile is not valid", problems)
        object.__setattr__(self, "family_overrides",
                           {fam: float(weight) for fam, weight in overrides.items()})

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
        """Write the profile as JSON; a path that cannot be written raises, naming it."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n",
                            "utf-8")
        except OSError as exc:
            raise InvalidInputError(
                "the profile could not be saved",
                [f"{exc.strerror or exc}; expected a file name you can write to"], str(path),
            ) from None
        return path

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Profile:
        """Read a profile saved as JSON; errors name the file and the field."""
        path = Path(path)
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except FileNotFoundError:
            raise InvalidInputError(
                "file not found", [f"expected a profile JSON at {path}"], str(path)
            ) from None
        except IsADirectoryError:
            raise InvalidInputError(
                "this is a folder", ["expected a profile JSON file"], str(path)
            ) from None
        except OSError as exc:
            raise InvalidInputError(
                "the profile could not be read",
                [f"{exc.strerror or exc}; expected a profile JSON file you can read"], str(path),
            ) from None
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                "not UTF-8 text", [f"byte {exc.start}: {exc.reason}; expected a JSON file "
                                   "saved as UTF-8"], str(path)
            ) from None
        except json.JSONDecodeError as exc:
            raise InvalidInputError(
                "not valid JSON", [f"line {exc.lineno}, column {exc.colno}: {exc.msg}"], str(path)
            ) from None
        except RecursionError:
            raise InvalidInputError(
                "not valid JSON", ["nested too deeply; expected a JSON object of profile "
                                   "fields"], str(path)
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
