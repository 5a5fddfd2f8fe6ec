"""The synthetic world: you, your network and two years of incoming invitations.

Each invitation comes from a hidden *persona* that emits the article's signals
stochastically (job title, career stage, mutual connections, shared groups, message,
known offline). Personas overlap on purpose, so no single criterion is a perfect clue.
Everything is seeded: the same seed gives the same world, byte for byte.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.text import to_ascii
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import write_invitations_csv
from invite_triage.world import vocab

#: The seed of the bundled world (``data/``, the sample export, the guide's figures).
WORLD_SEED = 2026

PERSONAS: tuple[str, ...] = (
    "peer",
    "recruiter",
    "boss",
    "beginner",
    "follower",
    "stranger",
    "prospector",
    "spam",
)
TITLE_POOLS: tuple[str, ...] = tuple(vocab.TITLES)

# One row per persona. Columns: share among invitations, share among existing connections,
# P(relevant), mean mutual connections, P(a mutual is in a field that matters to you),
# P(sharing each of your groups), P(known offline).
_PERSONA_TABLE = pd.DataFrame(
    [
        # share  net   relevant mutuals rel_mut groups known
        ("peer", 0.20, 0.34, 0.92, 12.0, 0.80, 0.22, 0.15),
        ("recruiter", 0.09, 0.08, 0.85, 5.0, 0.60, 0.07, 0.04),
        ("boss", 0.09, 0.08, 0.70, 4.0, 0.55, 0.06, 0.10),
        ("beginner", 0.12, 0.08, 0.65, 3.0, 0.75, 0.22, 0.08),
        ("follower", 0.08, 0.10, 0.55, 5.0, 0.60, 0.18, 0.05),
        ("stranger", 0.17, 0.16, 0.08, 1.2, 0.20, 0.02, 0.01),
        ("prospector", 0.17, 0.12, 0.05, 8.0, 0.30, 0.08, 0.01),
        ("spam", 0.08, 0.04, 0.00, 0.6, 0.20, 0.03, 0.00),
    ],
    columns=[
        "persona",
        "share",
        "network_share",
        "p_relevant",
        "mutuals",
        "p_relevant_mutual",
        "p_group",
        "p_known",
    ],
).set_index("persona")

# P(title drawn from each pool) per persona, columns in TITLE_POOLS order.
_TITLE_MIX = (
    pd.DataFrame(
        {
            "peer": {"marketing": 0.93, "sales": 0.04, "leadership": 0.03},
            "recruiter": {"hr": 0.95, "leadership": 0.05},
            "boss": {"leadership": 0.88, "marketing": 0.07, "sales": 0.05},
            "beginner": {"marketing_beginner": 0.9, "other": 0.1},
            "follower": {"tech": 0.35, "finance": 0.2, "other": 0.35, "sales": 0.1},
            "stranger": {
                "other": 0.45,
                "tech": 0.2,
                "finance": 0.15,
                "sales": 0.1,
                "hr": 0.05,
                "leadership": 0.05,
            },
            "prospector": {"sales": 0.6, "leadership": 0.2, "marketing": 0.2},
            "spam": {"spam": 0.7, "leadership": 0.2, "other": 0.1},
        }
    )
    .reindex(TITLE_POOLS)
    .fillna(0.0)
    .T.reindex(PERSONAS)
)

# P(message kind) per persona: empty, generic, personal, pitch.
MESSAGE_KINDS: tuple[str, ...] = ("empty", "generic", "personal", "pitch")
_MESSAGE_MIX = pd.DataFrame(
    {
        "peer": (0.70, 0.15, 0.15, 0.00),
        "recruiter": (0.55, 0.15, 0.30, 0.00),
        "boss": (0.65, 0.15, 0.17, 0.03),
        "beginner": (0.55, 0.15, 0.30, 0.00),
        "follower": (0.70, 0.17, 0.13, 0.00),
        "stranger": (0.75, 0.22, 0.03, 0.00),
        "prospector": (0.35, 0.25, 0.03, 0.37),
        "spam": (0.45, 0.25, 0.00, 0.30),
    },
    index=MESSAGE_KINDS,
).T.reindex(PERSONAS)

_RELEVANT_MUTUAL_POOLS = ("marketing", "marketing", "marketing", "hr", "leadership")
_OTHER_MUTUAL_POOLS = ("sales", "tech", "finance", "other")
START = pd.Timestamp("2024-11-01")
SPAN_DAYS = 730


def _draw_category(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One category per row from a (rows × categories) probability matrix, vectorised."""
    cumulative = np.cumsum(probabilities, axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(probabilities))
    return (u[:, None] > cumulative).sum(axis=1)


