"""core.paths: one place for every folder the package uses."""

from __future__ import annotations

from invite_triage.core import paths


def test_the_checkout_and_its_data_are_found():
    root = paths.repo_root()
    assert root is not None and (root / "pyproject.toml").exists()
    assert paths.data_dir() == root / "data"


def test_environment_variables_override_the_data_and_private_folders(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(paths.PRIVATE_ENV, str(tmp_path / "private"))
    assert paths.data_dir() == tmp_path / "data"
    private = paths.private_dir()
    assert private == tmp_path / "private" and private.is_dir()  # created on first use


def test_shared_lists_are_looked_for_beside_the_checkout_then_in_the_variable(tmp_path,
                                                                               monkeypatch):
    monkeypatch.setenv(paths.SHARED_ENV, str(tmp_path))
    candidates = paths.shared_datasets_candidates()
    assert candidates[0].parts[-2:] == ("shared", "datasets")
    assert candidates[1:] == [tmp_path / "datasets", tmp_path]
