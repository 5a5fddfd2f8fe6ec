"""load_export on every layout of every file, pending invitations, profile and analyses.

Each variant is written by the test itself in tmp_path, from the formats document.
"""

from __future__ import annotations

import zipfile

import numpy as np
import pandas as pd
import pytest

from invite_triage.analysis.network import (
    intent_summary,
    network_composition,
    network_growth,
    pending_with_intent,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import REQUIRED_COLUMNS
from invite_triage.linkedin.export import (
    LinkedInExport,
    correspondents,
    find_pending,
    load_export,
    pending_invitations,
)
from invite_triage.linkedin.identity import name_key, profile_slug
from invite_triage.world.synth import CONNECTIONS_PREAMBLE

ME = "https://www.linkedin.com/in/camille-laurent-4b7e21"
CONNECTIONS = CONNECTIONS_PREAMBLE + (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Martin,https://www.linkedin.com/in/ada-martin-1a2b3c,,\"Acme, Inc.\",Community Manager,"
    "05 Jan 2026\n"
    "Chloé,Dupont,https://www.linkedin.com/in/chloe-dupont-77aa11,,Havas,Talent Acquisition "
    "Partner,12 Mar 2024\n"
    "Marie,Martin,https://www.linkedin.com/in/marie-martin-000001,,Orange,Data Engineer,"
    "01 Feb 2020\n"
    ",,,,,,30 Nov 2019\n"
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    # accepted: Ada is a connection (same URL)
    f'Ada Martin,Camille Laurent,"1/2/26, 9:15 AM",,INCOMING,'
    f"https://www.linkedin.com/in/ada-martin-1a2b3c,{ME}\n"
    # a namesake of a connection, another profile: still pending
    f'Marie Martin,Camille Laurent,"1/29/26, 2:37 PM",Bonjour Camille,INCOMING,'
    f"https://www.linkedin.com/in/marie-martin-99ffee,{ME}\n"
    # pending, invited twice: appears once, the latest
    f'Bob Roy,Camille Laurent,"2/1/26, 8:00 AM",,INCOMING,https://www.linkedin.com/in/bob-roy-1,{ME}\n'
    f'Bob Roy,Camille Laurent,"3/1/26, 8:00 PM","Quick call to show you our tool? '
    f'15 minutes demo",INCOMING,https://www.linkedin.com/in/bob-roy-1,{ME}\n'
    # outgoing: never pending
    f'Camille Laurent,Zed Zorro,"3/2/26, 10:00 AM",,OUTGOING,{ME},'
    "https://www.linkedin.com/in/zed-zorro-2\n"
)
MESSAGES_2023 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
    f"c1,,Ada Martin,https://www.linkedin.com/in/ada-martin-1a2b3c,Camille Laurent,{ME},"
    "2024-02-09 18:05:44 UTC,,Coffee on Thursday?,INBOX,,No\n"
    f"c1,,Camille Laurent,{ME},Ada Martin,https://www.linkedin.com/in/ada-martin-1a2b3c,"
    "2024-02-09 18:30:00 UTC,,\"Yes, 10am!\",INBOX,,No\n"
    f"c2,,Pat Pitch,https://www.linkedin.com/in/pat-pitch-9,Camille Laurent,{ME},"
    "2025-05-01 08:00:00 UTC,,Buy our leads,INBOX,,No\n"
    f"c3,,Camille Laurent,{ME},Quiet Person,https://www.linkedin.com/in/quiet-3,"
    "2025-06-01 08:00:00 UTC,,Hello?,INBOX,,No\n"
    f"c4,,Camille Laurent,{ME},Draft Only,https://www.linkedin.com/in/draft-4,"
    "2025-06-02 08:00:00 UTC,,unsent,INBOX,,Yes\n"
    f"c4,,Draft Only,https://www.linkedin.com/in/draft-4,Camille Laurent,{ME},"
    "2025-06-03 08:00:00 UTC,,hi,INBOX,,No\n"
)
MESSAGES_2018 = (
    "From,To,Date,Subject,Content,Direction,Folder\n"
    'Ada Martin,Camille Laurent,"4/11/18, 2:37 PM",Hi,Lunch?,INCOMING,INBOX\n'
    'Camille Laurent,Ada Martin,"4/11/18, 3:00 PM",Re: Hi,Sure,OUTGOING,SENT\n'
)
PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Camille,Laurent,,,,Social Media Manager @ Studio Nova,"Hi, I run communities",Marketing,'
    '69002,"Lyon, France",,,\n'
)
AD_TARGETING = (
    "Member Age,Company Names,Company Names,Member Groups,Job Titles,Job Titles\n"
    "25 to 34,Acme,Havas,Community Managers France; Social Media Marketing ;;Les Pros de la "
    "Com',Community Manager,Social Media Manager\n"
)
FILES = {
    "Connections.csv": CONNECTIONS,
    "Invitations.csv": INVITATIONS,
    "messages.csv": MESSAGES_2023,
    "Profile.csv": PROFILE,
    "Ad_Targeting.csv": AD_TARGETING,
}


