"""The triage engine: criteria → weighted score → accept / ask first / decline, with reasons.

``score`` is the weighted mean of the six criteria (weights from the profile's goals, see
:func:`preset_weights`); thresholds turn it into a decision; then the article's policy rules
apply:

* a person you know is never declined for their job alone (their job does not count against
  them);
* a commercial pitch is never accepted automatically (at most "ask");
* ``open`` accepts anyone without warning signs (a pitch, or a likely fake: zero mutual
  connections, unknown to you, and a generic note or a pitch);
* ``known_only`` declines everyone you do not know outside LinkedIn (the article's point that
  a qualified address book is your right).

Reasons are one or two sentences naming the criteria that decided. With a million rows they
are not written row by row: each row gets a small integer code per cited clause, and only the
few distinct combinations are turned into sentences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import message, template
from invite_triage.domain.criteria import (
    CRITERIA,
    REASONS,
    UNKNOWN_SCORE,
    Signals,
    compute_criteria,
    reason_polarities,
    reason_texts,
)
from invite_triage.domain.intent import KINDS
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import validate_invitations
from invite_triage.domain.taxonomy import DECISIONS

ACCEPT, ASK, DECLINE = 0, 1, 2
#: score >= accept → accept; score >= ask → ask; else decline (before the policy rules).
DEFAULT_THRESHOLDS: dict[str, float] = {"accept": 0.45, "ask": 0.35}

#: Weights before goals. Job, mutual connections, groups and the note weigh alike: each is a
#: partial clue and none decides alone. Career changes the kind of relationship more than the
#: verdict, and people you know are also handled by a rule, so both weigh less. Tuned on the
#: synthetic world with seed 7 (20,000 invitations, F1 of "accept"), checked on seed 1 and on
#: the bundled world (tests/test_evaluation.py).
BASE_WEIGHTS: dict[str, float] = {
    "job": 2.0, "career": 0.5, "mutuals": 2.0, "groups": 2.0, "known": 1.0, "intent": 2.0,
}
#: Multipliers per goal, averaged over the profile's goals.
GOAL_MULTIPLIERS: dict[str, dict[str, float]] = {
    # looking for a job: recruiters and bosses (job), and the wider network (mutuals)
    "job_search": {"job": 1.2, "mutuals": 1.2},
    # prospecting: company bosses (job) count most; a pitch matters a little less
    "prospecting": {"job": 1.3, "intent": 0.8},
    # keeping clients: people you already know
    "client_retention": {"known": 1.5, "job": 1.1},
    # your image: shared interests (groups) and personal, non-commercial notes
    "reputation": {"groups": 1.2, "intent": 1.2},
}

OUTPUT_COLUMNS: tuple[str, ...] = (*CRITERIA, "score", "decision", "reasons")

# --- policy rules, in the order they are reported -----------------------------------------
_RULES: tuple[str, ...] = (
    "none", "known_job", "pitch_cap", "open_accept", "open_warning", "known_only", "look_first",
)
#: Rules that add a sentence of their own (msgid ``triage.rule.<rule>``); "known_only" speaks
#: through its clause instead (``triage.clause.only_known``).
_RULES_WITH_SENTENCE: tuple[str, ...] = (
    "known_job", "pitch_cap", "open_accept", "open_warning", "look_first",
)
#: When criteria whose signal is unknown carry at least this share of the weight, the data
#: cannot support a verdict on a stranger: the first guess is "ask", with "look at their
#: profile first" (never "decline" or "accept" on what the data does not hold).
MOSTLY_UNKNOWN = 0.5
#: Sentence shapes per decision, by which clauses are cited: ``(a given, b given) → shape``.
#: Accept and decline cite their two strongest clauses; ask cites one for (a), one against (b).
#: The pattern is msgid ``triage.sentence.<decision>.<shape>``, with ``{a}`` and ``{b}``.
_SHAPES: dict[str, dict[tuple[bool, bool], str]] = {
    "accept": {(True, True): "two", (True, False): "one", (False, True): "one",
               (False, False): "none"},
    "decline": {(True, True): "two", (True, False): "one", (False, True): "one",
                (False, False): "none"},
    "ask": {(True, True): "for_against", (True, False): "for", (False, True): "against",
            (False, False): "none"},
}


def preset_weights(profile: Profile) -> dict[str, float]:
    """Default criterion weights for a profile: the base weights times the average of its
    goals' multipliers, scaled to sum to 1. These are the guide's sliders' starting points."""
    goals = profile.goals or ()
    weights = {}
    for name in CRITERIA:
        factors = [GOAL_MULTIPLIERS[g].get(name, 1.0) for g in goals] or [1.0]
        weights[name] = BASE_WEIGHTS[name] * sum(factors) / len(factors)
    total = sum(weights.values())
    return {name: round(value / total, 4) for name, value in weights.items()}


