"""The guide's vocabulary: the names every other module agrees on.

Job families and seniorities (see ``docs/taxonomy.md``), your goals and policies, the
languages of the two editions, the triage's decisions and the kinds of invitation note.
Labels shown to a person live in the message catalog, keyed by these names.
"""

from __future__ import annotations

#: Job families, from the article's relevant ones (your field, HR, bosses) to the rest.
FAMILIES: tuple[str, ...] = ("marketing", "hr", "leadership", "sales", "tech", "finance", "other")
#: Career stages, from beginner to top.
SENIORITIES: tuple[str, ...] = (
    "student",
    "junior",
    "mid",
    "senior",
    "manager",
    "director",
    "executive",
)
#: What you use LinkedIn for; goals raise the weight of some families.
GOALS: tuple[str, ...] = ("job_search", "prospecting", "client_retention", "reputation")
#: How strict you are: weigh everything, keep to people you know, or accept more.
POLICIES: tuple[str, ...] = ("balanced", "known_only", "open")
#: The editions' languages (a third one is a new message catalog).
LANGUAGES: tuple[str, ...] = ("en", "fr")
#: A family matters to you when its weight reaches this.
RELEVANT_WEIGHT = 0.5
#: The triage's answers, from most to least welcoming.
DECISIONS: tuple[str, ...] = ("accept", "ask", "decline")
#: Kinds of invitation note, from most to least reassuring.
MESSAGE_KINDS: tuple[str, ...] = ("personal", "empty", "generic", "pitch")
#: LinkedIn's limit on first-degree connections (LinkedIn Help, answer a551012).
LINKEDIN_CONNECTION_CAP = 30_000
LINKEDIN_CAP_SOURCE = "LinkedIn Help, answer a551012"
