"""The article's criteria, one vectorised function each, over the canonical invitation schema.

Each criterion ``job, career, mutuals, groups, known, intent`` takes ``(invitations, profile)``
and returns a DataFrame on the invitations' index with two columns:

* ``score``: a float in [0, 1]; higher argues for accepting;
* ``reason``: a short clause saying why, in the profile's language (categorical: a handful of
  distinct sentences, so a million rows cost a million small integers, not strings).

The work is done once per *distinct* value (titles, messages, mutual titles, names), never per
row, so the triage engine stays fast on large tables. Reasons are listed in :data:`REASONS`:
their *polarity* says whether a reason argues for (+1) or against (-1) accepting, or is only
context (0), and the engine cites them that way. Their wording, in every language, lives in the
message catalog (:mod:`invite_triage.core.i18n`, msgids ``reason.<criterion>.<key>``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from invite_triage.core.i18n import label, message
from invite_triage.core.text import fold, name_key
from invite_triage.domain.intent import KINDS, classify_message
from invite_triage.domain.profile import FAMILIES, RELEVANT_WEIGHT, Profile
from invite_triage.domain.schema import validate_invitations
from invite_triage.domain.titles import SENIORITIES, classify_title

CRITERIA: tuple[str, ...] = ("job", "career", "mutuals", "groups", "known", "intent")

# --- tuning constants (documented where they are used) -------------------------------------
#: Mutual connections: score = 1 - exp(-(PER_MUTUAL * count + PER_RELEVANT_MUTUAL * relevance)).
PER_MUTUAL = 0.04
PER_RELEVANT_MUTUAL = 0.3
#: Mutual connections in families that matter from which we speak of "several".
SEVERAL_RELEVANT_MUTUALS = 3
#: Groups: score = 1 - exp(-PER_GROUP * shared groups).
PER_GROUP = 0.9
#: Career: below this many years, a plain title is a beginner; from this many, an expert.
BEGINNER_YEARS = 2.0
EXPERT_YEARS = 8.0
CAREER_SCORES = {"early": 0.5, "established": 0.7, "expert": 0.85}
#: Intent scores per message kind: a pitch is the only kind that argues against.
INTENT_SCORES = {"personal": 1.0, "empty": 0.5, "generic": 0.35, "pitch": 0.0}

_BEGINNER_LEVELS = ("student", "junior")
_EXPERT_LEVELS = ("senior", "manager", "director", "executive")


class Reason(NamedTuple):
    """One reason clause: which criterion cites it, its key, and its polarity (+1 argues for
    accepting, -1 against, 0 is only context). A ``per_family`` reason names the inviter's
    job family, so it has one code per family. The wording, in every language, is the
    message ``reason.<criterion>.<key>`` of the catalog (:mod:`invite_triage.core.i18n`)."""

    criterion: str
    key: str
    polarity: int
    per_family: bool = False

    @property
    def msgid(self) -> str:
        return f"reason.{self.criterion}.{self.key}"


#: Every reason clause, in code order within each criterion.
REASONS: tuple[Reason, ...] = (
    Reason("job", "own", 1, per_family=True),
    Reason("job", "recruiter", 1, per_family=True),
    Reason("job", "boss", 1, per_family=True),
    Reason("job", "relevant", 1, per_family=True),
    Reason("job", "unrelated", -1, per_family=True),
    Reason("job", "unknown", 0),
    Reason("career", "beginner_mentor", 1),
    Reason("career", "beginner", 0),
    Reason("career", "early", 0),
    Reason("career", "established", 1),
    Reason("career", "expert", 1),
    Reason("career", "unknown", 0),
    Reason("mutuals", "none", -1),
    Reason("mutuals", "unrelated", 0),
    Reason("mutuals", "count_only", 0),
    Reason("mutuals", "few", 1),
    Reason("mutuals", "several", 1),
    Reason("mutuals", "unknown", 0),
    Reason("groups", "none", 0),
    Reason("groups", "one", 1),
    Reason("groups", "several", 1),
    Reason("groups", "unknown", 0),
    Reason("known", "unknown", 0),
    Reason("known", "known", 1),
    Reason("intent", "personal", 1),
    Reason("intent", "empty", 0),
    Reason("intent", "generic", -1),
    Reason("intent", "pitch", -1),
)

_JOB_LEVELS = ("own", "recruiter", "boss", "relevant", "unrelated")  # then "unknown"
#: Score of a criterion whose signal is unknown (a LinkedIn export never holds the inviter's
#: title, mutual connections or groups): neutral, neither for nor against. The engine also
#: leaves unknown criteria out of the weighted score (``CriterionResult.known``).
UNKNOWN_SCORE = 0.5
UNKNOWN_JOB_SCORE = UNKNOWN_SCORE
#: Optional invitation columns saying whether a signal is known (missing: known). A reader
#: of LinkedIn's export sets them to False until the learner fills them from the profile page.
KNOWN_FLAGS: dict[str, str] = {"mutuals": "mutuals_known", "groups": "groups_known"}


def reason_keys(criterion: str) -> tuple[str, ...]:
    """The reason keys of one criterion, in code order (a ``job`` reason that names the
    family has one key per family, ``level:family``)."""
    rows = [row for row in REASONS if row.criterion == criterion]
    return tuple(
        f"{row.key}:{family}" if row.per_family else row.key
        for row in rows
        for family in (FAMILIES if row.per_family else (None,))
    )


@lru_cache(maxsize=64)
def reason_texts(criterion: str, lang: str = "en") -> tuple[str, ...]:
    """The reason clauses of one criterion, in code order, in ``lang`` (a language of the
    message catalog). Built once per criterion and language, then cached."""
    rows = [row for row in REASONS if row.criterion == criterion]
    return tuple(
        message(row.msgid, lang, family=label("family", family, lang))
        if family
        else message(row.msgid, lang)
        for row in rows
        for family in (FAMILIES if row.per_family else (None,))
    )


def reason_polarities(criterion: str) -> np.ndarray:
    """+1 / 0 / -1 per reason code: argues for, is context, argues against."""
    rows = [row for row in REASONS if row.criterion == criterion]
    polarities = [row.polarity for row in rows for _ in (FAMILIES if row.per_family else (None,))]
    return np.asarray(polarities, dtype=np.int8)


@dataclass(frozen=True)
class CriterionResult:
    """Scores and reason codes of one criterion, as arrays (what the engine combines)."""

    criterion: str
    score: np.ndarray
    code: np.ndarray
    #: False where the data cannot hold the signal: the score is neutral and left out.
    known: np.ndarray | None = None

    def known_mask(self) -> np.ndarray:
        return np.ones(len(self.score), dtype=bool) if self.known is None else self.known

    def frame(self, index: pd.Index, lang: str) -> pd.DataFrame:
        texts = reason_texts(self.criterion, lang)
        reasons = pd.Categorical.from_codes(self.code, categories=list(texts))
        return pd.DataFrame({"score": self.score, "reason": reasons}, index=index)


class _Memo(dict):
    """``value → func(value)``, computed the first time a distinct value is seen."""

    def __init__(self, func: Callable[[object], object]):
        super().__init__()
        self.func = func

    def __missing__(self, key: object) -> object:
        value = self[key] = self.func(key)
        return value


def per_distinct(values: Iterable[object], func: Callable[[object], object], dtype, count: int):
    """``func`` applied once per *distinct* value, mapped back to every value, as an array.

    Same idea as factorize-then-take, but one C-level pass over a memo dict, which is about
    twice as fast on a million strings (their hashes are cached by Python).
    """
    memo = _Memo(func)
    return np.fromiter(map(memo.__getitem__, values), dtype=dtype, count=count)


def _list_lengths(column: pd.Series) -> np.ndarray:
    return np.fromiter(map(len, column.to_numpy(object)), dtype=np.int64, count=len(column))


class Signals:
    """What the criteria read from the invitations, computed lazily and once per distinct value.

    Shared by all criteria of one ``score_criteria`` call so titles are classified once.
    """

    def __init__(self, invitations: pd.DataFrame, profile: Profile):
        self.invitations = invitations
        self.profile = profile
        self.n = len(invitations)

    #: Signals that read only the invitations, never the profile: reused by every profile.
    PROFILE_FREE: tuple[str, ...] = (
        "_title_reading", "_title_codes", "title_known", "message_kind", "mutuals_known",
        "groups_known", "_mutual_families",
    )

    def under(self, profile: Profile) -> Signals:
        """The same invitations' signals under another profile, keeping what is already
        computed wherever the profile fields it reads are unchanged.

        Each signal is a ``functools.cached_property`` stored in the instance's ``__dict__``,
        so copying an entry is exactly "already computed"; anything not copied is recomputed
        on demand, so a signal this list forgets is only slower.
        """
        derived = Signals(self.invitations, profile)
        old = self.profile
        keep = list(self.PROFILE_FREE)
        if tuple(old.groups) == tuple(profile.groups):
            keep.append("shared_groups")
        if tuple(old.known_people) == tuple(profile.known_people):
            keep.append("known")
        if old.family == profile.family:
            keep.append("own_family")
        if old.family_weights() == profile.family_weights():
            keep += ["family_weights", "mutual_stats"]
        cached = vars(self)
        vars(derived).update({name: cached[name] for name in keep if name in cached})
        return derived

    def _flag(self, criterion: str) -> np.ndarray:
        column = KNOWN_FLAGS[criterion]
        if column not in self.invitations.columns:
            return np.ones(self.n, dtype=bool)
        return self.invitations[column].fillna(True).to_numpy(bool)

    @cached_property
    def mutuals_known(self) -> np.ndarray:
        """False where mutual connections are unknown (not "none": unknown)."""
        return self._flag("mutuals")

    @cached_property
    def groups_known(self) -> np.ndarray:
        """False where shared groups are unknown."""
        return self._flag("groups")

    @cached_property
    def family_weights(self) -> np.ndarray:
        weights = self.profile.family_weights()
        return np.array([weights[f] for f in FAMILIES], dtype=float)

    @cached_property
    def own_family(self) -> int:
        return FAMILIES.index(self.profile.family)

    @cached_property
    def _title_reading(self) -> np.ndarray:
        """Per row, in one pass over the titles (each distinct title classified once by
        :func:`invite_triage.domain.titles.classify_title`): family index ×
        len(SENIORITIES) + seniority index, negated minus one where the title is empty or
        missing (a million titles read once, not twice)."""
        def code(title: object) -> int:
            family, seniority = classify_title(title)
            value = FAMILIES.index(family) * len(SENIORITIES) + SENIORITIES.index(seniority)
            known = isinstance(title, str) and bool(title.strip())
            return value if known else -value - 1

        titles = self.invitations["title"].to_numpy(object)
        return per_distinct(titles, code, np.int16, self.n)

    @cached_property
    def _title_codes(self) -> np.ndarray:
        """family index × len(SENIORITIES) + seniority index, per row."""
        reading = self._title_reading
        return np.where(reading < 0, -reading - 1, reading).astype(np.int16)

    @cached_property
    def title_known(self) -> np.ndarray:
        """False where the title is empty or missing (nothing to judge the job by)."""
        return self._title_reading >= 0

    @property
    def family(self) -> np.ndarray:
        return self._title_codes // len(SENIORITIES)

    @property
    def seniority(self) -> np.ndarray:
        return self._title_codes % len(SENIORITIES)

    @cached_property
    def _mutual_families(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per row: mutual count and titles listed; per listed mutual title (flattened in
        row order): its row and its family index. Profile-free, so a change of family weights
        re-weights them (one take and two bincounts) instead of re-classifying every title.

        The lists are flattened in one pass and each distinct mutual title classified once.
        """
        column = self.invitations["mutual_titles"]
        listed = _list_lengths(column)

        def family(title: object) -> int:
            return FAMILIES.index(classify_title(title)[0])

        flat = itertools.chain.from_iterable(column.to_numpy(object))
        # Kept with the signals: small integers (a family index, a row number) keep it light.
        families = per_distinct(flat, family, np.int8, int(listed.sum()))
        owner = np.repeat(np.arange(self.n, dtype=np.int32 if self.n < 2**31 else np.int64),
                          listed)
        count = np.maximum(self.invitations["mutual_connections"].to_numpy(np.int64), listed)
        return count, listed, owner, families

    @cached_property
    def mutual_stats(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per row: mutual count, titles listed, relevance (sum of family weights), and the
        number of listed mutuals in families that matter (weight >= 0.5)."""
        count, listed, owner, families = self._mutual_families
        weights = self.family_weights[families]
        relevance = np.bincount(owner, weights=weights, minlength=self.n)
        relevant = np.bincount(owner[weights >= RELEVANT_WEIGHT], minlength=self.n)
        return count, listed, relevance, relevant.astype(np.int64)

    @cached_property
    def shared_groups(self) -> np.ndarray:
        """How many of the listed groups are yours (all of them when your groups are unset)."""
        column = self.invitations["shared_groups"]
        listed = _list_lengths(column)
        yours = {fold(g) for g in self.profile.groups} - {""}
        if not yours:
            return listed
        flat = itertools.chain.from_iterable(column.to_numpy(object))
        def is_yours(group: object) -> bool:
            return fold(group) in yours

        mine = per_distinct(flat, is_yours, bool, int(listed.sum()))
        owner = np.repeat(np.arange(self.n), listed)
        return np.bincount(owner[mine], minlength=self.n).astype(np.int64)

    @cached_property
    def known(self) -> np.ndarray:
        """Known offline: the ``known_offline`` flag, or the name is in ``known_people``
        (ignoring case and accents)."""
        flag = self.invitations["known_offline"].to_numpy(bool)
        known_names = {name_key(name) for name in self.profile.known_people} - {""}
        if not known_names:
            return flag
        names = self.invitations["name"].to_numpy(object)
        def is_known(name: object) -> bool:
            return name_key(name) in known_names

        return flag | per_distinct(names, is_known, bool, self.n)

    @cached_property
    def message_kind(self) -> np.ndarray:
        """Index in :data:`invite_triage.domain.intent.KINDS` per row."""
        messages = self.invitations["message"].to_numpy(object)

        def kind(text: object) -> int:
            return KINDS.index(classify_message(text)[0])

        return per_distinct(messages, kind, np.int8, self.n)


# --- the criteria, on Signals ----------------------------------------------------------------
def _job(s: Signals) -> CriterionResult:
    """Their job family's weight for you (your field, HR, company leadership...)."""
    family = s.family.astype(np.int64)
    score = s.family_weights[family]
    level = np.full(s.n, _JOB_LEVELS.index("unrelated"), dtype=np.int64)
    relevant = score >= RELEVANT_WEIGHT
    level[relevant] = _JOB_LEVELS.index("relevant")
    level[relevant & (family == FAMILIES.index("hr"))] = _JOB_LEVELS.index("recruiter")
    level[relevant & (family == FAMILIES.index("leadership"))] = _JOB_LEVELS.index("boss")
    level[family == s.own_family] = _JOB_LEVELS.index("own")
    unknown = ~s.title_known
    score = np.where(unknown, UNKNOWN_JOB_SCORE, score)
    code = np.where(unknown, reason_keys("job").index("unknown"), level * len(FAMILIES) + family)
    return CriterionResult("job", score, code, s.title_known)


def _career(s: Signals) -> CriterionResult:
    """Beginner or expert, from the title's seniority and the years of experience."""
    seniority = s.seniority
    years = s.invitations["years_experience"].to_numpy(float)
    marked_beginner = np.isin(seniority, [SENIORITIES.index(x) for x in _BEGINNER_LEVELS])
    marked_expert = np.isin(seniority, [SENIORITIES.index(x) for x in _EXPERT_LEVELS])
    plain = ~marked_beginner & ~marked_expert
    with np.errstate(invalid="ignore"):
        beginner = marked_beginner | (plain & (years < BEGINNER_YEARS))
        expert = ~beginner & (marked_expert | (years >= EXPERT_YEARS))
    in_field = s.family == s.own_family
    keys = reason_keys("career")
    mentor = s.profile.mentoring >= 0.5
    code = np.full(s.n, keys.index("established"), dtype=np.int64)
    code[expert] = keys.index("expert")
    code[beginner] = keys.index("early")
    code[beginner & in_field] = keys.index("beginner_mentor" if mentor else "beginner")
    score = np.full(s.n, CAREER_SCORES["established"])
    score[expert] = CAREER_SCORES["expert"]
    score[beginner] = CAREER_SCORES["early"]
    score[beginner & in_field] = 0.5 + 0.5 * float(s.profile.mentoring)
    # Neither a title nor years of experience: the career stage is unknown, not "established".
    known = s.title_known | ~np.isnan(years)
    score[~known] = UNKNOWN_SCORE
    code[~known] = keys.index("unknown")
    return CriterionResult("career", score, code, known)


def _mutuals(s: Signals) -> CriterionResult:
    """How many mutual connections, and how many in families that matter to you.

    Saturating: each extra mutual adds less. The Rajkumar et al. nuance (Science 377, 2022:
    moderately weak ties helped job mobility most) is why the count alone is weighted lightly;
    who the mutual connections are counts more than how many.
    """
    count, listed, relevance, relevant = s.mutual_stats
    score = 1.0 - np.exp(-(PER_MUTUAL * count + PER_RELEVANT_MUTUAL * relevance))
    keys = reason_keys("mutuals")
    code = np.full(s.n, keys.index("unrelated"), dtype=np.int64)
    code[relevant >= 1] = keys.index("few")
    code[relevant >= SEVERAL_RELEVANT_MUTUALS] = keys.index("several")
    code[(listed == 0) & (count > 0)] = keys.index("count_only")
    code[count == 0] = keys.index("none")
    known = s.mutuals_known
    score = np.where(known, score, UNKNOWN_SCORE)
    code[~known] = keys.index("unknown")
    return CriterionResult("mutuals", score, code, known)


def _groups(s: Signals) -> CriterionResult:
    """Groups you share: a sign of common interests (often the post that led to the request)."""
    shared = s.shared_groups
    score = 1.0 - np.exp(-PER_GROUP * shared)
    code = np.minimum(shared, 2).astype(np.int64)  # none, one, several
    known = s.groups_known
    score = np.where(known, score, UNKNOWN_SCORE)
    code[~known] = reason_keys("groups").index("unknown")
    return CriterionResult("groups", score, code, known)


def _known(s: Signals) -> CriterionResult:
    """Known outside LinkedIn (met in real life, or regular conversations elsewhere)."""
    known = s.known
    return CriterionResult("known", known.astype(float), known.astype(np.int64))


def _intent(s: Signals) -> CriterionResult:
    """What the note says: personal, none, LinkedIn's generic sentence, or a sales pitch."""
    kind = s.message_kind.astype(np.int64)
    scores = np.array([INTENT_SCORES[k] for k in KINDS])
    keys = reason_keys("intent")
    to_key = np.array([keys.index(k) for k in KINDS], dtype=np.int64)
    return CriterionResult("intent", scores[kind], to_key[kind])


_COMPUTE: dict[str, Callable[[Signals], CriterionResult]] = {
    "job": _job,
    "career": _career,
    "mutuals": _mutuals,
    "groups": _groups,
    "known": _known,
    "intent": _intent,
}


def compute_criteria(signals: Signals) -> dict[str, CriterionResult]:
    """All six criteria as arrays (the engine's entry point)."""
    return {name: _COMPUTE[name](signals) for name in CRITERIA}


def _one(name: str, invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    validate_invitations(invitations)
    result = _COMPUTE[name](Signals(invitations, profile))
    return result.frame(invitations.index, profile.language)


def job(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Relevance of the inviter's job family to you, from ``profile.family_weights()``:
    your field, HR (potential employers) and company bosses matter; the rest much less."""
    return _one("job", invitations, profile)


def career(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Beginner or expert (title seniority and ``years_experience``).

    Career stage changes the kind of relationship more than the verdict: the score never
    drops below 0.5, so it is never on its own a reason to decline. A beginner in your own
    field scores ``0.5 + 0.5 * profile.mentoring`` (how willing you are to help beginners).
    """
    return _one("career", invitations, profile)


def mutuals(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Mutual connections: how many, and how many in families that matter to you.

    ``score = 1 - exp(-(0.04 * count + 0.3 * relevance))`` where ``relevance`` sums the family
    weights of the mutual connections' titles (each distinct title classified once). It
    saturates: the tenth mutual adds little. Weak-ties nuance: in Rajkumar et al., "A causal
    test of the strength of weak ties" (Science 377, 2022), moderately weak ties, not the
    strongest, helped job mobility most, so more mutual connections is not always more value;
    the count is weighted lightly and who they are weighs more.
    """
    return _one("mutuals", invitations, profile)


def groups(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Groups you share (``shared_groups``): one shared group gives 0.59, two 0.83."""
    return _one("groups", invitations, profile)


def known(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """1 when you know them outside LinkedIn (``known_offline`` or a name in
    ``profile.known_people``, ignoring case and accents), else 0."""
    return _one("known", invitations, profile)


def intent(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """The note's intent (see :mod:`invite_triage.domain.intent`): personal 1, none 0.5,
    LinkedIn's generic sentence 0.35, sales pitch 0."""
    return _one("intent", invitations, profile)


def score_criteria(invitations: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """One score column per criterion (``job, career, mutuals, groups, known, intent``),
    on the invitations' index; titles and messages are classified once for all criteria."""
    validate_invitations(invitations)
    results = compute_criteria(Signals(invitations, profile))
    return pd.DataFrame(
        {name: results[name].score for name in CRITERIA}, index=invitations.index
    )
