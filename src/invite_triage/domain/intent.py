"""What an invitation's note says about the sender's intent: personal, generic, pitch or empty.

Two layers read a note. Round 7 design, and why:

1. **The cue table** (below): weighted phrases, each readable and editable. It gives a first
   verdict and the highlights: the phrases a reader sees as the reasons. Its ``offer`` cues (the
   sender's own product or service: "our software is now live in 14 trusts", "on vient de
   lancer une appli") outrank any shared context in its verdict; its ``incentive`` cues (a
   price, something free, a sign-up) count only from a stranger (the £20 workshop you both
   took). Rounds 1 to 6 tuned it on the notes of the development corpora.
2. **A small linear model decides** (:class:`IntentModel`, shipped as
   ``vocab/intent_model.csv``): multinomial logistic regression over the note's words, the
   four-letter pieces of its words, how specific it is (names, a year, its length) and the
   table's verdict (:func:`note_features`), trained at build time by
   ``python -m invite_triage.analysis.intent_train`` on every spent corpus (see
   data/intent/README.md), among them 2,880 notes written for round 7, most around the hardest
   case: a seller who introduces themselves in ordinary words after a warm opening, beside
   peers who introduce themselves too. Round 7: the table's verdict is learnt only on notes the
   table was never written from, and the table no longer overrules the model. On its own
   development notes the table is almost always right (it was tuned on them), so a model shown
   its verdict there learnt to trust it blindly; on new writers it is right less often. Pieces
   of words generalise over inflections and unseen compounds; the specificity features catch
   shared pasts no cue names ("we row together at Tideway Scullers"). A pitch read as personal
   is the costly mistake (the triage may then accept it): :data:`PITCH_BIAS` tilts close calls
   toward pitch. Prediction is a sum of coefficients (pure numpy, linear in the note's length,
   no learning library at run time). Each round was measured once on held-out sets frozen
   before it (data/intent/README.md).

A verdict is explained either way: when the model reads the note as the table does, by the
table's cues of that kind; otherwise by the words that pushed the model most toward its kind
(each word's weight plus its pieces'), so a reader sees what decided.

A note is read by *evidence*, never by default. The cues live in ``vocab/intent_cues.csv``
(columns ``cue, lang, kind, weight, note``), so they can be read and extended without touching
code:

* ``personal`` cues name a specific shared context: an event, a person who referred them, a
  post or comment, a group, a school or class, a past project or employer, a concrete question,
  a recruiter's real job offer, a student asking for advice;
* ``pitch`` cues name an offer: a demo or a call to present something, a claimed benefit for
  "companies like yours", a price, a discount, something free, recruitment into a business
  (passive income...);
* ``request`` cues ask for a call or a meeting ("quick call", "15 minutes", "rendez-vous"):
  from a stranger that is a pitch; from someone who names a shared context it is neutral (a
  recruiter's call, a student's fifteen minutes of advice);
* ``link`` cues are a web address or "the link below": from a stranger, a pitch; beside a shared
  context, neutral (an organiser sharing a meetup page, a hiring manager the job posting) unless
  the note offers something anyway (then the link is the offer's). A note counts its links
  once, whatever their number or their parts (``https``, ``www``, the domain): a whole
  address is one cue;
* ``generic`` and ``greeting`` cues (weight 0) name what a note without evidence says
  (LinkedIn's default sentence, "let's connect", flattery); they only explain the verdict.

In the table's verdict, the weights of the cues found (each distinct cue once) are summed per
kind, the links of a note counting as the strongest one alone. A note is a pitch when its pitch
weight (plus its request and link weights when it has no personal context; plus its link weight
when its pitch weight alone reaches the bar) reaches :data:`PITCH_MIN_WEIGHT` and is at least its
personal weight (a sales note that opens on a shared event is still a sales note); personal when its
personal weight reaches :data:`PERSONAL_MIN_WEIGHT`; generic otherwise. Empty when it has no
letter or digit.

Ambiguous words are settled by the longest cue: at each word, the cue with the longest match
is kept (on a tie, a cue as written before a pattern: "we met", 3, before the weak pattern "we
<verb>ed", 1), and a cue inside a longer one found earlier is dropped ("promo" inside "la même
promo" is a class; "offre" inside "offre d'emploi" is a job; "demo" inside "your drone demo" is
their demo, not an offer of one). Cue syntax: matching ignores case and accents; ``#`` is a
number, ``*`` the rest of a word (``recrut*``), ``~`` zero to two words (``your ~ talk``); a cue
starting with ``re:`` is a regular expression over the normalised note (structural cues: a
year, a salary range, a web address, a shared past such as "<verb>ed together" or "same
team/crew/choir", an event "last weekend").

Reading is linear in the note's length: at each place where a word starts, only the cues
starting with that word's first letters are tried (and the few patterns tried anywhere, whose
repetitions are bounded); the cues found are swept once, in order; the model's features are one
pass over the words. Notes longer than :data:`MAX_NOTE_CHARS` are cut there, and the triggers
say so.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from invite_triage.core.errors import InvalidInputError
from invite_triage.core.text import fold
from invite_triage.domain.taxonomy import MESSAGE_KINDS

#: Message kinds, from most to least reassuring.
KINDS: tuple[str, ...] = MESSAGE_KINDS
#: The kinds a cue can have: ``greeting`` is generic, kept apart to be highlighted apart;
#: ``request`` (a call, "15 minutes", a meeting) counts as pitch only without personal context.
#: ``link`` (a web address) likewise, and counts once however many addresses a note holds.
#: ``offer`` (the sender's own product or service offered: "our software is now live in 14
#: trusts", "je vous offre 3 mois d'essai") counts as pitch and outranks any shared context.
#: ``incentive`` (a price, something free, a sign-up) counts as pitch only from a stranger: beside a
#: shared context it is the £20 workshop you both took, the free open day you went to (round 5).
PHRASE_KINDS: tuple[str, ...] = (
    "generic", "greeting", "offer", "pitch", "incentive", "request", "link", "personal",
)
#: The kinds that count as pitch only in a note without personal context.
_STRANGER_PITCH_KINDS: frozenset[str] = frozenset({"incentive", "request", "link"})
#: A note reads as a pitch from this much pitch weight (one strong cue: "demo", a price)...
PITCH_MIN_WEIGHT = 2
#: ... and as personal from this much personal weight, when there is no more pitch than that.
PERSONAL_MIN_WEIGHT = 2
#: An offer of this weight makes a note a pitch whatever shared context precedes it: a sales
#: note that opens on a meeting, a post or a school is still a sales note (round 4).
OFFER_MIN_WEIGHT = 3
#: Added to the model's pitch score before the kinds are compared: a close call between a
#: personal note and a pitch goes to the pitch, the cheaper mistake (the triage asks first
#: instead of accepting). Chosen in round 7 on corpora the model was not trained on, before the
#: frozen sets were read (data/intent/README.md).
PITCH_BIAS = 1.0
#: LinkedIn caps invitation notes at 300 characters and messages at a few thousand: beyond
#: this a text is not a note; it is cut (and says so) so that reading stays fast.
MAX_NOTE_CHARS = 8_000
#: The trigger shown for a note with neither a personal context nor an offer.
NO_EVIDENCE = "no shared context, no offer"
CUES_FILE = "vocab/intent_cues.csv"
#: The shipped model's coefficients (see :class:`IntentModel`).
MODEL_FILE = "vocab/intent_model.csv"
#: The row of the model file holding the intercepts.
INTERCEPT = "(intercept)"
#: The kinds the model chooses between (an empty note needs no model).
LABELLED: tuple[str, ...] = tuple(k for k in MESSAGE_KINDS if k != "empty")
_TOKEN = re.compile(r"\w+|[€$£%?!]")
_PIECE = 4  # letters per piece of a word
_TELLING_LETTERS = 4  # shorter words are not named as reasons
_SHOWN_WORDS = 3  # deciding words named when the model overrules the cue table
# Bounded repetitions: a long run of digits cannot make the scan quadratic.
_NUMBER = r"\d{1,6}(?:[.,\s]\d{1,3}){0,3}"
_PREFIX_LEN = 3
#: A word inside a sentence (after a space that follows neither the start nor . ! ?), as typed.
_NAME = re.compile(r"(?<=[^\s.!?])\s+[\"'(«“]?([^\W\d_][\w'-]*)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_NAMES = 4
_MAX_TENS = 5
_FIRST_WORD = re.compile(r"\w+")  # a cue starting with a letter is indexed by its first word
# Where a cue may start: a word, or a symbol, not preceded by a letter or a digit.
_PLACES = re.compile(r"(?<!\w)(?:(\w+)|\S)")
_WORDS = r"(?:\w[\w'.-]*\s){0,2}"  # "~": zero to two words (no punctuation), each with its space


def cut_mark(limit: int = MAX_NOTE_CHARS) -> str:
    """The trigger added to the verdict of a note cut at ``limit`` characters."""
    return f"note cut at {limit:,} characters"


@dataclass(frozen=True)
class PhraseTable:
    """The cue table, compiled: one regular expression per cue, indexed by its first word.

    ``phrases[i]``, ``kinds[i]``, ``weights[i]`` and ``notes[i]`` describe cue ``i``; cues as
    written come first, longest first, then patterns (wildcards, regular expressions): at one
    place the longest match wins, and on a tie the cue as written. ``by_prefix``
    maps the first three letters of a cue's first word (the whole word when shorter) to the cues
    to try where a word with that start begins; ``anywhere`` lists the cues that start with a
    number, a symbol or a regular expression, tried at every place.
    """

    phrases: tuple[str, ...]
    kinds: tuple[str, ...]
    weights: tuple[int, ...]
    notes: tuple[str, ...]
    regexes: tuple[str, ...]
    compiled: tuple[re.Pattern[str], ...]
    by_prefix: dict[str, tuple[int, ...]]
    anywhere: tuple[int, ...]

    def shown(self, index: int, matched: str) -> str:
        """How a cue found is named in the triggers: as written in the table, or, for a cue
        with a wildcard (a price, a year), as written in the note."""
        phrase = self.phrases[index]
        if _is_pattern(phrase):
            return matched
        return phrase


def normalise_message(text: object) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: what the cues match."""
    return fold(text)


