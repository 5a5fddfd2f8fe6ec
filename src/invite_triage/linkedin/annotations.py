"""Saving what the learner fills in about their pending invitations, without ever losing it.

A LinkedIn export never says who the mutual connections are, which groups you share or
whether you know someone offline: the learner reads that off each inviter's profile and types
it in a form. Those minutes of work are kept under ``data/private/`` (git-ignored), in
``annotations-YYYY-MM-DD.csv`` files that are only ever appended to: each save takes an
exclusive lock on the folder (``.annotations.lock``), checks the file is whole, writes the old
content plus the new rows to a temporary file, flushes it to disk and renames it over the old
one. So two programs saving at once both keep their rows, a crash mid-save leaves the previous
file intact, and a damaged file (cut inside a quoted cell, edited by hand) is never written
into: the new rows go to a new file and the error names the damaged file and line.

Reading is strict too: a row whose date or number is not what this module writes is reported
with its file and line, never reinterpreted. Later rows win when the same person is annotated
twice; ``load_annotations(latest=False)`` keeps the history.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.errors import DamagedFileError, InvalidInputError
from invite_triage.core.files import atomic_write_bytes, exclusive_lock
from invite_triage.core.paths import private_dir
from invite_triage.domain.schema import (
    MAX_MUTUAL_CONNECTIONS,
    MAX_YEARS_EXPERIENCE,
    join_list_cell,
    split_list_cell,
)
from invite_triage.domain.taxonomy import DECISIONS as TRIAGE_DECISIONS
from invite_triage.linkedin.identity import name_key, person_keys, profile_slug
from invite_triage.linkedin.texts import error_text, reader_language

#: Columns of an annotations file, in order.
ANNOTATION_COLUMNS: tuple[str, ...] = (
    "saved_at", "name", "url", "title", "company", "years_experience", "mutual_connections",
    "mutual_titles", "shared_groups", "known_offline", "decision", "note",
)
#: What the learner may record as their own decision ("" = not decided yet).
DECISIONS: tuple[str, ...] = (*TRIAGE_DECISIONS, "")
FILE_PREFIX = "annotations-"
#: The empty file locked while saving (hidden; safe to delete when nothing is saving).
LOCK_NAME = ".annotations.lock"
#: ``saved_at`` outside these years is a typing slip, not a date this module wrote.
SAVED_AT_YEARS = (1990, 2100)
#: Problems listed one per line in an error; the rest are counted.
MAX_PROBLEMS_SHOWN = 20

_WHOLE = re.compile(r"\d{1,9}")


def _folder(folder: str | os.PathLike[str] | None, lang: str | None = None) -> Path:
    if folder is None:
        return private_dir()
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InvalidInputError(error_text("folder.is_file", lang),
                                [error_text("folder.is_file_expected", lang)], str(path)) from None
    except OSError as exc:
        raise InvalidInputError(
            error_text("folder.cannot_create", lang),
            [error_text("folder.cannot_create_expected", lang, reason=exc.strerror or exc)],
            str(path),
        ) from None
    if not path.is_dir():
        raise InvalidInputError(error_text("folder.is_file", lang),
                                [error_text("folder.is_file_expected", lang)], str(path))
    return path


def _row(fields: Mapping[str, object], saved_at: str, number: int,
         lang: str | None = None) -> tuple[list[str], list[str]]:
    """One annotation as CSV cells, and the problems found in it (field named, value shown)."""
    where = error_text("annotation.where", lang, n=number)
    problems: list[str] = []
    known = set(ANNOTATION_COLUMNS) - {"saved_at"}
    unknown = sorted(map(str, set(fields) - known))
    if unknown:
        problems.append(error_text("annotation.unknown_fields", lang, where=where,
                                   fields=unknown, known=sorted(known)))
    texts = {}
    for key in ("name", "url", "title", "company", "note"):
        texts[key] = _text(fields.get(key))
        if not _encodable(texts[key]):
            problems.append(error_text("annotation.surrogate_text", lang, where=where, field=key))
    if not texts["name"] and not texts["url"]:
        problems.append(error_text("annotation.no_name", lang, where=where))
    years = fields.get("years_experience")
    years_text = ""
    if not _blank(years):
        value = _finite(years)
        if value is None or not 0 <= value <= MAX_YEARS_EXPERIENCE:
            problems.append(error_text("annotation.years", lang, where=where, value=_show(years),
                                       max=f"{MAX_YEARS_EXPERIENCE:g}"))
        else:
            years_text = f"{value:g}"
    mutuals = fields.get("mutual_connections", 0)
    whole = _whole(mutuals)
    if whole is None:
        problems.append(error_text("annotation.mutuals", lang, where=where, value=_show(mutuals),
                                   max=MAX_MUTUAL_CONNECTIONS))
        whole = 0
    decision = _text(fields.get("decision")).lower()
    if decision not in DECISIONS:
        problems.append(error_text("annotation.decision", lang, where=where,
                                   value=_show(decision)))
    known_offline = fields.get("known_offline", False)
    if not isinstance(known_offline, (bool, np.bool_)):
        problems.append(error_text("annotation.known_offline", lang, where=where,
                                   value=_show(known_offline)))
        known_offline = False
    lists = []
    for key in ("mutual_titles", "shared_groups"):
        items = _as_list(fields.get(key))
        if items is None:
            problems.append(error_text("annotation.list", lang, where=where, field=key,
                                       value=_show(fields.get(key))))
            items = []
        elif not all(map(_encodable, items)):
            problems.append(error_text("annotation.surrogate_list", lang, where=where,
                                       field=key))
        lists.append(join_list_cell(items))
    cells = [
        saved_at, texts["name"], texts["url"], texts["title"], texts["company"], years_text,
        str(whole), *lists, "true" if bool(known_offline) else "false", decision, texts["note"],
    ]
    return cells, problems


def _show(value: object, limit: int = 60) -> str:
    """A value as the learner typed it, shortened (a 10 MB note is not repeated in an error)."""
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not hide the real problem
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _blank(value: object) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, float) and math.isnan(value)


def _finite(value: object) -> float | None:
    """``value`` as a finite float, or None (booleans and text that is not a number too)."""
    if isinstance(value, (bool, np.bool_)):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _whole(value: object) -> int | None:
    """``value`` as a whole number in [0, MAX_MUTUAL_CONNECTIONS], or None."""
    if _blank(value):
        return 0
    if isinstance(value, str):
        text = value.strip()
        return int(text) if _WHOLE.fullmatch(text) and int(text) <= MAX_MUTUAL_CONNECTIONS else None
    number = _finite(value)
    if number is None or not 0 <= number <= MAX_MUTUAL_CONNECTIONS or number != int(number):
        return None
    return int(number)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(value: object) -> str:
    """A cell's text, stripped, line breaks as ``\n`` (a lone ``\r`` would not be quoted by
    the CSV writer and would cut the row in two when read back)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _as_list(value: object) -> list[str] | None:
    """A list of text from a list, tuple or ``;``-separated text; None for anything else
    (a number, a list holding lists)."""
    if isinstance(value, str):
        return [_text(v) for v in split_list_cell(value) if _text(v)]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if not isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        return None
    items = list(value)
    if not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in items):
        return None
    return [_text(v) for v in items if _text(v)]


