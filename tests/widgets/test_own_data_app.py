"""The own-data app (chapter 08): the triage form, driven like a learner would, without a browser.

Every app here writes into pytest's ``tmp_path``, never into the repository's data/private:
the form takes a ``private_dir``. Tests set the fields, click Save, and assert the decision,
the score, the chart and the files on disk changed as they should.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from invite_triage.analysis.network import network_composition
from invite_triage.core.errors import InvalidInputError
from invite_triage.exercises.ch08 import form_decision
from invite_triage.linkedin.annotations import annotation_files, load_annotations
from invite_triage.models.own_data import MAX_MUTUALS, export_overview, split_titles
from invite_triage.render.app_charts import plot_family_seniority
from invite_triage.widgets.own_data_app import triage_form
from invite_triage.world.datasets import load_sample_export, private_dir, repo_root

RELEVANT_TITLES = "\n".join([
    "Community Manager", "Responsable marketing digital", "Chargée de recrutement",
    "Head of Content", "CEO",
])


@pytest.fixture(scope="module")
def export():
    return load_sample_export()


@pytest.fixture
def app(export, tmp_path):
    return triage_form(export, private_dir=tmp_path)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


def _private_snapshot() -> dict[str, float]:
    folder = private_dir()
    return {p.name: p.stat().st_mtime for p in folder.iterdir()}


# --- the form drives the decision ------------------------------------------------------------


def test_form_starts_on_the_newest_pending_invitation_with_nothing_loaded(app, export):
    model = app.model
    assert model.loaded == 0 and model.matched == 0
    assert len(app.dropdown.options) == len(export.pending) > 0
    newest = export.pending["sent_at"].max()
    assert model.row(app.dropdown.value)["sent_at"] == newest
    assert "<b>0</b> saved annotations loaded" in app.status.value
    assert app.errors.value == ""
    assert app.decided is not None and app.decided.decision in {"accept", "ask", "decline"}
    assert app.chart is not None and app.chart.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_relevant_mutual_titles_and_a_shared_group_raise_the_score(app):
    app.title.value = "Business Developer"
    before = app.decided
    png_before = app.chart.value
    bar_before = app.bars.score_bar.get_height()
    app.mutuals.value = "5"
    app.mutual_titles.value = RELEVANT_TITLES
    after_mutuals = app.decided
    assert after_mutuals.row["mutuals"] > before.row["mutuals"]
    assert after_mutuals.score > before.score
    first_group = next(iter(app.group_boxes.values()))
    first_group.value = True
    after_group = app.decided
    assert after_group.row["groups"] > 0 and after_group.score > after_mutuals.score
    assert app.bars.score_bar.get_height() == pytest.approx(after_group.score)
    assert app.bars.score_bar.get_height() > bar_before
    assert app.chart.value != png_before
    assert "several mutual connections" in app.summary.value or \
        "you share a group" in app.summary.value
    assert app.errors.value == ""


def test_the_decision_flips_and_the_draft_appears_only_for_ask(app):
    app.title.value = "Business Developer"
    app.mutuals.value = "0"
    app.mutual_titles.value = ""
    assert app.decided.decision == "decline"
    assert "No &quot;ask first&quot; message" in app.draft.value or \
        'No "ask first" message' in app.draft.value
    app.mutuals.value = "6"
    app.mutual_titles.value = "Community Manager, Head of Sales"
    next(iter(app.group_boxes.values())).value = True
    assert app.decided.decision == "ask"
    assert app.decided.draft and "<blockquote" in app.draft.value
    first_name = str(app.model.row(app.dropdown.value)["name"]).split()[0]
    assert first_name in app.decided.draft
    app.title.value = "Responsable marketing digital"
    assert app.decided.decision == "accept" and app.decided.draft == ""
    assert "<blockquote" not in app.draft.value


def test_language_switch_gives_french_reasons_and_draft(app):
    app.title.value = "Business Developer"
    app.mutuals.value = "6"
    app.mutual_titles.value = "Community Manager, Head of Sales"
    next(iter(app.group_boxes.values())).value = True
    assert app.decided.decision == "ask"
    app.language.value = "fr"
    assert app.decided.reasons.startswith("Demander d'abord")
    assert app.decided.draft.startswith("Bonjour")


def test_ticking_known_offline_in_the_app_raises_the_known_criterion(app):
    before = app.decided
    app.known.value = True
    assert app.decided.row["known"] == 1.0
    assert app.decided.score >= before.score


# --- saving ----------------------------------------------------------------------------------


def test_save_writes_under_the_private_dir_and_never_overwrites(app, tmp_path):
    app.title.value = "Community Manager"
    app.mutuals.value = "3"
    app.mutual_titles.value = "CM\nDRH"
    app.save_button.click()
    assert app.errors.value == ""
    files = annotation_files(tmp_path)
    assert len(files) == 1 and files[0].parent == tmp_path
    first_bytes = files[0].read_bytes()
    assert "Saved" in app.save_status.value and str(files[0]) in app.save_status.value
    assert "✓ saved" in app.dropdown.label

    app.mutuals.value = "7"
    app.save_button.click()
    assert app.errors.value == ""
    after = annotation_files(tmp_path)
    assert after == files
    assert after[0].read_bytes().startswith(first_bytes)
    history = load_annotations(tmp_path, latest=False)
    assert history["mutual_connections"].tolist() == [3, 7]
    assert history["mutual_titles"].iloc[0] == ["CM", "DRH"]
    assert len(load_annotations(tmp_path)) == 1  # the latest one per inviter


def test_saved_annotations_are_reloaded_when_the_app_starts_again(export, tmp_path):
    first = triage_form(export, private_dir=tmp_path)
    position = first.dropdown.options[3][1]
    first.dropdown.value = position
    name = first.model.row(position)["name"]
    group = first.model.groups[1]
    first.title.value = "Chargée de recrutement"
    first.mutuals.value = "4"
    first.mutual_titles.value = "Community Manager\nHead of Marketing, Acme"
    first.group_boxes[group].value = True
    first.known.value = True
    first.your_decision.value = "ask"
    first.save_button.click()
    score = first.decided.score

    again = triage_form(export, private_dir=tmp_path)
    assert again.model.loaded == 1 and again.model.matched == 1
    assert "<b>1</b> saved annotation loaded" in again.status.value
    label = next(label for label, value in again.dropdown.options if value == position)
    assert label.endswith("✓ saved")
    again.dropdown.value = position
    assert again.model.row(position)["name"] == name
    assert again.title.value == "Chargée de recrutement"
    assert again.mutuals.value == "4"
    assert split_titles(again.mutual_titles.value) == ["Community Manager",
                                                        "Head of Marketing, Acme"]
    assert again.group_boxes[group].value and again.known.value
    assert again.your_decision.value == "ask"
    assert again.decided.score == pytest.approx(score)


def test_unsaved_edits_survive_switching_invitations(app):
    first, second = (value for _, value in app.dropdown.options[:2])
    app.title.value = "Head of Content"
    app.mutuals.value = "abc"  # even a wrong value is kept
    assert "unsaved changes" in app.card.value
    app.dropdown.value = second
    assert app.title.value == "" and app.mutuals.value == ""
    assert app.errors.value == "" and app.decided is not None
    app.dropdown.value = first
    assert app.title.value == "Head of Content" and app.mutuals.value == "abc"
    # The kept entry is still wrong: no decision from the other invitation is left on show.
    assert "Mutual connections" in app.errors.value
    assert app.decided is None and "No decision yet" in app.summary.value
    assert app.bars.score_bar.get_height() == 0 and app.draft.value == ""
    app.mutuals.value = "1"
    assert app.errors.value == "" and app.decided is not None


def test_nothing_is_written_to_the_repository_private_folder(export, tmp_path):
    before = _private_snapshot()
    app = triage_form(export, private_dir=tmp_path)
    app.mutuals.value = "2"
    app.save_button.click()
    assert _files(tmp_path)
    assert _private_snapshot() == before
    assert repo_root() is None or tmp_path.resolve() != (repo_root() / "data" / "private")


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "named", "expected"),
    [
        ("mutuals", "-3", "Mutual connections", "whole number &gt;= 0"),
        ("mutuals", "twelve", "Mutual connections", "not a whole number"),
        ("mutuals", "2.5", "Mutual connections", "not a whole number"),
        ("mutuals", str(MAX_MUTUALS + 1), "Mutual connections", "at most 30,000"),
        ("title", "<script>alert('x')</script>", "Title", "expected a job title"),
        ("mutual_titles", "CM\n<img src=x onerror=alert(1)>", "Their titles",
         "title 2"),
    ],
)
def test_bad_input_is_named_in_the_app_and_nothing_is_lost(app, tmp_path, field, value, named,
                                                           expected):
    app.title.value = "Community Manager"
    good = app.decided
    getattr(app, field).value = value
    message = app.errors.value
    assert f"&#x27;{named}&#x27;" in message and expected in message
    assert "<script>" not in message and "<img" not in message  # shown escaped
    assert getattr(app, field).value == value  # what was typed stays in the field
    assert app.decided is good  # the last valid decision is still the one shown
    assert "last valid entry" in app.summary.value
    app.save_button.click()
    assert "Not saved" in app.save_status.value and named in app.errors.value
    assert annotation_files(tmp_path) == []
    getattr(app, field).value = {"mutuals": "2", "title": "CM", "mutual_titles": "CM"}[field]
    assert app.errors.value == ""
    assert "last valid entry" not in app.summary.value


def test_markup_in_the_export_is_escaped(tmp_path, export):
    app = triage_form(export, private_dir=tmp_path)
    model = app.model
    model.pending.loc[0, "name"] = "<b>Eve</b> & co"
    model.pending.loc[0, "message"] = "<script>alert(1)</script>"
    app.show(0)
    assert "<script>" not in app.card.value and "&lt;script&gt;" in app.card.value
    assert "<b>Eve</b>" not in app.card.value and "&lt;b&gt;Eve" in app.card.value


def test_an_export_without_pending_invitations_shows_a_clear_note(tmp_path, export):
    empty = dataclasses.replace(export, invitations=export.invitations.iloc[0:0])
    app = triage_form(empty, private_dir=tmp_path)
    assert len(app.model) == 0 and app.chart is None
    assert "No pending invitation" in app.status.value
    app.save_button.click()
    assert "nothing to save" in app.errors.value


# --- the notebook's helpers and exercises -----------------------------------------------------


def test_export_overview_and_family_seniority_chart(export):
    overview = export_overview(export)
    assert overview["file"].tolist() == ["connections", "invitations", "messages", "profile",
                                         "groups"]
    assert overview.loc[0, "rows"] == f"{len(export.connections):,}"
    composition = network_composition(export.connections, export.to_profile())
    figure = plot_family_seniority(composition)
    image = figure.axes[0].images[0].get_array()
    assert int(np.asarray(image).sum()) == len(export.connections)
    top = composition.iloc[0]
    assert f"{top['family']} · {top['seniority']}" in figure.axes[0].get_title(loc="left")
    with pytest.raises(InvalidInputError, match="network_composition"):
        plot_family_seniority(pd.DataFrame({"x": [1]}))


def test_exercise_three_matches_what_the_form_shows(export, tmp_path):
    app = triage_form(export, private_dir=tmp_path)
    app.title.value = "Business Developer"
    app.mutuals.value = "6"
    app.mutual_titles.value = "Community Manager, Head of Sales"
    next(iter(app.group_boxes.values())).value = True
    decided = form_decision(export)
    assert app.decided.decision == decided.decision
    assert app.decided.score == pytest.approx(decided.score)


# --- the French edition: the readers' errors in French, in the error area --------------------

_CUT_ROW = '2026-11-25T15:00:00,Bob Roy,,,,,0,,,false,,"cut'


def _damaged_annotations(folder: Path, day: str) -> Path:
    from invite_triage.linkedin.annotations import ANNOTATION_COLUMNS

    path = folder / f"annotations-{day}.csv"
    path.write_text(",".join(ANNOTATION_COLUMNS) + "\n" + _CUT_ROW, encoding="utf-8")
    return path


@pytest.fixture
def french_edition(monkeypatch):
    """What the French notebooks do first: ``set_language("fr")`` (restored afterwards)."""
    from invite_triage.core import i18n

    monkeypatch.setattr(i18n, "_default_language", "fr")


def test_french_edition_shows_a_damaged_annotations_file_in_french(export, tmp_path,
                                                                  french_edition):
    import html
    from datetime import date

    from invite_triage.core.i18n import message

    app = triage_form(export, private_dir=tmp_path)
    assert app.lang == "fr" and app.errors.value == ""
    damaged = _damaged_annotations(tmp_path, f"{date.today():%Y-%m-%d}")
    app.save_button.click()
    shown = html.unescape(app.errors.value)
    assert str(damaged) in shown and "ligne 2\u202f: " in shown  # the file and the line
    assert message("linkedin.error.damaged.not_written", "fr") in shown
    assert message("linkedin.error.damaged.repair", "fr") in shown
    assert message("linkedin.error.damaged.not_written", "en") not in shown
    assert " instead" not in shown and "; expected" not in shown
    assert message("app.own_data.not_saved_fix", "fr") in html.unescape(app.save_status.value)


def test_french_edition_refuses_a_damaged_annotations_file_at_start_in_french(
        export, tmp_path, french_edition):
    damaged = _damaged_annotations(tmp_path, "2026-11-25")
    with pytest.raises(InvalidInputError) as info:
        triage_form(export, private_dir=tmp_path)
    assert info.value.source == str(damaged)
    assert info.value.summary == "le fichier d'annotations est endommagé"
    assert info.value.problems[0].startswith("ligne 2\u202f: ")


def test_an_app_built_in_french_shows_the_readers_errors_in_french(export, tmp_path):
    """``lang="fr"`` given to the app, the process language left in English."""
    import html
    from datetime import date

    from invite_triage.core.i18n import get_language, message

    app = triage_form(export, private_dir=tmp_path, lang="fr")
    assert get_language() == "en" and app.lang == "fr"
    _damaged_annotations(tmp_path, f"{date.today():%Y-%m-%d}")
    app.save_button.click()
    assert message("linkedin.error.damaged.not_written", "fr") in html.unescape(app.errors.value)
