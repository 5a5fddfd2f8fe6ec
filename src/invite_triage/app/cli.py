"""The ``invite-triage`` command: doctor, data, report, triage.

Every failure a user can cause (a missing or damaged export, a bad profile, an ``--out`` that
would destroy something) prints one message naming the file and what was expected, and exits
with status 2: never a traceback. ``--out`` never overwrites one of the command's inputs, nor
a file the command did not write itself, unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from invite_triage.app.doctor import run_doctor
from invite_triage.core.errors import InvalidInputError, InviteTriageError
from invite_triage.core.files import atomic_write_bytes
from invite_triage.linkedin.annotations import load_annotations
from invite_triage.render.report import DECISION_COLUMNS, write_decisions, write_report
from invite_triage.world.sample_export import write_sample_export
from invite_triage.world.synth import write_world

#: Exit status for every failure the user can fix (argparse uses it for bad arguments too).
EXIT_USER_ERROR = 2


def _cmd_doctor(args: argparse.Namespace) -> int:

    return run_doctor()


def _cmd_data(args: argparse.Namespace) -> int:
    """Generate into a temporary folder, then copy into ``--out``. A file already there is
    replaced only when it holds exactly what this command writes (a rerun), or with
    ``--force``: ``--out ~/Downloads`` must not replace a learner's real Connections.csv."""
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InvalidInputError("this is a file, not a folder",
                                ["expected a folder to write the synthetic world into"], str(out))
    with tempfile.TemporaryDirectory() as tmp:
        staged = write_world(Path(tmp))
        staged.append(write_sample_export(Path(tmp) / "sample_export"))
        pairs = [(source, out / source.relative_to(tmp)) for source in staged]
        foreign = [f"{target} is a folder" for _, target in pairs if target.is_dir()]
        if not args.force:
            foreign += [f"{target} holds something else than this command writes"
                        for source, target in pairs if target.is_file()
                        and target.read_bytes() != source.read_bytes()]
        if foreign:
            raise InvalidInputError(
                "refusing to overwrite files this command did not write",
                [*foreign, "choose another --out folder, or pass --force to replace them "
                 "(e.g. after changing the generator)"],
                str(out),
            )
        for source, target in pairs:
            atomic_write_bytes(target, source.read_bytes())
            print(f"wrote {target}")
    return 0


def _is_our_report(head: bytes) -> bool:
    return head.lstrip().startswith(b"<!DOCTYPE html>") and b"<title>Invite Triage report" in head


def _is_our_decisions(head: bytes) -> bool:
    first = head.decode("utf-8-sig", errors="replace").splitlines()[:1]
    fields = next(csv.reader(io.StringIO(first[0])), []) if first else []
    return "decision" in fields and set(fields) <= set(DECISION_COLUMNS)


def _check_out(out: Path, inputs: Iterable[Path], ours: object, force: bool) -> None:
    """Refuse an ``--out`` that is one of the inputs (or inside an input folder), a folder,
    or an existing file this command did not write (``ours(first bytes)`` is False)."""
    target = out.resolve()
    for given in inputs:
        source = given.resolve()
        if target == source or (source.is_dir() and target.is_relative_to(source)):
            raise InvalidInputError(
                "refusing to overwrite an input",
                [f"--out {out} is {'inside ' if target != source else ''}{given}, which this "
                 "command reads; choose another file"],
                str(out),
            )
    if out.is_dir():
        raise InvalidInputError("this is a folder", ["expected a file name to write"], str(out))
    if out.exists() and not force:
        with out.open("rb") as handle:
            head = handle.read(4096)
        if not ours(head):  # type: ignore[operator]
            raise InvalidInputError(
                "refusing to overwrite a file this command did not write",
                ["choose another --out file, or pass --force to replace it"], str(out),
            )


def _inputs(args: argparse.Namespace) -> list[Path]:
    paths = [Path(args.export)]
    if args.profile:
        paths.append(Path(args.profile))
    if getattr(args, "annotations", None):
        paths.append(Path(args.annotations))
    return paths


def _cmd_report(args: argparse.Namespace) -> int:

    _check_out(Path(args.out), _inputs(args), _is_our_report, args.force)
    path = write_report(args.export, args.out, profile_path=args.profile)
    print(f"wrote {path}")
    return 0


def _cmd_triage(args: argparse.Namespace) -> int:

    _check_out(Path(args.out), _inputs(args), _is_our_decisions, args.force)
    annotations = load_annotations(args.annotations) if args.annotations else None
    path = write_decisions(
        args.export, args.out, profile_path=args.profile, annotations=annotations
    )
    print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="invite-triage",
        description="Should you accept that LinkedIn invitation? Tools for the guide.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("doctor", help="check the installation; prints the fix for anything wrong")
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
    return parser


_COMMANDS = {"doctor": _cmd_doctor, "data": _cmd_data, "report": _cmd_report, "triage": _cmd_triage}


def _say(text: str) -> None:
    """Print to stderr even when the text holds what the terminal cannot show (a file name
    in another encoding): those characters are escaped, never a UnicodeEncodeError."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    print(text.encode(encoding, "backslashreplace").decode(encoding, "replace"), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prefix = f"invite-triage {args.command}"
    try:
        return _COMMANDS[args.command](args)
    except InviteTriageError as exc:
        _say(f"{prefix}: {exc}")
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _say(f"{prefix}: {where}{exc.strerror or exc}; expected a path you can read "
             "(the export, the profile) or write (--out)")
    except UnicodeError as exc:
        _say(f"{prefix}: text that is not valid in its encoding ({exc}); expected UTF-8 files")
    except MemoryError:
        _say(f"{prefix}: not enough memory; expected a LinkedIn export of ordinary size")
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
