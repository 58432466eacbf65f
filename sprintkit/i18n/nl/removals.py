"""Nederlandse teksten over verwijderde hypothesen in de documenten."""

WORDS: dict[str, str] = {
    "removal.heading": "Verwijderde hypothesen",
    "removal.intro": "Deze hypothesen zijn verwijderd nadat er bewijs voor was vastgelegd. Ze tellen niet mee in de uitkomsten hierboven.",
    "removal.when": "{date}, na {n} keer bewijs",
    "removal.reason": "Reden:",
    "removal.no_reason": "geen reden vastgelegd",
}
