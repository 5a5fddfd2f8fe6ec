"""The message classifier: personal, generic, pitch or empty, naming its triggers."""

from __future__ import annotations

import pandas as pd
import pytest

from invite_triage.domain.intent import (
    KINDS,
    MAX_NOTE_CHARS,
    NO_EVIDENCE,
    PHRASE_KINDS,
    classify_message,
    classify_messages,
    cut_mark,
    find_cues,
    normalise_message,
    phrase_table,
)
from invite_triage.world import vocab as synth_vocab


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to add you to my professional network on LinkedIn.",
        "Je souhaiterais vous inviter à rejoindre mon réseau professionnel LinkedIn.",
        "I'd like to add you to my network",
        "Hello, I would like to connect with you.",
        "Bonjour, je souhaiterais vous ajouter à mon réseau.",
        "Hi!",
    ],
)
def test_linkedin_default_sentences_are_generic(text):
    kind, triggers = classify_message(text)
    assert kind == "generic"
    assert triggers, "a generic note names the phrase that made it generic"


def test_accents_case_and_apostrophes_do_not_matter():
    plain = "JE SOUHAITERAIS VOUS INVITER A REJOINDRE MON RESEAU"
    curly = "I\u2019d like to add you to my network"
    assert classify_message(plain)[0] == "generic"
    assert classify_message(curly)[0] == "generic"
    assert classify_message("Je vous propose une DEMO")[0] == "pitch"
    assert classify_message("Je vous propose une démo")[0] == "pitch"
    assert normalise_message("  Réseau\u2019S  ") == "reseau's"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do you have 15 minutes for a quick call this week?", "quick call"),
        ("We generate qualified leads for agencies like yours.", "we generate qualified leads"),
        ("Start your free trial today", "free trial"),
        ("Je vous propose un rendez-vous la semaine prochaine.", "rendez-vous"),
        ("Êtes-vous disponible pour un appel découverte ?", "appel découverte"),
        ("Découvrez notre offre spéciale", "offre spéciale"),
        ("Only 49 € per seat", "49 €"),
    ],
)
def test_pitches_name_their_trigger(text, expected):
    kind, triggers = classify_message(text)
    assert kind == "pitch"
    assert expected in triggers


def test_a_job_offer_or_a_lead_role_is_not_a_sales_pitch():
    job_offer = "Je vous contacte pour une offre d'emploi de community manager."
    assert classify_message(job_offer)[0] == "personal"
    assert classify_message("Hi, I'm hiring a social media lead, open to a chat?")[0] == "personal"


@pytest.mark.parametrize("text", ["", "   ", None, float("nan"), "🙂"])
def test_missing_or_blank_notes_are_empty(text):
    assert classify_message(text) == ("empty", ())


def test_a_specific_note_is_personal_even_with_a_generic_phrase():
    text = "I'd like to connect: we met at the Lyon social media meetup last week."
    kind, triggers = classify_message(text)
    assert kind == "personal"
    assert "we met" in triggers


@pytest.mark.parametrize(
    ("pool", "kind"),
    [
        ("generic", "generic"),
        ("pitch", "pitch"),
        ("personal", "personal"),
        ("personal_peer", "personal"),
        ("personal_recruiter", "personal"),
        ("personal_beginner", "personal"),
    ],
)
def test_every_synthetic_note_gets_its_kind(pool, kind):
    for text in synth_vocab.MESSAGES[pool]:
        expected = "generic" if text in SYNTHETIC_NOTES_WITHOUT_EVIDENCE else kind
        assert classify_message(text)[0] == expected, text


SYNTHETIC_NOTES_WITHOUT_EVIDENCE = synth_vocab.NOTES_WITHOUT_EVIDENCE


def test_the_synthetic_exceptions_still_exist():
    every = {text for pool in synth_vocab.MESSAGES.values() for text in pool}
    assert every >= SYNTHETIC_NOTES_WITHOUT_EVIDENCE


def test_vectorised_matches_one_by_one_and_keeps_the_index():
    texts = ["", "Book a call", "Hi, let's connect!", "We met in Lyon", None, "Book a call"]
    series = pd.Series(texts, index=[10, 3, 7, 1, 0, 5], dtype=object)
    table = classify_messages(series)
    assert list(table.columns) == ["kind", "triggers"]
    assert table.index.equals(series.index)
    assert list(table["kind"].cat.categories) == list(KINDS)
    for (label, text), kind, triggers in zip(
        series.items(), table["kind"], table["triggers"], strict=True
    ):
        assert (kind, triggers) == classify_message(text), label


