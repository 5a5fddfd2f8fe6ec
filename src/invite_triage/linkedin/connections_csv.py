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
from invite_triage.core.i18n import message
from invite_triage.linkedin.texts import error_text, reader_language

#: How far down the header row may be (LinkedIn's preamble is 3 lines; spreadsheets add a few).
HEADER_SEARCH_LINES = 20
#: Earliest and latest year of a date kept for the analyses: LinkedIn opened in 2003, and a
#: date outside these years (``31 Dec 9999``, ``01/01/1900``) is a placeholder or a typing slip.
DATE_YEARS: tuple[int, int] = (1990, 2100)
#: Longest cell read (characters): a 10 MB message is fine; Python's csv default (128 KiB) is not.
MAX_CELL_CHARS = 256 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
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


@dataclass(frozen=True)
class DecodedText:
    """A CSV's text with ``\n`` line ends, the encoding it was read in, and how many lines
    were not UTF-8 in an otherwise UTF-8 file (read as Windows-1252, one line at a time)."""

    text: str
    encoding: str
    repaired_lines: tuple[int, ...] = ()


def decode_csv_bytes(data: bytes, source: str = "<bytes>", *, lang: str | None = None) -> str:
    """Bytes of a CSV to text with ``\n`` line ends: UTF-8 (with or without BOM), UTF-16
    (2018 exports) or Windows-1252 (re-saved by Excel), line by line when they are mixed."""
    return decode_csv(data, source, lang=lang).text


def decode_csv(data: bytes, source: str = "<bytes>", *, lang: str | None = None) -> DecodedText:
    """``decode_csv_bytes`` with what it did: one Windows-1252 line appended to a UTF-8 file
    (a spreadsheet's copy and paste) must not garble every accented name above it, so a file
    that is not wholly UTF-8 is decoded line by line, UTF-8 first, and the lines read as
    Windows-1252 are listed. A file that claims UTF-16 but cannot be read as such raises
    ``InvalidInputError`` naming the byte (in ``lang``; None: the current language)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    repaired: tuple[int, ...] = ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        text = _decode_utf16(data, "utf-16", source, lang)
    elif _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text = _decode_utf16(data, encoding, source, lang)
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding, repaired = _decode_lines(data)
    text = text.lstrip("\ufeff")
    return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, repaired)


def _decode_utf16(data: bytes, encoding: str, source: str, lang: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        detail = "utf16.byte_odd" if len(data) % 2 else "utf16.byte"
        raise InvalidInputError(
            error_text("utf16.unreadable", lang),
            [error_text(detail, lang, byte=exc.start, reason=exc.reason)],
            source,
        ) from None


def _decode_lines(data: bytes) -> tuple[str, str, tuple[int, ...]]:
    """Each line as UTF-8 when it is, else Windows-1252 (Latin-1 for its five undefined
    bytes). ``\n`` is one byte in both, so splitting the bytes on it never cuts a letter.
    A file with no UTF-8 accent at all is simply Windows-1252 (nothing was repaired)."""
    parts = data.split(b"\n")
    out: list[str] = []
    fallback: list[int] = []
    utf8_accents = False
    for number, part in enumerate(parts, start=1):
        try:
            line = part.decode("utf-8")
            utf8_accents = utf8_accents or not part.isascii()
        except UnicodeDecodeError:
            try:
                line = part.decode("cp1252")
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                line = part.decode("latin-1")
            fallback.append(number)
        out.append(line)
    if not utf8_accents:
        return "\n".join(out), "cp1252", ()
    return "\n".join(out), "mixed", tuple(fallback)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: ASCII text with a zero byte every other position."""
    head = data[:200]
    return len(head) >= 4 and head.count(b"\x00") >= len(head) // 3


def read_source_bytes(
    path_or_buffer: str | os.PathLike[str] | bytes | IO, *, lang: str | None = None
) -> tuple[bytes, str]:
    """The raw bytes of a path, bytes or file-like object, and a name for error messages
    (errors in ``lang``; None: the current language)."""
    if isinstance(path_or_buffer, bytes):
        return path_or_buffer, "<bytes>"
    if isinstance(path_or_buffer, (str, os.PathLike)):
        path = Path(path_or_buffer)
        if not path.is_file():
            raise InvalidInputError(error_text("csv.not_found", lang),
                                    [error_text("csv.not_found_expected", lang, path=path)],
                                    str(path))
        try:
            return path.read_bytes(), str(path)
        except OSError as exc:
            raise InvalidInputError(
                error_text("csv.unreadable", lang),
                [error_text("csv.unreadable_expected", lang, reason=exc.strerror or exc)],
                str(path),
            ) from None
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
    #: What was repaired while reading (a last line cut short), for the export's notes.
    notes: tuple[str, ...] = ()

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
    text: str, required: Iterable[str], source: str, limit: int = HEADER_SEARCH_LINES,
    *, lang: str | None = None,
) -> tuple[int, str, list[str]]:
    """The 0-based line of the header row holding every ``required`` column, its delimiter and
    fields. Raises a learner-readable error (in ``lang``) when no such row is in the first
    ``limit`` lines."""
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
        error_text("header.missing", lang, columns=", ".join(required), limit=limit),
        [error_text("header.missing_expected", lang, name=name)],
        source,
    )


