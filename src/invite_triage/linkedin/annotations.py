"""Saving what the learner fills in about their pending invitations, without ever losing it.

A LinkedIn export never says who the mutual connections are, which groups you share or
whether you know someone offline: the learner reads that off each inviter's profile and types
it in a form. Those minutes of work are kept under ``data/private/`` (git-ignored), in
``annotations-YYYY-MM-DD.csv`` files that are only ever appended to: each save writes the old
content plus the new rows to a temporary file, then renames it over the old one, so a crash
mid-save leaves the previous file intact and nothing is ever truncated. Later rows win when
the same person is annotated twice; ``load_annotations(latest=False)`` keeps the history.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.files import atomic_write_bytes
from invite_triage.core.paths import private_dir
from invite_triage.domain.schema import join_list_cell, split_list_cell
from invite_triage.domain.taxonomy import DECISIONS as TRIAGE_DECISIONS
from invite_triage.linkedin.identity import name_key, person_keys, profile_slug

#: Columns of an annotations file, in order.
ANNOTATION_COLUMNS: tuple[str, ...] = (
    "saved_at", "name", "url", "title", "company", "years_experience", "mutual_connections",
    "mutual_titles", "shared_groups", "known_offline", "decision", "note",
)
#: What the learner may record as their own decision ("" = not decided yet).
DECISIONS: tuple[str, ...] = (*TRIAGE_DECISIONS, "")
FILE_PREFIX = "annotations-"


def _folder(folder: str | os.PathLike[str] | None) -> Path:
    if folder is None:
        return private_dir()
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _row(fields: Mapping[str, object], saved_at: str, number: int) -> tuple[list[str], list[str]]:
    """One annotation as CSV cells, and the problems found in it (field named, value shown)."""
    where = f"annotation {number}: "
    problems: list[str] = []
    known = set(ANNOTATION_COLUMNS) - {"saved_at"}
    unknown = sorted(set(fields) - known)
    if unknown:
        problems.append(f"{where}unknown field(s) {unknown}; expected among {sorted(known)}")
    name = str(fields.get("name", "") or "").strip()
    url = str(fields.get("url", "") or "").strip()
    if not name and not url:
        problems.append(f"{where}'name': expected the inviter's name (or their profile 'url')")
    years = fields.get("years_experience")
    years_text = ""
    if years is not None and not (isinstance(years, float) and math.isnan(years)) and years != "":
        try:
            value = float(years)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = -1.0
        if not value >= 0:
            problems.append(f"{where}'years_experience' = {years!r}, expected a number >= 0")
        years_text = f"{value:g}"
    mutuals = fields.get("mutual_connections", 0)
    if isinstance(mutuals, (bool, np.bool_)) or not _is_whole(mutuals):
        problems.append(f"{where}'mutual_connections' = {mutuals!r}, expected a whole number >= 0")
        mutuals = 0
    decision = str(fields.get("decision", "") or "").strip().lower()
    if decision not in DECISIONS:
        problems.append(f"{where}'decision' = {decision!r}, expected one of accept, ask, decline")
    known_offline = fields.get("known_offline", False)
    if not isinstance(known_offline, (bool, np.bool_)):
        problems.append(f"{where}'known_offline' = {known_offline!r}, expected True or False")
    cells = [
        saved_at, name, url, _text(fields.get("title")), _text(fields.get("company")), years_text,
        str(int(mutuals)),  # type: ignore[arg-type]
        join_list_cell(_as_list(fields.get("mutual_titles"))),
        join_list_cell(_as_list(fields.get("shared_groups"))),
        "true" if bool(known_offline) else "false", decision, _text(fields.get("note")),
    ]
    return cells, problems


def _is_whole(value: object) -> bool:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return number >= 0 and number == int(number)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return split_list_cell(value)
    if value is None:
        return []
    return [str(v).strip() for v in value if str(v).strip()]  # type: ignore[union-attr]


def save_annotations(
    rows: pd.DataFrame | Iterable[Mapping[str, object]],
    folder: str | os.PathLike[str] | None = None,
    now: datetime | None = None,
) -> Path:
    """Append annotations (one mapping or DataFrame row per inviter) to today's file under
    ``folder`` (default ``data/private``) and return its path. Validates everything first:
    nothing is written when any row is wrong."""
    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
    when = (now or datetime.now()).replace(microsecond=0)
    saved_at = when.isoformat()
    cells: list[list[str]] = []
    problems: list[str] = []
    for number, record in enumerate(records, start=1):
        fields = {k: v for k, v in record.items() if k != "saved_at"}
        row, found = _row(fields, saved_at, number)
        cells.append(row)
        problems.extend(found)
    if problems:
        raise InvalidInputError("these annotations were not saved", problems)
    if not cells:
        raise InvalidInputError("nothing to save", ["expected at least one annotation"])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(cells)
    path = _target_file(_folder(folder), when)
    _atomic_append(path, buffer.getvalue())
    return path


def save_annotation(folder: str | os.PathLike[str] | None = None,
                    now: datetime | None = None, **fields: object) -> Path:
    """Save one inviter's annotation: ``name`` (or ``url``), ``title``, ``company``,
    ``years_experience``, ``mutual_connections``, ``mutual_titles``, ``shared_groups``,
    ``known_offline``, ``decision`` (accept / ask / decline) and a free ``note``."""
    return save_annotations([fields], folder=folder, now=now)


def _header_line() -> str:
    return ",".join(ANNOTATION_COLUMNS) + "\n"


def _target_file(folder: Path, when: datetime) -> Path:
    """Today's file, unless it holds something else (another layout): then a new name."""
    base = f"{FILE_PREFIX}{when:%Y-%m-%d}"
    for suffix in ["", *(f"-{i}" for i in range(2, 1000))]:
        path = folder / f"{base}{suffix}.csv"
        if not path.exists():
            return path
        with path.open("r", encoding="utf-8", newline="") as handle:
            if handle.readline().replace("\r\n", "\n") == _header_line():
                return path
    raise InvalidInputError("too many annotation files for one day", source=str(folder))