def _number(value: object) -> float | None:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def resolve_weights(profile: Profile, weights: Mapping[str, float] | None) -> dict[str, float]:
    """The preset, overridden by ``weights``; unknown keys or values outside [0, ∞) raise."""
    resolved = preset_weights(profile)
    if weights is None:
        return resolved
    if not isinstance(weights, Mapping):
        raise InvalidInputError(
            "weights must be a dict criterion → number",
            [f"got {type(weights).__name__}; expected keys among {list(CRITERIA)}"],
        )
    problems = []
    for key, value in weights.items():
        number = _number(value)
        if key not in CRITERIA:
            problems.append(
                f"weights[{key!r}]: unknown criterion; expected one of {list(CRITERIA)}"
            )
        elif number is None or number < 0:
            problems.append(f"weights[{key!r}]: got {value!r}; expected a number >= 0")
        else:
            resolved[key] = number
    if not problems and not math.isfinite(sum(resolved.values())):
        # Only the ratios count: 1e308s would overflow their sum (every decision "decline").
        largest = max(resolved.values())
        resolved = {key: value / largest for key, value in resolved.items()}
    if not problems and sum(resolved.values()) <= 0:
        problems.append("weights: all zero; expected at least one weight > 0")
    if problems:
        raise InvalidInputError("these weights are not valid", problems)
    return resolved


def resolve_thresholds(thresholds: Mapping[str, float] | None) -> dict[str, float]:
    """:data:`DEFAULT_THRESHOLDS` overridden by ``thresholds`` (each in [0, 1], ask <= accept)."""
    resolved = dict(DEFAULT_THRESHOLDS)
    if thresholds is None:
        return resolved
    if not isinstance(thresholds, Mapping):
        raise InvalidInputError(
            "thresholds must be a dict with 'accept' and 'ask'",
            [f"got {type(thresholds).__name__}; expected e.g. {DEFAULT_THRESHOLDS}"],
        )
    problems = []
    for key, value in thresholds.items():
        number = _number(value)
        if key not in DEFAULT_THRESHOLDS:
            problems.append(
                f"thresholds[{key!r}]: unknown key; expected one of {list(DEFAULT_THRESHOLDS)}"
            )
        elif number is None or not 0 <= number <= 1:
            problems.append(f"thresholds[{key!r}]: got {value!r}; expected a number in [0, 1]")
        else:
            resolved[key] = number
    if not problems and resolved["ask"] > resolved["accept"]:
        problems.append(
            f"thresholds['ask']: got {resolved['ask']}, above thresholds['accept'] = "
            f"{resolved['accept']}; expected ask <= accept"
        )
    if problems:
        raise InvalidInputError("these thresholds are not valid", problems)
    return resolved


# --- reasons -----------------------------------------------------------------------------------
def _clause_offsets() -> tuple[dict[str, int], int]:
    """Where each criterion's reason codes start in one global clause numbering."""
    offsets, start = {}, 0
    for name in CRITERIA:
        offsets[name] = start
        start += len(reason_polarities(name))
    return offsets, start