def _cue_regex(cue: str) -> str:
    """One cue as a regular expression over normalised text (see the module docstring)."""
    if cue.startswith("re:"):
        return f"(?:{cue[3:]})"
    out = []
    for token in re.split(r"([#*~])", normalise_message(cue)):
        if token == "#":
            out.append(_NUMBER)
        elif token == "*":
            out.append(r"\w*")
        elif token == "~":
            out.append(_WORDS)
        else:
            out.append(re.escape(token).replace(r"\ ", " "))
    regex = "".join(out).replace(f" {_WORDS} ", f" {_WORDS}")
    return f"(?:{regex})"


def _problems(rows: list[dict[str, str]]) -> list[str]:
    """Every error of the cue table, one line each, naming its row and column."""
    problems = []
    first_row: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        key = row["cue"] if row["cue"].startswith("re:") else normalise_message(row["cue"])
        if key in first_row:
            problems.append(f"row {line}, column cue: {row['cue']!r} repeats row {first_row[key]}")
        first_row.setdefault(key, line)
        if row.get("kind") not in PHRASE_KINDS:
            problems.append(f"row {line}, column kind: got {row.get('kind')!r}; "
                            f"expected one of {list(PHRASE_KINDS)}")
        weight = (row.get("weight") or "").strip()
        if not weight.lstrip("-").isdigit():
            problems.append(f"row {line}, column weight: got {weight!r}; expected an integer")
        if row["cue"].startswith("re:"):
            try:
                compiled = re.compile(row["cue"][3:])
            except re.error as exc:
                problems.append(f"row {line}, column cue: not a regular expression ({exc})")
            else:
                if compiled.groups:
                    problems.append(f"row {line}, column cue: use (?:...), not capturing groups")
    return problems


