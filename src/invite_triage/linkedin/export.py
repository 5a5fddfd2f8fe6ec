"""Reading a member's own LinkedIn data export: the zip as downloaded, a folder, or single CSVs.

The export holds only the member's own data (see ``docs/linkedin-export-formats.md``):
connections, invitations, messages, profile and own groups. It never holds mutual
connections or other people's groups, so ``pending_invitations`` leaves those empty for the
learner to fill in (``annotations.py``). Every file is read whatever its era, by column names
(``Ad_Targeting.csv``, with repeated names, by position). Missing optional files are fine;
unreadable ones raise ``InvalidInputError`` naming the file, the line and what was expected,
in the reader's ``lang`` (the catalog's ``linkedin.error.*``; see ``texts.py``).

Stated limits, checked before anything is inflated and again while reading: an export zip
may hold at most ``MAX_ZIP_MEMBERS`` entries and inflate to at most ``MAX_INFLATED_BYTES``
(a zip bomb is refused in well under a second), a single file at most ``MAX_FILE_BYTES``.
A zip holding only another zip (a re-zipped download) is opened one level down, no deeper.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.formats import number
from invite_triage.core.i18n import get_language, message
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import validate_invitations
from invite_triage.linkedin.annotations import apply_annotations
from invite_triage.linkedin.connections_csv import (
    DecodedText,
    LinkedInTable,
    connections_from_text,
    decode_csv,
    describe_bad_cells,
    drop_outside_dates,
    find_header,
    normalise_header,
    parse_dates_in_range,
    read_linkedin_table,
)
from invite_triage.linkedin.identity import name_key, person_keys, profile_slug
from invite_triage.linkedin.texts import error_text, reader_language

#: The files read, by kind, under every name they had (compared lower case, ``_`` for spaces).
EXPORT_FILES: dict[str, tuple[str, ...]] = {
    "connections": ("connections.csv",),
    "invitations": ("invitations.csv",),
    "messages": ("messages.csv",),
    "profile": ("profile.csv",),
    "groups": ("ad_targeting.csv",),
}
INCOMING, OUTGOING = "INCOMING", "OUTGOING"

#: Most bytes an export may inflate to, all members together: far above a real export (the
#: 30,000-connection cap is about 3 MiB of Connections.csv; years of messages, tens of MiB).
#: A zip claiming more is refused from its directory, before anything is inflated (a bomb).
MAX_INFLATED_BYTES = 512 * 1024 * 1024
#: Most entries an export zip may hold (a real one has a few dozen files).
MAX_ZIP_MEMBERS = 10_000
#: Largest single CSV read from a folder or given directly.
MAX_FILE_BYTES = MAX_INFLATED_BYTES
#: Bytes inflated at a time while reading a member, counted against the limits as they come.
_CHUNK = 1024 * 1024
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
               NotImplementedError, RuntimeError, ValueError)

_INVITATION_COLUMNS = {
    "from": "from", "to": "to", "sent at": "sent_at", "message": "message",
    "direction": "direction", "inviterprofileurl": "inviter_url",
    "inviteeprofileurl": "invitee_url",
}
_MESSAGE_COLUMNS = {
    "conversation id": "conversation_id", "conversation title": "conversation_title",
    "from": "from", "sender profile url": "sender_url", "to": "to",
    "recipient profile urls": "recipient_urls", "date": "sent_at", "subject": "subject",
    "content": "message", "folder": "folder", "direction": "direction",
    "attachments": "attachments", "is message draft": "is_draft",
}
# Which header identifies a file when its name does not (a single CSV renamed by the learner).
_SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("connections", ("First Name", "Last Name", "Connected On")),
    ("invitations", ("From", "To", "Sent At", "Direction")),
    ("messages", ("From", "To", "Date")),
    ("profile", ("First Name", "Last Name", "Headline")),
    ("groups", ("Member Groups",)),
)


# --- finding the files ------------------------------------------------------------------------


def _kind_of(name: str) -> str | None:
    base = Path(name).name.lower().replace(" ", "_")
    for kind, names in EXPORT_FILES.items():
        if base in names:
            return kind
    return None


Found = dict[str, tuple[str, Callable[[], bytes]]]


def _open_zip(source: Path | io.BytesIO, label: str, lang: str | None) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except _ZIP_ERRORS as exc:
        raise InvalidInputError(
            error_text("zip.unreadable", lang),
            [error_text("zip.unreadable_expected", lang, error=exc)], label,
        ) from None


def _checked_directory(archive: zipfile.ZipFile, label: str, budget: int,
                       lang: str | None = None) -> list[zipfile.ZipInfo]:
    """The zip's entries, refused before anything is inflated when they are too many or
    claim to inflate beyond ``budget`` bytes."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InvalidInputError(
            error_text("zip.too_many", lang, n=number(len(infos), lang),
                       max=number(MAX_ZIP_MEMBERS, lang)),
            [error_text("zip.too_many_expected", lang)], label,
        )
    claimed = sum(info.file_size for info in infos)
    if claimed > budget:
        raise InvalidInputError(
            error_text("zip.too_big", lang, size=number(claimed / 2**20, lang),
                       max=number(budget / 2**20, lang)),
            [error_text("zip.too_big_expected", lang)], label,
        )
    return infos


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str,
                 budget: int, lang: str | None = None) -> bytes:
    """One member's bytes, inflated a chunk at a time and stopped as soon as it goes beyond
    what its header said or beyond ``budget`` (a header that lies). Every way a member can be
    unreadable (password, unknown compression, bad CRC, damaged data) is named."""
    where = f"{label}/{info.filename}"
    if info.flag_bits & 0x1:
        raise InvalidInputError(error_text("member.encrypted", lang),
                                [error_text("member.encrypted_expected", lang)], where)
    if info.compress_type not in _COMPRESSIONS:
        raise InvalidInputError(
            error_text("member.compression", lang),
            [error_text("member.compression_expected", lang, method=info.compress_type)], where)
    limit = min(info.file_size, budget)
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise InvalidInputError(
                        error_text("member.too_big", lang),
                        [error_text("member.too_big_expected", lang,
                                    limit=number(limit, lang))], where)
                chunks.append(chunk)
    except InvalidInputError:
        raise
    except _ZIP_ERRORS as exc:
        raise InvalidInputError(
            error_text("member.damaged", lang),
            [error_text("member.damaged_expected", lang, error=f"{type(exc).__name__}: {exc}")],
            where) from None
    return b"".join(chunks)


