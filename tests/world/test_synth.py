"""The synthetic world: deterministic, in the canonical schema, and realistically shaped."""

from __future__ import annotations

import filecmp

import numpy as np
import pandas as pd
import pytest

from invite_triage.domain.schema import REQUIRED_COLUMNS, validate_invitations
from invite_triage.world import synth
from invite_triage.world.datasets import load_connections, load_invitations, repo_root


@pytest.fixture(scope="module")
def big() -> pd.DataFrame:
    return synth.invitations(20_000, seed=7)


def test_same_seed_same_rows():
    a, b = synth.invitations(500, seed=3), synth.invitations(500, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert not synth.invitations(500, seed=4)["title"].equals(a["title"])


def test_canonical_schema(big):
    validate_invitations(big)
    assert list(big.columns[: len(REQUIRED_COLUMNS)]) == list(REQUIRED_COLUMNS)
    assert big["sent_at"].is_monotonic_increasing
    span = big["sent_at"].max() - big["sent_at"].min()
    assert pd.Timedelta(days=700) < span <= pd.Timedelta(days=731)


def test_persona_mix_is_realistic(big):
    shares = big["persona"].value_counts(normalize=True)
    assert set(shares.index) == set(synth.PERSONAS)
    assert 0.15 <= shares["peer"] <= 0.25
    assert 0.12 <= shares["prospector"] <= 0.22
    assert shares["spam"] < 0.12
    # about four in ten invitations are worth accepting: most are not
    assert 0.3 <= big["relevant"].mean() <= 0.5


def test_messages_mostly_empty_and_pitches_from_prospectors(big):
    from invite_triage.world.vocab import MESSAGES

    assert 0.5 <= big["message"].eq("").mean() <= 0.75
    pitch = big["message"].isin(MESSAGES["pitch"])
    by_persona = big.loc[pitch, "persona"].value_counts(normalize=True)
    assert by_persona.get("prospector", 0) + by_persona.get("spam", 0) > 0.9
    assert pitch[big["persona"].eq("peer")].mean() == 0


def test_signals_overlap_so_no_criterion_is_perfect(big):
    # some prospectors have many mutuals; some relevant people have none
    assert (big.loc[big["persona"].eq("prospector"), "mutual_connections"] >= 10).mean() > 0.1
    assert (big.loc[big["relevant"], "mutual_connections"] == 0).mean() > 0.02
    # relevant people share more groups and are known offline more often
    groups = big["shared_groups"].map(len)
    assert groups[big["relevant"]].mean() > 2 * groups[~big["relevant"]].mean()
    assert (
        big.loc[big["relevant"], "known_offline"].mean()
        > big.loc[~big["relevant"], "known_offline"].mean()
    )


def test_titles_are_linkedin_style_and_bilingual(big):
    titles = big["title"]
    assert titles.str.contains(r" @ | chez | at |\|", regex=True).mean() > 0.2
    assert titles.str.contains("é|è|ç", regex=True).mean() > 0.1
    assert titles.str.contains("[\U0001f300-\U0001faff]", regex=True).any()


def test_mutual_titles_match_counts(big):
    assert (big["mutual_titles"].map(len) == big["mutual_connections"]).all()
    assert big["years_experience"].between(0, 40).all()
    assert big.loc[big["persona"].eq("beginner"), "years_experience"].max() <= 2


def test_connections_in_linkedin_layout():
    text = synth.connections_csv_text(synth.connections(50, seed=1))
    lines = text.splitlines()
    assert lines[0] == "Notes:"
    assert lines[3] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    assert len(lines) == 54


def test_bundled_data_loads():
    invitations = load_invitations()
    assert 300 <= len(invitations) <= 600
    connections = load_connections()
    assert 200 <= len(connections) <= 600
    assert {"persona", "relevant", "position", "connected_on"} <= set(connections.columns)


def test_committed_data_equals_regeneration(tmp_path):
    """`make data` is deterministic and the committed files are exactly its output."""
    from invite_triage.app.cli import main

    root = repo_root()
    if root is None:
        pytest.skip("not running from a checkout")
    assert main(["data", "--out", str(tmp_path)]) == 0
    committed = root / "data"
    names = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert names, "make data wrote nothing"
    for name in names:
        assert (committed / name).exists(), f"{name} is generated but not committed; run make data"
        assert filecmp.cmp(tmp_path / name, committed / name, shallow=False), (
            f"data/{name} differs from a regeneration; run `make data` and commit"
        )


def test_million_rows_vectorised_shape():
    df = synth.invitations(50_000, seed=0)
    assert len(df) == 50_000
    assert np.isclose(
        df["relevant"].mean(), synth.invitations(50_000, seed=1)["relevant"].mean(), atol=0.02
    )