def _is_pattern(cue: str) -> bool:
    return cue.startswith("re:") or any(mark in cue for mark in "#*~")


def _prefix(word: str) -> str:
    return word[:_PREFIX_LEN]


@lru_cache(maxsize=1)
def phrase_table() -> PhraseTable:
    """Read ``vocab/intent_cues.csv`` once; cues as written before patterns, longest first,
    so that on a tie at one place the more specific cue wins."""
    text = resources.files("invite_triage.domain").joinpath(CUES_FILE).read_text("utf-8")
    rows = [row for row in csv.DictReader(text.splitlines()) if (row.get("cue") or "").strip()]
    problems = _problems(rows)
    if problems:  # a typo in the data file must not silently disable cues
        raise InvalidInputError("the intent cue table has errors", problems, CUES_FILE)
    rows.sort(key=lambda row: (_is_pattern(row["cue"]), -len(normalise_message(row["cue"]))))
    regexes = tuple(_cue_regex(row["cue"]) for row in rows)
    keyed: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for index, row in enumerate(rows):
        cue = row["cue"]
        first = _FIRST_WORD.match(normalise_message(cue))
        if cue.startswith("re:") or first is None:
            anywhere.append(index)
        else:
            keyed.setdefault(_prefix(first.group()), []).append(index)
    # Each list is in table order (longest first), the cues tried anywhere merged in.
    by_prefix = {key: tuple(sorted([*found, *anywhere])) for key, found in keyed.items()}
    return PhraseTable(
        phrases=tuple(row["cue"] for row in rows),
        kinds=tuple(row["kind"] for row in rows),
        weights=tuple(int(row["weight"]) for row in rows),
        notes=tuple(row.get("note") or "" for row in rows),
        regexes=regexes,
        compiled=tuple(re.compile(rf"{regex}(?!\w)") for regex in regexes),
        by_prefix=by_prefix,
        anywhere=tuple(anywhere),
    )


