"""Loading the bundled synthetic world through the package, never through relative paths.

The committed files live in the repository's ``data/`` folder. When the package is used
outside a checkout (installed from a wheel), the same world is regenerated in memory from
its seed, so the guide still runs and gives identical results.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .profile import Profile
from .schema import read_invitations_csv

DATA_ENV = "INVITE_TRIAGE_DATA"
PRIVATE_ENV = "INVITE_TRIAGE_PRIVATE"
WORLD_SEED = 2026


def repo_root() -> Path | None:
    """The repository checkout this package runs from, if any."""
    candidate = Path(__file__).resolve().parents[2]
    return candidate if (candidate / "pyproject.toml").exists() else None


def data_dir() -> Path | None:
    """Where the bundled data lives: ``$INVITE_TRIAGE_DATA`` or the checkout's ``data/``."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    root = repo_root()
    if root is not None and (root / "data" / "invitations.csv").exists():
        return root / "data"
    return None


def private_dir() -> Path:
    """Where a learner's own export and annotations go (git-ignored).

    ``$INVITE_TRIAGE_PRIVATE`` overrides it, so automated runs never write into the checkout.
    """
    if os.environ.get(PRIVATE_ENV):
        path = Path(os.environ[PRIVATE_ENV])
        path.mkdir(parents=True, exist_ok=True)
        return path
    root = repo_root()
    base = root / "data" if root is not None else Path.home() / ".invite_triage"
    path = base / "private"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def _world():
    from .synth import world

    return world(WORLD_SEED)


def example_profile() -> Profile:
    """The guide's "you": a French-speaking Community Manager in digital marketing."""
    folder = data_dir()
    if folder is not None and (folder / "profile.json").exists():
        return Profile.load(folder / "profile.json")
    return _world().profile


def load_invitations() -> pd.DataFrame:
    """The synthetic incoming invitations (with hidden ``persona`` and ``relevant``)."""
    folder = data_dir()
    if folder is not None:
        return read_invitations_csv(folder / "invitations.csv")
    return _world().invitations.copy()


def load_connections() -> pd.DataFrame:
    """Your synthetic existing network, read from its LinkedIn-format Connections.csv,
    joined with the hidden ground truth (``persona``, ``relevant``)."""
    folder = data_dir()
    if folder is None:
        return _world().connections.copy()
    from .connections_csv import read_connections_csv

    conns = read_connections_csv(folder / "Connections.csv")
    truth = pd.read_csv(folder / "connections_truth.csv", dtype={"url": str}, keep_default_na=False)
    truth["relevant"] = truth["relevant"].astype(str).str.lower().eq("true")
    return conns.assign(
        persona=truth["persona"].to_numpy(object), relevant=truth["relevant"].to_numpy()
    )


def load_sample_export():
    """The bundled synthetic LinkedIn export, read exactly as a learner's own would be."""
    from .export import load_export
    from .sample_export import sample_export_path

    return load_export(sample_export_path())
