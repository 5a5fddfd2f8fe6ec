"""Chapter 01: type any job title, English or French, see its family, its seniority and the
words that decided.

The view of :class:`~invite_triage.models.title.TitleModel`: a text box and a drop-down of
examples; the reading, and the family's weight bar recoloured in place.
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.patches import Patch

from invite_triage.core.formats import decimal
from invite_triage.core.i18n import label, message
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT, Profile
from invite_triage.models.title import TitleModel, TitleReading
from invite_triage.render.app_charts import family_bars
from invite_triage.render.style import (
    FONT_SIZE,
    HIGHLIGHT,
    MATTERS_LIGHT,
    NEUTRAL,
    NEUTRAL_DARK,
    clip_text,
    esc,
    freeze_layout,
    new_figure,
)
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    html_table,
    summary_html,
    with_lang,
)
from invite_triage.world.datasets import example_profile

#: Titles offered in the classifier's drop-down: English, French, tricky cases.
EXAMPLE_TITLES: tuple[str, ...] = (
    "Chargée de recrutement chez Qonto",
    "Head of Growth",
    "Founder & Growth Marketer",
    "Stagiaire marketing digital",
    "Directrice générale",
    "Account Manager @ HubSpot",
    "Consultante RH",
    "Mechanical Engineer",
    "Open to work 🚀",
)


class TitleApp(App):
    """A text box (and a drop-down of examples); the reading, and the family's weight bar."""

    def __init__(self, model: TitleModel, title: str = "", lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.text = widgets.Text(
            value=title,
            description=message("app.title.text", lang),
            placeholder=message("app.title.placeholder", lang),
            layout=widgets.Layout(width="95%"),
        )
        self.examples = widgets.Dropdown(
            options=[(message("app.title.pick_example", lang), ""),
                     *[(t, t) for t in EXAMPLE_TITLES]],
            value="",
            description=message("app.title.or_try", lang),
        )
        self.figure = new_figure(6.4, 2.8)
        self.ax = self.figure.add_subplot()
        weights = [model.weights[f] for f in FAMILIES]
        _, self.bars = with_lang(family_bars, self.ax, weights, lang=lang)
        self.cutoff = self.ax.axvline(RELEVANT_WEIGHT, color=NEUTRAL_DARK, linestyle="--",
                                      linewidth=1)
        self.ax.set_xlim(0, 1.05)
        self.ax.set_xlabel(message("app.title.xlabel", lang), fontsize=FONT_SIZE)
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
        self.legend = self.ax.legend(
            handles=[Patch(color=HIGHLIGHT, label=message("app.title.legend_this", lang)),
                     Patch(color=MATTERS_LIGHT, label=message("app.title.legend_matters", lang)),
                     Patch(color=NEUTRAL, label=message("app.title.legend_not", lang))],
            fontsize=FONT_SIZE - 2, frameon=False, loc="lower right",
        )
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.reading: TitleReading | None = None
        super().__init__([self.text, self.examples, self.summary, self.chart])
        self.text.observe(self._on_text, names="value")
        self.examples.observe(self._on_example, names="value")
        self.update()
        freeze_layout(self.figure)
        # A new family recolours the bars and restates the title; the rest is drawn once
        # (blitting). The cut-off line, the legend and the spines sit above the bars.
        self.chart.redraw_only(*self.bars, self.title, self.cutoff, self.legend,
                               self.ax.spines["left"], self.ax.spines["bottom"])

    def _on_text(self, change: dict) -> None:
        self.update()

    def _on_example(self, change: dict) -> None:
        if change["new"]:
            self.text.value = change["new"]

    @guarded
    def update(self) -> None:
        reading = self.model.read(self.text.value)
        self.reading = reading
        exp = reading.explanation
        for bar, family in zip(self.bars, FAMILIES, strict=True):
            if family == exp.family:
                bar.set_color(HIGHLIGHT)
            else:
                bar.set_color(MATTERS_LIGHT if self.model.weights[family] >= RELEVANT_WEIGHT
                              else NEUTRAL)
        lang = self.lang
        verdict = message("app.title.matters" if reading.matters
                          else "app.title.does_not_matter", lang)
        family = label("family", exp.family, lang)
        weight = decimal(reading.weight, 2, lang)
        title = message("app.title.chart_title", lang, family=family, weight=weight,
                        verdict=verdict)
        if title != self.title.get_text():  # typing re-renders only when the family changes
            self.title.set_text(title)
            self.chart.refresh()
        col_reading = message("app.title.col_reading", lang)
        col_why = message("app.title.col_why", lang)
        rows = [
            {"": message("app.title.row_family", lang), col_reading: family,
             col_why: exp.family_reason},
            {"": message("app.title.row_seniority", lang),
             col_reading: label("seniority", exp.seniority, lang), col_why: exp.seniority_reason},
            {"": message("app.title.row_part", lang), col_reading: clip_text(exp.part) or "—",
             col_why: ""},
        ]
        notes = "".join(f"<p><em>{esc(n)}</em></p>" for n in reading.notes)
        shown = clip_text(exp.text.strip()) or message("app.title.empty", lang)
        line = esc(message("app.title.summary", lang, title="\x00", verdict=verdict,
                           weight=weight)).replace("\x00", f"<b>{esc(shown)}</b>")
        self.summary.value = (
            f"<p>{line}</p>" + html_table(rows, ["", col_reading, col_why], lang) + notes
        )


def title_app(profile: Profile | None = None, title: str = "Chargée de recrutement",
              lang: str | None = None) -> TitleApp:
    """Chapter 01: type any job title and see its family, seniority and why."""
    lang = app_language(lang)
    profile = example_profile(lang) if profile is None else profile
    return TitleApp(TitleModel(profile, lang), title, lang)
