"""Chapter 08: your own LinkedIn data — fill in what the export cannot hold, see the decision.

A LinkedIn export never says who your mutual connections with an inviter are, which groups you
share or whether you know them offline: the learner reads that off the inviter's profile page.
:func:`triage_form` is the form for it. Pick a pending invitation, type what the profile shows,
and the decision (score, reasons, what each criterion contributed, an "ask first" draft) follows
live; **Save** appends the annotation under ``data/private/`` (``annotations.save_annotation``:
never overwritten), and the next start of the form reloads it.

:class:`OwnDataModel` holds the logic (no ipywidgets); :class:`OwnDataApp` is the view. Typed
text stays text until it is checked, so a wrong value is named in ``app.errors`` and never
lost. Also here, for the chapter's notebook: :func:`open_export` (your file, or the sample),
:func:`export_overview` and :func:`plot_family_seniority`.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..annotations import load_annotations, save_annotation
from ..charts import CRITERION_LABELS, contributions, decision_title
from ..criteria import CRITERIA
from ..drafting import draft_message
from ..errors import InvalidInputError
from ..export import LinkedInExport, load_export, name_key, pending_invitations, profile_slug
from ..profile import FAMILIES, LANGUAGES, Profile
from ..titles import SENIORITIES
from ..triage import resolve_thresholds, resolve_weights, triage
from ._style import (
    DECISION_COLOURS,
    DECISION_LABELS,
    FONT_SIZE,
    MATTERS,
    NEUTRAL,
    clip_text,
    new_figure,
    plain,
    style_axes,
)
from .base import App, FigureView, guarded, summary_html

#: Nobody has more than 30,000 first-degree connections (LinkedIn Help a551012), so nobody
#: shares more mutual connections with you than that.
MAX_MUTUALS = 30_000
#: Longest title accepted: a headline, not a whole "About" section.
MAX_TITLE_CHARS = 300
#: Most mutual connections' titles one form takes (more is a paste gone wrong).
MAX_MUTUAL_TITLES = 1_000
#: The form's field names, as the learner sees them (errors name fields this way).
FIELD_LABELS: dict[str, str] = {
    "title": "Title",
    "mutual_connections": "Mutual connections",
    "mutual_titles": "Their titles",
    "shared_groups": "Shared groups",
    "known_offline": "Known offline",
    "your_decision": "Your decision",
}
YOUR_DECISIONS: tuple[tuple[str, str], ...] = (
    ("not decided", ""), ("accept", "accept"), ("ask first", "ask"), ("decline", "decline"),
)
LANGUAGE_LABELS: dict[str, str] = {"en": "English", "fr": "Français"}
LABEL_CHARS = 60
_MARKUP = re.compile(r"<[/!?]?[A-Za-z]")
_COUNT = re.compile(r"^(\d+|\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+)$")
_PROFILE_URL = re.compile(r"^https://(?:[a-z]{2,3}\.)?linkedin\.com/in/[^/\s\"'<>?#]+/?$")


# --------------------------------------------------------------------------------------------
# Reading your export (for the notebook)
# --------------------------------------------------------------------------------------------
def open_export(path: str | os.PathLike[str] | None = None) -> LinkedInExport:
    """Your LinkedIn export, or the bundled synthetic sample when ``path`` is None.

    A relative path is looked for from the current folder, then from the repository's root,
    so ``"data/private/Basic_LinkedInDataExport_….zip"`` works from ``notebooks/`` too. Only
    reads; nothing leaves your machine.
    """
    from ..datasets import load_sample_export, private_dir, repo_root

    if path is None:
        return load_sample_export()
    candidate = Path(path).expanduser()
    root = repo_root()
    if not candidate.is_absolute() and not candidate.exists() and root is not None:
        candidate = root / candidate if (root / candidate).exists() else candidate
    if not candidate.exists():
        folder = private_dir()
        found = sorted(p.name for p in folder.iterdir()
                       if p.name != "README.md" and not p.name.startswith("."))
        raise InvalidInputError(
            "export not found",
            [f"expected LinkedIn's export (the .zip, its folder or a CSV) at {path}",
             f"files in {folder}: {', '.join(found) if found else 'none yet'}"],
            str(path),
        )
    return load_export(candidate)


def export_overview(export: LinkedInExport) -> pd.DataFrame:
    """Which files the export had, where each was read from, how many rows, and what the
    guide uses it for. Files the export lacks say so (optional files may be missing)."""
    uses = {
        "connections": "your network: composition, growth",
        "invitations": "pending invitations and their notes",
        "messages": "people you exchanged messages with (known people)",
        "profile": "your name and headline (your title)",
        "groups": "your own groups (Ad_Targeting.csv)",
    }
    rows = []
    for kind, use in uses.items():
        frame = getattr(export, kind)
        rows.append({
            "file": kind,
            "read from": export.files.get(kind, "not in the export"),
            "rows": "" if frame is None else f"{len(frame):,}",
            "used for": use,
        })
    return pd.DataFrame(rows)


def plot_family_seniority(composition: pd.DataFrame, fig: Figure | None = None) -> Figure:
    """Your connections by job family (rows, those that matter to you first, ✓) and seniority
    (columns), from ``export.network_composition(connections, profile)``; counts in the cells."""
    missing = [c for c in ("family", "seniority", "connections") if c not in composition]
    if missing:
        raise InvalidInputError("not a network composition table",
                                [f"missing column(s) {missing}; use network_composition()"])
    table = composition.pivot_table(index="family", columns="seniority", values="connections",
                                    aggfunc="sum", fill_value=0)
    table = table.reindex(index=list(FAMILIES), columns=list(SENIORITIES), fill_value=0)
    relevant = set()
    if "relevant" in composition:
        relevant = set(composition.loc[composition["relevant"].astype(bool), "family"])
    weights = (composition.groupby("family")["weight"].first() if "weight" in composition
               else pd.Series(dtype=float))
    order = sorted(FAMILIES, key=lambda f: (f not in relevant, -float(weights.get(f, 0.0)),
                                            FAMILIES.index(f)))
    table = table.loc[order]
    counts = table.to_numpy(float)
    figure = fig if fig is not None else new_figure(9.0, 4.6)
    figure.clear()
    ax = figure.add_subplot()
    image = ax.imshow(counts, cmap="Blues", aspect="auto", vmin=0,
                      vmax=max(float(counts.max()), 1.0))
    high = max(float(counts.max()), 1.0) * 0.55
    for (i, j), value in np.ndenumerate(counts):
        if value:
            ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=FONT_SIZE - 1,
                    color="white" if value > high else "black")
    ax.set_xticks(range(len(SENIORITIES)), list(SENIORITIES), fontsize=FONT_SIZE - 1)
    ax.set_yticks(range(len(order)), [f"{f} ✓" if f in relevant else f for f in order],
                  fontsize=FONT_SIZE - 1)
    ax.set_xlabel("seniority (read from the position)", fontsize=FONT_SIZE)
    ax.set_ylabel("job family (✓ = matters to you)", fontsize=FONT_SIZE)
    figure.colorbar(image, ax=ax, label="connections", shrink=0.85)
    total = counts.sum()
    if total:
        i, j = np.unravel_index(int(np.argmax(counts)), counts.shape)
        title = (f"Largest group: {order[i]} · {SENIORITIES[j]}, {counts[i, j]:.0f} of your "
                 f"{total:,.0f} connections ({counts[i, j] / total:.0%})")
    else:
        title = "No connection to describe"
    ax.set_title(plain(title), fontsize=FONT_SIZE + 1, loc="left")
    return figure


# --------------------------------------------------------------------------------------------
# The form's logic
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FormEntry:
    """What the form holds for one invitation, as typed: text stays text until checked, so a
    wrong value can be named and corrected, never silently changed or lost."""

    title: str = ""
    mutual_connections: str = "0"
    mutual_titles: str = ""
    shared_groups: tuple[str, ...] = ()
    known_offline: bool = False
    your_decision: str = ""


@dataclass(frozen=True)
class Annotation:
    """A checked :class:`FormEntry`, typed as the triage and the annotations file want it."""

    title: str
    mutual_connections: int
    mutual_titles: tuple[str, ...]
    shared_groups: tuple[str, ...]
    known_offline: bool
    your_decision: str


def split_titles(text: str) -> list[str]:
    """Mutual connections' titles as typed: one per line (commas inside a title kept), or on
    one line separated by commas or semicolons."""
    text = str(text or "")
    parts = re.split(r"[\n;]", text) if "\n" in text.strip() else re.split(r"[,;]", text)
    return [p.strip() for p in parts if p.strip()]


def _label(field: str) -> str:
    return f"'{FIELD_LABELS[field]}'"


def _shown(value: object) -> str:
    return repr(clip_text(str(value), 40))


def _title_problems(text: str, field: str, where: str = "") -> list[str]:
    problems = []
    if _MARKUP.search(text):
        problems.append(f"{_label(field)}{where} = {_shown(text)} looks like HTML or code; "
                        "expected a job title as shown on their profile (plain text)")
    if len(text) > MAX_TITLE_CHARS:
        problems.append(f"{_label(field)}{where} has {len(text)} characters; expected a job "
                        f"title of at most {MAX_TITLE_CHARS}")
    return problems


def group_key(name: str) -> str:
    """A group compared loosely (case, spaces; ``;`` is stored as ``,`` in annotation files)."""
    return " ".join(str(name).replace(";", ",").split()).casefold()


def check_entry(entry: FormEntry, your_groups: Iterable[str]) -> Annotation:
    """Check every field of ``entry``; raise ``InvalidInputError`` listing each wrong field by
    its label, what was typed and what was expected."""
    problems: list[str] = []
    title = str(entry.title or "").strip()
    problems += _title_problems(title, "title")

    raw = str(entry.mutual_connections if entry.mutual_connections is not None else "").strip()
    count = 0
    if raw:
        if raw.lstrip().startswith("-") and raw.lstrip("-").strip().isdigit():
            problems.append(f"{_label('mutual_connections')} = {_shown(raw)} is negative; "
                            "expected a whole number >= 0 (the count shown on their profile)")
        elif not _COUNT.match(raw):
            problems.append(f"{_label('mutual_connections')} = {_shown(raw)} is not a whole "
                            "number; expected digits only, e.g. 12 (0 when none)")
        else:
            count = int(re.sub(r"\D", "", raw))
            if count > MAX_MUTUALS:
                problems.append(f"{_label('mutual_connections')} = {count:,} is too many; "
                                f"expected at most {MAX_MUTUALS:,} (LinkedIn's connection cap)")

    titles = split_titles(entry.mutual_titles)
    if len(titles) > MAX_MUTUAL_TITLES:
        problems.append(f"{_label('mutual_titles')} lists {len(titles):,} titles; expected at "
                        f"most {MAX_MUTUAL_TITLES:,}, one per mutual connection")
    for number, text in enumerate(titles[:MAX_MUTUAL_TITLES], start=1):
        problems += _title_problems(text, "mutual_titles", f" (title {number})")

    known_groups = {group_key(g): g for g in your_groups}
    unknown = [g for g in entry.shared_groups if group_key(g) not in known_groups]
    if unknown:
        problems.append(f"{_label('shared_groups')}: {[clip_text(g, 40) for g in unknown]} "
                        "are not among your groups; expected some of "
                        f"{sorted(known_groups.values())}")
    if not isinstance(entry.known_offline, (bool, np.bool_)):
        problems.append(f"{_label('known_offline')} = {_shown(entry.known_offline)}; "
                        "expected ticked or not (True or False)")
    decisions = [value for _, value in YOUR_DECISIONS]
    if entry.your_decision not in decisions:
        problems.append(f"{_label('your_decision')} = {_shown(entry.your_decision)}; expected "
                        "one of accept, ask, decline (or not decided)")
    if problems:
        raise InvalidInputError("this entry is not used until it is fixed (nothing was lost)",
                                problems)
    shared = tuple(dict.fromkeys(known_groups[group_key(g)] for g in entry.shared_groups))
    return Annotation(title, count, tuple(titles), shared, bool(entry.known_offline),
                      entry.your_decision)


@dataclass(frozen=True)
class FormDecision:
    """The triage of one filled-in invitation: its row (criteria, score, decision, reasons),
    what each criterion contributed, and the "ask first" draft ("" unless the decision is ask)."""

    row: pd.Series
    contributions: pd.DataFrame
    draft: str
    annotation: Annotation

    @property
    def score(self) -> float:
        return float(self.row["score"])

    @property
    def decision(self) -> str:
        return str(self.row["decision"])

    @property
    def reasons(self) -> str:
        return str(self.row["reasons"])

    @property
    def counted_mutuals(self) -> int:
        """Mutual connections the triage counts: the number typed, or the titles listed if
        more titles than that were typed."""
        return max(self.annotation.mutual_connections, len(self.annotation.mutual_titles))


def decide_entry(
    invitation: pd.DataFrame,
    entry: FormEntry,
    profile: Profile,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    lang: str | None = None,
) -> FormDecision:
    """Triage one pending invitation (a one-row frame of ``pending_invitations``) with what the
    form says about it; reasons and the "ask first" draft in ``lang`` (default: the profile's).
    Raises ``InvalidInputError`` naming every wrong field of ``entry``."""
    lang = profile.language if lang is None else lang
    if lang not in LANGUAGES:
        raise InvalidInputError("unknown language",
                                [f"got {lang!r}; expected one of {list(LANGUAGES)}"])
    if len(invitation) != 1:
        raise InvalidInputError("expected one invitation",
                                [f"got {len(invitation)} rows; pass pending.iloc[[i]]"])
    annotation = check_entry(entry, profile.groups)
    profile = dataclasses.replace(profile, language=lang)
    weights = resolve_weights(profile, weights)
    frame = invitation.drop(columns=[c for c in ("your_decision",) if c in invitation])
    frame["title"] = annotation.title
    frame["mutual_connections"] = np.int64(annotation.mutual_connections)
    for column in ("mutual_titles", "shared_groups"):
        cell = np.empty(1, dtype=object)
        cell[0] = list(getattr(annotation, column))
        frame[column] = cell
    frame["known_offline"] = annotation.known_offline
    row = triage(frame, profile, weights=weights, thresholds=thresholds).iloc[0]
    table = contributions(row, weights)
    draft = draft_message(row, profile, lang=lang) if row["decision"] == "ask" else ""
    return FormDecision(row, table, draft, annotation)


class OwnDataModel:
    """Your pending invitations, what you filled in for each, and their decisions (no widgets).

    Saved annotations in ``private_dir`` (default ``data/private``) are loaded at start and fill
    the form; unsaved edits are kept per invitation while the model lives, so moving to another
    invitation and back loses nothing.
    """

    def __init__(
        self,
        export: LinkedInExport,
        profile: Profile | None = None,
        private_dir: str | os.PathLike[str] | None = None,
        weights: Mapping[str, float] | None = None,
        thresholds: Mapping[str, float] | None = None,
    ):
        from ..datasets import private_dir as default_private_dir

        self.export = export
        self.profile = export.to_profile() if profile is None else profile
        self.folder = Path(private_dir) if private_dir is not None else default_private_dir()
        self.weights = resolve_weights(self.profile, weights)
        self.thresholds = resolve_thresholds(thresholds)
        self.groups: tuple[str, ...] = tuple(dict.fromkeys(self.profile.groups))
        self.annotations = load_annotations(self.folder)
        pending = pending_invitations(export, self.annotations)
        self.pending = pending.sort_values("sent_at", ascending=False,
                                           kind="stable").reset_index(drop=True)
        self.annotated = self._annotated_mask()
        self._start: dict[int, FormEntry] = {}  # filled on first visit: cheap for any inbox
        self._edits: dict[int, FormEntry] = {}
        self.saved: list[Path] = []

    # --- what was loaded --------------------------------------------------------------------
    @property
    def loaded(self) -> int:
        """Saved annotations found in ``folder`` (the latest one per inviter)."""
        return len(self.annotations)

    @property
    def matched(self) -> int:
        """Pending invitations of this export that a saved annotation fills in."""
        return int(self.annotated.sum())

    def _annotated_mask(self) -> np.ndarray:
        if not len(self.annotations) or not len(self.pending):
            return np.zeros(len(self.pending), dtype=bool)
        saved_slugs = set(profile_slug(self.annotations["url"].astype("str"))) - {""}
        saved_names = set(name_key(self.annotations["name"].astype("str"))) - {""}
        slugs = profile_slug(self.pending["url"].astype("str"))
        names = name_key(self.pending["name"].astype("str"))
        return (slugs.isin(saved_slugs) | names.isin(saved_names)).to_numpy(bool)

    def __len__(self) -> int:
        return len(self.pending)

    def options(self) -> list[tuple[str, int]]:
        """(label, position) pairs for a dropdown, newest invitation first; ✓ marks saved."""
        sent = self.pending["sent_at"].dt.strftime("%d %b %Y").fillna("date unknown")
        labels = (self.pending["name"].astype(str).map(lambda n: clip_text(n, LABEL_CHARS))
                  + " · " + sent.astype(str))
        marks = np.where(self.annotated, " ✓ saved", "")
        return list(zip((labels + marks).tolist(), range(len(self.pending)), strict=True))

    def row(self, position: int) -> pd.Series:
        if not isinstance(position, (int, np.integer)) or not 0 <= position < len(self.pending):
            raise InvalidInputError("no such pending invitation",
                                    [f"got {position!r}; pick one in the list"])
        return self.pending.iloc[int(position)]

    # --- the form's values ------------------------------------------------------------------
    def _prefilled(self, position: int) -> FormEntry:
        row = self.pending.iloc[position]
        mine = {group_key(g): g for g in self.groups}
        title = row["title"]
        return FormEntry(
            title="" if not isinstance(title, str) else title,
            mutual_connections=str(int(row["mutual_connections"])),
            mutual_titles="\n".join(str(t) for t in row["mutual_titles"]),
            shared_groups=tuple(mine[group_key(g)] for g in row["shared_groups"]
                                if group_key(g) in mine),
            known_offline=bool(row["known_offline"]),
            your_decision=str(row.get("your_decision", "") or ""),
        )

    def entry(self, position: int) -> FormEntry:
        """What the form shows for ``position``: your unsaved edit, else what was saved (or
        the export's empty defaults)."""
        return self._edits.get(position) or self._started(position)

    def _started(self, position: int) -> FormEntry:
        self.row(position)
        if position not in self._start:
            self._start[position] = self._prefilled(position)
        return self._start[position]

    def remember(self, position: int, entry: FormEntry) -> None:
        """Keep an edit (valid or not) so nothing typed is lost when you switch invitations."""
        if entry == self._started(position):
            self._edits.pop(position, None)
        else:
            self._edits[position] = entry

    def unsaved(self, position: int) -> bool:
        return position in self._edits

    # --- decisions --------------------------------------------------------------------------
    def decide(self, position: int, entry: FormEntry, lang: str | None = None) -> FormDecision:
        """Triage invitation ``position`` as filled in by ``entry`` (reasons and draft in
        ``lang``, default the profile's language)."""
        self.row(position)
        return decide_entry(self.pending.iloc[[int(position)]], entry, self.profile,
                            self.weights, self.thresholds, lang)

    def save(self, position: int, entry: FormEntry, now: datetime | None = None) -> Path:
        """Append this invitation's annotation to today's file under ``folder`` (earlier saves
        are kept: the file is only ever appended to). Nothing is written if a field is wrong."""
        annotation = check_entry(entry, self.groups)
        row = self.row(position)
        path = save_annotation(
            folder=self.folder, now=now, name=str(row["name"]), url=str(row["url"] or ""),
            title=annotation.title, mutual_connections=annotation.mutual_connections,
            mutual_titles=list(annotation.mutual_titles),
            shared_groups=list(annotation.shared_groups),
            known_offline=annotation.known_offline, decision=annotation.your_decision,
        )
        self._start[position] = entry
        self._edits.pop(position, None)
        self.annotated[position] = True
        self.saved.append(path)
        return path


# --------------------------------------------------------------------------------------------
# The view
# --------------------------------------------------------------------------------------------
class DecisionChart:
    """What each criterion contributed (blue) out of what it could (grey), and the score
    against the ask and accept thresholds; built once, updated in place."""

    def __init__(self, weights: Mapping[str, float], thresholds: Mapping[str, float]):
        self.figure = new_figure(8.6, 3.4)
        ax, bx = self.figure.subplots(1, 2, width_ratios=[3.4, 1])
        self.ax, self.bx = ax, bx
        names = list(CRITERIA)
        total = sum(float(weights[c]) for c in names) or 1.0
        possible = np.array([float(weights[c]) / total for c in names])
        y = np.arange(len(names))[::-1]
        ax.barh(y, possible, color=NEUTRAL, height=0.6, label="if the criterion were perfect")
        self.bars = ax.barh(y, np.zeros(len(names)), color=MATTERS, height=0.6,
                            label="contributed")
        self.labels = [ax.text(p + 0.004, yi, "", va="center", fontsize=FONT_SIZE - 2)
                       for p, yi in zip(possible, y, strict=True)]
        ax.set_yticks(y, [CRITERION_LABELS.get(c, c) for c in names])
        ax.set_xlim(0, max(float(possible.max()) * 1.75, 0.05))
        ax.set_xlabel("contribution to the score", fontsize=FONT_SIZE)
        ax.legend(fontsize=FONT_SIZE - 2, frameon=False, ncols=2, loc="upper left",
                  bbox_to_anchor=(0.0, -0.2))
        style_axes(ax)

        for low, high, decision in ((0.0, thresholds["ask"], "decline"),
                                    (thresholds["ask"], thresholds["accept"], "ask"),
                                    (thresholds["accept"], 1.0, "accept")):
            bx.axhspan(low, high, color=DECISION_COLOURS[decision], alpha=0.15, lw=0)
            bx.text(0.98, (low + high) / 2, DECISION_LABELS[decision], ha="right",
                    va="center", fontsize=FONT_SIZE - 2, transform=bx.get_yaxis_transform())
        (self.score_bar,) = bx.bar([0], [0.0], width=0.5, color=MATTERS)
        self.score_text = bx.text(0, 0, "", ha="center", va="bottom", fontsize=FONT_SIZE - 1,
                                  fontweight="bold")
        bx.set_xlim(-0.5, 1.3)
        bx.set_ylim(0, 1)
        bx.set_xticks([])
        bx.set_ylabel("score", fontsize=FONT_SIZE)
        style_axes(bx)
        bx.grid(False)
        # A placeholder so the one-time layout keeps room for the title.
        self.title = self.figure.suptitle("Decision", fontsize=FONT_SIZE, x=0.01, ha="left")

    def clear(self, message: str) -> None:
        """No decision to show (the entry of a newly picked invitation needs fixing)."""
        for bar, label in zip(self.bars, self.labels, strict=True):
            bar.set_width(0.0)
            label.set_text("")
        self.score_bar.set_height(0.0)
        self.score_text.set_text("")
        self.title.set_text(plain(message))

    def update(self, decided: FormDecision) -> None:
        table = decided.contributions.reindex(list(CRITERIA))
        for bar, label, (_, rec) in zip(self.bars, self.labels, table.iterrows(), strict=True):
            bar.set_width(float(rec["contribution"]))
            label.set_text(f"{rec['contribution']:.2f} (score {rec['score']:.2f})")
        self.score_bar.set_height(decided.score)
        self.score_bar.set_color(DECISION_COLOURS[decided.decision])
        self.score_text.set_position((0, decided.score + 0.01))
        self.score_text.set_text(f"{decided.score:.2f}")
        self.title.set_text(plain(clip_text(decision_title(decided.row, table), 95)))


def _card_html(row: pd.Series, unsaved: bool, saved_before: bool) -> str:
    """The invitation as the export shows it; every value escaped."""
    name = html.escape(clip_text(str(row["name"]), 80))
    url = str(row.get("url", "") or "").strip()
    link = (f' · <a href="{html.escape(url, quote=True)}" target="_blank" '
            'rel="noopener noreferrer">open their profile</a>' if _PROFILE_URL.match(url) else "")
    sent = row["sent_at"]
    when = "" if pd.isna(sent) else f"sent {sent:%d %b %Y}"
    note = str(row.get("message", "") or "").strip()
    note_html = (
        '<blockquote style="white-space:pre-wrap;border-left:3px solid #999;margin:4px 0;'
        f'padding:2px 8px">{html.escape(clip_text(note, 500))}</blockquote>'
        if note else "<p><em>No note with this invitation.</em></p>"
    )
    state = ("<b>unsaved changes</b>" if unsaved
             else "saved" if saved_before else "not saved yet")
    return (f"<p><b>{name}</b> · {html.escape(when)}{link} · {state}</p>{note_html}")


class OwnDataApp(App):
    """The triage form: an invitation, what its profile page shows, the live decision, Save."""

    def __init__(self, model: OwnDataModel, lang: str | None = None):
        self.model = model
        self._loading = False
        self.decided: FormDecision | None = None
        self._last_summary = ""
        wide = {"description_width": "150px"}
        full = widgets.Layout(width="95%")
        options = model.options()
        self.status = widgets.HTML(self._status_html())
        self.dropdown = widgets.Dropdown(
            options=options, value=options[0][1] if options else None,
            description="Invitation", style=wide, layout=full,
        )
        self.card = widgets.HTML()
        self.title = widgets.Text(
            description="Title", placeholder="their headline, as on their profile page",
            continuous_update=False, style=wide, layout=full,
        )
        self.mutuals = widgets.Text(
            description="Mutual connections", placeholder="a whole number, e.g. 12 (0 if none)",
            continuous_update=False, style=wide, layout=widgets.Layout(width="420px"),
        )
        self.mutual_titles = widgets.Textarea(
            description="Their titles",
            placeholder="the mutual connections' titles: one per line, or separated by commas",
            continuous_update=False, rows=4, style=wide, layout=full,
        )
        self.group_boxes: dict[str, widgets.Checkbox] = {
            group: widgets.Checkbox(value=False, description=group, indent=False)
            for group in model.groups
        }
        groups_note = ("Shared groups (yours, from the export; tick those on their profile):"
                       if model.groups else "Shared groups: your export lists no group of yours.")
        self.groups_box = widgets.VBox([widgets.Label(groups_note), *self.group_boxes.values()])
        self.known = widgets.Checkbox(value=False, description="I know them offline",
                                      indent=False)
        self.your_decision = widgets.ToggleButtons(
            options=list(YOUR_DECISIONS), value="", description="Your decision", style=wide,
            tooltips=["No decision recorded yet", "You accept", "You will ask first",
                      "You decline"],
        )
        self.language = widgets.ToggleButtons(
            options=[(LANGUAGE_LABELS[c], c) for c in LANGUAGES],
            value=lang or model.profile.language, description="Language", style=wide,
            tooltips=["Reasons and draft in English", "Raisons et message en français"],
        )
        self.summary = summary_html()
        self.draft = widgets.HTML()
        self.save_button = widgets.Button(
            description="Save", button_style="primary", icon="save",
            tooltip="Add this annotation to data/private (earlier saves are kept)",
        )
        self.save_status = widgets.HTML()
        children: list[widgets.Widget] = [self.status]
        self.bars: DecisionChart | None = None
        self.chart: FigureView | None = None
        if len(model):
            self.bars = DecisionChart(model.weights, model.thresholds)
            self.chart = FigureView(self.bars.figure)
            # Lay the figure out once: redraws then skip constrained layout's extra pass
            # (half the time per change) and the bars never jump around.
            self.bars.figure.set_layout_engine("none")
            children += [
                self.dropdown, self.card, self.title, self.mutuals, self.mutual_titles,
                self.groups_box, self.known, self.your_decision, self.language,
                self.summary, self.chart, self.draft,
                widgets.HBox([self.save_button, self.save_status]),
            ]
        super().__init__(children)
        for control in (self.title, self.mutuals, self.mutual_titles, self.known,
                        self.your_decision, self.language, *self.group_boxes.values()):
            control.observe(self._on_field, names="value")
        self.dropdown.observe(self._on_pick, names="value")
        self.save_button.on_click(self.save)
        if len(model):
            self.show(self.dropdown.value)
            # Changes touch only these; axes, ticks, labels and the score bands are drawn
            # once (blitting). The spines under the bars are redrawn over them.
            bars = self.bars
            self.chart.redraw_only(  # type: ignore[union-attr]
                *bars.bars, *bars.labels, bars.score_bar, bars.score_text, bars.title,
                bars.ax.spines["left"], bars.bx.spines["bottom"],
            )

    # --- reading and filling the controls -----------------------------------------------------
    def _status_html(self) -> str:
        m = self.model
        folder = html.escape(str(m.folder))
        if not len(m):
            return (f"<p>No pending invitation in this export. Saved annotations in "
                    f"<code>{folder}</code>: {m.loaded}.</p>")
        return (f"<p><b>{m.loaded}</b> saved annotation{'s' if m.loaded != 1 else ''} loaded "
                f"from <code>{folder}</code>; <b>{m.matched}</b> of the {len(m):,} pending "
                f"invitations are filled in from them. Saving adds a row there; nothing is "
                "ever overwritten.</p>")

    def entry(self) -> FormEntry:
        """The form's current values, as typed."""
        return FormEntry(
            title=self.title.value,
            mutual_connections=self.mutuals.value,
            mutual_titles=self.mutual_titles.value,
            shared_groups=tuple(g for g, box in self.group_boxes.items() if box.value),
            known_offline=bool(self.known.value),
            your_decision=self.your_decision.value,
        )

    def _fill(self, entry: FormEntry) -> None:
        self._loading = True
        try:
            self.title.value = entry.title
            self.mutuals.value = entry.mutual_connections
            self.mutual_titles.value = entry.mutual_titles
            wanted = {group_key(g) for g in entry.shared_groups}
            for group, box in self.group_boxes.items():
                box.value = group_key(group) in wanted
            self.known.value = entry.known_offline
            self.your_decision.value = entry.your_decision
        finally:
            self._loading = False

    # --- callbacks ----------------------------------------------------------------------------
    def _on_pick(self, change: dict) -> None:
        if not self._loading and change["new"] is not None:
            self.show(change["new"])

    def _on_field(self, change: dict) -> None:
        if not self._loading:
            self.update()

    @guarded
    def show(self, position: int) -> None:
        """Fill the form from invitation ``position`` (your unsaved edits, else what was
        saved), then decide."""
        self.save_status.value = ""
        self.decided = None
        self._last_summary = ""
        self._fill(self.model.entry(position))
        self._render()

    @guarded
    def update(self) -> None:
        """Keep what was typed, then recompute the decision."""
        self.model.remember(self.dropdown.value, self.entry())
        self._render()

    @guarded
    def save(self, _button: widgets.Button | None = None) -> None:
        position = self.dropdown.value
        if position is None:
            raise InvalidInputError("nothing to save", ["this export has no pending invitation"])
        entry = self.entry()
        self.model.remember(position, entry)
        try:
            path = self.model.save(position, entry)
        except InvalidInputError:
            self.save_status.value = ("<p style='color:#a40000'>Not saved: fix the field named "
                                      "below, then press Save again.</p>")
            raise
        name = html.escape(clip_text(str(self.model.row(position)["name"]), 60))
        self.save_status.value = (
            f"<p>Saved {name} to <code>{html.escape(str(path))}</code> "
            f"({len(self.model.saved)} saved in this session; earlier saves kept).</p>"
        )
        self._relabel(position)
        self._render()

    # --- rendering (not guarded: errors reach the callback's guard and stay visible) ----------
    def _relabel(self, position: int) -> None:
        self._loading = True
        try:
            self.dropdown.options = self.model.options()
            self.dropdown.value = position
        finally:
            self._loading = False

    def _render(self) -> None:
        position = self.dropdown.value
        row = self.model.row(position)
        self.card.value = _card_html(row, self.model.unsaved(position),
                                     bool(self.model.annotated[position]))
        self.status.value = self._status_html()
        try:
            decided = self.model.decide(position, self.entry(), self.language.value)
        except InvalidInputError:
            if self.decided is None:
                self.summary.value = ("<p style='color:#a40000'><b>No decision yet</b>: fix the "
                                      "field named below (what you typed is kept).</p>")
                if self.bars is not None and self.chart is not None:
                    self.bars.clear("No decision until the field named below is fixed")
                    self.chart.refresh()
                self.draft.value = ""
            else:
                self.summary.value = (
                    "<p style='color:#a40000'><b>Showing the decision for the last valid "
                    "entry</b>; fix the field named below (what you typed is kept).</p>"
                    + self._last_summary
                )
            raise
        self.decided = decided
        colour = DECISION_COLOURS[decided.decision]
        counted = ""
        typed = decided.annotation.mutual_connections
        if len(decided.annotation.mutual_titles) > typed:
            counted = (f"<p style='font-size:smaller'>You listed "
                       f"{len(decided.annotation.mutual_titles)} titles for {typed} mutual "
                       f"connections: counted as {decided.counted_mutuals}.</p>")
        self._last_summary = (
            f"<p>Suggested: <b style='color:{colour}'>"
            f"{html.escape(DECISION_LABELS[decided.decision])}</b> (score "
            f"<b>{decided.score:.2f}</b>; ask first from {self.model.thresholds['ask']:.2f}, "
            f"accept from {self.model.thresholds['accept']:.2f})</p>"
            f"<p>{html.escape(decided.reasons)}</p>{counted}"
        )
        self.summary.value = self._last_summary
        self.bars.update(decided)  # type: ignore[union-attr]
        self.chart.refresh()  # type: ignore[union-attr]
        if decided.draft:
            self.draft.value = (
                "<p>Before deciding, you could write:</p>"
                '<blockquote style="white-space:pre-wrap;border-left:3px solid '
                f'{DECISION_COLOURS["ask"]};margin:4px 0;padding:2px 8px">'
                f"{html.escape(decided.draft)}</blockquote>"
            )
        else:
            self.draft.value = (
                "<p style='font-size:smaller'>No \"ask first\" message: the suggestion is to "
                f"{html.escape(DECISION_LABELS[decided.decision])}.</p>"
            )


def triage_form(
    export: LinkedInExport | None = None,
    profile: Profile | None = None,
    private_dir: str | os.PathLike[str] | None = None,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    lang: str | None = None,
) -> OwnDataApp:
    """Chapter 08: fill in, for each pending invitation of your export, what only the inviter's
    profile page shows; read the decision live; Save to ``private_dir`` (default
    ``data/private``). Defaults: the sample export and the profile it implies."""
    export = open_export(None) if export is None else export
    return OwnDataApp(OwnDataModel(export, profile, private_dir, weights, thresholds), lang)


__all__ = [
    "FIELD_LABELS", "Annotation", "DecisionChart", "FormDecision", "FormEntry", "OwnDataApp",
    "OwnDataModel", "check_entry", "decide_entry", "export_overview", "open_export",
    "plot_family_seniority", "split_titles", "triage_form",
]
