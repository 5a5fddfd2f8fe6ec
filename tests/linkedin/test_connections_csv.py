"""Connections.csv in every variant LinkedIn and spreadsheets produce, built here as files."""

from __future__ import annotations

import codecs
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invite_triage.core.errors import InvalidInputError
from invite_triage.linkedin.connections_csv import (
    decode_csv_bytes,
    parse_linkedin_dates,
    read_connections_csv,
)
from invite_triage.world.synth import CONNECTIONS_PREAMBLE, connections, connections_csv_text

COLUMNS = ["first_name", "last_name", "url", "email", "company", "position", "connected_on"]
PEOPLE = [
    # first, last, url, email, company, position, date
    ("Ada", "Martin", "https://www.linkedin.com/in/ada-martin-1a2b3c", "", "Acme, Inc.",
     "Community Manager", pd.Timestamp("2026-01-05")),
    ("Chloé", "Lefèvre", "https://www.linkedin.com/in/chloe-lefevre-9f8e7d", "chloe@example.com",
     "L'Oréal", "Chargée de communication", pd.Timestamp("2022-05-04")),
    ("", "", "", "", "", "", pd.Timestamp("2019-11-30")),  # hidden profile: only a date
    ("Seán", "O'Brien", "https://www.linkedin.com/in/sean-obrien-0a0b0c", "", "",
     "Head of Talent", pd.Timestamp("2018-04-11")),
]


def render(
    *, preamble: str = "", url: bool = True, delimiter: str = ",", newline: str = "\n",
    date_format: str = "%d %b %Y", people: list[tuple] = PEOPLE, time: str = "",
) -> str:
    """A Connections.csv as text, in the requested variant."""
    header = ["First Name", "Last Name", *(["URL"] if url else []), "Email Address", "Company",
              "Position", "Connected On"]
    lines = [delimiter.join(header)]
    for first, last, link, email, company, position, date in people:
        cells = [first, last, *([link] if url else []), email, company, position,
                 date.strftime(date_format).lstrip("0").replace("/0", "/") + time
                 if "%m/%d/%y" in date_format else date.strftime(date_format)]
        lines.append(delimiter.join(
            f'"{c}"' if delimiter in c or '"' in c else c for c in cells))
    return preamble + newline.join(lines) + newline


