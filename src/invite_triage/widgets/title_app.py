"""Chapters 00–01: which job families matter to you, and what a job title says.

Three apps, each a plain model (no ipywidgets) plus a thin view that builds its controls and
figure once and updates them in place:

- :func:`goals_app` — tick your goals, see how much each family weighs (chapter 00);
- :func:`title_app` — type any title, English or French, see its family, its seniority and the
  words that decided (chapter 01);
- :func:`families_app` — set each family's weight and see how many invitations each family
  brings and what the triage does with them (chapter 01).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from invite_triage.analysis.evaluation import evaluate_decisions
from invite_triage.domain.profile import FAMILIES, GOALS, RELEVANT_WEIGHT, Profile
from invite_triage.domain.titles import MAX_CHARS, TitleExplanation, classify_titles, explain_title
from invite_triage.domain.triage import PreparedTriage
from invite_triage.widgets._style import (
    DECISION_COLOURS,
    DECISION_LABELS,
    DECISIONS,
    FONT_SIZE,
    HIGHLIGHT,
    MATTERS,
    MATTERS_LIGHT,
    NEUTRAL,
    NEUTRAL_DARK,
    clip_text,
    esc,
    fmt_share,
    freeze_layout,
    new_figure,
    style_axes,
)
from invite_triage.widgets.base import App, FigureView, guarded, html_table, summary_html
from invite_triage.world.datasets import example_profile, load_invitations

GOAL_LABELS = {
    "job_search": "job search",
    "prospecting": "prospecting (finding clients)",
    "client_retention": "client retention",
    "reputation": "reputation (your image)",
}
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


def _default_profile(profile: Profile | None) -> Profile:
    if profile is not None:
        return profile

    return example_profile()


def _family_axes(ax, values: Iterable[float]):
    """Horizontal bars, one per family, first family on top."""
    y = np.arange(len(FAMILIES))
    bars = ax.barh(y, list(values), color=NEUTRAL, height=0.65)
    ax.set_yticks(y, list(FAMILIES))
    ax.invert_yaxis()
    style_axes(ax)
    ax.grid(False, axis="y")
    return y, bars


# --------------------------------------------------------------------------------------------
# Goals → family weights (chapter 00)
# --------------------------------------------------------------------------------------------
class GoalsModel:
    """Your goals turned into family weights, through :meth:`Profile.family_weights`."""

    def __init__(self, profile: Profile):
        self.profile = profile

    def profile_for(self, goals: Iterable[str]) -> Profile:
        ordered = tuple(g for g in GOALS if g in set(goals))
        return dataclasses.replace(self.profile, goals=ordered)

    def weights(self, goals: Iterable[str]) -> pd.Series:
        weights = self.profile_for(goals).family_weights()
        return pd.Series([weights[f] for f in FAMILIES], index=list(FAMILIES), name="weight")

    def matters(self, goals: Iterable[str]) -> tuple[str, ...]:
        return self.profile_for(goals).relevant_families


class GoalsApp(App):
    """Tick boxes for the four goals; a bar chart of family weights updated in place."""

    def __init__(self, model: GoalsModel):
        self.model = model
        self.checkboxes = {
            goal: widgets.Checkbox(
                value=goal in model.profile.goals,
                description=GOAL_LABELS[goal],
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for goal in GOALS
        }
        self.figure = new_figure(6.4, 3.0)
        self.ax = self.figure.add_subplot()
        y, self.bars = _family_axes(self.ax, np.zeros(len(FAMILIES)))
        self.labels = [
            self.ax.text(0, yi, "", va="center", fontsize=FONT_SIZE) for yi in y
        ]
        self.cutoff = self.ax.axvline(RELEVANT_WEIGHT, color=NEUTRAL_DARK, linestyle="--",
                                      linewidth=1)
        self.cutoff_label = self.ax.text(
            RELEVANT_WEIGHT + 0.02, len(FAMILIES) - 1.5, "matters from here →",
            fontsize=FONT_SIZE - 1, color=NEUTRAL_DARK, va="center",
        )
        self.ax.set_xlim(0, 1.15)
        self.ax.set_xlabel("how much the family matters to you (weight)", fontsize=FONT_SIZE)
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
        self.chart = FigureView(self.figure)
        self.summary = summary_html()
        boxes = widgets.HBox(list(self.checkboxes.values()),
                             layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([widgets.HTML("<b>Your goals</b>"), boxes, self.chart, self.summary])
        for box in self.checkboxes.values():
            box.observe(self._on_change, names="value")
        self.update()
        freeze_layout(self.figure)
        # Ticking changes only the bars, their labels and the title; the rest is drawn once
        # (blitting). The cut-off line, its label and the spines sit above the bars.
        self.chart.redraw_only(*self.bars, *self.labels, self.title, self.cutoff,
                               self.cutoff_label, self.ax.spines["left"],
                               self.ax.spines["bottom"])

    @property
    def goals(self) -> tuple[str, ...]:
        return tuple(g for g, box in self.checkboxes.items() if box.value)

    def _on_change(self, change: dict) -> None:
        self.update()

    @guarded
    def update(self) -> None:
        weights = self.model.weights(self.goals)
        matters = self.model.matters(self.goals)
        self.weights = weights
        for bar, label, (family, weight) in zip(self.bars, self.labels, weights.items(),
                                                strict=True):
            bar.set_width(weight)
            bar.set_color(MATTERS if family in matters else NEUTRAL)
            label.set_x(weight + 0.02)
            label.set_text(f"{weight:.2f}")
        self.title.set_text("Matters to you: " + ", ".join(matters))
        self.chart.refresh()
        goals = ", ".join(GOAL_LABELS[g] for g in self.goals) or "none ticked"
        self.summary.value = (
            f"<p><b>Goals:</b> {esc(goals)}<br><b>Families that matter to you</b> "
            f"(weight ≥ {RELEVANT_WEIGHT}): "
            + ", ".join(f"{esc(f)} ({weights[f]:.2f})" for f in matters)
            + "</p>"
        )


def goals_app(profile: Profile | None = None) -> GoalsApp:
    """Chapter 00: pick your goals, see which job families matter to you and how much."""
    return GoalsApp(GoalsModel(_default_profile(profile)))


# --------------------------------------------------------------------------------------------
# One title, explained (chapter 01)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TitleReading:
    """What the app shows for one typed title."""

    explanation: TitleExplanation
    weight: float
    matters: bool
    notes: tuple[str, ...]


class TitleModel:
    """Explains a title and says how much its family matters to you."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.weights = profile.family_weights()

    def read(self, text: str) -> TitleReading:
        text = "" if text is None else str(text)
        explanation = explain_title(text)
        notes = []
        if len(text) > MAX_CHARS:
            notes.append(
                f"This text is {len(text):,} characters long; a job title or headline is much "
                f"shorter, so only its first {MAX_CHARS} characters were read."
            )
        if not text.strip():
            notes.append("Type a job title (English or French) to see how it is read.")
        elif not explanation.cleaned:
            notes.append(
                "No words were found in this text (only emoji, symbols or punctuation?), so it "
                "counts as 'other'."
            )
        elif not explanation.family_words:
            notes.append(
                "None of these words names a job family the package knows, so it counts as "
                "'other'. The vocabulary is in the package's vocab/terms.csv."
            )
        weight = float(self.weights[explanation.family])
        return TitleReading(explanation, weight, weight >= RELEVANT_WEIGHT, tuple(notes))