def _export_members(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """The export's files among the zip's entries: for each kind, the shallowest one."""
    found: dict[str, tuple[int, zipfile.ZipInfo]] = {}
    for info in infos:
        if info.is_dir() or info.filename.startswith("__MACOSX/"):
            continue
        kind = _kind_of(info.filename)
        depth = info.filename.count("/")
        if kind and (kind not in found or depth < found[kind][0]):
            found[kind] = (depth, info)
    return {kind: info for kind, (_, info) in found.items()}


def _collect_zip(path: Path, notes: list[str] | None = None, lang: str | None = None) -> Found:
    """The export's files in a zip (members may sit in a subfolder); a zip that holds only
    another zip is opened one level down, within the same limits."""
    label = str(path)
    budget = MAX_INFLATED_BYTES
    with _open_zip(path, label, lang) as archive:
        infos = _checked_directory(archive, label, budget, lang)
        members = _export_members(infos)
        inner = [i for i in infos if i.filename.lower().endswith(".zip") and not i.is_dir()
                 and not i.filename.startswith("__MACOSX/")]
        if not members and inner:
            info = min(inner, key=lambda i: (i.filename.count("/"), i.filename))
            data = _read_member(archive, info, label, budget, lang)
            inner_label = f"{label}/{info.filename}"
            with _open_zip(io.BytesIO(data), inner_label, lang) as nested:
                nested_infos = _checked_directory(nested, inner_label, budget - len(data), lang)
                members = _export_members(nested_infos)
                _refuse_empty(members, inner_label, lang)
                if notes is not None:
                    notes.append(message("linkedin.note.nested_zip", lang, name=info.filename))
                return _read_members(nested, members, inner_label, budget - len(data), lang)
        _refuse_empty(members, label, lang)
        return _read_members(archive, members, label, budget, lang)


def _refuse_empty(members: Mapping[str, zipfile.ZipInfo], label: str, lang: str | None) -> None:
    if not members:
        raise InvalidInputError(error_text("zip.empty", lang),
                                [error_text("zip.empty_expected", lang)], label)


def _read_members(archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo],
                  label: str, budget: int, lang: str | None) -> Found:
    contents: Found = {}
    for kind, info in members.items():
        data = _read_member(archive, info, label, budget, lang)
        budget -= len(data)
        contents[kind] = (f"{Path(label).name}/{info.filename}", (lambda data=data: data))
    return contents


