"""The canonical invitation schema, its validation, and CSV round-trips.

Every source (the synthetic world, a LinkedIn export, a learner's form) is turned into this
one shape, so the criteria and the triage engine only ever see one kind of table.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.taxonomy import LINKEDIN_CONNECTION_CAP

#: Required columns, in order, with the kind of value each holds.
REQUIRED_COLUMNS: dict[str, str] = {
    "name": "text",
    "title": "text",
    "company": "text",
    "years_experience": "number",
    "mutual_connections": "integer",
    "mutual_titles": "list of text",
    "shared_groups": "list of text",
    "message": "text",
    "known_offline": "boolean",
    "sent_at": "datetime",
}
#: Columns only the synthetic world has (hidden ground truth, used to evaluate).
TRUTH_COLUMNS: tuple[str, ...] = ("persona", "relevant")
LIST_COLUMNS: tuple[str, ...] = ("mutual_titles", "shared_groups")
LIST_SEPARATOR = ";"

#: Largest ``years_experience``: a whole working life; more is a typing slip (or 1e30).
MAX_YEARS_EXPERIENCE = 70.0
#: Largest ``mutual_connections``: LinkedIn caps a network at 30,000 connections.
MAX_MUTUAL_CONNECTIONS = LINKEDIN_CONNECTION_CAP

_TRUE = {"true", "1", "yes", "y", "oui", "vrai", "t"}
_FALSE = {"false", "0", "no", "n", "non", "faux", "f", ""}


def _rows(mask: pd.Series | np.ndarray, index: pd.Index, limit: int = 8) -> str:
    """Row numbers as a learner sees them (1-based data rows), shortened when many."""
    positions = np.flatnonzero(np.asarray(mask)) + 1
    shown = ", ".join(str(p) for p in positions[:limit])
    more = f" and {len(positions) - limit} more" if len(positions) > limit else ""
    return f"row{'s' if len(positions) > 1 else ''} {shown}{more}"


def _is_list_cell(value: object) -> bool:
    return isinstance(value, (list, tuple, np.ndarray))


def validate_invitations(df: pd.DataFrame, source: str | None = None) -> pd.DataFrame:
    """Check ``df`` against the canonical schema and raise one error listing every problem.

    Returns ``df`` when it is valid, so it can be used inline: unchanged, or a copy with plain
    numpy dtypes when it used pandas' nullable ones (``Float64`` with ``NA`` becomes ``float``
    with NaN). Optional columns (``persona``, ``relevant``) may be absent.
    """
    if not isinstance(df, pd.DataFrame):
        raise InvalidInputError(
            f"expected a pandas DataFrame of invitations, got {type(df).__name__}", source=source
        )
    duplicated = sorted({str(c) for c in df.columns[df.columns.duplicated()]})
    if duplicated:
        raise InvalidInputError(
            "these invitations do not match the expected schema",
            [f"column(s) {duplicated} appear more than once; expected each column once"],
            source,
        )
    df = _numpy_dtypes(df)
    problems: list[str] = []
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        problems.append(
            "missing column(s): " + ", ".join(f"'{c}' ({REQUIRED_COLUMNS[c]})" for c in missing)
        )
    idx = df.index
    for col in ("name", "title", "company", "message"):
        if col in df.columns:
            if not _all_text(df[col]):
                bad = ~df[col].map(
                    lambda v: v is None or isinstance(v, str) or _isnan(v)
                ).to_numpy(bool)
                if bad.any():
                    problems.append(f"column '{col}': expected text, {_rows(bad, idx)}")
                    continue
            surrogates = _has_surrogate(df[col])
            if surrogates.any():
                problems.append(
                    f"column '{col}': text that is not valid Unicode (a lone surrogate), "
                    f"{_rows(surrogates, idx)}"
                )
    if "years_experience" in df.columns:
        values = pd.to_numeric(df["years_experience"], errors="coerce")
        bad = (values.isna() & df["years_experience"].notna()).to_numpy()
        bad = bad | ((values < 0) | (values > MAX_YEARS_EXPERIENCE)).to_numpy()
        if bad.any():
            problems.append(f"column 'years_experience': expected a number from 0 to "
                            f"{MAX_YEARS_EXPERIENCE:g} (empty when unknown), {_rows(bad, idx)}")
    if "mutual_connections" in df.columns:
        values = pd.to_numeric(df["mutual_connections"], errors="coerce")
        bad = (values.isna() | (values < 0) | (values % 1 != 0)).to_numpy()
        bad = bad | (values > MAX_MUTUAL_CONNECTIONS).to_numpy()
        if bad.any():
            problems.append(
                f"column 'mutual_connections': expected a whole number from 0 to "
                f"{MAX_MUTUAL_CONNECTIONS}, {_rows(bad, idx)}"
            )
    for col in LIST_COLUMNS:
        if col in df.columns:
            cells = df[col].to_numpy(object)
            if set(map(type, cells)) <= _LIST_TYPES and _all_str(cells):
                continue
            bad = ~df[col].map(_is_text_list).to_numpy(bool)
            if bad.any():
                problems.append(
                    f"column '{col}': expected a list of text (use read_invitations_csv for "
                    f"';'-separated CSV cells), {_rows(bad, idx)}"
                )
    if "known_offline" in df.columns and df["known_offline"].dtype != bool:
        bad = ~df["known_offline"].map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(bool)
        if bad.any():
            problems.append(f"column 'known_offline': expected True or False, {_rows(bad, idx)}")
    if "sent_at" in df.columns and not pd.api.types.is_datetime64_any_dtype(df["sent_at"]):
        parsed = pd.to_datetime(df["sent_at"], errors="coerce", format="mixed")
        bad = (parsed.isna() & df["sent_at"].notna()).to_numpy()
        if bad.any() or len(df) == 0:
            problems.append(
                f"column 'sent_at': expected dates like 2026-01-29 14:37, {_rows(bad, idx)}"
                if bad.any()
                else "column 'sent_at': expected a datetime column"
            )
    if problems:
        raise InvalidInputError(
            "these invitations do not match the expected schema", problems, source
        )
    return df


_LIST_TYPES = {list, tuple, np.ndarray}
_SURROGATE = "[\ud800-\udfff]"


def _is_text_list(cell: object) -> bool:
    """A list (tuple, array) whose items are all text: a list of lists is not."""
    return type(cell) in _LIST_TYPES and all(isinstance(item, str) for item in cell)  # type: ignore[union-attr]


def _all_str(cells: np.ndarray) -> bool:
    """Every item of every list is text (one C-speed join instead of a check per item)."""
    try:
        "".join(itertools.chain.from_iterable(cells))
    except TypeError:
        return False
    return True


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _has_surrogate(column: pd.Series) -> np.ndarray:
    """Cells holding a lone surrogate: text Python accepts but no file can hold. One search
    over the whole column first: the per-cell scan only runs to name the rows."""
    values = column.to_numpy(object)
    try:
        joined = "".join(values)
    except TypeError:  # None or NaN among the texts
        joined = "".join(v for v in values if isinstance(v, str))
    try:
        joined.encode("utf-8")
        return np.zeros(len(column), dtype=bool)
    except UnicodeEncodeError:
        pass
    text = column.astype(object).where(column.map(_is_str), "")
    return text.astype(str).str.contains(_SURROGATE, regex=True).to_numpy(bool)


def _numpy_dtypes(df: pd.DataFrame) -> pd.DataFrame:
    """Pandas' nullable numbers and booleans as numpy ones (``NA`` as NaN or None), so the
    checks and the engine never meet ``NA`` (whose truth value raises)."""
    converted: dict[str, object] = {}
    for col in ("years_experience", "mutual_connections", "known_offline"):
        if col not in df.columns or not isinstance(df[col].dtype, pd.api.extensions.ExtensionDtype):
            continue
        values = df[col]
        if pd.api.types.is_bool_dtype(values.dtype):
            converted[col] = (values.to_numpy(bool) if not values.isna().any()
                              else values.astype(object).where(values.notna(), None))
        elif pd.api.types.is_numeric_dtype(values.dtype):
            if pd.api.types.is_integer_dtype(values.dtype) and not values.isna().any():
                converted[col] = values.to_numpy("int64")
            else:
                converted[col] = values.to_numpy(float, na_value=np.nan)
    return df.assign(**converted) if converted else df


def _all_text(column: pd.Series) -> bool:
    """Fast whole-column check (the per-row scan only runs to name the bad rows)."""
    if pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
        return True
    return pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty")


def _isnan(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def empty_invitations() -> pd.DataFrame:
    """An empty invitations frame with every required column and the right dtypes."""
    return pd.DataFrame(
        {
            "name": pd.Series([], dtype=object),
            "title": pd.Series([], dtype=object),
            "company": pd.Series([], dtype=object),
            "years_experience": pd.Series([], dtype=float),
            "mutual_connections": pd.Series([], dtype="int64"),
            "mutual_titles": pd.Series([], dtype=object),
            "shared_groups": pd.Series([], dtype=object),
            "message": pd.Series([], dtype=object),
            "known_offline": pd.Series([], dtype=bool),
            "sent_at": pd.Series([], dtype="datetime64[ns]"),
        }
    )


def split_list_cell(value: object) -> list[str]:
    """Turn a ``;``-separated CSV cell back into a list (empty cell → empty list)."""
    if _is_list_cell(value):
        return [str(v) for v in value]  # type: ignore[union-attr]
    if value is None or _isnan(value):
        return []
    return [part.strip() for part in str(value).split(LIST_SEPARATOR) if part.strip()]


def join_list_cell(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(str(v).replace(LIST_SEPARATOR, ",") for v in values)


def coerce_invitations(df: pd.DataFrame, source: str | None = None) -> pd.DataFrame:
    """Convert loosely typed columns (CSV text) to the canonical dtypes, then validate.

    Never modifies ``df``; returns a new frame.
    """
    out = df.copy()
    problems: list[str] = []
    for col in ("name", "title", "company", "message"):
        if col in out.columns:
            out[col] = (
                out[col].astype(object).where(out[col].notna(), "").astype(str).astype(object)
            )
    for col in LIST_COLUMNS:
        if col in out.columns:
            out[col] = out[col].map(split_list_cell).astype(object)
    if "years_experience" in out.columns:
        out["years_experience"] = pd.to_numeric(out["years_experience"], errors="coerce")
        bad = out["years_experience"].isna() & df["years_experience"].notna()
        bad &= df["years_experience"].astype(str).str.strip().ne("")
        if bad.any():
            problems.append(
                f"column 'years_experience': expected a number, {_rows(bad, out.index)}"
            )
    if "mutual_connections" in out.columns:
        numbers = pd.to_numeric(out["mutual_connections"], errors="coerce")
        bad = numbers.isna() | (numbers < 0) | (numbers % 1 != 0)
        if bad.any():
            where = _rows(bad, out.index)
            problems.append(f"column 'mutual_connections': expected a whole number >= 0, {where}")
        else:
            out["mutual_connections"] = numbers.astype("int64")
    for col in ("known_offline", "relevant"):
        if col in out.columns and out[col].dtype != bool:
            text = out[col].astype(str).str.strip().str.lower()
            text = text.where(out[col].notna(), "")
            bad = ~text.isin(_TRUE | _FALSE)
            if bad.any():
                problems.append(f"column '{col}': expected true or false, {_rows(bad, out.index)}")
            else:
                out[col] = text.isin(_TRUE).astype(bool)
    if "sent_at" in out.columns and not pd.api.types.is_datetime64_any_dtype(out["sent_at"]):
        parsed = pd.to_datetime(out["sent_at"], errors="coerce", format="mixed")
        bad = parsed.isna() & out["sent_at"].notna()
        if bad.any():
            problems.append(
                f"column 'sent_at': expected a date like 2026-01-29 14:37, {_rows(bad, out.index)}"
            )
        else:
            out["sent_at"] = parsed.astype("datetime64[ns]")
    if problems:
        raise InvalidInputError("these invitations could not be read", problems, source)
    return validate_invitations(out, source)


def read_invitations_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read invitations saved in the canonical CSV layout (lists ``;``-separated)."""
    path = Path(path)
    if not path.exists():
        raise InvalidInputError(
            "file not found", [f"expected an invitations CSV at {path}"], str(path)
        )
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return coerce_invitations(raw, source=str(path))


def write_invitations_csv(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write invitations in the canonical CSV layout; byte-for-byte stable for equal input."""
    path = Path(path)
    out = df.copy()
    for col in LIST_COLUMNS:
        if col in out.columns:
            out[col] = out[col].map(join_list_cell)
    if "sent_at" in out.columns:
        out["sent_at"] = pd.to_datetime(out["sent_at"]).dt.strftime("%Y-%m-%d %H:%M")
    if "years_experience" in out.columns:
        out["years_experience"] = out["years_experience"].map(lambda v: f"{v:.1f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, lineterminator="\n")
    return path
