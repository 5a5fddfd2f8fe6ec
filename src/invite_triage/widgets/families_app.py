"""Chapter 01: choose how much each job family matters; see how many invitations each family
brings and what the triage does with them.

The view of :class:`~invite_triage.models.families.FamilyChoiceModel`: one weight slider per
family and a reset button; bars of invitations and accepts updated in place.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.text import Text

from invite_triage.core.formats import decimal, number, share
from invite_triage.core.i18n import label, message, template
from invite_triage.domain.profile import FAMILIES, Profile
from invite_triage.models.families import FamilyChoiceModel, FamilyResult
from invite_triage.render.app_charts import family_bars
from invite_triage.render.style import (
    DECISION_COLOURS,
    DECISIONS,
    FONT_SIZE,
    MATTERS_LIGHT,
    NEUTRAL,
    esc,
    freeze_layout,
    new_figure,
)
from invite_triage.render.texts import fit_title
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    html_table,
    summary_html,
    with_lang,
)
from invite_triage.world.datasets import example_profile, load_invitations


class FamiliesApp(App):
    """One weight slider per family and a reset button; bars of invitations and accepts."""

    def __init__(self, model: FamilyChoiceModel, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.sliders = {
            family: widgets.FloatSlider(
                value=model.default_weights[family], min=0.0, max=1.0, step=0.05,
                description=label("family", family, lang), readout_format=".2f",
                continuous_update=False, style={"description_width": "initial"},
            )
            for family in FAMILIES
        }
        self.reset = widgets.Button(description=message("app.families.reset", lang),
                                    icon="undo", layout=widgets.Layout(width="auto"),
                                    tooltip=message("app.families.reset_tooltip", lang))
        self.figure = new_figure(7.0, 4.2)
        self.ax = self.figure.add_subplot()
        y, self.bars = with_lang(family_bars, self.ax, np.zeros(len(FAMILIES)), lang=lang)
        self.accepted = self.ax.barh(y, np.zeros(len(FAMILIES)), height=0.35,
                                     color=DECISION_COLOURS["accept"])
        self.truth = self.ax.scatter(np.zeros(len(FAMILIES)), y, marker="|", s=420,
                                     linewidths=2.5, color="black", zorder=3)
        self.ax.set_xlim(0, float(model.family.value_counts().max()) * 1.12 + 1)
        self.ax.set_xlabel(message("app.families.xlabel", lang), fontsize=FONT_SIZE)
        legend = [message(f"app.families.legend_{key}", lang)
                  for key in ("matters", "not", "accepted", "truth")]
        # Under the axes, two columns: inside them, a long (French) legend sat over the bars,
        # and its truth mark read as one more truth mark.
        self.legend = self.figure.legend(
            handles=[
                Patch(color=MATTERS_LIGHT, label=legend[0]),
                Patch(color=NEUTRAL, label=legend[1]),
                Patch(color=DECISION_COLOURS["accept"], label=legend[2]),
                self.truth,
            ],
            labels=legend,
            fontsize=FONT_SIZE - 2, frameon=False, loc="outside lower center", ncols=2,
        )
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
        self.weight_texts = self._weight_column(lang)
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.table = widgets.HTML()
        self._holding = False
        self.result: FamilyResult | None = None
        controls = widgets.VBox([*self.sliders.values(), self.reset])
        super().__init__([widgets.HBox([controls, self.chart]), self.summary, self.table])
        for slider in self.sliders.values():
            slider.observe(self._on_change, names="value")
        self.reset.on_click(self._on_reset)
        self.update()
        freeze_layout(self.figure)
        # Moves change only these: the bars (accepts; colour of the invitations), the truth
        # marks drawn over them, the weights and the title. The family names, the x axis, the
        # frame and the legend (under the axes) are drawn once (blitting). The left spine sits
        # above the bars.
        self.chart.redraw_only(
            *self.bars, *self.accepted, self.truth, *self.weight_texts, self.title,
            self.ax.spines["left"],
        )

    def _weight_column(self, lang: str) -> list[Text]:
        """The weights, one text per family where the end of its tick label was ("name · 0.70"
        reads as before): the family names stay static tick labels, and a move redraws four
        characters per family instead of the whole y axis."""
        names = [f"{label('family', f, lang)} ·" for f in FAMILIES]
        y = np.arange(len(FAMILIES))
        self.ax.set_yticks(y, names)
        tick = self.ax.yaxis.get_major_ticks()[0]
        pad = tick.get_pad() + tick.get_tick_padding()
        transform, va, ha = self.ax.get_yaxis_text1_transform(pad)
        font = tick.label1.get_fontproperties()
        texts = [self.ax.text(0, row, "", transform=transform, va=va, ha=ha,
                              fontproperties=font, color=tick.label1.get_color())
                 for row in y]
        # Move the names left by the width the weight takes after them (a space included).
        renderer = self.figure.canvas.get_renderer()
        sample = decimal(1.0, 2, lang)

        def width(text: str) -> float:
            return renderer.get_text_width_height_descent(text, font, ismath=False)[0]

        shift = (width(f"{names[0]} {sample}") - width(names[0])) * 72 / self.figure.dpi
        self.ax.tick_params(axis="y", pad=tick.get_pad() + shift)
        return texts

    @property
    def weights(self) -> dict[str, float]:
        return {family: slider.value for family, slider in self.sliders.items()}

    @property
    def at_defaults(self) -> bool:
        """True when every slider shows the weight your title and goals give."""
        return all(
            abs(value - self.model.default_weights[family]) < 1e-9
            for family, value in self.weights.items()
        )

    def _on_change(self, change: dict) -> None:
        if not self._holding:
            self.update()

    @guarded
    def _on_reset(self, button: widgets.Button) -> None:
        self._holding = True
        try:
            for family, slider in self.sliders.items():
                slider.value = self.model.default_weights[family]
        finally:
            self._holding = False
        self.update()

    @guarded
    def update(self) -> None:
        result = self.model.result(self.weights)
        self.result = result
        self.reset.disabled = self.at_defaults  # nothing to reset
        table = result.table
        for family, bar, acc in zip(FAMILIES, self.bars, self.accepted, strict=True):
            bar.set_width(table.at[family, "invitations"])
            bar.set_color(MATTERS_LIGHT if family in result.matters else NEUTRAL)
            acc.set_width(table.at[family, "accept"])
        y = np.arange(len(FAMILIES))
        self.truth.set_offsets(np.column_stack([table["truly relevant"].to_numpy(float), y]))
        lang = self.lang
        names = {f: label("family", f, lang) for f in FAMILIES}
        for family, text in zip(FAMILIES, self.weight_texts, strict=True):
            text.set_text(decimal(table.at[family, "weight"], 2, lang))
        total = int(table["invitations"].sum())
        accepted = int(table["accept"].sum())
        # Broken into lines here (at most two, as the layout expects), so that matplotlib
        # need not measure every prefix of the title again to wrap it at each draw.
        room = (0.99 - self.ax.get_position().x0) * self.figure.get_figwidth()
        self.title.set_text(fit_title(message(
            "app.families.chart_title", lang, accepted=number(accepted, lang),
            total=number(total, lang), share=share(result.precision, lang)),
            room, self.title.get_fontsize()))
        self.chart.refresh()
        weights = ", ".join(f"{names[f]} {decimal(table.at[f, 'weight'], 2, lang)}"
                            for f in FAMILIES)

        def bold(value: str) -> str:
            return f"<b>{esc(value)}</b>"

        matters = (esc(", ".join(names[f] for f in result.matters))
                   or esc(message("app.common.none", lang)))
        self.summary.value = (
            # These two catalog texts carry their own <b> markup (trusted); values are escaped.
            "<p>" + template("app.families.summary_weights", lang).format(weights=esc(weights))
            + "<br>" + template("app.families.summary_matter", lang).format(families=matters)
            + "<br>" + esc(template("app.families.summary_counts", lang)).format(
                accepted=bold(number(accepted, lang)),
                asked=bold(number(int(table["ask"].sum()), lang)),
                declined=bold(number(int(table["decline"].sum()), lang)),
                total=esc(number(total, lang)), precision=bold(share(result.precision, lang)),
                recall=bold(share(result.recall, lang)))
            + "</p>"
        )
        shown = table.reset_index()
        shown["family"] = shown["family"].map(names)
        shown["weight"] = shown["weight"].map(lambda w: decimal(w, 2, lang))
        columns = {"family": message("app.families.col_family", lang),
                   "weight": message("app.families.col_weight", lang),
                   "invitations": message("app.families.col_invitations", lang),
                   "truly relevant": message("app.families.col_truly_relevant", lang),
                   **{d: label("decision", d, lang) for d in DECISIONS}}
        self.table.value = html_table(shown.rename(columns=columns).to_dict("records"),
                                      lang=lang)


def families_app(invitations: pd.DataFrame | None = None,
                 profile: Profile | None = None, lang: str | None = None) -> FamiliesApp:
    """Chapter 01: choose how much each family matters; see the invitation stream by family."""
    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return FamiliesApp(FamilyChoiceModel(invitations, profile), lang)