def _collect_folder(path: Path, lang: str | None = None) -> Found:
    """The export's files in ``path`` or one folder down (an unzipped export), never deeper:
    pointing at a home folder by mistake must not crawl the whole disk."""
    candidates = [*sorted(path.iterdir())]
    candidates += [f for d in candidates if d.is_dir() for f in sorted(d.iterdir())]
    found: dict[str, Path] = {}
    for csv_path in candidates:
        kind = _kind_of(csv_path.name) if csv_path.is_file() else None
        if kind and kind not in found:
            found[kind] = csv_path
    return {kind: (str(p), _file_reader(p, lang)) for kind, p in found.items()}


def _file_reader(path: Path, lang: str | None = None) -> Callable[[], bytes]:
    """Read ``path`` later, refusing a file beyond ``MAX_FILE_BYTES`` before reading it."""

    def read() -> bytes:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(
                error_text("file.too_big", lang, size=number(size / 2**20, lang),
                           max=number(MAX_FILE_BYTES / 2**20, lang)),
                [error_text("file.too_big_expected", lang)], str(path),
            )
        return path.read_bytes()

    return read


def _sniff_kind(text: str, source: str, lang: str | None = None) -> str:
    for kind, required in _SIGNATURES:
        try:
            find_header(text, required, source, lang=lang)
        except InvalidInputError:
            continue
        return kind
    raise InvalidInputError(error_text("file.not_export", lang),
                            [error_text("file.not_export_expected", lang)], source)


# --- reading each file ------------------------------------------------------------------------


def _text_columns(table: LinkedInTable, mapping: Mapping[str, str]) -> pd.DataFrame:
    """The mapped columns as stripped text ("" when absent), in ``mapping`` order."""
    columns: dict[str, pd.Series] = {}
    for header, name in mapping.items():
        values = table.column(header)
        if values is None:
            values = pd.Series([""] * len(table.rows), index=table.rows.index, dtype="str")
        columns[name] = values.astype("str").str.strip()
    frame = pd.DataFrame(columns, index=table.rows.index)
    return frame[frame.ne("").any(axis=1)]


def _dates(
    table: LinkedInTable, frame: pd.DataFrame, column: str, header: str, example: str,
    notes: list[str] | None = None, lang: str | None = None,
) -> pd.DataFrame:
    """``frame`` with ``column`` parsed; rows dated outside the years kept are left out (and
    counted in ``notes``); a cell that is not a date at all raises, naming its line."""
    dates, bad, outside = parse_dates_in_range(frame[column], dayfirst=table.delimiter == ";")
    if bad.any():
        kept = _kept(table, frame)
        raise InvalidInputError(
            error_text("cells.not_dates", lang, n=int(bad.sum()), header=header),
            describe_bad_cells(kept, bad, header, frame[column],
                               error_text("cells.expected_date", lang, example=example),
                               lang=lang),
            table.source,
        )
    frame = drop_outside_dates(table, frame, column, header, outside, notes, lang)
    if notes is not None:
        notes.extend(table.notes)
    return frame.assign(**{column: dates.loc[frame.index]})


def _kept(table: LinkedInTable, frame: pd.DataFrame) -> LinkedInTable:
    return LinkedInTable(table.header, table.rows.loc[frame.index], table.header_line,
                         table.delimiter, table.text, table.source)


def _directions(table: LinkedInTable, frame: pd.DataFrame, lang: str | None = None) -> pd.Series:
    direction = frame["direction"].str.upper()
    bad = ~direction.isin([INCOMING, OUTGOING, ""])
    if bad.any():
        raise InvalidInputError(
            error_text("cells.not_directions", lang, n=int(bad.sum()), header="Direction"),
            describe_bad_cells(_kept(table, frame), bad, "Direction", frame["direction"],
                               error_text("cells.expected_direction", lang), lang=lang),
            table.source,
        )
    return direction


