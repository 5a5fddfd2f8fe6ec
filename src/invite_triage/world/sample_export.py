"""A synthetic LinkedIn data export, faithful to the real one, for learners without their own.

It is the synthetic world (``synth.world()``) seen the way LinkedIn would hand it over on
25 November 2026: ``Connections.csv`` (the world's network plus the invitations you accepted),
``Invitations.csv`` (incoming and outgoing, accepted or not: nothing marks which), a 2025-era
``messages.csv``, ``Profile.csv`` and ``Ad_Targeting.csv``, zipped with the CSV files at the
root like ``Basic_LinkedInDataExport_11-25-2026.zip``. Everything is seeded and the zip is
written with fixed timestamps, sorted entries and fixed compression, so the same seed gives
the same bytes on every run.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.files import atomic_write_bytes
from invite_triage.core.paths import data_dir
from invite_triage.core.text import to_ascii
from invite_triage.world import vocab
from invite_triage.world.synth import WORLD_SEED, connections_csv_text, world
from invite_triage.world.synth import connections as synth_connections

EXPORT_DATE = pd.Timestamp("2026-11-25")
EXPORT_NAME = f"Basic_LinkedInDataExport_{EXPORT_DATE:%m-%d-%Y}.zip"
ZIP_DATE_TIME = (2026, 11, 25, 0, 0, 0)
COMPRESSION = zipfile.ZIP_DEFLATED
COMPRESS_LEVEL = 6
OWNER_URL = "https://www.linkedin.com/in/camille-laurent-4b7e21"

INVITATIONS_HEADER = (
    "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl",
)
MESSAGES_HEADER = (
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
)
PROFILE_HEADER = (
    "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
    "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers",
)
# Ad_Targeting.csv repeats some column names (as LinkedIn's does): readers must go by position.
AD_TARGETING = (
    ("Member Age", "25 to 34"),
    ("Buyer Groups", ""),
    ("Company Names", "Studio Nova"),
    ("Company Follower of", "Hootsuite; HubSpot; Canva"),
    ("Company Names", "Agence Pixel & Co; Studio Nova"),
    ("Company Category", ""),
    ("Company Size", "11-50"),
    ("Degrees", "Master"),
    ("degreeClass", ""),
    ("Recent Device OS", "Android"),
    ("Member Schools", "Université Lumière Lyon 2"),
    ("Company Growth Rate", ""),
    ("Fields of Study", "Information and Communication"),
    ("Company Connections", ""),
    ("Function By Size", "Marketing (11-50)"),
    ("Job Functions", "Marketing; Media and Communication"),
    ("Member Gender", ""),
    ("Graduation Year", "2019"),
    ("Member Groups", "; ".join(vocab.YOUR_GROUPS)),
    ("Company Industries", "Marketing Services; Advertising Services"),
    ("Member Interests", "Social Media; Content Marketing; Digital Marketing"),
    ("Interface Locales", "fr_FR"),
    ("Member Traits", ""),
    ("Job Seniorities", "Entry; Senior"),
    ("Member Skills", "Community Management; Social Media Marketing; Canva; SEO"),
    ("Job Titles", "Community Manager"),
    ("Job Titles", "Social Media Manager"),
    ("Years of Experience", "5"),
)
PROFILE_ROW = (
    "Camille", "Laurent", "", "", "", "Community Manager | Réseaux sociaux & contenu",
    "J'anime des communautés en ligne pour des marques lyonnaises. / I run online communities "
    "for brands in Lyon.",
    "Marketing Services", "69002", "Lyon, Auvergne-Rhône-Alpes, France", "", "", "",
)

# Conversation lines, English and French, for people you really talk with.
_CHAT_THEIRS = (
    "Merci pour ton retour sur la campagne, on en reparle jeudi ?",
    "Thanks again for the intro, the call went really well.",
    "Tu serais dispo pour un café la semaine prochaine ?",
    "Loved your post on community metrics. Can I quote it in our newsletter?",
    "Je t'envoie le brief du salon dès que je l'ai.",
    "Are you going to the meetup in Lyon on Thursday?",
)
_CHAT_MINE = (
    "Avec plaisir, jeudi 10h ça te va ?",
    "Great to hear! Let me know how it goes.",
    "Oui, mardi matin si ça te convient.",
    "Of course, go ahead, and thanks for asking.",
    "Super, merci !",
    "Yes, see you there!",
)
_PITCHES = (
    "Bonjour, je me permets de vous recontacter : notre outil fait gagner 10h par semaine aux "
    "community managers. 15 minutes pour une démo ?",
    "Hi! Quick question: are you the right person to talk to about growing your leads by 300%?",
    "Offre spéciale ce mois-ci : audit LinkedIn gratuit pour votre marque. Intéressée ?",
)
_UNANSWERED = (
    "Bonjour, j'ai vu que vous cherchiez une alternante, je vous envoie mon CV ?",
    "Hello, would you have a few minutes to share advice on getting into social media?",
)
_OUTGOING_NOTES = (
    "",
    "",
    "",
    "Bonjour, ravie d'avoir échangé avec vous au meetup Social Media Lyon !",
    "Hi, I enjoyed your talk on community building and would love to stay in touch.",
)
_DECORATION = re.compile(r"\s+(?:@|chez|at|\||•|-|🎯)(?:\s.*|$)")


def _slug(names: pd.Series, rng: np.random.Generator) -> pd.Series:
    """LinkedIn-style profile URLs: ascii name, hyphens, a hex suffix."""
    ids = rng.integers(16**5, 16**6, len(names))
    base = names.map(to_ascii).str.lower()
    base = base.str.replace(r"[^a-z0-9]+", "-", regex=True).str.strip("-")
    return "https://www.linkedin.com/in/" + base + "-" + pd.Series(ids, index=names.index).map(
        "{:x}".format
    )


def _sent_at_text(times: pd.Series) -> pd.Series:
    """``1/29/26, 2:37 PM``: month/day/two-digit year, 12-hour clock, no leading zeros."""
    times = pd.to_datetime(times)
    hour = times.dt.hour
    hour12 = ((hour + 11) % 12 + 1).astype(str)
    return (
        times.dt.month.astype(str) + "/" + times.dt.day.astype(str) + "/"
        + (times.dt.year % 100).astype(str).str.zfill(2) + ", " + hour12 + ":"
        + times.dt.minute.astype(str).str.zfill(2) + " " + np.where(hour < 12, "AM", "PM")
    )


def _csv_text(header: tuple[str, ...], rows: pd.DataFrame | list[tuple]) -> str:
    """UTF-8, LF line ends, quoting only when needed: like LinkedIn's files."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows.itertuples(index=False) if isinstance(rows, pd.DataFrame) else rows)
    return buffer.getvalue()


