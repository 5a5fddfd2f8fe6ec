"""The ``invite-triage`` command: doctor, data, report, triage, notes.

Every failure a user can cause (a missing or damaged export, a bad profile, an ``--out`` that
would destroy something) prints one message naming the file and what was expected, and exits
with status 2: never a traceback. ``--out`` never overwrites one of the command's inputs, nor
a file the command did not write itself, unless ``--force`` is given. ``--lang`` (default:
English) sets the language of the messages printed and of what ``report`` and ``triage``
write, including the errors found while reading the export and the annotations (the readers
are given the same ``lang``).
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from invite_triage.analysis.intent_eval import evaluate_intent, intent_results, load_corpus
from invite_triage.app.doctor import run_doctor
from invite_triage.core.errors import InvalidInputError, InviteTriageError
from invite_triage.core.files import atomic_write_bytes
from invite_triage.core.i18n import REFERENCE_LANGUAGE, languages, message
from invite_triage.linkedin.annotations import load_annotations
from invite_triage.render.report import DECISION_COLUMNS, write_decisions, write_report
from invite_triage.world.sample_export import write_sample_export
from invite_triage.world.synth import write_world

#: Exit status for every failure the user can fix (argparse uses it for bad arguments too).
EXIT_USER_ERROR = 2


def _say_out(msgid: str, args: argparse.Namespace, **fields: object) -> None:
    """Print one catalog message to stdout in the command's ``--lang``."""
    print(message(msgid, _lang(args), **fields))


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or REFERENCE_LANGUAGE


def _cmd_doctor(args: argparse.Namespace) -> int:

    return run_doctor(_lang(args))


def _cmd_data(args: argparse.Namespace) -> int:
    """Generate into a temporary folder, then copy into ``--out``. A file already there is
    replaced only when it holds exactly what this command writes (a rerun), or with
    ``--force``: ``--out ~/Downloads`` must not replace a learner's real Connections.csv."""
    out = Path(args.out)
    lang = _lang(args)
    if out.exists() and not out.is_dir():
        raise InvalidInputError(message("cli.data.not_a_folder", lang),
                                [message("cli.data.expected_folder", lang)], str(out))
    with tempfile.TemporaryDirectory() as tmp:
        staged = write_world(Path(tmp))
        staged.append(write_sample_export(Path(tmp) / "sample_export"))
        pairs = [(source, out / source.relative_to(tmp)) for source in staged]
        foreign = [message("cli.data.is_a_folder", lang, path=target)
                   for _, target in pairs if target.is_dir()]
        if not args.force:
            foreign += [message("cli.data.not_ours", lang, path=target)
                        for source, target in pairs if target.is_file()
                        and target.read_bytes() != source.read_bytes()]
        if foreign:
            raise InvalidInputError(
                message("cli.data.refusing", lang),
                [*foreign, message("cli.data.fix", lang)],
                str(out),
            )
        for source, target in pairs:
            atomic_write_bytes(target, source.read_bytes())
            _say_out("cli.wrote", args, path=target)
    return 0


def _report_titles() -> tuple[bytes, ...]:
    """How a report this command wrote begins its ``<title>``, in every language."""
    return tuple(
        b"<title>" + html.escape(message("report.title", lang, name="")).rstrip().encode()
        for lang in languages()
    )


def _is_our_report(head: bytes) -> bool:
    return head.lstrip().startswith(b"<!DOCTYPE html>") and any(
        title in head for title in _report_titles())


def _is_our_decisions(head: bytes) -> bool:
    first = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    fields = next(csv.reader(io.StringIO(first[0])), []) if first else []
    return "decision" in fields and set(fields) <= set(DECISION_COLUMNS)


def _check_out(out: Path, inputs: Iterable[Path], ours: object, force: bool,
               lang: str = REFERENCE_LANGUAGE) -> None:
    """Refuse an ``--out`` that is one of the inputs (or inside an input folder), a folder,
    or an existing file this command did not write (``ours(first bytes)`` is False)."""
    target = out.resolve()
    for given in inputs:
        source = given.resolve()
        if target == source or (source.is_dir() and target.is_relative_to(source)):
            where = "inside" if target != source else "is"
            raise InvalidInputError(
                message("cli.out.input", lang),
                [message(f"cli.out.input_{where}", lang, out=out, given=given)],
                str(out),
            )
    if out.is_dir():
        raise InvalidInputError(message("cli.out.folder", lang),
                                [message("cli.out.expected_file", lang)], str(out))
    if out.exists() and not force:
        with out.open("rb") as handle:
            head = handle.read(4096)
        if not ours(head):  # type: ignore[operator]
            raise InvalidInputError(
                message("cli.out.not_ours", lang),
                [message("cli.out.not_ours_fix", lang)], str(out),
            )


