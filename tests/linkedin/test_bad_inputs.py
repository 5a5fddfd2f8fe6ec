"""The bad-input matrix of the readers: every hostile input gives a clear InvalidInputError
(naming the file, line or column and what was expected) or a documented repair with a count
in the export's notes. Nothing is lost, nothing is silently wrong, no foreign exception.
"""

from __future__ import annotations

import codecs
import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from invite_triage.core.errors import DamagedFileError, InvalidInputError
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import validate_invitations
from invite_triage.domain.triage import resolve_weights, triage
from invite_triage.linkedin.annotations import (
    ANNOTATION_COLUMNS,
    MAX_MUTUAL_CONNECTIONS,
    annotation_files,
    load_annotations,
    save_annotation,
)
from invite_triage.linkedin.connections_csv import (
    _DATE_FORMATS_MONTH_FIRST,
    parse_linkedin_dates,
)
from invite_triage.linkedin.export import (
    MAX_INFLATED_BYTES,
    MAX_ZIP_MEMBERS,
    LinkedInExport,
    load_export,
    pending_invitations,
)
from tests.linkedin import bad_inputs as bad
from tests.linkedin.bad_inputs import (
    CONNECTION_ROW,
    CONNECTIONS_HEADER,
    DAY,
    INVITATION_ROW,
    INVITATIONS_HEADER,
    write,
)

# --- the export: one case per hostile input ---------------------------------------------------

HEADER, ROW = CONNECTIONS_HEADER, CONNECTION_ROW


def conn(tmp: Path, data: bytes | str, name: str = "Connections.csv") -> Path:
    return write(tmp / "export" / name, data)


def zipped(tmp: Path, data: bytes) -> Path:
    return write(tmp / "export.zip", data)


