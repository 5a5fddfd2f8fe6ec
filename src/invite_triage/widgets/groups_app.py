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

from invite_triage.domain.profile import Profile
from invite_triage.models.groups import GroupsModel, GroupsReading
from invite_triage.render.style import (
    DECISION_COLOURS,
    DECISION_LABELS,
    DECISIONS,
    FONT_SIZE,
    MATTERS,
    MATTERS_LIGHT,
    NEUTRAL,
    NEUTRAL_DARK,
    clip_text,
    esc,
    fmt_share,
    freeze_layout,
    new_figure,
    plain,
    style_axes,
)
from invite_triage.widgets.base import App, FigureView, guarded, html_table, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

GROUP_LABEL_CHARS = 28


class GroupsApp(App):
    """Tick boxes per group and a minimum slider; group bars and decision bars, in place."""

    def __init__(self, model: GroupsModel, minimum: int = 1):
        self.model = model
        self.checkboxes = {
            group: widgets.Checkbox(value=True, description=group, indent=False,
                                    layout=widgets.Layout(width="auto"))
            for group in model.groups
        }
        self.slider = widgets.IntSlider(
            value=minimum, min=1, max=max(len(model.groups), 1), step=1,
            description="at least", continuous_update=False,
        )
        self.figure = new_figure(8.6, 3.6)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[1.5, 1])
        self.ax, self.bx = ax, bx
        y = np.arange(len(model.groups))
        per_group = model.per_group
        self.group_bars = ax.barh(y, per_group["invitations"], color=MATTERS_LIGHT, height=0.65)
        self.relevant_bars = ax.barh(y, per_group["truly relevant"], color=MATTERS, height=0.35)
        ax.set_yticks(y, [plain(clip_text(g, GROUP_LABEL_CHARS)) for g in model.groups],
                      fontsize=FONT_SIZE - 1)
        ax.invert_yaxis()
        ax.set_xlabel("invitations sharing the group", fontsize=FONT_SIZE)
        ax.legend(
            handles=[Patch(color=MATTERS_LIGHT, label="shared, group counted"),
                     Patch(color=NEUTRAL, label="shared, group not counted"),
                     Patch(color=MATTERS, label="of which truly relevant")],
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
                                    label="all your groups counted")
        self.decision_labels = [bx.text(i, 0, "", ha="center", va="bottom",
                                        fontsize=FONT_SIZE - 1) for i in x]
        bx.set_xticks(x, [DECISION_LABELS[d] for d in DECISIONS])
        bx.set_ylim(0, len(model.invitations) * 0.75)
        bx.set_ylabel("invitations", fontsize=FONT_SIZE)
        self.legend = bx.legend(fontsize=FONT_SIZE - 3, frameon=False, loc="upper right")
        style_axes(bx)
        bx.grid(False, axis="x")
        self.title = self.figure.suptitle("", fontsize=FONT_SIZE, x=0.01, ha="left")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.reading: GroupsReading | None = None
        boxes = widgets.VBox(list(self.checkboxes.values()))
        controls = widgets.VBox([widgets.HTML("<b>Groups that count</b>"), boxes,
                                 widgets.HBox([self.slider, widgets.Label("shared groups")])])
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
            self.decision_labels[i].set_text(f"{r.decisions[d]} ({delta:+d})")
        self.title.set_text(
            f"{len(r.counted)} of {len(self.model.groups)} groups counted: "
            f"{r.with_groups_score} invitations get a groups score above 0 · "
            f"sharing at least {r.minimum}: {r.passed} ({fmt_share(r.precision)} relevant)"
        )
        self.chart.refresh()
        notes = []
        if not r.counted:
            notes.append("No group counts: the groups criterion is 0 for everyone, and the "
                         "decisions rest on the other clues.")
        elif r.minimum > len(r.counted):
            notes.append(f"Nobody can share {r.minimum} counted groups when only "
                         f"{len(r.counted)} count: the rule lets no one through.")
        rows = [
            {"decision": DECISION_LABELS[d], "now": r.decisions[d],
             "all groups counted": r.baseline[d], "change": f"{r.decisions[d] - r.baseline[d]:+d}"}
            for d in DECISIONS
        ]
        self.summary.value = (
            "".join(f"<p><em>{esc(n)}</em></p>" for n in notes)
            + f"<p><b>Groups criterion:</b> {r.with_groups_score} invitations share at least "
            f"one counted group (mean score {r.mean_groups_score:.2f}).<br>"
            f"<b>Rule “at least {r.minimum} counted shared group{'s' if r.minimum != 1 else ''}”:"
            f"</b> {r.passed} pass; precision <b>{esc(fmt_share(r.precision, 1))}</b>, recall "
            f"<b>{esc(fmt_share(r.recall, 1))}</b> (hidden answers).</p>"
            + html_table(rows)
        )


def groups_app(invitations: pd.DataFrame | None = None, profile: Profile | None = None,
               minimum: int = 1) -> GroupsApp:
    """Chapter 04: choose which of your groups count and how many shared groups it takes."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return GroupsApp(GroupsModel(invitations, profile), minimum)