def save_annotations(
    rows: pd.DataFrame | Iterable[Mapping[str, object]],
    folder: str | os.PathLike[str] | None = None,
    now: datetime | None = None,
    *,
    lang: str | None = None,
) -> Path:
    """Append annotations (one mapping or DataFrame row per inviter) to today's file under
    ``folder`` (default ``data/private``) and return its path. Validates everything first:
    nothing is written when any row is wrong.

    Raises ``DamagedFileError`` when today's file is damaged: the file is left as it is, the
    new rows are saved in a new file (``error.saved_to``) and the message names the line.
    Errors are in ``lang`` (None: the current language).
    """
    lang = reader_language(lang)
    if isinstance(rows, pd.DataFrame):
        records = rows.to_dict("records")
    else:
        try:
            records = list(rows)
        except TypeError:
            raise InvalidInputError(
                error_text("save.nothing", lang),
                [error_text("save.not_a_list", lang, type=type(rows).__name__)]) from None
    when = (now or datetime.now()).replace(microsecond=0)
    saved_at = when.isoformat()
    cells: list[list[str]] = []
    problems: list[str] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            problems.append(error_text("annotation.not_a_dict", lang,
                                       where=error_text("annotation.where", lang, n=number),
                                       type=type(record).__name__))
            continue
        fields = {k: v for k, v in record.items() if k != "saved_at"}
        row, found = _row(fields, saved_at, number, lang)
        cells.append(row)
        problems.extend(found)
    if problems:
        raise InvalidInputError(error_text("save.refused", lang), _shortened(problems, lang))
    if not cells:
        raise InvalidInputError(error_text("save.nothing", lang),
                                [error_text("save.empty_expected", lang)])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(cells)
    base = _folder(folder, lang)
    try:
        with exclusive_lock(base / LOCK_NAME):
            path, existing, damaged = _target_file(base, when, lang)
            payload = existing or _header_line().encode("utf-8")
            atomic_write_bytes(path, payload + buffer.getvalue().encode("utf-8"), private=True)
    except OSError as exc:
        raise InvalidInputError(
            error_text("save.failed", lang),
            [error_text("save.failed_expected", lang, reason=exc.strerror or exc)],
            str(exc.filename or base)) from None
    if damaged:
        bad_path, problem = damaged[0]
        raise DamagedFileError(
            error_text("damaged.not_written", lang),
            [problem, error_text("damaged.saved_instead", lang, n=len(cells), file=path.name),
             error_text("damaged.repair", lang)],
            str(bad_path), saved_to=path,
        )
    return path


