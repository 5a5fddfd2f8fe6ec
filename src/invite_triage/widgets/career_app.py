"""Chapter 02: beginners and experts, and what your willingness to mentor changes.

:func:`career_app` has a mentoring slider (``Profile.mentoring``) and a slider for the weight
of the career criterion in the triage. It shows, among the invitations the career criterion
treats as early-career, how the decisions move across the whole mentoring range, and the
career scores of beginners and of everyone else at the current setting. Career stage changes
the kind of relationship; the app makes visible that it is never on its own a reason to decline.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.criteria import CRITERIA, reason_keys
from invite_triage.domain.profile import Profile
from invite_triage.domain.triage import DECISIONS as DECISION_ORDER
from invite_triage.domain.triage import PreparedTriage, preset_weights
from invite_triage.widgets._style import (
    DECISION_COLOURS,
    DECISION_LABELS,
    DECISIONS,
    FONT_SIZE,
    MATTERS,
    MATTERS_LIGHT,
    NEUTRAL,
    clip_text,
    esc,
    freeze_layout,
    new_figure,
    style_axes,
)
from invite_triage.widgets.base import App, FigureView, guarded, html_table, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

#: Mentoring values at which the whole curve is drawn (the marker moves between them).
MENTORING_GRID = np.round(np.linspace(0.0, 1.0, 11), 2)
#: Career reason keys that mean "early in their career" (in your field or not).
EARLY_KEYS = ("beginner_mentor", "beginner", "early")
IN_FIELD_KEYS = ("beginner_mentor", "beginner")
GROUP_LABELS = ("beginners in\nyour field", "other\nbeginners", "everyone\nelse")
SAMPLE_ROWS = 4


@dataclass(frozen=True)
class CareerReading:
    """The app's numbers at one mentoring value and one career weight."""

    mentoring: float
    career_weight: float
    counts: dict[str, int]
    relevant_counts: dict[str, int]
    mean_scores: tuple[float, float, float]
    recall: float
    samples: pd.DataFrame


