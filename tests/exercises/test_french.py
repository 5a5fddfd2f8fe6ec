"""The French edition of the exercises: after ``set_language("fr")`` the very same checkers
answer in French (feedback, hints, solutions' prose, bets) and accept answers typed in French.

A French text is one the fr catalog can produce (it matches an ``exercise.*`` template of
``fr/LC_MESSAGES/exercises.po``) and that holds no sentence of the English catalog.
"""

from __future__ import annotations

import dataclasses
import re
import string

import pytest

from invite_triage.analysis.evaluation import compare_strategies
from invite_triage.core import i18n
from invite_triage.core.i18n import label
from invite_triage.domain.titles import classify_title
from invite_triage.domain.triage import triage
from invite_triage.exercises import (
    Feedback,
    ch00,
    ch01,
    ch02,
    ch03,
    ch04,
    ch05,
    ch06,
    ch07,
    ch08,
    ch09,
    exercise_names,
    solution,
)
from invite_triage.models.mutuals import MutualsModel

FRENCH_PITCH = ("Bonjour ! Notre outil vous apporte 30 prospects qualifiés par mois. "
                "Essai gratuit cette semaine ?")
FRENCH_REASON = ("Tout accepter l'emporte quand la plupart des expéditeurs sont pertinents et "
                 "que la portée vaut cher.")


@pytest.fixture
def french():
    """The process language set to French for one test, English again afterwards."""
    i18n.set_language("fr")
    try:
        yield
    finally:
        i18n.set_language("en")


def _texts(lang: str) -> dict[str, str]:
    return {k: v for k, v in i18n.catalog(lang).items() if k.startswith("exercise.")}


def _literal(template: str) -> list[str]:
    """The fixed text of a template, one piece per gap between placeholders."""
    return [lit for lit, _, _, _ in string.Formatter().parse(template)]


def _english_sentences() -> set[str]:
    """Sentences and clauses of the English exercise texts that no French text contains."""
    french = "\n".join(_texts("fr").values())
    pieces = set()
    for template in _texts("en").values():
        for chunk in _literal(template):
            for piece in re.split(r"[.;:!?()]", chunk):
                piece = piece.strip(" ,\"'“”")
                if len(piece) >= 15 and " " in piece and piece not in french:
                    pieces.add(piece)
    return pieces


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for lit, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(lit))
        if field is not None:
            parts.append(".*?")
    return re.compile("".join(parts), re.DOTALL)


ENGLISH = _english_sentences()
FRENCH_PATTERNS = [_pattern(t) for t in _texts("fr").values()]


def assert_french(text: str) -> None:
    """``text`` comes from the fr catalog and holds no English sentence of the en catalog."""
    assert text.strip()
    english = [piece for piece in ENGLISH if piece in text]
    assert not english, f"English in {text!r}: {english}"
    assert any(p.fullmatch(text) for p in FRENCH_PATTERNS), f"not from the fr catalog: {text!r}"


def assert_french_feedback(result: Feedback, ok: bool) -> None:
    assert isinstance(result, Feedback)
    assert result.ok is ok, str(result)
    assert_french(result.message)
    verdict = i18n.template("exercise.feedback.correct" if ok else "exercise.feedback.not_yet",
                            "fr")
    assert str(result) == verdict.format(message=result.message)
    assert ("Exact" if ok else "Pas encore") in result._repr_html_()