def save_annotation(folder: str | os.PathLike[str] | None = None,
                    now: datetime | None = None, *, lang: str | None = None,
                    **fields: object) -> Path:
    """Save one inviter's annotation: ``name`` (or ``url``), ``title``, ``company``,
    ``years_experience``, ``mutual_connections``, ``mutual_titles``, ``shared_groups``,
    ``known_offline``, ``decision`` (accept / ask / decline) and a free ``note``. Errors are
    in ``lang`` (None: the current language)."""
    return save_annotations([fields], folder=folder, now=now, lang=lang)


def _header_line() -> str:
    return ",".join(ANNOTATION_COLUMNS) + "\n"


def _target_file(
    folder: Path, when: datetime, lang: str | None = None
) -> tuple[Path, bytes, list[tuple[Path, str]]]:
    """Today's file and its whole content (ending with a newline), unless it holds something
    else (another layout: left alone) or is damaged (reported): then the next free name."""
    base = f"{FILE_PREFIX}{when:%Y-%m-%d}"
    damaged: list[tuple[Path, str]] = []
    for suffix in ["", *(f"-{i}" for i in range(2, 1000))]:
        path = folder / f"{base}{suffix}.csv"
        if not path.exists():
            return path, b"", damaged
        data = _read_bytes(path, lang)
        try:
            parsed = _parse_file(path, data, lang)
        except InvalidInputError as exc:
            damaged.append((path, exc.problems[0] if exc.problems else exc.summary))
            continue
        if parsed is not None:
            return path, data if data.endswith(b"\n") else data + b"\n", damaged
    raise InvalidInputError(error_text("files.too_many", lang), source=str(folder))


def _read_bytes(path: Path, lang: str | None = None) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            error_text("file.unreadable", lang),
            [error_text("file.unreadable_expected", lang, reason=exc.strerror or exc)],
            str(path),
        ) from None


