"""Write notebooks 00–04 of the guide (part 1) from the cell texts below.

Run from the repository root: ``.venv/bin/python tools/build_notebooks_part1.py``.
Notebooks are written without outputs and with ``execution_count`` None, as the suite expects.
The prose lives here, not in hand-edited JSON, so a change of wording is one diff.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    'the "My Marketing Manager" blog article *LinkedIn : doit-on accepter toutes les '
    "invitations ?*"
)


def header(
    title: str, questions: list[str], objectives: list[str], teach: int, exercises: int
) -> str:
    q = "\n".join(f"> - {line}" for line in questions)
    o = "\n".join(f"> - {line}" for line in objectives)
    return (
        f"# {title}\n\n> **Questions**\n>\n{q}\n>\n> **Objectives**\n>\n{o}\n>\n"
        f"> **Timing**: {teach} min teaching · {exercises} min exercises"
    )


def key_points(points: list[str]) -> str:
    return "## Key points\n\n" + "\n".join(f"- {p}" for p in points)


def exercise_cells(number: int, name: str, check: str, task: str) -> list:
    return [
        new_markdown_cell(f"### Exercise {number}\n\n{task}"),
        new_code_cell(f"answer = None  # replace None with your answer\n{check}(answer)"),
        new_code_cell(f'# solution("{name}")'),
    ]


def notebook(cells: list) -> nbformat.NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3", "display_name": "Python 3", "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.pop("id", None)
        if cell.cell_type == "code":
            cell.execution_count = None
            cell.outputs = []
    nb.nbformat, nb.nbformat_minor = 4, 4
    return nb


# --------------------------------------------------------------------------------------------
# 00 · Start here
# --------------------------------------------------------------------------------------------
def start_here() -> list:
    return [
        new_markdown_cell(header(
            "00 · Start here: should you accept every invitation?",
            [
                "Should you accept every LinkedIn connection request you receive?",
                "How do you use this guide: cells, apps, exercises?",
                "Who is the \"you\" of the guide, and what do you want from your network?",
            ],
            [
                "Run cells, move a control in an app, check an exercise and reveal its solution.",
                "Describe the synthetic world: what one invitation carries, and which two columns "
                "are hidden ground truth used only for evaluation.",
                "Explain how your goals decide which job families matter to you.",
            ],
            10, 10,
        )),
        new_markdown_cell(
            "## The question\n\n"
            "A few strangers ask to join your LinkedIn network every week. Accepting costs one "
            "click, so why not accept them all? " + ARTICLE[0].upper() + ARTICLE[1:] + " says no, "
            "without hesitation. Its argument, in our words: your LinkedIn network is a community "
            "like the ones you run on any other social platform, and its worth lies in who is in "
            "it, not in the head count. Some members treat their contact count as a score to "
            "beat; the article argues that reaching the widest possible audience is not what a "
            "LinkedIn profile is for. In short: **quality before quantity.**\n\n"
            "That moves the question: *how* do you tell a useful request from noise? For an "
            "invitation from someone you do not know, the article suggests weighing four clues — "
            "their **job**, their **career path**, the **connections** you share and the "
            "**groups** you share — and then adds three pieces of advice: you never owe anyone a "
            "yes, having met someone outside LinkedIn counts, and when in doubt you can write to "
            "them and ask what they expect from the connection.\n\n"
            "This guide turns those clues into rules you can try, tune and measure. Chapters 01–04 "
            "take the four clues one at a time. The later chapters combine them into a triage "
            "(**accept**, **ask first** or **decline**, always with reasons), measure how well it "
            "does, and show how to run it on your own LinkedIn export.\n\n"
            "Size also has a hard ceiling: LinkedIn stops a member at 30,000 first-degree "
            "connections (LinkedIn Help, answer a551012). Nobody's network can be \"everyone\"."
        ),
        new_markdown_cell(
            "## How to use this guide\n\n"
            "- **Run a cell**: click it and press **Shift+Enter**. Run cells in order, top to "
            "bottom: a cell that uses a name made in an earlier cell fails if that cell has not "
            "run. *Run → Run All Cells* runs the whole chapter.\n"
            "- **Apps**: some cells show a small app — tick boxes, sliders, text boxes, a chart "
            "and a summary. Drag a slider with the mouse, or click it and press the arrow keys "
            "(← →) to move one step at a time. The chart and the numbers update in place (for "
            "the sliders that recompute a whole triage, when you let go).\n"
            "- **If an app does not show** (you see a line of text such as `App(children=…)`, or "
            "nothing): open a terminal in the project folder and run `invite-triage doctor` (or "
            "`make doctor`). It checks your installation and prints the exact command that fixes "
            "anything missing. Then restart the kernel and run the chapter again.\n"
            "- **Exercises**: each chapter ends with two or three. Replace `None` with your answer "
            "and run the cell; the checker answers ✅ or gives you a hint. Stuck? Remove the `#` "
            "in front of `solution(\"…\")` in the cell below it and run that cell.\n"
            "- **Numbers in the text** come from the package, not from a keyboard: re-run a cell "
            "and you get the same answer, because the data are generated from a fixed seed."
        ),
        new_markdown_cell(
            "## The synthetic world\n\n"
            "Real invitations are other people's personal data, so the guide ships a synthetic "
            "world instead: you, your existing network, and two years of incoming invitations, "
            "all generated from a fixed seed. Load the invitations through the package:"
        ),
        new_code_cell(
            "import pandas as pd\n\n"
            "from invite_triage.datasets import example_profile, load_invitations\n\n"
            "invitations = load_invitations()\n"
            "len(invitations)"
        ),
        new_code_cell('invitations["sent_at"].agg(["min", "max"])'),
        new_markdown_cell(
            "Each row is one invitation and carries what LinkedIn shows you about the sender: "
            "`name`; `title`, their headline as they typed it (English or French, sometimes with a "
            "company, a slogan or an emoji); `company`; `years_experience`; how many "
            "`mutual_connections` you share and those people's titles (`mutual_titles`); the "
            "`shared_groups` you both belong to; the `message` they wrote (empty when they wrote "
            "none); whether you know them offline (`known_offline`); and when it arrived "
            "(`sent_at`)."
        ),
        new_code_cell('invitations.drop(columns=["persona", "relevant"]).head()'),
        new_markdown_cell(
            "Two more columns are **hidden ground truth**. `persona` says who the sender really "
            "is — a `peer` in your field, a `recruiter`, a company `boss`, a `beginner`, a "
            "`follower` of your field, a `stranger`, a `prospector` who wants to sell to you, or "
            "`spam`. `relevant` says whether the connection would actually serve you. You never "
            "see these on LinkedIn, and the guide never uses them to make a decision: they are "
            "used **only to evaluate** a rule afterwards, like the answer key of an exam."
        ),
        new_code_cell(
            'invitations.groupby("persona")["relevant"].agg(["size", "mean"]).round(2)'
        ),
        new_markdown_cell(
            "Read the `mean` column: the share of each persona that is relevant. No persona is "
            "all or nothing, except spam, and the signals overlap on purpose — a peer may send an "
            "empty message, a prospector may share many connections with you, a beginner's title "
            "may look like anyone's. **The criteria are clues, not proofs**: each one moves the "
            "odds, none settles the question alone. That is why every rule in this guide is "
            "measured against the hidden answers instead of being trusted."
        ),
        new_markdown_cell(
            "## \"You\": a Community Manager\n\n"
            "The article reasons from the point of view of a community manager, and so does the "
            "guide. Here is the example profile:"
        ),
        new_code_cell(
            "profile = example_profile()\n"
            'pd.Series(profile.to_dict(), name="you").to_frame()'
        ),
        new_markdown_cell(
            "- `title` gives your own job **family** (here `marketing`).\n"
            "- `goals` say what you want from your network (next section).\n"
            "- `groups` are the LinkedIn groups you belong to (chapter 04).\n"
            "- `known_people` are people you have met outside LinkedIn.\n"
            "- `policy` is how strict you want to be: `balanced`, `known_only` (accept only people "
            "you know, a choice the article calls perfectly legitimate) or `open`.\n"
            "- `mentoring`, from 0 to 1, is how willing you are to help beginners (chapter 02).\n"
            "- `language` is the language of the messages the guide drafts for you (`en` or `fr`)."
        ),
        new_markdown_cell(
            "## Your goals decide which jobs matter\n\n"
            "The article closes on the purposes a well-chosen network serves: looking for a job, "
            "prospecting for clients, keeping clients, and managing your image (your "
            "e-reputation). In the package they are `job_search`, `prospecting`, "
            "`client_retention` and `reputation`. Each goal raises the weight of some job "
            "families: looking for a job makes recruiters (`hr`) count more, prospecting or "
            "keeping clients makes company bosses (`leadership`) count more, caring for your "
            "image keeps your own field on top. A family whose weight reaches 0.5 **matters to "
            "you**.\n\n"
            "Tick and untick the goals below and watch the weights move."
        ),
        new_code_cell(
            "from invite_triage.widgets.title_app import goals_app\n\n"
            "goals_app(profile)"
        ),
        new_markdown_cell(
            "Things to try: untick `job_search` and watch `hr` fall — but stay above the line, "
            "because the article counts recruiters as relevant to anyone (they are potential "
            "employers); the goal only raises their weight. Tick `prospecting` and watch "
            "`leadership` rise, and `sales` creep up without reaching the line. Your own field "
            "stays at the top whatever you tick: people doing your job are the article's first "
            "kind of relevant contact."
        ),
        new_markdown_cell(
            "## Exercises\n\nRun this cell once to load the checkers."
        ),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch00 import (\n"
            "    check_goal_families,\n"
            "    check_hidden_columns,\n"
            "    check_invitation_count,\n"
            ")"
        ),
        *exercise_cells(
            1, "invitation_count", "check_invitation_count",
            "How many invitations did \"you\" receive over the two years of the synthetic world? "
            "Give a whole number.",
        ),
        *exercise_cells(
            2, "hidden_columns", "check_hidden_columns",
            "Which two columns of `invitations` are hidden ground truth, never used to decide? "
            "Give their names as a list of two strings.",
        ),
        *exercise_cells(
            3, "goal_families", "check_goal_families",
            "Suppose your **only** goal were `prospecting`. Which families would matter to you "
            "(weight at least 0.5)? Give a list of family names. *Hint: use the app above, or "
            "`dataclasses.replace(profile, goals=(\"prospecting\",)).relevant_families`.*",
        ),
        new_markdown_cell(key_points([
            "Accepting every invitation is not the goal: a network is worth who is in it "
            "(\"quality before quantity\", after the \"My Marketing Manager\" article).",
            "Four clues help with a stranger's request: job, career path, mutual connections, "
            "shared groups; you can also ask first, and you never have to accept.",
            "The guide's data are synthetic and seeded; `persona` and `relevant` are hidden "
            "ground truth used only to evaluate rules.",
            "Criteria are clues, not proofs: every signal overlaps between kinds of senders.",
            "Your goals set which job families matter to you; your own field always does.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# 01 · Their job
# --------------------------------------------------------------------------------------------
def their_job() -> list:
    return [
        new_markdown_cell(header(
            "01 · Their job",
            [
                "What does someone's job title tell you about their request?",
                "Which job families matter to a community manager, and why?",
                "How many of your invitations come from each family?",
            ],
            [
                "Read any job title, in English or French, as a family and a seniority, and say "
                "which words decided.",
                "Change which families matter to you and predict how the triage changes.",
                "Explain why the job alone is a clue and not a verdict.",
            ],
            15, 10,
        )),
        new_markdown_cell(
            "## The first clue\n\n"
            "In " + ARTICLE + ", the sender's job comes first. With a community manager as its "
            "example, the article names three kinds of people for whom your profile is likely "
            "to be of interest: specialists of digital marketing like you, recruiters (HR "
            "people, usually), and — in small firms — the boss. A job outside all three is a "
            "reason to pause and ask what the link would be for.\n\n"
            "To use that clue on hundreds of requests, the package reads each free-text title "
            "into a **family** and a **seniority**:\n\n"
            "| family | covers, for example |\n|---|---|\n"
            "| `marketing` | community management, communication, content, SEO, PR, brand |\n"
            "| `hr` | recruitment, talent acquisition, HR business partners, headhunters |\n"
            "| `leadership` | founders, owners, CEOs, managing directors, *gérant·e*, PDG |\n"
            "| `sales` | business development, account executives, *ingénieur·e d'affaires* |\n"
            "| `tech` | software, data, IT, product engineering |\n"
            "| `finance` | accounting, audit, controlling, investment |\n"
            "| `other` | everything else, and titles with no function (\"Open to work\") |\n\n"
            "Seniority goes from `student` and `junior` through `mid`, `senior` and `manager` to "
            "`director` and `executive`; chapter 02 uses it."
        ),
        new_markdown_cell(
            "## Try the classifier\n\n"
            "Type any title in the box — English or French, with or without emoji, company names "
            "or slogans. The app shows the family, the seniority, the words that decided each, "
            "and how much that family matters to you (the highlighted bar)."
        ),
        new_code_cell(
            "from invite_triage.datasets import example_profile, load_invitations\n"
            "from invite_triage.widgets.title_app import title_app\n\n"
            "invitations = load_invitations()\n"
            "profile = example_profile()\n"
            'title_app(profile, "Chargée de recrutement chez Qonto")'
        ),
        new_markdown_cell(
            "Some titles worth typing: `Head of Growth`, `Founder & Growth Marketer`, "
            "`Stagiaire marketing digital`, `Account Manager`, `Directrice générale`, "
            "`Consultante RH`, `Mechanical Engineer`, `Open to work 🚀`.\n\n"
            "The classifier works from word lists and a few rules (a founder counts as "
            "`leadership` even when the title also names a function; \"Community Manager\" is a "
            "job, not a management position). It will sometimes disagree with you — which is why "
            "it always shows the words it relied on. A title is what the sender chose to write, "
            "not a verified fact."
        ),
        new_markdown_cell(
            "## The stream, family by family\n\n"
            "The same classifier reads every invitation at once:"
        ),
        new_code_cell(
            "from invite_triage.titles import classify_titles\n\n"
            'classified = classify_titles(invitations["title"])\n'
            'classified["family"].value_counts()'
        ),
        new_markdown_cell(
            "## Which families matter to you?\n\n"
            "Your profile turns your own family and your goals into a weight per family (chapter "
            "00). Here you can overrule it: each slider is the weight of one family, from 0 (does "
            "not matter) to 1 (matters most). A family whose weight is 0.5 or more counts as "
            "*mattering*. The chart shows, for each family, how many invitations it brought "
            "(full bar), how many of them the triage accepts with your weights (dark part), and "
            "how many were truly relevant according to the hidden answers (black tick). *Reset* "
            "goes back to the weights your goals give."
        ),
        new_code_cell(
            "from invite_triage.widgets.title_app import families_app\n\n"
            "families_app(invitations, profile)"
        ),
        new_markdown_cell(
            "Things to try:\n\n"
            "- Drag `hr` to 0. Most recruiters are no longer accepted (a few still are, thanks to "
            "other clues) — is that what you want if you are looking for a job?\n"
            "- Drag `tech` up to 1. More tech people are accepted, but compare the dark bar with "
            "the tick: how many of them were relevant?\n"
            "- Look at `leadership`: bosses matter, but some spam uses the same words "
            "(\"CEO | Crypto\"). The job clue cannot tell them apart on its own; the next chapters "
            "add other clues."
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch01 import (\n"
            "    check_family_of_title,\n"
            "    check_hr_invitations,\n"
            "    check_seniority_of_title,\n"
            ")"
        ),
        *exercise_cells(
            1, "family_of_title", "check_family_of_title",
            "Which family does the package give to the title **\"Chargée de recrutement\"**? "
            "Give the family name as a string.",
        ),
        *exercise_cells(
            2, "seniority_of_title", "check_seniority_of_title",
            "Which seniority does the package give to **\"Head of Growth\"**? Give the level as a "
            "string.",
        ),
        *exercise_cells(
            3, "hr_invitations", "check_hr_invitations",
            "How many of your invitations come from the `hr` family? Give a whole number.",
        ),
        new_markdown_cell(key_points([
            "A job title is the first clue: your own field, recruiters (HR) and company bosses "
            "are the article's three kinds of relevant job for a community manager.",
            "The package reads any title, English or French, as a family and a seniority, and "
            "shows the words that decided.",
            "Which families matter follows from your role and goals, and you can overrule it.",
            "A title is self-declared: the job clue alone lets some noise in and keeps some "
            "relevant people out.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# 02 · Their career path
# --------------------------------------------------------------------------------------------
def their_career_path() -> list:
    return [
        new_markdown_cell(header(
            "02 · Their career path",
            [
                "Is the sender a beginner or an expert, and why does it matter?",
                "Should you decline beginners because they will take more than they give?",
                "How does your willingness to mentor change your decisions?",
            ],
            [
                "Tell beginners from experts using seniority and years of experience.",
                "Use the mentoring setting and describe what it changes among beginners, and "
                "why the change is small.",
                "Explain why career stage changes the kind of relationship, not the verdict.",
            ],
            10, 10,
        )),
        new_markdown_cell(
            "## Beginners and experts\n\n"
            "The second clue in " + ARTICLE + " is where the person stands in their career. "
            "A newcomer to your trade is probably on LinkedIn to learn, which makes the exchange "
            "lopsided at first: you bring more than you take. The article does not count that "
            "against them, since newcomers who take their training seriously can turn into "
            "colleagues or collaborators later on. An experienced person in your field, by "
            "contrast, is a peer: the exchange runs both ways from day one.\n\n"
            "The package reads career stage from two things in the invitation: the **seniority** "
            "in the title (`student`, `junior`, …, `executive`, from chapter 01) and "
            "`years_experience`."
        ),
        new_code_cell(
            "from invite_triage.datasets import example_profile, load_invitations\n"
            "from invite_triage.titles import classify_titles\n\n"
            "invitations = load_invitations()\n"
            "profile = example_profile()\n"
            'seniority = classify_titles(invitations["title"])["seniority"]\n'
            "seniority.value_counts()"
        ),
        new_code_cell(
            'invitations.groupby(seniority)["years_experience"].median().round(1)'
        ),
        new_markdown_cell(
            "## The mentoring setting\n\n"
            "How much a beginner's request is worth to you depends on you: some people enjoy "
            "helping newcomers, others have no time for it this year. Your profile holds that as "
            "`mentoring`, from 0 (\"not now\") to 1 (\"gladly\"). It changes the **career** "
            "criterion for beginners only; experts are peers whatever you choose.\n\n"
            "The triage combines six criteria with weights (chapter 06); the career criterion "
            "is a small one by default, because the article treats career stage as shaping the "
            "relationship more than the verdict. The second slider sets its weight.\n\n"
            "Move the sliders. The left chart shows the decisions for beginners across the "
            "whole range of the mentoring setting (the vertical line is your current value); "
            "the right chart shows the career criterion of beginners in your field, of other "
            "beginners and of everyone else at the current value. The table shows a few "
            "beginners with the reasons the triage gives."
        ),
        new_code_cell(
            "from invite_triage.widgets.career_app import career_app\n\n"
            "career_app(invitations, profile)"
        ),
        new_markdown_cell(
            "What to notice:\n\n"
            "- With the default weight, the setting moves only a handful of beginners, mostly "
            "between *accept* and *ask first*: their job, groups, note and mutual connections "
            "count for more than their career stage.\n"
            "- Raise the career weight and the setting matters more — yet even at mentoring 0 "
            "few beginners are declined, because the career score of a beginner never falls "
            "below the middle of the scale.\n"
            "- Only beginners in a field that matters to you respond to the setting; experts' "
            "and everyone else's career scores do not move at all.\n"
            "- The summary compares the decisions with the hidden answers: how many relevant "
            "beginners each setting keeps.\n\n"
            "**Career stage changes the kind of relationship — mentor and learner, or peers — "
            "and is never on its own a reason to decline.** If you choose *ask first*, chapter "
            "05 drafts a short message asking what they hope to learn."
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch02 import (\n"
            "    check_beginner_count,\n"
            "    check_mentoring_accepts,\n"
            "    check_seniority_of_assistant,\n"
            ")"
        ),
        *exercise_cells(
            1, "seniority_of_assistant", "check_seniority_of_assistant",
            "Which seniority does the package give to **\"Assistante communication\"**? Give "
            "the level as a string.",
        ),
        *exercise_cells(
            2, "beginner_count", "check_beginner_count",
            "How many of your invitations come from beginners? The career criterion counts as a "
            "beginner a title marked `student` or `junior`, or a plain title (seniority `mid`) "
            "with under 2 years of experience. Compute it with `seniority` and "
            "`invitations[\"years_experience\"]`, then compare with the career app. Give a "
            "whole number.",
        ),
        *exercise_cells(
            3, "mentoring_accepts", "check_mentoring_accepts",
            "How many **more** beginners does the triage accept with `mentoring` at 1.0 than at "
            "0.0 (all else as in the example profile)? Give a whole number.",
        ),
        new_markdown_cell(key_points([
            "Career stage (seniority in the title, years of experience) tells you what kind of "
            "relationship the sender wants: learning from you, or exchanging as peers.",
            "A beginner takes more than they give at first; a serious one can become a "
            "collaborator (after the \"My Marketing Manager\" article).",
            "Your `mentoring` setting decides how much a beginner's request weighs; it never "
            "changes how experts are judged.",
            "Career stage alone is never a reason to decline: it shifts beginners between "
            "accept and ask first while the other clues keep counting.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# 03 · Mutual connections
# --------------------------------------------------------------------------------------------
def mutual_connections() -> list:
    return [
        new_markdown_cell(header(
            "03 · Mutual connections",
            [
                "What do the connections you share with a sender tell you?",
                "Is the number of mutual connections enough, or does it matter who they are?",
                "Are more mutual connections always more valuable?",
            ],
            [
                "Count relevant mutual connections and set a minimum with a slider.",
                "Read precision and recall of a rule against the hidden answers.",
                "Describe the weak-ties result and why it tempers \"more is better\".",
            ],
            15, 10,
        )),
        new_markdown_cell(
            "## How many, and who\n\n"
            "Chapter 01 left a gap: a sender from an unrelated trade is not automatically noise. "
            "People follow community management out of curiosity, or while retraining towards "
            "social media. For them, " + ARTICLE + " points to the connections you share: when "
            "several work in digital marketing, the request gains plausibility, and the exchange "
            "may well run both ways.\n\n"
            "Two things count: **how many** mutual connections there are, and **who** they are. "
            "In the synthetic world each invitation lists the titles of its mutual connections; "
            "a mutual connection is *relevant* when the family of their title matters to you "
            "(chapter 01).\n\n"
            "Note: LinkedIn's data export never contains mutual connections; on LinkedIn you read "
            "them on the sender's profile page."
        ),
        new_code_cell(
            "from invite_triage.datasets import example_profile, load_invitations\n\n"
            "invitations = load_invitations()\n"
            "profile = example_profile()\n"
            'invitations["mutual_connections"].describe().round(1)'
        ),
        new_markdown_cell(
            "Behind the curtain (hidden ground truth, for evaluation only): the average number "
            "of mutual connections per kind of sender. Peers share the most, as you would "
            "expect. Look where prospectors stand: they invite people in bulk, so they can share "
            "quite a few connections with you without being relevant. The count alone is a weak "
            "clue."
        ),
        new_code_cell(
            'invitations.groupby("persona")["mutual_connections"].mean().round(1).sort_values()'
        ),
        new_markdown_cell(
            "## A minimum of relevant mutual connections\n\n"
            "Suppose your rule is: *let a request through if it shares at least k relevant "
            "mutual connections with me.* The slider sets k. Two numbers tell you how good the "
            "rule is, measured against the hidden answers:\n\n"
            "- **precision**: among the requests that pass, the share that is truly relevant "
            "(how clean is what you let in?);\n"
            "- **recall**: among all truly relevant requests, the share that passes (how much "
            "of the good stuff do you keep?).\n\n"
            "Raising k usually buys precision and costs recall. The grey dashed line is the "
            "same rule counting *all* mutual connections instead of the relevant ones."
        ),
        new_code_cell(
            "from invite_triage.widgets.mutuals_app import mutuals_app\n\n"
            "mutuals_app(invitations, profile)"
        ),
        new_markdown_cell(
            "Things to try: find the k where precision first passes 0.8 and read the recall "
            "there; compare the solid and dashed lines — does it help to know *who* the mutual "
            "connections are? In the triage (chapter 06) the mutual-connections clue is one "
            "score among six, not a gate."
        ),
        new_markdown_cell(
            "## More is not always better: weak ties\n\n"
            "Rajkumar et al., \"A causal test of the strength of weak ties\" (*Science* 377, "
            "2022), ran large randomized experiments on LinkedIn's *People You May Know* "
            "recommendations. Measuring the strength of a tie by the number of mutual "
            "connections, they found an **inverted U** with job mobility: moderately weak ties "
            "helped people change jobs the most — more than very weak ties, and more than strong "
            "ties. The usual reading, going back to Granovetter's *strength of weak ties*: people "
            "who share many connections with you mostly know what you already know, while "
            "people who share a few can bring news from other circles.\n\n"
            "The chart below is a **schematic**: its shape follows the paper's finding, but it is "
            "not their data and its axes carry no numbers."
        ),
        new_code_cell(
            "from invite_triage.widgets.mutuals_app import weak_ties_app\n\n"
            "weak_ties_app()"
        ),
        new_markdown_cell(
            "The lesson for your triage: a request with a handful of relevant mutual connections "
            "is a good sign; a huge number is not *more* good sign. It may be a close colleague "
            "you already reach in other ways — or a prospector who invites everyone in your "
            "circle."
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch03 import (\n"
            "    check_no_mutuals,\n"
            "    check_precision_threshold,\n"
            "    check_weak_ties,\n"
            ")"
        ),
        *exercise_cells(
            1, "no_mutuals", "check_no_mutuals",
            "How many invitations share **no** mutual connection at all with you? Give a whole "
            "number.",
        ),
        *exercise_cells(
            2, "precision_threshold", "check_precision_threshold",
            "With the rule *at least k relevant mutual connections*, what is the smallest k at "
            "which precision first exceeds 0.8? Give a whole number.",
        ),
        *exercise_cells(
            3, "weak_ties", "check_weak_ties",
            "According to Rajkumar et al. (2022), which ties helped job mobility the most? "
            "Answer `\"a\"`, `\"b\"` or `\"c\"`:\n\n"
            "- a. the strongest ties (the most mutual connections);\n"
            "- b. moderately weak ties;\n"
            "- c. the weakest ties (almost no mutual connections).",
        ),
        new_markdown_cell(key_points([
            "Mutual connections make a request from outside your field plausible, especially "
            "when several of them work in a field that matters to you.",
            "Who the mutual connections are matters as much as how many there are.",
            "Precision (how clean is what passes) and recall (how much of the good passes) pull "
            "against each other as a threshold rises.",
            "Weak ties matter: the relation between mutual connections and job mobility is an "
            "inverted U (Rajkumar et al., Science 377, 2022), so more mutuals is not always "
            "more value.",
        ])),
    ]


# --------------------------------------------------------------------------------------------
# 04 · Shared groups
# --------------------------------------------------------------------------------------------
def shared_groups() -> list:
    return [
        new_markdown_cell(header(
            "04 · Shared groups",
            [
                "What does membership of the same LinkedIn groups say about a request?",
                "Which of your groups are good evidence of a common interest?",
                "How many shared groups should it take?",
            ],
            [
                "Choose which of your groups count and see the groups criterion and the "
                "decisions change.",
                "Set a minimum number of shared groups and read its precision and recall.",
                "Explain why a shared group is evidence of common interest, not of intent.",
            ],
            10, 10,
        )),
        new_markdown_cell(
            "## A request after a post\n\n"
            "The last of the four clues in " + ARTICLE + " is groups, where many requests start: "
            "you post in a group, a member reads it and invites you. So the article's advice is "
            "to check the sender's memberships against yours; overlapping groups are evidence of "
            "shared interests, and a reason to lean towards yes.\n\n"
            "Not every group says the same thing: a small group of community managers is "
            "stronger evidence than a huge general-interest one. Your profile lists your "
            "groups; each invitation lists the groups you share with the sender (on LinkedIn "
            "you read them on the sender's profile; the data export does not contain other "
            "members' groups)."
        ),
        new_code_cell(
            "from invite_triage.datasets import example_profile, load_invitations\n\n"
            "invitations = load_invitations()\n"
            "profile = example_profile()\n"
            "profile.groups"
        ),
        new_code_cell('invitations["shared_groups"].str.len().value_counts().sort_index()'),
        new_markdown_cell(
            "## Which groups count?\n\n"
            "Untick a group to stop counting it as evidence, and set the minimum number of "
            "shared (counted) groups a request needs. The left chart shows, per group, how many "
            "invitations share it and how many of those were relevant (hidden answers). The "
            "right chart shows the triage's decisions with the groups you count (coloured) "
            "against counting all your groups (grey outline). The summary gives the precision "
            "and recall of the rule *shares at least this many counted groups*."
        ),
        new_code_cell(
            "from invite_triage.widgets.groups_app import groups_app\n\n"
            "groups_app(invitations, profile)"
        ),
        new_markdown_cell(
            "Things to try: untick every group — what happens to the decisions? Set the minimum "
            "to 2: precision rises, but how many relevant people are left? A shared group shows "
            "an interest in common; it does not show what the sender wants from you. A "
            "prospector can join your groups too — chapter 05 weighs the message as well."
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch04 import (\n"
            "    check_any_shared_group,\n"
            "    check_most_shared_group,\n"
            "    check_shared_group_precision,\n"
            ")"
        ),
        *exercise_cells(
            1, "any_shared_group", "check_any_shared_group",
            "How many invitations share **at least one** of your groups? Give a whole number.",
        ),
        *exercise_cells(
            2, "most_shared_group", "check_most_shared_group",
            "Which of your groups is shared by the most invitations? Give its name as a string.",
        ),
        *exercise_cells(
            3, "shared_group_precision", "check_shared_group_precision",
            "Among the invitations that share at least one of your groups, what share is "
            "relevant according to the hidden answers? Give a number between 0 and 1 (two "
            "decimals are enough). Compare it with the share among all invitations.",
        ),
        new_markdown_cell(key_points([
            "A request often follows a post you made in a group; shared membership is evidence "
            "of a common interest (after the \"My Marketing Manager\" article).",
            "You decide which groups count: a focused group says more than a general one.",
            "Requiring more shared groups raises precision and lowers recall.",
            "Groups show interest, not intent: they are one clue among several.",
        ])),
    ]


NOTEBOOKS = {
    "00-start-here.ipynb": start_here,
    "01-their-job.ipynb": their_job,
    "02-their-career-path.ipynb": their_career_path,
    "03-mutual-connections.ipynb": mutual_connections,
    "04-shared-groups.ipynb": shared_groups,
}


def write_notebooks(builders: dict) -> None:
    """Build, validate and write each notebook (clean: no outputs, no execution counts)."""
    folder = ROOT / "notebooks"
    folder.mkdir(exist_ok=True)
    for name, build in builders.items():
        nb = notebook(build())
        nbformat.validate(nb)
        nbformat.write(nb, folder / name)
        print(f"wrote notebooks/{name}")


def main() -> None:
    write_notebooks(NOTEBOOKS)


if __name__ == "__main__":
    main()
