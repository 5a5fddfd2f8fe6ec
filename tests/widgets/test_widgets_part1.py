"""The apps of chapters 00–04, driven as a learner would: tick, slide, type, click.

Every test changes a control and checks that the chart (PNG bytes and artist data), the
summary or the table changed as it should, with expected values computed here independently
of the apps; bad input must show a clear message and never raise out of a callback.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT
from invite_triage.domain.titles import classify_titles
from invite_triage.domain.triage import triage
from invite_triage.widgets._style import HIGHLIGHT, NEUTRAL
from invite_triage.widgets.career_app import MENTORING_GRID, career_app
from invite_triage.widgets.groups_app import groups_app
from invite_triage.widgets.mutuals_app import SCHEMATIC_LABEL, mutuals_app, weak_ties_app
from invite_triage.widgets.title_app import families_app, goals_app, title_app
from invite_triage.world.datasets import example_profile, load_invitations


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return load_invitations()


@pytest.fixture(scope="module")
def profile():
    return example_profile()


def _png(app) -> bytes:
    return bytes(app.chart.value)


def _same_colour(a, b) -> bool:
    from matplotlib.colors import to_rgba

    return np.allclose(to_rgba(a), to_rgba(b))


# --- goals (chapter 00) -----------------------------------------------------------------------
def test_goals_app_unticking_job_search_lowers_hr(profile):
    app = goals_app(profile)
    before_png, before_summary = app.chart.value, app.summary.value
    hr = FAMILIES.index("hr")
    assert app.bars[hr].get_width() == pytest.approx(profile.family_weights()["hr"])

    app.checkboxes["job_search"].value = False

    expected = dataclasses.replace(profile, goals=("reputation",)).family_weights()
    assert app.goals == ("reputation",)
    assert app.bars[hr].get_width() == pytest.approx(expected["hr"])
    assert expected["hr"] < profile.family_weights()["hr"]
    assert app.chart.value != before_png
    assert app.summary.value != before_summary
    assert app.errors.message == ""


def test_goals_app_prospecting_raises_leadership_and_colours_what_matters(profile):
    app = goals_app(profile)
    app.checkboxes["prospecting"].value = True
    chosen = dataclasses.replace(profile, goals=("job_search", "prospecting", "reputation"))
    weights = chosen.family_weights()
    for family, bar in zip(FAMILIES, app.bars, strict=True):
        assert bar.get_width() == pytest.approx(weights[family])
        matters = weights[family] >= RELEVANT_WEIGHT
        assert _same_colour(bar.get_facecolor(), NEUTRAL) != matters
    assert app.title.get_text().endswith(", ".join(chosen.relevant_families))


def test_goals_app_with_no_goal_still_ranks_your_own_field_first(profile):
    app = goals_app(profile)
    for box in app.checkboxes.values():
        box.value = False
    assert app.goals == ()
    assert app.bars[FAMILIES.index(profile.family)].get_width() == pytest.approx(1.0)
    assert "none ticked" in app.summary.value
    assert app.errors.message == ""


# --- one title (chapter 01) -------------------------------------------------------------------
def test_title_app_reads_typed_titles_and_moves_the_highlight(profile):
    app = title_app(profile, "Chargée de recrutement")
    assert app.reading.explanation.family == "hr"
    assert _same_colour(app.bars[FAMILIES.index("hr")].get_facecolor(), HIGHLIGHT)
    before = app.chart.value

    app.text.value = "Head of Growth"

    exp = app.reading.explanation
    assert (exp.family, exp.seniority) == ("marketing", "director")
    assert "director" in app.summary.value and "head of" in app.summary.value
    assert _same_colour(app.bars[FAMILIES.index("marketing")].get_facecolor(), HIGHLIGHT)
    assert not _same_colour(app.bars[FAMILIES.index("hr")].get_facecolor(), HIGHLIGHT)
    assert app.chart.value != before


def test_title_app_example_dropdown_fills_the_text_box(profile):
    app = title_app(profile, "")
    example = app.examples.options[3][1]
    app.examples.value = example
    assert app.text.value == example
    assert app.reading.explanation.text == example


def test_title_app_french_title_with_company_and_emoji(profile):
    app = title_app(profile, "Directrice générale chez Studio Nova 🚀")
    exp = app.reading.explanation
    assert (exp.family, exp.seniority) == ("leadership", "executive")
    assert app.reading.matters == (profile.family_weights()["leadership"] >= RELEVANT_WEIGHT)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x" * 5000, "5,000 characters"),
        ("Community Manager " * 300, "characters long"),
        ("🚀🔥✨", "No words were found"),
        ("!!! ??? ...", "No words were found"),
        ("Zzyzx qwerty", "None of these words names a job family"),
        ("", "Type a job title"),
        ("   ", "Type a job title"),
    ],
)
def test_title_app_bad_input_gives_a_clear_message(profile, text, message):
    app = title_app(profile, "Recruiter")
    app.text.value = text
    assert app.errors.message == ""
    assert message in app.summary.value
    assert app.reading.explanation.family == "other" or len(text) > 500
    assert len(app.summary.value) < 3000  # the echo is clipped, not 5,000 characters long


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script> Recruiter",
        '<img src=x onerror="alert(1)"> CEO',
        "$\\frac{1}{0}$ Growth Marketer $$",
        "Head of Growth & <b>Brand</b>",
    ],
)
def test_title_app_escapes_html_and_survives_mathtext(profile, text):
    app = title_app(profile, "Recruiter")
    app.text.value = text
    assert app.errors.message == ""
    assert "<script" not in app.summary.value and "<img" not in app.summary.value
    assert "<b>Brand" not in app.summary.value
    assert ("&lt;" in app.summary.value) == ("<" in text)
    assert _png(app).startswith(b"\x89PNG")  # the figure still renders


# --- families (chapter 01) --------------------------------------------------------------------
def _decision_counts(invitations, profile, overrides, family):
    chosen = dataclasses.replace(profile, family_overrides=overrides)
    decided = triage(invitations, chosen)
    families = classify_titles(invitations["title"])["family"]
    return decided.loc[families.eq(family), "decision"].value_counts()


def test_families_app_hr_weight_zero_stops_accepting_recruiters(invitations, profile):
    app = families_app(invitations, profile)
    hr = FAMILIES.index("hr")
    before_png, before_accept = app.chart.value, int(app.result.table.at["hr", "accept"])
    assert app.accepted[hr].get_width() == before_accept

    app.sliders["hr"].value = 0.0

    expected = _decision_counts(invitations, profile, {**profile.family_weights(), "hr": 0.0},
                                "hr")
    table = app.result.table
    assert int(table.at["hr", "accept"]) == int(expected.get("accept", 0)) < before_accept
    assert app.accepted[hr].get_width() == int(table.at["hr", "accept"])
    assert _same_colour(app.bars[hr].get_facecolor(), NEUTRAL)
    assert "hr" not in app.result.matters
    assert app.chart.value != before_png
    assert int(table[["accept", "ask", "decline"]].to_numpy().sum()) == len(invitations)


def test_families_app_tech_weight_one_then_reset(invitations, profile):
    app = families_app(invitations, profile)
    initial = app.result.table.copy()
    assert app.reset.disabled  # nothing to reset yet
    app.sliders["tech"].value = 1.0
    assert not app.reset.disabled
    assert app.result.table.at["tech", "accept"] > initial.at["tech", "accept"]
    assert "tech" in app.result.matters
    truth = app.truth.get_offsets()[FAMILIES.index("tech")]
    assert truth[0] == initial.at["tech", "truly relevant"]  # ground truth does not move

    app.reset.click()

    assert app.sliders["tech"].value == pytest.approx(profile.family_weights()["tech"])
    pd.testing.assert_frame_equal(app.result.table, initial)
    assert app.reset.disabled
    assert app.errors.message == ""


def test_families_app_summary_matches_the_table(invitations, profile):
    app = families_app(invitations, profile)
    accepted = int(app.result.table["accept"].sum())
    assert f"accepts <b>{accepted}</b>" in app.summary.value
    assert "<table>" in app.table.value


# --- career (chapter 02) ----------------------------------------------------------------------
def test_career_app_mentoring_moves_beginner_scores_and_marker(invitations, profile):
    app = career_app(invitations, profile)
    before = app.chart.value
    others_before = app.reading.mean_scores[2]

    app.slider.value = 1.0
    assert app.marker.get_xdata()[0] == pytest.approx(1.0)
    assert app.score_bars[0].get_height() == pytest.approx(1.0)  # 0.5 + 0.5 * mentoring
    high = app.reading.counts

    app.slider.value = 0.0
    assert app.score_bars[0].get_height() == pytest.approx(0.5)
    low = app.reading.counts
    assert app.reading.mean_scores[2] == pytest.approx(others_before)  # experts do not move
    assert high["accept"] >= low["accept"]
    assert sum(low.values()) == sum(high.values()) == app.model.n_beginners
    assert app.chart.value != before
    assert app.errors.message == ""


def test_career_app_counts_match_a_direct_triage(invitations, profile):
    app = career_app(invitations, profile)
    app.slider.value = 0.25
    decided = triage(invitations, dataclasses.replace(profile, mentoring=0.25),
                     weights={"career": app.weight_slider.value})
    expected = decided.loc[app.model.beginner, "decision"].value_counts()
    assert app.reading.counts == {d: int(expected.get(d, 0)) for d in ("accept", "ask", "decline")}


def test_career_app_weight_slider_redraws_the_curve(invitations, profile):
    app = career_app(invitations, profile)
    accept_line = app.lines["accept"]
    before = np.asarray(accept_line.get_ydata(), float).copy()

    app.weight_slider.value = 0.4

    curve = app.model.curve(0.4)
    assert np.allclose(accept_line.get_ydata(), curve["accept"].to_numpy(float))
    assert not np.allclose(before, accept_line.get_ydata())
    assert list(curve.index) == list(MENTORING_GRID)
    assert (curve.sum(axis=1) == app.model.n_beginners).all()
    assert "0.40" in app.summary.value


def test_career_app_never_declines_a_beginner_for_career_alone(invitations, profile):
    """Lowering mentoring only ever moves a beginner one step down (accept→ask, ask→decline)
    through the career score; the score of a beginner never goes below 0.5."""
    app = career_app(invitations, profile)
    app.slider.value = 0.0
    decided = app.model.triaged(0.0)
    assert (decided.loc[app.model.beginner, "career"] >= 0.5).all()


# --- mutual connections (chapter 03) ----------------------------------------------------------
def _relevant_mutuals(invitations, profile) -> np.ndarray:
    """Counted here without the app: explode, classify, compare with the family weights."""
    exploded = invitations["mutual_titles"].explode().dropna()
    families = classify_titles(exploded.astype(str))["family"]
    weights = profile.family_weights()
    relevant = families.map(weights).ge(RELEVANT_WEIGHT)
    return relevant.groupby(level=0).sum().reindex(invitations.index, fill_value=0).to_numpy()


@pytest.mark.parametrize("k", [0, 2, 5, 9])
def test_mutuals_app_slider_matches_an_independent_count(invitations, profile, k):
    app = mutuals_app(invitations, profile, k=1)
    before = app.chart.value
    app.slider.value = k
    counts = _relevant_mutuals(invitations, profile)
    passed = counts >= k
    truth = invitations["relevant"].to_numpy(bool)
    r = app.reading
    assert r.passed == int(passed.sum())
    assert r.hits == int((passed & truth).sum())
    assert r.precision == pytest.approx((passed & truth).sum() / passed.sum())
    assert r.recall == pytest.approx((passed & truth).sum() / truth.sum())
    assert app.marker_line.get_xdata()[0] == k
    heights = [b.get_height() for b in (*app.bars_relevant, *app.bars_other)]
    assert sum(heights) == len(invitations)
    assert (app.chart.value != before) == (k != 1)
    assert f"at least {k} relevant" in app.summary.value


def test_mutuals_precision_threshold_is_the_first_above(invitations, profile):
    app = mutuals_app(invitations, profile)
    k = app.model.first_threshold_above(0.8)
    assert k is not None and k > 0
    assert app.model.at(k).precision > 0.8
    assert all(app.model.at(j).precision <= 0.8 for j in range(k))


def test_mutuals_app_without_ground_truth_says_what_is_missing(invitations, profile):
    with pytest.raises(ValueError, match="hidden 'relevant' column"):
        mutuals_app(invitations.drop(columns=["relevant"]), profile)


def test_weak_ties_schematic_is_labelled_and_carries_no_numbers():
    app = weak_ties_app()
    ax = app.figure.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert SCHEMATIC_LABEL in texts
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    y = ax.lines[0].get_ydata()
    peak = int(np.argmax(y))
    assert 0 < peak < len(y) - 1  # an inverted U: the top is inside, not at an end
    assert "Rajkumar" in app.summary.value and "not their data" in app.summary.value
    assert _png(app).startswith(b"\x89PNG")


# --- shared groups (chapter 04) ---------------------------------------------------------------
def test_groups_app_unticking_a_group_changes_the_criterion(invitations, profile):
    app = groups_app(invitations, profile)
    before_png = app.chart.value
    assert app.reading.decisions == app.reading.baseline
    dropped = profile.groups[0]

    app.checkboxes[dropped].value = False

    kept = set(profile.groups) - {dropped}
    shares_kept = invitations["shared_groups"].map(lambda gs: bool(kept & set(gs)))
    assert app.reading.with_groups_score == int(shares_kept.sum())
    changed = invitations.assign(
        shared_groups=invitations["shared_groups"].map(lambda gs: [g for g in gs if g in kept])
    )
    expected = triage(changed, profile)["decision"].value_counts()
    assert app.reading.decisions == {d: int(expected.get(d, 0))
                                     for d in ("accept", "ask", "decline")}
    assert _same_colour(app.group_bars[0].get_facecolor(), NEUTRAL)
    assert app.decision_bars[0].get_height() == app.reading.decisions["accept"]
    assert app.chart.value != before_png
    assert app.errors.message == ""


def test_groups_app_minimum_rule_precision(invitations, profile):
    app = groups_app(invitations, profile)
    app.slider.value = 2
    n_shared = invitations["shared_groups"].str.len().to_numpy()
    passed = n_shared >= 2
    truth = invitations["relevant"].to_numpy(bool)
    assert app.reading.passed == int(passed.sum())
    assert app.reading.precision == pytest.approx((passed & truth).sum() / passed.sum())
    assert "at least 2 counted shared groups" in app.summary.value


def test_groups_app_no_group_or_impossible_minimum_explains_itself(invitations, profile):
    app = groups_app(invitations, profile)
    app.slider.value = 3
    for group in profile.groups[:3]:
        app.checkboxes[group].value = False
    assert "Nobody can share 3 counted groups" in app.summary.value
    assert app.reading.passed == 0
    for group in profile.groups[3:]:
        app.checkboxes[group].value = False
    assert "No group counts" in app.summary.value
    assert app.reading.with_groups_score == 0
    assert app.errors.message == ""


def test_groups_model_keeps_only_counted_groups(invitations, profile):
    app = groups_app(invitations, profile)
    counted = profile.groups[1:3]
    column = app.model.counted_groups_column(counted)
    assert column.index.equals(invitations.index)
    assert all(set(gs) <= set(counted) for gs in column)
    expected = invitations["shared_groups"].map(lambda gs: [g for g in gs if g in counted])
    assert column.tolist() == expected.tolist()


def test_group_names_with_markup_are_escaped(invitations, profile):
    odd = dataclasses.replace(profile, groups=("<b>Growth</b> & $Co$", *profile.groups[1:]))
    shifted = invitations.assign(
        shared_groups=invitations["shared_groups"].map(
            lambda gs: ["<b>Growth</b> & $Co$" if g == profile.groups[0] else g for g in gs]
        )
    )
    app = groups_app(shifted, odd)
    app.checkboxes["<b>Growth</b> & $Co$"].value = False
    assert app.errors.message == ""
    assert "<b>Growth" not in app.summary.value


# --- every callback shows errors instead of raising -------------------------------------------
@pytest.mark.parametrize(
    ("make", "method", "poke"),
    [
        (lambda inv, prof: goals_app(prof), "weights",
         lambda app: setattr(app.checkboxes["prospecting"], "value", True)),
        (lambda inv, prof: title_app(prof), "read",
         lambda app: setattr(app.text, "value", "CTO")),
        (families_app, "result", lambda app: setattr(app.sliders["finance"], "value", 0.9)),
        (career_app, "at", lambda app: setattr(app.slider, "value", 0.9)),
        (mutuals_app, "at", lambda app: setattr(app.slider, "value", 4)),
        (groups_app, "at", lambda app: setattr(app.slider, "value", 2)),
    ],
)
def test_callback_errors_are_shown_not_raised(invitations, profile, monkeypatch, make, method,
                                              poke):
    app = make(invitations, profile)

    def broken(*args, **kwargs):
        raise InvalidInputError("this profile is not valid", ["mentoring: got 7"])

    monkeypatch.setattr(app.model, method, broken)
    poke(app)
    assert "this profile is not valid" in app.errors.message
    assert "mentoring: got 7" in app.errors.message
    assert 'role="alert"' in app.errors.message
