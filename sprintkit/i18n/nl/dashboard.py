"""Dutch texts of the stories dashboard page (the script's words are passed into the page)."""

WORDS: dict[str, str] = {
    "dashboard.filters": "Filters",
    "dashboard.address_ignored": "Niet gebruikt uit het adres: {items}.",
    "dashboard.address_unknown_value": "{name} = '{value}' (bestaat niet)",
    "dashboard.address_unknown_key": "'{name}' (onbekende instelling)",
    "dashboard.live": "Bijgewerkt: {filters}; {total} verhalen.",
    "dashboard.pair_sentence": (
        "Vergeleken: {n_from} verhalen uit {from} met {n_to} verhalen uit {to}{who}. Elk "
        "verschil is het aandeel in {to} min het aandeel in {from}, in procentpunten."),
    "dashboard.pair_who": " (perspectief: {perspective})",
    "dashboard.pair_backwards": (
        "Let op: {from} ligt ná {to}, dus je kijkt terug in de tijd; ▲ betekent hier dat het "
        "aandeel in {to} hoger was dan later in {from}."),
    "dashboard.pair_same": (
        "Je koos twee keer {period}: een periode met zichzelf vergelijken laat geen verschuiving "
        "zien. Kies twee verschillende perioden."),
    "dashboard.pair_missing": (
        "{from} en {to} worden in dit dashboard niet vergeleken: bij meer dan zes perioden staan "
        "alleen opeenvolgende perioden erin. Kies twee perioden die op elkaar volgen."),
    "dashboard.one_period": (
        "Er is nog maar één periode: een verschuiving is pas te zien met verhalen uit twee "
        "perioden."),
    "dashboard.desirable": "gewenst",
    "dashboard.undesirable": "ongewenst",
    "dashboard.valence_note": (
        "Pijlen ▲▼ geven alleen de richting; groen (gewenst) en rood (ongewenst) staan er alleen "
        "bij antwoorden waarvan de methode zegt of meer ervan gewenst is."),
    "dashboard.composition_in": "Samenstelling {period}: {parts}",
    "dashboard.triad_label": "Driehoek bij '{question}'. {parts}",
    "dashboard.triad_areas": "Verhalen per vak",
    "dashboard.triad_areas_note": (
        "Vlakken: het aandeel verhalen met een hoek van de helft of meer, en in het midden 'gemengd' (donkerder = meer). Stip: de gemiddelde samenstelling."),
    "dashboard.baseline": "Nulmeting",
    "dashboard.target": "Streefwaarde",
    "dashboard.direction": "Gewenste richting",
    "dashboard.direction_increase": "▲ hoger is beter",
    "dashboard.direction_decrease": "▼ lager is beter",
    "dashboard.no_indicators": (
        "Deze sprint heeft nog geen indicatoren (harde data); hier staat alleen het aantal "
        "verhalen per periode."),
}
