"""Every chart of every app has an accessible name (what a screen reader announces for the
image), in the app's language, and the name follows the chart's title when a redraw changes
it. ipywidgets 8 puts it in the ``<img>``'s ``title`` attribute (``FigureView.tooltip``); the
browser check is in ``tests/e2e/apps.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import ipywidgets as widgets
import pytest
from matplotlib.figure import Figure

from invite_triage import widgets as apps
from invite_triage.core.i18n import message
from invite_triage.widgets.base import FigureView, chart_name
from invite_triage.world.datasets import load_invitations, load_sample_export

Builder = Callable[[str, object], widgets.Widget]

#: Every app the package offers, built as a notebook builds it, in ``lang``.
BUILDERS: dict[str, Builder] = {
    "career_app": lambda lang, tmp: apps.career_app(load_invitations(), lang=lang),
    "drafter_app": lambda lang, tmp: apps.drafter_app(load_invitations(), lang=lang),
    "families_app": lambda lang, tmp: apps.families_app(load_invitations(), lang=lang),
    "goals_app": lambda lang, tmp: apps.goals_app(lang=lang),
    "groups_app": lambda lang, tmp: apps.groups_app(load_invitations(), lang=lang),
    "inbox_app": lambda lang, tmp: apps.inbox_app(load_invitations(), lang=lang),
    "intent_app": lambda lang, tmp: apps.intent_app(lang=lang),
    "mutuals_app": lambda lang, tmp: apps.mutuals_app(load_invitations(), lang=lang),
    "policy_app": lambda lang, tmp: apps.policy_app(load_invitations(), lang=lang),
    "predict": lambda lang, tmp: apps.predict("?", 3, low=0, high=10, lang=lang),
    "quality_app": lambda lang, tmp: apps.quality_app(load_invitations(), lang=lang),
    "title_app": lambda lang, tmp: apps.title_app(lang=lang),
    "triage_form": lambda lang, tmp: apps.triage_form(load_sample_export(), private_dir=tmp,
                                                      lang=lang),
    "weak_ties_app": lambda lang, tmp: apps.weak_ties_app(lang=lang),
    "weights_app": lambda lang, tmp: apps.weights_app(load_invitations(), lang=lang),
    "what_if_app": lambda lang, tmp: apps.what_if_app(lang=lang),
}
#: Apps that show no chart (their result is text).
WITHOUT_CHART = {"drafter_app", "intent_app", "predict"}


def _charts(root: widgets.Widget) -> Iterator[FigureView]:
    if isinstance(root, FigureView):
        yield root
    for child in getattr(root, "children", ()):
        yield from _charts(child)


def test_every_app_of_the_package_is_checked():
    offered = {name for name in apps.__all__
               if name.endswith("_app") or name in ("triage_form", "predict")}
    assert offered == set(BUILDERS)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_chart_is_named_by_its_title_and_follows_it(name, lang, tmp_path):
    app = BUILDERS[name](lang, tmp_path)
    charts = list(_charts(app))
    assert bool(charts) == (name not in WITHOUT_CHART), name
    for chart in charts:
        shown = chart.accessible_name
        assert shown.strip(), name
        assert shown == chart.tooltip == chart_name(chart.figure)  # every chart has a title
        assert "\n" not in shown
        # What the browser gets: ``tooltip`` (shown as ``title``) and the empty description
        # that ipywidgets 8 reads before setting it.
        state = chart.get_state()
        assert state["tooltip"] == shown and state["description"] == ""
        axes = next(ax for ax in chart.figure.axes if ax.get_visible())
        new_title = "Renamed: 42% of 7 $ asks" if lang == "en" else "Renommé : 42 % de 7 $"
        axes.set_title(new_title.replace("$", r"\$"))
        chart.refresh()
        assert chart.accessible_name != shown, name
        assert new_title in chart.accessible_name, name
    assert app.errors.message == ""


def test_a_control_that_changes_the_title_changes_the_name():
    app = apps.weights_app(load_invitations(), lang="fr")
    before = app.chart.accessible_name
    app.accept_slider.value = 0.55
    assert app.errors.message == ""
    assert app.chart.accessible_name != before
    assert "0,55" in app.chart.accessible_name
    assert app.chart.accessible_name == chart_name(app.chart.figure)


def test_wrapped_and_hidden_titles():
    figure = Figure(figsize=(4, 3))
    left, right = figure.subplots(1, 2)
    figure.suptitle("Two\nlines")
    left.set_title("left  side", loc="left")
    right.set_title("hidden")
    right.set_visible(False)
    assert chart_name(figure) == "Two lines · left  side"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_chart_without_a_title_gets_the_catalogs_name(lang):
    figure = Figure(figsize=(4, 3))
    figure.add_subplot().plot([0, 1], [1, 0])
    chart = FigureView(figure, lang=lang)
    assert chart.accessible_name == message("app.common.chart_name", lang)
    figure.axes[0].set_title("Now titled")
    chart.refresh()
    assert chart.accessible_name == "Now titled"
