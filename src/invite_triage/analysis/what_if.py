"""When does size win? The guide's thesis replayed in worlds built on other assumptions.

Chapter 07 shows a qualified network beating a big one in *our* synthetic world. A sceptic
may ask whether that world was built to say so. :func:`what_if` rebuilds it under the
learner's assumptions and lets the policies compete again:

1. **Draw.** One seeded inbox from the synthetic world (``synth.invitations``), triaged once
   under each policy by the real engine (``PreparedTriage``: the accepts of
   ``quality.policy_accepts``) and measured once by the quality measures
   (``quality.contact_signals``: who is truly relevant, how much each sender posts).
2. **Resample.** ``relevant_share``: senders are drawn from the inbox's relevant and
   irrelevant senders in the chosen proportion.
3. **Blur or sharpen the clues.** ``clue_separation``: below 1, a share ``1 - s`` of the
   senders show the visible profile (title, mutual connections, groups, note, whether you
   know them) of another random sender of the same inbox, so the clues say less about who
   matters; at 0 they say nothing. Above 1, a share ``s - 1`` show the profile of a sender
   of their own group from a persona typical of that group, so the clues say more. Their
   relevance and how much they post stay their own: the triage decides on what it sees, the
   value comes from who they are.
4. **Measure and weigh.** Each policy's accepted senders are summed into five components
   (relevant contacts, reach, feed noise, exposure, time), each multiplied by its worth.

Everything but the value weights is simulated, so no formula decides the winner; the weights
are the learner's. Populations are cached per ``(relevant_share, clue_separation)``, and the
weights only recombine cached sums: a call costs a few milliseconds, most of it building the
table (``benchmarks/bench_what_if.py``).

Units: every figure is per 100 invitations; value is counted in *relevant contacts*: one
relevant contact gained is worth 1.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from invite_triage.analysis.quality import contact_signals
from invite_triage.analysis.texts import CatalogLabels, num, pct
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message
from invite_triage.domain.profile import Profile
from invite_triage.domain.taxonomy import DECISIONS
from invite_triage.domain.triage import PreparedTriage
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile

# --- figures from outside -------------------------------------------------------------------

#: The field experiment behind the reach weight: on LinkedIn's "People You May Know", ties of
#: moderate strength (measured by mutual connections and interactions) helped members change
#: jobs the most; the weakest and the strongest helped less (an inverted U).
WEAK_TIES_SOURCE = (
    'Rajkumar, Saint-Jacques, Bojinov, Brynjolfsson & Aral, "A causal test of the strength of '
    'weak ties", Science 377 (2022)'
)

# --- the policies and what is measured ------------------------------------------------------

#: The policies compared, in the order of every table and chart.
WHAT_IF_POLICIES: tuple[str, ...] = ("accept_all", "balanced", "known_only")
#: Components of the value, in value units (relevant contacts) per 100 invitations; their sum
#: is ``value``. Gains are positive, costs negative.
COMPONENTS: tuple[str, ...] = ("relevant_contacts", "reach", "feed_noise", "exposure",
                               "time_spent")
#: The simulated quantities behind the components, per 100 invitations.
MEASURES: tuple[str, ...] = ("accepted", "relevant_accepted", "weak_tie_reach",
                             "noise_posts_per_week", "exposed_strangers", "minutes")
#: The columns of :func:`what_if`, indexed by policy.
WHAT_IF_COLUMNS: tuple[str, ...] = ("value", *COMPONENTS, *MEASURES)
#: What each component means, in the current language (``.in_language(lang)`` for another).
COMPONENT_MEANINGS: CatalogLabels[str] = CatalogLabels("analysis.what_if.meaning", COMPONENTS)
#: Each component's short name (a chart's legend, a table's row).
COMPONENT_LABELS: CatalogLabels[str] = CatalogLabels("analysis.what_if.component", COMPONENTS)

# --- assumptions: every number below is ours, chosen for teaching ---------------------------

#: Assumption name → (low, default, high): the sandbox's sliders.
WHAT_IF_RANGES: dict[str, tuple[float, float, float]] = {
    # Share of invitations sent by people who matter to you. Default: about the synthetic
    # world's own mix (47 % of its senders are relevant).
    "relevant_share": (0.05, 0.45, 0.95),
    # 0: the clues say nothing about relevance; 1: as in our synthetic world; 2: sharper.
    "clue_separation": (0.0, 1.0, 2.0),
    # Multiplier on the assumed posting rates of irrelevant contacts
    # (quality.POSTS_PER_WEEK_BY_PERSONA, themselves assumptions).
    "irrelevant_posting": (0.25, 1.0, 4.0),
    # Value of one unit of weak-tie reach, in relevant contacts. High when job hunting.
    "reach_worth": (0.0, 0.2, 2.0),
    # Cost of one irrelevant post per week in your feed, in relevant contacts.
    "noise_cost": (0.0, 0.1, 0.5),
    # Cost of one stranger able to see your contact list, in relevant contacts.
    "exposure_cost": (0.0, 0.3, 1.5),
}
#: Slider steps (assumptions too: fine enough to find a break-even, coarse enough to cache).
WHAT_IF_STEPS: dict[str, float] = {
    "relevant_share": 0.05,
    "clue_separation": 0.1,
    "irrelevant_posting": 0.25,
    "reach_worth": 0.05,
    "noise_cost": 0.01,
    "exposure_cost": 0.05,
}
#: Each assumption's slider label and meaning, in the current language.
ASSUMPTION_LABELS: CatalogLabels[str] = CatalogLabels("analysis.what_if.assumption",
                                                      tuple(WHAT_IF_RANGES))
ASSUMPTION_MEANINGS: CatalogLabels[str] = CatalogLabels("analysis.what_if.assumption_meaning",
                                                        tuple(WHAT_IF_RANGES))

#: Three people who weigh a network differently (assumptions, for the chapter's bets). A job
#: seeker values reach, after the weak-ties result; a salesperson is an open networker: most
#: senders are prospects to her, her list is no secret and she barely reads her feed; a
#: community manager guarding her e-reputation reads her feed for work and keeps strangers
#: away from her list and her name.
WHAT_IF_PERSONAS: dict[str, dict[str, float]] = {
    "job_seeker": {  # our default person, except that reach is worth five times more
        "relevant_share": 0.45, "clue_separation": 1.0, "irrelevant_posting": 1.0,
        "reach_worth": 1.0, "noise_cost": 0.1, "exposure_cost": 0.3,
    },
    "salesperson": {
        "relevant_share": 0.8, "clue_separation": 1.0, "irrelevant_posting": 1.0,
        "reach_worth": 1.0, "noise_cost": 0.0, "exposure_cost": 0.0,
    },
    "community_manager": {
        "relevant_share": 0.3, "clue_separation": 0.6, "irrelevant_posting": 2.0,
        "reach_worth": 0.1, "noise_cost": 0.3, "exposure_cost": 1.2,
    },
}
PERSONA_LABELS: CatalogLabels[str] = CatalogLabels("analysis.what_if.persona",
                                                   tuple(WHAT_IF_PERSONAS))

#: Where "moderately weak" sits, in mutual connections (assumption: the paper gives the shape
#: of the curve; placing its peak in our synthetic world is our choice).
WEAK_TIE_PEAK_MUTUALS = 5.0
#: Minutes spent per invitation (assumptions): reading a profile to triage it, writing a short
#: message to someone you ask first, recognising a name you know. Accepting everyone reads
#: nothing.
MINUTES_TO_TRIAGE = 1.0
MINUTES_TO_ASK = 3.0
MINUTES_TO_RECOGNISE = 0.1
#: What a minute of your time is worth, in relevant contacts (assumption: an hour ≈ one
#: relevant contact).
MINUTE_COST = 1.0 / 60.0
#: Seeds and sizes of the simulation (assumptions: large enough for stable figures, small
#: enough to build in about a second).
WHAT_IF_SEED = 909
BASE_SENDERS = 6_000
SIMULATED_SENDERS = 4_000
PER = 100.0  # every figure is per 100 invitations


# --- the simulated inbox, built once --------------------------------------------------------


@dataclass(frozen=True)
class _Inbox:
    """One triaged, measured inbox: per sender, what the policies decide on its visible
    profile (``accepts``, ``asked``, ``known``, ``weak_tie``) and who the sender is
    (``relevant``, ``posts``, ``persona``)."""

    accepts: dict[str, np.ndarray]
    asked: np.ndarray
    known: np.ndarray
    weak_tie: np.ndarray
    relevant: np.ndarray
    posts: np.ndarray
    relevant_rows: np.ndarray
    irrelevant_rows: np.ndarray
    typical_relevant_rows: np.ndarray
    typical_irrelevant_rows: np.ndarray


def weak_tie_weight(mutuals: np.ndarray, peak: float = WEAK_TIE_PEAK_MUTUALS) -> np.ndarray:
    """Each contact's reach toward new opportunities, in [0, 1], from mutual connections.

    An inverted U, after the shape of the weak-ties result (``WEAK_TIES_SOURCE``): zero mutual
    connections (likely a fake) opens nothing, a moderately weak tie opens the most, a strong
    tie mostly knows what you know. The peak's place is an assumption.
    """
    x = np.asarray(mutuals, dtype=float) / peak
    return x * np.exp(1.0 - x)


@functools.lru_cache(maxsize=1)
def _inbox() -> _Inbox:
    """Draw, triage and measure the base inbox once (about a second)."""
    invitations = synth.invitations(BASE_SENDERS, seed=WHAT_IF_SEED)
    profile: Profile = example_profile()
    signals = contact_signals(invitations, profile)
    # The engine's decisions without writing reasons: the same accepts as
    # ``quality.policy_accepts`` (tests/analysis/test_what_if.py checks it).
    prepared = PreparedTriage(invitations, dataclasses.replace(profile, policy="balanced"))
    balanced = prepared.decision_codes()
    known_only = prepared.with_profile(
        dataclasses.replace(profile, policy="known_only")).decision_codes()
    accepts = {
        "accept_all": np.ones(len(invitations), dtype=bool),
        "balanced": balanced == DECISIONS.index("accept"),
        "known_only": known_only == DECISIONS.index("accept"),
    }
    asked = balanced == DECISIONS.index("ask")
    relevant = signals["relevant_true"].to_numpy(float) > 0
    persona = invitations["persona"].to_numpy(object)
    # A persona is typical of the relevant group when most of its senders are relevant.
    relevant_rate = pd.Series(relevant).groupby(persona).mean()
    typical = np.asarray(pd.Series(persona).map(relevant_rate).to_numpy(float) >= 0.5)
    return _Inbox(
        accepts=accepts,
        asked=asked,
        known=np.asarray(prepared.signals.known, dtype=bool),
        weak_tie=weak_tie_weight(invitations["mutual_connections"].to_numpy(float)),
        relevant=relevant,
        posts=signals["posts_true"].to_numpy(float),
        relevant_rows=np.flatnonzero(relevant),
        irrelevant_rows=np.flatnonzero(~relevant),
        typical_relevant_rows=np.flatnonzero(relevant & typical),
        typical_irrelevant_rows=np.flatnonzero(~relevant & ~typical),
    )


@functools.lru_cache(maxsize=1)
def _draws() -> dict[str, np.ndarray]:
    """The uniform draws every population shares (common random numbers: moving one slider
    changes only what that assumption changes, not the luck of the draw)."""
    rng = np.random.default_rng(WHAT_IF_SEED + 1)
    n = SIMULATED_SENDERS
    return {name: rng.random(n) for name in ("self", "mix", "donor", "slot")}


def _pick(rows: np.ndarray, u: np.ndarray) -> np.ndarray:
    return rows[np.minimum((u * len(rows)).astype(np.int64), len(rows) - 1)]


@functools.lru_cache(maxsize=2048)
def _population_sums(relevant_share: float, clue_separation: float) -> dict[str, np.ndarray]:
    """Raw sums per policy (in ``WHAT_IF_POLICIES`` order) for one simulated population."""
    inbox, u = _inbox(), _draws()
    n = SIMULATED_SENDERS
    # Which slots hold relevant senders: the share of slots with the lowest "slot" draw.
    n_relevant = round(relevant_share * n)
    is_relevant = np.zeros(n, dtype=bool)
    is_relevant[np.argsort(u["slot"], kind="stable")[:n_relevant]] = True
    who = np.where(is_relevant, _pick(inbox.relevant_rows, u["self"]),
                   _pick(inbox.irrelevant_rows, u["self"]))
    shown = who.copy()
    if clue_separation < 1.0:
        blurred = u["mix"] < 1.0 - clue_separation
        others = who[np.minimum((u["donor"] * n).astype(np.int64), n - 1)]
        shown = np.where(blurred, others, who)
    elif clue_separation > 1.0:
        sharpened = u["mix"] < clue_separation - 1.0
        typical = np.where(is_relevant, _pick(inbox.typical_relevant_rows, u["donor"]),
                           _pick(inbox.typical_irrelevant_rows, u["donor"]))
        shown = np.where(sharpened, typical, who)

    relevant = inbox.relevant[who]
    noise_posts = inbox.posts[who] * ~relevant
    exposed = ~inbox.known[shown] & ~relevant
    weak_tie = inbox.weak_tie[shown]
    minutes_each = {
        "accept_all": np.zeros(n),
        "balanced": MINUTES_TO_TRIAGE + MINUTES_TO_ASK * inbox.asked[shown],
        "known_only": np.full(n, MINUTES_TO_RECOGNISE),
    }
    scale = PER / n
    sums: dict[str, list[float]] = {m: [] for m in MEASURES}
    for policy in WHAT_IF_POLICIES:
        accepted = inbox.accepts[policy][shown]
        sums["accepted"].append(accepted.sum() * scale)
        sums["relevant_accepted"].append((accepted & relevant).sum() * scale)
        sums["weak_tie_reach"].append(weak_tie[accepted].sum() * scale)
        sums["noise_posts_per_week"].append(noise_posts[accepted].sum() * scale)
        sums["exposed_strangers"].append((accepted & exposed).sum() * scale)
        sums["minutes"].append(minutes_each[policy].sum() * scale)
    return {m: np.asarray(v, dtype=float) for m, v in sums.items()}


# --- assumptions in, values out --------------------------------------------------------------


def resolve_assumptions(assumptions: Mapping[str, object]) -> dict[str, float]:
    """The defaults overridden by ``assumptions``; unknown names or values outside their range
    raise :class:`InvalidInputError` naming the assumption and what was expected."""
    resolved = {name: default for name, (_, default, _) in WHAT_IF_RANGES.items()}
    problems = []
    for name, value in assumptions.items():
        if name not in WHAT_IF_RANGES:
            problems.append(message("analysis.what_if.unknown_assumption", None,
                                    name=repr(name), known=", ".join(WHAT_IF_RANGES)))
            continue
        low, _, high = WHAT_IF_RANGES[name]
        number = (float(value) if isinstance(value, numbers.Real)
                  and not isinstance(value, bool) else math.nan)
        if not math.isfinite(number) or not low - 1e-9 <= number <= high + 1e-9:
            problems.append(message("analysis.what_if.out_of_range", None, name=name,
                                    got=repr(value), low=f"{low:g}", high=f"{high:g}"))
            continue
        resolved[name] = min(max(number, low), high)
    if problems:
        raise InvalidInputError(message("analysis.what_if.invalid", None), problems)
    return resolved


def _components(resolved: Mapping[str, float]) -> tuple[dict[str, np.ndarray],
                                                         dict[str, np.ndarray]]:
    """The measures of the population these assumptions describe, and their weighted
    components (value units), one entry per policy."""
    measures = dict(_population_sums(round(resolved["relevant_share"], 4),
                                     round(resolved["clue_separation"], 4)))
    measures["noise_posts_per_week"] = (measures["noise_posts_per_week"]
                                        * resolved["irrelevant_posting"])
    components = {
        "relevant_contacts": measures["relevant_accepted"],
        "reach": measures["weak_tie_reach"] * resolved["reach_worth"],
        "feed_noise": -measures["noise_posts_per_week"] * resolved["noise_cost"],
        "exposure": -measures["exposed_strangers"] * resolved["exposure_cost"],
        "time_spent": -measures["minutes"] * MINUTE_COST,
    }
    return measures, components


def _values(resolved: Mapping[str, float]) -> np.ndarray:
    """Each policy's value (``WHAT_IF_POLICIES`` order) under already checked assumptions."""
    _, components = _components(resolved)
    return sum(components.values())


