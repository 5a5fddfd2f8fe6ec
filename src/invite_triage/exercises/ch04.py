"""Exercises of chapter 04 (shared groups): who shares your groups, and is it a good sign."""

from __future__ import annotations

from invite_triage.exercises import Feedback, exercise, feedback
from invite_triage.exercises._answers import as_float, as_int, as_word
from invite_triage.models.groups import GroupsModel
from invite_triage.world.datasets import example_profile, load_invitations

#: Answers within this distance of the exact share count as right (two decimals are enough).
SHARE_TOLERANCE = 0.006


def _model() -> GroupsModel:
    return GroupsModel(load_invitations(), example_profile())


def _at_least_one() -> tuple[int, float, float]:
    """Invitations sharing one of your groups, and the relevant share among them and overall."""
    model = _model()
    shares = model.n_counted(model.groups) >= 1
    truth = model.truth
    among = float(truth[shares].mean()) if shares.any() else float("nan")
    return int(shares.sum()), among, float(truth.mean())


def _same_name(text: str) -> str:
    return text.replace("’", "'").casefold().strip()


@exercise(
    "any_shared_group",
    "Keep the invitations whose `shared_groups` list is not empty (the lists only contain your "
    "own groups) and count them.",
    '(invitations["shared_groups"].str.len() > 0).sum()',
)
def check_any_shared_group(answer: object) -> Feedback:
    value = as_int(answer)
    if value is None:
        return feedback(False, "", "give a whole number of invitations.")
    expected, _, _ = _at_least_one()
    total = len(load_invitations())
    if value == expected:
        return feedback(True, f"{expected} of {total} invitations share at least one group.", "")
    if value == total - expected:
        return feedback(False, "", "that counts the invitations sharing NO group.")
    return feedback(False, "", 'invitations["shared_groups"].str.len() gives the number of '
                    "shared groups per invitation; count those above 0.")


@exercise(
    "most_shared_group",
    "Explode the lists of shared groups into one row per (invitation, group) and count the "
    "groups; the app's left chart shows the same bars.",
    'invitations["shared_groups"].explode().value_counts().idxmax()',
)
def check_most_shared_group(answer: object) -> Feedback:
    word = as_word(answer)
    model = _model()
    groups = {_same_name(g): g for g in model.groups}
    if word is None or _same_name(word) not in groups:
        return feedback(False, "", "give the name of one of your groups, as in profile.groups.")
    counts = model.per_group["invitations"]
    best = counts[counts == counts.max()].index.tolist()
    chosen = groups[_same_name(word)]
    if chosen in best:
        return feedback(True, f"{chosen} is shared by {int(counts[chosen])} invitations.", "")
    return feedback(
        False, "",
        f"{chosen} is shared by {int(counts[chosen])} invitations; one of your groups is "
        "shared more often (the longest bar in the groups app).",
    )


@exercise(
    "shared_group_precision",
    "Among the invitations sharing at least one group, take the mean of the hidden `relevant` "
    "column; compare with its mean over all invitations. Shared groups are a good sign, not a "
    "proof.",
    'shares = invitations["shared_groups"].str.len() > 0\n'
    'invitations.loc[shares, "relevant"].mean(), invitations["relevant"].mean()',
)
def check_shared_group_precision(answer: object) -> Feedback:
    value = as_float(answer)
    if value is None:
        return feedback(False, "", "give a number between 0 and 1, e.g. 0.5.")
    if 1 < value <= 100:
        value = value / 100  # a percentage typed as 69
    _, expected, overall = _at_least_one()
    if abs(value - expected) <= SHARE_TOLERANCE:
        return feedback(
            True,
            f"{expected:.2f} of them are relevant, against {overall:.2f} of all invitations: "
            "sharing a group is a good sign, not a proof.",
            "",
        )
    if abs(value - overall) <= SHARE_TOLERANCE:
        return feedback(False, "", "that is the share among ALL invitations; keep only those "
                        "sharing at least one group.")
    return feedback(False, "", 'select the rows with invitations["shared_groups"].str.len() > 0 '
                    'and take the mean of their "relevant" column.')
