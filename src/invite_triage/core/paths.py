"""Where things live on disk: the checkout, the bundled data, the learner's private folder.

One module for every path the package uses, so that readers, loaders and the command line agree.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Overrides the bundled data folder (``data/`` in a checkout).
DATA_ENV = "INVITE_TRIAGE_DATA"
#: Overrides the private folder (``data/private/``): automated runs never write into the checkout.
PRIVATE_ENV = "INVITE_TRIAGE_PRIVATE"
#: Overrides where the ROME / O*NET reference lists are looked for.
SHARED_ENV = "INVITE_TRIAGE_SHARED"

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


def repo_root() -> Path | None:
    """The repository checkout this package runs from, if any (``src/invite_triage`` inside)."""
    candidate = _PACKAGE_DIR.parents[1]
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
    """Where a learner's own export and annotations go (git-ignored), created on first use.

    ``$INVITE_TRIAGE_PRIVATE`` overrides it, so automated runs never write into the checkout.
    """
    if os.environ.get(PRIVATE_ENV):
        path = Path(os.environ[PRIVATE_ENV])
    else:
        root = repo_root()
        base = root / "data" if root is not None else Path.home() / ".invite_triage"
        path = base / "private"
    path.mkdir(parents=True, exist_ok=True)
    return path


def shared_datasets_candidates() -> list[Path]:
    """Folders that may hold the ROME / O*NET lists: ``../shared/datasets`` beside the checkout,
    then ``$INVITE_TRIAGE_SHARED`` (or its ``datasets/``)."""
    candidates = [_PACKAGE_DIR.parents[2] / "shared" / "datasets"]
    env = os.environ.get(SHARED_ENV)
    if env:
        candidates += [Path(env) / "datasets", Path(env)]
    return candidates