def _pick(rng: np.random.Generator, pool: tuple[str, ...] | np.ndarray, n: int) -> np.ndarray:
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), n)]


def _titles_from_pools(rng: np.random.Generator, pool_idx: np.ndarray) -> np.ndarray:
    """A base title for each row, drawn from the pool each row was assigned."""
    titles = np.empty(len(pool_idx), dtype=object)
    for i, pool in enumerate(TITLE_POOLS):
        rows = np.flatnonzero(pool_idx == i)
        titles[rows] = _pick(rng, vocab.TITLES[pool], len(rows))
    return titles


def _decorate(rng: np.random.Generator, titles: np.ndarray, companies: np.ndarray) -> np.ndarray:
    """Add LinkedIn headline noise ("@ Company", taglines, emoji) to some titles.

    Each decoration is split around ``{company}`` once, not once per row.
    """
    choice = rng.integers(0, len(vocab.DECORATIONS), len(titles))
    parts = [d.split("{company}", 1) for d in vocab.DECORATIONS]
    before = np.array([p[0] for p in parts], dtype=object)[choice]
    after = np.array([p[1] if len(p) == 2 else "" for p in parts], dtype=object)[choice]
    has_company = np.array([len(p) == 2 for p in parts])[choice]
    middle = np.where(has_company, companies, "")
    return titles + before + middle + after


