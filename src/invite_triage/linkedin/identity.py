"""Who a person is, across the export's files and the learner's annotations.

A profile URL's slug identifies a member; when a file has no usable URL (older exports, some
late-2023 ones), the name, compared loosely, stands in. Every reader and the annotations use
this one key, so that a note saved about someone finds them again.
"""

from __future__ import annotations

import pandas as pd

from invite_triage.core.text import name_keys

__all__ = ["name_key", "person_keys", "profile_slug"]


def profile_slug(urls: pd.Series) -> pd.Series:
    """``https://www.linkedin.com/in/ada-martin-1a2b3c/?x`` → ``ada-martin-1a2b3c``; "" when
    there is no real slug (empty cell, or the bare ``…/in`` of some late-2023 exports)."""
    text = urls.astype("str").str.strip().str.lower()
    text = text.str.replace(r"[?#].*$", "", regex=True).str.rstrip("/")
    return text.str.extract(r"/in/([^/]+)$", expand=False).fillna("").astype("str")


def name_key(names: pd.Series) -> pd.Series:
    """A full name compared loosely: case, accents, hyphens and punctuation ignored, any
    script kept (``Chloé Dupont-Martin`` == ``chloe dupont martin``)."""
    return name_keys(names.astype("str")).astype("str")


def person_keys(urls: pd.Series, names: pd.Series) -> pd.Series:
    """One key per row: the profile slug when there is one, else ``name:`` and the name key."""
    slugs = profile_slug(urls)
    return slugs.where(slugs.ne(""), "name:" + name_key(names))