_OFFSETS, _N_CLAUSES = _clause_offsets()
_POLARITY = np.concatenate([reason_polarities(name) for name in CRITERIA])
ONLY_KNOWN = _N_CLAUSES  # the known-only policy's clause
NO_CLAUSE = _N_CLAUSES + 1
_CLAUSE_SPAN = _N_CLAUSES + 2


@lru_cache(maxsize=16)
def _clause_table(lang: str) -> tuple[str, ...]:
    """Every clause in ``lang``, by global clause number (built once per language)."""
    clauses = [text for name in CRITERIA for text in reason_texts(name, lang)]
    return (*clauses, message("triage.clause.only_known", lang), "")


@lru_cache(maxsize=16)
def _sentence_tables(lang: str) -> tuple[dict[tuple[str, str], str], tuple[str, ...]]:
    """The sentence patterns by (decision, shape), and each rule's sentence ("" for none), in
    ``lang`` (read from the catalog once per language)."""
    patterns = {
        (decision, shape): template(f"triage.sentence.{decision}.{shape}", lang)
        for decision, shapes in _SHAPES.items()
        for shape in set(shapes.values())
    }
    rules = tuple(
        template(f"triage.rule.{rule}", lang) if rule in _RULES_WITH_SENTENCE else ""
        for rule in _RULES
    )
    return patterns, rules