def _names(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    return _pick(rng, vocab.FIRST_NAMES, n), _pick(rng, vocab.LAST_NAMES, n)


def _mutual_titles(
    rng: np.random.Generator, counts: np.ndarray, p_relevant: np.ndarray
) -> list[list[str]]:
    """The titles of each row's mutual connections, relevant ones with the row's probability."""
    total = int(counts.sum())
    owner_p = np.repeat(p_relevant, counts)
    relevant = rng.random(total) < owner_p
    rel_pool = np.concatenate([vocab.TITLES[p] for p in _RELEVANT_MUTUAL_POOLS]).astype(object)
    other_pool = np.concatenate([vocab.TITLES[p] for p in _OTHER_MUTUAL_POOLS]).astype(object)
    flat = np.where(
        relevant,
        rel_pool[rng.integers(0, len(rel_pool), total)],
        other_pool[rng.integers(0, len(other_pool), total)],
    ).tolist()
    ends = np.cumsum(counts).tolist()
    starts = [0, *ends[:-1]]
    return [flat[a:b] for a, b in zip(starts, ends, strict=False)]


def _shared_groups(rng: np.random.Generator, p_group: np.ndarray, groups: tuple[str, ...]) -> list:
    """Which of your groups each inviter also belongs to."""
    member = rng.random((len(p_group), len(groups))) < p_group[:, None]
    group_array = np.asarray(groups, dtype=object)
    keys = member @ (1 << np.arange(len(groups)))
    combos = {
        k: group_array[[(k >> j) & 1 == 1 for j in range(len(groups))]].tolist()
        for k in np.unique(keys)
    }
    return [list(combos[k]) for k in keys.tolist()]


def invitations(n: int, seed: int = 0, groups: tuple[str, ...] = vocab.YOUR_GROUPS) -> pd.DataFrame:
    """``n`` incoming invitations in the canonical schema, with hidden ``persona`` and ``relevant``.

    Vectorised, so one million rows take a few seconds; sorted by ``sent_at``.
    """
    rng = np.random.default_rng(seed)
    table = _PERSONA_TABLE
    persona_idx = rng.choice(len(PERSONAS), size=n, p=table["share"].to_numpy())
    params = table.to_numpy()[persona_idx]
    cols = {c: i for i, c in enumerate(table.columns)}
    relevant = rng.random(n) < params[:, cols["p_relevant"]]
    # Sincere people (relevant) send clearer signals than the rest of their persona.
    signal = np.where(relevant, 1.4, 0.7)

    pool_idx = _draw_category(rng, _TITLE_MIX.to_numpy()[persona_idx])
    companies = _pick(rng, vocab.COMPANIES, n)
    titles = _decorate(rng, _titles_from_pools(rng, pool_idx), companies)

    beginner = np.asarray(PERSONAS, dtype=object)[persona_idx] == "beginner"
    years = np.where(beginner, rng.uniform(0, 2, n), np.minimum(rng.gamma(2.0, 4.5, n) + 1, 40))

    mean_mutuals = params[:, cols["mutuals"]] * signal
    mutual_counts = np.minimum(rng.negative_binomial(2, 2 / (2 + mean_mutuals)), 60)
    p_rel_mutual = np.clip(
        params[:, cols["p_relevant_mutual"]] * np.where(relevant, 1.1, 0.8), 0, 1
    )
    shared = _shared_groups(rng, np.clip(params[:, cols["p_group"]] * signal, 0, 1), groups)
    known = rng.random(n) < np.clip(params[:, cols["p_known"]] * signal, 0, 1)

    message_mix = _MESSAGE_MIX.to_numpy()[persona_idx].copy()
    message_mix[:, 2] *= signal  # sincere people write personal notes more often
    kind = _draw_category(rng, message_mix)
    messages = np.full(n, "", dtype=object)
    personas = np.asarray(PERSONAS, dtype=object)[persona_idx]
    for i, name in enumerate(MESSAGE_KINDS[1:], start=1):
        for persona in PERSONAS:
            rows = np.flatnonzero((kind == i) & (personas == persona))
            pool = vocab.MESSAGES.get(f"{name}_{persona}", vocab.MESSAGES[name])
            messages[rows] = _pick(rng, pool, len(rows))

    first, last = _names(rng, n)
    seconds = rng.integers(0, SPAN_DAYS * 86400, n)
    sent_at = (START + pd.to_timedelta(seconds, unit="s")).floor("min")

    df = pd.DataFrame(
        {
            "name": (first + " " + last).astype(object),
            "title": titles,
            "company": companies,
            "years_experience": np.round(years, 1),
            "mutual_connections": mutual_counts.astype("int64"),
            "mutual_titles": _mutual_titles(rng, mutual_counts, p_rel_mutual),
            "shared_groups": shared,
            "message": messages,
            "known_offline": known,
            "sent_at": sent_at.astype("datetime64[ns]"),
            "persona": np.asarray(PERSONAS, dtype=object)[persona_idx],
            "relevant": relevant,
        }
    )
    for col in ("name", "title", "company", "message", "persona"):
        df[col] = df[col].astype(object)
    order = np.argsort(df["sent_at"].to_numpy(), kind="stable")
    return df.iloc[order].reset_index(drop=True)


def connections(n: int, seed: int = 1) -> pd.DataFrame:
    """Your existing network: ``n`` contacts with LinkedIn's Connections.csv columns (snake_case)
    plus hidden ``persona`` and ``relevant``. Connected between 2017 and the first invitation.
    """
    rng = np.random.default_rng(seed)
    table = _PERSONA_TABLE
    persona_idx = rng.choice(len(PERSONAS), size=n, p=table["network_share"].to_numpy())
    relevant = rng.random(n) < table["p_relevant"].to_numpy()[persona_idx]
    pool_idx = _draw_category(rng, _TITLE_MIX.to_numpy()[persona_idx])
    companies = _pick(rng, vocab.COMPANIES, n)
    positions = _titles_from_pools(rng, pool_idx)
    first, last = _names(rng, n)
    slug_ids = rng.integers(16**5, 16**6, n)
    slugs = [
        to_ascii(f"{f}-{ln}-{s:x}").lower().replace(" ", "-").replace("'", "")
        for f, ln, s in zip(first.tolist(), last.tolist(), slug_ids.tolist(), strict=False)
    ]
    has_email = rng.random(n) < 0.05
    emails = np.where(has_email, [f"{s.rsplit('-', 1)[0]}@example.com" for s in slugs], "").astype(
        object
    )
    start = pd.Timestamp("2017-03-01")
    days = np.sort(rng.integers(0, (START - start).days, n))
    df = pd.DataFrame(
        {
            "first_name": first,
            "last_name": last,
            "url": [f"https://www.linkedin.com/in/{s}" for s in slugs],
            "email": emails,
            "company": companies,
            "position": positions,
            "connected_on": (start + pd.to_timedelta(days, unit="D")).astype("datetime64[ns]"),
            "persona": np.asarray(PERSONAS, dtype=object)[persona_idx],
            "relevant": relevant,
        }
    )
    # About 1% have no company or position; a couple of hidden profiles have only a date.
    blank = rng.random(n) < 0.01
    df.loc[blank, "company"] = ""
    hidden = rng.choice(n, size=min(2, n), replace=False)
    df.loc[hidden, ["first_name", "last_name", "url", "email", "company", "position"]] = ""
    return df


@dataclass(frozen=True)
class World:
    """The guide's embedded default: you, your network, your incoming invitations."""

    profile: Profile
    connections: pd.DataFrame
    invitations: pd.DataFrame


def world(seed: int = WORLD_SEED, n_invitations: int = 420, n_connections: int = 360) -> World:
    """Build the whole synthetic world; the guide uses the default seed."""
    invs = invitations(n_invitations, seed=seed)
    conns = connections(n_connections, seed=seed + 1)
    known = tuple(sorted(set(invs.loc[invs["known_offline"], "name"]))[:12])
    profile = Profile(
        name="Camille Laurent",
        title="Community Manager",
        goals=("reputation", "job_search"),
        groups=vocab.YOUR_GROUPS,
        known_people=known,
        policy="balanced",
        mentoring=0.5,
        language="fr",
    )
    return World(profile=profile, connections=conns, invitations=invs)


CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more about this "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
CONNECTIONS_HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)


