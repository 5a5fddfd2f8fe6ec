"""Loading the bundled synthetic world through the package, never through relative paths.

The committed files live in the repository's ``data/`` folder. When the package is used
outside a checkout (installed from a wheel), the same world is regenerated in memory from
its seed, so the guide still runs and gives identical results.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import pandas as pd

from invite_triage.core.i18n import get_language
from invite_triage.core.paths import data_dir, private_dir, repo_root
from invite_triage.domain.profile import Profile
from invite_triage.domain.schema import read_invitations_csv
from invite_triage.linkedin.connections_csv import read_connections_csv
from invite_triage.linkedin.export import LinkedInExport, load_export
from invite_triage.world.sample_export import sample_export_path
from invite_triage.world.synth import WORLD_SEED, World, world

__all__ = ["data_dir", "example_profile", "load_connections", "load_invitations",
           "load_sample_export", "private_dir", "repo_root"]


@lru_cache(maxsize=1)
def _world() -> World:
    return world(WORLD_SEED)


def example_profile(lang: str | None = None) -> Profile:
    """The guide's "you": a Community Manager in digital marketing, who reads the guide in
    ``lang`` (None: :func:`~invite_triage.core.i18n.get_language`), so an English chapter
    gives English reasons and a French one French reasons; ``data/profile.json`` is the
    same person whatever the edition."""
    folder = data_dir()
    if folder is not None and (folder / "profile.json").exists():
        profile = Profile.load(folder / "profile.json")
    else:
        profile = _world().profile
    return dataclasses.replace(profile, language=get_language() if lang is None else lang)


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
    conns = read_connections_csv(folder / "Connections.csv")
    truth = pd.read_csv(folder / "connections_truth.csv", dtype={"url": str}, keep_default_na=False)
    truth["relevant"] = truth["relevant"].astype(str).str.lower().eq("true")
    return conns.assign(
        persona=truth["persona"].to_numpy(object), relevant=truth["relevant"].to_numpy()
    )


def load_sample_export() -> LinkedInExport:
    """The bundled synthetic LinkedIn export, read exactly as a learner's own would be."""
    return load_export(sample_export_path())
