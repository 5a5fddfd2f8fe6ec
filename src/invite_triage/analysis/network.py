"""Analyses of a member's own network, read from their LinkedIn export.

Composition by job family and seniority, growth month by month with its estimated relevance,
and what the notes of pending invitations say. Only what an export can hold: job titles of
connections, dates and notes; never mutual connections or other people's groups.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from invite_triage.analysis.quality import contact_signals
from invite_triage.core.i18n import label, message
from invite_triage.domain.intent import KINDS, classify_messages
from invite_triage.domain.profile import Profile
from invite_triage.domain.titles import classify_titles
from invite_triage.linkedin.export import LinkedInExport

__all__ = ["intent_summary", "network_composition", "network_growth", "pending_with_intent",
           "profile_summary"]



def network_composition(
    connections: pd.DataFrame, profile: Profile | None = None
) -> pd.DataFrame:
    """Your network by job family and seniority (from ``position``): ``family``,
    ``seniority``, ``connections``, ``share`` and, with a profile, the family's ``weight`` for
    you and whether it is ``relevant``. Largest groups first."""
    classes = classify_titles(connections["position"].astype(object))
    counts = classes.groupby(["family", "seniority"], sort=True).size().rename("connections")
    out = counts.reset_index()
    out["share"] = out["connections"] / max(len(connections), 1)
    if profile is not None:
        weights = profile.family_weights()
        out["weight"] = out["family"].map(weights).fillna(0.0).astype(float)
        out["relevant"] = out["family"].isin(profile.relevant_families)
    return out.sort_values(["connections", "family", "seniority"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def network_growth(connections: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """How your network grew and how its estimated quality evolved, month by month.

    One row per month from the first connection to the last: ``month``, ``new`` (connections
    made that month), ``size`` (cumulative), ``relevant_new``, ``relevance_share`` (share of
    the whole network so far whose job family matters to you: the job criterion, the only
    one an export can measure) and ``mean_weight`` (mean family weight so far).
    """
    dated = connections[connections["connected_on"].notna()]
    columns = ["month", "new", "size", "relevant_new", "relevance_share", "mean_weight"]
    if dated.empty:
        return pd.DataFrame({c: pd.Series([], dtype=float) for c in columns})
    signals = contact_signals(dated, profile)
    weights = signals["family"].map(profile.family_weights()).fillna(0.0).to_numpy(float)
    month = dated["connected_on"].dt.to_period("M")
    number = (month.dt.year * 12 + month.dt.month).to_numpy(np.int64)
    code = number - number.min()
    months = pd.period_range(month.min(), month.max(), freq="M")
    new = np.bincount(code, minlength=len(months))
    relevant_new = np.bincount(code, weights=signals["relevant"].to_numpy(float),
                               minlength=len(months))
    weight_sum = np.bincount(code, weights=weights, minlength=len(months))
    size = np.cumsum(new)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(size > 0, np.cumsum(relevant_new) / np.maximum(size, 1), np.nan)
        mean_weight = np.where(size > 0, np.cumsum(weight_sum) / np.maximum(size, 1), np.nan)
    return pd.DataFrame({
        "month": months.to_timestamp(), "new": new, "size": size,
        "relevant_new": relevant_new.astype(np.int64), "relevance_share": share,
        "mean_weight": mean_weight,
    })


def pending_with_intent(export: LinkedInExport) -> pd.DataFrame:
    """Pending invitations with what their note says: ``name``, ``url``, ``sent_at``,
    ``message``, ``intent`` (personal / empty / generic / pitch) and its ``triggers``.
    Newest first, so the learner starts with the freshest."""
    pending = export.pending
    columns = ["name", "url", "sent_at", "message", "intent", "triggers"]
    if pending is None or pending.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    kinds = classify_messages(pending["message"].astype(object))
    out = pd.DataFrame({
        "name": pending["from"], "url": pending["inviter_url"], "sent_at": pending["sent_at"],
        "message": pending["message"], "intent": kinds["kind"], "triggers": kinds["triggers"],
    })
    return out.sort_values("sent_at", ascending=False, kind="stable").reset_index(drop=True)


def intent_summary(export: LinkedInExport) -> pd.DataFrame:
    """How many pending invitations carry each kind of note (every kind listed, even at 0)."""
    table = pending_with_intent(export)
    counts = table["intent"].astype(object).value_counts().reindex(list(KINDS), fill_value=0)
    total = max(int(counts.sum()), 1)
    return pd.DataFrame({"intent": list(KINDS), "pending": counts.to_numpy(np.int64),
                         "share": counts.to_numpy(float) / total})


def profile_summary(profile: Profile, lang: str | None = None) -> pd.Series:
    """What the triage will use about you, one line each, labelled in ``lang`` (None: the
    current language): read it before trusting a chart built on it (a wrong headline gives a
    wrong family, and every relevance figure follows)."""
    families = ", ".join(label("family", f, lang) for f in profile.relevant_families)
    rows = {
        "name": profile.name,
        "job_title": profile.title,
        "family": label("family", profile.family, lang),
        "relevant_families": families,
        "groups": len(profile.groups),
        "known_people": len(profile.known_people),
    }
    return pd.Series({message(f"analysis.profile_summary.{key}", lang): value
                      for key, value in rows.items()},
                     name=message("analysis.profile_summary.title", lang), dtype=object)
