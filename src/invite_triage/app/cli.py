"""The ``invite-triage`` command: doctor, data, report, triage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from invite_triage.app.doctor import run_doctor
from invite_triage.core.errors import InviteTriageError
from invite_triage.linkedin.annotations import load_annotations
from invite_triage.render.report import write_decisions, write_report
from invite_triage.world.sample_export import write_sample_export
from invite_triage.world.synth import write_world


def _cmd_doctor(args: argparse.Namespace) -> int:

    return run_doctor()


def _cmd_data(args: argparse.Namespace) -> int:

    out = Path(args.out)
    written = write_world(out)
    written.append(write_sample_export(out / "sample_export"))
    for path in written:
        print(f"wrote {path}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:

    path = write_report(args.export, args.out, profile_path=args.profile)
    print(f"wrote {path}")
    return 0


def _cmd_triage(args: argparse.Namespace) -> int:

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
    for name, helptext, default in (
        ("report", "write a self-contained HTML report of your LinkedIn export", "report.html"),
        ("triage", "write decisions for your pending invitations as CSV", "decisions.csv"),
    ):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("export", help="the LinkedIn export: .zip, folder, or Connections.csv")
        cmd.add_argument("--out", default=default, help=f"output file (default: {default})")
        cmd.add_argument("--profile", default=None, help="your profile JSON (optional)")
        if name == "triage":
            cmd.add_argument(
                "--annotations",
                default=None,
                help="folder of annotations saved by the guide's form (e.g. data/private)",
            )
    return parser


_COMMANDS = {"doctor": _cmd_doctor, "data": _cmd_data, "report": _cmd_report, "triage": _cmd_triage}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except InviteTriageError as exc:
        print(f"invite-triage {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
