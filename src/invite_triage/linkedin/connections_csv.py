"""Reading LinkedIn's ``Connections.csv`` (and the other export CSVs) whatever its era.

LinkedIn changed the file over the years (a notes preamble since about 2021, a ``URL`` column
added, two date formats) and spreadsheets change it again when a member re-saves it (``;``
delimiter, CRLF, BOM, Windows-1252, ``04-May-22`` dates). So nothing here trusts a fixed
layout: the text is decoded by sniffing, the header row is found by its column names, and
columns are read by name. The low-level pieces (``decode_csv_bytes``, ``read_linkedin_table``,
``parse_linkedin_dates``) are shared with ``export.py`` for the export's other files.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError

#: How far down the header row may be (LinkedIn's preamble is 3 lines; spreadsheets add a few).
HEADER_SEARCH_LINES = 20
#: Delimiters tried, in order: LinkedIn's own, Excel in a comma-decimal locale, 2018 UTF-16 files.
DELIMITERS: tuple[str, ...] = (",", ";", "\t")

#: Connections.csv header (normalised) → snake_case column, in output order.
CONNECTION_COLUMNS: dict[str, str] = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}
CONNECTION_REQUIRED: tuple[str, ...] = ("First Name", "Last Name", "Connected On")
_ALIASES = {"profile url": "url", "email": "email address", "e mail address": "email address"}

# French month abbreviations written by a French-locale spreadsheet ("04-mai-22").
_FRENCH_MONTHS = {
    "janv": "Jan", "févr": "Feb", "fevr": "Feb", "mars": "Mar", "avr": "Apr",
    "mai": "May", "juin": "Jun", "juil": "Jul", "août": "Aug", "aout": "Aug", "sept": "Sep",
    "oct": "Oct", "nov": "Nov", "déc": "Dec", "dec": "Dec",
}
_MONTH_WORDS = "|".join(sorted(map(re.escape, _FRENCH_MONTHS), key=len, reverse=True))
_FRENCH_MONTH_RE = re.compile(
    rf"(?<![A-Za-zÀ-ÿ])({_MONTH_WORDS})\.?(?![A-Za-zÀ-ÿ])", re.IGNORECASE
)
_HAS_FRENCH_MONTH_RE = re.compile(
    rf"(?<![A-Za-zÀ-ÿ])(?:{_MONTH_WORDS})\.?(?![A-Za-zÀ-ÿ])", re.IGNORECASE
)


def normalise_header(name: object) -> str:
    """``"Connected On"``, ``"connected_on"``, ``" CONNECTED  ON "`` → ``"connected on"``."""
    text = str(name).replace("\ufeff", "").strip().lower()
    text = re.sub(r"[\s_\-]+", " ", text).strip()
    return _ALIASES.get(text, text)


# --- decoding ---------------------------------------------------------------------------------


def decode_csv_bytes(data: bytes) -> str:
    """Bytes of a CSV to text with ``\\n`` line ends: UTF-8 (with or without BOM), UTF-16
    (2018 exports) or Windows-1252 (re-saved by Excel)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    elif _looks_like_utf16(data):
        text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                text = data.decode("latin-1")
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: ASCII text with a zero byte every other position."""
    head = data[:200]
    return len(head) >= 4 and head.count(b"\x00") >= len(head) // 3


def read_source_bytes(path_or_buffer: str | os.PathLike[str] | bytes | IO) -> tuple[bytes, str]:
    """The raw bytes of a path, bytes or file-like object, and a name for error messages."""
    if isinstance(path_or_buffer, bytes):
        return path_or_buffer, "<bytes>"
    if isinstance(path_or_buffer, (str, os.PathLike)):
        path = Path(path_or_buffer)
        if not path.is_file():
            raise InvalidInputError("file not found", [f"expected a CSV file at {path}"], str(path))
        return path.read_bytes(), str(path)
    content = path_or_buffer.read()
    name = str(getattr(path_or_buffer, "name", "<buffer>"))
    return (content.encode("utf-8") if isinstance(content, str) else content), name


# --- locating and reading the table -----------------------------------------------------------


@dataclass(frozen=True)
class LinkedInTable:
    """A CSV table as found in the file: its header, its rows by position, where it starts.

    Rows keep positional integer columns so files with repeated column names
    (``Ad_Targeting.csv``) can be read by position.
    """

    header: list[str]
    rows: pd.DataFrame
    header_line: int
    delimiter: str
    text: str
    source: str

    def position(self, name: str) -> int | None:
        """Position of the first column called ``name`` (compared normalised), or None."""
        wanted = normalise_header(name)
        for i, col in enumerate(self.header):
            if normalise_header(col) == wanted:
                return i
        return None

    def column(self, name: str) -> pd.Series | None:
        pos = self.position(name)
        if pos is None or pos >= self.rows.shape[1]:
            return None
        return self.rows[pos]

    def line_numbers(self) -> np.ndarray:
        """The 1-based file line where each row starts (only computed when reporting errors)."""
        reader = csv.reader(
            io.StringIO(self.text.split("\n", self.header_line)[-1]), delimiter=self.delimiter
        )
        starts: list[int] = []
        previous_end = 0
        for record in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if record:
                starts.append(start + self.header_line)
        lines = np.asarray(starts[1:], dtype=np.int64)  # the first record is the header
        return lines[self.rows.index.to_numpy()] if len(lines) else lines


def find_header(
    text: str, required: Iterable[str], source: str, limit: int = HEADER_SEARCH_LINES
) -> tuple[int, str, list[str]]:
    """The 0-based line of the header row holding every ``required`` column, its delimiter and
    fields. Raises a learner-readable error when no such row is in the first ``limit`` lines."""
    required = tuple(required)
    wanted = {normalise_header(r) for r in required}
    for number, line in enumerate(text.split("\n", limit)[:limit]):
        for delimiter in DELIMITERS:
            if delimiter not in line and delimiter != ",":  # "," also reads one-column files
                continue
            fields = next(csv.reader([line], delimiter=delimiter), [])
            if wanted <= {normalise_header(f) for f in fields}:
                return number, delimiter, [f.replace("\ufeff", "").strip() for f in fields]
    name = Path(source).name
    raise InvalidInputError(
        f"no header row with {', '.join(required)} found in the first {limit} lines",
        [f"expected a LinkedIn {name} whose header row names these columns; "
         "was the file saved from LinkedIn's data export?"],
        source,
    )


def read_linkedin_table(text: str, required: Iterable[str], source: str) -> LinkedInTable:
    """Find the header row by its names, then read every row below it as text."""
    header_line, delimiter, header = find_header(text, required, source)
    body = text.split("\n", header_line)[-1]
    try:
        with warnings.catch_warnings():
            # Rows with a trailing delimiter more than the header: the extra empty cell goes.
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            rows = pd.read_csv(
                io.StringIO(body), sep=delimiter, header=None, dtype=str, na_filter=False,
                index_col=False, skip_blank_lines=True, skiprows=1, names=range(len(header)),
            )
    except pd.errors.ParserError as exc:
        raise InvalidInputError(
            "the rows could not be read as CSV",
            [_locate_parse_problem(body, delimiter, header_line) or str(exc).strip()],
            source,
        ) from None
    except pd.errors.EmptyDataError:
        rows = pd.DataFrame({i: pd.Series([], dtype="str") for i in range(len(header))})
    return LinkedInTable(header, rows, header_line, delimiter, text, source)


def _locate_parse_problem(body: str, delimiter: str, header_line: int) -> str | None:
    """Re-read strictly to tell the learner on which line the CSV breaks (pandas does not)."""
    reader = csv.reader(io.StringIO(body), delimiter=delimiter, strict=True)
    last_end = 0
    try:
        for _ in reader:
            last_end = reader.line_num
    except csv.Error as exc:
        return (f"line {last_end + 1 + header_line}: {exc}; expected {delimiter!r}-separated "
                "cells, with every opening quote closed")
    return None


# --- dates ------------------------------------------------------------------------------------

#: Every date format seen in exports from 2018 to 2026, and in spreadsheets' re-saves.
_DATE_FORMATS_MONTH_FIRST: tuple[str, ...] = (
    "%d %b %Y",  # 05 Jan 2026 (Connected On since about 2020)
    "%m/%d/%y, %I:%M %p",  # 1/29/26, 2:37 PM (Sent At; 2018 Connected On)
    "%Y-%m-%d %H:%M:%S UTC",  # 2024-02-09 18:05:44 UTC (messages.csv since 2023)
    "%d-%b-%y",  # 04-May-22 (Excel re-save)
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d-%b-%Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%m/%d/%Y %H:%M",
    "%d/%m/%y",
    "%d/%m/%Y",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y",
)
_DAY_FIRST_SWAP = {
    "%m/%d/%y": "%d/%m/%y", "%m/%d/%Y": "%d/%m/%Y", "%m/%d/%Y %H:%M": "%d/%m/%Y %H:%M",
    "%d/%m/%y": "%m/%d/%y", "%d/%m/%Y": "%m/%d/%Y", "%d/%m/%Y %H:%M": "%m/%d/%Y %H:%M",
}


def _normalise_date_text(values: pd.Series) -> pd.Series:
    text = values.astype("str").str.replace(r"[\u202f\u00a0\s]+", " ", regex=True).str.strip()
    if text.str.contains(_HAS_FRENCH_MONTH_RE, na=False).any():
        text = text.str.replace(
            _FRENCH_MONTH_RE, lambda m: _FRENCH_MONTHS[m.group(1).lower()], regex=True
        )
    return text


def parse_linkedin_dates(values: pd.Series, dayfirst: bool = False) -> tuple[pd.Series, pd.Series]:
    """Parse a column of LinkedIn dates in any known format, vectorised format by format.

    Returns ``(dates, bad)``: ``datetime64[ns]`` values (NaT for empty cells) and a mask of the
    non-empty cells no format could read. ``dayfirst`` (files re-saved with ``;``, i.e. a
    European spreadsheet) reads ambiguous ``05/01/2026`` as 5 January.
    """
    text = _normalise_date_text(values)
    dates = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[ns]")
    todo = text.ne("").to_numpy().copy()
    formats = _DATE_FORMATS_MONTH_FIRST
    if dayfirst:
        formats = tuple(_DAY_FIRST_SWAP.get(f, f) for f in formats)
    for fmt in formats:
        positions = np.flatnonzero(todo)
        if not len(positions):
            break
        parsed = pd.to_datetime(text.iloc[positions], format=fmt, errors="coerce")
        ok = parsed.notna().to_numpy()
        dates[positions[ok]] = parsed.to_numpy(dtype="datetime64[ns]")[ok]
        todo[positions[ok]] = False
    result = pd.Series(dates, index=values.index)
    return result, pd.Series(todo, index=values.index)


def describe_bad_cells(
    table: LinkedInTable, bad: pd.Series, column: str, values: pd.Series, expected: str,
    limit: int = 8,
) -> list[str]:
    """One problem line per bad cell, with the file line: what was there, what was expected."""
    positions = np.flatnonzero(bad.to_numpy())
    lines = table.line_numbers()
    problems = [
        f"line {lines[p]}: '{column}' = {values.iloc[p]!r}, expected {expected}"
        for p in positions[:limit]
    ]
    if len(positions) > limit:
        problems.append(f"... and {len(positions) - limit} more lines like these")
    return problems


# --- Connections.csv --------------------------------------------------------------------------


def read_connections_csv(
    path_or_buffer: str | os.PathLike[str] | bytes | IO, source: str | None = None
) -> pd.DataFrame:
    """Read LinkedIn's Connections.csv, any era, as it is or re-saved by a spreadsheet.

    Returns columns ``first_name, last_name, url, email, company, position`` (text, ``""``
    when absent, e.g. ``url`` before about 2021) and ``connected_on`` (``datetime64[ns]``).
    Raises ``InvalidInputError`` naming the file, the line and what was expected.
    """
    data, name = read_source_bytes(path_or_buffer)
    source = source or (name if name not in ("<bytes>", "<buffer>") else "Connections.csv")
    return connections_from_text(decode_csv_bytes(data), source)


def connections_from_text(text: str, source: str = "Connections.csv") -> pd.DataFrame:
    """The same as ``read_connections_csv`` for already decoded text."""
    table = read_linkedin_table(text, CONNECTION_REQUIRED, source)
    n = len(table.rows)
    out: dict[str, pd.Series] = {}
    for header, column in CONNECTION_COLUMNS.items():
        values = table.column(header)
        if values is None:
            values = pd.Series([""] * n, index=table.rows.index, dtype="str")
        out[column] = values.astype("str").str.strip()
    frame = pd.DataFrame(out)
    # Rows that are empty in every column (spreadsheet padding like ";;;;;;") carry nothing.
    frame = frame[frame.ne("").any(axis=1)]
    dates, bad = parse_linkedin_dates(frame["connected_on"], dayfirst=table.delimiter == ";")
    if bad.any():
        kept = LinkedInTable(
            table.header, table.rows.loc[frame.index], table.header_line, table.delimiter,
            table.text, source,
        )
        problems = describe_bad_cells(
            kept, bad, "Connected On", frame["connected_on"], "a date like 05 Jan 2026"
        )
        raise InvalidInputError(
            f"{int(bad.sum())} value(s) in 'Connected On' are not dates", problems, source
        )
    frame["connected_on"] = dates
    return frame.reset_index(drop=True)