def _right_answers(invitations, profile) -> dict[str, tuple]:
    """A right answer per exercise (words typed in French where the exercise takes words)."""
    n_groups = invitations["shared_groups"].str.len()
    relevant = invitations["relevant"]
    strict = triage(invitations, dataclasses.replace(profile, policy="known_only"))
    mutuals = MutualsModel(invitations, profile)
    decisions = ch02.mentee_decisions()
    table = compare_strategies(invitations, profile)
    best_alone = str(table.drop(index=["engine", "accept_all"])["f1"].idxmax())
    scores = ch06.threshold_f1()
    sizes = ch07.final_sizes()
    return {
        "accept_everyone": ("trier", float(relevant.mean())),
        "hidden_columns": (["persona", "relevant"],),
        "silent_button": ("Ignorer",),
        "family_of_title": (label("family", classify_title("Chargée de recrutement")[0], "fr"),),
        "seniority_of_title": (label("seniority", classify_title("Head of Growth")[1], "fr"),),
        "goal_families": ([label("family", f, "fr") for f in dataclasses.replace(
            profile, goals=("prospecting",)).relevant_families],),
        "sales_advice": ("garder", ch01.advice_outcome()["share_after"]),
        "seniority_of_assistant": (
            label("seniority", classify_title("Assistante communication")[1], "fr"),),
        "mentor_or_not": (label("decision", decisions.iloc[-1], "fr"), decisions.index[-1]),
        "mentoring_accepts": (ch02.beginners_accepted(1.0)[0] - ch02.beginners_accepted(0.0)[0],),
        "miss_few": (mutuals.last_threshold_keeping(0.9),),
        "precision_threshold": (mutuals.first_threshold_above(0.8),),
        "weak_ties": ("b",),
        "any_shared_group": (int((n_groups > 0).sum()),),
        "second_group_cost": (int((relevant & (n_groups >= 1)).sum()
                                  - (relevant & (n_groups >= 2)).sum()),),
        "shared_group_precision": (float(relevant[n_groups > 0].mean()),),
        "no_note_move": ("c",),
        "known_only_missed": (int((strict["decision"].eq("decline") & strict["relevant"]).sum()),),
        "pitch_note": (FRENCH_PITCH,),
        "fooling_pitch": ("Bonjour, nous étions dans la même promo à Lyon. Je fais des audits "
                          "de réseaux sociaux, au plaisir d'en parler.",),
        "best_single_criterion": (label("criterion", best_alone, "fr"),),
        "top_criterion": (ch06._first_contributions()[1]["contribution"].idxmax(),),
        "best_accept_threshold": (max(scores, key=scores.get),),
        "relevance_threshold": (ch07.lowest_threshold(),),
        "growth_gap": (int(sizes["accept_all"] - sizes["balanced"]),),
        "noise_budget": (ch07.best_under_noise(),),
        "busiest_year": (int(ch08.new_connections_by_year().idxmax()),),
        "pending_pitches": (ch08.pending_pitches(),),
        "form_decision": (label("decision", ch08.form_decision().decision, "fr"),),
        "known_only_wins": ({"relevant_share": 0.1, "clue_separation": 0.3,
                             "exposure_cost": 1.0},),
        "accept_all_wins": ({"relevant_share": 0.8, "reach_worth": 1.0, "noise_cost": 0.02,
                             "exposure_cost": 0.05},),
        "why_size_wins": (FRENCH_REASON,),
    }


#: Wrong answers every checker turns into a hint.
WRONG = ["zzz", -3, 10**6, 0.987, ["zzz"], {"zzz": 1}, "un deux trois quatre cinq"]
#: Wrong answers that reach the hints particular to one exercise.
SPECIFIC_WRONG: dict[str, list[tuple]] = {
    "accept_everyone": [("tout accepter",), ("triage",), ("tout accepter", 0.3)],
    "hidden_columns": [(["persona", "salary"],), (["persona", "title", "salary"],),
                       (["name", "title"],)],
    "silent_button": [("Refuser",), ("Suivre",), ("Retirer la relation",), ("Répondre",)],
    "family_of_title": [("vente",)],
    "seniority_of_title": [("junior",)],
    "goal_families": [(["RH"],), (["RH", "vente", "tech", "finance", "marketing"],)],
    "sales_advice": [("augmenter",), ("garder",), ("garder", 0.99)],
    "seniority_of_assistant": [("directeur",)],
    "mentor_or_not": [("ignorer", 0.5), ("accepter",), ("accepter", 0.0)],
    "weak_ties": [("a",), ("c",)],
    "no_note_move": [("a",), ("b",), ("d",)],
    "pitch_note": [("Bonjour, ravi de vous rencontrer au salon hier !",),
                   (" ".join(["mot"] * 40),)],
    "best_single_criterion": [("son poste",), ("engine",)],
    "top_criterion": [("relations en commun",), ("groups",)],
    "best_accept_threshold": [(0.42,), (0.3,)],
    "relevance_threshold": [(0.05,), (0.99,)],
    "noise_budget": [("tout accepter",), ("seulement les personnes connues",), (0.45,)],
    "known_only_wins": [({"relevant_share": 0.8, "reach_worth": 1.0},), ({"size": 3},)],
    "accept_all_wins": [({"relevant_share": 0.1},)],
    "why_size_wins": [("trop court",), ("x " * 300,),
                      ("Une phrase sans aucun rapport avec quoi que ce soit.",)],
}


@pytest.fixture(scope="module")
def right_answers(invitations, profile):
    return _right_answers(invitations, profile)


def _checker(name: str):
    for module in (ch00, ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09):
        if hasattr(module, f"check_{name}"):
            return getattr(module, f"check_{name}")
    raise AssertionError(name)


def test_every_exercise_has_french_answers(right_answers):
    assert set(right_answers) == set(exercise_names())
    assert set(SPECIFIC_WRONG) <= set(exercise_names())