#: case → (builder of the input under tmp_path, expected error text or None for "read").
ERRORS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty file": (lambda t: conn(t, b""), "no header row with First Name"),
    "missing columns": (lambda t: conn(t, "First Name,Last Name\nAda,Martin\n"),
                        "no header row with First Name, Last Name, Connected On"),
    "wrong delimiter": (lambda t: conn(t, HEADER.replace(",", "|") + ROW.replace(",", "|")),
                        "no header row"),
    "truncated inside a quoted cell": (lambda t: conn(t, HEADER + ROW + 'Bob,"Ro'),
                                       "line 3: unexpected end of data"),
    "NaN everywhere": (lambda t: conn(t, HEADER + ",".join(["NaN"] * 7) + "\n"),
                       "line 2: 'Connected On' = 'NaN', expected a date like 05 Jan 2026"),
    "mistyped date": (lambda t: conn(t, HEADER + ROW.replace("2026", "2O26")),
                      "line 2: 'Connected On' = '05 Jan 2O26'"),
    "NUL bytes": (lambda t: conn(t, b"\x00" * 300), "no header row"),
    "odd-length UTF-16": (lambda t: conn(t, (HEADER + ROW).encode("utf-16-le") + b"A"),
                          "looks like UTF-16 text but cannot be read"),
    "UTF-16 with a lone surrogate": (
        lambda t: conn(t, codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le") + b"\x00\xd8A\x00"),
        "byte "),
    "not an export": (lambda t: write(t / "notes.csv", "a,b\n1,2\n"),
                      "not a file of a LinkedIn data export"),
    "path that does not exist": (lambda t: t / "nowhere.zip", "not found"),
    "folder without export files": (lambda t: write(t / "empty" / "x.txt", "x").parent,
                                    "no LinkedIn export file in this folder"),
    "zip without export files": (lambda t: zipped(t, bad.zip_bytes({"readme.txt": "hi"})),
                                 "no LinkedIn export file in this zip"),
    "nested zip without export files": (
        lambda t: zipped(t, bad.zip_bytes({"in.zip": bad.zip_bytes({"a.txt": "x"})})),
        "in.zip: no LinkedIn export file in this zip"),
    "empty zip": (lambda t: write(t / "export.zip", b"PK\x05\x06" + b"\0" * 18),
                  "no LinkedIn export file in this zip"),
    "zip cut in half": (lambda t: write(t / "export.zip", bad.good_export_zip()[:200]),
                        "not a readable zip file"),
    "encrypted member": (lambda t: zipped(t, bad.zip_encrypted()), "password-protected"),
    "bad CRC": (lambda t: zipped(t, bad.zip_with_bad_crc()), "Bad CRC-32"),
    "damaged deflate data": (lambda t: zipped(t, bad.zip_with_damaged_data()),
                             "damaged and cannot be read"),
    "unknown compression": (lambda t: zipped(t, bad.zip_unknown_compression()),
                            "unknown compression"),
    "header that lies about the size": (lambda t: zipped(t, bad.zip_lying_size()),
                                        "damaged and cannot be read"),
    "too many members": (
        lambda t: zipped(t, bad.zip_bytes({f"f{i}.txt": "" for i in range(MAX_ZIP_MEMBERS + 1)})),
        f"more than the {MAX_ZIP_MEMBERS:,} allowed"),
    "unparseable invitation date": (
        lambda t: conn(t, INVITATIONS_HEADER + INVITATION_ROW.replace("1/29/26", "29th Jan"),
                       "Invitations.csv"),
        "line 2: 'Sent At' = '29th Jan, 2:37 PM'"),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_bad_export_gives_a_clear_error(tmp_path, case):
    build, expected = ERRORS[case]
    path = build(tmp_path)
    with pytest.raises(InvalidInputError) as info:
        load_export(path.parent if path.parent.name == "export" else path)
    assert expected in str(info.value)
    assert info.value.source  # names the file


def read(tmp: Path, data: bytes | str, name: str = "Connections.csv") -> LinkedInExport:
    return load_export(conn(tmp, data, name).parent)


def test_header_only_is_an_empty_table(tmp_path):
    export = read(tmp_path, HEADER)
    assert export.connections is not None and export.connections.empty
    assert export.notes == ()


def test_extra_columns_bom_crlf_and_quoted_newlines_are_read(tmp_path):
    text = (HEADER.strip() + ",Extra\n" + ROW.strip() + ",x\n").replace("\n", "\r\n")
    export = read(tmp_path, codecs.BOM_UTF8 + text.encode())
    assert export.connections["first_name"].tolist() == ["Chloé"]
    invitations = read(tmp_path, INVITATIONS_HEADER + INVITATION_ROW, "Invitations.csv")
    assert invitations.invitations["message"].iloc[0] == 'Hello, "friend"\nsecond line'


def test_a_cut_last_line_is_kept_and_counted(tmp_path):
    export = read(tmp_path, HEADER + ROW + "Bob,Roy,htt")
    assert len(export.connections) == 2
    assert any("the last line (line 3) has 3 of 7 cells" in n for n in export.notes)


def test_duplicate_rows_count_once_as_pending(tmp_path):
    folder = tmp_path / "export"
    write(folder / "Invitations.csv", INVITATIONS_HEADER + INVITATION_ROW * 3)
    export = load_export(folder)
    assert len(export.invitations) == 3 and len(export.pending) == 1


def test_mixed_encodings_are_decoded_line_by_line_and_counted(tmp_path):
    data = (HEADER + ROW).encode() + "Léa,Pétit,,,,,06 Jan 2026\n".encode("cp1252")
    export = read(tmp_path, data)
    assert export.connections["first_name"].tolist() == ["Chloé", "Léa"]  # none garbled
    assert export.connections["last_name"].tolist() == ["Dupont", "Pétit"]
    assert any("1 line(s) that were not UTF-8 (line 3)" in n for n in export.notes)


def test_a_wholly_windows_1252_file_is_read_without_a_note(tmp_path):
    export = read(tmp_path, (HEADER + ROW).encode("cp1252"))
    assert export.connections["first_name"].tolist() == ["Chloé"] and export.notes == ()


def test_dates_outside_1990_2100_are_left_out_and_counted(tmp_path):
    rows = ROW + "Old,Timer,,,,,31 Dec 9999\n" + "Very,Old,,,,,01 Jan 1900\n"
    export = read(tmp_path, HEADER + rows)
    assert export.connections["first_name"].tolist() == ["Chloé"]
    assert export.connections["connected_on"].dt.year.tolist() == [2026]  # never 1816
    note = next(n for n in export.notes if "outside 1990–2100" in n)
    assert "2 row(s)" in note and "lines 3, 4" in note
    invitations = INVITATIONS_HEADER + INVITATION_ROW + INVITATION_ROW.replace(
        "1/29/26", "12/31/99").replace("zoe-zed", "old")
    export = load_export(write(tmp_path / "inv" / "Invitations.csv", invitations).parent)
    assert len(export.invitations) == 2  # "99" is 1999: kept
    assert all("outside" not in n for n in export.notes)


def test_every_date_format_is_read(tmp_path):
    when = pd.Timestamp("2024-02-19 18:05:44")  # day 19: day-first formats are unambiguous
    values = [when.strftime(fmt) for fmt in _DATE_FORMATS_MONTH_FIRST]
    dates, bad_mask = parse_linkedin_dates(pd.Series(values))
    assert not bad_mask.any()
    assert (dates.dt.date == when.date()).all()


def test_a_10_mb_message_is_read(tmp_path):
    long = "x" * 10_000_000
    text = INVITATIONS_HEADER + f'A B,Me,"1/29/26, 2:37 PM","{long}",INCOMING,,\n'
    export = load_export(zipped(tmp_path, bad.zip_bytes({"Invitations.csv": text})))
    assert len(export.invitations["message"].iloc[0]) == 10_000_000


def test_members_in_a_subfolder_and_a_zip_inside_a_zip(tmp_path):
    inner = bad.zip_bytes({"Basic/Connections.csv": HEADER + ROW,
                           "Basic/Invitations.csv": INVITATIONS_HEADER + INVITATION_ROW})
    export = load_export(write(tmp_path / "a.zip", inner))
    assert len(export.connections) == 1 and len(export.invitations) == 1
    export = load_export(write(tmp_path / "b.zip", bad.zip_bytes({"export.zip": inner})))
    assert len(export.connections) == 1
    assert any("inside another zip (export.zip)" in n for n in export.notes)
    twice = bad.zip_bytes({"outer.zip": bad.zip_bytes({"export.zip": inner})})
    with pytest.raises(InvalidInputError, match="no LinkedIn export file in this zip"):
        load_export(write(tmp_path / "c.zip", twice))  # one level only


def test_unreadable_paths_are_input_errors(tmp_path):
    folder = write(tmp_path / "export" / "Connections.csv", HEADER + ROW).parent
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    (folder / "Connections.csv").chmod(0)
    try:
        with pytest.raises(InvalidInputError, match="Permission denied"):
            load_export(folder)
    finally:
        (folder / "Connections.csv").chmod(0o600)


def test_a_permission_error_while_reading_is_an_input_error(tmp_path, monkeypatch):
    """The same as above for root, who reads every file: the refusal is simulated."""
    folder = write(tmp_path / "export" / "Connections.csv", HEADER + ROW).parent

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InvalidInputError, match="PermissionError: Permission denied") as info:
        load_export(folder)
    assert "Connections.csv" in info.value.source


