"""The HTML report (self-contained, escaped) and the spreadsheet-safe CSVs."""

from __future__ import annotations

import base64
import csv
import re
import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import Profile
from invite_triage.linkedin.export import load_export
from invite_triage.render.report import (
    FORMULA_STARTS,
    decide_pending,
    html_table,
    neutralise_formulas,
    render_report,
    safe_csv,
    write_decisions,
    write_report,
)
from invite_triage.world.sample_export import sample_export_files
from invite_triage.world.synth import CONNECTIONS_PREAMBLE

EVIL = "<script>alert(1)</script>"
ME = "https://www.linkedin.com/in/me-1"


def evil_export(tmp_path):
    """An export whose every free-text field tries to break out of the HTML or a spreadsheet."""
    files = {
        "Connections.csv": CONNECTIONS_PREAMBLE
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + f'{EVIL},"<b>bold</b>",https://www.linkedin.com/in/evil-1,,"<img src=x onerror=alert(2)>"'
        + f',"{EVIL} Community Manager",05 Jan 2026\n'
        + "Ada,Martin,https://www.linkedin.com/in/ada-1,,Acme,Recruiter,12 Mar 2024\n",
        "Invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,"
        "inviteeProfileUrl\n"
        + f'{EVIL},Me,"1/29/26, 2:37 PM","=HYPERLINK(""http://evil"",""x"") {EVIL}",INCOMING,'
        f"https://www.linkedin.com/in/pending-1,{ME}\n"
        + f'@SUM(1),Me,"1/30/26, 2:37 PM",-2+3,INCOMING,https://www.linkedin.com/in/p-2,{ME}\n',
        "messages.csv": "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
        "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        + f"c,,{EVIL},https://www.linkedin.com/in/evil-1,Me,{ME},2025-01-01 10:00:00 UTC,,hi,"
        "INBOX\n"
        + f"c,,Me,{ME},{EVIL},https://www.linkedin.com/in/evil-1,2025-01-01 11:00:00 UTC,,yo,"
        "INBOX\n",
        "Profile.csv": "First Name,Last Name,Headline\n"
        + f'Me,"{EVIL}","Community Manager {EVIL}"\n',
        "Ad_Targeting.csv": f'Member Groups\n"{EVIL}; Growth"\n',
    }
    path = tmp_path / "Basic_LinkedInDataExport_01-31-2026.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