def find_cues(norm: str) -> list[tuple[int, int, int]]:
    """``(start, end, cue index)`` of the cues in a normalised note, in order: at each place
    where a word or a symbol starts, the cue with the longest match there (on a tie, the first
    in table order: a cue as written before a pattern); a cue inside a longer one found before
    it is left out ("promo" inside "la même promo").

    Linear in the note's length: each place tries only the cues starting with its word's first
    letters (and the few starting with a number or a symbol), and a cue is inside an earlier
    one exactly when it ends no later than the furthest end seen so far.
    """
    table = phrase_table()
    compiled, by_prefix, anywhere = table.compiled, table.by_prefix, table.anywhere
    kept = []
    furthest = -1
    for place in _PLACES.finditer(norm):
        start = place.start()
        word = place.group(1)
        candidates = by_prefix.get(_prefix(word), anywhere) if word else anywhere
        best_end, best = start, -1
        for index in candidates:
            match = compiled[index].match(norm, start)
            if match is not None and match.end() > best_end:
                best_end, best = match.end(), index
        if best >= 0 and best_end > furthest:
            furthest = best_end
            kept.append((start, best_end, best))
    return kept


def _named(found: dict[str, tuple[str, int]], kinds: set[str]) -> tuple[str, ...]:
    return tuple(shown for shown, (kind, _) in found.items() if kind in kinds)


def _rule_reading(norm: str) -> tuple[str, tuple[str, ...], dict[str, int]]:
    """The cue table's verdict on a normalised note with letters: ``(kind, triggers, score
    per cue kind)``: the highlights of a verdict the model shares, and the table's own reading
    (``rule_kind``) to compare with."""
    table = phrase_table()
    found: dict[str, tuple[str, int]] = {}  # shown cue -> (kind, weight), in reading order
    for start, end, index in find_cues(norm):
        found.setdefault(table.shown(index, norm[start:end]), (table.kinds[index],
                                                                table.weights[index]))
    # Each distinct cue counts once (a price counts once per amount written); links count
    # once in all, as the strongest of them: three addresses are not three offers.
    score = dict.fromkeys(PHRASE_KINDS, 0)
    for kind, weight in found.values():
        if kind == "link":
            score[kind] = max(score[kind], weight)
        else:
            score[kind] += weight
    # A call request is a pitch from a stranger, and neutral from someone who names a shared
    # context (a recruiter's call, a student's 15 minutes). So are a link (an organiser's meetup
    # page) and a price or something free (the £20 workshop you both took), unless the note
    # offers something anyway: then the link and the price are the offer's.
    counted = {"pitch", "offer"}
    offered = score["offer"] >= OFFER_MIN_WEIGHT
    if score["personal"] < PERSONAL_MIN_WEIGHT:
        counted |= _STRANGER_PITCH_KINDS
    elif score["pitch"] + score["offer"] >= PITCH_MIN_WEIGHT:
        counted |= {"link", "incentive"}
    pitch = sum(score[kind] for kind in counted)
    if offered or (pitch >= PITCH_MIN_WEIGHT and pitch >= score["personal"]):
        return "pitch", _named(found, counted), score
    if score["personal"] >= PERSONAL_MIN_WEIGHT:
        return "personal", _named(found, {"personal"}), score
    triggers = _named(found, {"generic"}) or _named(found, {"greeting"})
    return "generic", triggers, score


