"""Write notebooks 05–07 of the guide (part 2) and the standalone inbox app notebook.

Run from the repository root: ``.venv/bin/python tools/build_notebooks_part2.py``.
Notebooks are written without outputs and with ``execution_count`` None, as the suite expects.
The cell helpers are shared with part 1 (``build_notebooks_part1.py``), so every chapter opens
and closes the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nbformat.v4 import new_code_cell, new_markdown_cell

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_notebooks_part1 import (
    ARTICLE,
    exercise_cells,
    header,
    key_points,
    write_notebooks,
)

CAP = "LinkedIn Help, answer a551012"


# --------------------------------------------------------------------------------------------
# 05 · Beyond the profile
# --------------------------------------------------------------------------------------------
def beyond_the_profile() -> list:
    return [
        new_markdown_cell(header(
            "05 · Beyond the profile: people you know, asking first, sales pitches",
            [
                "Do you have to accept a request just because the profile looks right?",
                "What happens if you accept only people you know outside LinkedIn?",
                "When you are unsure, how do you ask — and what gives a sales pitch away?",
            ],
            [
                "Compare the balanced, known-only and open policies by their decisions, and "
                "say what the strict policy costs.",
                "Draft an \"ask first\" message, in English or French, for a pending invitation.",
                "Classify an invitation note as personal, generic, pitch or empty, and name the "
                "phrases that decided.",
            ],
            15, 15,
        )),
        new_markdown_cell(
            "## You never owe anyone a yes\n\n"
            "Chapters 01–04 weighed the four clues of " + ARTICLE + ". After them, the article "
            "changes tone. Whatever the clues say, nobody is *entitled* to a place in your "
            "network, and wanting a network of well-chosen people is entirely legitimate. The "
            "article even defends a strict line: keep your network to people you have met in "
            "person or chat with often, here or elsewhere online. A promising profile may be "
            "turned away too, if LinkedIn is the only place you have ever heard from them.\n\n"
            "For the doubtful cases it offers a middle way: send a short message before "
            "deciding, asking what they have in mind and what you might do for each other. The "
            "reply tells you whether there is a real reason behind the request, or only a "
            "sales list to grow.\n\n"
            "This chapter turns those three ideas into tools: a **policy** switch, an **ask "
            "first** message drafter, and a reader of the **intent** behind a note."
        ),
        new_code_cell(
            "import pandas as pd\n\n"
            "from invite_triage.datasets import example_profile, load_invitations\n"
            "from invite_triage.triage import triage\n\n"
            "invitations = load_invitations()\n"
            "profile = example_profile()\n"
            'invitations["known_offline"].value_counts()'
        ),
        new_markdown_cell(
            "`known_offline` marks the inviters you have met outside LinkedIn. Your profile also "
            "keeps a list of names you know from elsewhere, `profile.known_people`; the `known` "
            "criterion of the triage is 1 for anyone in either."
        ),
        new_code_cell('triage(invitations, profile)["known"].value_counts()'),
        new_markdown_cell(
            "## Three policies\n\n"
            "Your profile's `policy` says how strict you want to be:\n\n"
            "- `balanced` (the default): the criteria decide, with two safety rules — someone "
            "you know is never declined for their job alone, and a sales pitch is never accepted "
            "outright;\n"
            "- `known_only`: the article's strict line — only people you know get in;\n"
            "- `open`: for people who want reach — anyone without a warning sign is accepted "
            "(a warning sign is a pitch, or no mutual connection together with a generic note).\n\n"
            "Switch between them. The table under the chart also measures each policy's "
            "\"accept\" against the hidden answers (precision: the share of accepted people who "
            "are truly relevant; recall: the share of relevant people you accept)."
        ),
        new_code_cell(
            "from invite_triage.widgets.weights_app import policy_app\n\n"
            "policy_app(invitations, profile)"
        ),
        new_markdown_cell(
            "What to notice: `known_only` has the best precision — almost everyone it lets in "
            "is worth it — and the worst recall: most relevant people are strangers to you, and "
            "it declines them all. `open` is the mirror image. Neither is wrong: they serve "
            "different goals. If what you want from LinkedIn is a trusted circle, the strict "
            "policy is a perfectly good choice, and the article says so."
        ),
        new_markdown_cell(
            "## Asking first\n\n"
            "Between accept and decline, the triage has a third answer: **ask first**. It "
            "suggests it when the clues pull both ways or say too little. Instead of guessing, "
            "you send a short message (a reply, or an InMail) that asks what the person hopes "
            "for and offers something in return. The package drafts one, in English or French, "
            "from what the invitation shows: who they are, what you share, what is unclear.\n\n"
            "Pick an invitation the triage would ask about, switch the language, and read the "
            "draft. It is a starting point: edit it before sending, and never send it to "
            "everyone at once."
        ),
        new_code_cell(
            "from invite_triage.widgets.drafter_app import drafter_app\n\n"
            "drafter_app(invitations, profile)"
        ),
        new_markdown_cell(
            "The example profile writes in French (`profile.language`), so the drafter starts in "
            "French and the reasons above are in French; the toggle changes only the draft. To "
            "get everything in English, use `dataclasses.replace(profile, language=\"en\")`, as "
            "chapter 06 does."
        ),
        new_markdown_cell(
            "## Spotting a sales pitch\n\n"
            "The article's last warning is about people who grow their network in order to sell "
            "to it. Their invitation notes often give them away: a demo, a quick call, a free "
            "trial, qualified leads, a price. The package sorts every note into four kinds:\n\n"
            "| kind | what it means |\n|---|---|\n"
            "| `personal` | says who they are or why they write to *you* |\n"
            "| `generic` | LinkedIn's default sentence or a bare greeting: says nothing either "
            "way |\n"
            "| `pitch` | a commercial hook |\n"
            "| `empty` | no note at all — the most common case |\n\n"
            "Here is how the kinds split across the hidden personas:"
        ),
        new_code_cell(
            "from invite_triage.intent import classify_messages\n\n"
            'kinds = classify_messages(invitations["message"])["kind"]\n'
            'pd.crosstab(kinds, invitations["persona"])'
        ),
        new_markdown_cell(
            "Pitches come almost only from prospectors and spam, but most prospectors send no "
            "note or a generic one: a note that is *not* a pitch proves little. Type or paste any "
            "note below, English or French, and see its kind and the phrases that decided "
            "(highlighted). Try to write a pitch the reader misses — and then think about what "
            "else would give it away."
        ),
        new_code_cell(
            "from invite_triage.widgets.intent_app import intent_app\n\n"
            "intent_app()"
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch05 import (\n"
            "    check_known_only_accepts,\n"
            "    check_known_only_missed,\n"
            "    check_pitch_note,\n"
            ")"
        ),
        *exercise_cells(
            1, "known_only_accepts", "check_known_only_accepts",
            "Under the `known_only` policy, how many invitations are **accepted**? Give a whole "
            "number. *Hint: the policy app, or "
            "`triage(invitations, dataclasses.replace(profile, policy=\"known_only\"))`.*",
        ),
        *exercise_cells(
            2, "known_only_missed", "check_known_only_missed",
            "How many invitations that are truly relevant (hidden column `relevant`) does the "
            "`known_only` policy **decline**? Give a whole number: it is the price of the "
            "strict line.",
        ),
        *exercise_cells(
            3, "pitch_note", "check_pitch_note",
            "Write an invitation note of at most 25 words, in English or French, that the intent "
            "reader classifies as a `pitch`. Give it as a string.",
        ),
        new_markdown_cell(key_points([
            "You never have to accept: who gets into your network is your call, and accepting "
            "only people you know is a legitimate policy (after the \"My Marketing Manager\" "
            "article).",
            "The known-only policy is precise but misses most relevant strangers; the open "
            "policy is the reverse. Choose by your goals.",
            "When the clues disagree, ask first: a short message asking what they expect shows "
            "whether the request is serious.",
            "A note can give away commercial intent (demo, call, leads, prices); most notes are "
            "empty or generic, so the absence of a pitch proves little.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# 06 · Putting it together
# --------------------------------------------------------------------------------------------
def putting_it_together() -> list:
    return [
        new_markdown_cell(header(
            "06 · Putting it together: weights, thresholds and your inbox",
            [
                "How do six clues become one decision?",
                "How much should each clue weigh for you, and where do you draw the lines?",
                "What is it like to work through an inbox with the triage as an assistant?",
            ],
            [
                "Explain the score as a weighted mean of the criteria, and the two thresholds "
                "that turn it into accept, ask first or decline.",
                "Tune weights and thresholds and read the effect on decisions, precision, recall "
                "and F1.",
                "Decide pending invitations one by one with their reasons, and read what your "
                "choices do to your network.",
            ],
            15, 20,
        )),
        new_markdown_cell(
            "## From six clues to one score\n\n"
            "The triage gives every invitation six criterion scores between 0 and 1 — the four "
            "clues of " + ARTICLE + " (`job`, `career`, `mutuals`, `groups`) and the two ideas of "
            "chapter 05 (`known`, `intent`) — then combines them into one **score**, their "
            "weighted mean. Two thresholds turn the score into a decision: at or above "
            "`accept`, accept; at or above `ask`, ask first; below, decline. Two rules from the "
            "article come last: someone you know is never declined for their job alone, and a "
            "sales pitch is never accepted outright.\n\n"
            "The example profile writes in French; here we switch it to English so that the "
            "reasons read in the guide's language."
        ),
        new_code_cell(
            "from dataclasses import replace\n\n"
            "from invite_triage.criteria import CRITERIA\n"
            "from invite_triage.datasets import example_profile, load_invitations\n"
            "from invite_triage.triage import DEFAULT_THRESHOLDS, preset_weights, triage\n\n"
            "invitations = load_invitations()\n"
            'profile = replace(example_profile(), language="en")\n'
            "triaged = triage(invitations, profile)\n"
            'triaged[["name", *CRITERIA, "score", "decision"]].head()'
        ),
        new_code_cell('triaged["reasons"].head(3).tolist()'),
        new_markdown_cell(
            "The weights start from a preset that follows your goals (a job search raises the "
            "weight of the job and of mutual connections, caring for your image raises groups "
            "and the note), scaled to add up to 1:"
        ),
        new_code_cell("preset_weights(profile), DEFAULT_THRESHOLDS"),
        new_markdown_cell(
            "## Is the combination worth it?\n\n"
            "Against the hidden answers, compare the engine with accepting everyone and with "
            "each criterion **alone**, each at the threshold that suits it best (chosen on the "
            "same data, which favours the single criteria, not the engine):"
        ),
        new_code_cell(
            "from invite_triage.evaluation import compare_strategies\n\n"
            "compare_strategies(invitations, profile).round(2)"
        ),
        new_markdown_cell(
            "No single clue matches the combination: each one sees a different side of the "
            "sender, and their mistakes do not overlap completely. That is the article's method "
            "made measurable — look at several clues before deciding."
        ),
        new_markdown_cell(
            "## Your weights, your thresholds\n\n"
            "Each slider on the left is one criterion's weight (0 switches it off); on the right "
            "are the two thresholds. The bars count the decisions, and the summary measures "
            "\"accept\" against the hidden answers. The ask threshold can never be above the "
            "accept threshold — if you try, the app tells you how to fix it."
        ),
        new_code_cell(
            "from invite_triage.widgets.weights_app import weights_app\n\n"
            "weights_app(invitations, profile)"
        ),
        new_markdown_cell(
            "Things to try: raise the accept threshold to 0.7 — precision rises, recall falls, "
            "and the \"ask first\" bar grows; set every weight to 0 except `known` — you get "
            "the known-only policy by another road; set them *all* to 0 — there is no score "
            "left, and the app says so."
        ),
        new_markdown_cell(
            "## Your inbox, one invitation at a time\n\n"
            "Numbers over hundreds of requests are one view; deciding them is another. The inbox "
            "below shows one pending invitation at a time: the profile card, what each criterion "
            "contributed to the score (blue) out of what it could have (grey), the suggested "
            "decision with its reasons, and a drafted message in case you want to ask first. "
            "Decide with **Accept**, **Ask first** or **Decline**; **Skip** leaves it for later, "
            "**Previous** and **Next** move without deciding. The summary keeps count of the "
            "network you are building, how relevant it is, and how often you agree with the "
            "suggestion.\n\n"
            "**Keyboard**: press Tab (Shift+Tab to go back) to move between the buttons, and "
            "Enter or Space to press the one with the focus.\n\n"
            "The suggestion is advice, not a verdict: disagree whenever you know something the "
            "data does not. The same app runs full-screen with `make app`."
        ),
        new_code_cell(
            "from invite_triage.widgets.inbox_app import inbox_app\n\n"
            "inbox_app(invitations, profile)"
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch06 import (\n"
            "    check_best_accept_threshold,\n"
            "    check_best_single_criterion,\n"
            "    check_top_criterion,\n"
            ")"
        ),
        *exercise_cells(
            1, "best_single_criterion", "check_best_single_criterion",
            "In the comparison table, which criterion **alone** comes closest to the engine's "
            "F1? Give its name as a string.",
        ),
        *exercise_cells(
            2, "top_criterion", "check_top_criterion",
            "Open the inbox on its first invitation. Which criterion contributed **most** to its "
            "score? Give its name as a string.",
        ),
        *exercise_cells(
            3, "best_accept_threshold", "check_best_accept_threshold",
            "In the weights app, with the preset weights, set **ask** to 0.30. Which **accept** "
            "threshold among 0.30, 0.35, 0.40, …, 0.70 gives the highest F1? Give a number.",
        ),
        new_markdown_cell(key_points([
            "The score is a weighted mean of six criteria; two thresholds turn it into accept, "
            "ask first or decline, and two rules from the article come last.",
            "Combining the clues beats any single clue, even one given its best threshold.",
            "Raising the accept threshold buys precision with recall; F1 balances the two.",
            "Weights and thresholds are yours to set; the reasons always say which clues "
            "decided.",
            "The inbox is an assistant: it suggests and explains, you decide.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# 07 · Quality versus size
# --------------------------------------------------------------------------------------------
def quality_versus_size() -> list:
    return [
        new_markdown_cell(header(
            "07 · Quality versus size: what a bigger network costs",
            [
                "Is a bigger network a better network?",
                "What do you gain and lose as you accept more people?",
                "How does each policy shape your network over two years?",
            ],
            [
                "Compare policies by size, relevance share, feed noise, exposure and reach, "
                "telling estimates from ground truth.",
                "Place an accept threshold on the quality-versus-size curve and read its cost.",
                "State LinkedIn's 30,000-connection cap and what first-degree connections can "
                "see about you.",
            ],
            15, 15,
        )),
        new_markdown_cell(
            "## Five numbers for one network\n\n"
            "The thesis of " + ARTICLE + " is that a small, qualified network beats a large one, "
            "as on any social network. To test it we measure a network five ways:\n\n"
            "| measure | what it counts |\n|---|---|\n"
            "| **size** | how many contacts |\n"
            "| **relevance share** | the share of them who matter to you |\n"
            "| **feed noise** | the share of your feed written by people who do not |\n"
            "| **exposure** | strangers with weak signals who can now see your connections and, "
            "depending on your privacy settings, your e-mail address |\n"
            "| **reach** | relevant people one step further, through your relevant contacts' "
            "mutual connections |\n\n"
            "Each measure exists twice. The **estimate** uses only what the criteria can see "
            "(mostly the job family). The **ground truth** uses the synthetic world's hidden "
            "answers; real data never has it. Feed noise rests on assumed posting rates per kind "
            "of sender (salespeople and spammers post more), written in the package as "
            "assumptions, not measurements."
        ),
        new_code_cell(
            "import pandas as pd\n\n"
            "from invite_triage.datasets import example_profile, load_connections, "
            "load_invitations\n"
            "from invite_triage.quality import POSTS_PER_WEEK_BY_PERSONA, QualityCurve\n\n"
            "invitations = load_invitations()\n"
            "profile = example_profile()\n"
            'pd.Series(POSTS_PER_WEEK_BY_PERSONA, name="assumed posts per week")'
        ),
        new_markdown_cell(
            "## Policies compared\n\n"
            "Accept everyone, accept only people you know, or accept whoever scores above a "
            "threshold (the criteria, at several thresholds). The package scores every invitation "
            "once and keeps a *curve* object that can answer for any threshold without "
            "triaging again; the slider at the end of the chapter reuses it."
        ),
        new_code_cell(
            "curve = QualityCurve.from_invitations(invitations, profile)\n"
            "table = curve.curve([0.3, 0.4, 0.5, 0.6, 0.7])\n"
            'table[["policy", "threshold", "size", "relevance_share", "relevance_share_true",\n'
            '       "feed_noise_true", "exposure_true", "reach_true"]].round(2)'
        ),
        new_code_cell(
            "from invite_triage.charts import plot_quality_vs_size\n"
            "from invite_triage.widgets import FigureView\n\n"
            "FigureView(plot_quality_vs_size(curve))"
        ),
        new_markdown_cell(
            "Read the chart from right to left. Accepting everyone gives the biggest network and "
            "the lowest relevance; each step up in threshold drops people, most of them "
            "irrelevant, so relevance climbs and the noise in your feed falls. Reach falls too, "
            "but slowly at first: the relevant people you keep carry most of it. The known-only "
            "point sits below the curve: a high threshold would give a network of the same size "
            "with more relevant people. What known-only buys is something the curve does not "
            "measure — every contact is someone you trust."
        ),
        new_markdown_cell(
            "## Two years of growth\n\n"
            "Start from your existing network and replay the two years of invitations month by "
            "month under each policy:"
        ),
        new_code_cell(
            "from invite_triage.charts import plot_growth\n"
            "from invite_triage.quality import simulate_growth\n\n"
            "growth = simulate_growth(invitations, profile, existing=load_connections())\n"
            "FigureView(plot_growth(growth))"
        ),
        new_markdown_cell(
            "Size grows month after month under every policy except known-only, and relevance "
            "drifts apart: down when you accept everyone, up with the criteria. A network does "
            "not get worse in one click, but every irrelevant acceptance stays, and after two "
            "years the policies have built quite different places."
        ),
        new_markdown_cell(
            "## Who ends up in your network\n\n"
            "The same invitations, seen through each policy, by job family (families that "
            "matter to you first, hatched):"
        ),
        new_code_cell(
            "from invite_triage.charts import plot_composition\n"
            "from invite_triage.widgets.quality_app import policy_networks\n\n"
            "FigureView(plot_composition(policy_networks(invitations, profile), profile))"
        ),
        new_markdown_cell(
            "## Your threshold on the curve\n\n"
            "Move the slider: the marked point travels along the curve, and the table gives the "
            "five measures at your threshold — the estimate and the ground truth in separate "
            "columns — next to accepting everyone."
        ),
        new_code_cell(
            "from invite_triage.widgets.quality_app import quality_app\n\n"
            "quality_app(curve=curve)"
        ),
        new_markdown_cell(
            "## The ceiling, and who sees what\n\n"
            "Size has a hard limit: LinkedIn allows at most **30,000 first-degree connections** "
            "(" + CAP + "). Members who send many invitations that are ignored or answered "
            "with \"I don't know this person\" can also be restricted. At the pace of this "
            "synthetic inbox, accepting everyone would take generations to reach the cap "
            "(exercise 3): for most people the limit is not practical but a statement — the "
            "platform itself does not treat \"more\" as \"better\".\n\n"
            "The other cost is **exposure**. A first-degree connection can, by default, browse "
            "your list of connections, and can see your e-mail address if your privacy settings "
            "allow it; LinkedIn's own export of someone's connections includes the e-mail "
            "address of every connection who allows it. Each stranger you accept is one more "
            "person with that view of you and your network."
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch07 import (\n"
            "    check_growth_gap,\n"
            "    check_relevance_threshold,\n"
            "    check_years_to_cap,\n"
            ")"
        ),
        *exercise_cells(
            1, "relevance_threshold", "check_relevance_threshold",
            "With the quality app, find the **lowest** threshold (two decimals) at which at "
            "least 90 % of the people accepted are truly relevant (ground truth). Give a number.",
        ),
        *exercise_cells(
            2, "growth_gap", "check_growth_gap",
            "At the last month of the growth simulation, how many more contacts does "
            "`accept_all` have than `balanced`? Give a whole number (use the `growth` table).",
        ),
        *exercise_cells(
            3, "years_to_cap", "check_years_to_cap",
            "Accepting everyone at this inbox's average pace (accepted invitations per year in "
            "the `growth` table), about how many years would it take to go from the final "
            "`accept_all` size to LinkedIn's 30,000 cap? Give a number.",
        ),
        new_markdown_cell(key_points([
            "A network's value is not its size: relevance, feed noise, exposure and reach all "
            "move as you accept more people (the \"My Marketing Manager\" article's quality "
            "before quantity).",
            "Raising the threshold trades size for relevance; reach falls more slowly, because "
            "relevant contacts carry most of it.",
            "Estimates are what the criteria can see; ground truth exists only in the synthetic "
            "world. Always say which one a number is.",
            "LinkedIn caps first-degree connections at 30,000 (LinkedIn Help a551012), and every "
            "connection can see your connections and possibly your e-mail address.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# The standalone app (make app → Voilà)
# --------------------------------------------------------------------------------------------
def inbox_app_notebook() -> list:
    return [
        new_markdown_cell(
            "# Invite Triage · your inbox\n\n"
            "Decide your pending LinkedIn invitations one by one: accept, ask first or decline, "
            "with the reasons for each suggestion. Keyboard: Tab moves between the buttons, "
            "Enter or Space presses one."
        ),
        new_code_cell(
            "from invite_triage.widgets.inbox_app import inbox_app\n\n"
            "inbox_app()"
        ),
    ]


NOTEBOOKS = {
    "05-beyond-the-profile.ipynb": beyond_the_profile,
    "06-putting-it-together.ipynb": putting_it_together,
    "07-quality-versus-size.ipynb": quality_versus_size,
    "inbox-app.ipynb": inbox_app_notebook,
}


def main() -> None:
    write_notebooks(NOTEBOOKS)


if __name__ == "__main__":
    main()