def _atomic_append(path: Path, rows: str) -> None:
    """Old content + new rows to a temporary file in the same folder, then rename over."""
    existing = path.read_bytes() if path.exists() else b""
    if existing and not existing.endswith(b"\n"):
        existing += b"\n"
    payload = existing + (b"" if existing else _header_line().encode("utf-8"))
    payload += rows.encode("utf-8")
    atomic_write_bytes(path, payload, private=True)


def load_annotations(
    folder: str | os.PathLike[str] | None = None, latest: bool = True
) -> pd.DataFrame:
    """Every saved annotation, typed (lists, booleans, numbers, ``saved_at`` datetime).

    ``latest=True`` keeps the most recent one per inviter (by profile URL, else by name).
    """
    base = _folder(folder)
    frames = []
    for path in sorted(base.glob(f"{FILE_PREFIX}*.csv")):
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise InvalidInputError("annotations file could not be read", [str(exc)],
                                    str(path)) from None
        missing = [c for c in ANNOTATION_COLUMNS if c not in frame.columns]
        if missing:
            continue  # a file in another layout is left alone, never misread
        frames.append(frame[list(ANNOTATION_COLUMNS)])
    if not frames:
        return _typed(pd.DataFrame({c: pd.Series([], dtype="str") for c in ANNOTATION_COLUMNS}))
    every = _typed(pd.concat(frames, ignore_index=True))
    every = every.sort_values("saved_at", kind="stable").reset_index(drop=True)
    if latest:
        every = every.assign(_key=annotation_keys(every)).drop_duplicates("_key", keep="last")
        every = every.drop(columns="_key").reset_index(drop=True)
    return every


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["saved_at"] = pd.to_datetime(out["saved_at"], errors="coerce").astype("datetime64[ns]")
    out["years_experience"] = pd.to_numeric(out["years_experience"], errors="coerce")
    out["mutual_connections"] = (
        pd.to_numeric(out["mutual_connections"], errors="coerce").fillna(0).astype("int64")
    )
    for col in ("mutual_titles", "shared_groups"):
        out[col] = out[col].map(split_list_cell).astype(object)
    out["known_offline"] = out["known_offline"].str.lower().eq("true").astype(bool)
    return out


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
    return out


def annotation_files(folder: str | os.PathLike[str] | None = None) -> Sequence[Path]:
    """The annotation files saved so far, oldest first (to show or delete them)."""
    return sorted(_folder(folder).glob(f"{FILE_PREFIX}*.csv"))
