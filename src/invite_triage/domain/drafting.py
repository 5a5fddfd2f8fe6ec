"""The "ask first" message: a short, polite note asking about what is unclear in a request.

The article suggests writing to the person before deciding, to ask what they expect and how
you could help each other; their answer shows whether the request is serious or only meant
to grow a network to sell to. The note is specific to what is unclear (a pitch, a beginner, no
shared context, a job far from yours, a recruiter) and uses what you do share (a group, mutual
connections). Its parts (:data:`PARTS`) are messages ``draft.<part>`` of the catalog
(:mod:`invite_triage.core.i18n`); :data:`TEMPLATES` lists them as (part, language, text) rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import check_language, message, template
from invite_triage.core.i18n import languages as i18n_languages
from invite_triage.domain.criteria import KNOWN_FLAGS, Signals, compute_criteria, reason_keys
from invite_triage.domain.intent import KINDS
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT, Profile

#: The parts a note is made of; each is the message ``draft.<part>`` of the catalog
#: (:mod:`invite_triage.core.i18n`). Placeholders: {first_name}, {my_first_name}, {my_title},
#: {field} (``draft.field.<family>``, your field in words), {group}, {mutuals}, {their_title}.
PARTS: tuple[str, ...] = (
    "greeting", "greeting_no_name", "thanks",
    # what you share, to show you looked (the most specific one is used)
    "context_group", "context_mutual", "context_mutuals", "context_title",
    # the question, one per situation
    "pitch", "beginner", "recruiter", "no_context", "unrelated_job", "unclear",
    "closing",
)
SITUATIONS: tuple[str, ...] = (
    "pitch", "beginner", "recruiter", "no_context", "unrelated_job", "unclear",
)


class _Templates(Sequence):
    """``(part, language, text)`` rows for every part and every language of the catalog, read
    when asked for (importing this module reads no catalog)."""

    def _rows(self) -> tuple[tuple[str, str, str], ...]:
        langs = i18n_languages()
        return tuple(
            (part, lang, template(f"draft.{part}", lang)) for part in PARTS for lang in langs
        )

    def __getitem__(self, index):  # type: ignore[override]
        return self._rows()[index]

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(PARTS) * len(i18n_languages())


#: The note's parts in every language, as readable ``(part, language, text)`` rows.
TEMPLATES: Sequence[tuple[str, str, str]] = _Templates()

_DEFAULTS: dict[str, object] = {
    "name": "", "title": "", "company": "", "years_experience": np.nan,
    "mutual_connections": 0, "mutual_titles": [], "shared_groups": [], "message": "",
    "known_offline": False,
}
_LISTS = ("mutual_titles", "shared_groups")
_TITLE_CUT = re.compile(r"\s+(?:[|@•·/–—-]|at|chez)\s+|\s*[|•]\s*", re.IGNORECASE)


def _row_frame(row: Mapping[str, object] | pd.Series) -> pd.DataFrame:
    """One invitation as a one-row frame; absent fields take neutral defaults."""
    if not isinstance(row, (Mapping, pd.Series)):
        raise InvalidInputError(
            "draft_message needs one invitation",
            [f"got {type(row).__name__}; expected a row of the invitations table (Series/dict)"],
        )
    data = {key: row.get(key, default) for key, default in _DEFAULTS.items()}
    problems = []
    for key in ("mutual_titles", "shared_groups"):
        if not isinstance(data[key], (list, tuple, np.ndarray)):
            problems.append(f"field '{key}': expected a list of text, got {data[key]!r}")
    for key in ("name", "title", "message"):
        value = data[key]
        if value is None or (isinstance(value, float) and np.isnan(value)):
            data[key] = ""
        elif not isinstance(value, str):
            problems.append(f"field '{key}': expected text, got {value!r}")
    for key in ("years_experience", "mutual_connections"):
        value = data[key]
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
            problems.append(f"field '{key}': expected a number, got {value!r}")
    if problems:
        raise InvalidInputError("this invitation cannot be read", problems)
    frame = pd.DataFrame({key: [value] for key, value in data.items() if key not in _LISTS})
    for key in _LISTS:
        cell = np.empty(1, dtype=object)
        cell[0] = list(data[key])  # type: ignore[call-overload]
        frame[key] = cell
    frame["known_offline"] = frame["known_offline"].astype(bool)
    for flag in KNOWN_FLAGS.values():  # an export's unknown signals stay unknown
        if flag in row:
            frame[flag] = bool(row.get(flag))
    return frame



def situation(row: Mapping[str, object] | pd.Series, profile: Profile) -> str:
    """What is most unclear about a request, one of :data:`SITUATIONS` (first that applies)."""
    signals = Signals(_row_frame(row), profile)
    results = compute_criteria(signals)
    family = int(signals.family[0])
    relevant_job = signals.family_weights[family] >= RELEVANT_WEIGHT
    career_key = reason_keys("career")[int(results["career"].code[0])]
    if signals.message_kind[0] == KINDS.index("pitch"):
        return "pitch"
    if career_key in ("beginner", "beginner_mentor"):
        return "beginner"
    if FAMILIES[family] == "hr" and profile.family != "hr":
        return "recruiter"
    no_mutuals = signals.mutual_stats[0][0] == 0 and signals.mutuals_known[0]
    no_groups = signals.shared_groups[0] == 0 and signals.groups_known[0]
    if no_mutuals and no_groups and not signals.known[0]:
        return "no_context"
    if not relevant_job:
        return "unrelated_job"
    return "unclear"


def _short_title(title: str) -> str:
    """The first part of a headline, without company or tagline ("CM @ Acme | ..." → "CM")."""
    return _TITLE_CUT.split(title.strip(), maxsplit=1)[0].strip()


def draft_message(
    row: Mapping[str, object] | pd.Series, profile: Profile, lang: str | None = None
) -> str:
    """A short "ask first" note for one invitation, in ``lang`` (default: the profile's).

    Specific to what is unclear (see :func:`situation`) and to what you share, addressed to
    the inviter by first name and signed with yours.
    """
    lang = check_language(profile.language if lang is None else lang)
    frame = _row_frame(row)
    kind = situation(row, profile)
    first_name = str(frame.at[0, "name"]).split()[0] if str(frame.at[0, "name"]).strip() else ""
    groups = list(frame.at[0, "shared_groups"])
    mutual_count = max(int(frame.at[0, "mutual_connections"]), len(frame.at[0, "mutual_titles"]))
    values = {
        "first_name": first_name,
        "my_first_name": profile.name.split()[0] if profile.name.strip() else "",
        "my_title": profile.title,
        "field": message(f"draft.field.{profile.family}", lang),
        "group": groups[0] if groups else "",
        "mutuals": mutual_count,
        "their_title": _short_title(str(frame.at[0, "title"])),
    }
    if groups:
        context = "context_group"
    elif mutual_count:
        context = "context_mutual" if mutual_count == 1 else "context_mutuals"
    elif values["their_title"]:
        context = "context_title"
    else:
        context = None
    greeting = "greeting" if first_name else "greeting_no_name"
    body = [template("draft.thanks", lang)]
    if context is not None:
        body.append(template(f"draft.{context}", lang))
    body.append(template(f"draft.{kind}", lang))
    parts = [template(f"draft.{greeting}", lang), " ".join(body), template("draft.closing", lang)]
    return "\n\n".join(parts).format(**values).rstrip()