def test_empty_series_gives_an_empty_table():
    table = classify_messages(pd.Series([], dtype=object))
    assert table.empty
    assert list(table.columns) == ["kind", "triggers"]


def test_phrase_table_is_readable_data():
    table = phrase_table()
    assert set(table.kinds) <= set(PHRASE_KINDS)
    assert {"pitch", "generic", "personal"} <= set(table.kinds)
    assert "rendez-vous" in table.phrases and "free trial" in table.phrases


def test_a_long_note_without_evidence_is_generic_not_personal():
    """The old default: more than three words left after the generic phrases meant personal."""
    texts = [
        "Hello Samuel, I hope this message finds you well. I am reaching out because I believe "
        "in building meaningful professional relationships with like-minded individuals.",
        "Bonjour, je m'intéresse beaucoup à la finance durable et je suis vos publications depuis "
        "un moment. Au plaisir d'échanger.",
    ]
    for text in texts:
        assert classify_message(text)[0] == "generic", text
    assert classify_message("Hi Jake, hope your week is going great!") == (
        "generic", ("hi",)
    )
    # With no cue at all, the triggers say why it is generic.
    assert classify_message("Quel beau parcours, vraiment.") == ("generic", (NO_EVIDENCE,))


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Salut, on était dans la même promo à l'IUT de Lannion !", "personal", "même promo"),
        ("Code promo BIENVENUE20 : -20% sur votre abonnement.", "pitch", "code promo"),
        ("Je vous contacte au sujet d'une offre d'emploi en CDI à Nantes.", "personal",
         "offre d'emploi"),
        ("Offre spéciale de lancement : votre site à 490 €.", "pitch", "offre spéciale"),
        ("Je recrute pour une startup à Grenoble un développeur C++ en CDI.", "personal",
         "je recrute pour"),
        ("Je recrute des partenaires motivés pour une activité depuis chez eux, pas besoin "
         "d'expérience.", "pitch", "recrute des partenaires"),
        ("I'm a third-year student, would you have 15 minutes to share advice on how you got "
         "started?", "personal", "share advice"),
        ("Would you have 15 minutes this week so I can show you our platform?", "pitch",
         "show you"),
        ("Super rencontre au meetup hier soir, merci pour ta démo de Svelte !", "personal",
         "ta démo"),
        ("Hiring a Staff Data Engineer (remote EU, €95-110k). Your Spark work fits well.",
         "personal", "hiring a"),
    ],
)
def test_ambiguous_words_are_settled_by_context(text, kind, trigger):
    got, triggers = classify_message(text)
    assert got == kind, triggers
    assert trigger in triggers


def test_a_sales_note_with_a_shared_event_is_still_a_pitch():
    text = ("Bonjour, nous étions tous les deux au Salon des Entrepreneurs de Nantes ! Je serais "
            "ravi de vous proposer une refonte de votre site avec 15% de remise salon.")
    kind, triggers = classify_message(text)
    assert kind == "pitch"
    assert "vous proposer" in triggers and "remise" in triggers


def test_a_note_longer_than_the_cap_is_cut_and_says_so():
    text = "Hello! " + "x" * MAX_NOTE_CHARS + " Book a call for a free demo."
    kind, triggers = classify_message(text)
    assert kind == "generic"  # the pitch is beyond the cut
    assert triggers[-1] == cut_mark() == "note cut at 8,000 characters"
    kind, triggers = classify_message("Book a call for a free demo.")
    assert kind == "pitch" and "book a call" in triggers


def test_cues_found_are_in_order_and_never_nested():
    norm = normalise_message("Nous proposons un essai gratuit et une démo gratuite à 19 €/mois.")
    found = find_cues(norm)
    starts = [start for start, _, _ in found]
    assert starts == sorted(starts)
    ends = [end for _, end, _ in found]
    assert ends == sorted(ends), "a cue inside an earlier, longer one is left out"
    table = phrase_table()
    shown = [table.shown(index, norm[start:end]) for start, end, index in found]
    assert "essai gratuit" in shown and "démo gratuite" in shown and "gratuit" not in shown


def test_the_cue_table_is_checked_when_read():
    from invite_triage.domain.intent import _problems

    rows = [{"cue": "demo", "kind": "pitchy", "weight": "3"},
            {"cue": "re:(a|b)", "kind": "pitch", "weight": "x"},
            {"cue": "Démo", "kind": "pitch", "weight": "3"}]
    problems = _problems(rows)
    assert any("row 2, column kind" in p for p in problems)
    assert any("row 3, column weight" in p for p in problems)
    assert any("capturing groups" in p for p in problems)
    assert any("row 4, column cue: 'Démo' repeats row 2" in p for p in problems)