@pytest.mark.parametrize("name", exercise_names())
def test_right_answers_typed_in_french_get_french_feedback(french, right_answers, name):
    assert name in right_answers, f"no French answer for {name}"
    assert_french_feedback(_checker(name)(*right_answers[name]), ok=True)


@pytest.mark.parametrize("name", exercise_names())
def test_wrong_answers_get_french_hints(french, name):
    check = _checker(name)
    assert_french_feedback(check(None), ok=False)
    for answer in [*[(w,) for w in WRONG], *SPECIFIC_WRONG.get(name, [])]:
        result = check(*answer)
        assert_french_feedback(result, ok=False)


@pytest.mark.parametrize("name", exercise_names())
def test_solutions_prose_is_french_and_code_unchanged(french, name):
    shown = solution(name)
    assert_french(shown.text)
    assert shown.text in shown._repr_markdown_() and name in shown._repr_markdown_()
    i18n.set_language("en")
    english = solution(name)
    assert english.code == shown.code and english.text != shown.text


def test_an_unknown_solution_is_reported_in_french(french):
    with pytest.raises(KeyError, match=r"exercices connus.*accept_everyone") as info:
        solution("pas_un_exercice")
    assert_french(info.value.args[0])


def test_bets_are_asked_and_explained_in_french(french, invitations, profile):
    bets = [ch01.bet_family_share(), ch02.bet_beginners_at_zero(), ch03.bet_raising_k(),
            ch04.bet_weakest_group(), ch05.bet_ask_first_notes()]
    for bet in bets:
        assert_french(bet.question)
        reveal = bet.reveal(bet.answer())
        assert reveal.correct
        assert_french(reveal.explanation)
    labels = bets[2].choice_labels
    assert set(labels) == set(ch03.BET_CHOICES)
    for text in labels.values():
        assert_french(text)
    assert bets[4].unit == i18n.template("exercise.ch05.bet.unit", "fr")


def test_french_word_answers_are_accepted(french, right_answers):
    family = classify_title("Chargée de recrutement")[0]
    for typed in (family, label("family", family, "fr"), label("family", family, "en"),
                  f" '{label('family', family, 'fr').lower()}' "):
        assert ch01.check_family_of_title(typed).ok, typed
    assert ch01.check_seniority_of_title("Directeur").ok
    assert ch02.check_seniority_of_assistant("junior").ok
    for word in ("garder", "Conserver", "non", "keep"):
        assert ch01.check_sales_advice(word, right_answers["sales_advice"][1]).ok, word
    decision, mentoring = right_answers["mentor_or_not"]
    assert ch02.check_mentor_or_not(decision, mentoring).ok
    assert ch02.check_mentor_or_not(decision.upper(), str(mentoring).replace(".", ",")).ok
    for word in ("trier", "faire le tri", "triage", "Sélectionner", "selectionner"):
        assert ch00.check_accept_everyone(word, right_answers["accept_everyone"][1]).ok, word
    for word in ("Ignorer", "ignorer", "IGNORE"):
        assert ch00.check_silent_button(word).ok, word
    assert 'pas de bouton' in ch00.check_silent_button("décliner").message
    decided = ch08.form_decision().decision
    for lang in ("fr", "en"):
        assert ch08.check_form_decision(label("decision", decided, lang)).ok
    best = right_answers["best_single_criterion"][0]
    assert ch06.check_best_single_criterion(best.upper()).ok
    key = ch07.best_under_noise()
    if key in ("known_only", "accept_all"):
        shown = label("policy", key, "fr") if key == "known_only" else "tout accepter"
        assert ch07.check_noise_budget(shown).ok
    assert ch07.check_noise_budget("seulement les personnes connues").ok == (key == "known_only")
    assert ch05.check_pitch_note(FRENCH_PITCH).ok
    assert ch09.assumptions_named(FRENCH_REASON) == ["relevant_share", "reach_worth"]
    assert ch09.assumptions_named("Le bruit dans le fil d'actualité coûte cher.") == [
        "noise_cost"]


def test_french_typography_in_the_catalog():
    """A narrow no-break space before « : ; ! ? » and inside « guillemets », never a plain one."""
    for msgid, text in _texts("fr").items():
        assert not re.search(r" [:;!?»]|« ", text), msgid


def test_english_is_unchanged_and_the_language_is_restored(french):
    assert ch00.check_silent_button("Ignore").ok
    i18n.set_language("en")
    result = ch00.check_silent_button("Decline")
    assert 'no "Decline" button' in result.message and str(result).startswith("💡 Not yet")
    assert "replace None" in ch00.check_silent_button(None).message
    assert solution("weak_ties").text.startswith("b. In Rajkumar")
