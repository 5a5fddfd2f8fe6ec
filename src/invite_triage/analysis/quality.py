"""Network quality versus raw size: the guide's central argument, in numbers.

The article ("My Marketing Manager" blog) argues that a small, qualified network beats a large
one. This module measures what changes as you accept more people:

- **size**: how many contacts;
- **relevance share**: the share of them who matter to you;
- **feed noise**: the share of your feed written by people who do not matter to you;
- **exposure**: strangers with weak signals, who can now see your contact list (and, depending
  on your privacy settings, your e-mail address: first-degree connections can);
- **reach**: relevant people one step further, reached through relevant mutual connections.

Every metric has an *estimate* (what the criteria can see) and, on synthetic data, a *truth*
twin (from the hidden ``relevant`` / ``persona`` columns). Real data only has estimates, and
the results always say which is which.

The per-contact contributions are computed once (``contact_signals``); every policy and every
threshold is then a sum over a subset, so the threshold sweep is a sort plus cumulative sums
(``QualityCurve``), cheap enough for a slider.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from invite_triage.analysis.texts import CatalogLabels, num, pct
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.criteria import Signals
from invite_triage.domain.profile import RELEVANT_WEIGHT, Profile
from invite_triage.domain.schema import TRUTH_COLUMNS
from invite_triage.domain.titles import classify_titles
from invite_triage.domain.triage import DEFAULT_THRESHOLDS, PreparedTriage, triage

#: Posts per week, by ground-truth persona. **Assumptions for teaching, not measurements**:
#: they encode the common observation that people who sell (prospectors) and spammers post far
#: more than the peers you want to hear from. Change them to see how the conclusions move.
POSTS_PER_WEEK_BY_PERSONA: dict[str, float] = {
    "peer": 1.0,
    "recruiter": 1.5,
    "boss": 0.7,
    "beginner": 0.8,
    "follower": 0.5,
    "stranger": 0.3,
    "prospector": 3.0,
    "spam": 5.0,
}
#: The ground-truth personas' names, in the current language.
PERSONA_NAMES: CatalogLabels[str] = CatalogLabels("analysis.persona",
                                                  tuple(POSTS_PER_WEEK_BY_PERSONA))


def posting_assumptions(lang: str | None = None) -> pd.DataFrame:
    """:data:`POSTS_PER_WEEK_BY_PERSONA` as a table a learner reads in ``lang`` (None: the
    current language): one row per persona, its name and its assumed posts per week, so the
    chapter shows the assumptions behind feed noise before any result built on them."""
    return pd.DataFrame({
        message("analysis.posting.persona", lang): [PERSONA_NAMES.get_in(key, lang)
                                                   for key in POSTS_PER_WEEK_BY_PERSONA],
        message("analysis.posting.posts_per_week", lang): list(POSTS_PER_WEEK_BY_PERSONA
                                                              .values()),
    })


#: Posts per week, by job family: the same **assumptions**, seen through the only thing an
#: estimate can see (the job title). Sales posts most; tech and finance least.
POSTS_PER_WEEK_BY_FAMILY: dict[str, float] = {
    "marketing": 1.0,
    "hr": 1.5,
    "leadership": 0.8,
    "sales": 2.5,
    "tech": 0.4,
    "finance": 0.3,
    "other": 0.4,
}
#: A contact "vouched for" by this many mutual connections in fields that matter to you (or by
#: one shared group) is not counted as an exposed stranger. Two is a low bar on purpose.
VOUCHING_MUTUALS = 2
#: The curve's default thresholds: every 0.05 from 0 to 1.
DEFAULT_CURVE_THRESHOLDS: tuple[float, ...] = tuple(np.round(np.linspace(0, 1, 21), 2).tolist())
#: Policies ``simulate_growth`` knows by name (see ``policy_accepts``).
NAMED_POLICIES: tuple[str, ...] = ("accept_all", "known_only", "balanced", "open")
METRICS: tuple[str, ...] = ("size", "relevance_share", "feed_noise", "exposure", "reach")
#: What each metric means, in the current language (``.in_language(lang)`` for another).
METRIC_MEANINGS: CatalogLabels[str] = CatalogLabels("analysis.quality.meaning", METRICS)

#: A policy for ``simulate_growth``: a name, a threshold dict for ``triage``, a minimum score,
#: or a callable taking the triaged invitations and returning a boolean mask of acceptances.
Policy = str | Mapping[str, float] | float | Callable[[pd.DataFrame], Any]

# Per-contact columns of ``contact_signals`` that add up over a set of contacts.
_ADDITIVE = ("relevant", "posts", "noise_posts", "exposed", "reach")


# --- per-contact signals ------------------------------------------------------------------


def _titles_of(contacts: pd.DataFrame) -> pd.Series:
    """The job text of each contact: ``title`` (invitations) or ``position`` (an export)."""
    if not isinstance(contacts, pd.DataFrame):
        raise InvalidInputError(
            f"expected a pandas DataFrame of contacts, got {type(contacts).__name__}"
        )
    for column in ("title", "position"):
        if column in contacts.columns:
            return contacts[column].astype(object).where(contacts[column].notna(), "").astype(str)
    raise InvalidInputError(
        "these contacts have no job column",
        [
            "expected a 'title' column (invitations in the canonical schema) or a 'position' "
            f"column (LinkedIn connections); got columns {list(contacts.columns)}"
        ],
    )


def _families(texts: pd.Series) -> np.ndarray:
    """Job family of each text, classifying each distinct text once (titles repeat a lot)."""
    values = texts.to_numpy(dtype=object)
    if len(values) == 0:
        return np.array([], dtype=object)
    unique, inverse = np.unique(values.astype(str), return_inverse=True)
    families = classify_titles(pd.Series(unique, dtype=object))["family"].to_numpy(dtype=object)
    return families[inverse]


def _names_of(contacts: pd.DataFrame) -> pd.Series:
    if "name" in contacts.columns:
        return contacts["name"].astype(object).fillna("").astype(str).str.strip()
    if {"first_name", "last_name"} <= set(contacts.columns):
        first = contacts["first_name"].astype(object).fillna("").astype(str)
        last = contacts["last_name"].astype(object).fillna("").astype(str)
        return (first + " " + last).str.strip()
    return pd.Series("", index=contacts.index, dtype=object)


def _known_mask(contacts: pd.DataFrame, profile: Profile) -> np.ndarray:
    """Known: the ``known_offline`` flag (invitations) or a name on your list of people you
    know, read exactly as the ``known`` criterion reads it (``Signals.known``)."""
    flag = (contacts["known_offline"].fillna(False).to_numpy(bool)
            if "known_offline" in contacts.columns else np.zeros(len(contacts), dtype=bool))
    people = pd.DataFrame({"name": _names_of(contacts).to_numpy(object), "known_offline": flag})
    return Signals(people, profile).known


def _relevant_mutual_counts(contacts: pd.DataFrame, weights: Mapping[str, float]) -> np.ndarray:
    """How many of each contact's mutual connections work in a family that matters to you."""
    lists = contacts["mutual_titles"]
    lengths = lists.map(len).to_numpy(dtype=np.int64)
    if lengths.sum() == 0:
        return np.zeros(len(contacts), dtype=np.int64)
    flat = pd.Series(np.concatenate([np.asarray(v, dtype=object) for v in lists]), dtype=object)
    relevant = pd.Series(_families(flat)).map(weights).fillna(0).to_numpy() >= RELEVANT_WEIGHT
    owner = np.repeat(np.arange(len(contacts)), lengths)
    return np.bincount(owner, weights=relevant, minlength=len(contacts)).astype(np.int64)