def read_invitations(text: str, source: str = "Invitations.csv",
                     notes: list[str] | None = None, *, lang: str | None = None) -> pd.DataFrame:
    """Invitations.csv: ``from, to, sent_at, message, direction, inviter_url, invitee_url``.
    Errors and notes in ``lang`` (None: the current language)."""
    lang = reader_language(lang)
    table = read_linkedin_table(text, ("From", "To", "Sent At", "Direction"), source, lang=lang)
    frame = _text_columns(table, _INVITATION_COLUMNS)
    frame = _dates(table, frame, "sent_at", "Sent At", "1/29/26, 2:37 PM", notes, lang)
    frame["direction"] = _directions(table, frame, lang)
    return frame.reset_index(drop=True)


def read_messages(text: str, source: str = "messages.csv",
                  notes: list[str] | None = None, *, lang: str | None = None) -> pd.DataFrame:
    """messages.csv, 2018 or 2023+ layout, as ``conversation_id, from, sender_url, to,
    recipient_urls, sent_at, subject, message, folder, direction, is_draft, …``.
    ``direction`` is "" when the file does not say (2023+); ``load_export`` derives it.
    Errors and notes in ``lang`` (None: the current language)."""
    lang = reader_language(lang)
    table = read_linkedin_table(text, ("From", "To", "Date"), source, lang=lang)
    frame = _text_columns(table, _MESSAGE_COLUMNS)
    frame = _dates(table, frame, "sent_at", "DATE", "2024-02-09 18:05:44 UTC", notes, lang)
    frame["direction"] = _directions(table, frame, lang)
    frame["is_draft"] = frame["is_draft"].str.lower().isin(["yes", "true", "1"])
    return frame.reset_index(drop=True)


def read_profile(text: str, source: str = "Profile.csv",
                 notes: list[str] | None = None, *, lang: str | None = None) -> pd.DataFrame:
    """Profile.csv, every column in snake_case (``first_name``, ``headline``, …); errors in
    ``lang`` (None: the current language)."""
    table = read_linkedin_table(text, ("First Name", "Last Name"), source,
                                lang=reader_language(lang))
    mapping = {h: normalise_header(h).replace(" ", "_") for h in table.header if h.strip()}
    return _text_columns(table, mapping).reset_index(drop=True)


def read_groups(text: str, source: str = "Ad_Targeting.csv",
                notes: list[str] | None = None, *, lang: str | None = None) -> pd.DataFrame | None:
    """The member's own groups from Ad_Targeting.csv's ``Member Groups`` (``;``-separated),
    read by position because the file repeats other column names. One row per group, column
    ``group``; None when the file has no such column (``lang``: that of the other readers)."""
    try:
        table = read_linkedin_table(text, ("Member Groups",), source, lang=lang)
    except InvalidInputError:
        return None
    cells = table.column("Member Groups")
    groups = (cells.str.split(";").explode().str.strip() if cells is not None
              else pd.Series([], dtype="str"))
    groups = groups[groups.ne("") & groups.notna()].drop_duplicates()
    return pd.DataFrame({"group": groups.astype("str").to_numpy()})


# --- identities -------------------------------------------------------------------------------


def _full_names(frame: pd.DataFrame) -> pd.Series:
    return (frame["first_name"].astype("str") + " " + frame["last_name"].astype("str")).str.strip()


def find_pending(invitations: pd.DataFrame, connections: pd.DataFrame | None) -> pd.DataFrame:
    """Incoming invitations whose sender is not among ``connections``: pending or ignored.

    Matches by profile URL when both sides have real slugs, else by normalised full name;
    a sender who invited several times appears once (latest invitation). Sorted by date.
    """
    incoming = invitations[invitations["direction"].eq(INCOMING)]
    slugs = profile_slug(incoming["inviter_url"])
    names = name_key(incoming["from"])
    if connections is None or connections.empty:
        matched = np.zeros(len(incoming), dtype=bool)
        conn_has_urls = False
    else:
        conn_slugs = profile_slug(connections["url"])
        conn_names = name_key(_full_names(connections))
        conn_has_urls = bool(conn_slugs.ne("").any())
        use_url = slugs.ne("").to_numpy() & conn_has_urls
        by_url = slugs.isin(set(conn_slugs[conn_slugs.ne("")])).to_numpy()
        by_name = names.isin(set(conn_names[conn_names.ne("")])).to_numpy()
        matched = np.where(use_url, by_url, by_name)
    key = slugs.where(slugs.ne("") & conn_has_urls, "name:" + names)
    pending = incoming.assign(_key=key.to_numpy())[~matched]
    pending = pending.sort_values("sent_at", kind="stable").drop_duplicates("_key", keep="last")
    return pending.drop(columns="_key").reset_index(drop=True)