# --- round 2: links, recruiters, shared pasts ---------------------------------------------------


def test_a_link_counts_once_however_many_parts_or_addresses():
    kind, triggers = classify_message("Check https://www.example.com/a and www.example.org/b")
    assert kind == "pitch"  # a stranger's link is a pitch...
    assert triggers == ("https://www.example.com/a", "www.example.org/b")
    norm = normalise_message("Details: https://www.meetup.com/denver/events/1/ thanks")
    table = phrase_table()
    links = [table.shown(i, norm[s:e]) for s, e, i in find_cues(norm) if table.kinds[i] == "link"]
    assert links == ["https://www.meetup.com/denver/events/1/"], "https, www, the domain: one cue"


@pytest.mark.parametrize(
    "text",
    [
        "Great chatting at the Rust meetup last night! My slides: https://www.example.com/slides",
        "Bonjour, suite à notre échange au forum de l'emploi, voici le lien de l'atelier : "
        "https://www.example.fr/atelier",
    ],
)
def test_a_link_beside_a_shared_context_is_not_a_pitch(text):
    assert classify_message(text)[0] == "personal"


def test_a_link_beside_a_shared_context_counts_when_the_note_offers_something():
    text = ("Great meeting you at the conference. Check out our platform: www.example.com")
    kind, triggers = classify_message(text)
    assert kind == "pitch"
    assert "www.example.com" in triggers


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Hi, I'm running a VP Engineering search for a Series A robotics company (c. $220k + "
         "equity). Happy to tell you more on a call.", "running a vp engineering search"),
        ("Hello, I'm the hiring manager for a Data Analyst position at Acme. Open to a quick "
         "call?", "a data analyst position"),
        pytest.param(
            "Bonjour, nous cherchons un cariste pour une mission d'intérim de 3 mois, 12€/h + "
            "primes. Disponible pour un appel ?", "mission d'interim",
            marks=pytest.mark.xfail(strict=True, reason=(
                "round 7 reads it as a pitch (an hourly rate, 'primes', 'disponible'): the "
                "round-4 rule that a strong personal reading of the cue table may not be "
                "overruled was dropped, since on 14 corpora the table had never seen it let "
                "through more pitches (50 instead of 42) than it saved (data/intent/README.md)"
            )),
        ),
    ],
)
def test_recruiter_evidence_outweighs_a_call_request(text, trigger):
    kind, triggers = classify_message(text)
    assert kind == "personal", triggers
    assert trigger in triggers


@pytest.mark.parametrize(
    "text",
    [
        "We sang together in the Riverside choir, so good to find you here!",
        "Remember when we were on the same crew at the Seattle warehouse?",
        "It's Dan from the night shift at Mercy General. Hope you're well!",
        "Ex-Acme Lisbon team reunion this summer? Would be fun to catch up.",
        "Hi Kim, great hike last weekend with the Sierra Club group. Let's keep in touch!",
        "Hey, we met at the beach cleanup last Saturday, nice to connect!",
        "Back when we shared that tiny office in Leeds I never thought you'd end up at NASA!",
        "Salut Léa, on a bossé ensemble sur le chantier de Rennes, content de te retrouver !",
        "Bonjour Paul, nous étions dans la même chorale à Lille à l'époque où je vivais là-bas.",
        "Coucou, super répétition hier soir, à la semaine prochaine !",
        "Bonjour, on s'est vus l'an dernier au festival de Cornouaille, au stand des bénévoles.",
    ],
)
def test_a_shared_past_in_other_words_is_personal(text):
    kind, triggers = classify_message(text)
    assert kind == "personal", triggers


def test_the_longest_match_wins_and_a_written_cue_beats_a_pattern_of_the_same_length():
    """``we met`` (3) and the weak pattern ``we <verb>`` (1) match the same words: the cue as
    written wins, whatever the length of the pattern's source."""
    kind, triggers = classify_message("Hi Ana, we met at the bake sale!")
    assert triggers[0] == "we met" and kind == "personal"
    table = phrase_table()
    patterns = [table.phrases[i].startswith("re:") or any(m in table.phrases[i] for m in "#*~")
                for i in range(len(table.phrases))]
    assert patterns == sorted(patterns), "cues as written come before patterns"


@pytest.mark.parametrize(
    "text",
    [
        "Hi Tom, congrats on the new role! Our platform helps new CROs hit quota. 15 minutes?",
        "We worked with teams like yours at Acme together with our partners: book a demo.",
        "Bonjour, on s'est croisés au salon. Voici notre offre : https://www.example.fr/promo",
    ],
)
def test_a_shared_context_does_not_hide_an_offer(text):
    assert classify_message(text)[0] == "pitch"