def rule_kind(text: object) -> str:
    """The cue table's verdict alone (no model): for comparison and for the training report."""
    norm = normalise_message(text[:MAX_NOTE_CHARS] if isinstance(text, str) else text)
    if not any(ch.isalnum() for ch in norm):
        return "empty"
    return _rule_reading(norm)[0]


def _tokens(norm: str) -> list[str]:
    return _TOKEN.findall(norm)


def note_features(text: object) -> dict[str, float]:
    """The features the model reads in a note (the training script uses this very function):
    the cue table's verdict (``rule=<kind>``), each distinct word (``w=<word>``) and each
    distinct four-letter piece of a word, its edges marked by spaces (``c=<piece>``: "gratuit",
    "gratuits" and "gratuite" share most of theirs), and how specific the note is
    (:func:`_specificity`). Linear in the note's length, cut at :data:`MAX_NOTE_CHARS`."""
    raw = text[:MAX_NOTE_CHARS] if isinstance(text, str) else text
    norm = normalise_message(raw)
    if not any(ch.isalnum() for ch in norm):
        return {}
    return _features(norm, _rule_reading(norm)[0], raw if isinstance(raw, str) else norm)


def _specificity(text: str, n_words: int) -> dict[str, float]:
    """Round 4: what makes a shared past specific when no cue names it ("we row together at
    Tideway Scullers", "Le Wagon batch #812", "Helmand 2011"): names (capitalised words inside a
    sentence, up to 4), a year, and the note's length in tens of words (up to 5). Generic
    notes name nothing; the model weighs these against the words."""
    names = 0
    for found in _NAME.finditer(text):
        if found.group(1)[0].isupper():
            names += 1
            if names == _MAX_NAMES:
                break
    features = {f"names={names}": 1.0, f"length={min(n_words // 10, _MAX_TENS)}": 1.0}
    if _YEAR.search(text):
        features["year"] = 1.0
    return features


def _features(norm: str, rule: str, text: str) -> dict[str, float]:
    words = _tokens(norm)
    features = {f"rule={rule}": 1.0, **_specificity(text, len(words))}
    for word in dict.fromkeys(words):
        features[f"w={word}"] = 1.0
        padded = f" {word} "
        for i in range(len(padded) - _PIECE + 1):
            features[f"c={padded[i:i + _PIECE]}"] = 1.0
    return features


@dataclass(frozen=True)
class IntentModel:
    """The shipped linear model: one coefficient per feature and kind (``vocab/intent_model.csv``,
    written by ``python -m invite_triage.analysis.intent_train``). Reading is a sum of the
    coefficients of the features present, in pure numpy: no learning library at run time."""

    classes: tuple[str, ...]
    intercept: np.ndarray
    coef: dict[str, np.ndarray]

    def scores(self, features: dict[str, float]) -> np.ndarray:
        total = self.intercept.copy()
        for name, value in features.items():
            row = self.coef.get(name)
            if row is not None:
                total += value * row
        return total

    def contributions(self, features: dict[str, float], kind: str) -> dict[str, float]:
        """How much each feature pushed toward ``kind`` rather than the other kinds (its
        coefficient for ``kind`` minus the mean of the others'), for the features present."""
        k = self.classes.index(kind)
        others = [i for i in range(len(self.classes)) if i != k]
        out = {}
        for name, value in features.items():
            row = self.coef.get(name)
            if row is not None:
                out[name] = value * (row[k] - row[others].mean())
        return out


def read_model_csv(text: str, source: str = MODEL_FILE) -> IntentModel:
    """Parse the model file: columns ``feature`` then one per kind; the row ``(intercept)``."""
    rows = list(csv.reader(text.splitlines()))
    if not rows or rows[0][:1] != ["feature"] or set(rows[0][1:]) != set(LABELLED):
        raise InvalidInputError("the intent model file has no valid header",
                                [f"row 1: expected feature,{','.join(LABELLED)}"], source)
    classes = tuple(rows[0][1:])
    coef: dict[str, np.ndarray] = {}
    problems = []
    for line, row in enumerate(rows[1:], start=2):
        try:
            coef[row[0]] = np.array([float(v) for v in row[1:]], dtype=float)
            if len(row) != len(classes) + 1:
                raise ValueError
        except (ValueError, IndexError):
            problems.append(f"row {line}: expected a feature and {len(classes)} numbers")
    intercept = coef.pop(INTERCEPT, None)
    if intercept is None:
        problems.append(f"no {INTERCEPT!r} row")
    if problems:
        raise InvalidInputError("the intent model file has errors", problems[:20], source)
    return IntentModel(classes, intercept, coef)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def intent_model() -> IntentModel:
    """Read ``vocab/intent_model.csv`` once."""
    text = resources.files("invite_triage.domain").joinpath(MODEL_FILE).read_text("utf-8")
    return read_model_csv(text)