def make_zip(tmp_path, files=FILES, name="Basic_LinkedInDataExport_11-25-2026.zip",
             encoding="utf-8"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text.encode(encoding))
    return path


def make_folder(tmp_path, files=FILES, encoding="utf-8"):
    folder = tmp_path / "export"
    folder.mkdir()
    for member, text in files.items():
        (folder / member).write_bytes(text.encode(encoding))
    return folder


# --- the three ways in ------------------------------------------------------------------------


def test_zip_as_downloaded(tmp_path):
    export = load_export(make_zip(tmp_path))
    assert isinstance(export, LinkedInExport)
    for attr in ("connections", "invitations", "messages", "profile", "groups"):
        assert isinstance(getattr(export, attr), pd.DataFrame), attr
    assert export.files["connections"].endswith(".zip/Connections.csv")
    assert len(export.connections) == 4
    assert export.connections["connected_on"].dtype == "datetime64[ns]"


def test_unzipped_folder_and_zip_give_the_same_frames(tmp_path):
    zipped = load_export(make_zip(tmp_path))
    folder = load_export(make_folder(tmp_path))
    for attr in ("connections", "invitations", "messages", "profile", "groups"):
        pd.testing.assert_frame_equal(getattr(zipped, attr), getattr(folder, attr))
    pd.testing.assert_frame_equal(zipped.pending, folder.pending)


def test_zip_with_a_top_folder_and_mac_metadata(tmp_path):
    files = {f"Basic_LinkedInDataExport/{k}": v for k, v in FILES.items()}
    files["__MACOSX/Basic_LinkedInDataExport/._Connections.csv"] = "\x00junk"
    export = load_export(make_zip(tmp_path, files))
    assert len(export.connections) == 4 and export.groups is not None


