"""Fuzzing the entry points a learner's data reaches (hypothesis, deterministic, no deadline).

Whatever arrives (arbitrary bytes as a CSV or a zip, hostile cell values, absurd weights),
the only exception allowed is the package's own, and every output stays in its vocabulary
and range.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invite_triage.core.errors import InviteTriageError
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.intent import KINDS, classify_messages
from invite_triage.domain.profile import Profile
from invite_triage.domain.taxonomy import DECISIONS, FAMILIES, SENIORITIES
from invite_triage.domain.titles import classify_titles
from invite_triage.domain.triage import triage
from invite_triage.linkedin.annotations import (
    ANNOTATION_COLUMNS,
    MAX_MUTUAL_CONNECTIONS,
    MAX_YEARS_EXPERIENCE,
    load_annotations,
    save_annotation,
)
from invite_triage.linkedin.annotations import (
    DECISIONS as YOUR_DECISIONS,
)
from invite_triage.linkedin.connections_csv import DATE_YEARS
from invite_triage.linkedin.export import load_export
from tests.linkedin.bad_inputs import DAY, good_export_zip

FUZZ = settings(max_examples=80, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Text with what breaks programs: lone surrogates, NULs, quotes, separators, line breaks.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from(list('"\';,\n\r\t\x00\ud800\udfffé€ ')), max_size=20),
    st.sampled_from(["", "nan", "NaN", "None", "=cmd()", "CEO", "Recruiter", "1e30", "-1",
                     "2.5", "2O26-01-01", "31 Dec 9999"]),
)
hostile_value = st.one_of(
    hostile_text, st.none(), st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.one_of(hostile_text, st.integers()), max_size=3),
    st.lists(st.lists(hostile_text, max_size=2), max_size=2),
    st.builds(np.array, st.lists(st.integers(-5, 5), max_size=3)),
)


def fresh_dir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="fuzz-")


# --- the domain ---------------------------------------------------------------------------


@FUZZ
@given(st.lists(st.one_of(hostile_text, st.none(), st.floats(), st.integers()), max_size=12))
def test_classify_titles_stays_in_its_vocabulary(titles):
    out = classify_titles(pd.Series(titles, dtype=object))
    assert len(out) == len(titles)
    assert set(out["family"]) <= set(FAMILIES)
    assert set(out["seniority"]) <= set(SENIORITIES)


@FUZZ
@given(st.lists(st.one_of(hostile_text, st.none()), max_size=12))
def test_classify_messages_raises_nothing(messages):
    out = classify_messages(pd.Series(messages, dtype=object))
    assert len(out) == len(messages)
    assert set(out["kind"].astype(str)) <= set(KINDS)


@st.composite
def invitation_frames(draw) -> pd.DataFrame:
    n = draw(st.integers(0, 4))
    column = {
        "name": hostile_text, "title": st.one_of(hostile_text, hostile_value),
        "company": hostile_text, "message": st.one_of(hostile_text, hostile_value),
        "years_experience": st.one_of(st.floats(0, 60), hostile_value),
        "mutual_connections": st.one_of(st.integers(0, 500), hostile_value),
        "mutual_titles": st.one_of(st.lists(hostile_text, max_size=3), hostile_value),
        "shared_groups": st.one_of(st.lists(hostile_text, max_size=3), hostile_value),
        "known_offline": st.one_of(st.booleans(), hostile_value),
        "sent_at": st.one_of(st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1)),
                             hostile_value),
    }
    typed = draw(st.booleans())  # half the frames well typed, to reach the engine itself
    data = {}
    for name, strategy in column.items():
        if typed:
            strategy = {"years_experience": st.floats(0, 60), "mutual_connections":
                        st.integers(0, 500), "mutual_titles": st.lists(hostile_text, max_size=3),
                        "shared_groups": st.lists(hostile_text, max_size=3),
                        "known_offline": st.booleans(), "sent_at": st.datetimes(
                            datetime(1990, 1, 1), datetime(2100, 1, 1))}.get(name, hostile_text)
        values = draw(st.lists(strategy, min_size=n, max_size=n))
        cells = np.empty(n, dtype=object)
        cells[:] = values if n else []
        data[name] = cells
    frame = pd.DataFrame(data)
    if typed and n:
        frame = frame.astype({"years_experience": float, "mutual_connections": "int64",
                              "known_offline": bool, "sent_at": "datetime64[ns]"})
    return frame


weights = st.one_of(
    st.none(),
    st.dictionaries(st.sampled_from(CRITERIA),
                    st.one_of(st.floats(0, 1e308), st.sampled_from([0.0, 1e308, 5e-324]),
                              hostile_value), max_size=len(CRITERIA)),
)


@FUZZ
@given(invitation_frames(), weights)
def test_triage_decides_or_says_what_is_wrong(frame, weights):
    try:
        out = triage(frame, Profile(), weights=weights)
    except InviteTriageError:
        return
    assert len(out) == len(frame)
    assert set(out["decision"]) <= set(DECISIONS)
    scores = out["score"].to_numpy(float)
    assert np.all((scores >= 0) & (scores <= 1))


# --- the readers ----------------------------------------------------------------------------


def check_export(path: Path) -> None:
    try:
        export = load_export(path)
    except InviteTriageError:
        return
    low, high = (pd.Timestamp(f"{DATE_YEARS[0]}-01-01"), pd.Timestamp(f"{DATE_YEARS[1] + 1}-01-01"))
    for frame, column in ((export.connections, "connected_on"), (export.invitations, "sent_at"),
                          (export.messages, "sent_at")):
        if frame is not None and len(frame):
            dates = frame[column].dropna()
            assert ((dates >= low) & (dates < high)).all()
    if export.pending is not None:
        assert len(export.pending) <= len(export.invitations)


csv_bytes = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda body: b"First Name,Last Name,Connected On\n" + body, st.binary(max_size=300)),
    st.builds(lambda body: ("First Name,Last Name,Connected On\n" + body).encode("utf-8",
                                                                                 "surrogatepass"),
              st.text(alphabet=st.sampled_from(list('Aé,"\n\r;05 Jan 2026/:9\x00\ud800')),
                      max_size=120)),
)


@FUZZ
@given(csv_bytes, st.sampled_from(["Connections.csv", "Invitations.csv", "export.csv",
                                   "messages.csv"]))
def test_load_export_of_arbitrary_bytes_as_a_csv(data, name):
    with fresh_dir() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        check_export(path)


GOOD_ZIP = good_export_zip()


@FUZZ
@given(st.one_of(
    st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b),
    st.lists(st.tuples(st.integers(0, len(GOOD_ZIP) - 1), st.integers(0, 255)),
             min_size=1, max_size=6).map(
        lambda edits: bytes(_edited(bytearray(GOOD_ZIP), edits))),
    st.integers(0, len(GOOD_ZIP)).map(lambda cut: GOOD_ZIP[:cut]),
))
def test_load_export_of_arbitrary_bytes_as_a_zip(data):
    with fresh_dir() as folder:
        path = Path(folder) / "export.zip"
        path.write_bytes(data)
        check_export(path)


def _edited(data: bytearray, edits: list[tuple[int, int]]) -> bytearray:
    for position, value in edits:
        data[position] = value
    return data


# --- the learner's annotations ----------------------------------------------------------------

FIELDS = [c for c in ANNOTATION_COLUMNS if c != "saved_at"]


def check_annotations(folder: str) -> None:
    try:
        got = load_annotations(folder, latest=False)
    except InviteTriageError:
        return
    assert list(got.columns) == list(ANNOTATION_COLUMNS)
    assert got["mutual_connections"].between(0, MAX_MUTUAL_CONNECTIONS).all()
    years = got["years_experience"].dropna()
    assert years.between(0, MAX_YEARS_EXPERIENCE).all()
    assert set(got["decision"]) <= set(YOUR_DECISIONS)
    assert got["saved_at"].dt.year.between(*DATE_YEARS).all()
    assert all(isinstance(cell, list) for cell in got["mutual_titles"])


@FUZZ
@given(st.dictionaries(st.sampled_from([*FIELDS, "colour"]), hostile_value, max_size=6),
       st.sampled_from(["Ada Martin", "", "Zoé"]))
def test_save_then_load_annotation_never_raises_a_foreign_error(fields, name):
    fields.setdefault("name", name)
    with fresh_dir() as folder:
        try:
            path = save_annotation(folder=folder, now=DAY, **fields)
        except InviteTriageError:
            assert not list(Path(folder).glob("annotations-*.csv"))  # nothing half-saved
            return
        assert path.exists()
        got = load_annotations(folder)  # what was saved always reads back
        assert len(got) == 1
        check_annotations(folder)


HEADER = (",".join(ANNOTATION_COLUMNS) + "\n").encode()


@FUZZ
@given(st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=300).map(lambda b: HEADER + b),
    st.text(alphabet=st.sampled_from(list('2026-11-25T14:37:05,Ada;"\n\rtrue1e3.x\ud800')),
            max_size=200).map(lambda t: HEADER + t.encode("utf-8", "surrogatepass")),
))
def test_load_and_save_annotations_over_arbitrary_file_contents(data):
    with fresh_dir() as folder:
        path = Path(folder) / "annotations-2026-11-25.csv"
        path.write_bytes(data)
        check_annotations(folder)
        try:
            saved = save_annotation(folder=folder, now=DAY, name="Ada Martin", decision="ask")
        except InviteTriageError as exc:
            saved = getattr(exc, "saved_to", None)
            assert saved is not None  # the new entry was kept in a valid file
        if saved == path:  # appended to: only when the file was whole, and nothing lost
            assert path.read_bytes().startswith(data.removeprefix(b"\xef\xbb\xbf")[:0] + data)
        else:  # a damaged or foreign file is never written into
            assert path.read_bytes() == data
        assert "Ada Martin" in saved.read_text(encoding="utf-8")
