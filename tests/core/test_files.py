"""core.files: a write is whole or absent, and a lock makes read-modify-write safe."""

from __future__ import annotations

import multiprocessing
import os
import stat
from pathlib import Path

import pytest

from invite_triage.core.files import atomic_write_bytes, exclusive_lock


def test_atomic_write_creates_folders_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "a" / "b" / "out.bin"
    assert atomic_write_bytes(target, b"first") == target
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["out.bin"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_private_files_are_readable_by_their_owner_only(tmp_path):
    target = atomic_write_bytes(tmp_path / "mine.csv", b"x", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    atomic_write_bytes(target, b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def _append_many(args: tuple[str, str, int]) -> None:
    lock, counter, n = args
    for _ in range(n):
        with exclusive_lock(Path(lock)):
            path = Path(counter)
            value = int(path.read_text()) if path.exists() else 0
            atomic_write_bytes(path, str(value + 1).encode())


def test_the_lock_serialises_read_modify_write_across_processes(tmp_path):
    lock, counter = tmp_path / ".lock", tmp_path / "counter.txt"
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.map(_append_many, [(str(lock), str(counter), 150)] * 2)
    assert counter.read_text() == "300"