def _top_two(strength: np.ndarray, clause: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The two strongest eligible clauses per row (NO_CLAUSE where fewer are eligible)."""
    rows = np.arange(len(strength))
    first = np.argmax(strength, axis=1)
    best = strength[rows, first]
    rest = strength.copy()
    rest[rows, first] = -np.inf
    second = np.argmax(rest, axis=1)
    runner = rest[rows, second]
    a = np.where(np.isfinite(best), clause[rows, first], NO_CLAUSE)
    b = np.where(np.isfinite(runner), clause[rows, second], NO_CLAUSE)
    return a, b


def _sentence(
    decision: int, rule: int, a: int, b: int, clauses: tuple[str, ...], lang: str
) -> str:
    patterns, rule_sentences = _sentence_tables(lang)
    name = DECISIONS[decision]
    has_a, has_b = a != NO_CLAUSE, b != NO_CLAUSE
    shape = _SHAPES[name][(has_a, has_b)]
    first, second = (clauses[a], clauses[b]) if has_a else (clauses[b], "")
    text = patterns[(name, shape)].format(a=first, b=second)
    extra = rule_sentences[rule]
    return f"{text} {extra}" if extra else text


def _reasons(
    decision: np.ndarray,
    rule: np.ndarray,
    scores: np.ndarray,
    codes: np.ndarray,
    weights: np.ndarray,
    lang: str,
) -> np.ndarray:
    """One or two sentences per row, built once per distinct (decision, rule, clauses)."""
    clause = codes + np.array([_OFFSETS[name] for name in CRITERIA])
    polarity = _POLARITY[clause]
    weighted = weights * scores
    pro = np.where(polarity > 0, weighted, -np.inf)
    con = np.where(polarity < 0, weights - weighted, -np.inf)
    pro_a, pro_b = _top_two(pro, clause)
    con_a, con_b = _top_two(con, clause)
    a = np.where(decision == ACCEPT, pro_a, np.where(decision == DECLINE, con_a, pro_a))
    b = np.where(decision == ACCEPT, pro_b, np.where(decision == DECLINE, con_b, con_a))

    # Rules force the clause that decided.
    known_col = CRITERIA.index("known")
    intent_col = CRITERIA.index("intent")
    pitch_clause = _OFFSETS["intent"] + [k for c, k, *_ in REASONS if c == "intent"].index("pitch")
    capped = rule == _RULES.index("pitch_cap")
    b = np.where(capped, pitch_clause, b)
    # Known only: "you accept only people you know, and ..."; a known pitcher is asked first.
    only_known = rule == _RULES.index("known_only")
    known_clause = clause[:, known_col]
    known_pitch = only_known & (decision == ASK) & (clause[:, intent_col] == pitch_clause)
    a = np.where(known_pitch, known_clause, np.where(only_known, ONLY_KNOWN, a))
    b = np.where(known_pitch, pitch_clause, np.where(only_known, known_clause, b))
    rule = np.where(known_pitch, _RULES.index("pitch_cap"), rule)

    key = ((decision.astype(np.int64) * len(_RULES) + rule) * _CLAUSE_SPAN + a) * _CLAUSE_SPAN + b
    combos, uniques = pd.factorize(key)
    clauses = _clause_table(lang)
    span = _CLAUSE_SPAN
    sentences = np.array(
        [
            _sentence(
                int(k // (len(_RULES) * span * span)),
                int(k // (span * span) % len(_RULES)),
                int(k // span % span),
                int(k % span),
                clauses,
                lang,
            )
            for k in uniques
        ],
        dtype=object,
    )
    return sentences[combos]


# --- the engine ----------------------------------------------------------------------------------
#: Signals that may be given ready-made to :meth:`PreparedTriage.with_signals`.
REPLACEABLE_SIGNALS: tuple[str, ...] = ("shared_groups", "known", "mutual_stats", "message_kind")


class PreparedTriage:
    """One table's criteria, computed once, then triaged under any weights and thresholds.

    The criteria never read the weights or the thresholds, and the policy and the language
    only act after them; the titles, notes and names they read are the costly part (about
    four fifths of a triage). The guide's sliders change one setting at a time, so an app
    prepares its table once and each move re-runs only the weighted sum, the decisions and,
    when asked, the reasons. ``with_profile`` re-scores under another profile, recomputing
    only the signals that profile changes (a mentoring slider recomputes the career
    criterion, not the titles).

    ``PreparedTriage(t, p).triage(w, th)`` is exactly ``triage(t, p, w, th)``; the table must
    not be changed after it was prepared.
    """

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        validate_invitations(invitations)
        self._score(invitations, profile, Signals(invitations, profile), {})

    @classmethod
    def _from_signals(
        cls, invitations: pd.DataFrame, profile: Profile, signals: Signals,
        overrides: Mapping[str, object],
    ) -> PreparedTriage:
        prepared = cls.__new__(cls)
        prepared._score(invitations, profile, signals, overrides)
        return prepared

    def _score(
        self, invitations: pd.DataFrame, profile: Profile, signals: Signals,
        overrides: Mapping[str, object],
    ) -> None:
        vars(signals).update(overrides)
        self.invitations = invitations
        self.profile = profile
        self.signals = signals
        self._overrides = dict(overrides)
        results = compute_criteria(signals)
        #: Criterion scores (rows × ``CRITERIA``) and reason codes.
        self.scores = np.column_stack([results[name].score for name in CRITERIA]).astype(float)
        self.codes = np.column_stack([results[name].code for name in CRITERIA]).astype(np.int64)
        #: False where a criterion's signal is unknown (left out of the weighted score).
        self.known = np.column_stack([results[name].known_mask() for name in CRITERIA])
        self._partly_unknown = ~self.known.all(axis=1)

    def __len__(self) -> int:
        return len(self.scores)

    def criterion(self, name: str) -> np.ndarray:
        """One criterion's scores, in the table's row order."""
        return self.scores[:, CRITERIA.index(name)]

    def with_profile(self, profile: Profile) -> PreparedTriage:
        """The same table under ``profile``; only the signals it changes are recomputed
        (signals given to :meth:`with_signals` stay replaced)."""
        signals = self.signals.under(profile)
        return PreparedTriage._from_signals(self.invitations, profile, signals, self._overrides)

    def with_signals(self, **values: object) -> PreparedTriage:
        """The same table and profile with some signals replaced by ready-made arrays (one
        value per row, as :class:`~invite_triage.domain.criteria.Signals` computes them): e.g.
        ``shared_groups=counts`` scores the table as if each row shared ``counts`` of your
        groups, without rebuilding the table. Names: :data:`REPLACEABLE_SIGNALS`."""
        unknown = sorted(set(values) - set(REPLACEABLE_SIGNALS))
        if unknown:
            raise ValueError(f"cannot replace {unknown}; expected among {REPLACEABLE_SIGNALS}")
        signals = self.signals.under(self.profile)
        return PreparedTriage._from_signals(
            self.invitations, self.profile, signals, {**self._overrides, **values}
        )

    def decision_codes(
        self,
        weights: Mapping[str, float] | None = None,
        thresholds: Mapping[str, float] | None = None,
    ) -> np.ndarray:
        """Each row's decision as an index in :data:`DECISIONS` (no reasons written)."""
        resolved = resolve_weights(self.profile, weights)
        limits = resolve_thresholds(thresholds)
        return self._decide(resolved, limits)[1]

    def decisions(
        self,
        weights: Mapping[str, float] | None = None,
        thresholds: Mapping[str, float] | None = None,
    ) -> pd.Series:
        """``triage(...)["decision"]`` without writing the reasons."""
        codes = self.decision_codes(weights, thresholds)
        return pd.Series(
            pd.array(np.asarray(DECISIONS, dtype=object)[codes], dtype="str"),
            index=self.invitations.index, name="decision",
        )

    def triage(
        self,
        weights: Mapping[str, float] | None = None,
        thresholds: Mapping[str, float] | None = None,
    ) -> pd.DataFrame:
        """Exactly :func:`triage` of the prepared table and profile."""
        return self._frame(resolve_weights(self.profile, weights), resolve_thresholds(thresholds))

    def _weighted(self, resolved: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """The weights as an array, and each row's score (their weighted mean)."""
        scores = self.scores
        w = np.array([resolved[name] for name in CRITERIA], dtype=float)
        total = w.sum()
        # Column by column (not a matrix product) so each row's sum runs in the same order
        # wherever the row sits: shuffling rows cannot change a result, not even by one ulp.
        weighted = np.zeros(len(scores))
        for j in range(len(CRITERIA)):
            weighted += (w[j] / total) * scores[:, j]
        partly = self._partly_unknown
        if partly.any():
            # Rows with unknown signals: the weighted mean of the known criteria only.
            known = self.known[partly]
            known_weight = known @ w
            mean = (scores[partly] * known) @ w / np.where(known_weight > 0, known_weight, 1.0)
            weighted[partly] = np.where(known_weight > 0, mean, UNKNOWN_SCORE)
        return w, np.clip(weighted, 0.0, 1.0)

    def unknown_share(self, w: np.ndarray) -> np.ndarray:
        """Per row, the share of the weight carried by criteria whose signal is unknown."""
        share = np.zeros(len(self.scores))
        partly = self._partly_unknown
        if partly.any():
            share[partly] = (~self.known[partly]) @ w / w.sum()
        return share

    def _without_job(self, score: np.ndarray, w: np.ndarray) -> np.ndarray:
        """The score as if the job fitted: how a person you know is judged (an unknown job
        already counts for nothing)."""
        job = CRITERIA.index("job")
        lift = (w[job] / w.sum()) * (1.0 - self.scores[:, job])
        partly = self._partly_unknown
        if partly.any():
            known = self.known[partly]
            known_weight = np.maximum(known @ w, np.finfo(float).tiny)
            lift[partly] = known[:, job] * w[job] * (1.0 - self.scores[partly, job]) / known_weight
        return score + lift

    def acceptance_scores(self, weights: Mapping[str, float] | None = None) -> np.ndarray:
        """Per row, the accept threshold up to which the balanced policy accepts it.

        With ``thresholds={"accept": t, "ask": min(DEFAULT_THRESHOLDS["ask"], t)}`` the rows
        accepted are exactly those scoring >= ``t`` here: the score, or the score without the
        job criterion for someone you know (whichever is higher), and ``-inf`` for a sales
        pitch or a stranger judged mostly on unknown signals (never accepted automatically).
        Sorting by it makes every threshold a prefix.
        """
        w, score = self._weighted(resolve_weights(self.profile, weights))
        judged = np.where(self.signals.known, np.maximum(score, self._without_job(score, w)), score)
        pitch = self.signals.message_kind == KINDS.index("pitch")
        unsure = (self.unknown_share(w) >= MOSTLY_UNKNOWN) & ~self.signals.known
        return np.where(pitch | unsure, -np.inf, judged)

    def _decide(
        self, resolved: Mapping[str, float], limits: Mapping[str, float]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Score, decision, rule and the weights used, per row."""
        profile, signals = self.profile, self.signals
        w, score = self._weighted(resolved)

        def decide(values: np.ndarray) -> np.ndarray:
            return np.where(
                values >= limits["accept"], ACCEPT, np.where(values >= limits["ask"], ASK, DECLINE)
            ).astype(np.int8)

        decision = decide(score)
        rule = np.zeros(len(score), dtype=np.int8)
        known = signals.known
        kind = signals.message_kind
        pitch = kind == KINDS.index("pitch")

        # A person you know is never declined for their job alone: their job does not count
        # against them (judged as if it fit). Applied to every known person, not only to those
        # declined, so that a stronger request can never get a worse decision.
        without_job = decide(self._without_job(score, w))
        rescued = known & (without_job < decision)
        decision[rescued] = without_job[rescued]
        rule[rescued] = _RULES.index("known_job")

        if profile.policy == "open":
            no_mutuals = (signals.mutual_stats[0] == 0) & signals.mutuals_known
            thin_note = np.isin(kind, [KINDS.index("generic"), KINDS.index("pitch")])
            warning = pitch | (~known & no_mutuals & thin_note)
            opened = ~warning & (decision != ACCEPT)
            decision[opened] = ACCEPT
            rule[opened] = _RULES.index("open_accept")
            rule[warning & (decision != ACCEPT)] = _RULES.index("open_warning")

        capped = pitch & (decision == ACCEPT)
        decision[capped] = ASK
        rule[capped] = _RULES.index("pitch_cap")

        # A stranger judged mostly on signals the data cannot hold: look at their profile first.
        unsure = (self.unknown_share(w) >= MOSTLY_UNKNOWN) & ~known & ~pitch
        decision[unsure] = ASK
        rule[unsure] = _RULES.index("look_first")

        if profile.policy == "known_only":
            decision = np.where(known, np.where(pitch, ASK, ACCEPT), DECLINE).astype(np.int8)
            rule[:] = _RULES.index("known_only")
        return score, decision, rule, w

    def _frame(self, resolved: Mapping[str, float], limits: Mapping[str, float]) -> pd.DataFrame:
        score, decision, rule, w = self._decide(resolved, limits)
        scores, invitations = self.scores, self.invitations
        reasons = _reasons(decision, rule, scores, self.codes, w, self.profile.language)
        kept = invitations.drop(columns=[c for c in OUTPUT_COLUMNS if c in invitations.columns])
        added = pd.DataFrame(
            {
                **{name: scores[:, j] for j, name in enumerate(CRITERIA)},
                "score": score,
                "decision": pd.array(np.asarray(DECISIONS, dtype=object)[decision], dtype="str"),
                "reasons": pd.array(reasons, dtype="str"),
            },
            index=invitations.index,
        )
        return pd.concat([kept, added], axis=1)


def triage(
    invitations: pd.DataFrame,
    profile: Profile,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score and decide every invitation.

    Returns the input columns unchanged, then ``job, career, mutuals, groups, known, intent``
    (each in [0, 1]), ``score`` (their weighted mean, in [0, 1]), ``decision`` ("accept",
    "ask" or "decline") and ``reasons`` (in the profile's language). ``weights`` (criterion →
    number >= 0) and ``thresholds`` (``accept``, ``ask`` in [0, 1]) override the presets;
    missing keys keep them. Output columns already present in the input (a table triaged
    before) are replaced. To triage one table many times, see :class:`PreparedTriage`.
    """
    validate_invitations(invitations)
    resolved = resolve_weights(profile, weights)
    limits = resolve_thresholds(thresholds)
    prepared = PreparedTriage._from_signals(
        invitations, profile, Signals(invitations, profile), {}
    )
    return prepared._frame(resolved, limits)