def _owner_name(profile: pd.DataFrame | None, invitations: pd.DataFrame | None,
                messages: pd.DataFrame | None) -> str:
    """The member's own name: Profile.csv, else whom incoming invitations were sent to,
    else the person present in the most conversations."""
    if profile is not None and len(profile) and {"first_name", "last_name"} <= set(profile):
        name = _full_names(profile.iloc[:1]).iloc[0]
        if name:
            return name
    if invitations is not None:
        to = invitations.loc[invitations["direction"].eq(INCOMING), "to"]
        to = to[to.ne("")]
        if len(to):
            return str(to.mode().iloc[0])
    if messages is not None and len(messages):
        people = pd.concat([
            messages[["conversation_id", "from"]].rename(columns={"from": "who"}),
            messages[["conversation_id", "to"]].rename(columns={"to": "who"}),
        ])
        people = people[people["who"].ne("")].drop_duplicates()
        if len(people):
            return str(people["who"].value_counts().index[0])
    return ""


def _with_directions(messages: pd.DataFrame, owner: str) -> pd.DataFrame:
    """Fill ``direction`` where the file does not say: sent by the member means OUTGOING."""
    missing = messages["direction"].eq("")
    if not missing.any():
        return messages
    mine = name_key(messages["from"]).eq(name_key(pd.Series([owner])).iloc[0])
    derived = np.where(mine, OUTGOING, INCOMING)
    return messages.assign(direction=messages["direction"].where(~missing, derived))


def correspondents(messages: pd.DataFrame | None) -> pd.DataFrame:
    """The people you have exchanged messages with: one row per person with ``name``, ``url``,
    ``sent`` and ``received`` message counts, ``first_at``, ``last_at`` and ``exchanged``
    (True when messages went both ways: a real conversation, not a pitch nobody answered).
    Drafts and the spam folder are left out."""
    columns = ["name", "url", "sent", "received", "first_at", "last_at", "exchanged"]
    if messages is None or messages.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    msgs = messages[~messages["is_draft"] & messages["folder"].str.upper().ne("SPAM")]
    incoming = msgs[msgs["direction"].eq(INCOMING)]
    outgoing = msgs[msgs["direction"].eq(OUTGOING)]
    # Group messages list several recipients; split names only when the URLs agree in number.
    out_urls = outgoing["recipient_urls"].str.split(",")
    out_names = outgoing["to"].str.split(",")
    agree = out_urls.str.len().eq(out_names.str.len()) & outgoing["recipient_urls"].ne("")
    out_names = out_names.where(agree, outgoing["to"].map(lambda v: [v]))
    out_urls = out_urls.where(agree, outgoing["recipient_urls"].map(lambda v: [v]))
    sent = pd.DataFrame({
        "name": out_names.explode().to_numpy(), "url": out_urls.explode().to_numpy(),
        "sent_at": outgoing["sent_at"].repeat(out_names.str.len()).to_numpy(),
        "sent": 1, "received": 0,
    })
    received = pd.DataFrame({
        "name": incoming["from"].to_numpy(), "url": incoming["sender_url"].to_numpy(),
        "sent_at": incoming["sent_at"].to_numpy(), "sent": 0, "received": 1,
    })
    every = pd.concat([sent, received], ignore_index=True)
    every["name"] = every["name"].astype("str").str.strip()
    every["url"] = every["url"].astype("str").str.strip()
    every = every[every["name"].ne("")]
    every["_key"] = person_keys(every["url"], every["name"])
    every = every.sort_values("sent_at", kind="stable")
    people = every.groupby("_key", sort=False).agg(
        name=("name", "last"), url=("url", "last"), sent=("sent", "sum"),
        received=("received", "sum"), first_at=("sent_at", "min"), last_at=("sent_at", "max"),
    )
    people["exchanged"] = (people["sent"] > 0) & (people["received"] > 0)
    people = people.sort_values(["exchanged", "last_at"], ascending=[False, False], kind="stable")
    return people.reset_index(drop=True)[columns]


