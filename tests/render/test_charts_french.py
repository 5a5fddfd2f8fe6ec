"""The French edition's charts: every visible word from the French catalog, none left in English,
numbers and month names written the French way."""

from __future__ import annotations

import datetime as dt
import io
import re
import string

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from invite_triage.analysis.network import network_composition
from invite_triage.analysis.quality import QualityCurve, policy_networks, simulate_growth
from invite_triage.core import i18n
from invite_triage.core.i18n import message
from invite_triage.domain.triage import triage
from invite_triage.render import app_charts, charts, charts_titles, report, texts
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile, load_connections

#: Catalog parts whose English must never show on a French chart.
CHART_PREFIXES = ("chart.", "label.", "report.", "analysis.")


@pytest.fixture(scope="module")
def profile():
    return example_profile()


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(800, seed=5)


@pytest.fixture(autouse=True)
def no_pyplot_figures():
    plt.close("all")
    yield
    assert plt.get_fignums() == []


def _english_fragments() -> set[str]:
    """Pieces of English chart text that French must not contain: the fixed parts (between
    placeholders) of every English message that French translates differently, kept when
    they hold at least two words."""
    english, french = i18n.catalog("en"), i18n.catalog("fr")
    found = set()
    for msgid, text in english.items():
        if not msgid.startswith(CHART_PREFIXES) or french.get(msgid) == text:
            continue
        for literal, *_ in string.Formatter().parse(text):
            for piece in re.split(r"[\n()]", literal or ""):
                piece = piece.strip(" :;,.→")
                if len(piece) >= 8 and " " in piece and piece not in french[msgid]:
                    found.add(piece)
    return found


ENGLISH = _english_fragments()