def read_linkedin_table(text: str, required: Iterable[str], source: str,
                        *, lang: str | None = None) -> LinkedInTable:
    """Find the header row by its names, then read every row below it as text (errors and
    notes in ``lang``; None: the current language)."""
    header_line, delimiter, header = find_header(text, required, source, lang=lang)
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
            error_text("rows.unreadable", lang),
            [_locate_parse_problem(body, delimiter, header_line, lang) or str(exc).strip()],
            source,
        ) from None
    except pd.errors.EmptyDataError:
        rows = pd.DataFrame({i: pd.Series([], dtype="str") for i in range(len(header))})
    notes = _cut_last_line(body, delimiter, header_line, len(header), source, lang)
    return LinkedInTable(header, rows, header_line, delimiter, text, source, notes)


def _cut_last_line(
    body: str, delimiter: str, header_line: int, width: int, source: str, lang: str | None
) -> tuple[str, ...]:
    """A file that does not end with a line break may have been cut: when its last row has
    fewer cells than the header, say so (its missing cells are read as empty)."""
    if not body.strip() or body.endswith("\n"):
        return ()
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    last: list[str] = []
    start = previous_end = 0
    for record in reader:
        if record:
            last, start = record, previous_end + 1
        previous_end = reader.line_num
    if start <= 1 or len(last) >= width:
        return ()
    return (message("linkedin.note.cut_last_line", lang, file=Path(source).name,
                    line=start + header_line, cells=len(last), width=width),)


