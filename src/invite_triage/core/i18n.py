"""The message catalog: every text shown to a person, in every language, under a stable name.

Each text has a symbolic *msgid* (``reason.mutuals.several``, ``label.decision.ask``,
``draft.greeting``) and one translation per language, with python-brace placeholders
(``{family}``, ``{first_name}``) that the code fills in. Nothing falls back to English: a
language or a msgid that is not in the catalog raises :class:`InvalidInputError`, so a
missing translation shows up in the tests, not as an English sentence in a French report.

Why gettext catalogs (``.po``) read with Babel rather than Python tables: ``.po`` is the
format translators' tools already read and write (Poedit, Weblate, Transifex, Lokalize), with
a comment per message (``#.``) saying where it is shown and what each placeholder is, and a
``python-brace-format`` flag those tools check placeholders against. Babel
(``babel.messages.pofile.read_po``) is the reference Python reader of that format. The texts
stay plain data beside the code, and a third language is a new folder, not a code change.

Layout: ``locales/<lang>/LC_MESSAGES/messages.po``, one folder per language (``en``, ``fr``).
English is the reference: every other catalog must have exactly its msgids, each translated
(not empty, not marked fuzzy) with the same placeholders; :func:`catalog_problems` lists what
is wrong and ``tests/core/test_i18n.py`` runs it on every language it finds.

To add a language (say German, ``de``):

1. copy ``locales/en`` to ``locales/de`` and set ``"Language: de\\n"`` in the header;
2. translate every ``msgstr`` (Poedit or Weblate open the file as is), keeping each
   ``{placeholder}`` and the ``#.`` comments;
3. run ``.venv/bin/python -m pytest tests/core/test_i18n.py``: it names any message left out,
   empty or with other placeholders;
4. :func:`languages` now lists ``de``; a :class:`~invite_triage.domain.profile.Profile`
   accepts it once ``domain.taxonomy.LANGUAGES`` names it.

Catalogs are read lazily, once per language (``functools.lru_cache``), so importing the
package does not import Babel or read any file. See also ``locales/README.md``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from invite_triage.core.errors import InvalidInputError

#: One folder per language: ``<lang>/LC_MESSAGES/messages.po``.
LOCALES_DIR: Path = Path(__file__).resolve().parent / "locales"
#: The gettext domain, i.e. the catalog's file name.
DOMAIN = "messages"
#: The catalog that names every msgid; the others are checked against it.
REFERENCE_LANGUAGE = "en"
#: What :func:`label` knows: ``label(kind, key)`` reads msgid ``label.<kind>.<key>``. Each kind
#: is keyed by one vocabulary tuple (``domain.taxonomy.FAMILIES``, ``criteria.CRITERIA``...).
LABEL_KINDS: tuple[str, ...] = (
    "decision", "criterion", "family", "seniority", "goal", "policy", "message_kind",
)
#: A language code: ``fr``, ``pt_BR``, ``sr_Latn`` (also keeps a code from walking the disk).
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")

_default_language = REFERENCE_LANGUAGE


def _po_path(lang: str, root: Path | None = None) -> Path:
    return (LOCALES_DIR if root is None else root) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> tuple[str, ...]:
    """The languages that have a catalog, read from the locales folder (sorted)."""
    if not LOCALES_DIR.is_dir():
        return ()
    return tuple(
        sorted(
            entry.name
            for entry in LOCALES_DIR.iterdir()
            if _LANG_CODE.fullmatch(entry.name) and _po_path(entry.name).is_file()
        )
    )


def check_language(lang: object) -> str:
    """``lang`` itself when a catalog exists for it; otherwise :class:`InvalidInputError`."""
    if not isinstance(lang, str) or not _LANG_CODE.fullmatch(lang) or not _po_path(lang).is_file():
        raise _unknown_language(lang)
    return lang


def _unknown_language(lang: object) -> InvalidInputError:
    return InvalidInputError(
        "unknown language",
        [f"lang: got {lang!r}; expected one of {languages()} (folders of {LOCALES_DIR})"],
    )


def set_language(lang: str) -> None:
    """Set the process-wide language used wherever ``lang`` is None (default: English)."""
    global _default_language
    _default_language = check_language(lang)


def get_language() -> str:
    """The process-wide language used wherever ``lang`` is None."""
    return _default_language


def po_files(lang: str, root: Path | None = None) -> list[Path]:
    """Every catalog file of one language: ``messages.po`` (the domain) and one file per
    part of the guide that shows text (``apps.po``, ``charts.po``...), merged into one
    catalog; a msgid lives in exactly one of them."""
    folder = _po_path(lang, root).parent
    return sorted(folder.glob("*.po")) if folder.is_dir() else []


@lru_cache(maxsize=32)
def _read(root: Path, lang: str) -> tuple[Mapping[str, str], Mapping[str, str]]:
    """``(translated, untranslated)`` of one language's catalog files: msgid → text for the
    messages gettext itself would use (neither empty nor fuzzy), and msgid → what is wrong
    with the others. Cached per folder and language: each file is parsed once per process."""
    if not _po_path(lang, root).is_file():
        raise _unknown_language(lang)
    texts: dict[str, str] = {}
    untranslated: dict[str, str] = {}
    seen_in: dict[str, Path] = {}
    for path in po_files(lang, root):
        for entry_id, problem, text in _entries(path):
            if entry_id in seen_in:
                untranslated[entry_id] = f"{path.name}: also in {seen_in[entry_id].name}"
                continue
            seen_in[entry_id] = path
            if problem:
                untranslated[entry_id] = f"{problem} ({path.name})"
            else:
                texts[entry_id] = text
    return MappingProxyType(texts), MappingProxyType(untranslated)


def _entries(path: Path) -> list[tuple[str, str, str]]:
    """``(msgid, problem or "", text)`` for every entry of one ``.po`` file."""
    from babel.messages.pofile import PoFileError, read_po  # lazy: Babel costs ~30 ms

    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            "this message catalog cannot be read", [str(exc)], str(path)
        ) from None
    out: list[tuple[str, str, str]] = []
    for entry in catalog:
        if not entry.id:  # the header
            continue
        if not isinstance(entry.id, str) or not isinstance(entry.string, str):
            out.append((str(entry.id), f"line {entry.lineno}: plural forms are not used", ""))
        elif entry.fuzzy:
            out.append((entry.id, f"line {entry.lineno}: marked fuzzy (unchecked)", ""))
        elif not entry.string.strip():
            out.append((entry.id, f"line {entry.lineno}: empty translation", ""))
        else:
            out.append((entry.id, "", entry.string))
    return out


def catalog(lang: str | None = None) -> Mapping[str, str]:
    """Every translated message of one language, msgid → text with its placeholders
    (read-only; for code that builds its own per-language tables once)."""
    lang = _default_language if lang is None else lang
    if not isinstance(lang, str) or not _LANG_CODE.fullmatch(lang):
        raise _unknown_language(lang)
    return _read(LOCALES_DIR, lang)[0]


def template(msgid: str, lang: str | None = None) -> str:
    """One message's text with its ``{placeholders}`` left in."""
    lang = _default_language if lang is None else lang
    texts = catalog(lang)
    try:
        return texts[msgid]
    except KeyError:
        raise InvalidInputError(
            f"no message {msgid!r} in the {lang!r} catalog",
            [f"msgid {msgid!r}: expected a translated entry (not empty, not fuzzy)"],
            str(_po_path(lang)),
        ) from None


