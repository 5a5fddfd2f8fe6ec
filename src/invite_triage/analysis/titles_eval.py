"""How well the title classifier does on public occupation lists (ROME in French, O*NET in English).

The lists label occupations, not families, so each occupation code gets a family from a fixed,
documented table in ``vocab/`` (``rome_code_families.csv``: one row per code, unlisted codes
are ``other``; ``onet_code_families.csv``: SOC code prefixes, the longest prefix wins). A few
occupations straddle two families (O*NET files copywriters under "Writers and Authors", sales
assistants under "Brokerage Clerks"): their row names a second, ``also_accept`` family, and a
title listed under several codes may take the family of any of them. The
point is less the recall (occupation lists are full of titles nobody writes on LinkedIn) than
the precision: a baker, a nurse or a mechanical engineer must not come out as marketing, HR,
leadership or sales, because the triage would then treat them as relevant.

The data sets are not shipped with the package. They are read from ``path``, else from the
``shared/datasets`` folder next to the repository, else from ``$INVITE_TRIAGE_SHARED``.
"""

from __future__ import annotations

import csv
import os
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.paths import SHARED_ENV, shared_datasets_candidates
from invite_triage.domain.profile import FAMILIES
from invite_triage.domain.titles import classify_titles

DATASETS: tuple[str, ...] = ("rome", "onet")
_REQUIRED_FILES = {
    "rome": ("rome/appellations.csv", "rome/codes.csv"),
    "onet": ("onet/reported_titles.tsv", "onet/alternate_titles.tsv"),
}


def _candidate_dirs(path: str | os.PathLike[str] | None) -> list[Path]:
    if path is not None:
        return [Path(path)]
    return shared_datasets_candidates()