def _parse_file(path: Path, data: bytes,
                lang: str | None = None) -> tuple[list[list[str]], list[int]] | None:
    """The data rows of an annotations file and the line each starts on; None when the file
    is in another layout (not ours: never read, never written). Raises ``InvalidInputError``
    naming the line when the file is ours but damaged (not UTF-8, cut inside a quoted cell,
    a row with the wrong number of cells)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        header_ok = data.split(b"\n", 1)[0].rstrip(b"\r") == _header_line().strip().encode()
        if not header_ok:
            return None
        raise InvalidInputError(error_text("file.damaged", lang),
                                [error_text("file.not_utf8", lang, line=line)],
                                str(path)) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    previous_end = 0
    header: list[str] | None = None
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if header is None:
                header = record
                if list(header) != list(ANNOTATION_COLUMNS):
                    return None
                continue
            if not record:
                continue
            if len(record) != len(ANNOTATION_COLUMNS):
                raise InvalidInputError(
                    error_text("file.damaged", lang),
                    [error_text("file.cells", lang, line=start, n=len(record),
                                expected=len(ANNOTATION_COLUMNS))], str(path))
            rows.append(record)
            lines.append(start)
    except csv.Error as exc:
        raise InvalidInputError(
            error_text("file.damaged", lang),
            [error_text("file.quote", lang, line=previous_end + 1, error=exc)],
            str(path)) from None
    if header is None:
        return None  # an empty file: nothing of ours in it
    return rows, lines


def _shortened(problems: list[str], lang: str | None = None) -> list[str]:
    if len(problems) <= MAX_PROBLEMS_SHOWN:
        return problems
    more = len(problems) - MAX_PROBLEMS_SHOWN
    return [*problems[:MAX_PROBLEMS_SHOWN], error_text("problems.more", lang, n=more)]


def _typed_rows(path: Path, rows: list[list[str]], lines: list[int],
                problems: list[str], lang: str | None = None) -> dict[str, list]:
    """Each cell checked and typed; a problem (file and line named) for each bad one."""
    out: dict[str, list] = {c: [] for c in ANNOTATION_COLUMNS}
    low, high = SAVED_AT_YEARS
    for record, line in zip(rows, lines, strict=True):
        cell = dict(zip(ANNOTATION_COLUMNS, record, strict=True))
        where = error_text("annotation.file_line", lang, file=path.name, line=line)
        found = len(problems)
        try:
            saved_at = datetime.fromisoformat(cell["saved_at"].strip())
        except ValueError:
            saved_at = None
        if saved_at is None or not low <= saved_at.year <= high:
            problems.append(error_text("row.saved_at", lang, where=where,
                                       value=_show(cell["saved_at"]), low=low, high=high))
        years: float = math.nan
        if cell["years_experience"].strip():
            value = _finite(cell["years_experience"])
            if value is None or not 0 <= value <= MAX_YEARS_EXPERIENCE:
                problems.append(error_text("annotation.years", lang, where=where,
                                           value=_show(cell["years_experience"]),
                                           max=f"{MAX_YEARS_EXPERIENCE:g}"))
            else:
                years = value
        mutuals = _whole(cell["mutual_connections"])
        if mutuals is None:
            problems.append(error_text("annotation.mutuals", lang, where=where,
                                       value=_show(cell["mutual_connections"]),
                                       max=MAX_MUTUAL_CONNECTIONS))
        offline = cell["known_offline"].strip().lower()
        if offline not in ("true", "false", ""):
            problems.append(error_text("row.known_offline", lang, where=where,
                                       value=_show(cell["known_offline"])))
        decision = cell["decision"].strip().lower()
        if decision not in DECISIONS:
            problems.append(error_text("row.decision", lang, where=where,
                                       value=_show(cell["decision"])))
        if not cell["name"].strip() and not cell["url"].strip():
            problems.append(error_text("row.no_name", lang, where=where))
        if len(problems) > found:
            continue
        for key in ("name", "url", "title", "company", "note"):
            out[key].append(cell[key])
        out["saved_at"].append(pd.Timestamp(saved_at))
        out["years_experience"].append(years)
        out["mutual_connections"].append(mutuals)
        out["mutual_titles"].append(split_list_cell(cell["mutual_titles"]))
        out["shared_groups"].append(split_list_cell(cell["shared_groups"]))
        out["known_offline"].append(offline == "true")
        out["decision"].append(decision)
    return out


def load_annotations(
    folder: str | os.PathLike[str] | None = None, latest: bool = True,
    *, lang: str | None = None,
) -> pd.DataFrame:
    """Every saved annotation, typed (lists, booleans, numbers, ``saved_at`` datetime).

    ``latest=True`` keeps the most recent one per inviter (by profile URL, else by name).
    Files in another layout are left alone; a damaged file, or a row whose date or number is
    not valid, raises ``InvalidInputError`` naming the file and line (nothing is guessed), in
    ``lang`` (None: the current language).
    """
    lang = reader_language(lang)
    base = _folder(folder, lang)
    columns: dict[str, list] = {c: [] for c in ANNOTATION_COLUMNS}
    problems: list[str] = []
    for path in annotation_files(base, lang=lang):
        parsed = _parse_file(path, _read_bytes(path, lang), lang)
        if parsed is None:
            continue  # a file in another layout is left alone, never misread
        typed = _typed_rows(path, *parsed, problems, lang)
        for key, values in typed.items():
            columns[key].extend(values)
    if problems:
        raise InvalidInputError(
            error_text("load.problems", lang, n=len(problems)),
            _shortened(problems, lang), str(base),
        )
    every = pd.DataFrame({
        "saved_at": pd.Series(columns["saved_at"], dtype="datetime64[ns]"),
        **{c: pd.Series(columns[c], dtype=object) for c in ("name", "url", "title", "company")},
        "years_experience": pd.Series(columns["years_experience"], dtype=float),
        "mutual_connections": pd.Series(columns["mutual_connections"], dtype="int64"),
        "mutual_titles": _object_column(columns["mutual_titles"]),
        "shared_groups": _object_column(columns["shared_groups"]),
        "known_offline": pd.Series(columns["known_offline"], dtype=bool),
        "decision": pd.Series(columns["decision"], dtype=object),
        "note": pd.Series(columns["note"], dtype=object),
    })[list(ANNOTATION_COLUMNS)]
    every = every.sort_values("saved_at", kind="stable").reset_index(drop=True)
    if latest:
        every = every.assign(_key=annotation_keys(every)).drop_duplicates("_key", keep="last")
        every = every.drop(columns="_key").reset_index(drop=True)
    return every


def _object_column(cells: list[list[str]]) -> pd.Series:
    """Lists kept as lists, one per cell (pandas would make a 2-D block of equal lengths)."""
    values = np.empty(len(cells), dtype=object)
    values[:] = cells if cells else []
    return pd.Series(values, dtype=object)


def annotation_keys(frame: pd.DataFrame, name_column: str = "name") -> pd.Series:
    """Who a row is about: the profile slug when known, else the normalised name."""
    return person_keys(frame["url"].astype("str"), frame[name_column].astype("str"))


def apply_annotations(invitations: pd.DataFrame, annotations: pd.DataFrame) -> pd.DataFrame:
    """Fill invitations (canonical schema with ``url``) from the latest annotation of each
    inviter; adds ``your_decision`` ("" when none) and sets ``checked_on_profile``.

    Matched by profile URL when both sides have one, else by normalised name (so a note
    saved before the URL was known still applies, but two namesakes with different
    profiles are never mixed up).
    """
    latest = annotations.sort_values("saved_at", kind="stable").reset_index(drop=True)
    latest_slugs = profile_slug(latest["url"].astype("str"))
    latest_names = name_key(latest["name"].astype("str"))
    positions = pd.Series(np.arange(len(latest)))

    def lookup(keys: pd.Series, usable: pd.Series) -> pd.Series:
        table = positions[usable.to_numpy() & keys.ne("").to_numpy()]
        index = keys[table.index]
        return pd.Series(table.to_numpy(), index=index.to_numpy()).groupby(level=0).last()

    by_slug = lookup(latest_slugs, latest_slugs.ne(""))
    by_name_without_url = lookup(latest_names, latest_slugs.eq(""))
    by_any_name = lookup(latest_names, pd.Series(True, index=latest.index))

    out = invitations.copy()
    slugs = profile_slug(out["url"].astype("str"))
    names = name_key(out["name"].astype("str"))
    found_pos = slugs.map(by_slug).where(slugs.ne(""))
    found_pos = found_pos.fillna(names.map(by_name_without_url))
    found_pos = found_pos.where(slugs.ne(""), names.map(by_any_name))
    found = found_pos.notna().to_numpy()
    rows = latest.iloc[found_pos[found].astype(np.int64).to_numpy()]

    def filled(column: str, dtype: object) -> np.ndarray:
        values = out[column].to_numpy(dtype).copy()
        values[found] = rows[column].to_numpy(dtype)
        return values

    out["title"] = filled("title", object)
    out["company"] = filled("company", object)
    out["years_experience"] = filled("years_experience", float)
    out["mutual_connections"] = filled("mutual_connections", np.int64)
    for column in ("mutual_titles", "shared_groups"):
        values = out[column].to_numpy(object).copy()
        # One cell at a time: numpy would turn equal-length lists into a 2-D block.
        for position, cell in zip(np.flatnonzero(found), rows[column], strict=True):
            values[position] = list(cell)
        out[column] = values
    out["known_offline"] = filled("known_offline", bool)
    decisions = np.full(len(out), "", dtype=object)
    decisions[found] = rows["decision"].astype(object).to_numpy()
    out["your_decision"] = decisions
    out["checked_on_profile"] = out.get("checked_on_profile", False) | found
    for flag in ("mutuals_known", "groups_known"):  # read on the profile page: now known
        if flag in out.columns:
            out[flag] = out[flag].astype(bool) | found
    return out


def annotation_files(folder: str | os.PathLike[str] | None = None,
                     *, lang: str | None = None) -> Sequence[Path]:
    """The annotation files saved so far, oldest first (to show or delete them); a folder that
    cannot be used is an error in ``lang`` (None: the current language)."""
    return sorted(p for p in _folder(folder, reader_language(lang)).glob(f"{FILE_PREFIX}*.csv")
                  if p.is_file())
