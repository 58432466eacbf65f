"""English texts: setup."""

WORDS: dict[str, str] = {
    "setup.file.head": "Sprint: {title}\nMethod: {name} ({method}){duration}\n\nThis file is yours: edit it freely. When sprintkit adds something, your comments\nand the order of the keys stay as they are.\nCheck it:        sprintkit validate {dir}\nSee the method:  sprintkit methods show {method}",
    "setup.file.organisation": "organisation: Name of the organisation",
    "setup.file.start": "start: 2026-03-02        # first day (YYYY-MM-DD)",
    "setup.file.end": "end: 2026-03-20          # last day (YYYY-MM-DD)",
    "setup.file.facilitators": "facilitators:\n  - Name of the facilitator",
    "setup.file.context": "Why this sprint exists.",
    "setup.file.challenge": "challenge: The question or problem the sprint tackles",
    "setup.file.goal": "goal: What the sprint must deliver",
    "setup.file.background": "background: The situation, and what came before",
    "setup.file.scope": "scope: What is in and what is out",
    "setup.file.team": "The team: name and role. Roles in this method: {roles}.",
    "setup.file.team_example": "team:\n  - name: Name\n    role: {role}\n    organisation: Organisation",
    "setup.file.phases": "Progress and captured answers per phase (todo, in_progress, done, skipped).",
    "setup.file.phase": "{n}. {title} ({timebox}{day})",
    "setup.file.day": ", day {day}",
    "setup.file.stories": "Stories: storage and protection. Breakdowns with fewer than min_cell stories are hidden.",
    "setup.file.indicators": "Indicators with a baseline and a target, for example:",
    "setup.file.parties": "Parties taking part, for example:\nparties:\n  - name: Name of the organisation\n    signs_intent: true",
    "setup.file.extra": "Other values from the answers:",
}
