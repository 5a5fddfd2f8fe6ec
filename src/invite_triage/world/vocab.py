"""Word pools for the synthetic world: names, titles by family, messages, groups.

Kept apart from the generator so the pools can be read and extended without touching logic.
Titles are written in LinkedIn style, English and French, with gendered French forms.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Camille Léa Manon Chloé Inès Sarah Julie Emma Louise Alice Clara Zoé Anaïs Pauline Élodie "
    "Mathilde Margaux Sophie Aurélie Nadia Yasmine Fatou Amina Laura Hélène Claire Marie Lucie "
    "Thomas Nicolas Julien Maxime Antoine Hugo Lucas Théo Romain Mehdi Karim Alexandre Pierre "
    "Quentin Baptiste Arnaud Olivier Vincent Sébastien Yann Rachid Moussa Jean Paul Louis "
    "Emily Olivia Hannah Grace Sophia Mia Jessica Rachel Priya Anna Laura Megan Chloe "
    "James Daniel Michael David Ryan Ethan Noah Liam Omar Raj Kevin Mark Tom Ben Samuel"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
    "Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre "
    "Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc "
    "Guerin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez "
    "Fontaine Chevalier Robin Diallo Benali Nguyen Haddad Traoré Smith Johnson Brown Taylor "
    "Wilson Davies Evans Walker Patel Khan Murphy O'Brien Clarke Hughes Lewis Young King"
).split()
COMPANIES = (
    "Acme",
    "Publicis",
    "Havas",
    "Decathlon",
    "L'Oréal",
    "BNP Paribas",
    "Capgemini",
    "Sopra Steria",
    "Orange",
    "Doctolib",
    "Back Market",
    "Alan",
    "Qonto",
    "Ubisoft",
    "Danone",
    "Leroy Merlin",
    "Criteo",
    "Ogilvy",
    "Accenture",
    "Deloitte",
    "KPMG",
    "Salesforce",
    "HubSpot",
    "Hootsuite",
    "Agence Pixel & Co",
    "Studio Nova",
    "La Poste",
    "SNCF",
    "Crédit Agricole",
    "Airbus",
    "Boulangerie Paul",
    "CHU de Lyon",
    "Lycée Victor Hugo",
    "Renault",
    "Michelin",
    "Freelance",
    "Bloom Agency",
    "WeGrow SaaS",
    "Skyline Consulting",
    "Atelier Moka",
    "Growthly",
    "Leadify",
)

#: Base job titles per family, already in the form a member types them.
TITLES: dict[str, tuple[str, ...]] = {
    "marketing": (
        "Community Manager",
        "Social Media Manager",
        "Chargée de communication digitale",
        "Chargé de communication",
        "Responsable marketing digital",
        "Content Manager",
        "Content Strategist",
        "Growth Marketer",
        "Chef de projet marketing",
        "Attachée de presse",
        "Brand Manager",
        "Consultant SEO",
        "Traffic Manager",
        "Responsable communication",
        "Digital Marketing Manager",
        "Senior Content Writer",
        "Directrice marketing",
        "Head of Marketing",
        "Chargée de marketing",
        "Social Media Strategist",
        "Rédactrice web SEO",
        "Marketing Manager",
        "Community manager freelance",
        "CMO",
        "PR Manager",
        "Responsable des réseaux sociaux",
        "Influence Marketing Manager",
    ),
    "marketing_beginner": (
        "Étudiante en communication",
        "Stagiaire marketing digital",
        "Alternante community manager",
        "Marketing Intern",
        "Junior Community Manager",
        "Assistante communication",
        "Étudiant en marketing digital",
        "Social Media Intern",
        "Apprentie chargée de communication",
        "Junior Content Creator",
        "Assistant marketing",
    ),
    "hr": (
        "Talent Acquisition Partner",
        "Chargée de recrutement",
        "Chargé de recrutement",
        "DRH",
        "RRH",
        "Recruiter",
        "Senior Technical Recruiter",
        "HR Business Partner",
        "Responsable ressources humaines",
        "Chasseuse de têtes",
        "Consultante RH",
        "Talent Acquisition Manager",
        "Chief People Officer",
        "Head of Talent",
        "Directrice des ressources humaines",
        "People Operations Manager",
    ),
    "leadership": (
        "CEO & Founder",
        "Fondatrice",
        "Co-fondateur",
        "Gérant",
        "Gérante",
        "Directrice générale",
        "Directeur général",
        "Managing Director",
        "Chef d'entreprise",
        "PDG",
        "Founder",
        "Co-founder & CEO",
        "Owner",
        "Président",
        "General Manager",
        "Dirigeant",
    ),
    "sales": (
        "Business Developer",
        "Account Executive",
        "Sales Development Representative",
        "Ingénieur commercial",
        "Ingénieure d'affaires",
        "Commercial terrain",
        "Key Account Manager",
        "Head of Sales",
        "Directeur des ventes",
        "Business Development Manager",
        "SDR",
        "BDR",
        "Chargée d'affaires",
        "Sales Manager",
        "Responsable commercial",
    ),
    "tech": (
        "Développeuse full-stack",
        "Développeur web",
        "Senior Data Engineer",
        "Data Scientist",
        "Product Owner",
        "DevOps Engineer",
        "Administrateur systèmes",
        "Software Engineer",
        "CTO",
        "Lead Developer",
        "Ingénieure data",
        "Frontend Developer",
        "Analyste cybersécurité",
    ),
    "finance": (
        "Contrôleur de gestion",
        "Expert-comptable",
        "CFO",
        "Financial Analyst",
        "Auditrice",
        "Comptable",
        "Directeur financier",
        "Investment Associate",
        "Trésorière",
    ),
    "other": (
        "Infirmière",
        "Mechanical Engineer",
        "Professeur des écoles",
        "Chef de cuisine",
        "Open to work",
        "Pharmacien",
        "Architecte",
        "Avocate",
        "Conducteur de travaux",
        "Kinésithérapeute",
        "Civil Engineer",
        "Logisticien",
        "Agent immobilier",
        "Électricien",
        "Student at Université de Lyon",
        "Coach sportif",
        "Photographe",
        "Boulanger",
    ),
    "spam": (
        "CEO | Crypto | Forex Investor 💰",
        "Entrepreneur | Passive income | DM me",
        "Millionaire mindset coach 🚀",
        "Investor",
        "Business Owner | Trader | Life coach",
        "Founder at Global Wealth Network",
        "Digital nomad 🌍 | Financial freedom",
        "Open to work",
        "Manager",
        "Director at International Trading Ltd",
    ),
}

#: Decorations LinkedIn members add around a title; "{company}" is filled in.
DECORATIONS = (
    "",
    "",
    "",
    "",
    "",
    " @ {company}",
    " chez {company}",
    " at {company}",
    " | {company}",
    " | Helping brands grow 🚀",
    " | Social Media | Content ✨",
    " • Passionnée de digital",
    " | Open to new opportunities",
    " 🎯",
    " - {company}",
    " | SaaS | B2B",
)

GROUPS = (
    "Community Managers France",
    "Social Media Marketing",
    "Marketing Digital & Growth",
    "Content Marketing Institute",
    "Les Pros de la Com'",
    "Women in Tech Paris",
    "Startups Lyon",
    "HR & Recrutement France",
    "Growth Hackers",
    "Data Science France",
)
#: The example profile's own groups (a subset of GROUPS).
YOUR_GROUPS = GROUPS[:5]

#: Notes of a "personal" pool that name no shared context: read by evidence they are generic,
#: like "je suis vos publications avec intérêt" in the blind corpora. The world keeps them
#: (changing its text would change the committed data); the note reader learns them as generic.
NOTES_WITHOUT_EVIDENCE: frozenset[str] = frozenset({
    "Bonjour, je m'intéresse beaucoup aux réseaux sociaux et je suis vos publications depuis un "
    "moment. Au plaisir d'échanger.",
})

MESSAGES: dict[str, tuple[str, ...]] = {
    "generic": (
        "I'd like to add you to my professional network on LinkedIn.",
        "Je souhaiterais vous inviter à rejoindre mon réseau professionnel LinkedIn.",
        "I'd like to add you to my network.",
        "Bonjour, je souhaiterais vous ajouter à mon réseau.",
        "Hi, let's connect!",
        "Bonjour, ravi de rejoindre votre réseau.",
        "Hello, I would like to connect with you.",
    ),
    "personal_peer": (
        "Hi, I enjoyed your post in Community Managers France about scheduling tools. Could we "
        "exchange on your experience?",
        "Bonjour, nous nous sommes croisés au Salon du Marketing Digital à Lyon, ravie de "
        "poursuivre l'échange ici.",
        "Bonjour, j'ai lu votre article sur la modération des communautés, très utile pour mon "
        "équipe. Au plaisir d'échanger !",
        "Hello, we worked together on the Decathlon campaign last spring. Great to reconnect.",
        "Hi, we met at the Content Marketing meetup in Paris last week — nice chatting with you.",
    ),
    "personal_recruiter": (
        "Bonjour, je recrute un·e community manager pour notre agence et votre profil m'a "
        "beaucoup plu. Seriez-vous ouvert·e à en discuter ?",
        "Hi, I'm hiring a social media lead and your portfolio caught my eye. Open to a chat?",
        "Bonjour, nous ouvrons un poste de responsable social media, votre parcours correspond "
        "bien. Je serais ravie d'en parler.",
    ),
    "personal_beginner": (
        "Bonjour, je suis en alternance en communication et votre parcours m'inspire. Auriez-vous "
        "quelques conseils à partager ?",
        "Hi, I'm a student in digital marketing and I follow your posts. I'd love to learn from "
        "your experience.",
    ),
    "personal": (
        "Bonjour, Julie Martin m'a parlé de vous pour notre projet de refonte de marque.",
        "Hi, I read your thread on community moderation and would love to follow your work.",
        "Bonjour, je m'intéresse beaucoup aux réseaux sociaux et je suis vos publications depuis "
        "un moment. Au plaisir d'échanger.",
        "Hi, we met at the Content Marketing meetup in Paris last week — nice chatting with you.",
    ),
    "pitch": (
        "Hi, I help agencies like yours generate 30+ qualified leads per month. Do you have 15 "
        "minutes this week for a quick call?",
        "Bonjour, notre solution permet de tripler vos ventes grâce à l'automatisation. Je vous "
        "propose une démo gratuite ?",
        "Hello! Exclusive offer: boost your followers with our growth package. Book a call here.",
        "Bonjour, je vous propose un rendez-vous de 15 min pour vous présenter notre offre de "
        "prospection LinkedIn.",
        "Hi, are you the right person to talk to about your social media tools budget? Free trial "
        "available.",
        "Bonjour, découvrez notre formation pour gagner 5000 €/mois en passif. Tarif spécial "
        "cette semaine !",
        "Hi, I'd love to show you how our CRM can increase your revenue. When are you available "
        "for a demo?",
        "Bonjour, nous aidons les entreprises à générer des leads qualifiés. Êtes-vous disponible "
        "pour un appel découverte ?",
    ),
}
