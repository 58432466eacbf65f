"""Nederlandse teksten bij opties die meer opdrachten delen (de programmamap)."""

WORDS: dict[str, str] = {
    "cli_options.programme_twice": "de programmamap is twee keer gegeven en verschilt: geef DIR of --programme/-p, niet allebei",
    "cli_options.programme_missing": "welke map? Geef de programmamap als DIR of met --programme/-p",
}
