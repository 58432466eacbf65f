"""English texts about removed hypotheses in the documents."""

WORDS: dict[str, str] = {
    "removal.heading": "Removed hypotheses",
    "removal.intro": "These hypotheses were removed after evidence had been recorded for them. They do not count in the results above.",
    "removal.when": "{date}, after {n} evidence records",
    "removal.reason": "Reason:",
    "removal.no_reason": "no reason recorded",
}