def policy_values(**assumptions: float) -> dict[str, float]:
    """Each policy's value under these assumptions, without building a table (for searches)."""
    total = _values(resolve_assumptions(assumptions))
    return dict(zip(WHAT_IF_POLICIES, (float(v) for v in total), strict=True))


def what_if(**assumptions: float) -> pd.DataFrame:
    """Each policy's value in a world built on these assumptions (the rest at their defaults).

    Assumptions (see ``WHAT_IF_RANGES`` for their ranges and defaults): ``relevant_share``,
    ``clue_separation``, ``irrelevant_posting``, ``reach_worth``, ``noise_cost``,
    ``exposure_cost``. Returns one row per policy (index ``policy``: ``accept_all``,
    ``balanced``, ``known_only``) with ``value`` (in relevant contacts per 100 invitations),
    its ``COMPONENTS`` (signed; they add up to ``value``) and the simulated ``MEASURES``
    behind them. The same assumptions always give the same frame.
    """
    measures, components = _components(resolve_assumptions(assumptions))
    frame = pd.DataFrame({**components, **measures},
                         index=pd.Index(WHAT_IF_POLICIES, name="policy"))
    frame.insert(0, "value", frame[list(COMPONENTS)].sum(axis=1))
    return frame[list(WHAT_IF_COLUMNS)]


