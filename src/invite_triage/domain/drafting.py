"""The "ask first" message: a short, polite note asking about what is unclear in a request.

The article suggests writing to the person before deciding, to ask what they expect and how
you could help each other; their answer shows whether the request is serious or only meant
to grow a network to sell to. The note is specific to what is unclear (a pitch, a beginner, no
shared context, a job far from yours, a recruiter) and uses what you do share (a group, mutual
connections). Templates live in :data:`TEMPLATES`, a readable (part, language, text) table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.criteria import Signals, compute_criteria, reason_keys
from invite_triage.domain.intent import KINDS
from invite_triage.domain.profile import FAMILIES, LANGUAGES, RELEVANT_WEIGHT, Profile

#: (part, language, text). Placeholders: {first_name}, {my_first_name}, {my_title}, {field},
#: {group}, {mutuals}, {their_title}.
TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("greeting", "en", "Hi {first_name},"),
    ("greeting", "fr", "Bonjour {first_name},"),
    ("greeting_no_name", "en", "Hello,"),
    ("greeting_no_name", "fr", "Bonjour,"),
    ("thanks", "en", "Thank you for your invitation."),
    ("thanks", "fr", "Merci pour votre invitation."),
    # what you share, to show you looked (the most specific one is used)
    ("context_group", "en", "I see we are both members of “{group}”."),
    ("context_group", "fr", "Je vois que nous faisons tous deux partie du groupe « {group} »."),
    ("context_mutual", "en", "I see we have a mutual connection."),
    ("context_mutual", "fr", "Je vois que nous avons une relation en commun."),
    ("context_mutuals", "en", "I see we have {mutuals} mutual connections."),
    ("context_mutuals", "fr", "Je vois que nous avons {mutuals} relations en commun."),
    ("context_title", "en", "I see your headline reads “{their_title}”."),
    ("context_title", "fr", "Je vois que votre titre indique « {their_title} »."),
    # the question, one per situation
    ("pitch", "en",
     "Before I accept, could you tell me what you expect from our connection?"),
    ("pitch", "fr",
     "Avant d'accepter, pourriez-vous me dire ce que vous attendez de notre mise en relation ?"),
    ("beginner", "en",
     "I am happy to help people starting out in {field}. What are you looking for: advice, "
     "contacts, a first job?"),
    ("beginner", "fr",
     "J'aide volontiers les personnes qui débutent dans {field}. Que recherchez-vous : des "
     "conseils, des contacts, un premier poste ?"),
    ("recruiter", "en",
     "Are you recruiting for a role that could match my profile ({my_title})?"),
    ("recruiter", "fr",
     "Recrutez-vous pour un poste qui pourrait correspondre à mon profil ({my_title}) ?"),
    ("no_context", "en",
     "I don't think we have met: how did you come across my profile?"),
    ("no_context", "fr",
     "Je ne crois pas que nous nous connaissions : comment avez-vous découvert mon profil ?"),
    ("unrelated_job", "en",
     "What draws you to {field}, my line of work, and how could we help each other?"),
    ("unrelated_job", "fr",
     "Qu'est-ce qui vous attire dans {field}, mon métier, et comment pourrions-nous nous "
     "entraider ?"),
    ("unclear", "en",
     "Could you tell me what you expect from our connection and how we could help each other?"),
    ("unclear", "fr",
     "Pourriez-vous me dire ce que vous attendez de notre mise en relation et comment nous "
     "pourrions nous entraider ?"),
    ("closing", "en", "Best regards,\n{my_first_name}"),
    ("closing", "fr", "Bien à vous,\n{my_first_name}"),
)
#: Your field, in words, per family (for "what draws you to ...").
FIELDS: dict[str, tuple[str, str]] = {
    "marketing": ("digital marketing and community management",
                  "le marketing digital et le community management"),
    "hr": ("HR and recruitment", "les RH et le recrutement"),
    "leadership": ("running a company", "la direction d'entreprise"),
    "sales": ("sales", "la vente"),
    "tech": ("tech", "la tech"),
    "finance": ("finance", "la finance"),
    "other": ("my field", "mon domaine"),
}
SITUATIONS: tuple[str, ...] = (
    "pitch", "beginner", "recruiter", "no_context", "unrelated_job", "unclear",
)
_TEXT = {(part, lang): text for part, lang, text in TEMPLATES}
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
    if signals.mutual_stats[0][0] == 0 and signals.shared_groups[0] == 0 and not signals.known[0]:
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
    lang = profile.language if lang is None else lang
    if lang not in LANGUAGES:
        raise InvalidInputError(
            "unknown language for the message", [f"lang: got {lang!r}; expected one of {LANGUAGES}"]
        )
    frame = _row_frame(row)
    kind = situation(row, profile)
    first_name = str(frame.at[0, "name"]).split()[0] if str(frame.at[0, "name"]).strip() else ""
    groups = list(frame.at[0, "shared_groups"])
    mutual_count = max(int(frame.at[0, "mutual_connections"]), len(frame.at[0, "mutual_titles"]))
    values = {
        "first_name": first_name,
        "my_first_name": profile.name.split()[0] if profile.name.strip() else "",
        "my_title": profile.title,
        "field": FIELDS[profile.family][lang == "fr"],
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
    body = [_TEXT[("thanks", lang)]]
    if context is not None:
        body.append(_TEXT[(context, lang)])
    body.append(_TEXT[(kind, lang)])
    parts = [_TEXT[(greeting, lang)], " ".join(body), _TEXT[("closing", lang)]]
    return "\n\n".join(parts).format(**values).rstrip()
