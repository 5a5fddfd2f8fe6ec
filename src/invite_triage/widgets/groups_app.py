"""Chapter 04: the groups you share — which of your groups count, and how many it takes.

:func:`groups_app` has one tick box per group of your profile and a minimum number of shared
(counted) groups. Unticked groups are removed from every invitation's ``shared_groups`` before
the triage runs, so the groups criterion and the decisions change; the minimum is read as a
yes/no rule whose precision and recall are measured against the hidden ground truth.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from invite_triage.core.formats import decimal, number, share
from invite_triage.core.i18n import label, message, template
from invite_triage.domain.profile import Profile
from invite_triage.models.groups import GroupsModel, GroupsReading
from invite_triage.render.style import (
    DECISION_COLOURS,
    DECISIONS,
    FONT_SIZE,
    MATTERS,
    MATTERS_LIGHT,
    NEUTRAL,
    NEUTRAL_DARK,
    category_labels,
    clip_text,
    esc,
    freeze_layout,
    new_figure,
    plain,
    style_axes,
)
from invite_triage.widgets.base import (
    App,
    FigureView,
    app_language,
    guarded,
    html_table,
    summary_html,
)
from invite_triage.world.datasets import example_profile, load_invitations

GROUP_LABEL_CHARS = 28


def _signed(delta: int, lang: str | None) -> str:
    """A change with its sign ("+3", "-2", "+0"), digits in the language's way."""
    return ("+" if delta >= 0 else "-") + number(abs(delta), lang)