def test_inflating_stops_at_the_limit_even_when_the_directory_passed(tmp_path, monkeypatch):
    """The second guard: bytes are counted as they are inflated, whatever the directory said."""
    from invite_triage.linkedin import export as export_module

    monkeypatch.setattr(export_module, "MAX_INFLATED_BYTES", 100_000)
    monkeypatch.setattr(export_module, "_checked_directory",
                        lambda archive, *_: archive.infolist())
    bomb = zipped(tmp_path, bad.zip_bomb(8 << 20))
    with pytest.raises(InvalidInputError, match="inflates beyond its stated size") as info:
        load_export(bomb)
    assert "more than 100,000 bytes" in str(info.value)


def test_the_stated_limits_are_those_of_the_readme():
    assert MAX_INFLATED_BYTES == 512 * 1024 * 1024 and MAX_ZIP_MEMBERS == 10_000


#: The child's own peak: Linux keeps ``ru_maxrss`` across ``exec``, so a child forked from a
#: large test process would report the parent's size. Where the kernel allows it, the
#: high-water mark is reset first (``/proc/self/clear_refs``) and read back (``VmHWM``).
_BOMB_SCRIPT = textwrap.dedent("""
    import json, resource, sys, time
    from invite_triage.core.errors import InvalidInputError
    from invite_triage.linkedin.export import load_export

    def hwm():
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            return None

    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        reset = hwm() is not None
    except OSError:
        reset = False
    start = time.perf_counter()
    try:
        load_export(sys.argv[1])
        outcome = "read"
    except InvalidInputError as exc:
        outcome = str(exc)
    seconds = time.perf_counter() - start
    peak = hwm() if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak": peak, "reset": reset}))
""")


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
def test_a_zip_bomb_is_refused_early_with_little_memory(tmp_path):
    bomb = write(tmp_path / "bomb.zip", bad.zip_bomb())
    assert bomb.stat().st_size < 2_000_000  # 1.5 MB inflating to 1.5 GiB
    run = subprocess.run([sys.executable, "-c", _BOMB_SCRIPT, str(bomb)], capture_output=True,
                         text=True, check=True, timeout=300)
    result = json.loads(run.stdout)
    assert "would inflate to 1,536 MiB, more than the 512 MiB allowed" in result["outcome"]
    if sys.platform == "darwin" and not result["reset"]:
        result["peak"] //= 1024  # bytes there, not KiB
    assert result["peak"] < 500 * 2**20, result
    print(f"zip bomb refused in {result['seconds']:.4f} s, peak {result['peak'] / 2**20:.0f} MiB")