def test_folder_one_level_down_but_never_deeper(tmp_path):
    nested = tmp_path / "downloads" / "Basic_LinkedInDataExport"
    nested.mkdir(parents=True)
    (nested / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    deeper = nested / "old" / "older"
    deeper.mkdir(parents=True)
    (deeper / "Invitations.csv").write_text(INVITATIONS, encoding="utf-8")
    export = load_export(tmp_path / "downloads")
    assert len(export.connections) == 4 and export.invitations is None


def test_single_connections_csv(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    export = load_export(path)
    assert len(export.connections) == 4
    assert export.invitations is None and export.pending is None
    assert export.messages is None and export.profile is None and export.groups is None


def test_single_renamed_csv_is_recognised_by_its_header(tmp_path):
    path = tmp_path / "Connections (1).csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    assert len(load_export(path).connections) == 4
    other = tmp_path / "download.csv"
    other.write_text(INVITATIONS, encoding="utf-8")
    export = load_export(other)
    assert export.connections is None and len(export.invitations) == 5
    assert len(export.pending) == 3  # without connections every sender counts


def test_single_invitations_csv_by_name(tmp_path):
    path = tmp_path / "Invitations.csv"
    path.write_text(INVITATIONS, encoding="utf-8")
    export = load_export(path)
    assert export.files == {"invitations": str(path)}
    assert any("No Connections.csv" in n for n in export.notes)


def test_missing_optional_files_are_fine(tmp_path):
    export = load_export(make_zip(tmp_path, {"Connections.csv": CONNECTIONS}))
    assert export.invitations is None and export.messages is None
    assert export.to_profile().known_people == ()


# --- invitations ------------------------------------------------------------------------------


def test_invitations_columns_and_types(tmp_path):
    invs = load_export(make_zip(tmp_path)).invitations
    assert list(invs.columns) == ["from", "to", "sent_at", "message", "direction", "inviter_url",
                                  "invitee_url"]
    assert invs["sent_at"].iloc[1] == pd.Timestamp("2026-01-29 14:37")
    assert invs["direction"].tolist() == ["INCOMING"] * 4 + ["OUTGOING"]


def test_invitations_2018_five_columns_utf16_tabs(tmp_path):
    text = ("From\tTo\tSent At\tMessage\tDirection\r\n"
            "Ada Martin\tCamille Laurent\t4/11/18, 2:37 PM\t\tINCOMING\r\n"
            "Léa Petit\tCamille Laurent\t4/12/18, 9:00 AM\tSalut !\tINCOMING\r\n")
    files = {"Connections.csv": CONNECTIONS, "Invitations.csv": text}
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    (folder / "Invitations.csv").write_bytes(files["Invitations.csv"].encode("utf-16"))
    export = load_export(folder)
    assert export.invitations["inviter_url"].eq("").all()
    assert export.invitations["sent_at"].iloc[0] == pd.Timestamp("2018-04-11 14:37")
    # No URLs on the invitation side: matched by name, Ada is a connection, Léa is pending.
    assert export.pending["from"].tolist() == ["Léa Petit"]


def test_late_2023_bare_profile_urls_fall_back_to_names(tmp_path):
    bare = INVITATIONS.replace("https://www.linkedin.com/in/ada-martin-1a2b3c",
                               "https://www.linkedin.com/in")
    bare = bare.replace("https://www.linkedin.com/in/marie-martin-99ffee",
                        "https://www.linkedin.com/in")
    bare = bare.replace("https://www.linkedin.com/in/bob-roy-1", "https://www.linkedin.com/in")
    export = load_export(make_zip(tmp_path, {**FILES, "Invitations.csv": bare}))
    # By name, the namesake Marie Martin now looks like the connection: not pending.
    assert export.pending["from"].tolist() == ["Bob Roy"]
    assert any("late-2023" in n for n in export.notes)


def test_pending_matches_by_url_and_keeps_namesakes(tmp_path):
    export = load_export(make_zip(tmp_path))
    pending = export.pending
    assert pending["from"].tolist() == ["Marie Martin", "Bob Roy"]
    assert pending["sent_at"].tolist() == [pd.Timestamp("2026-01-29 14:37"),
                                           pd.Timestamp("2026-03-01 20:00")]
    assert "demo" in pending["message"].iloc[1]


def test_pending_by_name_when_connections_have_no_url(tmp_path):
    old = ("First Name,Last Name,Email Address,Company,Position,Connected On\n"
           "ada,MARTIN,,,,05 Jan 2026\n")
    export = load_export(make_zip(tmp_path, {"Connections.csv": old, "Invitations.csv":
                                             INVITATIONS}))
    assert export.pending["from"].tolist() == ["Marie Martin", "Bob Roy"]
    assert any("no profile URLs" in n for n in export.notes)


def test_profile_slug_and_name_key():
    urls = pd.Series(["https://www.linkedin.com/in/Ada-Martin-1a2b3c/?trk=x",
                      "https://www.linkedin.com/in", "https://www.linkedin.com/in/", "", "x"])
    assert profile_slug(urls).tolist() == ["ada-martin-1a2b3c", "", "", "", ""]
    names = pd.Series(["Chloé Dupont-Martin", "  chloe  dupont martin ", "李 小龙", "Zoë!"])
    assert name_key(names).tolist() == ["chloe dupont martin", "chloe dupont martin", "李 小龙",
                                        "zoe"]


def test_find_pending_ignores_outgoing_and_handles_no_connections():
    invs = pd.DataFrame({
        "from": ["A B", "Me"], "to": ["Me", "C D"], "message": ["", ""],
        "sent_at": pd.to_datetime(["2026-01-01", "2026-01-02"]),
        "direction": ["INCOMING", "OUTGOING"], "inviter_url": ["", ""], "invitee_url": ["", ""],
    })
    assert find_pending(invs, None)["from"].tolist() == ["A B"]


# --- messages ---------------------------------------------------------------------------------


def test_messages_2023_layout_directions_and_drafts(tmp_path):
    msgs = load_export(make_zip(tmp_path)).messages
    assert {"conversation_id", "from", "sender_url", "to", "recipient_urls", "sent_at",
            "message", "folder", "direction", "is_draft"} <= set(msgs.columns)
    assert msgs["sent_at"].iloc[0] == pd.Timestamp("2024-02-09 18:05:44")
    assert msgs["direction"].tolist() == ["INCOMING", "OUTGOING", "INCOMING", "OUTGOING",
                                          "OUTGOING", "INCOMING"]
    assert msgs["is_draft"].tolist() == [False, False, False, False, True, False]


def test_messages_2018_layout_old_name(tmp_path):
    files = {"Connections.csv": CONNECTIONS, "Messages.csv": MESSAGES_2018}
    export = load_export(make_zip(tmp_path, files))
    assert export.messages["direction"].tolist() == ["INCOMING", "OUTGOING"]
    assert export.messages["message"].tolist() == ["Lunch?", "Sure"]
    people = export.correspondents()
    assert people["name"].tolist() == ["Ada Martin"] and people["exchanged"].all()


def test_messages_direction_derived_without_profile(tmp_path):
    files = {"messages.csv": MESSAGES_2023}
    export = load_export(make_zip(tmp_path, files))
    assert export.owner_name == "Camille Laurent"
    assert export.messages["direction"].iloc[1] == "OUTGOING"


def test_correspondents_need_messages_both_ways(tmp_path):
    people = correspondents(load_export(make_zip(tmp_path)).messages)
    by_name = people.set_index("name")
    assert by_name.loc["Ada Martin", ["sent", "received"]].tolist() == [1, 1]
    assert by_name.loc["Ada Martin", "exchanged"]
    assert not by_name.loc["Pat Pitch", "exchanged"]  # a pitch nobody answered
    assert not by_name.loc["Quiet Person", "exchanged"]  # no answer
    assert not by_name.loc["Draft Only", "exchanged"]  # the reply was never sent
    assert people["exchanged"].iloc[0]  # real conversations first


def test_group_messages_count_every_recipient():
    msgs = pd.DataFrame({
        "conversation_id": ["g"] * 2, "from": ["Me", "Ann A"], "sender_url": ["", "u/in/ann"],
        "to": ["Ann A,Bo B", "Me"], "recipient_urls":
            ["https://www.linkedin.com/in/ann,https://www.linkedin.com/in/bo", ""],
        "sent_at": pd.to_datetime(["2025-01-01", "2025-01-02"]), "message": ["hi", "yo"],
        "folder": ["INBOX"] * 2, "direction": ["OUTGOING", "INCOMING"], "is_draft": [False] * 2,
    })
    people = correspondents(msgs).set_index("name")
    assert people.loc["Bo B", "sent"] == 1 and not people.loc["Bo B", "exchanged"]


# --- profile and groups -----------------------------------------------------------------------


def test_profile_csv_and_to_profile(tmp_path):
    export = load_export(make_zip(tmp_path))
    assert export.profile.loc[0, "headline"] == "Social Media Manager @ Studio Nova"
    assert export.profile.loc[0, "geo_location"] == "Lyon, France"
    profile = export.to_profile()
    assert profile.name == "Camille Laurent"
    assert profile.title == "Social Media Manager @ Studio Nova"
    assert profile.groups == ("Community Managers France", "Social Media Marketing",
                              "Les Pros de la Com'")
    assert profile.known_people == ("Ada Martin",)
    changed = export.to_profile(goals=("job_search",), title="Recruiter")
    assert changed.goals == ("job_search",) and changed.title == "Recruiter"
    with pytest.raises(InvalidInputError, match="unknown profile field"):
        export.to_profile(colour="blue")


def test_ad_targeting_old_name_read_by_position(tmp_path):
    files = {"Ad Targeting.csv": AD_TARGETING}
    export = load_export(make_zip(tmp_path, files))
    assert export.groups["group"].tolist() == ["Community Managers France",
                                               "Social Media Marketing", "Les Pros de la Com'"]


def test_ad_targeting_without_member_groups(tmp_path):
    files = {"Ad_Targeting.csv": "Member Age,Job Titles,Job Titles\n25 to 34,A,B\n"}
    export = load_export(make_zip(tmp_path, files))
    assert export.groups is None
    assert any("Member Groups" in n for n in export.notes)


def test_ad_targeting_with_a_single_column(tmp_path):
    export = load_export(make_zip(tmp_path, {"Ad_Targeting.csv": 'Member Groups\n"A; B"\n'}))
    assert export.groups["group"].tolist() == ["A", "B"]


def test_ad_targeting_with_no_group_cell(tmp_path):
    export = load_export(make_zip(tmp_path, {"Ad_Targeting.csv": "Member Groups,X\n,1\n"}))
    assert export.groups is not None and export.groups.empty


# --- errors -----------------------------------------------------------------------------------


def test_bad_invitation_date_names_file_line_and_format(tmp_path):
    bad = INVITATIONS.replace('"1/29/26, 2:37 PM"', "yesterday")
    with pytest.raises(InvalidInputError) as info:
        load_export(make_zip(tmp_path, {**FILES, "Invitations.csv": bad}))
    assert "Invitations.csv" in str(info.value)
    assert info.value.problems == [
        "line 3: 'Sent At' = 'yesterday', expected a date like 1/29/26, 2:37 PM"
    ]


def test_bad_direction_and_bad_message_date(tmp_path):
    bad = INVITATIONS.replace(",OUTGOING,", ",SIDEWAYS,")
    with pytest.raises(InvalidInputError, match="INCOMING or OUTGOING"):
        load_export(make_zip(tmp_path, {"Invitations.csv": bad}))
    msgs = MESSAGES_2023.replace("2025-05-01 08:00:00 UTC", "soon")
    with pytest.raises(InvalidInputError) as info:
        load_export(make_folder(tmp_path, {"messages.csv": msgs}))
    assert info.value.problems[0].startswith("line 4: 'DATE' = 'soon'")


def test_connections_without_header_inside_a_zip(tmp_path):
    with pytest.raises(InvalidInputError) as info:
        load_export(make_zip(tmp_path, {"Connections.csv": "hello\nworld\n"}))
    assert "Connections.csv" in str(info.value)
    assert "no header row with First Name, Last Name" in str(info.value)


def test_not_an_export(tmp_path):
    with pytest.raises(InvalidInputError, match="not found"):
        load_export(tmp_path / "missing.zip")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InvalidInputError, match="no LinkedIn export file"):
        load_export(empty)
    other = tmp_path / "notes.csv"
    other.write_text("a,b\n1,2\n")
    with pytest.raises(InvalidInputError, match="not a file of a LinkedIn data export"):
        load_export(other)
    broken = tmp_path / "export.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(InvalidInputError):
        load_export(broken)


# --- towards the triage -----------------------------------------------------------------------


def test_pending_invitations_in_the_canonical_schema(tmp_path):
    inv = pending_invitations(load_export(make_zip(tmp_path)))
    assert list(inv.columns) == [
        *REQUIRED_COLUMNS, "url", "checked_on_profile", "mutuals_known", "groups_known"
    ]
    assert inv["name"].tolist() == ["Marie Martin", "Bob Roy"]
    assert inv["title"].eq("").all() and inv["company"].eq("").all()
    assert inv["mutual_connections"].eq(0).all() and inv["mutual_connections"].dtype == "int64"
    assert inv["mutual_titles"].map(len).eq(0).all() and inv["shared_groups"].map(len).eq(0).all()
    assert not inv["known_offline"].any() and inv["years_experience"].isna().all()
    assert inv["message"].tolist()[0] == "Bonjour Camille"
    assert inv["url"].iloc[1] == "https://www.linkedin.com/in/bob-roy-1"


def test_pending_invitations_without_invitations_file(tmp_path):
    export = load_export(make_zip(tmp_path, {"Connections.csv": CONNECTIONS}))
    inv = pending_invitations(export)
    assert inv.empty and list(inv.columns) == [
        *REQUIRED_COLUMNS, "url", "checked_on_profile", "mutuals_known", "groups_known"
    ]


def test_pending_invitations_filled_from_annotations(tmp_path):
    from invite_triage.linkedin.annotations import load_annotations, save_annotation

    folder = tmp_path / "private"
    save_annotation(folder=folder, name="Bob Roy", url="https://www.linkedin.com/in/bob-roy-1",
                    title="Head of Sales", mutual_connections=4,
                    mutual_titles=["CMO", "Community Manager"], shared_groups=["Growth"],
                    known_offline=True, decision="decline")
    inv = pending_invitations(load_export(make_zip(tmp_path)), load_annotations(folder))
    bob = inv.set_index("name").loc["Bob Roy"]
    assert bob["title"] == "Head of Sales" and bob["mutual_connections"] == 4
    assert bob["mutual_titles"] == ["CMO", "Community Manager"] and bob["known_offline"]
    assert bob["your_decision"] == "decline"
    marie = inv.set_index("name").loc["Marie Martin"]
    assert marie["title"] == "" and marie["your_decision"] == ""


# --- analysis ---------------------------------------------------------------------------------


def test_network_composition_counts_everyone(tmp_path):
    export = load_export(make_zip(tmp_path))
    profile = Profile(title="Community Manager")
    table = network_composition(export.connections, profile)
    assert table["connections"].sum() == len(export.connections)
    assert np.isclose(table["share"].sum(), 1.0)
    families = table.groupby("family")["connections"].sum()
    assert families["marketing"] == 1 and families["hr"] == 1 and families["tech"] == 1
    assert table.loc[table["family"].eq("marketing"), "relevant"].all()
    assert not table.loc[table["family"].eq("tech"), "relevant"].any()


def test_network_growth_is_cumulative_month_by_month(tmp_path):
    export = load_export(make_zip(tmp_path))
    profile = Profile(title="Community Manager")
    growth = network_growth(export.connections, profile)
    assert growth["month"].iloc[0] == pd.Timestamp("2019-11-01")
    assert growth["month"].iloc[-1] == pd.Timestamp("2026-01-01")
    assert growth["month"].diff().dropna().dt.days.between(28, 31).all()
    assert growth["size"].iloc[-1] == 4 and growth["new"].sum() == 4
    assert (growth["size"].diff().fillna(growth["size"].iloc[0]) == growth["new"]).all()
    # Relevant so far: hidden profile (other) no; + Data Engineer no; + HR yes; + CM yes.
    last_of = growth.set_index("month")["relevance_share"]
    assert last_of[pd.Timestamp("2019-11-01")] == 0.0
    assert last_of[pd.Timestamp("2024-03-01")] == pytest.approx(1 / 3)
    assert last_of[pd.Timestamp("2026-01-01")] == pytest.approx(2 / 4)


def test_pending_with_intent_and_summary(tmp_path):
    export = load_export(make_zip(tmp_path))
    table = pending_with_intent(export)
    assert table["name"].tolist() == ["Bob Roy", "Marie Martin"]  # newest first
    assert table.set_index("name").loc["Bob Roy", "intent"] == "pitch"
    summary = intent_summary(export)
    assert summary["pending"].sum() == 2
    assert summary.set_index("intent").loc["pitch", "pending"] == 1


def test_30000_connection_export_loads_and_is_analysed(tmp_path):
    from invite_triage.world.sample_export import write_sample_export

    path = write_sample_export(tmp_path, n_connections=30_000)
    export = load_export(path)
    assert len(export.connections) >= 30_000
    profile = export.to_profile()
    growth = network_growth(export.connections, profile)
    assert growth["size"].iloc[-1] == export.connections["connected_on"].notna().sum()
    composition = network_composition(export.connections, profile)
    assert composition["connections"].sum() == len(export.connections)
    pending = pending_invitations(export)
    assert 0 < len(pending) < len(export.invitations)
    assert set(pending["name"]) <= set(export.invitations["from"])