def message(msgid: str, /, lang: str | None = None, **fields: object) -> str:
    """One message in ``lang`` (default: :func:`get_language`), its placeholders filled from
    ``fields``; a placeholder without a field raises."""
    text = template(msgid, lang)
    try:
        return text.format_map(fields)
    except (KeyError, IndexError, ValueError) as exc:
        raise InvalidInputError(
            f"message {msgid!r} cannot be filled in",
            [f"{type(exc).__name__} {exc}: placeholders {sorted(placeholders(text))}, "
             f"fields given {sorted(fields)}"],
            str(_po_path(_default_language if lang is None else lang)),
        ) from None


def label(kind: str, key: str, lang: str | None = None) -> str:
    """The short label of one vocabulary key (msgid ``label.<kind>.<key>``): ``kind`` is one
    of :data:`LABEL_KINDS`, e.g. ``label("decision", "ask", "fr")`` → "demander d'abord"."""
    if kind not in LABEL_KINDS:
        raise InvalidInputError(
            "unknown kind of label", [f"kind: got {kind!r}; expected one of {LABEL_KINDS}"]
        )
    return template(f"label.{kind}.{key}", lang)


def labels(kind: str, keys: tuple[str, ...], lang: str | None = None) -> dict[str, str]:
    """``{key: label(kind, key, lang)}`` for ``keys``, in their order (a menu's options)."""
    return {key: label(kind, key, lang) for key in keys}


def language_name(lang: str) -> str:
    """A language's own name ("English", "Français"), from its own catalog."""
    return template("language.name", lang)


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a text fills in (format specs and conversions ignored)."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(text):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return frozenset(names)


def catalog_problems() -> list[str]:
    """Everything that keeps the catalogs from being complete, one line per problem: a
    language whose catalog lacks a reference msgid, has one the reference does not, leaves
    one empty or fuzzy, or fills in other placeholders. Empty when all is well."""
    found = languages()
    if REFERENCE_LANGUAGE not in found:
        return [f"{_po_path(REFERENCE_LANGUAGE)}: the reference catalog is missing"]
    problems: list[str] = []
    reference, reference_untranslated = _read(LOCALES_DIR, REFERENCE_LANGUAGE)
    known = {*reference, *reference_untranslated}
    for lang in found:
        path = _po_path(lang)
        try:
            texts, untranslated = _read(LOCALES_DIR, lang)
        except InvalidInputError as exc:
            problems.append(str(exc))
            continue
        problems += [f"{path}: {msgid!r}, {why}" for msgid, why in untranslated.items()]
        for msgid, expected in reference.items():
            if msgid not in texts:
                if msgid not in untranslated:
                    problems.append(f"{path}: {msgid!r} is missing")
                continue
            try:
                theirs, ours = placeholders(texts[msgid]), placeholders(expected)
            except ValueError as exc:
                problems.append(f"{path}: {msgid!r} is not a valid format string ({exc})")
                continue
            if theirs != ours:
                problems.append(
                    f"{path}: {msgid!r} fills in {sorted(theirs)}; expected {sorted(ours)}"
                )
        problems += [
            f"{path}: {msgid!r} is not in the reference catalog ({REFERENCE_LANGUAGE})"
            for msgid in [*texts, *untranslated]
            if msgid not in known
        ]
    return problems


def check_catalogs() -> None:
    """Raise :class:`InvalidInputError` listing :func:`catalog_problems`, if any."""
    problems = catalog_problems()
    if problems:
        raise InvalidInputError("the message catalogs are not complete", problems, str(LOCALES_DIR))
