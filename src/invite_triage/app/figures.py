"""`make figures`: draw the README's chart from the package, so it never goes stale.

``python -m invite_triage.app.figures --out docs/img`` writes ``quality-vs-size.png``: the
quality-versus-size curve of the guide's example ("you", a community manager) on the bundled
synthetic world, through the public API exactly as chapter 07 draws it. The world is made from
a fixed seed and the PNG carries no version or date, so the same code gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from matplotlib.figure import Figure

import invite_triage as it

#: Sharp on a high-density screen, small enough for a README (about 150 KB).
DPI = 150
#: Axes and text fit the figure (constrained layout); this margin keeps the edges off the frame.
PAD_INCHES = 0.1


def quality_vs_size() -> Figure:
    """Relevance and feed noise against network size, at the engine's default threshold."""
    curve = it.QualityCurve.from_invitations(it.load_invitations(), it.example_profile())
    return it.plot_quality_vs_size(curve)


#: README figure file name → function drawing it.
FIGURES: dict[str, Callable[[], Figure]] = {"quality-vs-size.png": quality_vs_size}


def save(fig: Figure, path: Path, dpi: int = DPI) -> Path:
    """Write ``fig`` as a PNG without metadata that changes between machines or versions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(
        path,
        dpi=dpi,
        facecolor="white",
        bbox_inches="tight",
        pad_inches=PAD_INCHES,
        metadata={"Software": None},
    )
    return path


def draw_all(out: Path, dpi: int = DPI) -> list[Path]:
    """Draw every README figure into ``out``; return the files written."""
    return [save(draw(), out / name, dpi) for name, draw in FIGURES.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m invite_triage.app.figures",
        description="Draw the README's figures from the package (deterministic).",
    )
    parser.add_argument("--out", type=Path, default=Path("docs/img"), help="output folder")
    parser.add_argument("--dpi", type=int, default=DPI, help=f"resolution (default {DPI})")
    args = parser.parse_args(argv)
    for path in draw_all(args.out, args.dpi):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
