"""Chapter 08's logic, without widgets: your export, and the triage form's entries and decisions.

A LinkedIn export never says who your mutual connections with an inviter are, which groups you
share or whether you know them offline: the learner reads that off the inviter's profile page
and types it into the form (``widgets.own_data_app.triage_form``, the view). Here is what that
view only displays: :class:`FormEntry` keeps what was typed as text so a wrong value is named,
never lost; :func:`check_entry` checks it into an :class:`Annotation`; :func:`decide_entry`
triages one invitation with it (:class:`FormDecision`); :class:`OwnDataModel` holds the pending
invitations, unsaved edits and saves (``annotations.save_annotation``: append-only). Also here,
for the chapter's notebook: :func:`open_export` (your file, or the sample) and
:func:`export_overview`.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import date as format_date
from invite_triage.core.formats import number
from invite_triage.core.i18n import label, message
from invite_triage.domain.drafting import draft_message
from invite_triage.domain.profile import LANGUAGES, Profile
from invite_triage.domain.taxonomy import LINKEDIN_CONNECTION_CAP
from invite_triage.domain.triage import (
    PreparedTriage,
    resolve_thresholds,
    resolve_weights,
    triage,
)
from invite_triage.linkedin.annotations import load_annotations, save_annotation
from invite_triage.linkedin.export import LinkedInExport, load_export, pending_invitations
from invite_triage.linkedin.identity import name_key, profile_slug
from invite_triage.render.explain import contributions
from invite_triage.world.datasets import load_sample_export, private_dir, repo_root
from invite_triage.world.datasets import private_dir as default_private_dir

#: Nobody has more than 30,000 first-degree connections (LinkedIn Help a551012), so nobody
#: shares more mutual connections with you than that.
MAX_MUTUALS = LINKEDIN_CONNECTION_CAP
#: Longest title accepted: a headline, not a whole "About" section.
MAX_TITLE_CHARS = 300
#: Most mutual connections' titles one form takes (more is a paste gone wrong).
MAX_MUTUAL_TITLES = 1_000
#: The form's fields, in order (their labels: :func:`field_labels`).
FIELDS: tuple[str, ...] = ("title", "mutual_connections", "mutual_titles", "shared_groups",
                           "known_offline", "your_decision")
#: What "Your decision" can hold: nothing yet, or one of the triage's decisions.
DECISION_VALUES: tuple[str, ...] = ("", "accept", "ask", "decline")


def field_labels(lang: str | None = None) -> dict[str, str]:
    """The form's field names as the learner sees them (errors name fields this way)."""
    return {f: message(f"app.own_data.field.{f}", lang) for f in FIELDS}


