"""`make figures` redraws the README's chart through the public API, byte for byte."""

from __future__ import annotations

import struct
from pathlib import Path

from invite_triage.app import figures


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_figures_are_reproducible_and_sharp(tmp_path: Path):
    first = figures.main(["--out", str(tmp_path / "a")])
    second = figures.main(["--out", str(tmp_path / "b")])
    assert first == second == 0
    for name in figures.FIGURES:
        a, b = tmp_path / "a" / name, tmp_path / "b" / name
        assert a.read_bytes() == b.read_bytes(), f"{name} changes from one run to the next"
        width, height = _png_size(a)
        assert width >= 1200 and height >= 700, f"{name} is {width}x{height}: too small to be sharp"
        assert b"Matplotlib" not in a.read_bytes(), "the PNG names the matplotlib version"
