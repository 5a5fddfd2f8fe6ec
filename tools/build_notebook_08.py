"""Write notebook 08 of the guide (your own data).

Run from the repository root: ``.venv/bin/python tools/build_notebook_08.py``.
Notebooks are written without outputs and with ``execution_count`` None, as the suite expects.
The cell helpers are shared with part 1 (``build_notebooks_part1.py``), so every chapter opens
and closes the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_notebooks_part1 import (
    ARTICLE,
    ROOT,
    exercise_cells,
    header,
    key_points,
    notebook,
)

NAME = "08-your-own-data.ipynb"


def your_own_data() -> list:
    return [
        new_markdown_cell(header(
            "08 · Your own data: your network and your pending invitations",
            [
                "What does LinkedIn's data export say about your own network, and what does it "
                "never contain?",
                "Has your network kept its quality as it grew?",
                "How do you triage your real pending invitations when the export has no mutual "
                "connections and no groups?",
            ],
            [
                "Load your LinkedIn export (or the sample), and say what is stored where and "
                "how to delete it.",
                "Read your network's composition and how its estimated relevance evolved, "
                "knowing that real data has no ground truth.",
                "Fill in the triage form from an inviter's profile page, read the decision and "
                "its reasons, and save your annotation under `data/private/`.",
            ],
            15, 15,
        )),
        new_markdown_cell(
            "## Your data stays on your machine\n\n"
            "Chapters 00–07 worked on a synthetic inbox. This one turns the guide on **your** "
            "network. LinkedIn lets every member download their own data: *Settings → Data "
            "privacy → Get a copy of your data*. It arrives as a zip file named like "
            "`Basic_LinkedInDataExport_11-25-2026.zip`, full of CSV files: your connections, "
            "the invitations you sent and received, your messages, your profile and your "
            "groups.\n\n"
            "Put that file in the project's `data/private/` folder. Everything in that folder "
            "except its README is ignored by git, so it cannot leave your machine through the "
            "repository, and the package never opens a network connection (its test suite "
            "fails any test that tries).\n\n"
            "| what | where | written by |\n"
            "|---|---|---|\n"
            "| your export | `data/private/Basic_LinkedInDataExport_….zip` (or wherever you "
            "keep it) | you; the guide only reads it |\n"
            "| your annotations | `data/private/annotations-YYYY-MM-DD.csv` | the form below, "
            "**only when you click Save**; each save adds rows, nothing is overwritten |\n"
            "| a report or a decisions file | wherever `--out` points | the command line, at "
            "the end of this chapter |\n\n"
            "**To delete it all**, delete the files in `data/private/` (keep `README.md`): "
            "your export, your annotations, anything you wrote there. Nothing else keeps a "
            "copy.\n\n"
            "**What the export never contains.** LinkedIn gives you only your own data. The "
            "export has no mutual connections, no second-degree contacts, no list of other "
            "members' groups and no details about the people who invited you (not even their "
            "job title). Those are exactly the clues chapters 01–04 weighed, so for each "
            "invitation you care about you will read them off the inviter's profile page and "
            "type them into a form."
        ),
        new_markdown_cell(
            "## Load your export\n\n"
            "Left at `None`, the next cell loads a **synthetic export** bundled with the guide: "
            "the same files in LinkedIn's own format, for a made-up community manager. To use "
            "yours, change that one line to the path of your file, for example "
            "`EXPORT = \"data/private/Basic_LinkedInDataExport_11-25-2026.zip\"` (the zip as "
            "downloaded, its unzipped folder, or a single `Connections.csv` all work). Every "
            "number below is computed live, so it describes whichever export you load."
        ),
        new_code_cell(
            "import pandas as pd\n\n"
            "from invite_triage.widgets.own_data_app import export_overview, open_export\n\n"
            "EXPORT = None  # or \"data/private/Basic_LinkedInDataExport_11-25-2026.zip\"\n"
            "export = open_export(EXPORT)\n"
            "export_overview(export)"
        ),
        new_markdown_cell(
            "A file missing from the table is not an error: exports differ by year and by what "
            "you asked LinkedIn for. The reader also leaves notes on what it noticed, such as an "
            "invitation history much shorter than your connection history:"
        ),
        new_code_cell("list(export.notes)"),
        new_markdown_cell(
            "## Who you are, according to your export\n\n"
            "Relevance always depends on who is deciding. The export gives a first draft of "
            "your profile: your name and headline (your title, hence your job family) from "
            "`Profile.csv`, your groups from `Ad_Targeting.csv`, and the people you have "
            "exchanged messages with, both ways, as people you know. Your goals are not in "
            "the export; the default is your reputation in your field. If you are looking for "
            "a job, say so: `export.to_profile(goals=(\"job_search\",))`."
        ),
        new_code_cell(
            "profile = export.to_profile()\n"
            "pd.Series({\n"
            "    \"name\": profile.name,\n"
            "    \"title\": profile.title,\n"
            "    \"your job family\": profile.family,\n"
            "    \"families that matter to you\": \", \".join(profile.relevant_families),\n"
            "    \"your groups\": len(profile.groups),\n"
            "    \"people you know (messages both ways)\": len(profile.known_people),\n"
            "})"
        ),
        new_markdown_cell(
            "## What your network is made of\n\n"
            "Each connection's position is read with the same title rules as chapter 01. The "
            "export gives their position *today*, not the one they had when you connected, and "
            "a rule can misread an unusual title: treat every share as an estimate."
        ),
        new_code_cell(
            "from invite_triage.charts import plot_composition\n"
            "from invite_triage.export import network_composition\n"
            "from invite_triage.widgets import FigureView\n\n"
            "composition = network_composition(export.connections, profile)\n"
            "FigureView(plot_composition(export.connections, profile))"
        ),
        new_markdown_cell(
            "By family *and* seniority: is your network made of peers, of the bosses and "
            "recruiters who can hire you, or of students you mentor?"
        ),
        new_code_cell(
            "from invite_triage.widgets.own_data_app import plot_family_seniority\n\n"
            "FigureView(plot_family_seniority(composition))"
        ),
        new_markdown_cell(
            "## Has quality kept up with size?\n\n"
            "Chapter 07 simulated how each policy shapes a network over two years. Your export "
            "holds the real story: every connection's *Connected On* date. Month by month, the "
            "left panel shows how big your network was, the right one what share of it works "
            "in fields that matter to you. It is your own quality-versus-size curve."
        ),
        new_code_cell(
            "from invite_triage.export import network_growth\n"
            "from invite_triage.report import plot_network_growth\n\n"
            "growth = network_growth(export.connections, profile)\n"
            "FigureView(plot_network_growth(growth))"
        ),
        new_code_cell(
            "from invite_triage.quality import network_quality\n\n"
            "network_quality(export.connections, profile).summary"
        ),
        new_markdown_cell(
            "**On real data there is only an estimate.** The synthetic world of chapters "
            "00–07 had a hidden answer key (`relevant`); nobody has marked which of your real "
            "connections matter. Every figure here rests on the job criterion, the only one an "
            "export can measure, applied to each connection's current title. A flat or rising "
            "line says your network kept its focus as it grew; a falling one is the pattern "
            + ARTICLE + " warns about: size bought with relevance."
        ),
        new_markdown_cell(
            "## Invitations still waiting\n\n"
            "Nothing in the export marks an invitation as pending. The closest thing is an "
            "incoming invitation whose sender is not among your connections: still waiting, or "
            "ignored long ago. Their notes are all the export tells you about them; chapter 05's "
            "reader sorts them into personal, generic, sales pitch or none."
        ),
        new_code_cell(
            "from invite_triage.export import intent_summary, pending_with_intent\n"
            "from invite_triage.report import plot_pending_intents\n\n"
            "FigureView(plot_pending_intents(intent_summary(export)))"
        ),
        new_code_cell(
            "pending_with_intent(export)[[\"name\", \"sent_at\", \"intent\", \"message\"]].head(8)"
        ),
        new_markdown_cell(
            "## The people you talk with\n\n"
            "Messages that went both ways are the strongest sign of a real relationship the "
            "export holds; a pitch nobody answered is not one. These names are your profile's "
            "known people, so an invitation from one of them counts as coming from someone you "
            "know."
        ),
        new_code_cell(
            "people = export.correspondents()\n"
            "people[people[\"exchanged\"]].head(8)"
        ),
        new_markdown_cell(
            "## Triage your pending invitations\n\n"
            "With the export alone, the triage knows an inviter's name and note, and whether "
            "you have talked: no job, no mutual connections, no shared group. That is too "
            "little to decide on. The form below asks you for the rest, read off the inviter's "
            "profile page (the *open their profile* link opens it in your browser):\n\n"
            "- **Invitation**: your pending invitations, newest first (✓ marks those you have "
            "saved);\n"
            "- **Title**: their headline as the profile shows it (prefilled when you saved it "
            "before);\n"
            "- **Mutual connections**: the number the profile shows, and **Their titles**: the "
            "titles of those you can see, one per line or separated by commas;\n"
            "- **Shared groups**: tick your groups that they belong to as well;\n"
            "- **I know them offline**: you have met, or you talk elsewhere;\n"
            "- **Your decision**, if you have made one (the suggestion does not depend on it).\n\n"
            "The decision follows as you type: the suggestion and its score, the reasons, what "
            "each criterion contributed (grey: what a perfect score would add), and, when the "
            "suggestion is *ask first*, a message you could send (English or French). A wrong "
            "value (a negative count, a word in the number box, code in a title) is named in "
            "red under the form; what you typed stays there for you to fix.\n\n"
            "**Save** adds the annotation to today's file in `data/private/`; earlier saves are "
            "kept. When you come back, the form reloads what you saved and says how many "
            "annotations it found. Running this notebook never saves anything: only your click "
            "does."
        ),
        new_code_cell(
            "from invite_triage.widgets.own_data_app import triage_form\n\n"
            "form = triage_form(export, profile)\n"
            "form"
        ),
        new_markdown_cell(
            "Your annotations are ordinary CSV files. Read them back, and triage every pending "
            "invitation with what you filled in (those you have not annotated are still judged "
            "on the export alone):"
        ),
        new_code_cell(
            "from invite_triage.annotations import annotation_files, load_annotations\n"
            "from invite_triage.report import decide_pending\n\n"
            "annotations = load_annotations()\n"
            "print(f\"{len(annotations)} annotations in {len(annotation_files())} file(s)\")\n"
            "decide_pending(export, profile, annotations)[\"decision\"].value_counts()"
        ),
        new_markdown_cell(
            "## From the command line\n\n"
            "The same analysis without a notebook, from a terminal in the project folder:\n\n"
            "```bash\n"
            "invite-triage report EXPORT --out report.html\n"
            "invite-triage triage EXPORT --out decisions.csv\n"
            "```\n\n"
            "where `EXPORT` is the path of your export. `report` writes one self-contained "
            "HTML page (charts included, no script, nothing loaded from the web) that opens "
            "offline. `triage` writes the suggested decision and its reasons for each pending "
            "invitation as a CSV that is safe to open in a spreadsheet: a cell that a "
            "spreadsheet would run as a formula is neutralised. Both describe your network, so "
            "keep them private too: `--out data/private/report.html` puts them in the "
            "git-ignored folder."
        ),
        new_markdown_cell("## Exercises\n\nRun this cell once to load the checkers. Each one "
                          "checks your answer against the export you loaded."),
        new_code_cell(
            "from invite_triage.exercises import solution  # noqa: F401 (for the solution cells)\n"
            "from invite_triage.exercises.ch08 import (\n"
            "    check_busiest_year,\n"
            "    check_form_decision,\n"
            "    check_pending_pitches,\n"
            ")"
        ),
        *_exercise(
            1, "busiest_year", "check_busiest_year",
            "Using the `growth` table, in which calendar year did you add the most "
            "connections? Give a year.",
        ),
        *_exercise(
            2, "pending_pitches", "check_pending_pitches",
            "How many of your pending invitations come with a note that reads as a sales "
            "pitch? Give a whole number.",
        ),
        *_exercise(
            3, "form_decision", "check_form_decision",
            "In the form, keep the newest invitation selected (the first in the list) and "
            "fill it in as if its profile page showed: title *Business Developer*, **6** mutual "
            "connections, of whom you can see a *Community Manager* and a *Head of Sales*, and "
            "your first group (the top tick box) shared. Leave *I know them offline* unticked. "
            "What does the form suggest: accept, ask or decline?",
        ),
        new_markdown_cell(key_points([
            "Your LinkedIn export stays on your machine: keep it, your annotations and any "
            "report in `data/private/` (git-ignored); delete those files to erase everything.",
            "The export holds only your own data: never mutual connections, other members' "
            "groups or the inviter's details. Read those off the inviter's profile page.",
            "On real data every quality figure is an estimate from job titles: there is no "
            "ground truth, so say so whenever you quote one.",
            "Your own growth curve shows whether your network kept its focus as it grew, the "
            "article's quality-before-quantity test applied to you.",
            "The triage form turns what you read on a profile into a decision with reasons; "
            "Save only ever adds rows, and the form reloads them next time.",
        ])),
    ]


def _exercise(number: int, name: str, check: str, task: str) -> list:
    """Exercise cells whose checker also gets the loaded export (so your own data works)."""
    cells = exercise_cells(number, name, check, task)
    cells[1].source = cells[1].source.replace(f"{check}(answer)", f"{check}(answer, export)")
    return cells


def main() -> None:
    folder = ROOT / "notebooks"
    folder.mkdir(exist_ok=True)
    nb = notebook(your_own_data())
    nbformat.validate(nb)
    nbformat.write(nb, folder / NAME)
    print(f"wrote notebooks/{NAME}")


if __name__ == "__main__":
    main()
