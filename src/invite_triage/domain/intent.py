"""What an invitation's note says about the sender's intent: personal, generic, pitch or empty.

A note is read by *evidence*, never by default. The cues live in ``vocab/intent_cues.csv``
(columns ``cue, lang, kind, weight, note``), so they can be read and extended without touching
code:

* ``personal`` cues name a specific shared context: an event, a person who referred them, a
  post or comment, a group, a school or class, a past project or employer, a concrete question,
  a recruiter's real job offer, a student asking for advice;
* ``pitch`` cues name an offer: a demo or a call to present something, a claimed benefit for
  "companies like yours", a price, a discount, something free, recruitment into a business
  (passive income...), a link;
* ``request`` cues ask for a call or a meeting ("quick call", "15 minutes", "rendez-vous"):
  from a stranger that is a pitch; from someone who names a shared context it is neutral (a
  recruiter's call, a student's fifteen minutes of advice);
* ``generic`` and ``greeting`` cues (weight 0) name what a note without evidence says
  (LinkedIn's default sentence, "let's connect", flattery); they only explain the verdict.

The weights of the cues found (each distinct cue once) are summed per kind. A note is a pitch
when its pitch weight (plus its request weight, when it has no personal context) reaches
:data:`PITCH_MIN_WEIGHT` and is at least its personal weight (a sales note that opens on a
shared event is still a sales note); personal when its personal weight reaches
:data:`PERSONAL_MIN_WEIGHT`; generic otherwise. Empty when it has no letter or
digit.

Ambiguous words are settled by the longest cue: at each word, the longest cue that matches is
kept, and a cue inside a longer one found earlier is dropped ("promo" inside "la même promo" is
a class; "offre" inside "offre d'emploi" is a job; "demo" inside "your drone demo" is their
demo, not an offer of one). Cue syntax: matching ignores case and accents; ``#`` is a number,
``*`` the rest of a word (``recrut*``), ``~`` zero to two words (``your ~ talk``); a cue
starting with ``re:`` is a regular expression (a few structural cues: a year, a salary range, a
percentage, a web address).

Reading is linear in the note's length: one regular-expression scan, then one sweep over the
cues found in order. Notes longer than :data:`MAX_NOTE_CHARS` are cut there, and the triggers
say so.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
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
PHRASE_KINDS: tuple[str, ...] = ("generic", "greeting", "pitch", "request", "personal")
#: A note reads as a pitch from this much pitch weight (one strong cue: "demo", a price)...
PITCH_MIN_WEIGHT = 2
#: ... and as personal from this much personal weight, when there is no more pitch than that.
PERSONAL_MIN_WEIGHT = 2
#: LinkedIn caps invitation notes at 300 characters and messages at a few thousand: beyond
#: this a text is not a note; it is cut (and says so) so that reading stays fast.
MAX_NOTE_CHARS = 8_000
#: The trigger shown for a note with neither a personal context nor an offer.
NO_EVIDENCE = "no shared context, no offer"
CUES_FILE = "vocab/intent_cues.csv"
# Bounded repetitions: a long run of digits cannot make the scan quadratic.
_NUMBER = r"\d{1,6}(?:[.,\s]\d{1,3}){0,3}"
_PREFIX_LEN = 3
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

    ``phrases[i]``, ``kinds[i]``, ``weights[i]`` and ``notes[i]`` describe cue ``i``; cues are
    sorted longest first, so that at one place the longest cue is tried first. ``by_prefix``
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
        if phrase.startswith("re:") or any(mark in phrase for mark in "#*~"):
            return matched
        return phrase

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """All cues in one lookahead, one group per cue (group ``i + 1`` is cue ``i``), tried at
        every word start so that overlapping cues are all seen. Slower than
        :func:`find_cues` (every cue is tried everywhere); kept for highlighting tools."""
        groups = "|".join(f"({regex})" for regex in self.regexes)
        return re.compile(rf"(?<!\w)(?=(?:{groups})(?!\w))")


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


def _prefix(word: str) -> str:
    return word[:_PREFIX_LEN]


@lru_cache(maxsize=1)
def phrase_table() -> PhraseTable:
    """Read ``vocab/intent_cues.csv`` once; longer cues are tried first so that "offre
    d'emploi" (personal) wins over "offre" (pitch) at the same place."""
    text = resources.files("invite_triage.domain").joinpath(CUES_FILE).read_text("utf-8")
    rows = [row for row in csv.DictReader(text.splitlines()) if (row.get("cue") or "").strip()]
    problems = _problems(rows)
    if problems:  # a typo in the data file must not silently disable cues
        raise InvalidInputError("the intent cue table has errors", problems, CUES_FILE)
    rows.sort(key=lambda row: -len(normalise_message(row["cue"])))
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
    where a word or a symbol starts, the longest cue found there; a cue inside a longer one
    found before it is left out ("promo" inside "la même promo").

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
        for index in candidates:
            match = compiled[index].match(norm, start)
            if match is not None:
                end = match.end()
                if end > start and end > furthest:
                    furthest = end
                    kept.append((start, end, index))
                break
    return kept


def _named(found: dict[str, tuple[str, int]], kinds: set[str]) -> tuple[str, ...]:
    return tuple(shown for shown, (kind, _) in found.items() if kind in kinds)


def classify_message(text: object) -> tuple[str, tuple[str, ...]]:
    """``(kind, triggers)`` for one note: kind in :data:`KINDS`, triggers the cues that
    decided, as a reader would name them (for a price, the amount as written)."""
    cut = isinstance(text, str) and len(text) > MAX_NOTE_CHARS
    norm = normalise_message(text[:MAX_NOTE_CHARS] if cut else text)  # type: ignore[index]
    if not any(ch.isalnum() for ch in norm):
        return "empty", ()
    table = phrase_table()
    found: dict[str, tuple[str, int]] = {}  # shown cue -> (kind, weight), in reading order
    for start, end, index in find_cues(norm):
        found.setdefault(table.shown(index, norm[start:end]), (table.kinds[index],
                                                                table.weights[index]))
    # Each distinct cue counts once (a price counts once per amount written).
    score = dict.fromkeys(PHRASE_KINDS, 0)
    for kind, weight in found.values():
        score[kind] += weight
    # A call or meeting request is a pitch from a stranger, and neutral from someone who
    # names a shared context (a recruiter's call, a student's 15 minutes of advice).
    counted = {"pitch", "request"} if score["personal"] < PERSONAL_MIN_WEIGHT else {"pitch"}
    pitch = sum(score[kind] for kind in counted)
    if pitch >= PITCH_MIN_WEIGHT and pitch >= score["personal"]:
        kind, triggers = "pitch", _named(found, counted)
    elif score["personal"] >= PERSONAL_MIN_WEIGHT:
        kind, triggers = "personal", _named(found, {"personal"})
    else:
        kind = "generic"
        triggers = _named(found, {"generic"}) or _named(found, {"greeting"}) or (NO_EVIDENCE,)
    if cut:
        triggers = (*triggers, cut_mark())
    return kind, triggers


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
