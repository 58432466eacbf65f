"""Nederlandse teksten: setup."""

WORDS: dict[str, str] = {
    "setup.file.head": "Sprint: {title}\nMethode: {name} ({method}){duration}\n\nDit bestand is van jou: pas het gerust aan. Als sprintkit iets toevoegt, blijven je\nopmerkingen en de volgorde van de sleutels staan.\nControleren:        sprintkit validate {dir}\nDe methode bekijken: sprintkit methods show {method}",
    "setup.file.organisation": "organisation: Naam van de organisatie",
    "setup.file.start": "start: 2026-03-02        # eerste dag (JJJJ-MM-DD)",
    "setup.file.end": "end: 2026-03-20          # laatste dag (JJJJ-MM-DD)",
    "setup.file.facilitators": "facilitators:\n  - Naam van de facilitator",
    "setup.file.context": "Waarom deze sprint er is.",
    "setup.file.challenge": "challenge: Het vraagstuk of probleem waar de sprint over gaat",
    "setup.file.goal": "goal: Wat de sprint moet opleveren",
    "setup.file.background": "background: De situatie, en wat er al gebeurd is",
    "setup.file.scope": "scope: Wat wel en niet meedoet",
    "setup.file.team": "Het team: naam en rol. Rollen in deze methode: {roles}.",
    "setup.file.team_example": "team:\n  - name: Naam\n    role: {role}\n    organisation: Organisatie",
    "setup.file.phases": "Voortgang en vastgelegde antwoorden per fase (todo, in_progress, done, skipped).",
    "setup.file.phase": "{n}. {title} ({timebox}{day})",
    "setup.file.day": ", dag {day}",
    "setup.file.stories": "Verhalen: opslag en bescherming. Uitsplitsingen met minder dan min_cell verhalen worden verborgen.",
    "setup.file.indicators": "Indicatoren met nulmeting en streefwaarde, bijvoorbeeld:",
    "setup.file.parties": "Deelnemende partijen, bijvoorbeeld:\nparties:\n  - name: Naam van de organisatie\n    signs_intent: true",
    "setup.file.extra": "Overige waarden uit de antwoorden:",
}
