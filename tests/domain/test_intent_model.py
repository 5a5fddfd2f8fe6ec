"""The intent model layer: shipped coefficients, hard constraint, explained verdicts."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from invite_triage.core.errors import InvalidInputError
from invite_triage.domain import intent
from invite_triage.domain.intent import (
    LABELLED,
    classify_message,
    intent_model,
    note_features,
    read_model_csv,
    rule_kind,
)


def test_the_shipped_coefficients_are_a_fresh_training_run():
    pytest.importorskip("sklearn")
    from invite_triage.analysis.intent_train import shipped_path, train_csv, training_frame

    frame = training_frame()
    fresh = read_model_csv(train_csv(frame["note"].tolist(), frame["kind"].tolist(),
                                     frame["table_seen"].tolist()))
    shipped = intent_model()
    assert shipped.classes == fresh.classes == LABELLED
    assert set(shipped.coef) == set(fresh.coef), "the model file lists other features"
    names = sorted(shipped.coef)
    np.testing.assert_allclose(np.array([shipped.coef[n] for n in names]),
                               np.array([fresh.coef[n] for n in names]), atol=2e-5)
    np.testing.assert_allclose(shipped.intercept, fresh.intercept, atol=2e-5)
    # 5,609 training notes since round 7 (2,220 before): about 490 kB, 160 kB compressed.
    assert shipped_path().stat().st_size < 600_000, "the shipped model should stay small"


def test_the_package_reads_the_model_without_a_learning_library():
    code = ("import sys; from invite_triage.domain.intent import classify_message; "
            "classify_message('Free demo of our tool?'); "
            "print(any(m.split('.')[0] in {'sklearn', 'scipy'} for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_features_are_the_table_verdict_words_and_pieces_of_words():
    features = note_features("Gratuits !")
    assert features["rule=" + rule_kind("Gratuits !")] == 1.0
    assert {"w=gratuits", "w=!", "c= gra", "c=uits", "c=its "} <= set(features)
    assert note_features("  ") == {} and note_features(None) == {}
    # "gratuit", "gratuite", "gratuits" share their pieces: inflections generalise.
    shared = {k for k in note_features("gratuite") if k.startswith("c=")}
    assert len(shared & set(features)) >= 3


def test_a_note_the_table_reads_as_a_pitch_is_never_personal():
    text = ("Loved your post on onboarding, we met at the Lyon meetup! Our app does it for you: "
            "free demo, 49 € per month, book a call here https://example.com")
    assert rule_kind(text) == "pitch"
    assert classify_message(text)[0] == "pitch"


def test_when_the_model_overrules_the_table_the_deciding_words_are_named(monkeypatch):
    text = "Paddling at Riverside on Tuesday was fun, see you at the next outing!"
    base = intent_model()
    # A model that always says "personal" overrules the table: the triggers are note words.
    k = base.classes.index("personal")
    forced = intent.IntentModel(base.classes, np.where(np.arange(3) == k, 50.0, 0.0), base.coef)
    monkeypatch.setattr(intent, "intent_model", lambda: forced)
    if rule_kind(text) == "personal":
        pytest.skip("the table already reads this note")
    kind, triggers = classify_message(text)
    assert kind == "personal"
    assert triggers and all(t in intent.normalise_message(text) for t in triggers)
    assert not {"at", "on", "the", "you"} & set(triggers), "stop words explain nothing"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("feature,a,b\n", "header"),
        ("feature,personal,generic,pitch\nw=x,1,2\n", "row 2"),
        ("feature,personal,generic,pitch\nw=x,1,2,3\n", "intercept"),
    ],
)
def test_a_broken_model_file_names_its_problem(text, problem):
    with pytest.raises(InvalidInputError) as info:
        read_model_csv(text, "model.csv")
    assert problem in " ".join([str(info.value), *map(str, getattr(info.value, "problems", []))])