class GroupsApp(App):
    """Tick boxes per group and a minimum slider; group bars and decision bars, in place."""

    def __init__(self, model: GroupsModel, minimum: int = 1, lang: str | None = None):
        self.model = model
        self.lang = lang = app_language(lang)
        self.checkboxes = {
            group: widgets.Checkbox(value=True, description=group, indent=False,
                                    layout=widgets.Layout(width="auto"))
            for group in model.groups
        }
        self.slider = widgets.IntSlider(
            value=minimum, min=1, max=max(len(model.groups), 1), step=1,
            description=message("app.groups.at_least", lang), continuous_update=False,
        )
        self.figure = new_figure(8.6, 3.6)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[0.9, 1])
        self.ax, self.bx = ax, bx
        y = np.arange(len(model.groups))
        per_group = model.per_group
        self.group_bars = ax.barh(y, per_group["invitations"], color=MATTERS_LIGHT, height=0.65)
        self.relevant_bars = ax.barh(y, per_group["truly relevant"], color=MATTERS, height=0.35)
        ax.set_yticks(y, [plain(clip_text(g, GROUP_LABEL_CHARS)) for g in model.groups],
                      fontsize=FONT_SIZE - 1)
        ax.invert_yaxis()
        ax.set_xlabel(message("app.groups.xlabel", lang), fontsize=FONT_SIZE)
        ax.legend(
            handles=[Patch(color=MATTERS_LIGHT, label=message("app.groups.legend_counted", lang)),
                     Patch(color=NEUTRAL, label=message("app.groups.legend_not_counted", lang)),
                     Patch(color=MATTERS, label=message("app.groups.legend_relevant", lang))],
            fontsize=FONT_SIZE - 2, frameon=False, loc="upper center",
            bbox_to_anchor=(0.4, -0.2), ncol=2,
        )
        style_axes(ax)
        ax.grid(False, axis="y")
        x = np.arange(len(DECISIONS))
        self.decision_bars = bx.bar(x, [0] * len(DECISIONS),
                                    color=[DECISION_COLOURS[d] for d in DECISIONS])
        self.baseline_bars = bx.bar(x, [model.baseline[d] for d in DECISIONS], fill=False,
                                    edgecolor=NEUTRAL_DARK, linestyle="--", linewidth=1.2,
                                    label=message("app.groups.legend_baseline", lang))
        self.decision_labels = [bx.text(i, 0, "", ha="center", va="bottom",
                                        fontsize=FONT_SIZE - 1) for i in x]
        bx.set_xticks(x, category_labels(bx, [label("decision", d, lang) for d in DECISIONS],
                                         FONT_SIZE - 1))
        bx.set_ylim(0, len(model.invitations) * 0.75)
        bx.set_ylabel(message("app.common.invitations", lang), fontsize=FONT_SIZE)
        self.legend = bx.legend(fontsize=FONT_SIZE - 3, frameon=False, loc="upper right")
        style_axes(bx)
        bx.tick_params(axis="x", labelsize=FONT_SIZE - 1)  # three names side by side
        bx.grid(False, axis="x")
        self.title = self.figure.suptitle("", fontsize=FONT_SIZE, x=0.01, ha="left")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.reading: GroupsReading | None = None
        boxes = widgets.VBox(list(self.checkboxes.values()))
        heading = widgets.HTML(f"<b>{esc(message('app.groups.heading', lang))}</b>")
        shared = widgets.Label(message("app.groups.shared_groups", lang))
        controls = widgets.VBox([heading, boxes, widgets.HBox([self.slider, shared])])
        super().__init__([controls, self.chart, self.summary])
        for box in self.checkboxes.values():
            box.observe(self._on_change, names="value")
        self.slider.observe(self._on_change, names="value")
        self.update()
        freeze_layout(self.figure)
        # Changes touch only these; axes, ticks and labels are drawn once (blitting). The
        # dashed baseline bars, the legend and the spines sit above the bars, so they are
        # redrawn over them.
        self.chart.redraw_only(
            *self.group_bars, *self.relevant_bars, *self.decision_bars, *self.baseline_bars,
            *self.decision_labels, self.title, self.legend, ax.spines["left"],
            bx.spines["bottom"],
        )

    @property
    def counted(self) -> tuple[str, ...]:
        return tuple(g for g, box in self.checkboxes.items() if box.value)

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        lang = self.lang
        r = self.model.at(self.counted, self.slider.value)
        self.reading = r
        for group, bar in zip(self.model.groups, self.group_bars, strict=True):
            bar.set_color(MATTERS_LIGHT if group in r.counted else NEUTRAL)
        for group, bar in zip(self.model.groups, self.relevant_bars, strict=True):
            bar.set_alpha(1.0 if group in r.counted else 0.35)
        for i, d in enumerate(DECISIONS):
            self.decision_bars[i].set_height(r.decisions[d])
            self.decision_labels[i].set_y(max(r.decisions[d], r.baseline[d]) + 3)
            delta = r.decisions[d] - r.baseline[d]
            self.decision_labels[i].set_text(
                f"{number(r.decisions[d], lang)} ({_signed(delta, lang)})")
        self.title.set_text(message(
            "app.groups.chart_title", lang, counted=number(len(r.counted), lang),
            total=number(len(self.model.groups), lang),
            scored=number(r.with_groups_score, lang), minimum=number(r.minimum, lang),
            passed=number(r.passed, lang), precision=share(r.precision, lang)))
        self.chart.refresh()
        notes = []
        if not r.counted:
            notes.append(message("app.groups.note_none", lang))
        elif r.minimum > len(r.counted):
            notes.append(message("app.groups.note_impossible", lang,
                                 minimum=number(r.minimum, lang),
                                 counted=number(len(r.counted), lang)))
        col = {key: message(f"app.groups.col_{key}", lang)
               for key in ("decision", "now", "baseline", "change")}
        rows = [
            {col["decision"]: label("decision", d, lang), col["now"]: number(r.decisions[d], lang),
             col["baseline"]: number(r.baseline[d], lang),
             col["change"]: _signed(r.decisions[d] - r.baseline[d], lang)}
            for d in DECISIONS
        ]
        rule = message("app.groups.rule_one" if r.minimum == 1 else "app.groups.rule_many",
                       lang, minimum=number(r.minimum, lang))
        self.summary.value = (
            "".join(f"<p><em>{esc(n)}</em></p>" for n in notes)
            + "<p>" + template("app.groups.summary_criterion", lang).format(
                scored=esc(number(r.with_groups_score, lang)),
                mean=esc(decimal(r.mean_groups_score, 2, lang)))
            + "<br>" + template("app.groups.summary_rule", lang).format(
                rule=esc(message("app.groups.quoted", lang, rule=rule)),
                passed=esc(number(r.passed, lang)),
                precision=f"<b>{esc(share(r.precision, lang, 1))}</b>",
                recall=f"<b>{esc(share(r.recall, lang, 1))}</b>")
            + "</p>" + html_table(rows, lang=lang)
        )


def groups_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
               minimum: int = 1, lang: str | None = None) -> GroupsApp:
    """Chapter 04: choose which of your groups count and how many shared groups it takes."""

    lang = app_language(lang)
    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile(lang) if profile is None else profile
    return GroupsApp(GroupsModel(invitations, profile), minimum, lang)