def your_decisions(lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """(label, value) options of "Your decision", in ``lang``."""
    return tuple(
        (message("app.own_data.not_decided", lang) if not value
         else label("decision", value, lang), value)
        for value in DECISION_VALUES
    )


def __getattr__(name: str) -> object:
    if name == "FIELD_LABELS":  # the English texts, for older imports
        return field_labels("en")
    if name == "YOUR_DECISIONS":
        return your_decisions("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

LABEL_CHARS = 60
_MARKUP = re.compile(r"<[/!?]?[A-Za-z]")
_COUNT = re.compile(r"^(\d+|\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+)$")


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for echoing user input (the same
    rule as ``render.style.clip_text``)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Reading your export (for the notebook)
# --------------------------------------------------------------------------------------------
def open_export(path: str | os.PathLike[str] | None = None,
                lang: str | None = None) -> LinkedInExport:
    """Your LinkedIn export, or the bundled synthetic sample when ``path`` is None.

    A relative path is looked for from the current folder, then from the repository's root,
    so ``"data/private/Basic_LinkedInDataExport_….zip"`` works from ``notebooks/`` too. Only
    reads; nothing leaves your machine. Errors are in ``lang`` (None: the current language).
    """

    if path is None:
        return load_sample_export()
    candidate = Path(path).expanduser()
    root = repo_root()
    if not candidate.is_absolute() and not candidate.exists() and root is not None:
        candidate = root / candidate if (root / candidate).exists() else candidate
    if not candidate.exists():
        folder = private_dir()
        found = sorted(p.name for p in folder.iterdir()
                       if p.name != "README.md" and not p.name.startswith("."))
        raise InvalidInputError(
            message("app.own_data.not_found", lang),
            [message("app.own_data.not_found_expected", lang, path=path),
             message("app.own_data.not_found_files", lang, folder=folder,
                     files=", ".join(found) if found else message("app.own_data.none_yet", lang))],
            str(path),
        )
    return load_export(candidate, lang=lang)


def export_overview(export: LinkedInExport, lang: str | None = None) -> pd.DataFrame:
    """Which files the export had, where each was read from, how many rows, and what the
    guide uses it for. Files the export lacks say so (optional files may be missing). Column
    names and texts in ``lang`` (None: the current language); files by their kind."""
    col = {key: message(f"app.own_data.overview.col_{key}", lang)
           for key in ("file", "read_from", "rows", "used_for")}
    rows = []
    for kind in ("connections", "invitations", "messages", "profile", "groups"):
        frame = getattr(export, kind)
        rows.append({
            col["file"]: kind,
            col["read_from"]: export.files.get(kind,
                                               message("app.own_data.overview.missing", lang)),
            col["rows"]: "" if frame is None else number(len(frame), lang),
            col["used_for"]: message(f"app.own_data.overview.{kind}", lang),
        })
    return pd.DataFrame(rows)

# --------------------------------------------------------------------------------------------
# The form's logic
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FormEntry:
    """What the form holds for one invitation, as typed: text stays text until checked, so a
    wrong value can be named and corrected, never silently changed or lost."""

    title: str = ""
    mutual_connections: str = ""
    mutual_titles: str = ""
    shared_groups: tuple[str, ...] = ()
    known_offline: bool = False
    your_decision: str = ""


@dataclass(frozen=True)
class Annotation:
    """A checked :class:`FormEntry`, typed as the triage and the annotations file want it."""

    title: str
    mutual_connections: int
    mutual_titles: tuple[str, ...]
    shared_groups: tuple[str, ...]
    known_offline: bool
    your_decision: str


def split_titles(text: str) -> list[str]:
    """Mutual connections' titles as typed: one per line (commas inside a title kept), or on
    one line separated by commas or semicolons."""
    text = str(text or "")
    parts = re.split(r"[\n;]", text) if "\n" in text.strip() else re.split(r"[,;]", text)
    return [p.strip() for p in parts if p.strip()]


def _label(field: str, lang: str | None = None) -> str:
    return message("app.own_data.quoted_field", lang,
                   field=message(f"app.own_data.field.{field}", lang))


def _shown(value: object) -> str:
    return repr(_clip(str(value), 40))


def _title_problems(text: str, field: str, where: str = "",
                    lang: str | None = None) -> list[str]:
    problems = []
    if _MARKUP.search(text):
        problems.append(message("app.own_data.problem.markup", lang, field=_label(field, lang),
                                where=where, value=_shown(text)))
    if len(text) > MAX_TITLE_CHARS:
        problems.append(message("app.own_data.problem.title_long", lang,
                                field=_label(field, lang), where=where,
                                n=number(len(text), lang), max=number(MAX_TITLE_CHARS, lang)))
    return problems


def group_key(name: str) -> str:
    """A group compared loosely (case, spaces; ``;`` is stored as ``,`` in annotation files)."""
    return " ".join(str(name).replace(";", ",").split()).casefold()


def check_entry(entry: FormEntry, your_groups: Iterable[str],
                lang: str | None = None) -> Annotation:
    """Check every field of ``entry``; raise ``InvalidInputError`` listing each wrong field by
    its label, what was typed and what was expected (in ``lang``; None: the current one)."""
    problems: list[str] = []
    title = str(entry.title or "").strip()
    problems += _title_problems(title, "title", lang=lang)

    raw = str(entry.mutual_connections if entry.mutual_connections is not None else "").strip()
    count = 0
    mutuals = _label("mutual_connections", lang)
    if raw:
        if raw.lstrip().startswith("-") and raw.lstrip("-").strip().isdigit():
            problems.append(message("app.own_data.problem.negative", lang, field=mutuals,
                                    value=_shown(raw)))
        elif not _COUNT.match(raw):
            problems.append(message("app.own_data.problem.not_number", lang, field=mutuals,
                                    value=_shown(raw)))
        else:
            count = int(re.sub(r"\D", "", raw))
            if count > MAX_MUTUALS:
                problems.append(message("app.own_data.problem.too_many", lang, field=mutuals,
                                        n=number(count, lang), max=number(MAX_MUTUALS, lang)))

    titles = split_titles(entry.mutual_titles)
    if len(titles) > MAX_MUTUAL_TITLES:
        problems.append(message("app.own_data.problem.too_many_titles", lang,
                                field=_label("mutual_titles", lang), n=number(len(titles), lang),
                                max=number(MAX_MUTUAL_TITLES, lang)))
    for place, text in enumerate(titles[:MAX_MUTUAL_TITLES], start=1):
        problems += _title_problems(text, "mutual_titles",
                                    message("app.own_data.where_title", lang, n=place), lang)

    known_groups = {group_key(g): g for g in your_groups}
    unknown = [g for g in entry.shared_groups if group_key(g) not in known_groups]
    if unknown:
        problems.append(message("app.own_data.problem.unknown_groups", lang,
                                field=_label("shared_groups", lang),
                                groups=[_clip(g, 40) for g in unknown],
                                yours=sorted(known_groups.values())))
    if not isinstance(entry.known_offline, (bool, np.bool_)):
        problems.append(message("app.own_data.problem.known", lang,
                                field=_label("known_offline", lang),
                                value=_shown(entry.known_offline)))
    if entry.your_decision not in DECISION_VALUES:
        problems.append(message("app.own_data.problem.decision", lang,
                                field=_label("your_decision", lang),
                                value=_shown(entry.your_decision)))
    if problems:
        raise InvalidInputError(message("app.own_data.problem.summary", lang), problems)
    shared = tuple(dict.fromkeys(known_groups[group_key(g)] for g in entry.shared_groups))
    return Annotation(title, count, tuple(titles), shared, bool(entry.known_offline),
                      entry.your_decision)


@dataclass(frozen=True)
class FormDecision:
    """The triage of one filled-in invitation: its row (criteria, score, decision, reasons),
    what each criterion contributed, and the "ask first" draft ("" unless the decision is ask)."""

    row: pd.Series
    contributions: pd.DataFrame
    draft: str
    annotation: Annotation

    @property
    def score(self) -> float:
        return float(self.row["score"])

    @property
    def decision(self) -> str:
        return str(self.row["decision"])

    @property
    def reasons(self) -> str:
        return str(self.row["reasons"])

    @property
    def counted_mutuals(self) -> int:
        """Mutual connections the triage counts: the number typed, or the titles listed if
        more titles than that were typed."""
        return max(self.annotation.mutual_connections, len(self.annotation.mutual_titles))


def decide_entry(
    invitation: pd.DataFrame,
    entry: FormEntry,
    profile: Profile,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    lang: str | None = None,
    text_lang: str | None = None,
) -> FormDecision:
    """Triage one pending invitation (a one-row frame of ``pending_invitations``) with what the
    form says about it; reasons and the "ask first" draft in ``lang`` (default: the profile's).
    Raises ``InvalidInputError`` naming every wrong field of ``entry`` (in ``text_lang``, the
    app's language; None: the current one)."""
    return _decide_entry(invitation, entry, profile, weights, thresholds, lang, text_lang,
                         try_fields=False)[0]


def _decide_entry(
    invitation: pd.DataFrame,
    entry: FormEntry,
    profile: Profile,
    weights: Mapping[str, float] | None,
    thresholds: Mapping[str, float] | None,
    lang: str | None,
    text_lang: str | None,
    try_fields: bool,
) -> tuple[FormDecision, tuple[str, ...]]:
    """:func:`decide_entry`, and with ``try_fields`` also :func:`fields_that_matter` (its
    tried answers decided together, in one triage without reasons)."""
    lang = profile.language if lang is None else lang
    if lang not in LANGUAGES:
        raise InvalidInputError(message("app.own_data.unknown_language", text_lang),
                                [message("app.own_data.expected_languages", text_lang,
                                         code=repr(lang), languages=list(LANGUAGES))])
    if len(invitation) != 1:
        raise InvalidInputError(message("app.own_data.one_invitation", text_lang),
                                [message("app.own_data.one_invitation_detail", text_lang,
                                         n=len(invitation))])
    annotation = check_entry(entry, profile.groups, text_lang)
    profile = dataclasses.replace(profile, language=lang)
    weights = resolve_weights(profile, weights)
    # The entry's own row is triaged alone, exactly as always (a row's score can differ in
    # its last bit with the number of rows beside it: see fields_that_matter).
    frame = _form_frame(invitation, entry, annotation)
    row = triage(frame, profile, weights=weights, thresholds=thresholds).iloc[0]
    table = contributions(row, weights)
    draft = draft_message(row, profile, lang=lang) if row["decision"] == "ask" else ""
    fields = (_fields_that_matter(invitation, entry, profile, weights, thresholds, text_lang)
              if try_fields else ())
    return FormDecision(row, table, draft, annotation), fields


def _form_frame(invitation: pd.DataFrame, entry: FormEntry,
                annotation: Annotation) -> pd.DataFrame:
    """The one-row invitation as the form fills it in (what ``triage`` reads)."""
    frame = invitation.drop(columns=[c for c in ("your_decision",) if c in invitation])
    frame["title"] = annotation.title
    frame["mutual_connections"] = np.int64(annotation.mutual_connections)
    for column in ("mutual_titles", "shared_groups"):
        cell = np.empty(1, dtype=object)
        cell[0] = list(getattr(annotation, column))
        frame[column] = cell
    frame["known_offline"] = annotation.known_offline
    frame["mutuals_known"], frame["groups_known"] = entry_knows(entry)
    return frame


def entry_knows(entry: FormEntry) -> tuple[bool, bool]:
    """Whether the form states mutual connections and shared groups. A count typed (even 0)
    means the learner read their profile page, and so read the groups box too; an empty count
    leaves both unknown, as in the export (never "none")."""
    mutuals = bool(str(entry.mutual_connections or "").strip())
    return mutuals, mutuals or bool(entry.shared_groups)


#: Form fields the export leaves unknown, and how each is tried low and high to see whether
#: filling it could change the decision.
_TRIED_FIELDS: dict[str, tuple[dict[str, object], dict[str, object]]] = {
    "title": ({"title": "Comptable"}, {"title": "Community Manager"}),
    "mutual_connections": (
        {"mutual_connections": "0"},
        {"mutual_connections": "12", "mutual_titles": "Chargée de communication; "
         "Responsable marketing digital; Directrice marketing"},
    ),
}


def fields_that_matter(
    invitation: pd.DataFrame,
    entry: FormEntry,
    profile: Profile,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> tuple[str, ...]:
    """The empty form fields whose answer could change the decision: each is tried with an
    unfavourable and a favourable answer (the rest as typed); a field is listed when the two
    decisions differ. Tells the learner what to read on the profile page first."""
    return _fields_that_matter(invitation, entry, profile, weights, thresholds, None)


def _fields_that_matter(
    invitation: pd.DataFrame,
    entry: FormEntry,
    profile: Profile,
    weights: Mapping[str, float] | None,
    thresholds: Mapping[str, float] | None,
    text_lang: str | None,
) -> tuple[str, ...]:
    """:func:`fields_that_matter`, its wrong entries named in ``text_lang``.

    Every tried answer of every empty field is a row of one triage, decisions only (not
    one triage with reasons and a draft per answer). Each row is decided on its own; its
    score may differ from a one-row triage's in the last bit only (a matrix product's sum
    order where a criterion is unknown), which changes no decision short of a score equal
    to a threshold to sixteen digits."""
    empty, tried = _tried_entries(entry)
    if not tried:
        return ()
    if len(invitation) != 1:  # as decide_entry says it
        raise InvalidInputError(message("app.own_data.one_invitation", text_lang),
                                [message("app.own_data.one_invitation_detail", text_lang,
                                         n=len(invitation))])
    table = pd.concat(
        [_form_frame(invitation, changed, check_entry(changed, profile.groups, text_lang))
         for changed in tried],
        ignore_index=True,
    )
    decided = PreparedTriage(table, profile).decision_codes(
        resolve_weights(profile, weights), resolve_thresholds(thresholds))
    return _changing(empty, decided)


def _tried_entries(entry: FormEntry) -> tuple[list[str], list[FormEntry]]:
    """The empty fields :func:`fields_that_matter` tries, and the entries it tries: for each
    field, its unfavourable then its favourable answer (the rest as typed)."""
    empty = [name for name in _TRIED_FIELDS if not str(getattr(entry, name) or "").strip()]
    return empty, [dataclasses.replace(entry, **answer)
                   for name in empty for answer in _TRIED_FIELDS[name]]


def _changing(empty: list[str], decisions: np.ndarray) -> tuple[str, ...]:
    """The fields whose two tried answers got different decisions (two per field, in order)."""
    pairs = np.asarray(decisions).reshape(len(empty), 2)
    return tuple(name for name, (low, high) in zip(empty, pairs, strict=True) if low != high)


class OwnDataModel:
    """Your pending invitations, what you filled in for each, and their decisions (no widgets).

    Saved annotations in ``private_dir`` (default ``data/private``) are loaded at start and fill
    the form; unsaved edits are kept per invitation while the model lives, so moving to another
    invitation and back loses nothing.
    """

    def __init__(
        self,
        export: LinkedInExport,
        profile: Profile | None = None,
        private_dir: str | os.PathLike[str] | None = None,
        weights: Mapping[str, float] | None = None,
        thresholds: Mapping[str, float] | None = None,
        lang: str | None = None,
    ):
        #: The language of the model's own words (dropdown labels, errors); None: current.
        self.lang = lang
        self.export = export
        self.profile = export.to_profile() if profile is None else profile
        self.folder = Path(private_dir) if private_dir is not None else default_private_dir()
        self.weights = resolve_weights(self.profile, weights)
        self.thresholds = resolve_thresholds(thresholds)
        self.groups: tuple[str, ...] = tuple(dict.fromkeys(self.profile.groups))
        self.annotations = load_annotations(self.folder, lang=self.lang)
        pending = pending_invitations(export, self.annotations)
        self.pending = pending.sort_values("sent_at", ascending=False,
                                           kind="stable").reset_index(drop=True)
        self.annotated = self._annotated_mask()
        self._start: dict[int, FormEntry] = {}  # filled on first visit: cheap for any inbox
        self._edits: dict[int, FormEntry] = {}
        self.saved: list[Path] = []

    # --- what was loaded --------------------------------------------------------------------
    @property
    def loaded(self) -> int:
        """Saved annotations found in ``folder`` (the latest one per inviter)."""
        return len(self.annotations)

    @property
    def matched(self) -> int:
        """Pending invitations of this export that a saved annotation fills in."""
        return int(self.annotated.sum())

    def _annotated_mask(self) -> np.ndarray:
        if not len(self.annotations) or not len(self.pending):
            return np.zeros(len(self.pending), dtype=bool)
        saved_slugs = set(profile_slug(self.annotations["url"].astype("str"))) - {""}
        saved_names = set(name_key(self.annotations["name"].astype("str"))) - {""}
        slugs = profile_slug(self.pending["url"].astype("str"))
        names = name_key(self.pending["name"].astype("str"))
        return (slugs.isin(saved_slugs) | names.isin(saved_names)).to_numpy(bool)

    def __len__(self) -> int:
        return len(self.pending)

    def options(self) -> list[tuple[str, int]]:
        """(label, position) pairs for a dropdown, newest invitation first; ✓ marks saved."""
        unknown = message("app.own_data.date_unknown", self.lang)
        sent = pd.Series(
            [unknown if pd.isna(when) else format_date(when, self.lang, "medium")
             for when in self.pending["sent_at"]], index=self.pending.index, dtype=object)
        labels = (self.pending["name"].astype(str).map(lambda n: _clip(n, LABEL_CHARS))
                  + " · " + sent.astype(str))
        marks = np.where(self.annotated, message("app.own_data.saved_mark", self.lang), "")
        return list(zip((labels + marks).tolist(), range(len(self.pending)), strict=True))

    def row(self, position: int) -> pd.Series:
        if not isinstance(position, (int, np.integer)) or not 0 <= position < len(self.pending):
            raise InvalidInputError(message("app.own_data.no_such", self.lang),
                                    [message("app.own_data.no_such_detail", self.lang,
                                             position=repr(position))])
        return self.pending.iloc[int(position)]

    # --- the form's values ------------------------------------------------------------------
    def _prefilled(self, position: int) -> FormEntry:
        row = self.pending.iloc[position]
        mine = {group_key(g): g for g in self.groups}
        title = row["title"]
        return FormEntry(
            title="" if not isinstance(title, str) else title,
            mutual_connections=(str(int(row["mutual_connections"]))
                                if bool(row.get("mutuals_known", True)) else ""),
            mutual_titles="\n".join(str(t) for t in row["mutual_titles"]),
            shared_groups=tuple(mine[group_key(g)] for g in row["shared_groups"]
                                if group_key(g) in mine),
            known_offline=bool(row["known_offline"]),
            your_decision=str(row.get("your_decision", "") or ""),
        )

    def entry(self, position: int) -> FormEntry:
        """What the form shows for ``position``: your unsaved edit, else what was saved (or
        the export's empty defaults)."""
        return self._edits.get(position) or self._started(position)

    def _started(self, position: int) -> FormEntry:
        self.row(position)
        if position not in self._start:
            self._start[position] = self._prefilled(position)
        return self._start[position]

    def remember(self, position: int, entry: FormEntry) -> None:
        """Keep an edit (valid or not) so nothing typed is lost when you switch invitations."""
        if entry == self._started(position):
            self._edits.pop(position, None)
        else:
            self._edits[position] = entry

    def unsaved(self, position: int) -> bool:
        return position in self._edits

    # --- decisions --------------------------------------------------------------------------
    def decide(self, position: int, entry: FormEntry, lang: str | None = None) -> FormDecision:
        """Triage invitation ``position`` as filled in by ``entry`` (reasons and draft in
        ``lang``, default the profile's language)."""
        self.row(position)
        return decide_entry(self.pending.iloc[[int(position)]], entry, self.profile,
                            self.weights, self.thresholds, lang, self.lang)

    def decide_and_fields(self, position: int, entry: FormEntry,
                          lang: str | None = None) -> tuple[FormDecision, tuple[str, ...]]:
        """``decide`` and ``fields_to_fill`` at once, from a single triage (what the form
        shows on every change)."""
        self.row(position)
        return _decide_entry(self.pending.iloc[[int(position)]], entry, self.profile,
                             self.weights, self.thresholds, lang, self.lang, try_fields=True)

    def fields_to_fill(self, position: int, entry: FormEntry) -> tuple[str, ...]:
        """The empty fields whose answer could change this invitation's decision."""
        self.row(position)
        return fields_that_matter(self.pending.iloc[[int(position)]], entry, self.profile,
                                  self.weights, self.thresholds)

    def save(self, position: int, entry: FormEntry, now: datetime | None = None) -> Path:
        """Append this invitation's annotation to today's file under ``folder`` (earlier saves
        are kept: the file is only ever appended to). Nothing is written if a field is wrong."""
        annotation = check_entry(entry, self.groups, self.lang)
        row = self.row(position)
        path = save_annotation(
            folder=self.folder, now=now, name=str(row["name"]), url=str(row["url"] or ""),
            title=annotation.title, mutual_connections=annotation.mutual_connections,
            mutual_titles=list(annotation.mutual_titles),
            shared_groups=list(annotation.shared_groups),
            known_offline=annotation.known_offline, decision=annotation.your_decision,
            lang=self.lang,
        )
        self._start[position] = entry
        self._edits.pop(position, None)
        self.annotated[position] = True
        self.saved.append(path)
        return path


__all__ = [
    "DECISION_VALUES",
    "FIELDS",
    "LABEL_CHARS",
    "MAX_MUTUALS",
    "MAX_MUTUAL_TITLES",
    "MAX_TITLE_CHARS",
    "Annotation",
    "FormDecision",
    "FormEntry",
    "OwnDataModel",
    "check_entry",
    "decide_entry",
    "entry_knows",
    "export_overview",
    "field_labels",
    "fields_that_matter",
    "group_key",
    "open_export",
    "split_titles",
    "your_decisions",
]