# --- the learner's annotations ----------------------------------------------------------------


def annotations_file(folder: Path, rows: list[str], name: str = "annotations-2026-11-25.csv"):
    return write(folder / name, ",".join(ANNOTATION_COLUMNS) + "\n" + "".join(rows))


GOOD = "2026-11-25T14:37:05,Ada Martin,,CMO,,6.5,3,CEO;CTO,,true,accept,\n"


def test_a_damaged_file_is_never_written_into_and_the_new_row_is_kept(tmp_path):
    damaged = annotations_file(tmp_path, [GOOD, '2026-11-25T15:00:00,Bob Roy,,,,,0,,,false,,"cut'])
    before = damaged.read_bytes()
    with pytest.raises(DamagedFileError) as info:
        save_annotation(folder=tmp_path, now=DAY, name="Zoé Zed", decision="ask")
    message = str(info.value)
    assert "annotations-2026-11-25.csv" in message and "line 3" in message
    assert "annotations-2026-11-25-2.csv instead" in message
    assert damaged.read_bytes() == before
    kept = info.value.saved_to
    assert kept.name == "annotations-2026-11-25-2.csv"
    assert "Zoé Zed" in kept.read_text(encoding="utf-8")
    with pytest.raises(InvalidInputError, match="line 3: unexpected end of data"):
        load_annotations(tmp_path)
    damaged.unlink()  # once the learner moves it away, the new row is there
    assert load_annotations(tmp_path)["name"].tolist() == ["Zoé Zed"]


@pytest.mark.parametrize(("row", "expected"), [
    (GOOD.replace("2026-11-25T14", "2O26-11-25T14"), "line 2: 'saved_at' = '2O26-11-25T14:37:05'"),
    (GOOD.replace("2026-11-25T14", "2999-11-25T14"), "expected a date from 1990 to 2100"),
    (GOOD.replace(",3,", ",1e30,"), "line 2: 'mutual_connections' = '1e30'"),
    (GOOD.replace(",3,", ",2.5,"), "line 2: 'mutual_connections' = '2.5'"),
    (GOOD.replace(",3,", ",-1,"), "'mutual_connections' = '-1'"),
    (GOOD.replace(",6.5,", ",inf,"), "line 2: 'years_experience' = 'inf'"),
    (GOOD.replace(",6.5,", ",700,"), "expected a number from 0 to 70"),
    (GOOD.replace(",true,", ",maybe,"), "line 2: 'known_offline' = 'maybe'"),
    (GOOD.replace(",accept,", ",yes,"), "line 2: 'decision' = 'yes'"),
    (GOOD.replace(",CMO,", ",CMO,extra,"), "line 2: 13 cell(s), expected 12"),
])
def test_bad_rows_are_reported_with_their_line_never_reinterpreted(tmp_path, row, expected):
    annotations_file(tmp_path, [row])
    with pytest.raises(InvalidInputError) as info:
        load_annotations(tmp_path)
    assert expected in str(info.value)
    assert "annotations-2026-11-25.csv" in str(info.value)