def _inputs(args: argparse.Namespace) -> list[Path]:
    paths = [Path(args.export)]
    if args.profile:
        paths.append(Path(args.profile))
    if getattr(args, "annotations", None):
        paths.append(Path(args.annotations))
    return paths


def _cmd_report(args: argparse.Namespace) -> int:

    _check_out(Path(args.out), _inputs(args), _is_our_report, args.force, _lang(args))
    path = write_report(args.export, args.out, profile_path=args.profile, lang=_lang(args))
    _say_out("cli.wrote", args, path=path)
    return 0


def _cmd_triage(args: argparse.Namespace) -> int:

    _check_out(Path(args.out), _inputs(args), _is_our_decisions, args.force, _lang(args))
    annotations = (load_annotations(args.annotations, lang=_lang(args)) if args.annotations
                   else None)
    path = write_decisions(
        args.export, args.out, profile_path=args.profile, annotations=annotations,
        lang=_lang(args),
    )
    _say_out("cli.wrote", args, path=path)
    return 0


def _cmd_notes(args: argparse.Namespace) -> int:
    """How the note reader does on labelled notes (``id, lang, kind, category, note``, as in
    ``data/intent/``): per language, what each note really is against what it was read as."""
    lang = _lang(args)
    for path in args.corpus:
        table = intent_results(evaluate_intent(load_corpus(path, lang)), lang)
        print(f"== {Path(path).name}")
        print(table.to_string())
        print()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="invite-triage",
        description="Should you accept that LinkedIn invitation? Tools for the guide.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    doctor = sub.add_parser("doctor",
                            help="check the installation; prints the fix for anything wrong")
    data = sub.add_parser("data", help="regenerate the synthetic world (deterministic)")
    data.add_argument("--out", default="data", help="folder to write into (default: data)")
    data.add_argument("--force", action="store_true",
                      help="replace files in --out even if this command did not write them")
    for name, helptext, default in (
        ("report", "write a self-contained HTML report of your LinkedIn export", "report.html"),
        ("triage", "write decisions for your pending invitations as CSV", "decisions.csv"),
    ):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("export", help="the LinkedIn export: .zip, folder, or Connections.csv")
        cmd.add_argument("--out", default=default, help=f"output file (default: {default})")
        cmd.add_argument("--profile", default=None, help="your profile JSON (optional)")
        cmd.add_argument("--force", action="store_true",
                         help="replace --out even if this command did not write it")
        if name == "triage":
            cmd.add_argument(
                "--annotations",
                default=None,
                help="folder of annotations saved by the guide's form (e.g. data/private)",
            )
    notes = sub.add_parser("notes", help="how the note reader does on your labelled notes "
                                         "(CSV: id, lang, kind, category, note)")
    notes.add_argument("corpus", nargs="+", help="labelled notes, e.g. data/intent/heldout11.csv")
    for cmd in (doctor, data, notes, *(sub.choices[name] for name in ("report", "triage"))):
        cmd.add_argument("--lang", default=REFERENCE_LANGUAGE, choices=languages(),
                         help="language of the messages and of what is written "
                              f"(default: {REFERENCE_LANGUAGE})")
    return parser


_COMMANDS = {"doctor": _cmd_doctor, "data": _cmd_data, "report": _cmd_report, "triage": _cmd_triage,
             "notes": _cmd_notes}


def _say(text: str) -> None:
    """Print to stderr even when the text holds what the terminal cannot show (a file name
    in another encoding): those characters are escaped, never a UnicodeEncodeError."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    print(text.encode(encoding, "backslashreplace").decode(encoding, "replace"), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prefix = f"invite-triage {args.command}"
    lang = _lang(args)
    try:
        return _COMMANDS[args.command](args)
    except InviteTriageError as exc:
        _say(message("cli.error", lang, command=prefix, error=exc))
    except OSError as exc:
        reason = exc.strerror or exc
        if getattr(exc, "filename", None):
            _say(message("cli.os_error_file", lang, command=prefix, file=exc.filename,
                         reason=reason))
        else:
            _say(message("cli.os_error", lang, command=prefix, reason=reason))
    except UnicodeError as exc:
        _say(message("cli.unicode_error", lang, command=prefix, error=exc))
    except MemoryError:
        _say(message("cli.memory_error", lang, command=prefix))
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