def _locate_parse_problem(body: str, delimiter: str, header_line: int,
                          lang: str | None) -> str | None:
    """Re-read strictly to tell the learner on which line the CSV breaks (pandas does not)."""
    reader = csv.reader(io.StringIO(body), delimiter=delimiter, strict=True)
    last_end = 0
    try:
        for _ in reader:
            last_end = reader.line_num
    except csv.Error as exc:
        return error_text("rows.broken", lang, line=last_end + 1 + header_line, error=exc,
                          delimiter=repr(delimiter))
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
    non-empty cells no format could read, or read as a date outside ``DATE_YEARS``.
    ``dayfirst`` (files re-saved with ``;``, i.e. a European spreadsheet) reads ambiguous
    ``05/01/2026`` as 5 January.
    """
    dates, bad, outside = parse_dates_in_range(values, dayfirst)
    return dates, bad | outside


def parse_dates_in_range(
    values: pd.Series, dayfirst: bool = False
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """``parse_linkedin_dates`` telling apart the cells that are not dates (``bad``) from the
    real dates outside ``DATE_YEARS`` (``outside``, NaT in ``dates``). Checked before the
    conversion to nanoseconds, which would silently wrap 31 Dec 9999 to 1816."""
    text = _normalise_date_text(values)
    dates = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[ns]")
    outside = np.zeros(len(text), dtype=bool)
    todo = text.ne("").to_numpy().copy()
    formats = _DATE_FORMATS_MONTH_FIRST
    if dayfirst:
        formats = tuple(_DAY_FIRST_SWAP.get(f, f) for f in formats)
    low = np.datetime64(f"{DATE_YEARS[0]:04d}-01-01", "s")
    high = np.datetime64(f"{DATE_YEARS[1] + 1:04d}-01-01", "s")
    for fmt in formats:
        positions = np.flatnonzero(todo)
        if not len(positions):
            break
        parsed = pd.to_datetime(text.iloc[positions], format=fmt, errors="coerce")
        ok = parsed.notna().to_numpy()
        seconds = parsed.to_numpy().astype("datetime64[s]")
        within = ok & (seconds >= low) & (seconds < high)
        dates[positions[within]] = seconds[within].astype("datetime64[ns]")
        outside[positions[ok & ~within]] = True
        todo[positions[ok]] = False
    index = values.index
    return (pd.Series(dates, index=index), pd.Series(todo, index=index),
            pd.Series(outside, index=index))


def lines_of(table: LinkedInTable, mask: pd.Series, limit: int = 8,
             lang: str | None = None) -> str:
    """The file lines of the rows in ``mask``, shortened: ``lines 4, 7 and 12 more`` (in
    ``lang``; None: the current language)."""
    positions = np.flatnonzero(mask.to_numpy())
    numbers = ", ".join(map(str, table.line_numbers()[positions[:limit]]))
    where = message("linkedin.lines.many" if len(positions) > 1 else "linkedin.lines.one",
                    lang, lines=numbers)
    if len(positions) > limit:
        where = message("linkedin.lines.more", lang, where=where, n=len(positions) - limit)
    return where


def note_lines(table: LinkedInTable, mask: pd.Series, limit: int = 8,
               lang: str | None = None) -> str:
    """:func:`lines_of`, for a note (the same words as in an error)."""
    return lines_of(table, mask, limit, lang)


def drop_outside_dates(
    table: LinkedInTable, frame: pd.DataFrame, column: str, header: str,
    outside: pd.Series, notes: list[str] | None, lang: str | None = None,
) -> pd.DataFrame:
    """Leave out the rows dated outside ``DATE_YEARS``, saying how many and where in ``notes``
    (in ``lang``; a placeholder year would otherwise stretch every chart over centuries)."""
    if not outside.any():
        return frame
    if notes is not None:
        kept = LinkedInTable(table.header, table.rows.loc[frame.index], table.header_line,
                             table.delimiter, table.text, table.source)
        first = frame.loc[outside.to_numpy(), column].iloc[0]
        notes.append(message("linkedin.note.dates_outside", lang, file=Path(table.source).name,
                             n=int(outside.sum()), header=header, first=DATE_YEARS[0],
                             last=DATE_YEARS[1], example=repr(first),
                             lines=note_lines(kept, outside, lang=lang)))
    return frame[~outside.to_numpy()]


def describe_bad_cells(
    table: LinkedInTable, bad: pd.Series, column: str, values: pd.Series, expected: str,
    limit: int = 8, lang: str | None = None,
) -> list[str]:
    """One problem line per bad cell, with the file line: what was there, what was expected
    (``expected`` already in ``lang``, e.g. ``error_text("cells.expected_date", lang, …)``)."""
    positions = np.flatnonzero(bad.to_numpy())
    lines = table.line_numbers()
    problems = [
        error_text("cells.bad", lang, line=lines[p], column=column, value=repr(values.iloc[p]),
                   expected=expected)
        for p in positions[:limit]
    ]
    if len(positions) > limit:
        problems.append(error_text("cells.more", lang, n=len(positions) - limit))
    return problems


# --- Connections.csv --------------------------------------------------------------------------


def read_connections_csv(
    path_or_buffer: str | os.PathLike[str] | bytes | IO, source: str | None = None,
    *, lang: str | None = None,
) -> pd.DataFrame:
    """Read LinkedIn's Connections.csv, any era, as it is or re-saved by a spreadsheet.

    Returns columns ``first_name, last_name, url, email, company, position`` (text, ``""``
    when absent, e.g. ``url`` before about 2021) and ``connected_on`` (``datetime64[ns]``).
    Raises ``InvalidInputError`` naming the file, the line and what was expected, in ``lang``
    (None: the current language, :func:`~invite_triage.core.i18n.get_language`).
    """
    lang = reader_language(lang)
    data, name = read_source_bytes(path_or_buffer, lang=lang)
    source = source or (name if name not in ("<bytes>", "<buffer>") else "Connections.csv")
    return connections_from_text(decode_csv_bytes(data, source, lang=lang), source, lang=lang)


def connections_from_text(
    text: str, source: str = "Connections.csv", notes: list[str] | None = None,
    *, lang: str | None = None,
) -> pd.DataFrame:
    """The same as ``read_connections_csv`` for already decoded text. Rows dated outside
    ``DATE_YEARS`` are left out, and said so in ``notes`` when given (errors and notes in
    ``lang``; None: the current language)."""
    lang = reader_language(lang)
    table = read_linkedin_table(text, CONNECTION_REQUIRED, source, lang=lang)
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
    dates, bad, outside = parse_dates_in_range(frame["connected_on"],
                                               dayfirst=table.delimiter == ";")
    if bad.any():
        kept = LinkedInTable(
            table.header, table.rows.loc[frame.index], table.header_line, table.delimiter,
            table.text, source,
        )
        problems = describe_bad_cells(
            kept, bad, "Connected On", frame["connected_on"],
            error_text("cells.expected_date", lang, example="05 Jan 2026"), lang=lang,
        )
        raise InvalidInputError(
            error_text("cells.not_dates", lang, n=int(bad.sum()), header="Connected On"),
            problems, source,
        )
    frame = drop_outside_dates(table, frame, "connected_on", "Connected On", outside, notes,
                               lang)
    frame["connected_on"] = dates.loc[frame.index]
    if notes is not None:
        notes.extend(table.notes)
    return frame.reset_index(drop=True)
