"""Every chart the guide and the report draw, in both languages: no two texts overlap, no text
leaves the figure, no emoji (drawn as an empty box: the charts' font has none), one size.

Texts are the tick labels, axis labels, titles (axes and figure), legend entries, and the
texts and annotations written on the axes, measured after a full draw (the layout engine
included). Apps' charts are taken from the apps themselves, built in each language.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from invite_triage.analysis.quality import QualityCurve, policy_networks, simulate_growth
from invite_triage.domain.triage import triage
from invite_triage.world.datasets import (
    example_profile,
    load_connections,
    load_invitations,
    load_sample_export,
)

LANGS = ("en", "fr")
#: Two texts may touch (anti-aliasing, a descender); beyond this many pixels they overlap.
TOLERANCE_PX = 1.0
EMOJI = re.compile("[\U0001f000-\U0001faff\u2728\ufe0f\u200d]")
#: A job title with an emoji, as LinkedIn members write them.
EMOJI_TITLE = "Open to work 🚀 Growth Marketer"
EMOJI_NAME = "Camille ✨ Martin"


@pytest.fixture(autouse=True)
def no_pyplot_figures():
    plt.close("all")
    yield
    assert plt.get_fignums() == []


# --- the charts -------------------------------------------------------------------------------


def _guide_charts(lang: str, tmp_path) -> Iterator[tuple[str, Figure]]:
    """(name, figure) of every chart a chapter or the report draws, in ``lang``."""
    import invite_triage as it
    from invite_triage.render import app_charts, charts, report

    profile = example_profile(lang)
    invitations = load_invitations()
    curve = QualityCurve.from_invitations(invitations, profile)
    yield "quality_vs_size", charts.plot_quality_vs_size(curve, lang=lang)
    growth = simulate_growth(invitations, profile, existing=load_connections())
    yield "growth", charts.plot_growth(growth, lang=lang)
    yield "composition", charts.plot_composition(policy_networks(invitations, profile), profile,
                                                 lang=lang)
    triaged = triage(invitations, profile)
    yield "decision", charts.plot_decision_contributions(triaged.iloc[0], profile=profile,
                                                         lang=lang)
    emoji_row = triaged.iloc[1].copy()
    emoji_row["title"], emoji_row["name"] = EMOJI_TITLE, EMOJI_NAME
    yield "decision_emoji_title", charts.plot_decision_contributions(emoji_row, profile=profile,
                                                                     lang=lang)
    families = it.classify_titles(invitations["title"])["family"]
    yield "confusion", charts.plot_confusion_matrix(families, families.sample(frac=1,
                                                    random_state=3).to_numpy(), lang=lang)
    yield "weak_ties", app_charts.plot_weak_ties_schematic(lang=lang)
    export = load_sample_export()
    composition = it.network_composition(export.connections, profile)
    yield "family_seniority", app_charts.plot_family_seniority(composition, lang=lang)
    yield "own_composition", charts.plot_composition(export.connections, profile, lang=lang)
    yield "network_growth", report.plot_network_growth(
        it.network_growth(export.connections, profile), lang=lang)
    yield "pending_intents", report.plot_pending_intents(it.intent_summary(export), lang=lang)


def _app_builders(lang: str, tmp_path) -> dict[str, Callable[[], widgets.Widget]]:
    from invite_triage import widgets as apps

    invitations = load_invitations()
    profile = replace(example_profile(lang), language=lang)
    first = invitations.index == invitations.index[0]
    emoji_invitations = invitations.assign(
        title=invitations["title"].mask(first, EMOJI_TITLE),
        name=invitations["name"].mask(first, EMOJI_NAME),
    )
    return {
        "goals": lambda: apps.goals_app(lang=lang),
        "title": lambda: apps.title_app(profile, EMOJI_TITLE, lang=lang),
        "families": lambda: apps.families_app(invitations, profile, lang=lang),
        "career": lambda: apps.career_app(invitations, profile, lang=lang),
        "mutuals": lambda: apps.mutuals_app(invitations, profile, lang=lang),
        "weak_ties": lambda: apps.weak_ties_app(lang=lang),
        "groups": lambda: apps.groups_app(invitations, profile, lang=lang),
        "policy": lambda: apps.policy_app(invitations, profile, lang=lang),
        "intent": lambda: apps.intent_app(lang=lang),
        "drafter": lambda: apps.drafter_app(invitations, profile, lang=lang),
        "weights": lambda: apps.weights_app(invitations, profile, lang=lang),
        "inbox": lambda: apps.inbox_app(emoji_invitations, profile, lang=lang),
        "quality": lambda: apps.quality_app(invitations, profile, lang=lang),
        "own_data": lambda: apps.triage_form(load_sample_export(), profile,
                                             private_dir=tmp_path, lang=lang),
        "what_if": lambda: apps.what_if_app(lang=lang),
    }


def _figure_views(root: widgets.Widget) -> Iterator[widgets.Widget]:
    from invite_triage.widgets import FigureView

    if isinstance(root, FigureView):
        yield root
    for child in getattr(root, "children", ()):
        yield from _figure_views(child)


# --- what is measured ---------------------------------------------------------------------------


def _texts(figure: Figure) -> list[Text]:
    """The visible, non-empty texts of the figure that a reader must be able to read."""
    found: list[Text] = []
    for ax in figure.axes:
        if not ax.get_visible():
            continue
        found += _drawn_tick_labels(ax)
        found += [ax.xaxis.label, ax.yaxis.label, ax.title, ax._left_title, ax._right_title]
        found += list(ax.texts)
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            found += legend.get_texts()
    for title in (figure._suptitle, figure._supxlabel, figure._supylabel):
        if title is not None:
            found.append(title)
    found += list(figure.texts)
    legends = [lg for lg in figure.legends if lg.get_visible()]
    found += [t for lg in legends for t in lg.get_texts()]
    unique = list(dict.fromkeys(found))
    return [t for t in unique if t.get_visible() and t.get_text().strip()]


def _drawn_tick_labels(ax) -> list[Text]:
    """The tick labels matplotlib draws: those of ticks inside the view limits (it keeps,
    and does not draw, labels of ticks beyond them)."""
    labels: list[Text] = []
    for axis in (ax.xaxis, ax.yaxis):
        for tick in axis._update_ticks():
            labels += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    return labels


def _draw_whole(figure: Figure) -> list[str]:
    """A full draw, blitted artists included (an app draws them over a kept background);
    returns the glyphs the font lacks (matplotlib draws them as empty boxes)."""
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)  # as FigureView and the report do
    for artist in figure.findobj():
        if artist.get_animated():
            artist.set_animated(False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    return sorted({str(w.message) for w in caught if "missing from font" in str(w.message)})


def layout_problems(figure: Figure) -> list[str]:
    """Texts that overlap each other, leave the figure, or hold an emoji."""
    problems = _draw_whole(figure)
    renderer = figure.canvas.get_renderer()
    page = figure.bbox
    boxes = [(text, text.get_window_extent(renderer)) for text in _texts(figure)]
    for text, box in boxes:
        if EMOJI.search(text.get_text()):
            problems.append(f"emoji drawn as a box: {text.get_text()!r}")
        outside = Bbox.intersection(box, page)
        if outside is None or outside.width < box.width - TOLERANCE_PX or (
                outside.height < box.height - TOLERANCE_PX):
            problems.append(f"cut by the figure's edge: {text.get_text()!r}")
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        common = Bbox.intersection(box_a, box_b)
        if common is not None and common.width > TOLERANCE_PX and common.height > TOLERANCE_PX:
            problems.append(f"overlap: {a.get_text()!r} and {b.get_text()!r}")
    return problems


def _report(name: str, figure: Figure) -> str:
    problems = layout_problems(figure)
    return f"{name}: " + "; ".join(problems) if problems else ""


# --- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_guide_and_report_charts_have_room_for_every_text(lang, tmp_path):
    found = [_report(name, figure) for name, figure in _guide_charts(lang, tmp_path)]
    found = [line for line in found if line]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("app", sorted(_app_builders("en", None)))
def test_app_charts_have_room_for_every_text(app, lang, tmp_path):
    built = _app_builders(lang, tmp_path)[app]()
    views = list(_figure_views(built))
    assert views or app in {"drafter", "intent"}, f"{app}: no chart found"
    found = [_report(f"{app} chart {i}", view.figure) for i, view in enumerate(views)]
    found = [line for line in found if line]
    assert not found, "\n".join(found)


def test_the_emoji_pattern_finds_emoji_only():
    assert EMOJI.search(EMOJI_TITLE)
    assert EMOJI.search(EMOJI_NAME)
    assert not EMOJI.search("Chargée de recrutement — RH ✓ ≥ 0,45 · 80 %")