def test_an_annotations_file_in_another_encoding_names_its_line(tmp_path):
    annotations_file(tmp_path, [GOOD])
    path = tmp_path / "annotations-2026-11-25.csv"
    path.write_bytes(path.read_bytes() + GOOD.replace("Ada", "Zoé").encode("cp1252"))
    with pytest.raises(InvalidInputError, match="line 3: bytes that are not UTF-8"):
        load_annotations(tmp_path)


def test_a_bom_and_crlf_annotations_file_is_read(tmp_path):
    text = (",".join(ANNOTATION_COLUMNS) + "\n" + GOOD).replace("\n", "\r\n")
    write(tmp_path / "annotations-2026-11-25.csv", codecs.BOM_UTF8 + text.encode())
    got = load_annotations(tmp_path)
    assert got["mutual_connections"].tolist() == [3] and got["note"].tolist() == [""]


def test_line_breaks_and_quotes_in_annotations_read_back(tmp_path):
    save_annotation(folder=tmp_path, now=DAY, name="Ada\rMartin", note='a "b"\r\nc;d',
                    mutual_titles="CEO;\rCTO")
    got = load_annotations(tmp_path).iloc[0]
    assert got["name"] == "Ada\nMartin" and got["note"] == 'a "b"\nc;d'
    assert got["mutual_titles"] == ["CEO", "CTO"]


def test_empty_and_foreign_annotation_files_are_left_alone(tmp_path):
    write(tmp_path / "annotations-2026-11-24.csv", b"")
    write(tmp_path / "annotations-2026-11-25.csv", b"\x00\xff garbage")
    assert load_annotations(tmp_path).empty
    path = save_annotation(folder=tmp_path, now=DAY, name="Ada")
    assert path.name == "annotations-2026-11-25-2.csv"
    assert (tmp_path / "annotations-2026-11-25.csv").read_bytes() == b"\x00\xff garbage"


@pytest.mark.parametrize(("fields", "expected"), [
    ({"mutual_connections": 1e30}, "'mutual_connections' = 1e+30"),
    ({"mutual_connections": 2.5}, "'mutual_connections' = 2.5"),
    ({"mutual_connections": MAX_MUTUAL_CONNECTIONS + 1}, "from 0 to 30000"),
    ({"mutual_connections": 10**400}, "'mutual_connections'"),
    ({"years_experience": float("inf")}, "'years_experience' = inf"),
    ({"years_experience": np.array([1, 2])}, "'years_experience'"),
    ({"mutual_titles": [["CEO"]]}, "'mutual_titles' = [['CEO']], expected a list of text"),
    ({"mutual_titles": 5}, "'mutual_titles' = 5"),
    ({"note": "\ud800"}, "'note' holds characters that are not valid Unicode"),
    ({"known_offline": "yes"}, "'known_offline' = 'yes'"),
])
def test_bad_values_are_refused_on_save(tmp_path, fields, expected):
    with pytest.raises(InvalidInputError) as info:
        save_annotation(folder=tmp_path, now=DAY, name="Ada Martin", **fields)
    assert expected in str(info.value)
    assert annotation_files(tmp_path) == []


def test_a_private_folder_that_is_a_file_or_read_only(tmp_path):
    blocker = write(tmp_path / "private", "not a folder")
    with pytest.raises(InvalidInputError, match="this is a file, not a folder"):
        save_annotation(folder=blocker, now=DAY, name="Ada")
    with pytest.raises(InvalidInputError, match="this is a file, not a folder"):
        load_annotations(blocker)
    if os.geteuid() == 0:
        return  # root writes anywhere
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        with pytest.raises((InvalidInputError, PermissionError)):
            save_annotation(folder=locked, now=DAY, name="Ada")
        with pytest.raises(InvalidInputError, match="cannot be created"):
            load_annotations(locked / "sub")
    finally:
        locked.chmod(0o700)


def test_an_unwritable_private_folder_is_an_input_error(tmp_path, monkeypatch):
    """As root the permission bits are ignored, so the refusal is simulated."""
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith(".tmp"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InvalidInputError, match="Permission denied") as info:
        save_annotation(folder=tmp_path, now=DAY, name="Ada")
    assert "nothing was saved" in str(info.value)


