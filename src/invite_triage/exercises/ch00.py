"""Exercises of chapter 00 (start here): the synthetic world, accepting everyone, LinkedIn's
own buttons.

The exercises ask for a decision with its reason, not for a number already on screen: the
checkers recompute the evidence from the data and judge the decision against it.
"""

from __future__ import annotations

from invite_triage.core.formats import number, percent
from invite_triage.exercises import Feedback, exercise, feedback, say
from invite_triage.exercises._answers import as_float, as_key, as_names
from invite_triage.world.datasets import load_invitations

HIDDEN_COLUMNS = ("persona", "relevant")
#: How close a share must be to count as read correctly (0.41 and 41% both pass for 0.4119).
SHARE_TOLERANCE = 0.02

#: The two ways of handling an inbox the first exercise weighs, and the words that name them
#: (English or French; compared without case or accents).
ACCEPT_ALL, TRIAGE = "accept everyone", "triage"
_STRATEGY_WORDS = {
    "accept everyone": ACCEPT_ALL, "accept all": ACCEPT_ALL, "accept_all": ACCEPT_ALL,
    "everyone": ACCEPT_ALL, "accept": ACCEPT_ALL, "all": ACCEPT_ALL,
    "tout accepter": ACCEPT_ALL, "accepter tout le monde": ACCEPT_ALL,
    "accepter tous": ACCEPT_ALL, "tout le monde": ACCEPT_ALL, "accepter": ACCEPT_ALL,
    "tous": ACCEPT_ALL, "tout": ACCEPT_ALL,
    "triage": TRIAGE, "sort": TRIAGE, "filter": TRIAGE, "choose": TRIAGE, "select": TRIAGE,
    "trier": TRIAGE, "tri": TRIAGE, "faire le tri": TRIAGE, "filtrer": TRIAGE,
    "choisir": TRIAGE, "sélectionner": TRIAGE,
}

#: LinkedIn's own controls; what the other person learns from each is catalog text
#: ``exercise.ch00.button.<key>.effect``, the button's name in the interface
#: ``exercise.ch00.button.<key>.name``. Sources: LinkedIn Help, "Accept or ignore invitations
#: to connect" (answer 1303) for Accept, Ignore and replying; LinkedIn Help's pages on
#: following members and on removing connections for the other two.
LINKEDIN_BUTTONS: tuple[str, ...] = ("accept", "ignore", "reply", "follow", "remove_connection")
#: Other words for the buttons, English and French (the French interface's own names too).
_BUTTON_WORDS = {
    "remove": "remove_connection", "reply to the note": "reply", "reply to note": "reply",
    "message": "reply",
    "accepter": "accept", "ignorer": "ignore", "répondre": "reply", "répondre au message":
    "reply", "suivre": "follow", "retirer la relation": "remove_connection",
    "retirer": "remove_connection", "supprimer la relation": "remove_connection",
}
#: Words for a "Decline" button LinkedIn does not have.
_DECLINE_WORDS = {w: "decline" for w in (
    "decline", "refuse", "reject", "refuser", "décliner", "rejeter",
)}


def _share_relevant() -> float:
    return float(load_invitations()["relevant"].mean())


@exercise(
    "accept_everyone",
    'share_relevant = invitations["relevant"].mean()\n'
    'decision = "triage" if share_relevant < 0.5 else "accept everyone"\n'
    "decision, share_relevant",
)
def check_accept_everyone(answer: object, share_relevant: object = None) -> Feedback:
    """``answer`` is the decision ("accept everyone" or "triage"), ``share_relevant`` the reason:
    the share of invitations that would truly serve you, from 0 to 1."""
    decision = as_key(answer, (ACCEPT_ALL, TRIAGE), words=_STRATEGY_WORDS)
    if decision is None:
        return feedback(False, "", say("ch00.accept_everyone.hint_decision"))
    share = as_float(share_relevant)
    if share is None:
        return feedback(False, "", say("ch00.accept_everyone.hint_reason"))
    if 1 < share <= 100:
        share = share / 100  # a percentage typed as 41
    expected = _share_relevant()
    total = len(load_invitations())
    if abs(share - expected) > SHARE_TOLERANCE:
        return feedback(False, "", say("ch00.accept_everyone.hint_share"))
    if decision == TRIAGE and expected < 0.5:
        useful = round(expected * total)
        return feedback(
            True,
            say("ch00.accept_everyone.success", share=percent(expected), total=number(total),
                useless=number(total - useful), useful=number(useful)),
            "",
        )
    return feedback(False, "", say("ch00.accept_everyone.hint_weigh",
                                   share=number(expected, digits=2)))


@exercise("hidden_columns", '["persona", "relevant"]')
def check_hidden_columns(answer: object) -> Feedback:
    names = as_names(answer)
    if names is None:
        return feedback(False, "", say("ch00.hidden_columns.hint_list"))
    expected = set(HIDDEN_COLUMNS)
    columns = {c.casefold() for c in load_invitations().columns}
    unknown = sorted(names - columns)
    if unknown:
        which = "one" if len(unknown) == 1 else "many"
        return feedback(False, "", say(f"ch00.hidden_columns.hint_unknown_{which}",
                                       names=unknown))
    return feedback(
        names == expected,
        say("ch00.hidden_columns.success"),
        say("ch00.hidden_columns.hint"),
    )


def _button(key: str) -> tuple[str, str]:
    """A button's name in the interface and what the other person learns from it."""
    return say(f"ch00.button.{key}.name"), say(f"ch00.button.{key}.effect")


@exercise("silent_button", 'answer = "Ignore"')
def check_silent_button(answer: object) -> Feedback:
    if as_key(answer, ("decline",), words=_DECLINE_WORDS):
        return feedback(False, "", say("ch00.silent_button.hint_decline"))
    button = as_key(answer, LINKEDIN_BUTTONS, words=_BUTTON_WORDS)
    if button is None:
        return feedback(False, "", say("ch00.silent_button.hint_name"))
    name, effect = _button(button)
    if button == "ignore":
        return feedback(True, say("ch00.silent_button.success", button=name, effect=effect), "")
    return feedback(False, "", say("ch00.silent_button.hint_other", button=name, effect=effect))