def _people(
    rng: np.random.Generator, invitations: pd.DataFrame, n_connections: int | None, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Incoming invitations, outgoing invitations and the resulting connections."""
    base = world(seed)
    network = (base.connections if n_connections is None
               else synth_connections(n_connections, seed=seed + 1))
    incoming = invitations.copy()
    incoming["url"] = _slug(incoming["name"], rng).to_numpy()
    p_accept = np.where(incoming["relevant"], 0.8, 0.12)
    accepted = (rng.random(len(incoming)) < p_accept) | incoming["known_offline"].to_numpy()

    n_out = 40
    first = vocab.FIRST_NAMES
    last = vocab.LAST_NAMES
    out_names = pd.Series(
        np.asarray(first, dtype=object)[rng.integers(0, len(first), n_out)] + " "
        + np.asarray(last, dtype=object)[rng.integers(0, len(last), n_out)]
    )
    out_seconds = rng.integers(0, (EXPORT_DATE - pd.Timestamp("2025-06-01")).days * 86400, n_out)
    outgoing = pd.DataFrame({
        "name": out_names,
        "url": _slug(out_names, rng),
        "sent_at": (pd.Timestamp("2025-06-01") + pd.to_timedelta(out_seconds, unit="s")).floor(
            "min"),
        "message": np.asarray(_OUTGOING_NOTES, dtype=object)[
            rng.integers(0, len(_OUTGOING_NOTES), n_out)],
        "title": np.asarray(vocab.TITLES["marketing"], dtype=object)[
            rng.integers(0, len(vocab.TITLES["marketing"]), n_out)],
        "company": np.asarray(vocab.COMPANIES, dtype=object)[
            rng.integers(0, len(vocab.COMPANIES), n_out)],
    })
    out_accepted = rng.random(n_out) < 0.7

    def as_connections(frame: pd.DataFrame, delay_days: np.ndarray) -> pd.DataFrame:
        split = frame["name"].str.split(" ", n=1, expand=True)
        connected = (frame["sent_at"] + pd.to_timedelta(delay_days, unit="D")).dt.normalize()
        return pd.DataFrame({
            "first_name": split[0].to_numpy(), "last_name": split[1].to_numpy(),
            "url": frame["url"].to_numpy(), "email": "",
            "company": frame["company"].to_numpy(),
            "position": frame["title"].str.replace(_DECORATION, "", regex=True).to_numpy(),
            "connected_on": connected.clip(upper=EXPORT_DATE).to_numpy(),
        })

    joined = pd.concat(
        [
            network[["first_name", "last_name", "url", "email", "company", "position",
                     "connected_on"]],
            as_connections(incoming[accepted], rng.integers(0, 6, int(accepted.sum()))),
            as_connections(outgoing[out_accepted], rng.integers(0, 10, int(out_accepted.sum()))),
        ],
        ignore_index=True,
    )
    # LinkedIn lists the most recent connections first.
    joined = joined.sort_values("connected_on", ascending=False, kind="stable")
    return incoming, outgoing, joined.reset_index(drop=True)


def _invitations_csv(incoming: pd.DataFrame, outgoing: pd.DataFrame, owner: str) -> str:
    rows = pd.concat(
        [
            pd.DataFrame({
                "From": incoming["name"], "To": owner, "sent_at": incoming["sent_at"],
                "Message": incoming["message"], "Direction": "INCOMING",
                "inviterProfileUrl": incoming["url"], "inviteeProfileUrl": OWNER_URL,
            }),
            pd.DataFrame({
                "From": owner, "To": outgoing["name"], "sent_at": outgoing["sent_at"],
                "Message": outgoing["message"], "Direction": "OUTGOING",
                "inviterProfileUrl": OWNER_URL, "inviteeProfileUrl": outgoing["url"],
            }),
        ],
        ignore_index=True,
    ).sort_values("sent_at", ascending=False, kind="stable")
    rows.insert(2, "Sent At", _sent_at_text(rows.pop("sent_at")))
    return _csv_text(INVITATIONS_HEADER, rows[list(INVITATIONS_HEADER)])


def _conversation_id(rng: np.random.Generator) -> str:
    return "2-" + base64.urlsafe_b64encode(rng.bytes(33)).decode("ascii").rstrip("=")


def _messages_csv(
    rng: np.random.Generator, owner: str, contacts: pd.DataFrame, incoming: pd.DataFrame
) -> str:
    """Real conversations with people you know, pitches nobody answered, a spam message."""
    rows: list[dict[str, str | pd.Timestamp]] = []

    def message(cid: str, sender: tuple[str, str], recipient: tuple[str, str],
                when: pd.Timestamp, content: str, folder: str = "INBOX") -> None:
        rows.append({
            "CONVERSATION ID": cid, "CONVERSATION TITLE": "", "FROM": sender[0],
            "SENDER PROFILE URL": sender[1], "TO": recipient[0],
            "RECIPIENT PROFILE URLS": recipient[1], "when": when, "SUBJECT": "",
            "CONTENT": content, "FOLDER": folder, "ATTACHMENTS": "",
        })

    me = (owner, OWNER_URL)
    for name, url, start in contacts[["name", "url", "since"]].itertuples(index=False):
        cid = _conversation_id(rng)
        start = max(pd.Timestamp(start), pd.Timestamp("2024-06-01"))
        span = (EXPORT_DATE - pd.Timedelta(days=12) - start).total_seconds()
        when = (start + pd.Timedelta(seconds=int(3600 + rng.random() * max(span, 0))))
        for turn in range(int(rng.integers(2, 6))):
            theirs = turn % 2 == 0
            pool = _CHAT_THEIRS if theirs else _CHAT_MINE
            text = pool[int(rng.integers(0, len(pool)))]
            them = (name, url)
            message(cid, them if theirs else me, me if theirs else them, when, text)
            when += pd.Timedelta(seconds=int(rng.integers(600, 3 * 86400)))
    pitchers = incoming[incoming["persona"].isin(["prospector", "spam"])].head(8)
    for i, (name, url, sent) in enumerate(
        pitchers[["name", "url", "sent_at"]].itertuples(index=False)
    ):
        folder = "SPAM" if i == 0 else "INBOX"
        message(_conversation_id(rng), (name, url), me,
                sent + pd.Timedelta(days=int(rng.integers(1, 20))), _PITCHES[i % len(_PITCHES)],
                folder)
    hopefuls = incoming[incoming["persona"].eq("beginner")].head(2)
    for i, (name, url, sent) in enumerate(
        hopefuls[["name", "url", "sent_at"]].itertuples(index=False)
    ):
        message(_conversation_id(rng), (name, url), me, sent + pd.Timedelta(hours=5),
                _UNANSWERED[i % len(_UNANSWERED)])
    frame = pd.DataFrame(rows)
    frame["when"] = pd.to_datetime(frame["when"]).clip(upper=EXPORT_DATE).dt.floor("s")
    last = frame.groupby("CONVERSATION ID")["when"].transform("max")
    frame = frame.assign(_last=last).sort_values(["_last", "CONVERSATION ID", "when"],
                                                 ascending=[False, True, False], kind="stable")
    frame["DATE"] = frame["when"].dt.strftime("%Y-%m-%d %H:%M:%S UTC")
    return _csv_text(MESSAGES_HEADER, frame[list(MESSAGES_HEADER)])


def sample_export_files(seed: int = WORLD_SEED, n_connections: int | None = None) -> dict[str, str]:
    """The export's files as text, by file name (``n_connections`` enlarges the network,
    e.g. to LinkedIn's 30,000 cap for benchmarks)."""
    base = world(seed)
    owner = base.profile.name
    rng = np.random.default_rng(seed + 11)
    incoming, outgoing, connections = _people(rng, base.invitations, n_connections, seed)

    known = incoming[incoming["name"].isin(base.profile.known_people)]
    known = known.drop_duplicates("name").assign(since=known["sent_at"])
    visible = connections[connections["url"].ne("")]
    friends = visible.iloc[rng.choice(len(visible), size=min(10, len(visible)), replace=False)]
    friends = pd.DataFrame({
        "name": (friends["first_name"] + " " + friends["last_name"]).to_numpy(),
        "url": friends["url"].to_numpy(),
        "since": friends["connected_on"].to_numpy(),
    })
    talk_to = pd.concat([known[["name", "url", "since"]], friends], ignore_index=True)

    ad_header = tuple(name for name, _ in AD_TARGETING)
    ad_row = [tuple(value for _, value in AD_TARGETING)]
    return {
        "Ad_Targeting.csv": _csv_text(ad_header, ad_row),
        "Connections.csv": connections_csv_text(connections, preamble=True),
        "Invitations.csv": _invitations_csv(incoming, outgoing, owner),
        "Profile.csv": _csv_text(PROFILE_HEADER, [PROFILE_ROW]),
        "messages.csv": _messages_csv(rng, owner, talk_to, incoming),
    }


def sample_export_bytes(seed: int = WORLD_SEED, n_connections: int | None = None) -> bytes:
    """The zip's bytes: sorted entries, fixed dates and compression, so always the same."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in sorted(sample_export_files(seed, n_connections).items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            info.compress_type = COMPRESSION
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, text.encode("utf-8"), compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()


def write_sample_export(
    folder: str | os.PathLike[str], seed: int = WORLD_SEED, n_connections: int | None = None
) -> Path:
    """Write ``Basic_LinkedInDataExport_11-25-2026.zip`` into ``folder``; same seed, same bytes.

    The file is replaced atomically (temporary file, then rename), never half-written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXPORT_NAME
    data = sample_export_bytes(seed, n_connections)
    return atomic_write_bytes(path, data)


def sample_export_path() -> Path:
    """The bundled sample export (``data/sample_export/``); outside a checkout, the same
    bytes regenerated into the temporary folder (cheap, and never stale)."""
    folder = data_dir()
    if folder is not None and (folder / "sample_export" / EXPORT_NAME).exists():
        return folder / "sample_export" / EXPORT_NAME
    return write_sample_export(Path(tempfile.gettempdir()) / "invite_triage" / "sample_export")
