"""The title classifier against public occupation lists: ROME (French) and O*NET (English).

These lists are read from the team's shared folder, not shipped with the package; the tests
skip with the reason when it is absent. Run with ``pytest -s`` to see the per-family tables.
"""

from __future__ import annotations

import pandas as pd
import pytest

from invite_triage.analysis.titles_eval import (
    evaluate_on_reference,
    find_datasets_dir,
    onet_code_families,
    reference_predictions,
    rome_code_families,
)
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.paths import SHARED_ENV

KEY_FAMILIES = ("marketing", "hr", "leadership", "sales")

DATASETS_DIR = find_datasets_dir()
needs_datasets = pytest.mark.skipif(
    DATASETS_DIR is None,
    reason=f"shared/datasets (ROME, O*NET) not found next to the repository nor in ${SHARED_ENV}",
)

#: Minimum precision of the families the triage treats as relevant, on each list: a title from
#: an unrelated occupation (a dispatcher, a nurse, a baker) must not come out as one of them.
MIN_PRECISION = {dataset: dict.fromkeys(KEY_FAMILIES, 0.95) for dataset in ("rome", "onet")}


@pytest.fixture(scope="module", params=["rome", "onet"])
def evaluated(request) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    if DATASETS_DIR is None:
        pytest.skip(f"shared/datasets not found next to the repository nor in ${SHARED_ENV}")
    dataset = request.param
    return dataset, evaluate_on_reference(dataset), reference_predictions(dataset)


@needs_datasets
def test_rome_code_table_matches_codes_csv():
    codes = pd.read_csv(DATASETS_DIR / "rome" / "codes.csv", dtype="str")
    table = rome_code_families()
    assert table.index.isin(codes["code_rome"]).all()
    labels = codes.set_index("code_rome")["libelle_rome"]
    # The suggested prefixes of datasets/README.md are all present and checked code by code.
    for prefix in ("M15", "M17", "E11", "E14", "D14", "M13", "M18", "M12", "C12", "C13"):
        in_prefix = labels.index[labels.index.str.startswith(prefix)]
        assert in_prefix.isin(table.index).all(), prefix


@needs_datasets
def test_onet_prefixes_all_match_codes():
    occupations = pd.read_csv(DATASETS_DIR / "onet" / "occupations.tsv", sep="\t", dtype="str")
    codes = occupations["O*NET-SOC Code"]
    for prefix in onet_code_families().index:
        assert codes.str.startswith(prefix).any(), prefix


def test_precision_recall_per_family(evaluated):
    dataset, table, _ = evaluated
    print(
        f"\n{dataset}: {table.attrs['titles']:,} titles, family accuracy "
        f"{table.attrs['accuracy']:.1%}\n{table.round(3)}"
    )
    assert list(table.columns) == ["precision", "recall", "support", "predicted"]
    assert table.attrs["titles"] > 5_000
    for family, minimum in MIN_PRECISION[dataset].items():
        assert table.at[family, "predicted"] > 0, family
        assert table.at[family, "precision"] >= minimum, (family, table.at[family, "precision"])


def test_false_positives_in_key_families_are_listed(evaluated):
    dataset, _, frame = evaluated
    wrong = frame[(frame["predicted"] != frame["family"]) & frame["predicted"].isin(KEY_FAMILIES)]
    print(f"\n{dataset}: {len(wrong)} titles wrongly put in {', '.join(KEY_FAMILIES)}")
    for row in wrong.head(40).itertuples():
        print(f"  {row.predicted:<10} {row.code}  {row.listed_family:<10} {row.title}")
    assert len(wrong) < 0.01 * len(frame)


# Occupations the brief names as must-not-leak: bakers, nurses, mechanical engineers...
UNRELATED = {
    "rome": ["D1102", "J1506", "H1203", "G1602", "K2111", "A1416", "F1603", "N4101"],
    "onet": ["51-3011", "29-1141", "17-2141", "35-2014", "25-2021", "45-2092", "47-2152"],
}


def test_unrelated_occupations_do_not_leak(evaluated):
    dataset, _, frame = evaluated
    codes = frame["code"].str[: 7 if dataset == "onet" else 5]
    unrelated = frame[codes.isin(UNRELATED[dataset])]
    assert len(unrelated) > 50
    leaked = unrelated[unrelated["predicted"].isin(KEY_FAMILIES)]
    assert leaked.empty, leaked[["title", "predicted"]].to_string()


#: O*NET occupations where "communications", "content", "brand" or "donor" has a sense other than
#: marketing: dispatchers, switchboards, police and military radio, telecom repairers, curators,
#: survey interviewers, file clerks, blood-donor recruiters.
OTHER_SENSE_CODES = (
    "43-5031",
    "43-2011",
    "33-1012",
    "55-",
    "49-2021",
    "49-2022",
    "25-4012",
    "43-4111",
    "43-4071",
    "41-9099",
    "41-1012",
)
#: The one title of those occupations that stays marketing on purpose: with no context word, a
#: LinkedIn "Communications Officer" is a communication job (NGOs, public bodies, companies).
AMBIGUOUS_ON_PURPOSE = {"Communications Officer"}


@needs_datasets
def test_other_senses_of_marketing_words_do_not_leak():
    frame = reference_predictions("onet")
    in_scope = frame[frame["code"].str.startswith(OTHER_SENSE_CODES)]
    assert len(in_scope) > 500
    leaked = in_scope[
        (in_scope["predicted"] == "marketing") & ~in_scope["title"].isin(AMBIGUOUS_ON_PURPOSE)
    ]
    assert leaked.empty, leaked[["title", "code"]].to_string()
    assert set(in_scope.loc[in_scope["predicted"] == "marketing", "title"]) == AMBIGUOUS_ON_PURPOSE


@needs_datasets
def test_rome_tricky_titles():
    frame = reference_predictions("rome").set_index("title")
    assert frame.at["Chef / Cheffe de cuisine", "predicted"] == "other"
    bakery = frame[frame.index.str.contains("boulangerie", case=False)]
    assert not bakery["predicted"].isin(KEY_FAMILIES).any()
    hospital = frame[frame.index.str.contains("Directeur / Directrice de centre hospitalier")]
    assert (hospital["predicted"] == "other").all()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInputError, match="not found") as excinfo:
        evaluate_on_reference("rome", path=tmp_path / "nowhere")
    assert "nowhere" in str(excinfo.value)
    (tmp_path / "rome").mkdir()
    with pytest.raises(InvalidInputError, match=r"appellations\.csv"):
        evaluate_on_reference("rome", path=tmp_path)
    with pytest.raises(InvalidInputError, match="expected one of"):
        evaluate_on_reference("isco", path=tmp_path)


def test_env_var_is_the_fallback(tmp_path, monkeypatch):
    (tmp_path / "datasets" / "onet").mkdir(parents=True)
    monkeypatch.setenv(SHARED_ENV, str(tmp_path))
    found = find_datasets_dir()
    assert found is not None
    if DATASETS_DIR is None:  # the repository's neighbour wins when it exists
        assert found == tmp_path / "datasets"
