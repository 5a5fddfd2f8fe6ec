from __future__ import annotations

import pandas as pd
import pytest

from invite_triage import InvalidInputError
from invite_triage.domain.schema import (
    empty_invitations,
    read_invitations_csv,
    validate_invitations,
    write_invitations_csv,
)
from invite_triage.world import synth


def test_round_trip(tmp_path):
    df = synth.invitations(200, seed=5)
    path = write_invitations_csv(df, tmp_path / "inv.csv")
    back = read_invitations_csv(path)
    pd.testing.assert_series_equal(back["mutual_titles"], df["mutual_titles"], check_dtype=False)
    assert back["known_offline"].dtype == bool
    assert (back["sent_at"] == df["sent_at"]).all()
    assert back["relevant"].tolist() == df["relevant"].tolist()


def test_empty_frame_is_valid():
    validate_invitations(empty_invitations())


def test_one_error_lists_every_problem():
    df = synth.invitations(5, seed=1).drop(columns=["company", "message"])
    df["mutual_connections"] = df["mutual_connections"].astype(object)
    df.loc[2, "mutual_connections"] = "many"
    df.loc[4, "mutual_titles"] = "CEO"
    with pytest.raises(InvalidInputError) as info:
        validate_invitations(df, source="mine.csv")
    text = str(info.value)
    assert "mine.csv" in text
    assert "'company'" in text and "'message'" in text
    assert "'mutual_connections'" in text and "row 3" in text
    assert "'mutual_titles'" in text and "row 5" in text


def test_bad_csv_names_file_and_row(tmp_path):
    df = synth.invitations(4, seed=2)
    path = write_invitations_csv(df, tmp_path / "inv.csv")
    text = path.read_text("utf-8").splitlines()
    cells = text[2].split(",")
    text[2] = text[2].replace(",False,", ",maybe,", 1) if ",False," in text[2] else text[2]
    path.write_text("\n".join(text) + "\n", "utf-8")
    assert cells
    with pytest.raises(InvalidInputError) as info:
        read_invitations_csv(path)
    assert "inv.csv" in str(info.value)
    assert "known_offline" in str(info.value) and "row 2" in str(info.value)


def test_missing_file_is_clear(tmp_path):
    with pytest.raises(InvalidInputError, match="file not found"):
        read_invitations_csv(tmp_path / "nope.csv")


def test_numbers_outside_their_range_are_refused_with_their_row():
    df = synth.invitations(4, seed=5)
    df.loc[1, "years_experience"] = 1e30
    df.loc[3, "mutual_connections"] = 10**9
    with pytest.raises(InvalidInputError) as info:
        validate_invitations(df)
    text = "\n".join(info.value.problems)
    assert "'years_experience': expected a number from 0 to 70 (empty when unknown), row 2" in text
    assert "'mutual_connections': expected a whole number from 0 to 30000, row 4" in text


def test_duplicated_columns_nested_lists_and_surrogates_are_named():
    df = synth.invitations(3, seed=5)
    with pytest.raises(InvalidInputError, match=r"\['title'\] appear more than once"):
        validate_invitations(pd.concat([df, df[["title"]]], axis=1))
    nested = df.copy()
    nested["mutual_titles"] = [[["CEO"]], [], ["CMO"]]
    with pytest.raises(InvalidInputError, match=r"'mutual_titles': expected a list of text.*row 1"):
        validate_invitations(nested)
    broken = df.copy()
    broken.loc[2, "message"] = "hi \udc80"
    with pytest.raises(InvalidInputError, match=r"lone surrogate.*row 3"):
        validate_invitations(broken)


def test_nullable_dtypes_are_returned_as_numpy_ones():
    df = synth.invitations(3, seed=5)
    df["years_experience"] = pd.array([1.0, None, 3.0], dtype="Float64")
    out = validate_invitations(df)
    assert out["years_experience"].dtype == float and out["years_experience"].isna().sum() == 1
    assert df["years_experience"].dtype == "Float64"  # the input is left alone