# --- the export -------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class LinkedInExport:
    """Everything read from one export; a DataFrame per file, None when the file is absent.

    ``files`` says where each kind was read from; ``notes`` what the learner should know
    (a short invitation window, URLs without slugs, …). ``pending`` is computed on first use.
    """

    connections: pd.DataFrame | None = None
    invitations: pd.DataFrame | None = None
    messages: pd.DataFrame | None = None
    profile: pd.DataFrame | None = None
    groups: pd.DataFrame | None = None
    source: str = ""
    files: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @cached_property
    def pending(self) -> pd.DataFrame | None:
        """Incoming invitations whose sender is not among your connections (None without
        Invitations.csv)."""
        if self.invitations is None:
            return None
        return find_pending(self.invitations, self.connections)

    @property
    def owner_name(self) -> str:
        """Your own name, as the export shows it ("" when it does not)."""
        return _owner_name(self.profile, self.invitations, self.messages)

    @property
    def headline(self) -> str:
        if self.profile is None or self.profile.empty or "headline" not in self.profile:
            return ""
        return str(self.profile["headline"].iloc[0]).strip()

    def correspondents(self) -> pd.DataFrame:
        """The people you exchanged messages with (see ``correspondents``)."""
        return correspondents(self.messages)

    def to_profile(self, **overrides: object) -> Profile:
        """Your ``Profile`` as the export shows it: name, title from your headline, groups
        from Ad_Targeting.csv, known people from whom you exchanged messages with (both
        ways), writing in the current language (:func:`~invite_triage.core.i18n.get_language`)
        so its reasons follow the edition. Any field can be overridden
        (``goals=("job_search",)``, ``language="en"``)."""
        fields: dict[str, object] = {"language": get_language()}
        if self.owner_name:
            fields["name"] = self.owner_name
        if self.headline:
            fields["title"] = self.headline
        if self.groups is not None:
            fields["groups"] = tuple(self.groups["group"])
        people = self.correspondents()
        fields["known_people"] = tuple(sorted(people.loc[people["exchanged"], "name"]))
        unknown = sorted(set(overrides) - set(Profile.__dataclass_fields__))
        if unknown:
            raise InvalidInputError(
                error_text("profile.unknown_fields", None),
                [error_text("profile.unknown_field", None, field=repr(k),
                            known=sorted(Profile.__dataclass_fields__)) for k in unknown],
            )
        return Profile(**{**fields, **overrides})