def connections_csv_text(conns: pd.DataFrame, preamble: bool = True) -> str:
    """Render connections exactly as LinkedIn's Connections.csv (since about 2021)."""
    buffer = io.StringIO()
    if preamble:
        buffer.write(CONNECTIONS_PREAMBLE)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CONNECTIONS_HEADER)
    dates = pd.to_datetime(conns["connected_on"]).dt.strftime("%d %b %Y")
    for row, date in zip(
        conns[["first_name", "last_name", "url", "email", "company", "position"]].itertuples(
            index=False
        ),
        dates, strict=False,
    ):
        writer.writerow([*row, date])
    return buffer.getvalue()


def write_world(folder: str | os.PathLike[str], seed: int = WORLD_SEED) -> list[Path]:
    """Write the world's files under ``folder``; same seed, same bytes."""

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    w = world(seed)
    written = [w.profile.save(folder / "profile.json")]
    written.append(write_invitations_csv(w.invitations, folder / "invitations.csv"))
    conn_path = folder / "Connections.csv"
    conn_path.write_text(connections_csv_text(w.connections), encoding="utf-8", newline="")
    written.append(conn_path)
    truth_path = folder / "connections_truth.csv"
    w.connections[["url", "persona", "relevant"]].to_csv(
        truth_path, index=False, lineterminator="\n"
    )
    written.append(truth_path)
    return written