class TitleApp(App):
    """A text box (and a drop-down of examples); the reading, and the family's weight bar."""

    def __init__(self, model: TitleModel, title: str = ""):
        self.model = model
        self.text = widgets.Text(
            value=title,
            description="Job title",
            placeholder="e.g. Chargée de recrutement chez Qonto",
            layout=widgets.Layout(width="95%"),
        )
        self.examples = widgets.Dropdown(
            options=[("pick an example…", ""), *[(t, t) for t in EXAMPLE_TITLES]],
            value="",
            description="or try",
        )
        self.figure = new_figure(6.4, 2.8)
        self.ax = self.figure.add_subplot()
        weights = [model.weights[f] for f in FAMILIES]
        _, self.bars = _family_axes(self.ax, weights)
        self.cutoff = self.ax.axvline(RELEVANT_WEIGHT, color=NEUTRAL_DARK, linestyle="--",
                                      linewidth=1)
        self.ax.set_xlim(0, 1.05)
        self.ax.set_xlabel("how much each family matters to you", fontsize=FONT_SIZE)
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
        self.legend = self.ax.legend(
            handles=[Patch(color=HIGHLIGHT, label="this title's family"),
                     Patch(color=MATTERS_LIGHT, label="matters to you"),
                     Patch(color=NEUTRAL, label="does not")],
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
        verdict = "matters to you" if reading.matters else "does not matter much to you"
        title = f"Family {exp.family}: weight {reading.weight:.2f}, {verdict}"
        if title != self.title.get_text():  # typing re-renders only when the family changes
            self.title.set_text(title)
            self.chart.refresh()
        rows = [
            {"": "family", "reading": exp.family, "why": exp.family_reason},
            {"": "seniority", "reading": exp.seniority, "why": exp.seniority_reason},
            {"": "part read", "reading": clip_text(exp.part) or "—", "why": ""},
        ]
        notes = "".join(f"<p><em>{esc(n)}</em></p>" for n in reading.notes)
        shown = clip_text(exp.text.strip()) or "(empty)"
        self.summary.value = (
            f"<p><b>{esc(shown)}</b> — {esc(verdict)} (weight {reading.weight:.2f})</p>"
            + html_table(rows, ["", "reading", "why"])
            + notes
        )


def title_app(profile: Profile | None = None, title: str = "Chargée de recrutement") -> TitleApp:
    """Chapter 01: type any job title and see its family, seniority and why."""
    return TitleApp(TitleModel(_default_profile(profile)), title)


# --------------------------------------------------------------------------------------------
# Which families matter: the stream by family (chapter 01)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FamilyResult:
    """Per family: weight, invitations, truly relevant, decisions; and the totals."""

    table: pd.DataFrame
    matters: tuple[str, ...]
    precision: float
    recall: float


class FamilyChoiceModel:
    """Triage the invitations with your own family weights and count the outcome per family."""

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        self.family = classify_titles(invitations["title"])["family"]
        self.default_weights = dict(profile.family_weights())
        self.has_truth = "relevant" in invitations.columns
        # Family weights change only the job and mutuals criteria: the titles, notes and
        # names are read once here, and each move re-scores only what the weights touch.
        self._prepared = PreparedTriage(invitations, profile)

    def result(self, weights: Mapping[str, float]) -> FamilyResult:
        full = {**self.default_weights, **{f: float(w) for f, w in weights.items()}}
        chosen = dataclasses.replace(self.profile, family_overrides=full)
        decisions = self._prepared.with_profile(chosen).decisions()
        family = pd.Categorical(self.family, categories=list(FAMILIES))
        counts = pd.crosstab(family, decisions.to_numpy()).reindex(
            index=list(FAMILIES), columns=list(DECISIONS), fill_value=0
        )
        relevant = (
            self.invitations["relevant"].to_numpy(bool)
            if self.has_truth else np.zeros(len(decisions), bool)
        )
        table = pd.DataFrame(
            {
                "weight": [full[f] for f in FAMILIES],
                "invitations": self.family.value_counts().reindex(FAMILIES, fill_value=0),
                "truly relevant": pd.Series(relevant).groupby(family, observed=False).sum()
                .reindex(FAMILIES, fill_value=0).to_numpy(),
            },
            index=list(FAMILIES),
        ).join(counts)
        table.index.name = "family"
        quality = evaluate_decisions(decisions.to_numpy(object), relevant)
        precision = quality["precision"] if decisions.eq("accept").any() else float("nan")
        recall = quality["recall"]
        matters = chosen.relevant_families
        return FamilyResult(table, matters, precision, recall)


class FamiliesApp(App):
    """One weight slider per family and a reset button; bars of invitations and accepts."""

    def __init__(self, model: FamilyChoiceModel):
        self.model = model
        self.sliders = {
            family: widgets.FloatSlider(
                value=model.default_weights[family], min=0.0, max=1.0, step=0.05,
                description=family, readout_format=".2f", continuous_update=False,
            )
            for family in FAMILIES
        }
        self.reset = widgets.Button(description="Reset to my goals", icon="undo",
                                    tooltip="weights derived from your title and goals")
        self.figure = new_figure(7.0, 3.6)
        self.ax = self.figure.add_subplot()
        y, self.bars = _family_axes(self.ax, np.zeros(len(FAMILIES)))
        self.accepted = self.ax.barh(y, np.zeros(len(FAMILIES)), height=0.35,
                                     color=DECISION_COLOURS["accept"])
        self.truth = self.ax.scatter(np.zeros(len(FAMILIES)), y, marker="|", s=420,
                                     linewidths=2.5, color="black", zorder=3)
        self.ax.set_xlim(0, float(model.family.value_counts().max()) * 1.12 + 1)
        self.ax.set_xlabel("invitations over two years", fontsize=FONT_SIZE)
        self.legend = self.ax.legend(
            handles=[
                Patch(color=MATTERS_LIGHT, label="invitations, family matters"),
                Patch(color=NEUTRAL, label="invitations, family does not"),
                Patch(color=DECISION_COLOURS["accept"], label="accepted by the triage"),
                self.truth,
            ],
            labels=["invitations, family matters", "invitations, family does not",
                    "accepted by the triage", "truly relevant (hidden)"],
            fontsize=FONT_SIZE - 2, frameon=False, loc="lower right",
        )
        self.title = self.ax.set_title("", fontsize=FONT_SIZE + 1, loc="left")
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
        # Moves change only these (the y tick labels show the weights); the x axis, its
        # label and the frame are drawn once (blitting). The legend and the left spine sit
        # above the bars, so they are redrawn over them.
        self.chart.redraw_only(
            *self.bars, *self.accepted, self.truth, self.ax.yaxis, self.title, self.legend,
            self.ax.spines["left"],
        )

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
        self.ax.set_yticks(y, [f"{f} · {table.at[f, 'weight']:.2f}" for f in FAMILIES])
        total = int(table["invitations"].sum())
        accepted = int(table["accept"].sum())
        self.title.set_text(
            f"The triage accepts {accepted} of {total}; "
            f"{fmt_share(result.precision)} of them truly relevant"
        )
        self.chart.refresh()
        weights = ", ".join(f"{f} {table.at[f, 'weight']:.2f}" for f in FAMILIES)
        self.summary.value = (
            f"<p><b>Weights:</b> {esc(weights)}<br><b>Families that matter to you:</b> "
            + (esc(", ".join(result.matters)) or "none")
            + f"<br>The triage accepts <b>{accepted}</b>, asks first <b>{int(table['ask'].sum())}"
            f"</b>, declines <b>{int(table['decline'].sum())}</b> of {total} invitations. "
            f"Of those accepted, <b>{fmt_share(result.precision)}</b> were truly relevant "
            f"(precision); they are <b>{fmt_share(result.recall)}</b> of all truly relevant "
            "invitations (recall).</p>"
        )
        shown = table.rename(columns=DECISION_LABELS).reset_index()
        shown["weight"] = shown["weight"].map("{:.2f}".format)
        self.table.value = html_table(shown.to_dict("records"))


def families_app(invitations: pd.DataFrame | None = None,
                 profile: Profile | None = None) -> FamiliesApp:
    """Chapter 01: choose how much each family matters; see the invitation stream by family."""
    if invitations is None:

        invitations = load_invitations()
    return FamiliesApp(FamilyChoiceModel(invitations, _default_profile(profile)))