def _deciding_words(norm: str, features: dict[str, float], kind: str) -> tuple[str, ...]:
    """The few words of the note that pushed the model most toward ``kind``: each word's own
    weight plus that of its four-letter pieces, strongest first, numbers and words of four
    letters or more only (a reader's explanation of a verdict the table alone would not have
    given)."""
    pushed = intent_model().contributions(features, kind)
    by_word: dict[str, float] = {}
    for word in dict.fromkeys(_tokens(norm)):
        padded = f" {word} "
        pieces = {f"c={padded[i:i + _PIECE]}" for i in range(len(padded) - _PIECE + 1)}
        by_word[word] = pushed.get(f"w={word}", 0.0) + sum(pushed.get(p, 0.0) for p in pieces)
    best = sorted((w for w, v in by_word.items() if v > 0 and _telling(w)),
                  key=lambda w: -by_word[w])
    return tuple(best[:_SHOWN_WORDS])


def _telling(word: str) -> bool:
    """A word worth naming as a reason: a number, or a word of four letters or more ("at",
    "the", "on" weigh a little in the model but explain nothing to a reader)."""
    return word.isdigit() or (word.isalnum() and len(word) >= _TELLING_LETTERS)


def classify_message(text: object) -> tuple[str, tuple[str, ...]]:
    """``(kind, triggers)`` for one note: kind in :data:`KINDS`, triggers what decided, as a
    reader would name them: when the model reads the note as the table does, the table's cues
    of that kind (for a price, the amount as written); otherwise the words of the note that
    pushed the model most toward its kind."""
    cut = isinstance(text, str) and len(text) > MAX_NOTE_CHARS
    norm = normalise_message(text[:MAX_NOTE_CHARS] if cut else text)  # type: ignore[index]
    if not any(ch.isalnum() for ch in norm):
        return "empty", ()
    rule, rule_triggers, _ = _rule_reading(norm)
    raw = text[:MAX_NOTE_CHARS] if cut else text
    features = _features(norm, rule, raw if isinstance(raw, str) else norm)
    model = intent_model()
    kind = model.classes[int(np.argmax(model.scores(features) + _bias(model.classes)))]
    triggers = rule_triggers if kind == rule else _deciding_words(norm, features, kind)
    if not triggers:
        triggers = (NO_EVIDENCE,) if kind == "generic" else (f"the model's reading ({kind})",)
    if cut:
        triggers = (*triggers, cut_mark())
    return kind, triggers


@lru_cache(maxsize=4)
def _bias(classes: tuple[str, ...]) -> np.ndarray:
    """:data:`PITCH_BIAS` on the pitch score, in the model's order of kinds."""
    return np.array([PITCH_BIAS if kind == "pitch" else 0.0 for kind in classes])


def classify_messages(messages: pd.Series) -> pd.DataFrame:
    """Vectorised :func:`classify_message`: each distinct note is classified once.

    Returns a frame on the same index with ``kind`` (categorical over :data:`KINDS`) and
    ``triggers`` (a tuple of phrases per row).
    """
    messages = pd.Series(messages)
    codes, uniques = pd.factorize(messages.to_numpy(object), use_na_sentinel=False)
    results = [classify_message(text) for text in uniques]
    kind_codes = np.array([KINDS.index(kind) for kind, _ in results], dtype=np.int8)
    triggers = np.empty(len(results), dtype=object)
    triggers[:] = [found for _, found in results]
    return pd.DataFrame(
        {
            "kind": pd.Categorical.from_codes(kind_codes[codes], categories=list(KINDS)),
            "triggers": triggers[codes] if len(codes) else np.empty(0, dtype=object),
        },
        index=messages.index,
    )