def find_datasets_dir(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder holding ``rome/`` and ``onet/``, or None when none of the candidates has them."""
    for folder in _candidate_dirs(path):
        if (folder / "rome").is_dir() or (folder / "onet").is_dir():
            return folder
    return None


def _datasets_dir(dataset: str, path: str | os.PathLike[str] | None) -> Path:
    if dataset not in DATASETS:
        raise InvalidInputError(
            "unknown reference data set",
            [f"dataset: got {dataset!r}; expected one of {list(DATASETS)}"],
        )
    folder = find_datasets_dir(path)
    tried = ", ".join(str(p) for p in _candidate_dirs(path))
    if folder is None:
        raise InvalidInputError(
            "reference data sets not found",
            [f"looked in {tried}; pass path= or set ${SHARED_ENV} to the shared folder"],
        )
    missing = [name for name in _REQUIRED_FILES[dataset] if not (folder / name).is_file()]
    if missing:
        raise InvalidInputError(
            f"{dataset} files missing", [f"expected {name}" for name in missing], str(folder)
        )
    return folder


def _vocab_table(name: str) -> list[dict[str, str]]:
    vocab = resources.files("invite_triage.domain").joinpath("vocab", name)
    with vocab.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _code_table(name: str, key: str) -> pd.DataFrame:
    rows = _vocab_table(name)
    table = pd.DataFrame(rows, dtype="str").set_index(key)[["family", "also_accept"]]
    bad = sorted(
        set(table["family"]).union(*(set(a.split()) for a in table["also_accept"])) - set(FAMILIES)
    )
    if bad:
        raise InvalidInputError(f"vocab/{name}: unknown families {bad}", source=name)
    return table


def rome_code_families() -> pd.DataFrame:
    """ROME code -> family and also_accept, from ``vocab/rome_code_families.csv``.

    Codes not listed are ``other``.
    """
    return _code_table("rome_code_families.csv", "code_rome")


def onet_code_families() -> pd.DataFrame:
    """O*NET-SOC code prefix -> family and also_accept (``vocab/onet_code_families.csv``)."""
    return _code_table("onet_code_families.csv", "soc_prefix")


def _families_of_soc(codes: pd.Series) -> pd.DataFrame:
    """Longest matching prefix wins; codes matching no prefix are other."""
    table = onet_code_families()
    family = pd.Series("other", index=codes.index, dtype="str")
    also = pd.Series("", index=codes.index, dtype="str")
    for prefix in sorted(table.index, key=len):  # longer prefixes overwrite shorter ones
        match = codes.str.startswith(prefix)
        family = family.mask(match, table.at[prefix, "family"])
        also = also.mask(match, table.at[prefix, "also_accept"])
    return pd.DataFrame({"family": family, "also_accept": also})


def _read_rome(folder: Path) -> pd.DataFrame:
    source = folder / "rome" / "appellations.csv"
    frame = pd.read_csv(source, dtype="str", usecols=["libelle_appellation_long", "code_rome"])
    known = set(pd.read_csv(folder / "rome" / "codes.csv", dtype="str")["code_rome"])
    table = rome_code_families()
    unknown = sorted(set(table.index) - known)
    if unknown:
        raise InvalidInputError(
            "vocab/rome_code_families.csv names codes absent from codes.csv",
            [f"code {c}" for c in unknown],
            str(folder / "rome" / "codes.csv"),
        )
    frame = frame.rename(columns={"libelle_appellation_long": "title", "code_rome": "code"})
    frame["family"] = frame["code"].map(table["family"]).fillna("other").astype("str")
    frame["also_accept"] = frame["code"].map(table["also_accept"]).fillna("").astype("str")
    return frame


def _read_onet(folder: Path) -> pd.DataFrame:
    frames = []
    for name, column in (
        ("reported_titles.tsv", "Reported Job Title"),
        ("alternate_titles.tsv", "Alternate Title"),
    ):
        frame = pd.read_csv(
            folder / "onet" / name, sep="\t", dtype="str", usecols=["O*NET-SOC Code", column]
        )
        frames.append(frame.rename(columns={"O*NET-SOC Code": "code", column: "title"}))
    frame = pd.concat(frames, ignore_index=True).dropna()
    return pd.concat([frame, _families_of_soc(frame["code"])], axis=1)


def reference_predictions(dataset: str, path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Every distinct title of a reference list: code, true family, predicted family.

    ``listed_family`` is the family of the title's first code; ``family`` is the predicted
    family when it is acceptable for one of the title's codes, else ``listed_family``.
    """
    folder = _datasets_dir(dataset, path)
    frame = _read_rome(folder) if dataset == "rome" else _read_onet(folder)
    predicted = classify_titles(frame["title"])
    frame["predicted"] = predicted["family"]
    frame["predicted_seniority"] = predicted["seniority"]
    columns = ["title", "code", "family", "listed_family", "predicted", "predicted_seniority"]
    return _one_row_per_title(frame)[columns]


def _one_row_per_title(frame: pd.DataFrame) -> pd.DataFrame:
    """A title listed under several codes is one case; any acceptable family counts as right.

    O*NET files "Payroll Analyst" both under accountants (finance) and payroll clerks (hr):
    either answer is defensible, and counting the title twice would make one of them wrong.
    """
    accepted = frame["family"] + " " + frame["also_accept"]
    hit = np.array(
        [p in a.split() for p, a in zip(frame["predicted"], accepted, strict=True)], dtype=bool
    )
    frame = frame.assign(listed_family=frame["family"], _hit=hit)
    frame["family"] = frame["family"].mask(hit, frame["predicted"])
    frame = frame.sort_values("_hit", ascending=False, kind="stable")
    return frame.drop_duplicates("title").sort_index().drop(columns="_hit").reset_index(drop=True)


def precision_recall(true: pd.Series, predicted: pd.Series) -> pd.DataFrame:
    """Per family: precision, recall, support (true count) and predicted count."""
    true_arr, pred_arr = np.asarray(true, dtype=object), np.asarray(predicted, dtype=object)
    rows = {}
    for family in FAMILIES:
        is_true, is_pred = true_arr == family, pred_arr == family
        hits = int(np.sum(is_true & is_pred))
        support, n_pred = int(is_true.sum()), int(is_pred.sum())
        rows[family] = {
            "precision": hits / n_pred if n_pred else float("nan"),
            "recall": hits / support if support else float("nan"),
            "support": support,
            "predicted": n_pred,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "family"
    return table


def evaluate_on_reference(dataset: str, path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Per-family precision, recall, support and predicted count on ``"rome"`` or ``"onet"``.

    ``table.attrs["accuracy"]`` holds the overall family accuracy and ``attrs["titles"]`` the
    number of titles scored.
    """
    frame = reference_predictions(dataset, path)
    table = precision_recall(frame["family"], frame["predicted"])
    table.attrs["accuracy"] = float((frame["family"] == frame["predicted"]).mean())
    table.attrs["titles"] = len(frame)
    table.attrs["dataset"] = dataset
    return table


__all__ = [
    "DATASETS",
    "evaluate_on_reference",
    "find_datasets_dir",
    "onet_code_families",
    "precision_recall",
    "reference_predictions",
    "rome_code_families",
]