def winner(**assumptions: float) -> str:
    """The policy with the highest value under these assumptions."""
    values = policy_values(**assumptions)
    return max(values, key=values.__getitem__)


@dataclass(frozen=True)
class BreakEven:
    """Where ``policy`` starts (or stops) winning as one assumption moves, others fixed.

    ``at`` is the break-even value (``None`` when the policy wins everywhere or nowhere in the
    range); ``wins_above`` says on which side it wins; ``sentence`` says it in words.
    """

    assumption: str
    policy: str
    at: float | None
    wins_above: bool | None
    wins_now: bool
    sentence: str


def break_even(assumption: str = "reach_worth", policy: str = "accept_all",
               points: int = 41, lang: str | None = None, **assumptions: float) -> BreakEven:
    """Search ``assumption`` over its range for where ``policy`` starts to win.

    A grid of ``points`` values finds the first change of winner; bisection then refines it
    to a thousandth of the range. On ``relevant_share`` and ``clue_separation`` each point
    simulates (and caches) a population. Other assumptions stay as given (or at their defaults).
    The sentence is in ``lang`` (None: the current language).
    """
    if assumption not in WHAT_IF_RANGES:
        raise InvalidInputError(f"unknown assumption {assumption!r}",
                                [f"expected one of {list(WHAT_IF_RANGES)}"])
    if policy not in WHAT_IF_POLICIES:
        raise InvalidInputError(f"unknown policy {policy!r}",
                                [f"expected one of {list(WHAT_IF_POLICIES)}"])
    resolved = resolve_assumptions(assumptions)
    low, _, high = WHAT_IF_RANGES[assumption]

    column = WHAT_IF_POLICIES.index(policy)

    def wins(x: float) -> bool:
        values = _values({**resolved, assumption: x})
        return bool(values[column] >= values.max() - 1e-12)

    wins_now = wins(resolved[assumption])
    grid = np.linspace(low, high, points)
    outcome = [wins(float(x)) for x in grid]
    if all(outcome) or not any(outcome):
        sentence = message(
            "analysis.what_if.break_even.always" if outcome[0]
            else "analysis.what_if.break_even.never", lang,
            policy=_POLICY_PHRASES.get_in(policy, lang), low=num(low, lang, _digits(low)),
            high=num(high, lang, _digits(high)),
            assumption=ASSUMPTION_LABELS.get_in(assumption, lang))
        return BreakEven(assumption, policy, None, None, wins_now, sentence)
    i = next(k for k in range(1, points) if outcome[k] != outcome[k - 1])
    a, b = float(grid[i - 1]), float(grid[i])
    tolerance = (high - low) / 1000
    while b - a > tolerance:
        mid = (a + b) / 2
        if wins(mid) == outcome[i - 1]:
            a = mid
        else:
            b = mid
    at = (a + b) / 2
    above = outcome[i]
    x = pct(at, lang) if assumption == "relevant_share" else num(at, lang, 2)
    side = "above" if above else "below"
    subject = message(f"analysis.what_if.break_even.{assumption}.{side}", lang, x=x)
    sentence = message(f"analysis.what_if.break_even.{policy}", lang, condition=subject)
    return BreakEven(assumption, policy, at, above, wins_now, sentence)


def _digits(x: float) -> int:
    """Decimals that show a range's bound as ``{x:g}`` would (0.05 → 2, 2.0 → 0)."""
    text = f"{x:g}"
    return len(text.split(".")[1]) if "." in text else 0


#: "accepting everyone", as the subject of a sentence (the break-even's).
_POLICY_PHRASES: CatalogLabels[str] = CatalogLabels("analysis.what_if.policy_phrase",
                                                    WHAT_IF_POLICIES)
#: Each policy's short name (a chart's bar, a table's row), in the current language.
POLICY_LABELS: CatalogLabels[str] = CatalogLabels("analysis.what_if.policy", WHAT_IF_POLICIES)
