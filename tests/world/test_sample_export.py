"""The synthetic export: faithful to LinkedIn's format, consistent, byte-for-byte stable."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pandas as pd
import pytest

from invite_triage.linkedin.export import load_export
from invite_triage.linkedin.identity import name_key, profile_slug
from invite_triage.world import vocab
from invite_triage.world.sample_export import (
    AD_TARGETING,
    EXPORT_NAME,
    INVITATIONS_HEADER,
    MESSAGES_HEADER,
    PROFILE_HEADER,
    ZIP_DATE_TIME,
    sample_export_bytes,
    sample_export_path,
    write_sample_export,
)
from invite_triage.world.synth import CONNECTIONS_HEADER, CONNECTIONS_PREAMBLE, world

FILES = ["Ad_Targeting.csv", "Connections.csv", "Invitations.csv", "Profile.csv",
         "messages.csv"]


@pytest.fixture(scope="module")
def archive() -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(sample_export_bytes())) as zipped:
        return {name: zipped.read(name).decode("utf-8") for name in zipped.namelist()}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return load_export(write_sample_export(tmp_path_factory.mktemp("sample")))


def rows(text: str, skip: int = 0) -> list[list[str]]:
    return list(csv.reader(io.StringIO("".join(text.splitlines(keepends=True)[skip:]))))


def test_same_bytes_every_time_and_atomic_file(tmp_path):
    first = write_sample_export(tmp_path / "a")
    second = write_sample_export(tmp_path / "b")
    again = write_sample_export(tmp_path / "a")
    assert first.name == EXPORT_NAME == "Basic_LinkedInDataExport_11-25-2026.zip"
    assert first.read_bytes() == second.read_bytes() == again.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [EXPORT_NAME]  # no temp left
    assert sample_export_bytes(seed=7) != first.read_bytes()


def test_zip_layout_like_linkedin(tmp_path):
    with zipfile.ZipFile(write_sample_export(tmp_path)) as zipped:
        infos = zipped.infolist()
        assert [i.filename for i in infos] == FILES  # CSVs at the root, sorted
        assert all(i.date_time == ZIP_DATE_TIME for i in infos)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
        assert zipped.testzip() is None


def test_utf8_lf_no_bom(archive):
    for name, text in archive.items():
        assert "\r" not in text, name
        assert not text.startswith("\ufeff"), name


def test_connections_csv_format(archive):
    text = archive["Connections.csv"]
    assert text.startswith(CONNECTIONS_PREAMBLE)
    table = rows(text, skip=3)
    assert tuple(table[0]) == CONNECTIONS_HEADER
    dates = [r[-1] for r in table[1:]]
    assert all(re.fullmatch(r"\d{2} [A-Z][a-z]{2} \d{4}", d) for d in dates)
    parsed = pd.to_datetime(pd.Series(dates), format="%d %b %Y")
    assert parsed.is_monotonic_decreasing  # most recent first, like LinkedIn
    assert any(r[:6] == ["", "", "", "", "", ""] for r in table[1:])  # hidden profiles


def test_invitations_csv_format(archive):
    table = rows(archive["Invitations.csv"])
    assert tuple(table[0]) == INVITATIONS_HEADER
    body = table[1:]
    assert {r[4] for r in body} == {"INCOMING", "OUTGOING"}
    assert all(re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2} [AP]M", r[2]) for r in body)
    assert not any(re.search(r"(^|/)0\d", r[2].split(",")[0]) for r in body)  # no leading zeros
    assert sum(r[3] == "" for r in body) > len(body) / 3  # most notes are empty
    assert '"' in archive["Invitations.csv"]  # quoted only when needed
    assert all(r[5].startswith("https://www.linkedin.com/in/") for r in body)


def test_messages_profile_and_ad_targeting_formats(archive):
    messages = rows(archive["messages.csv"])
    assert tuple(messages[0]) == MESSAGES_HEADER
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", r[6])
               for r in messages[1:])
    profile = rows(archive["Profile.csv"])
    assert tuple(profile[0]) == PROFILE_HEADER and len(profile) == 2
    ads = rows(archive["Ad_Targeting.csv"])
    assert len(ads) == 2 and len(ads[0]) == len(AD_TARGETING)
    assert len(set(ads[0])) < len(ads[0])  # repeated column names, as in the real file
    assert ads[1][ads[0].index("Member Groups")].split("; ") == list(vocab.YOUR_GROUPS)


def test_loads_back_with_every_file(sample):
    assert sample.files.keys() == {"connections", "invitations", "messages", "profile",
                                   "groups"}
    w = world()
    assert len(sample.connections) > len(w.connections)  # plus accepted invitations
    assert (sample.invitations["direction"] == "INCOMING").sum() == len(w.invitations)


def test_pending_is_consistent_with_connections(sample):
    conn_slugs = set(profile_slug(sample.connections["url"]))
    incoming = sample.invitations[sample.invitations["direction"].eq("INCOMING")]
    pending_slugs = set(profile_slug(sample.pending["inviter_url"]))
    accepted_slugs = set(profile_slug(incoming["inviter_url"])) - pending_slugs
    assert pending_slugs and accepted_slugs
    assert not pending_slugs & conn_slugs
    assert accepted_slugs <= conn_slugs
    # Some pending senders share a name with a connection: only URLs tell them apart.
    conn_names = set(name_key(sample.connections["first_name"] + " "
                              + sample.connections["last_name"]))
    assert set(name_key(sample.pending["from"])) & conn_names


def test_to_profile_from_the_sample(sample):
    profile = sample.to_profile()
    w = world()
    assert profile.name == w.profile.name
    assert profile.family == "marketing"
    assert profile.groups == tuple(vocab.YOUR_GROUPS)
    assert set(w.profile.known_people) <= set(profile.known_people)
    people = sample.correspondents()
    assert (~people["exchanged"]).any()  # pitches nobody answered are not "known"


def test_larger_network_for_benchmarks():
    with zipfile.ZipFile(io.BytesIO(sample_export_bytes(n_connections=2_000))) as zipped:
        text = zipped.read("Connections.csv").decode("utf-8")
    assert len(rows(text, skip=3)) - 1 > 2_000


def test_sample_export_path_prefers_the_bundled_file(tmp_path, monkeypatch):
    bundled = write_sample_export(tmp_path / "data" / "sample_export")
    monkeypatch.setenv("INVITE_TRIAGE_DATA", str(tmp_path / "data"))
    assert sample_export_path() == bundled


def test_sample_export_path_outside_a_checkout(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setenv("INVITE_TRIAGE_DATA", str(tmp_path / "no-data-here"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    path = sample_export_path()
    assert path.is_relative_to(tmp_path / "tmp") and path.name == EXPORT_NAME
    assert path.read_bytes() == sample_export_bytes()
    assert load_export(path).connections is not None