@pytest.fixture(scope="module")
def sample_zip(tmp_path_factory):
    from invite_triage.world.sample_export import write_sample_export

    return write_sample_export(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def sample_page(sample_zip):
    export = load_export(sample_zip)
    return export, render_report(export, export.to_profile())


# --- safe_csv ---------------------------------------------------------------------------------


def read_back(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_safe_csv_neutralises_formulas_and_keeps_numbers(tmp_path):
    df = pd.DataFrame({
        "text": ["=1+1", "+33 6 12", "-x", "@SUM(A1)", "\tcmd", "\rcmd", "plain", "a=b", "",
                 "＝1"],
        "number": [-1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "=evil header": ["x"] * 10,
    })
    path = safe_csv(df, tmp_path / "out.csv")
    table = read_back(path)
    assert table[0] == ["text", "number", "'=evil header"]
    assert [r[0] for r in table[1:]] == ["'=1+1", "'+33 6 12", "'-x", "'@SUM(A1)", "'\tcmd",
                                         "'\rcmd", "plain", "a=b", "", "'＝1"]
    assert table[1][1] == "-1.5"  # a real number is not text: left as is
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8


def test_safe_csv_lists_dates_and_missing(tmp_path):
    df = pd.DataFrame({"groups": [["A", "=B"], []],
                       "when": pd.to_datetime(["2026-01-29 14:37", None]),
                       "note": [None, "-"]})
    table = read_back(safe_csv(df, tmp_path / "x.csv"))
    assert table[1] == ["A; =B", "2026-01-29 14:37", ""]
    assert table[2] == ["", "", "'-"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_no_cell_ever_starts_like_a_formula(text):
    out = neutralise_formulas(pd.Series([text], dtype=object)).iloc[0]
    assert not out.startswith(FORMULA_STARTS)
    assert out == text or out == "'" + text


# --- the HTML report --------------------------------------------------------------------------


def test_everything_from_the_export_is_escaped(tmp_path):
    export = load_export(evil_export(tmp_path))
    page = render_report(export, export.to_profile())
    assert "<script" not in page.lower()
    assert "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("&lt;script&gt;") >= 3  # name, headline, groups, pending table


def test_report_is_self_contained(sample_page):
    _, page = sample_page
    assert "<link" not in page and "<script" not in page and "@import" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    images = re.findall(r'<img alt="[^"]+" [^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"',
                        page)
    assert len(images) == 3
    assert all(base64.b64decode(i).startswith(b"\x89PNG\r\n\x1a\n") for i in images)
    for heading in ("In numbers", "What your network is made of", "Quality of your network",
                    "How its quality evolved as it grew", "Pending invitations",
                    "People you talk with"):
        assert f"<h2>{heading}</h2>" in page


def test_report_numbers_match_the_export(sample_page):
    export, page = sample_page
    assert f"<td>{len(export.connections):,}</td>" in page
    assert f"<td>{len(export.pending):,}</td>" in page


def test_report_with_connections_only(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(sample_export_files()["Connections.csv"], encoding="utf-8")
    export = load_export(path)
    page = render_report(export, Profile())
    assert "No Invitations.csv in this export." in page
    assert "No messages.csv in this export." in page


def test_html_table_limits_rows_and_escapes_headings():
    df = pd.DataFrame({"<h>": [f"<{i}>" for i in range(60)]})
    table = html_table(df, "cap & tion", limit=5)
    assert table.count("<tr>") == 6 and "55 more rows not shown." in table
    assert "&lt;h&gt;" in table and "cap &amp; tion" in table


# --- writing files ----------------------------------------------------------------------------


def test_write_report_overwrites_the_old_report_with_the_same_bytes(tmp_path, sample_zip,
                                                                    sample_page):
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    out.write_text("old report")
    assert write_report(sample_zip, out) == out
    assert out.read_text(encoding="utf-8") == sample_page[1]  # deterministic
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html"]


def test_refuses_to_overwrite_the_export(tmp_path):
    export = evil_export(tmp_path)
    before = export.read_bytes()
    with pytest.raises(InvalidInputError, match="refusing to overwrite"):
        write_report(export, export)
    with pytest.raises(InvalidInputError, match="refusing to overwrite"):
        write_decisions(export, tmp_path / "x" / ".." / export.name)
    assert export.read_bytes() == before
    folder = tmp_path / "unzipped"
    folder.mkdir()
    (folder / "Connections.csv").write_text(sample_export_files()["Connections.csv"])
    with pytest.raises(InvalidInputError, match="refusing to overwrite"):
        write_report(folder, folder / "Connections.csv")
    with pytest.raises(InvalidInputError, match="folder"):
        write_report(folder, tmp_path)


def test_write_report_with_a_profile_file(tmp_path, sample_zip):
    profile_path = Profile(name="Sam <Lee>", title="Recruiter", goals=("job_search",)).save(
        tmp_path / "me.json")
    out = write_report(sample_zip, tmp_path / "r.html", profile_path=profile_path)
    page = out.read_text(encoding="utf-8")
    assert "Sam &lt;Lee&gt;" in page and "<td>hr</td>" in page


def test_decisions_are_spreadsheet_safe(tmp_path):
    path = write_decisions(evil_export(tmp_path), tmp_path / "decisions.csv")
    table = read_back(path)
    header, body = table[0], table[1:]
    assert header[:8] == [
        "name", "url", "sent_at", "message", "checked_on_profile", "decision", "score", "reasons",
    ]
    cells = [cell for row in body for cell in row]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    by_name = {row[0]: row for row in body}
    assert by_name["'@SUM(1)"][3] == "'-2+3"
    assert by_name[EVIL][3].startswith("'=HYPERLINK(")
    assert {row[5] for row in body} <= {"accept", "ask", "decline"}
    # nothing was checked on a profile page yet: every reason says it is a first guess
    assert {row[4] for row in body} == {"False"}
    assert all(row[7].startswith("First guess from the export alone") for row in body)


def test_annotations_refine_the_report_and_decisions(tmp_path):
    from invite_triage.linkedin.annotations import load_annotations, save_annotation

    export = load_export(evil_export(tmp_path))
    profile = Profile(title="Community Manager", known_people=())
    plain = decide_pending(export, profile).set_index("url")
    save_annotation(folder=tmp_path / "notes", name="@SUM(1)",
                    url="https://www.linkedin.com/in/p-2", title="Community Manager",
                    mutual_connections=12, mutual_titles=["Community Manager"] * 6,
                    shared_groups=["Growth"], known_offline=True)
    notes = load_annotations(tmp_path / "notes")
    refined = decide_pending(export, profile, notes).set_index("url")
    url = "https://www.linkedin.com/in/p-2"
    assert refined.loc[url, "score"] > plain.loc[url, "score"]
    other = "https://www.linkedin.com/in/pending-1"
    assert refined.loc[other, "score"] == plain.loc[other, "score"]
    assert refined.loc[url, "checked_on_profile"] and not refined.loc[other, "checked_on_profile"]


def test_decide_pending_uses_the_engine(sample_zip):
    export = load_export(sample_zip)
    decided = decide_pending(export, export.to_profile())
    assert len(decided) == len(export.pending)
    assert set(decided["decision"]) <= {"accept", "ask", "decline"}
    assert decided["score"].between(0, 1).all()
    pitches = decided["message"].str.contains("démo|demo", case=False)
    assert pitches.any() and decided.loc[pitches, "decision"].ne("accept").all()
