"""The guide's charts: labelled, titled with the finding, legible, updatable, never leaked."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from invite_triage.analysis.quality import QualityCurve, simulate_growth
from invite_triage.core.errors import InvalidInputError
from invite_triage.domain.triage import resolve_weights, triage
from invite_triage.render.charts import (
    OKABE_ITO,
    QualityChart,
    composition,
    contributions,
    plot_composition,
    plot_decision_contributions,
    plot_growth,
    plot_quality_vs_size,
    quality_title,
)
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile, load_connections


@pytest.fixture(scope="module")
def profile():
    return example_profile()


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(1_500, seed=21)


@pytest.fixture(scope="module")
def curve(invitations, profile) -> QualityCurve:
    return QualityCurve.from_invitations(invitations, profile)


@pytest.fixture(scope="module")
def triaged(invitations, profile) -> pd.DataFrame:
    return triage(invitations, profile)


@pytest.fixture(autouse=True)
def no_pyplot_figures():
    """Every chart is built without pyplot: nothing may pile up in its figure manager."""
    plt.close("all")
    yield
    assert plt.get_fignums() == []


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60)
    return buffer.getvalue()


def _title(fig: Figure) -> str:
    texts = [fig._suptitle.get_text() if fig._suptitle else ""]
    for ax in fig.axes:
        texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
    return " ".join(t for t in texts if t).replace("\n", " ").strip()  # long titles wrap


def _check_readable(fig: Figure) -> None:
    """Labelled axes, a title, and every visible text at least 12 pt (projector)."""
    assert isinstance(fig, Figure)
    _png(fig)  # draw once so tick labels exist
    assert _title(fig)
    for ax in fig.axes:
        assert ax.get_xlabel().strip(), "x axis has no label"
        assert ax.get_ylabel().strip(), "y axis has no label"
    small = [
        (t.get_text(), t.get_fontsize())
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_fontsize() < 12
    ]
    assert not small, small


@pytest.fixture(scope="module")
def growth(invitations, profile) -> pd.DataFrame:
    return simulate_growth(invitations, profile, existing=load_connections())


def test_quality_vs_size_chart(curve):
    table = curve.curve()
    fig = plot_quality_vs_size(table, current_threshold=0.45)
    _check_readable(fig)
    title = _title(fig)
    everyone = table.query("policy == 'accept_all'").iloc[0]
    ratio = everyone["size"] / curve.at(0.45)["size"]
    assert f"{ratio:.1f}×" in title
    assert f"{everyone['relevance_share_true']:.0%}" in title


def test_quality_chart_update_moves_the_point_and_changes_the_picture(curve):
    chart = QualityChart(curve, threshold=0.3)
    before_data = [np.copy(a) for a in chart.marker.get_data()]
    before_title = chart.ax.get_title(loc="left")
    before_png = _png(chart.figure)
    same = chart.update(0.7)
    assert same is chart.figure
    after = chart.marker.get_data()
    assert after[0][0] == curve.at(0.7)["size"] != before_data[0][0]
    assert after[1][0] == pytest.approx(curve.at(0.7)["relevance_share_true"])
    assert chart.ax.get_title(loc="left") != before_title
    assert "0.70" in chart.label.get_text()
    assert _png(chart.figure) != before_png


def test_quality_chart_from_a_table_interpolates_the_mark(curve):
    table = curve.curve([0.2, 0.4, 0.6])
    chart = QualityChart(table, threshold=0.4)
    assert chart.marker.get_data()[0][0] == curve.at(0.4)["size"]
    chart.update(0.5)
    middle = (curve.at(0.4)["size"] + curve.at(0.6)["size"]) / 2
    assert chart.marker.get_data()[0][0] == pytest.approx(middle)


def test_quality_chart_redraws_into_an_existing_figure(curve):
    fig = Figure()
    fig.add_subplot().plot([1, 2], [3, 4])
    fig.add_subplot(212)
    returned = plot_quality_vs_size(curve, fig=fig)
    assert returned is fig
    assert len(fig.axes) == 1


def test_quality_chart_without_truth_says_estimated(invitations, profile):
    real = invitations.drop(columns=["persona", "relevant"])
    fig = plot_quality_vs_size(QualityCurve.from_invitations(real, profile), 0.45)
    _check_readable(fig)
    assert "estimated" in _title(fig)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert not any("truth" in label for label in labels)


def test_quality_title_states_the_finding():
    everyone = {"size": 3000, "relevance_share": 0.4}
    selective = {"size": 1000, "relevance_share": 0.82}
    assert quality_title(everyone, selective, "relevance_share") == (
        "Accepting everyone: 3.0× the contacts, but it halves relevance (82% → 40%, estimated)"
    )
    assert "no one" in quality_title(everyone, {"size": 0, "relevance_share": np.nan},
                                     "relevance_share")


def test_growth_chart(growth):
    fig = plot_growth(growth)
    _check_readable(fig)
    last = growth[growth["month"].eq(growth["month"].max())].set_index("policy")
    title = _title(fig)
    assert f"{last.loc['accept_all', 'size']:,.0f}" in title
    assert "24 months" in title
    lines = fig.axes[0].get_lines()
    assert len(lines) == growth["policy"].nunique()
    assert len({line.get_linestyle() for line in lines}) == len(lines)  # not colour alone
    assert {line.get_color().upper() for line in lines} <= set(OKABE_ITO.values())


def test_composition_chart(invitations, profile, triaged):
    accepted = invitations[triaged["decision"].eq("accept").to_numpy()]
    networks = {"accept everyone": invitations, "balanced": accepted,
                "your network": load_connections()}
    fig = plot_composition(networks, profile)
    _check_readable(fig)
    shares = composition(networks, profile)
    assert np.allclose(shares.sum(axis=1), 1.0)
    relevant = shares[["marketing", "hr", "leadership"]].sum(axis=1)
    title = _title(fig)
    assert f"{relevant['balanced']:.0%} of balanced" in title
    assert f"{relevant['accept everyone']:.0%} of accept everyone" in title


def test_composition_of_one_network(profile):
    fig = plot_composition(load_connections(), profile)
    _check_readable(fig)
    assert "of your network works in fields that matter to you" in _title(fig)


@pytest.mark.parametrize("decision", ["accept", "ask", "decline"])
def test_decision_contributions_chart(triaged, profile, decision):
    row = triaged[triaged["decision"].eq(decision)].iloc[0]
    fig = plot_decision_contributions(row, profile=profile)
    _check_readable(fig)
    table = contributions(row, resolve_weights(profile, None))
    assert table["contribution"].sum() == pytest.approx(row["score"])
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    assert widths == sorted(round(v, 6) for v in [*table["contribution"], *table["possible"]])
    assert row["reasons"][:30] in ax.get_title(loc="left").replace("\n", " ")
    assert row["name"] in _title(fig)
    assert {"accept": "accept", "ask": "ask first", "decline": "decline"}[decision] in _title(fig)


def test_text_with_dollar_signs_is_shown_verbatim(triaged, profile):
    row = triaged.iloc[0].copy()
    row["name"] = "Max $ales$ Pro"
    fig = plot_decision_contributions(row, profile=profile)
    _png(fig)  # mathtext would fail or eat the dollars
    assert "$ales$" in fig._suptitle.get_text().replace("\\$", "$")


def test_bad_chart_input_raises(triaged, profile):
    with pytest.raises(InvalidInputError, match="triaged row"):
        plot_decision_contributions(triaged, profile=profile)
    with pytest.raises(InvalidInputError, match="has not been triaged"):
        plot_decision_contributions(pd.Series({"name": "A"}), profile=profile)
    with pytest.raises(InvalidInputError, match="missing column"):
        plot_growth(pd.DataFrame({"month": []}))
    with pytest.raises(InvalidInputError, match="missing column"):
        plot_quality_vs_size(pd.DataFrame({"size": [1]}))


def test_unknown_chart_names_raise_attribute_error():
    from invite_triage.render import charts

    with pytest.raises(AttributeError):
        charts.plot_no_such_chart  # noqa: B018


def test_title_confusion_matrix_is_reexported():
    from invite_triage.render import charts, charts_titles

    assert charts.plot_confusion_matrix is charts_titles.plot_confusion_matrix
