"""Properties of the engine that must hold for any invitations and any profile (hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invite_triage import Profile
from invite_triage.domain.criteria import CRITERIA
from invite_triage.domain.schema import REQUIRED_COLUMNS, empty_invitations
from invite_triage.domain.titles import classify_title
from invite_triage.domain.triage import DECISIONS, OUTPUT_COLUMNS, triage
from invite_triage.world import vocab as synth_vocab

TITLE_POOL = sorted({t for pool in synth_vocab.TITLES.values() for t in pool})
TITLES_BY_FAMILY: dict[str, list[str]] = {}
for _title in TITLE_POOL:
    TITLES_BY_FAMILY.setdefault(classify_title(_title)[0], []).append(_title)
MESSAGES = sorted({m for pool in synth_vocab.MESSAGES.values() for m in pool})
PITCHES = list(synth_vocab.MESSAGES["pitch"])
NAMES = ["Chloé Morel", "Léa Petit", "Tom Blanc", "Sarah Rousseau", "Omar Bernard", ""]
RANK = {decision: rank for rank, decision in enumerate(DECISIONS)}  # 0 = accept, best

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def invitation_rows(draw) -> dict:
    titles = draw(st.lists(st.sampled_from(TITLE_POOL), max_size=10))
    return {
        "name": draw(st.sampled_from(NAMES)),
        "title": draw(st.one_of(st.sampled_from(TITLE_POOL), st.text(max_size=40))),
        "company": draw(st.sampled_from(synth_vocab.COMPANIES)),
        "years_experience": draw(st.one_of(st.floats(0, 45), st.just(float("nan")))),
        "mutual_connections": len(titles) + draw(st.integers(0, 15)),
        "mutual_titles": titles,
        "shared_groups": draw(st.lists(st.sampled_from(synth_vocab.GROUPS), unique=True,
                                       max_size=4)),
        "message": draw(st.one_of(st.sampled_from(["", *MESSAGES]), st.text(max_size=80))),
        "known_offline": draw(st.booleans()),
        "sent_at": pd.Timestamp("2025-01-01") + pd.Timedelta(minutes=draw(st.integers(0, 10**6))),
    }


profiles = st.builds(
    Profile,
    name=st.just("Camille Laurent"),
    title=st.sampled_from(["Community Manager", "Chargée de recrutement", "Founder", "CFO",
                           "Data Scientist", "Infirmière"]),
    goals=st.lists(st.sampled_from(["job_search", "prospecting", "client_retention",
                                    "reputation"]), unique=True).map(tuple),
    groups=st.just(tuple(synth_vocab.YOUR_GROUPS)),
    known_people=st.just(("Chloé Morel",)),
    policy=st.sampled_from(["balanced", "known_only", "open"]),
    mentoring=st.floats(0, 1),
    language=st.sampled_from(["en", "fr"]),
)


def to_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(REQUIRED_COLUMNS))
    for col in ("mutual_titles", "shared_groups"):
        cells = np.empty(len(rows), dtype=object)
        cells[:] = [list(row[col]) for row in rows]
        df[col] = cells
    for col in ("name", "title", "company", "message"):
        df[col] = df[col].astype(object)
    df["known_offline"] = df["known_offline"].astype(bool)
    df["sent_at"] = df["sent_at"].astype("datetime64[ns]")
    return df


def changed(rows: list[dict], index: int, **fields) -> list[dict]:
    rows = [dict(row) for row in rows]
    rows[index].update(fields)
    return rows


def compare(before: list[dict], after: list[dict], profile: Profile, index: int):
    old = triage(to_frame(before), profile).iloc[index]
    new = triage(to_frame(after), profile).iloc[index]
    return old, new


row_lists = st.lists(invitation_rows(), min_size=1, max_size=8)


@SETTINGS
@given(rows=row_lists, profile=profiles)
def test_every_score_is_in_range(rows, profile):
    result = triage(to_frame(rows), profile)
    for name in (*CRITERIA, "score"):
        assert result[name].between(0, 1).all(), name
    assert set(result["decision"]) <= set(DECISIONS)
    assert result["reasons"].str.len().gt(0).all()


@SETTINGS
@given(rows=row_lists, profile=profiles, data=st.data())
def test_a_mutual_connection_in_a_family_that_matters_never_lowers_the_score(rows, profile, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    family = data.draw(st.sampled_from([f for f in profile.relevant_families
                                        if f in TITLES_BY_FAMILY]))
    title = data.draw(st.sampled_from(TITLES_BY_FAMILY[family]))
    row = rows[index]
    after = changed(rows, index, mutual_connections=row["mutual_connections"] + 1,
                    mutual_titles=[*row["mutual_titles"], title])
    old, new = compare(rows, after, profile, index)
    assert new["score"] >= old["score"]
    assert RANK[new["decision"]] <= RANK[old["decision"]]


@SETTINGS
@given(rows=row_lists, profile=profiles, data=st.data())
def test_a_shared_group_never_lowers_the_score(rows, profile, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    row = rows[index]
    new_group = data.draw(st.sampled_from(
        [g for g in synth_vocab.GROUPS if g not in row["shared_groups"]] or ["Another group"]
    ))
    after = changed(rows, index, shared_groups=[*row["shared_groups"], new_group])
    old, new = compare(rows, after, profile, index)
    assert new["score"] >= old["score"]
    assert RANK[new["decision"]] <= RANK[old["decision"]]


@SETTINGS
@given(rows=row_lists, profile=profiles, data=st.data())
def test_known_offline_never_lowers_the_score(rows, profile, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    before = changed(rows, index, known_offline=False)
    after = changed(rows, index, known_offline=True)
    old, new = compare(before, after, profile, index)
    assert new["score"] >= old["score"]
    assert RANK[new["decision"]] <= RANK[old["decision"]]


@SETTINGS
@given(rows=row_lists, profile=profiles, data=st.data())
def test_a_pitch_never_raises_the_score(rows, profile, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    after = changed(rows, index, message=data.draw(st.sampled_from(PITCHES)))
    old, new = compare(rows, after, profile, index)
    assert new["score"] <= old["score"]
    assert RANK[new["decision"]] >= RANK[old["decision"]]
    assert new["decision"] != "accept"


@SETTINGS
@given(rows=st.lists(invitation_rows(), min_size=2, max_size=12), profile=profiles,
       seed=st.integers(0, 2**16))
def test_shuffling_rows_leaves_each_result_unchanged(rows, profile, seed):
    df = to_frame(rows)
    order = np.random.default_rng(seed).permutation(len(df))
    result = triage(df, profile)
    shuffled = triage(df.iloc[order], profile)
    pd.testing.assert_frame_equal(shuffled.loc[result.index], result, check_exact=True)


@pytest.mark.parametrize("policy", ["balanced", "known_only", "open"])
def test_empty_frame_gives_an_empty_result_with_the_right_columns(policy):
    result = triage(empty_invitations(), Profile(policy=policy))
    assert len(result) == 0
    assert list(result.columns) == [*REQUIRED_COLUMNS, *OUTPUT_COLUMNS]
    assert result["score"].dtype == float
