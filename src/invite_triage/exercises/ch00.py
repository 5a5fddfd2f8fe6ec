"""Exercises of chapter 00 (start here): the synthetic world, accepting everyone, LinkedIn's
own buttons.

The exercises ask for a decision with its reason, not for a number already on screen: the
checkers recompute the evidence from the data and judge the decision against it.
"""

from __future__ import annotations

from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_names, as_word
from invite_triage.world.datasets import load_invitations

HIDDEN_COLUMNS = ("persona", "relevant")
#: How close a share must be to count as read correctly (0.41 and 41% both pass for 0.4119).
SHARE_TOLERANCE = 0.02

#: The two ways of handling an inbox the first exercise weighs, and the words that name them.
ACCEPT_ALL, TRIAGE = "accept everyone", "triage"
_STRATEGY_WORDS = {
    "accept everyone": ACCEPT_ALL, "accept all": ACCEPT_ALL, "accept_all": ACCEPT_ALL,
    "everyone": ACCEPT_ALL, "accept": ACCEPT_ALL, "all": ACCEPT_ALL,
    "triage": TRIAGE, "sort": TRIAGE, "filter": TRIAGE, "choose": TRIAGE, "select": TRIAGE,
}

#: LinkedIn's own controls (their names in the English interface) and what the other person
#: learns from each. Sources: LinkedIn Help, "Accept or ignore invitations to connect"
#: (answer 1303) for Accept, Ignore and replying; LinkedIn Help's pages on following members
#: and on removing connections for the other two.
LINKEDIN_BUTTONS: dict[str, str] = {
    "accept": "they join your first-degree network and LinkedIn tells them you accepted",
    "ignore": "the invitation is removed and LinkedIn does not tell them; they may invite you "
              "again",
    "reply": "they read your message (possible only when their invitation carries a note); "
             "replying does not accept the invitation",
    "follow": "you see their public posts without connecting; you appear among their "
              "followers, and the invitation is still waiting for your answer",
    "remove connection": "only for someone already connected: they leave your network and "
                         "LinkedIn does not tell them",
}
_BUTTON_WORDS = {
    **{name: name for name in LINKEDIN_BUTTONS},
    "remove": "remove connection", "reply to the note": "reply", "reply to note": "reply",
    "message": "reply",
}


def _share_relevant() -> float:
    return float(load_invitations()["relevant"].mean())


@exercise(
    "accept_everyone",
    "Accepting everyone turns the whole inbox into contacts, so the share of relevant contacts "
    "you would gain is the share of relevant invitations: the mean of the hidden `relevant` "
    "column. It is well under one half: most people you would add do not serve you, so you "
    "triage.",
    'share_relevant = invitations["relevant"].mean()\n'
    'decision = "triage" if share_relevant < 0.5 else "accept everyone"\n'
    "decision, share_relevant",
)
def check_accept_everyone(answer: object, share_relevant: object = None) -> Feedback:
    """``answer`` is the decision ("accept everyone" or "triage"), ``share_relevant`` the reason:
    the share of invitations that would truly serve you, from 0 to 1."""
    word = as_word(answer)
    decision = _STRATEGY_WORDS.get(word) if word else None
    if decision is None:
        return feedback(False, "", 'give the decision as "accept everyone" or "triage".')
    share = as_float(share_relevant)
    if share is None:
        return feedback(False, "", "also give your reason: share_relevant, the share of "
                        "invitations that are relevant, as a number from 0 to 1.")
    if 1 < share <= 100:
        share = share / 100  # a percentage typed as 41
    expected = _share_relevant()
    total = len(load_invitations())
    if abs(share - expected) > SHARE_TOLERANCE:
        return feedback(False, "", 'the share of relevant invitations is the mean of the hidden '
                        'column: invitations["relevant"].mean().')
    if decision == TRIAGE and expected < 0.5:
        useful = round(expected * total)
        return feedback(
            True,
            f"only {expected:.0%} are relevant: accepting all {total} would add about "
            f"{total - useful} people who do not serve you for {useful} who do. "
            "(In this synthetic world; chapter 09 changes that assumption.)",
            "",
        )
    return feedback(
        False, "",
        f"you found the share ({expected:.2f}); now weigh it: with fewer than half of them "
        "relevant, what would accepting everyone fill your network with?",
    )


@exercise(
    "hidden_columns",
    "`persona` (who the sender really is) and `relevant` (whether the connection would serve "
    "you) are the answer key: the guide uses them only to measure how good a rule is.",
    '["persona", "relevant"]',
)
def check_hidden_columns(answer: object) -> Feedback:
    names = as_names(answer)
    if names is None:
        return feedback(False, "", 'give a list of two column names, e.g. ["name", "title"].')
    expected = set(HIDDEN_COLUMNS)
    columns = {c.casefold() for c in load_invitations().columns}
    unknown = sorted(names - columns)
    if unknown:
        return feedback(False, "", f"{unknown} {'is' if len(unknown) == 1 else 'are'} not a "
                        "column of invitations; look at invitations.columns.")
    return feedback(
        names == expected,
        "persona and relevant are hidden ground truth: used to evaluate, never to decide.",
        "two columns say who the sender really is and whether they are worth it; you never "
        "see those on LinkedIn.",
    )


@exercise(
    "silent_button",
    "Ignore: the invitation goes away and LinkedIn does not tell the sender (LinkedIn Help, "
    '"Accept or ignore invitations to connect", answer 1303). There is no "Decline" button.',
    'answer = "Ignore"',
)
def check_silent_button(answer: object) -> Feedback:
    word = as_word(answer)
    if word in ("decline", "refuse", "reject"):
        return feedback(False, "", 'LinkedIn has no "Decline" button: look at the table above '
                        "for the button that turns an invitation down.")
    button = _BUTTON_WORDS.get(word) if word else None
    if button is None:
        return feedback(False, "", "give one button name from the table above, e.g. "
                        '"Accept".')
    if button == "ignore":
        return feedback(True, f"Ignore: {LINKEDIN_BUTTONS['ignore']}. Declining politely can "
                        "be as simple as that.", "")
    return feedback(False, "", f"{button.capitalize()}: {LINKEDIN_BUTTONS[button]}. Which "
                    "button turns the invitation down without telling them?")