def has_truth(contacts: pd.DataFrame) -> bool:
    """Whether ``contacts`` carries the synthetic world's hidden ground truth."""
    return set(TRUTH_COLUMNS) <= set(contacts.columns)


def contact_signals(contacts: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """What each contact adds to a network, one row per contact, same index as ``contacts``.

    Columns (estimates): ``family``, ``relevant`` (1.0 when their job family matters to you:
    the job criterion, the one signal both invitations and a LinkedIn export carry),
    ``posts`` (assumed posts per week), ``noise_posts`` (posts from irrelevant contacts),
    ``exposed`` (a stranger with weak signals: not known offline, job outside your fields, no
    shared group and fewer than ``VOUCHING_MUTUALS`` relevant mutual connections), ``reach``
    (their relevant mutual connections if they are relevant; NaN when the data has no mutual
    connections, as in a LinkedIn export). On synthetic data each has a
    ``*_true`` twin computed from ``relevant`` and ``persona`` instead of the estimate.
    """
    titles = _titles_of(contacts)
    weights = profile.family_weights()
    families = _families(titles)
    relevant = pd.Series(families).map(weights).fillna(0).to_numpy(float) >= RELEVANT_WEIGHT
    posts = pd.Series(families).map(POSTS_PER_WEEK_BY_FAMILY).fillna(
        POSTS_PER_WEEK_BY_FAMILY["other"]
    ).to_numpy(float)

    known = _known_mask(contacts, profile)

    vouched = np.zeros(len(contacts), dtype=bool)
    if "shared_groups" in contacts.columns:
        vouched |= contacts["shared_groups"].map(len).to_numpy() > 0
    if "mutual_titles" in contacts.columns:
        relevant_mutuals = _relevant_mutual_counts(contacts, weights).astype(float)
        vouched |= relevant_mutuals >= VOUCHING_MUTUALS
    else:
        relevant_mutuals = np.full(len(contacts), np.nan)

    out = pd.DataFrame(
        {
            "family": families,
            "relevant": relevant.astype(float),
            "posts": posts,
            "noise_posts": posts * ~relevant,
            "exposed": (~known & ~relevant & ~vouched).astype(float),
            "reach": relevant_mutuals * relevant,
        },
        index=contacts.index,
    )
    if has_truth(contacts):
        truly_relevant = contacts["relevant"].fillna(False).to_numpy(bool)
        posts_true = contacts["persona"].map(POSTS_PER_WEEK_BY_PERSONA).fillna(
            POSTS_PER_WEEK_BY_PERSONA["stranger"]
        ).to_numpy(float)
        out["relevant_true"] = truly_relevant.astype(float)
        out["posts_true"] = posts_true
        out["noise_posts_true"] = posts_true * ~truly_relevant
        out["exposed_true"] = (~known & ~truly_relevant).astype(float)
        out["reach_true"] = relevant_mutuals * truly_relevant
    return out


# --- metrics from sums ----------------------------------------------------------------------


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    out = np.full(np.broadcast(numerator, denominator).shape, np.nan)
    np.divide(numerator, denominator, out=out, where=np.broadcast_to(denominator > 0, out.shape))
    return out


def _metrics_from_sums(size: np.ndarray, sums: Mapping[str, np.ndarray], suffix: str) -> dict:
    """Turn summed contributions into the five metrics (arrays, so one call serves a curve)."""
    return {
        f"relevance_share{suffix}": _ratio(sums[f"relevant{suffix}"], size),
        f"feed_noise{suffix}": _ratio(sums[f"noise_posts{suffix}"], sums[f"posts{suffix}"]),
        f"exposure{suffix}": np.asarray(sums[f"exposed{suffix}"], dtype=float),
        f"reach{suffix}": np.asarray(sums[f"reach{suffix}"], dtype=float),
    }


def _sum_columns(signals: pd.DataFrame) -> list[str]:
    return [c for c in signals.columns if c != "family" and c.split("_true")[0] in _ADDITIVE]


# --- one network ----------------------------------------------------------------------------


@dataclass(frozen=True)
class QualityMetrics:
    """The five metrics of one network, either all estimates or all ground truth.

    ``reach`` is ``None`` when it cannot be known (no mutual connections in the data): an
    unknown held as NaN would make two equal results compare unequal (``nan != nan``, and
    dataclasses compare field by field since Python 3.13).
    """

    size: int
    relevance_share: float
    feed_noise: float
    exposure: int
    reach: float | None

    def as_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class NetworkQuality:
    """Quality of one set of contacts: ``estimate`` always, ``truth`` only on synthetic data.

    ``notes`` lists what could not be measured and which assumptions were used.
    """

    estimate: QualityMetrics
    truth: QualityMetrics | None
    summary: str
    notes: tuple[str, ...] = field(default=())

    @property
    def is_synthetic(self) -> bool:
        return self.truth is not None

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per metric: ``estimate``, ``truth`` (NaN on real data) and what it means
        (in ``lang``; None: the current language)."""
        truth = self.truth.as_dict() if self.truth else {}
        meanings = METRIC_MEANINGS.in_language(lang)
        return pd.DataFrame(
            {
                "estimate": [_float_or_nan(getattr(self.estimate, m)) for m in METRICS],
                "truth": [_float_or_nan(truth.get(m)) for m in METRICS],
                "meaning": [meanings[m] for m in METRICS],
            },
            index=pd.Index(METRICS, name="metric"),
        )


def _float_or_nan(value: float | None) -> float:
    """A table cell: unknown (``None``) becomes NaN, the way pandas marks a missing number."""
    return np.nan if value is None else float(value)


def _metrics(signals: pd.DataFrame, suffix: str) -> QualityMetrics:
    size = len(signals)
    sums = {c: np.nansum(signals[c].to_numpy(float)) for c in _sum_columns(signals)}
    values = _metrics_from_sums(np.asarray(size), sums, suffix)
    reach_missing = signals[f"reach{suffix}"].isna().all() and size > 0
    return QualityMetrics(
        size=size,
        relevance_share=float(values[f"relevance_share{suffix}"]),
        feed_noise=float(values[f"feed_noise{suffix}"]),
        exposure=int(values[f"exposure{suffix}"]),
        reach=None if reach_missing else float(values[f"reach{suffix}"]),
    )


def _summarise(estimate: QualityMetrics, truth: QualityMetrics | None,
               lang: str | None = None) -> str:
    """A few plain sentences; the ground truth, when known, in brackets after each estimate."""
    if estimate.size == 0:
        return message("analysis.quality.empty", lang)

    def both(est: float, tru: float | None, fmt: Callable[..., str]) -> str:
        shown = fmt(est, lang)
        if tru is None:
            return shown
        return message("analysis.quality.with_truth", lang, estimate=shown, truth=fmt(tru, lang))

    t = truth
    parts = [
        message("analysis.quality.size", lang, size=num(estimate.size, lang),
                relevant=both(estimate.relevance_share, t and t.relevance_share, pct)),
        message("analysis.quality.noise", lang,
                noise=both(estimate.feed_noise, t and t.feed_noise, pct)),
        message("analysis.quality.exposure", lang,
                exposure=both(estimate.exposure, t and t.exposure, num)),
    ]
    if estimate.reach is None:
        parts.append(message("analysis.quality.reach_unknown", lang))
    else:
        parts.append(message("analysis.quality.reach", lang,
                             reach=both(estimate.reach, t and t.reach, num)))
    parts.append(message("analysis.quality.footer_truth" if t is not None
                         else "analysis.quality.footer_estimates", lang))
    return " ".join(parts)


def network_quality(contacts: pd.DataFrame, profile: Profile,
                    lang: str | None = None) -> NetworkQuality:
    """Measure any set of contacts: your LinkedIn connections (``position``, ``company``, as
    ``datasets.load_connections()`` returns them) or invitations in the canonical schema (for
    instance the ones a policy accepted). Truth is filled only when ``relevant`` and
    ``persona`` are present (synthetic data); on real data it is ``None``.
    """
    signals = contact_signals(contacts, profile)
    estimate = _metrics(signals, "")
    truth = _metrics(signals, "_true") if "relevant_true" in signals.columns else None
    notes = [message("analysis.quality.note.relevance", lang),
             message("analysis.quality.note.noise", lang)]
    if "mutual_titles" not in contacts.columns:
        notes.append(message("analysis.quality.note.no_mutuals", lang))
    if truth is None:
        notes.append(message("analysis.quality.note.real", lang))
    return NetworkQuality(estimate, truth, _summarise(estimate, truth, lang), tuple(notes))


# --- policies -------------------------------------------------------------------------------


def _triage(invitations: pd.DataFrame, profile: Profile, **kwargs: Any) -> pd.DataFrame:
    return triage(invitations, profile, **kwargs)


def policy_accepts(
    invitations: pd.DataFrame,
    profile: Profile,
    policy: Policy,
    weights: Mapping[str, float] | None = None,
    triaged: pd.DataFrame | None = None,
) -> np.ndarray:
    """Which invitations a policy accepts, as a boolean array.

    ``policy`` is one of:
    - ``"accept_all"``: everyone;
    - ``"known_only"``, ``"balanced"``, ``"open"``: the triage engine's ``accept`` decisions
      with your profile switched to that policy (known-only: people you know offline, the
      article's strict rule);
    - a dict ``{"accept": .., "ask": ..}``: the engine's ``accept`` decisions at those
      thresholds;
    - a number ``t``: what the balanced engine accepts at accept threshold ``t`` (the same
      rows as ``QualityCurve.at(t)``; see ``effective_scores``);
    - a callable: given the triaged invitations (input columns + criteria + ``score``,
      ``decision``, ``reasons``), returns a boolean mask of acceptances.
    """
    n = len(invitations)
    if isinstance(policy, str):
        if policy == "accept_all":
            return np.ones(n, dtype=bool)
        if policy in ("balanced", "open", "known_only"):
            result = _triage(invitations, dataclasses.replace(profile, policy=policy),
                             weights=weights)
            return result["decision"].eq("accept").to_numpy(bool)
        raise InvalidInputError(
            f"unknown policy {policy!r}",
            [f"expected one of {list(NAMED_POLICIES)}, a threshold dict, a number or a function"],
        )
    if isinstance(policy, Mapping):
        result = _triage(invitations, profile, weights=weights, thresholds=dict(policy))
        return result["decision"].eq("accept").to_numpy(bool)
    if isinstance(policy, (int, float)) and not isinstance(policy, bool):
        return effective_scores(invitations, profile, weights) >= float(policy)
    if triaged is None:
        triaged = _triage(invitations, profile, weights=weights)
    if callable(policy):
        mask = np.asarray(policy(triaged))
        if mask.shape != (n,) or mask.dtype != bool:
            raise InvalidInputError(
                "a policy function returned the wrong thing",
                [f"expected a boolean mask of length {n}, got dtype {mask.dtype} and shape "
                 f"{mask.shape}"],
            )
        return mask
    raise InvalidInputError(
        f"a policy cannot be a {type(policy).__name__}",
        [f"expected one of {list(NAMED_POLICIES)}, a threshold dict, a number or a function"],
    )


def _policy_label(policy: Policy) -> str:
    if isinstance(policy, str):
        return policy
    if isinstance(policy, Mapping):
        return "thresholds " + ", ".join(f"{k}={v:g}" for k, v in policy.items())
    if isinstance(policy, (int, float)):
        return f"score >= {policy:g}"
    return getattr(policy, "__name__", "custom")


# --- the trade-off curve --------------------------------------------------------------------


def effective_scores(
    invitations: pd.DataFrame, profile: Profile, weights: Mapping[str, float] | None = None
) -> np.ndarray:
    """The accept threshold up to which the balanced engine accepts each invitation.

    The engine's own rule (:meth:`invite_triage.domain.triage.PreparedTriage.acceptance_scores`):
    the criteria score, the score without the job criterion for someone you know, ``-inf``
    for a sales pitch. ``tests/test_quality.py`` checks the curve against ``triage``.
    """
    balanced = dataclasses.replace(profile, policy="balanced")
    return PreparedTriage(invitations, balanced).acceptance_scores(weights)


@dataclass(frozen=True, eq=False)
class QualityCurve:
    """Quality and size at any threshold, precomputed once for a slider.

    ``from_invitations`` triages once. Each invitation gets an *effective score* (see
    ``effective_scores``): the criteria score adjusted by the engine's policy rules. Sorting by
    it, the invitations accepted at threshold ``t`` are a prefix, so every metric at every
    threshold is a lookup in cumulative sums: ``at`` and ``curve`` cost a binary search, not a
    triage. The known-only row is what ``triage`` accepts with ``policy="known_only"``.
    """

    sorted_keys: np.ndarray  # effective scores, descending
    cumulative: Mapping[str, np.ndarray]  # prefix sums (length n + 1) in that order
    fixed: pd.DataFrame  # accept-all and known-only rows
    has_truth: bool
    default_threshold: float

    @classmethod
    def from_invitations(
        cls,
        invitations: pd.DataFrame,
        profile: Profile,
        weights: Mapping[str, float] | None = None,
    ) -> QualityCurve:

        prepared = PreparedTriage(invitations, dataclasses.replace(profile, policy="balanced"))
        keys = prepared.acceptance_scores(weights)
        signals = contact_signals(invitations, profile)
        order = np.argsort(-keys, kind="stable")
        columns = _sum_columns(signals)
        cumulative = {
            c: np.concatenate([[0.0], np.cumsum(np.nan_to_num(signals[c].to_numpy(float)[order]))])
            for c in columns
        }
        truth = "relevant_true" in signals.columns
        fixed_rows = []
        known_only = prepared.signals.known & np.isfinite(keys)
        for name, mask in (
            ("accept_all", np.ones(len(invitations), dtype=bool)),
            ("known_only", known_only),
        ):
            chosen = signals[mask]
            row = {"policy": name, "threshold": np.nan,
                   **_metrics(chosen, "").as_dict()}
            if truth:
                row.update({f"{k}_true": v for k, v in _metrics(chosen, "_true").as_dict().items()
                            if k != "size"})
            fixed_rows.append(row)
        return cls(
            sorted_keys=keys[order],
            cumulative=cumulative,
            fixed=pd.DataFrame(fixed_rows),
            has_truth=truth,
            default_threshold=float(DEFAULT_THRESHOLDS["accept"]),
        )

    def _at_many(self, thresholds: np.ndarray) -> dict[str, np.ndarray]:
        # Keys are descending; searching their negation counts keys >= t.
        size = np.searchsorted(-self.sorted_keys, -thresholds, side="right")
        sums = {c: values[size] for c, values in self.cumulative.items()}
        out: dict[str, np.ndarray] = {"size": size}
        out.update(_metrics_from_sums(size, sums, ""))
        if self.has_truth:
            out.update(_metrics_from_sums(size, sums, "_true"))
        return out

    def at(self, threshold: float) -> dict[str, float]:
        """Every metric when the balanced engine runs at accept threshold ``threshold`` (ask
        threshold: the default, or ``threshold`` when lower)."""
        values = self._at_many(np.asarray([float(threshold)]))
        return {"threshold": float(threshold), **{k: float(v[0]) for k, v in values.items()}}

    def curve(self, thresholds: Iterable[float] | None = None) -> pd.DataFrame:
        """One row per policy and threshold: accept-all, known-only, then the criteria."""
        ts = np.asarray(
            DEFAULT_CURVE_THRESHOLDS if thresholds is None else list(thresholds), dtype=float
        )
        if ts.ndim != 1 or np.isnan(ts).any():
            raise InvalidInputError("thresholds must be a flat list of numbers",
                                    [f"got {thresholds!r}"])
        swept = pd.DataFrame({"policy": "criteria", "threshold": ts, **self._at_many(ts)})
        return pd.concat([self.fixed, swept], ignore_index=True)


def quality_vs_size(
    invitations: pd.DataFrame,
    profile: Profile,
    thresholds: Iterable[float] | None = None,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The trade-off curve: one row per policy (accept-all, known-only) and per criteria
    threshold, with ``size``, ``relevance_share``, ``feed_noise``, ``exposure``, ``reach`` and,
    on synthetic data, their ``*_true`` twins. For a slider, build a ``QualityCurve`` once."""
    return QualityCurve.from_invitations(invitations, profile, weights).curve(thresholds)


# --- growth over time -----------------------------------------------------------------------


def simulate_growth(
    invitations: pd.DataFrame,
    profile: Profile,
    policies: Sequence[Policy] | Mapping[str, Policy] = NAMED_POLICIES,
    existing: pd.DataFrame | None = None,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Month by month over the invitation stream (``sent_at``), the network each policy builds.

    ``policies``: a list of policies (see ``policy_accepts``: names, threshold dicts, numbers,
    callables) or a dict label → policy. ``existing``: your network before the first
    invitation (for example ``datasets.load_connections()``); each policy starts from it.
    Returns one row per month and policy: ``month``, ``policy``, ``accepted`` (that month),
    then the metrics and, when both sources have ground truth, their ``*_true`` twins. Reach
    counts only what the data shows: an export has no mutual connections, so its contacts add
    none.
    """
    if "sent_at" not in invitations.columns:
        raise InvalidInputError("these invitations have no 'sent_at' column",
                                ["expected the canonical schema, with a datetime 'sent_at'"])
    labelled = dict(policies) if isinstance(policies, Mapping) else {
        _policy_label(p): p for p in policies
    }
    if not labelled:
        raise InvalidInputError("no policy to simulate", ["give at least one policy"])
    signals = contact_signals(invitations, profile)
    base = contact_signals(existing, profile) if existing is not None else None
    truth = "relevant_true" in signals.columns and (base is None or "relevant_true" in base)
    columns = [c for c in _sum_columns(signals) if truth or not c.endswith("_true")]
    base_sums = {c: 0.0 if base is None else float(np.nansum(base[c].to_numpy(float)))
                 for c in columns}
    base_size = 0 if base is None else len(base)

    months = pd.to_datetime(invitations["sent_at"]).dt.to_period("M")
    if months.isna().any():
        raise InvalidInputError("some invitations have no date",
                                ["column 'sent_at': every row needs a date"])
    if len(months) == 0:
        return pd.DataFrame(columns=["month", "policy", "accepted", *_growth_columns(truth)])
    period_range = pd.period_range(months.min(), months.max(), freq="M")
    month_number = (months.dt.year * 12 + months.dt.month).to_numpy(np.int64)
    month_code = month_number - month_number.min()
    n_months = len(period_range)

    triaged = None
    if any(callable(p) for p in labelled.values()):
        triaged = _triage(invitations, profile, weights=weights)
    frames = []
    for label, policy in labelled.items():
        accepted = policy_accepts(invitations, profile, policy, weights, triaged)
        monthly_count = np.bincount(month_code[accepted], minlength=n_months)
        size = base_size + np.cumsum(monthly_count)
        sums = {
            c: base_sums[c] + np.cumsum(np.bincount(
                month_code[accepted],
                weights=np.nan_to_num(signals[c].to_numpy(float)[accepted]),
                minlength=n_months,
            ))
            for c in columns
        }
        frame = {"month": period_range.to_timestamp(), "policy": label,
                 "accepted": monthly_count, "size": size}
        frame.update(_metrics_from_sums(size, sums, ""))
        if truth:
            frame.update(_metrics_from_sums(size, sums, "_true"))
        frames.append(pd.DataFrame(frame))
    return pd.concat(frames, ignore_index=True)


def _growth_columns(truth: bool) -> list[str]:
    names = list(METRICS)
    return names + [f"{m}_true" for m in METRICS[1:]] if truth else names


def policy_networks(
    invitations: pd.DataFrame,
    profile: Profile,
    policies: Sequence[str] = NAMED_POLICIES,
) -> dict[str, pd.DataFrame]:
    """The invitations each policy accepts, by policy name (for ``charts.plot_composition``)."""
    return {
        policy: invitations[policy_accepts(invitations, profile, policy)] for policy in policies
    }
