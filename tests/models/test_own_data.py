"""The own-data model (chapter 08) without a form: checking what was typed, deciding with it,
saving it (append-only), and reading your export."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invite_triage.core.errors import InvalidInputError
from invite_triage.linkedin.export import pending_invitations
from invite_triage.models.own_data import (
    FormEntry,
    OwnDataModel,
    check_entry,
    decide_entry,
    open_export,
    split_titles,
)
from invite_triage.world.datasets import load_sample_export


@pytest.fixture(scope="module")
def export():
    return load_sample_export()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    position=st.integers(0, 250),
    title=st.sampled_from(["", "Community Manager", "Business Developer", "DRH", "CEO",
                           "Étudiante en communication", "Comptable"]),
    mutuals=st.integers(0, 40),
    titles=st.lists(st.sampled_from(["CM", "Head of Sales", "Comptable", "DRH", "Développeur"]),
                    max_size=6),
    groups=st.integers(0, 5),
)
def test_knowing_them_offline_never_lowers_the_score(position, title, mutuals, titles, groups):
    model = _shared_model()
    position = position % len(model)
    entry = FormEntry(title=title, mutual_connections=str(mutuals),
                      mutual_titles="\n".join(titles), shared_groups=model.groups[:groups])
    unknown = model.decide(position, entry)
    known = model.decide(position, dataclasses.replace(entry, known_offline=True))
    assert known.row["known"] == 1.0
    assert known.score >= unknown.score
    order = {"decline": 0, "ask": 1, "accept": 2}
    assert order[known.decision] >= order[unknown.decision]


_MODEL: list[OwnDataModel] = []


def _shared_model() -> OwnDataModel:
    """One model for the property test (reads only; its folder is a fresh empty one)."""
    if not _MODEL:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="it-own-data-"))
        _MODEL.append(OwnDataModel(load_sample_export(), private_dir=folder))
    return _MODEL[0]


def test_check_entry_lists_every_problem_and_accepts_thousands():
    with pytest.raises(InvalidInputError) as caught:
        check_entry(FormEntry(title="<b>x</b>", mutual_connections="-1",
                              shared_groups=("Not mine",), your_decision="maybe"), ["Mine"])
    problems = "\n".join(caught.value.problems)
    for label in ("'Title'", "'Mutual connections'", "'Shared groups'", "'Your decision'"):
        assert label in problems
    assert check_entry(FormEntry(mutual_connections="1 234"), []).mutual_connections == 1234
    assert check_entry(FormEntry(mutual_connections=""), []).mutual_connections == 0
    assert check_entry(FormEntry(shared_groups=("mine ",)), ["Mine"]).shared_groups == ("Mine",)


def test_split_titles_lines_keep_commas_single_line_splits_on_commas():
    assert split_titles("Head of Marketing, Acme\nCEO\n\n") == ["Head of Marketing, Acme", "CEO"]
    assert split_titles("CM, DRH; CEO") == ["CM", "DRH", "CEO"]
    assert split_titles("   ") == []


def test_model_save_refuses_bad_entries_and_writes_nothing(export, tmp_path):
    model = OwnDataModel(export, private_dir=tmp_path)
    with pytest.raises(InvalidInputError, match="Mutual connections"):
        model.save(0, FormEntry(mutual_connections="-2"))
    assert _files(tmp_path) == []
    path = model.save(0, FormEntry(title="CM"), now=datetime(2026, 11, 25, 10, 0))
    assert path == tmp_path / "annotations-2026-11-25.csv"


def test_open_export_defaults_to_the_sample_and_names_a_missing_file(tmp_path):
    assert len(open_export().connections) == len(load_sample_export().connections)
    with pytest.raises(InvalidInputError) as caught:
        open_export(tmp_path / "nope.zip")
    assert "nope.zip" in str(caught.value) and "files in" in str(caught.value)


# --- the module's functions, called directly ---------------------------------------------------


def test_open_export_reads_the_sample(export):
    opened = open_export(None)
    assert len(opened.connections) == len(export.connections) > 0
    assert len(pending_invitations(opened)) == len(pending_invitations(export)) > 0


@pytest.mark.parametrize("title", ["<b>Boss</b>", "x" * 301])
def test_check_entry_names_a_bad_title(title):
    with pytest.raises(InvalidInputError) as caught:
        check_entry(FormEntry(title=title, mutual_connections="3"), [])
    problems = "\n".join(caught.value.problems)
    assert "'Title'" in problems
    assert "'Mutual connections'" not in problems  # only what is wrong is named


def test_decide_entry_triages_one_invitation_with_what_was_typed(export):
    profile = export.to_profile()
    invitation = pending_invitations(export).iloc[[0]]
    plain = decide_entry(invitation, FormEntry(title="Business Developer",
                                               mutual_connections="0"), profile)
    assert plain.decision in {"accept", "ask", "decline"}
    assert plain.contributions["contribution"].sum() == pytest.approx(plain.score)
    assert plain.annotation.mutual_connections == 0
    assert (plain.draft != "") == (plain.decision == "ask")
    known = decide_entry(invitation, FormEntry(title="Business Developer", mutual_connections="0",
                                               known_offline=True), profile)
    assert known.row["known"] == 1.0 and known.score >= plain.score
    with pytest.raises(InvalidInputError, match="Mutual connections"):
        decide_entry(invitation, FormEntry(mutual_connections="-1"), profile)


# --- the form's one-triage shortcut must change nothing ---------------------------------------
def _fields_one_by_one(invitation, entry, profile, weights=None, thresholds=None):
    """What the form listed before the shortcut: each tried answer triaged on its own."""
    from invite_triage.models.own_data import _TRIED_FIELDS

    listed = []
    for name, answers in _TRIED_FIELDS.items():
        if str(getattr(entry, name) or "").strip():
            continue
        decisions = {decide_entry(invitation, dataclasses.replace(entry, **answer), profile,
                                  weights, thresholds).decision for answer in answers}
        if len(decisions) > 1:
            listed.append(name)
    return tuple(listed)


_ENTRIES = (
    FormEntry(),
    FormEntry(title="Comptable"),
    FormEntry(mutual_connections="0"),
    FormEntry(title="🚀", mutual_connections=""),
    FormEntry(title="DRH", mutual_connections="12", mutual_titles="DRH\nDRH\n✨"),
    FormEntry(known_offline=True),
    FormEntry(mutual_connections="", mutual_titles="Head of Sales; CM"),
)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_decision_and_fields_to_fill_from_one_triage_equal_the_separate_ones(lang):
    from invite_triage.models.own_data import fields_that_matter

    model = _shared_model()
    for position in range(0, min(len(model), 60), 12):
        invitation = model.pending.iloc[[position]]
        for entry in _ENTRIES:
            entry = dataclasses.replace(entry, shared_groups=model.groups[: position % 3])
            decided, to_fill = model.decide_and_fields(position, entry, lang)
            alone = model.decide(position, entry, lang)
            assert decided.row.name == alone.row.name == invitation.index[0]
            assert decided.row.equals(alone.row)
            assert decided.contributions.equals(alone.contributions)
            assert (decided.draft, decided.reasons) == (alone.draft, alone.reasons)
            expected = _fields_one_by_one(invitation, entry, model.profile, model.weights,
                                          model.thresholds)
            assert to_fill == expected
            assert fields_that_matter(invitation, entry, model.profile, model.weights,
                                      model.thresholds) == expected
            assert model.fields_to_fill(position, entry) == expected


def test_fields_to_fill_with_a_duplicated_index_and_every_field_filled():
    from invite_triage.models.own_data import fields_that_matter

    model = _shared_model()
    invitation = model.pending.iloc[[3]].set_axis([7])
    full = FormEntry(title="Comptable", mutual_connections="0")
    assert fields_that_matter(invitation, full, model.profile) == ()
    twice = pd.concat([invitation, invitation])
    with pytest.raises(InvalidInputError):
        fields_that_matter(twice, FormEntry(), model.profile)
    assert fields_that_matter(twice, full, model.profile) == ()  # nothing to try: no error