class CareerModel:
    """Who counts as a beginner (the career criterion's own reading) and how they are triaged."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        keys = reason_keys("career")
        # The criteria are scored once; a mentoring move re-scores only the career criterion
        # (the titles, notes and names are not read again), a weight move none.
        self._prepared = PreparedTriage(invitations, profile)
        code = self._prepared.codes[:, CRITERIA.index("career")]
        self.beginner = np.isin(code, [keys.index(k) for k in EARLY_KEYS])
        self.in_field = np.isin(code, [keys.index(k) for k in IN_FIELD_KEYS])
        self.preset_career_weight = float(preset_weights(profile)["career"])
        self.has_truth = "relevant" in invitations.columns
        self.truth = (
            invitations["relevant"].to_numpy(bool) if self.has_truth
            else np.zeros(len(invitations), bool)
        )
        self._curves: dict[float, pd.DataFrame] = {}
        # The curve counts beginners only, and a row's decision never depends on the other
        # rows: the beginners alone are prepared for it (a weight move re-decides the grid's
        # eleven mentoring values on them, not on the whole table).
        self._beginners = PreparedTriage(invitations[self.beginner], profile)

    @property
    def n_beginners(self) -> int:
        return int(self.beginner.sum())

    def triaged(self, mentoring: float, career_weight: float | None = None) -> pd.DataFrame:
        weight = self.preset_career_weight if career_weight is None else float(career_weight)
        return self._at_mentoring(mentoring).triage(weights={"career": weight})

    def _at_mentoring(self, mentoring: float) -> PreparedTriage:
        profile = dataclasses.replace(self.profile, mentoring=float(mentoring))
        return self._prepared.with_profile(profile)

    def beginner_counts(self, decisions: pd.Series) -> dict[str, int]:
        counts = decisions[self.beginner].value_counts()
        return {d: int(counts.get(d, 0)) for d in DECISIONS}

    def curve(self, career_weight: float | None = None) -> pd.DataFrame:
        """Decisions among beginners for every mentoring value of the grid (cached per weight)."""
        weight = self.preset_career_weight if career_weight is None else float(career_weight)
        key = round(weight, 4)
        if key not in self._curves:
            # Counts only: decisions without their reasons, for each mentoring value.
            order = [DECISION_ORDER.index(d) for d in DECISIONS]
            rows = []
            for m in MENTORING_GRID:
                at_m = self._beginners.with_profile(
                    dataclasses.replace(self.profile, mentoring=float(m)))
                codes = at_m.decision_codes(weights={"career": weight})
                counts = np.bincount(codes, minlength=len(DECISION_ORDER))
                rows.append({d: int(counts[i]) for d, i in zip(DECISIONS, order, strict=True)})
            self._curves[key] = pd.DataFrame(rows, index=pd.Index(MENTORING_GRID, name="mentoring"))
        return self._curves[key]

    def at(self, mentoring: float, career_weight: float | None = None) -> CareerReading:
        weight = self.preset_career_weight if career_weight is None else float(career_weight)
        result = self.triaged(mentoring, weight)
        decisions = result["decision"]
        career = result["career"].to_numpy(float)
        relevant_beginners = decisions[self.beginner & self.truth].value_counts()
        groups = (self.in_field, self.beginner & ~self.in_field, ~self.beginner)
        means = tuple(float(career[g].mean()) if g.any() else float("nan") for g in groups)
        recall = evaluate_decisions(
            decisions[self.beginner].to_numpy(object), self.truth[self.beginner]
        )["recall"]
        samples = result.loc[self.in_field, ["title", "years_experience", "decision", "reasons"]]
        return CareerReading(
            mentoring=float(mentoring),
            career_weight=weight,
            counts=self.beginner_counts(decisions),
            relevant_counts={d: int(relevant_beginners.get(d, 0)) for d in DECISIONS},
            mean_scores=means,
            recall=recall,
            samples=samples.head(SAMPLE_ROWS),
        )


class CareerApp(App):
    """Mentoring and career-weight sliders; decisions-vs-mentoring lines; career-score bars."""

    def __init__(self, model: CareerModel):
        self.model = model
        self.slider = widgets.FloatSlider(
            value=float(model.profile.mentoring), min=0.0, max=1.0, step=0.05,
            description="mentoring", readout_format=".2f", continuous_update=False,
        )
        self.weight_slider = widgets.FloatSlider(
            value=model.preset_career_weight, min=0.0, max=0.5, step=0.01,
            description="career weight", readout_format=".2f", continuous_update=False,
            style={"description_width": "initial"},
        )
        self.figure = new_figure(8.6, 3.6)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[1.6, 1])
        self.ax, self.bx = ax, bx
        self.lines = {
            d: ax.plot(MENTORING_GRID, np.zeros(len(MENTORING_GRID)), marker="o", markersize=4,
                       color=DECISION_COLOURS[d], label=DECISION_LABELS[d])[0]
            for d in DECISIONS
        }
        self.marker = ax.axvline(model.profile.mentoring, color="black", linewidth=1)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(0, max(model.n_beginners, 1) * 1.08)
        ax.set_xlabel("mentoring (0 = not now, 1 = gladly)", fontsize=FONT_SIZE)
        ax.set_ylabel("beginners", fontsize=FONT_SIZE)
        self.title = ax.set_title("", fontsize=FONT_SIZE, loc="left")
        self.legend = ax.legend(fontsize=FONT_SIZE - 2, frameon=False, loc="center right")
        style_axes(ax)
        self.score_bars = bx.bar(range(3), [0, 0, 0], color=[MATTERS, MATTERS_LIGHT, NEUTRAL])
        self.score_labels = [bx.text(i, 0, "", ha="center", va="bottom", fontsize=FONT_SIZE - 1)
                             for i in range(3)]
        bx.set_xticks(range(3), GROUP_LABELS, fontsize=FONT_SIZE - 2)
        bx.set_ylim(0, 1.12)
        bx.set_title("Career criterion (mean score)", fontsize=FONT_SIZE, loc="left")
        style_axes(bx)
        bx.grid(False, axis="x")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        self.table = widgets.HTML()
        self.reading: CareerReading | None = None
        self._curve_weight: float | None = None
        super().__init__([widgets.HBox([self.slider, self.weight_slider]), self.chart,
                          self.summary, self.table])
        self.slider.observe(self._on_change, names="value")
        self.weight_slider.observe(self._on_change, names="value")
        self.update()
        freeze_layout(self.figure)
        # Moves change only these; axes, ticks and labels are drawn once (blitting). The
        # legend and the spines sit above the lines and bars, so they are redrawn over them.
        self.chart.redraw_only(
            *self.lines.values(), self.marker, self.title, *self.score_bars,
            *self.score_labels, self.legend, ax.spines["bottom"], bx.spines["bottom"],
        )

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        weight = float(self.weight_slider.value)
        if self._curve_weight != weight:
            curve = self.model.curve(weight)
            for decision, line in self.lines.items():
                line.set_ydata(curve[decision].to_numpy(float))
            self._curve_weight = weight
            self.title.set_text(
                f"Decisions for the {self.model.n_beginners} beginners (career weight {weight:.2f})"
            )
        reading = self.model.at(self.slider.value, weight)
        self.reading = reading
        self.marker.set_xdata([reading.mentoring, reading.mentoring])
        for bar, label, value in zip(self.score_bars, self.score_labels, reading.mean_scores,
                                     strict=True):
            height = 0.0 if np.isnan(value) else value
            bar.set_height(height)
            label.set_y(height + 0.02)
            label.set_text("—" if np.isnan(value) else f"{value:.2f}")
        self.chart.refresh()
        c, r = reading.counts, reading.relevant_counts
        n_relevant = sum(r.values())
        self.summary.value = (
            f"<p>With mentoring at <b>{reading.mentoring:.2f}</b> and the career criterion "
            f"weighing <b>{weight:.2f}</b>, the {self.model.n_beginners} beginners are: "
            + ", ".join(f"<b>{c[d]}</b> {esc(DECISION_LABELS[d])}" for d in DECISIONS)
            + f".<br>Of the {n_relevant} beginners who were truly relevant (hidden answers), "
            + ", ".join(f"{r[d]} {esc(DECISION_LABELS[d])}" for d in DECISIONS)
            + f" (recall {reading.recall:.0%}).<br>Experts and established people keep the "
            f"same career score whatever the setting ({reading.mean_scores[2]:.2f} on average "
            "for everyone who is not a beginner).</p>"
        )
        rows = [
            {"title": clip_text(str(row.title), 60), "years": f"{row.years_experience:.1f}",
             "decision": DECISION_LABELS.get(row.decision, row.decision),
             "reasons": row.reasons}
            for row in reading.samples.itertuples(index=False)
        ]
        self.table.value = "<p><b>Some beginners in your field</b></p>" + html_table(rows)


def career_app(invitations: pd.DataFrame | None = None,
               profile: Profile | None = None) -> CareerApp:
    """Chapter 02: move your willingness to mentor and see what happens to beginners."""

    invitations = load_invitations() if invitations is None else invitations
    profile = example_profile() if profile is None else profile
    return CareerApp(CareerModel(invitations, profile))
