"""linkedin.identity: one key per person across files and annotations."""

from __future__ import annotations

import pandas as pd

from invite_triage.linkedin.identity import name_key, person_keys, profile_slug


def test_profile_slug_reads_every_url_shape():
    urls = pd.Series([
        "https://www.linkedin.com/in/ada-martin-1a2b3c/?trk=x",
        "https://fr.linkedin.com/in/Ada-Martin-1A2B3C#top",
        "https://www.linkedin.com/in",  # some late-2023 exports
        "",
    ])
    assert profile_slug(urls).tolist() == ["ada-martin-1a2b3c", "ada-martin-1a2b3c", "", ""]


def test_the_key_is_the_slug_else_the_folded_name():
    keys = person_keys(pd.Series(["https://www.linkedin.com/in/ada-1/", ""]),
                       pd.Series(["Ada Martin", "Chloé Dupont-Martin"]))
    assert keys.tolist() == ["ada-1", "name:chloe dupont martin"]
    assert name_key(pd.Series(["Chloé Dupont-Martin"])).tolist() == ["chloe dupont martin"]