def test_two_processes_saving_at_once_keep_every_row(tmp_path):
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=bad.save_many, args=(str(tmp_path), w, 500))
               for w in (1, 2)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=600)
        assert worker.exitcode == 0
    every = load_annotations(tmp_path, latest=False)
    assert len(every) == 1000, f"{len(every)} rows kept of 1000"
    assert len(set(every["name"])) == 1000
    print(f"1,000 concurrent saves in {time.perf_counter() - start:.1f} s")


# --- profiles and engine inputs ---------------------------------------------------------------


@pytest.mark.parametrize(("content", "expected"), [
    ('{"goals": null}', "goals: got None; expected a list of text"),
    ('{"name": null}', "name: got None; expected text"),
    ('{"name": "\\ud800"}', "name: holds characters that are not valid Unicode"),
    ('{"family_overrides": {"hr": "high"}}', "family_overrides: 'hr'='high'"),
    ('{"family_overrides": [1]}', "family_overrides: got [1]"),
    ('{"mentoring": true}', "mentoring: got True"),
    (b"\xff\xfe{}", "not UTF-8 text"),
    ("[" * 100_000, "not valid JSON"),
])
def test_bad_profile_files(tmp_path, content, expected):
    path = write(tmp_path / "me.json", content)
    with pytest.raises(InvalidInputError) as info:
        Profile.load(path)
    assert expected in str(info.value) and str(path) in str(info.value)


def test_a_profile_path_that_is_a_folder(tmp_path):
    with pytest.raises(InvalidInputError, match="this is a folder"):
        Profile.load(tmp_path)
    with pytest.raises(InvalidInputError, match="name: got None"):
        Profile(name=None)  # type: ignore[arg-type]


def invitation_frame(n: int = 2) -> pd.DataFrame:
    return pd.DataFrame({
        "name": ["Ada Martin", "Bob Roy"][:n], "title": ["CEO", "Recruiter"][:n],
        "company": ["", ""][:n], "years_experience": [1.0, 2.0][:n],
        "mutual_connections": [0, 3][:n], "mutual_titles": [[], ["CMO"]][:n],
        "shared_groups": [[], []][:n], "message": ["hi", ""][:n],
        "known_offline": [False, True][:n],
        "sent_at": pd.to_datetime(["2026-01-01", "2026-01-02"][:n]),
    })


def test_engine_inputs_give_input_errors_not_type_errors():
    nested = invitation_frame().assign(mutual_titles=[[["CEO"]], []])
    with pytest.raises(InvalidInputError, match="'mutual_titles': expected a list of text"):
        triage(nested, Profile())
    duplicated = pd.concat([invitation_frame(), invitation_frame()[["name"]]], axis=1)
    with pytest.raises(InvalidInputError, match=r"\['name'\] appear more than once"):
        triage(duplicated, Profile())
    surrogate = invitation_frame().assign(message=["\ud800", "ok"])
    with pytest.raises(InvalidInputError, match="column 'message': text that is not valid"):
        triage(surrogate, Profile())


def test_nullable_numbers_with_na_are_read_as_nan():
    frame = invitation_frame().assign(
        years_experience=pd.array([1.0, None], dtype="Float64"),
        mutual_connections=pd.array([0, 3], dtype="Int64"),
        known_offline=pd.array([False, True], dtype="boolean"),
    )
    checked = validate_invitations(frame)
    assert checked["years_experience"].dtype == float and np.isnan(checked["years_experience"][1])
    assert set(triage(frame, Profile())["decision"]) <= {"accept", "ask", "decline"}


def test_huge_weights_are_normalised_without_overflow():
    profile = Profile()
    huge = resolve_weights(profile, {c: 1e308 for c in CRITERIA})
    assert all(np.isfinite(v) for v in huge.values()) and np.isfinite(sum(huge.values()))
    frame = invitation_frame()
    assert (triage(frame, profile, weights={c: 1e308 for c in CRITERIA})["decision"].tolist()
            == triage(frame, profile, weights={c: 1.0 for c in CRITERIA})["decision"].tolist())


def test_pending_invitations_of_an_export_with_far_dates_still_validate(tmp_path):
    rows = INVITATION_ROW + INVITATION_ROW.replace("1/29/26", "1/29/2999").replace("zoe", "x")
    export = read(tmp_path, INVITATIONS_HEADER + rows, "Invitations.csv")
    assert len(pending_invitations(export)) == 1
