"""Job title or LinkedIn headline -> job family and seniority, in English and French.

The vocabulary is data, not code: ``vocab/terms.csv`` lists every word or phrase with the
family and/or seniority it signals, ``vocab/sectors.csv`` the establishments that turn a
general-management or seller title into their own sector's family ("Gérant de restaurant",
"Agent commercial en immobilier" -> other), ``vocab/contexts.csv`` the words that give a
business word its other sense ("Police Communications Supervisor", "Blood Donor Recruiter"),
``vocab/taglines.csv`` the openings of headline taglines that are not jobs. The rules are those
of ``docs/taxonomy.md``:

* a headline is cut into parts (``|``, ``•``, ``/``, `` - ``, ``,``...); company names after
  " at ", " chez " or "@" are dropped; the first *job-like* part decides;
* inside that part the family term with the highest priority wins (founder/owner 100 >
  C-levels and general management 90 > precise role names 70 > domain words 50 > weak hints),
  leaving out the terms that a context word of the same part reads in another sense;
* the seniority is the highest marker of that part; role names such as "Community Manager"
  or "Chef de projet" carry no marker, so they stay ``mid``.

Matching runs once per *distinct* title (``classify_titles`` factorises first), on a
normalised text (lower case, no accents, no emoji, inclusive forms collapsed), with one
precompiled trie-shaped regex, so a million rows cost little more than a few string passes.

``explain_title`` says in words which terms decided, one title at a time: its reasons come from
the message catalog (msgids ``title.explain.*``), in the language asked for.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from invite_triage.core.i18n import get_language, label, message, template
from invite_triage.core.text import to_ascii
from invite_triage.domain.taxonomy import FAMILIES, SENIORITIES

DEFAULT_FAMILY = "other"
DEFAULT_SENIORITY = "mid"
#: LinkedIn caps a headline at 220 characters; anything past this cannot be a job title and
#: would only slow the regexes down.
MAX_CHARS = 500
#: Explanations quote at most this many characters of the title, on one line.
SHOWN_CHARS = 80
#: Below this priority a family word is only a hint ("digital", "web", "people"): a part made
#: only of hints does not count as the job-like part if a later part names a job.
HINT_PRIORITY = 50

_RANK = {level: rank for rank, level in enumerate(SENIORITIES)}


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------
_LETTER = r"[^\W\d_]"
#: Inclusive and gendered endings glued to a word: Directeur·rice, Directeur(trice), Chargé(e),
#: Chargé.e, Développeur-euse, Directeur/trice, Directeur·rice·s. The separator comes first in
#: the pattern so the regex engine can skip ahead to it.
_INCLUSIVE = re.compile(
    rf"[·•.\-/(](?<={_LETTER}.)"
    r"(?:e|es|ee|rice|trice|ice|euse|se|ne|nne|ere|ère|fe|ffe|ve|ive|le|lle|te|ienne|s)"
    rf"\)?(?:[·.]?s)?(?!{_LETTER})"
)
_GENDER_TAG = re.compile(r"\(\s*[hfmw]\s*/\s*[hfmw]\s*\)|(?<!\w)[hf]\s*/\s*[hf](?!\w)")
#: Characters that separate the parts of a headline ("/" is handled apart: see _merge_gendered).
_SEPARATOR = re.compile(r"[|¦•·●▪■►▸▶→★☆✦✧◆◇♦✔✓❖⚡︱｜;,\\:–—()\[\]]")
_SPACED_HYPHEN = re.compile(r"\s-+\s|^-+\s|\s-+$")
_NON_WORD = re.compile(r"[^a-z0-9|@/]+")
_COMPANY = re.compile(r"(?:^| )(?:at|chez)(?: |$)|@")


def _scalar_text(text: Any) -> str:
    """Whatever a cell holds, as text: missing values (None, NaN, NA) become ""."""
    if isinstance(text, str):
        return text
    if text is None:
        return ""
    try:
        missing = pd.isna(text)
    except (TypeError, ValueError):
        missing = False
    if isinstance(missing, (bool, np.bool_)) and missing:
        return ""
    if isinstance(text, float) and math.isnan(text):
        return ""
    return str(text)


def _plain_parts(text: str) -> list[str]:
    """Lower-case ASCII parts of a headline, company names and taglines still included."""
    text = text[:MAX_CHARS].casefold()
    if "/" in text:
        text = _GENDER_TAG.sub(" ", text)
    text = _SEPARATOR.sub(" | ", _INCLUSIVE.sub("", text))
    if "-" in text:
        text = _SPACED_HYPHEN.sub(" | ", text)
    if not text.isascii():
        text = text.replace("œ", "oe").replace("æ", "ae")
        text = to_ascii(text)
    text = _NON_WORD.sub(" ", text)
    if "/" not in text:
        return text.split("|")
    return [part for chunk in text.split("|") for part in _merge_gendered(chunk)]


def _merge_gendered(chunk: str) -> list[str]:
    """Split on "/" but merge the occupation lists' "Directeur / Directrice de X" pairs.

    A piece whose words are the masculine forms of the next piece's first words is the same
    title twice ("chef gerant / cheffe gerante de restaurant"), and so is a piece whose last
    word reappears in feminine form at the start of the next one ("cadre dirigeant /
    dirigeante d'administration"): keeping both halves would cut the title in two.
    """
    pieces = [piece.split() for piece in chunk.split("/")]
    merged: list[list[str]] = []
    for words in pieces:
        previous = merged[-1] if merged else None
        if previous and words:
            head = words[: len(previous)]
            if len(head) == len(previous) and all(
                new in _word_forms(old, "fr") for old, new in zip(previous, head, strict=True)
            ):
                merged[-1] = words
                continue
            if words[0] in _word_forms(previous[-1], "fr"):
                merged[-1] = previous + words[1:]
                continue
        merged.append(words)
    return [" ".join(words) for words in merged]


@lru_cache(maxsize=1)
def _tagline_starts() -> tuple[str, ...]:
    rows = _read_table("taglines.csv")
    return tuple(sorted({_normalise_term(row["phrase"]) + " " for row in rows}))


def normalise_title(text: Any) -> str:
    """A title as the classifier reads it: lower case, no accents, emoji or punctuation.

    Inclusive forms collapse to the masculine form ("Chargé·e" -> "charge"), company names
    after " at " / " chez " / "@" and tagline parts ("| Helping brands grow") are dropped, and
    the remaining parts are joined by " | ". Missing values give "".
    """
    taglines = _tagline_starts()
    kept = []
    for raw in _plain_parts(_scalar_text(text)):
        part = _COMPANY.split(raw, maxsplit=1)[0].strip()
        part = " ".join(part.split())
        if part and not (part + " ").startswith(taglines):
            kept.append(part)
    return " | ".join(kept)


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------
class Term(NamedTuple):
    """One row of ``vocab/terms.csv``, as the classifier uses it."""

    term: str
    family: str | None
    priority: int
    seniority: str | None
    lang: str
    source: str
    note: str
    yields_to_sector: bool


def _read_table(name: str) -> list[dict[str, str]]:
    with resources.files(__package__).joinpath("vocab", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _normalise_term(term: str) -> str:
    """Vocabulary entries go through the same cleaning as titles, so they can be readable."""
    text = term.casefold().replace("œ", "oe").replace("æ", "ae")
    text = to_ascii(text)
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=20_000)
def _word_forms(word: str, lang: str) -> frozenset[str]:
    """Feminine and plural forms of one vocabulary word (directeur -> directrice, -s...)."""
    forms = {word}
    if lang in ("fr", "both") and len(word) >= 3:
        if word.endswith("teur"):
            forms |= {word[:-4] + "trice", word[:-3] + "euse", word + "e"}
        elif word.endswith("eur"):
            forms |= {word[:-3] + "euse", word[:-3] + "rice", word + "e"}
        elif word.endswith("ier") or word.endswith("er"):
            forms.add(word[:-2] + "ere")
        elif word.endswith("ien") or word.endswith("el") or word.endswith("on"):
            forms.add(word + word[-1] + "e")
        elif word.endswith("if"):
            forms.add(word[:-1] + "ve")
        elif word == "chef":
            forms.add("cheffe")
        if word.endswith("al"):
            forms.add(word[:-2] + "aux")
        forms.add(word + "e")
    if len(word) >= 3:
        forms |= {form + "s" for form in list(forms) if not form.endswith(("s", "x"))}
    return frozenset(forms)


def _trie_regex(strings: list[str]) -> re.Pattern[str]:
    """One regex matching any of ``strings`` as whole words, longest first, built as a trie.

    A plain alternation of thousands of phrases is tried phrase by phrase at every position;
    the trie shares prefixes, so each position costs a few character tests.
    """
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(r"(?<![a-z0-9])" + build(trie) + r"(?![a-z0-9])")


class _Vocabulary(NamedTuple):
    regex: re.Pattern[str]
    by_form: dict[str, Term]
    sectors: re.Pattern[str]
    sector_family: dict[str, tuple[str, frozenset[str]]]
    contexts: re.Pattern[str]
    #: context word form -> the terms (as written in terms.csv) it reads in another sense
    context_cancels: dict[str, frozenset[str]]
    #: every term some context word can cancel: titles without one skip the context scan
    cancellable: frozenset[str]
    terms: tuple[Term, ...]


def _context_table(by_form: dict[str, Term]) -> dict[str, frozenset[str]]:
    """``contexts.csv``: each context word form -> the written terms it cancels.

    A cancelled term must be a row of ``terms.csv`` with a family, as written there (not a
    generated variant), so a typo in the table fails loudly instead of cancelling nothing.
    """
    cancels_by_form: dict[str, frozenset[str]] = {}
    for row in _read_table("contexts.csv"):
        cancelled = set()
        for written in row["cancels"].split(";"):
            key = _normalise_term(written)
            term = by_form.get(key)
            if term is None or _normalise_term(term.term) != key or term.family is None:
                raise ValueError(
                    f"vocab/contexts.csv: {row['context']!r} cancels {written.strip()!r}, "
                    "which is not a family term of vocab/terms.csv"
                )
            cancelled.add(term.term)
        words = _normalise_term(row["context"]).split()
        for combo in itertools.product(*(sorted(_word_forms(w, row["lang"])) for w in words)):
            form = " ".join(combo)
            cancels_by_form[form] = cancels_by_form.get(form, frozenset()) | cancelled
    return cancels_by_form


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    terms: list[Term] = []
    for row in _read_table("terms.csv"):
        family = row["family"].strip() or None
        seniority = row["seniority"].strip() or None
        if family is not None and family not in FAMILIES:
            raise ValueError(f"vocab/terms.csv: unknown family {family!r} for {row['term']!r}")
        if seniority is not None and seniority not in _RANK:
            raise ValueError(
                f"vocab/terms.csv: unknown seniority {seniority!r} for {row['term']!r}"
            )
        terms.append(
            Term(
                term=row["term"],
                family=family,
                priority=int(row["priority"] or 0),
                seniority=seniority,
                lang=row["lang"],
                source=row["source"],
                note=row["note"],
                yields_to_sector=row["yields_to_sector"].strip() == "yes",
            )
        )
    by_form: dict[str, Term] = {}
    for term in terms:
        written = _normalise_term(term.term)
        if written in by_form:
            raise ValueError(f"vocab/terms.csv: {term.term!r} is listed twice")
        by_form[written] = term
    for term in terms:  # generated variants never override a written entry
        words = _normalise_term(term.term).split()
        for combo in itertools.product(*(sorted(_word_forms(w, term.lang)) for w in words)):
            by_form.setdefault(" ".join(combo), term)
    sector_family: dict[str, tuple[str, frozenset[str]]] = {}
    for row in _read_table("sectors.csv"):
        demotes = frozenset(row["demotes"].split())
        if row["family"] not in FAMILIES or not demotes <= set(FAMILIES):
            raise ValueError(f"vocab/sectors.csv: unknown family in {row}")
        words = _normalise_term(row["term"]).split()
        for combo in itertools.product(*(sorted(_word_forms(w, row["lang"])) for w in words)):
            sector_family.setdefault(" ".join(combo), (row["family"], demotes))
    context_cancels = _context_table(by_form)
    return _Vocabulary(
        regex=_trie_regex(sorted(by_form)),
        by_form=by_form,
        sectors=_trie_regex(sorted(sector_family)),
        sector_family=sector_family,
        contexts=_trie_regex(sorted(context_cancels)),
        context_cancels=context_cancels,
        cancellable=frozenset().union(*context_cancels.values()),
        terms=tuple(terms),
    )


def vocabulary_table() -> pd.DataFrame:
    """The vocabulary as a table (term, lang, family, priority, seniority, source, note)."""
    return pd.DataFrame([t._asdict() for t in _vocabulary().terms])


# --------------------------------------------------------------------------------------------
# Decision
# --------------------------------------------------------------------------------------------
class _Hit(NamedTuple):
    text: str
    start: int
    term: Term


class _Cancelled(NamedTuple):
    """A business word read in another sense because of a context word next to it."""

    text: str
    family: str
    context: str


class _Decision(NamedTuple):
    family: str
    seniority: str
    part: str
    family_hit: _Hit | None
    sector_word: str | None
    seniority_hits: tuple[_Hit, ...]
    cancelled: tuple[_Cancelled, ...]


def _hits(part: str) -> list[_Hit]:
    vocab = _vocabulary()
    return [
        _Hit(m.group(), m.start(), vocab.by_form[m.group()]) for m in vocab.regex.finditer(part)
    ]


def _is_job_like(hits: list[_Hit]) -> bool:
    return any(h.term.seniority or h.term.priority >= HINT_PRIORITY for h in hits)


def _family_candidates(part: str, hits: list[_Hit]) -> tuple[list[_Hit], tuple[_Cancelled, ...]]:
    """The hits that may give the family, and those a context word of the part cancels.

    "Police Communications Supervisor": next to "police", "communications" is radio traffic,
    not corporate communication, so it cannot make the title marketing; the other words of
    the part decide, as if it were absent.
    """
    vocab = _vocabulary()
    if not any(h.term.term in vocab.cancellable for h in hits):
        return hits, ()
    context_of: dict[str, str] = {}
    for match in vocab.contexts.finditer(part):
        for term in vocab.context_cancels[match.group()]:
            context_of.setdefault(term, match.group())
    if not context_of:
        return hits, ()
    kept = [h for h in hits if h.term.term not in context_of]
    cancelled = tuple(
        _Cancelled(h.text, str(h.term.family), context_of[h.term.term])
        for h in hits
        if h.term.term in context_of
    )
    return kept, cancelled


def _best_family(hits: list[_Hit]) -> _Hit | None:
    family_hits = [h for h in hits if h.term.family]
    if not family_hits:
        return None
    return max(family_hits, key=lambda h: (h.term.priority, -h.start))


@lru_cache(maxsize=200_000)
def _decide(cleaned: str) -> _Decision:
    """Family and seniority of an already normalised title, with the evidence."""
    parts = [(part, _hits(part)) for part in cleaned.split(" | ")] if cleaned else []
    parts = [(part, hits) for part, hits in parts if hits]
    if not parts:
        return _Decision(DEFAULT_FAMILY, DEFAULT_SENIORITY, "", None, None, (), ())
    chosen = next((i for i, (_, hits) in enumerate(parts) if _is_job_like(hits)), 0)
    part, hits = parts[chosen]

    candidates, cancelled = _family_candidates(part, hits)
    family_hit, family_part = _best_family(candidates), part
    if (
        family_hit is None
        and not cancelled
        and all(_RANK[h.term.seniority] <= _RANK["junior"] for h in hits)
    ):
        # "Étudiante | Marketing digital": a bare student / junior marker takes the field
        # named in a later part; a complete role without a field ("CEO", "Directeur") does not,
        # nor a part whose field a context word read in another sense.
        for later_part, later_hits in parts[chosen + 1 :]:
            later_candidates, later_cancelled = _family_candidates(later_part, later_hits)
            family_hit = _best_family(later_candidates)
            if family_hit is not None:
                family_part, cancelled = later_part, later_cancelled
                break
    family = family_hit.term.family if family_hit else DEFAULT_FAMILY
    sector_word = None
    if family_hit is not None and family_hit.term.yields_to_sector:
        vocab = _vocabulary()
        for sector in vocab.sectors.finditer(family_part):
            sector_family, demotes = vocab.sector_family[sector.group()]
            if family in demotes:
                family, sector_word = sector_family, sector.group()
                break

    # Role names ("community manager", "chef de projet") carry seniority "mid" only to say
    # that their "manager" / "chef" is not a marker; they never outrank a real marker.
    markers = [h for h in hits if h.term.seniority not in (None, DEFAULT_SENIORITY)]
    if markers:
        top = max(_RANK[h.term.seniority] for h in markers)
        seniority = SENIORITIES[top]
        deciding = tuple(h for h in markers if _RANK[h.term.seniority] == top)
    else:
        seniority = DEFAULT_SENIORITY
        deciding = tuple(h for h in hits if h.term.seniority == DEFAULT_SENIORITY)
    return _Decision(family, seniority, part, family_hit, sector_word, deciding, cancelled)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=50_000)
def _classify_text(text: str) -> tuple[str, str]:
    decision = _decide(normalise_title(text))
    return decision.family, decision.seniority


def classify_title(text: Any) -> tuple[str, str]:
    """``(family, seniority)`` of one job title or headline; None / NaN give ("other", "mid").

    Cached (``classify_title.cache_info()``): widgets call it on every keystroke.
    """
    return _classify_text(_scalar_text(text))


classify_title.cache_info = _classify_text.cache_info  # type: ignore[attr-defined]
classify_title.cache_clear = _classify_text.cache_clear  # type: ignore[attr-defined]


def clear_caches() -> None:
    """Forget every cached answer (benchmarks measure cold runs; tests edit nothing else)."""
    _classify_text.cache_clear()
    _decide.cache_clear()


def classify_titles(titles: pd.Series) -> pd.DataFrame:
    """Columns ``family`` and ``seniority`` for a Series of titles, on the same index.

    Each distinct title is classified once and the answers are mapped back, so a million
    rows with fifty thousand distinct titles cost about as much as a few string passes.
    """
    if not isinstance(titles, pd.Series):
        titles = pd.Series(titles, dtype=object)
    # Factorising the plain object array is about twice as fast as going through the "str"
    # extension array, and treats None / NaN / NA alike as missing (code -1).
    codes, uniques = pd.factorize(titles.to_numpy(dtype=object), use_na_sentinel=True)
    families = np.empty(len(uniques) + 1, dtype=object)
    seniorities = np.empty(len(uniques) + 1, dtype=object)
    for i, title in enumerate(uniques):
        decision = _decide(normalise_title(title))
        families[i], seniorities[i] = decision.family, decision.seniority
    families[-1], seniorities[-1] = DEFAULT_FAMILY, DEFAULT_SENIORITY  # code -1: missing
    return pd.DataFrame(
        {
            "family": pd.Series(families[codes], index=titles.index, dtype="str"),
            "seniority": pd.Series(seniorities[codes], index=titles.index, dtype="str"),
        }
    )


@dataclass(frozen=True)
class TitleExplanation:
    """Why a title got its family and seniority: the words that decided, in plain words.

    The reasons and :attr:`sentence` are in ``lang``, from the message catalog
    (msgids ``title.explain.*``); the words themselves are the title's, as read.
    """

    text: str
    cleaned: str
    family: str
    seniority: str
    family_words: tuple[str, ...]
    seniority_words: tuple[str, ...]
    part: str
    family_reason: str
    seniority_reason: str
    lang: str

    @property
    def sentence(self) -> str:
        """One readable line, e.g. for the guide's "type a title" widget."""
        lang = self.lang
        shown = " ".join(self.text.split()) or message("title.explain.empty_title", lang)
        if len(shown) > SHOWN_CHARS:
            shown = shown[: SHOWN_CHARS - 1].rstrip() + "…"
        return message(
            "title.explain.sentence",
            lang,
            title=_quoted((shown,), lang),
            family=label("family", self.family, lang),
            family_reason=self.family_reason,
            seniority=label("seniority", self.seniority, lang),
            seniority_reason=self.seniority_reason,
        )

    def __str__(self) -> str:
        return self.sentence


def _quoted(words: tuple[str, ...], lang: str) -> str:
    """The words in the language's quotes ("x" / « x »), comma-separated."""
    quote = template("title.explain.quoted", lang)
    return ", ".join(quote.format(word=w) for w in words)


def _family_reason(decision: _Decision, cleaned: str, lang: str) -> tuple[tuple[str, ...], str]:
    """The words that decided the family, and why, in ``lang``."""
    hit = decision.family_hit
    if decision.sector_word is not None and hit is not None:
        words: tuple[str, ...] = (hit.text, decision.sector_word)
        reason = message("title.explain.family.sector", lang, word=_quoted((hit.text,), lang),
                         sector=_quoted((decision.sector_word,), lang))
    elif hit is not None and hit.term.family == DEFAULT_FAMILY:
        words = (hit.text,)
        reason = message("title.explain.family.outside", lang, word=_quoted(words, lang))
    elif hit is not None:
        words = (hit.text,)
        reason = message("title.explain.family.from", lang, word=_quoted(words, lang))
    else:
        words = ()
        reason = message("title.explain.family.none" if cleaned else "title.explain.family.empty",
                         lang)
    if decision.cancelled:
        words += tuple(word for c in decision.cancelled for word in (c.text, c.context))
        cancelled = ", ".join(
            message("title.explain.family.cancelled", lang, word=_quoted((c.text,), lang),
                    family=label("family", c.family, lang),
                    context=_quoted((c.context,), lang))
            for c in decision.cancelled
        )
        reason = message("title.explain.family.with_cancelled", lang, reason=reason,
                         cancelled=cancelled)
    return words, reason


def _seniority_reason(decision: _Decision, lang: str) -> tuple[tuple[str, ...], str]:
    """The words that decided the seniority, and why, in ``lang``."""
    words = tuple(h.text for h in decision.seniority_hits)
    if words and decision.seniority != DEFAULT_SENIORITY:
        reason = message("title.explain.seniority.marker", lang, words=_quoted(words, lang))
    elif words:
        reason = message("title.explain.seniority.role_name", lang, words=_quoted(words, lang))
    else:
        reason = message("title.explain.seniority.none", lang)
    return words, reason


def explain_title(text: Any, lang: str | None = None) -> TitleExplanation:
    """Classify one title and say which words decided the family and the seniority.

    The reasons are in ``lang`` (None: the current language, ``core.i18n.get_language()``);
    an unknown language raises :class:`~invite_triage.core.errors.InvalidInputError`.
    """
    lang = get_language() if lang is None else lang
    raw = _scalar_text(text)
    cleaned = normalise_title(raw)
    decision = _decide(cleaned)
    family_words, family_reason = _family_reason(decision, cleaned, lang)
    seniority_words, seniority_reason = _seniority_reason(decision, lang)
    return TitleExplanation(
        text=raw,
        cleaned=cleaned,
        family=decision.family,
        seniority=decision.seniority,
        family_words=family_words,
        seniority_words=seniority_words,
        part=decision.part,
        family_reason=family_reason,
        seniority_reason=seniority_reason,
        lang=lang,
    )


__all__ = [
    "FAMILIES",
    "SENIORITIES",
    "TitleExplanation",
    "classify_title",
    "classify_titles",
    "clear_caches",
    "explain_title",
    "normalise_title",
    "vocabulary_table",
]