def load_export(path: str | os.PathLike[str], *, lang: str | None = None) -> LinkedInExport:
    """Read a LinkedIn data export: the downloaded ``.zip``, its unzipped folder, or a single
    CSV file of it (``Connections.csv``, ``Invitations.csv``, …). Only reads; never writes.

    Anything wrong with the input (unreadable, too big, damaged, not an export) raises
    ``InvalidInputError`` naming the file, the line or column and what was expected, in
    ``lang`` (None: the current language, :func:`~invite_triage.core.i18n.get_language`);
    the export's ``notes`` are in that language too.
    """
    path = Path(path)
    lang = reader_language(lang)
    try:
        return _load_export(path, lang)
    except (OSError, UnicodeError, MemoryError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InvalidInputError(
            error_text("export.unreadable", lang),
            [error_text("export.unreadable_expected", lang,
                        error=f"{type(exc).__name__}: {detail}")],
            str(getattr(exc, "filename", None) or path),
        ) from None


def _load_export(path: Path, lang: str) -> LinkedInExport:
    if not path.exists():
        raise InvalidInputError(error_text("export.not_found", lang),
                                [error_text("export.not_found_expected", lang)], str(path))
    notes: list[str] = []
    if path.is_dir():
        found = _collect_folder(path, lang)
        if not found:
            raise InvalidInputError(error_text("folder.empty", lang),
                                    [error_text("folder.empty_expected", lang)], str(path))
    elif zipfile.is_zipfile(path):
        found = _collect_zip(path, notes, lang)
    elif path.suffix.lower() == ".zip":
        raise InvalidInputError(error_text("zip.unreadable", lang),
                                [error_text("zip.no_directory", lang)], str(path))
    else:
        read = _file_reader(path, lang)
        data = read()
        kind = _kind_of(path.name) or _sniff_kind(
            decode_csv(data, str(path), lang=lang).text, str(path), lang)
        found = {kind: (str(path), lambda: data)}

    texts = {kind: (name, decode_csv(read(), name, lang=lang))
             for kind, (name, read) in found.items()}
    readers: dict[str, Callable[..., pd.DataFrame | None]] = {
        "connections": connections_from_text, "invitations": read_invitations,
        "messages": read_messages, "profile": read_profile, "groups": read_groups,
    }
    frames = {kind: readers[kind](decoded.text, name, notes, lang=lang)
              for kind, (name, decoded) in texts.items()}
    notes = _notes(frames, texts, lang) + notes
    messages = frames.get("messages")
    if messages is not None:
        owner = _owner_name(frames.get("profile"), frames.get("invitations"), messages)
        messages = _with_directions(messages, owner)
    return LinkedInExport(
        connections=frames.get("connections"),
        invitations=frames.get("invitations"),
        messages=messages,
        profile=frames.get("profile"),
        groups=frames.get("groups"),
        source=str(path),
        files={kind: name for kind, (name, _) in texts.items()},
        notes=tuple(notes),
    )


def _notes(frames: Mapping[str, pd.DataFrame | None],
           texts: Mapping[str, tuple[str, DecodedText]], lang: str | None = None) -> list[str]:
    notes = []
    for name, decoded in texts.values():
        if decoded.repaired_lines:
            lines = decoded.repaired_lines
            shown = ", ".join(map(str, lines[:8])) + (" …" if len(lines) > 8 else "")
            notes.append(message("linkedin.note.mixed_encodings", lang, file=Path(name).name,
                                 n=len(lines), lines=shown))
    conns, invs = frames.get("connections"), frames.get("invitations")
    if "groups" in texts and frames.get("groups") is None:
        notes.append(message("linkedin.note.no_member_groups", lang))
    if conns is not None and len(conns) and not profile_slug(conns["url"]).ne("").any():
        notes.append(message("linkedin.note.no_connection_urls", lang))
    if invs is not None and len(invs):
        incoming = invs[invs["direction"].eq(INCOMING)]
        if len(incoming) and not profile_slug(incoming["inviter_url"]).ne("").any():
            notes.append(message("linkedin.note.no_invitation_urls", lang))
        if conns is None:
            notes.append(message("linkedin.note.no_connections", lang))
        elif conns["connected_on"].notna().any() and invs["sent_at"].notna().any():
            inv_span = invs["sent_at"].max() - invs["sent_at"].min()
            conn_span = conns["connected_on"].max() - conns["connected_on"].min()
            if conn_span > 2 * inv_span:
                notes.append(message("linkedin.note.short_invitations", lang,
                                     months=inv_span.days // 30 + 1,
                                     years=conn_span.days // 365))
    return notes


# --- towards the triage -----------------------------------------------------------------------


def pending_invitations(
    export: LinkedInExport, annotations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Pending invitations in the canonical invitation schema, plus ``url``.

    The export gives the name, note and date; it never holds the inviter's title, mutual
    connections, shared groups or whether you know them, so those start empty (title "",
    0, [], False) unless ``annotations`` (``annotations.load_annotations()``) fill them in.
    """
    pending = export.pending
    if pending is None:
        pending = pd.DataFrame({c: pd.Series([], dtype="str")
                                for c in ("from", "message", "inviter_url")})
        pending["sent_at"] = pd.Series([], dtype="datetime64[ns]")
    n = len(pending)
    out = pd.DataFrame({
        "name": pending["from"].astype(object).to_numpy(),
        "title": np.full(n, "", dtype=object),
        "company": np.full(n, "", dtype=object),
        "years_experience": np.full(n, np.nan),
        "mutual_connections": np.zeros(n, dtype="int64"),
        "mutual_titles": _empty_lists(n),
        "shared_groups": _empty_lists(n),
        "message": pending["message"].astype(object).to_numpy(),
        "known_offline": np.zeros(n, dtype=bool),
        "sent_at": pending["sent_at"].to_numpy(dtype="datetime64[ns]"),
        "url": pending["inviter_url"].astype(object).to_numpy(),
        # False until the learner reads the inviter's profile page and fills in the form:
        # mutual connections, groups and title are then unknown, not zero.
        "checked_on_profile": np.zeros(n, dtype=bool),
        # An export never holds mutual connections or groups: unknown, not zero, until the
        # learner reads the profile page (annotations fill them and set these to True).
        "mutuals_known": np.zeros(n, dtype=bool),
        "groups_known": np.zeros(n, dtype=bool),
    })
    if annotations is not None and len(annotations) and n:

        out = apply_annotations(out, annotations)
    return validate_invitations(out, source=export.source or None)


def _empty_lists(n: int) -> np.ndarray:
    cells = np.empty(n, dtype=object)
    cells[:] = [[] for _ in range(n)]
    return cells