def expected(url: bool = True, with_time: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(PEOPLE, columns=COLUMNS)
    if not url:
        frame["url"] = ""
    if with_time:
        frame["connected_on"] = frame["connected_on"] + pd.Timedelta(hours=14, minutes=37)
    for col in COLUMNS[:-1]:
        frame[col] = frame[col].astype("str")
    frame["connected_on"] = frame["connected_on"].astype("datetime64[ns]")
    return frame


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_recent_export_with_preamble_and_url(tmp_path):
    path = write(tmp_path, "Connections.csv", render(preamble=CONNECTIONS_PREAMBLE).encode())
    pd.testing.assert_frame_equal(read_connections_csv(path), expected())


def test_without_preamble(tmp_path):
    path = write(tmp_path, "Connections.csv", render().encode())
    pd.testing.assert_frame_equal(read_connections_csv(path), expected())


def test_2018_export_without_url_and_with_us_dates(tmp_path):
    text = render(url=False, date_format="%m/%d/%y", time=", 2:37 PM")
    assert "4/11/18, 2:37 PM" in text
    path = write(tmp_path, "Connections.csv", text.encode())
    pd.testing.assert_frame_equal(read_connections_csv(path), expected(url=False, with_time=True))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_excel_french_resave(tmp_path, encoding):
    """';' delimiter, CRLF, 'Notes:;;' preamble, 04-May-22 dates, BOM or Windows-1252."""
    text = render(preamble="Notes:;;\r\n\r\n", delimiter=";", newline="\r\n",
                  date_format="%d-%b-%y")
    data = text.encode(encoding)
    if encoding == "cp1252":
        assert not data.startswith(codecs.BOM_UTF8)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    path = write(tmp_path, "Connections.csv", data)
    pd.testing.assert_frame_equal(read_connections_csv(path), expected())


def test_excel_preamble_with_commas(tmp_path):
    text = render(preamble='Notes:,,\r\n"When exporting ... email addresses",,\r\n\r\n',
                  newline="\r\n", date_format="%d-%b-%y")
    pd.testing.assert_frame_equal(
        read_connections_csv(write(tmp_path, "Connections.csv", text.encode("utf-8-sig"))),
        expected(),
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_with_tabs_2018(tmp_path, encoding):
    text = render(url=False, delimiter="\t", newline="\r\n", date_format="%m/%d/%y",
                  time=", 2:37 PM")
    path = write(tmp_path, "Connections.csv", text.encode(encoding))
    pd.testing.assert_frame_equal(read_connections_csv(path), expected(url=False, with_time=True))


def test_french_month_names_from_a_french_spreadsheet(tmp_path):
    text = render(delimiter=";", date_format="%d-%b-%y")
    text = text.replace("-May-", "-mai-").replace("-Jan-", "-janv.-").replace("-Nov-", "-nov.-")
    text = text.replace("-Apr-", "-avr.-")
    got = read_connections_csv(write(tmp_path, "c.csv", text.encode("cp1252")))
    pd.testing.assert_series_equal(got["connected_on"], expected()["connected_on"])


def test_day_first_slash_dates_when_resaved_with_semicolons(tmp_path):
    text = "First Name;Last Name;Company;Position;Connected On\nAda;Martin;;;05/01/2026\n"
    got = read_connections_csv(text.encode())
    assert got["connected_on"].iloc[0] == pd.Timestamp("2026-01-05")
    assert got["url"].iloc[0] == ""


def test_buffers_bytes_and_text(tmp_path):
    text = render(preamble=CONNECTIONS_PREAMBLE)
    for source in (text.encode(), io.BytesIO(text.encode()), io.StringIO(text)):
        pd.testing.assert_frame_equal(read_connections_csv(source), expected())


def test_quoted_fields_with_delimiters_quotes_and_newlines():
    text = ('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
            'Zoé,"Dupont, PhD",,,"Say ""hi"" Ltd","Line one\nline two",05 Jan 2026\n')
    got = read_connections_csv(text.encode())
    assert got.loc[0, "last_name"] == "Dupont, PhD"
    assert got.loc[0, "company"] == 'Say "hi" Ltd'
    assert got.loc[0, "position"] == "Line one\nline two"


def test_columns_in_another_order_and_extra_columns():
    text = ("Connected On,Position,Company,Email Address,URL,Last Name,First Name,Tags\n"
            "05 Jan 2026,CM,Acme,,https://www.linkedin.com/in/x,Martin,Ada,vip\n")
    got = read_connections_csv(text.encode())
    assert list(got.columns) == COLUMNS
    assert got.loc[0, ["first_name", "last_name", "position"]].tolist() == ["Ada", "Martin", "CM"]


def test_blank_and_padding_rows_are_skipped():
    text = ("First Name;Last Name;Company;Position;Connected On\r\n"
            "Ada;Martin;;;05 Jan 2026\r\n;;;;\r\n\r\nBob;Roy;;;06 Jan 2026\r\n")
    got = read_connections_csv(text.encode())
    assert got["first_name"].tolist() == ["Ada", "Bob"]


def test_header_only_gives_an_empty_typed_frame():
    got = read_connections_csv(CONNECTIONS_PREAMBLE.encode() + b"First Name,Last Name,URL,"
                               b"Email Address,Company,Position,Connected On\n")
    assert list(got.columns) == COLUMNS and len(got) == 0
    assert got["connected_on"].dtype == "datetime64[ns]"


def test_no_header_row_names_the_file_and_what_was_expected(tmp_path):
    path = write(tmp_path, "Connections.csv", b"Name,Date\nAda,05 Jan 2026\n")
    with pytest.raises(InvalidInputError) as info:
        read_connections_csv(path)
    message = str(info.value)
    assert "Connections.csv" in message
    assert "no header row with First Name, Last Name, Connected On found in the first 20 lines" \
        in message


def test_header_too_far_down_is_refused():
    text = "\n".join(["Notes:"] * 25) + "\nFirst Name,Last Name,Connected On\nA,B,05 Jan 2026\n"
    with pytest.raises(InvalidInputError, match="first 20 lines"):
        read_connections_csv(text.encode())


def test_bad_date_names_the_file_line_value_and_format(tmp_path):
    people = [PEOPLE[0]] * 52 + [("Bob", "Roy", "", "", "", "", pd.Timestamp("2026-01-05"))]
    text = render(preamble=CONNECTIONS_PREAMBLE, people=people)
    lines = text.split("\n")
    # Line 57: 3 preamble lines + header on line 4, data rows on lines 5 to 57.
    assert lines[56].startswith("Bob,Roy")
    lines[56] = lines[56].replace("05 Jan 2026", "yesterday")
    path = write(tmp_path, "Connections.csv", "\n".join(lines).encode())
    with pytest.raises(InvalidInputError) as info:
        read_connections_csv(path)
    assert "Connections.csv" in str(info.value)
    assert info.value.problems == [
        "line 57: 'Connected On' = 'yesterday', expected a date like 05 Jan 2026"
    ]


def test_line_numbers_count_newlines_inside_quotes_and_blank_lines():
    text = ("Notes:\n\nFirst Name,Last Name,Position,Connected On\n"
            'Ada,Martin,"two\nlines",05 Jan 2026\n\nBob,Roy,,not a date\n')
    with pytest.raises(InvalidInputError) as info:
        read_connections_csv(text.encode())
    assert info.value.problems[0].startswith("line 7: 'Connected On' = 'not a date'")


def test_many_bad_dates_are_listed_then_summarised():
    rows = "".join(f"P{i},Q,bad{i}\n" for i in range(20))
    with pytest.raises(InvalidInputError) as info:
        read_connections_csv(f"First Name,Last Name,Connected On\n{rows}".encode())
    assert info.value.summary == "20 value(s) in 'Connected On' are not dates"
    assert info.value.problems[0] == "line 2: 'Connected On' = 'bad0', expected a date like " \
                                     "05 Jan 2026"
    assert info.value.problems[-1] == "... and 12 more lines like these"


def test_unclosed_quote_is_reported_with_a_line(tmp_path):
    text = ("Notes:\n\nFirst Name,Last Name,Connected On\nAda,Martin,05 Jan 2026\n"
            'Bob,"Roy,05 Jan 2026,extra,cells\nCy,Do,05 Jan 2026\n')
    path = write(tmp_path, "Connections.csv", text.encode())
    with pytest.raises(InvalidInputError) as info:
        read_connections_csv(path)
    assert "Connections.csv" in str(info.value)
    assert info.value.problems[0].startswith("line 5: ")


def test_missing_file_is_an_invalid_input(tmp_path):
    with pytest.raises(InvalidInputError, match="file not found"):
        read_connections_csv(tmp_path / "nope.csv")


def test_decode_prefers_utf8_and_falls_back_to_windows_1252():
    assert decode_csv_bytes("Zoé\r\n".encode()) == "Zoé\n"
    assert decode_csv_bytes("Zoé\r\n".encode("cp1252")) == "Zoé\n"
    assert decode_csv_bytes(codecs.BOM_UTF8 + "Zoé".encode()) == "Zoé"
    assert decode_csv_bytes("a\tb\r\n".encode("utf-16")) == "a\tb\n"


def test_every_known_date_format():
    values = pd.Series(["05 Jan 2026", "1/29/26, 2:37 PM", "04-May-22", "2024-02-09 18:05:44 UTC",
                        "", "1/29/26, 2:37\u202fPM", "never"])
    dates, bad = parse_linkedin_dates(values)
    assert dates.tolist()[:4] == [pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-29 14:37"),
                                  pd.Timestamp("2022-05-04"), pd.Timestamp("2024-02-09 18:05:44")]
    assert pd.isna(dates.iloc[4]) and dates.iloc[5] == pd.Timestamp("2026-01-29 14:37")
    assert bad.tolist() == [False, False, False, False, False, False, True]


def test_dates_keep_the_index_even_with_duplicates():
    values = pd.Series(["05 Jan 2026", "nope", "1/2/26, 3:04 PM"], index=[5, 5, 7])
    dates, bad = parse_linkedin_dates(values)
    assert dates.index.tolist() == [5, 5, 7] and bad.tolist() == [False, True, False]
    assert dates.iloc[2] == pd.Timestamp("2026-01-02 15:04")


def test_round_trip_of_the_synthetic_network():
    conns = connections(500, seed=7)
    got = read_connections_csv(connections_csv_text(conns).encode())
    pd.testing.assert_frame_equal(got, conns[COLUMNS].reset_index(drop=True))


def test_linkedin_cap_of_30000_connections():
    conns = connections(30_000, seed=3)
    got = read_connections_csv(connections_csv_text(conns).encode())
    assert len(got) == 30_000
    pd.testing.assert_frame_equal(got, conns[COLUMNS].reset_index(drop=True))


def test_load_connections_reads_the_bundled_file():
    from invite_triage.world.datasets import load_connections

    conns = load_connections()
    assert list(conns.columns[:7]) == COLUMNS
    assert conns["connected_on"].dtype == "datetime64[ns]" and len(conns) > 0


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"
                           "\x85\x1c\x1d\x1e\x0b\x0c"),
    max_size=20,
).map(str.strip)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(_text, _text, _text, _text), min_size=1, max_size=8),
    days=st.lists(st.integers(0, 4000), min_size=8, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_any_names_survive_any_variant(rows, days, delimiter, encoding, newline):
    """Property: whatever the text in the cells, the delimiter, encoding or line ends, what
    was written is what is read (cells quoted the way the csv module and Excel do)."""
    import csv

    rows = [r for r in rows if any(r)] or [("A", "B", "", "")]
    dates = [pd.Timestamp("2015-01-01") + pd.Timedelta(days=d) for d in days[: len(rows)]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(["First Name", "Last Name", "Company", "Position", "Connected On"])
    for (first, last, company, position), date in zip(rows, dates, strict=True):
        writer.writerow([first, last, company, position, date.strftime("%d %b %Y")])
    got = read_connections_csv(buffer.getvalue().encode(encoding))
    normalised = [tuple(c.replace("\r\n", "\n").replace("\r", "\n") for c in r) for r in rows]
    assert got[["first_name", "last_name", "company", "position"]].apply(tuple, axis=1).tolist() \
        == [tuple(c.strip() for c in r) for r in normalised]
    assert got["connected_on"].tolist() == dates
    assert np.all(got["url"].eq(""))