def _texts(fig: Figure) -> list[str]:
    """Every visible text of a drawn figure: titles, labels, ticks, legends, annotations."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40)  # draw, so tick labels exist
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _assert_french(fig: Figure, *expected_msgids: str) -> list[str]:
    shown = _texts(fig)
    joined = "\n".join(shown)
    leaked = sorted(piece for piece in ENGLISH if piece in joined)
    assert not leaked, f"English on a French chart: {leaked}"
    for msgid in expected_msgids:
        assert message(msgid, "fr") in shown, msgid
    return shown


def test_the_english_fragments_are_many_and_real():
    assert len(ENGLISH) > 60
    assert "network size" in " ".join(ENGLISH)


def test_quality_chart_in_french(invitations, profile):
    curve = QualityCurve.from_invitations(invitations, profile)
    fig = charts.plot_quality_vs_size(curve, 0.55, lang="fr")
    shown = _assert_french(fig, "chart.quality.x_axis", "chart.quality.y_axis",
                           "chart.quality.your_threshold", "chart.quality.relevant_truth")
    assert any(t.startswith("seuil 0,55") for t in shown)
    assert any(re.fullmatch(r"\d+\s%", t) for t in shown)  # "40 %" ticks
    assert fig.axes[0].get_title(loc="left").startswith("Tout accepter")


def test_quality_chart_follows_the_current_language(invitations, profile, monkeypatch):
    monkeypatch.setattr(i18n, "_default_language", "fr")
    chart = charts.QualityChart(QualityCurve.from_invitations(invitations, profile), 0.5)
    assert chart.ax.get_xlabel() == message("chart.quality.x_axis", "fr")
    chart.update(0.7)
    assert "seuil 0,70" in chart.label.get_text()


def test_growth_chart_in_french_with_french_months(invitations, profile):
    growth = simulate_growth(invitations, profile)
    fig = charts.plot_growth(growth, lang="fr")
    _assert_french(fig, "chart.growth.month", "chart.growth.size_axis",
                   "chart.policy.accept_all", "chart.policy.balanced")
    ticks = [t.get_text() for ax in fig.axes for t in ax.get_xticklabels()]
    months = {name for name in ticks if re.fullmatch(r"[a-zéû]+\.?", name)}
    assert months and months <= {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.",
                                 "août", "sept.", "oct.", "nov.", "déc."}
    assert "Après" in fig._suptitle.get_text()


def test_composition_chart_in_french(invitations, profile):
    fig = charts.plot_composition(policy_networks(invitations, profile), profile, lang="fr")
    shown = _assert_french(fig, "chart.composition.x_axis", "chart.composition.y_axis",
                           "chart.policy.known_only")
    assert "RH ✓" in shown or "RH" in shown


def test_decision_chart_in_french(invitations, profile):
    row = triage(invitations, profile).iloc[0].copy()
    row["reasons"] = ""  # the reasons are the domain's; here only the chart's own words
    fig = charts.plot_decision_contributions(row, profile=profile, lang="fr")
    shown = _assert_french(fig, "chart.decision.x_axis", "chart.decision.if_perfect",
                           "label.criterion.mutuals")
    assert any("(score 0," in t or "(score 1," in t for t in shown)


def test_app_charts_in_french(profile):
    bars = app_charts.DecisionBars(2000, lang="fr")
    bars.update({"accept": 1234, "ask": 2, "decline": 3}, "titre")
    assert "1\u202f234" in _assert_french(bars.figure, "label.decision.ask",
                                          "chart.app.invitations")
    weights = {c: 1.0 for c in ("job", "career", "mutuals", "groups", "known", "intent")}
    chart = app_charts.DecisionChart(weights, {"ask": 0.3, "accept": 0.6}, lang="fr")
    _assert_french(chart.figure, "chart.app.score", "chart.app.decision",
                   "label.decision.decline")
    table = pd.DataFrame({"score": [0.5] * 6, "possible": [0.1] * 6, "contribution": [0.05] * 6,
                          "weight": [1.0] * 6}, index=list(weights))
    contribution = app_charts.ContributionBars(table, lang="fr")
    contribution.update(table, "titre")
    _assert_french(contribution.figure, "chart.app.if_perfect", "label.criterion.known")
    _assert_french(app_charts.plot_weak_ties_schematic(lang="fr"), "chart.weak_ties.x_axis",
                   "chart.weak_ties.schematic")


def test_family_seniority_and_confusion_in_french(profile):
    composition = network_composition(load_connections(), profile)
    fig = app_charts.plot_family_seniority(composition, lang="fr")
    _assert_french(fig, "chart.family_seniority.x_axis", "chart.seniority.mid")
    families = ["marketing", "hr", "sales", "hr"]
    fig = charts_titles.plot_confusion_matrix(families, ["marketing", "sales", "sales", "hr"],
                                              lang="fr")
    shown = _assert_french(fig, "chart.confusion.true", "chart.family.leadership")
    assert any("confusion la plus fréquente" in t for t in shown)


def test_report_charts_in_french(profile):
    from invite_triage.analysis.network import network_growth

    growth = network_growth(load_connections(), profile)
    fig = report.plot_network_growth(growth, lang="fr")
    _assert_french(fig, "report.growth.size_axis")
    summary = pd.DataFrame({"intent": ["personal", "empty", "generic", "pitch"],
                            "pending": [1, 2, 3, 4], "share": [0.1, 0.2, 0.3, 0.4]})
    _assert_french(report.plot_pending_intents(summary, lang="fr"), "report.intent.pitch")


def test_english_charts_keep_their_words(invitations, profile):
    fig = charts.plot_growth(simulate_growth(invitations, profile), lang="en")
    shown = _texts(fig)
    assert "month" in shown and "accept_all" in shown
    assert fig.axes[0].get_ylabel() == "network size (contacts)"


@pytest.mark.parametrize(("lang", "february", "year"), [("fr", "févr.", "2026"),
                                                        ("en", "Feb", "2026")])
def test_concise_date_formatter_names_months_in_the_language(lang, february, year):
    from matplotlib.dates import date2num

    formatter = texts.date_formatter(lang)
    ticks = [date2num(dt.datetime(2026, month, 1)) for month in (1, 2, 3, 4)]
    labels = formatter.format_ticks(ticks)
    assert labels == [year, february, labels[2], labels[3]]
    assert february in labels and not any("\x01" in label for label in labels)


def test_fit_title_wraps_long_titles_only():
    assert texts.fit_title("short", 10, 15) == "short"
    long = "mot " * 60
    wrapped = texts.fit_title(long, 6, 15)
    assert "\n" in wrapped and wrapped.replace("\n", " ").split() == long.split()


def test_numbers_and_percents_follow_the_language():
    assert texts.pct(0.473, "fr") == "47\u202f%" and texts.pct(0.473, "en") == "47%"
    assert texts.num(1234.5, "fr", 1) == "1\u202f234,5"
    assert texts.pct(np.nan, "fr") == "n.d." and texts.pct(None, "en") == "n/a"


def test_the_check_catches_an_english_chart(invitations, profile):
    curve = QualityCurve.from_invitations(invitations, profile)
    with pytest.raises(AssertionError, match="English on a French chart"):
        _assert_french(charts.plot_quality_vs_size(curve, 0.55, lang="en"))
