"""The few words the stories features show to people, in Dutch and English (glossary terms)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "stories": "verhalen",
        "story": "verhaal",
        "all": "alle",
        "all_periods": "alle perioden",
        "all_perspectives": "alle perspectieven",
        "period": "periode",
        "perspective": "perspectief",
        "signifier": "duidingsvraag",
        "answer": "antwoord",
        "count": "aantal",
        "share": "aandeel",
        "n": "n",
        "mean": "gemiddelde",
        "composition": "samenstelling",
        "mixed": "gemengd",
        "none": "(geen antwoord)",
        "shift": "verschuiving",
        "shifts": "Verschuivingen",
        "up": "omhoog",
        "down": "omlaag",
        "no_shift": "geen verschuiving die de gegevens dragen",
        "small_sample": "kleine steekproef: voorzichtig lezen",
        "too_few": "te weinig verhalen om te toetsen",
        "test_unreliable": "te weinig verhalen per antwoord voor een betrouwbare toets",
        "suppressed": "verborgen (minder dan {min_cell})",
        "indicators": "Harde data (indicatoren)",
        "hard_data": "harde data",
        "story_counts": "Verhalen per periode",
        "quotes": "Citaten (met toestemming)",
        "distributions": "Verdeling per duidingsvraag",
        "title": "Verhalen-dashboard",
        "generated": "gemaakt",
        "filter_period": "Periode",
        "filter_perspective": "Perspectief",
        "from": "van",
        "to": "naar",
        "difference": "verschil",
        "interval": "95%-interval",
        "test": "toets",
        "p_adjusted": "p (gecorrigeerd)",
        "test_chi-square": "chi-kwadraat",
        "test_fisher": "Fisher (exact)",
        "test_mann-whitney": "Mann-Whitney",
        "test_per-option (Holm)": "per optie (Holm)",
        "privacy_note": (
            "Gepseudonimiseerd. * = verborgen: cellen met minder dan {min_cell} verhalen, en "
            "cellen waaruit zo'n cel terug te rekenen zou zijn. Citaten alleen "
            "met toestemming van de verteller. Triade: 'gemengd' = geen hoek met de helft of "
            "meer van het gewicht."
        ),
        "method_note": (
            "Een verschuiving wordt alleen gemarkeerd als de toets voor de vraag (chi-kwadraat, "
            "of Fisher bij kleine 2×2-tabellen; Holm-correctie over de vragen) onder {alpha} "
            "ligt én het 95%-interval van het verschil (Newcombe) nul uitsluit."
        ),
        "no_stories": "Nog geen verhalen.",
        "no_indicators": "Geen indicatoren in deze sprint.",
        "no_quotes": "Geen citaten met toestemming.",
        "unit": "eenheid",
        "baseline": "nulmeting",
        "target": "streefwaarde",
    },
    "en": {
        "stories": "stories",
        "story": "story",
        "all": "all",
        "all_periods": "all periods",
        "all_perspectives": "all perspectives",
        "period": "period",
        "perspective": "perspective",
        "signifier": "signifier",
        "answer": "answer",
        "count": "count",
        "share": "share",
        "n": "n",
        "mean": "mean",
        "composition": "composition",
        "mixed": "mixed",
        "none": "(no answer)",
        "shift": "shift",
        "shifts": "Shifts",
        "up": "up",
        "down": "down",
        "no_shift": "no shift the data support",
        "small_sample": "small sample: read with care",
        "too_few": "too few stories to test",
        "test_unreliable": "too few stories per answer for a reliable test",
        "suppressed": "hidden (fewer than {min_cell})",
        "indicators": "Hard data (indicators)",
        "hard_data": "hard data",
        "story_counts": "Stories per period",
        "quotes": "Quotes (with consent)",
        "distributions": "Distribution per signifier",
        "title": "Stories dashboard",
        "generated": "generated",
        "filter_period": "Period",
        "filter_perspective": "Perspective",
        "from": "from",
        "to": "to",
        "difference": "difference",
        "interval": "95% interval",
        "test": "test",
        "p_adjusted": "p (adjusted)",
        "test_chi-square": "chi-square",
        "test_fisher": "Fisher (exact)",
        "test_mann-whitney": "Mann-Whitney",
        "test_per-option (Holm)": "per option (Holm)",
        "privacy_note": (
            "Pseudonymised. * = hidden: cells with fewer than {min_cell} stories, and cells "
            "from which such a cell could be worked out. Quotes only with the "
            "storyteller's consent. Triad: 'mixed' = no corner holds half of the weight or more."
        ),
        "method_note": (
            "A shift is flagged only when the signifier's test (chi-square, or Fisher for small "
            "2×2 tables; Holm-adjusted across signifiers) is below {alpha} and the 95% interval "
            "of the difference (Newcombe) excludes zero."
        ),
        "no_stories": "No stories yet.",
        "no_indicators": "No indicators in this sprint.",
        "no_quotes": "No quotes with consent.",
        "unit": "unit",
        "baseline": "baseline",
        "target": "target",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["nl"])
