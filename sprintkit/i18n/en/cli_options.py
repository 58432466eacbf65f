"""English texts for options that several commands share (the programme folder)."""

WORDS: dict[str, str] = {
    "cli_options.programme_twice": "the programme folder is given twice and differs: give DIR or --programme/-p, not both",
    "cli_options.programme_missing": "which folder? Give the programme folder as DIR or with --programme/-p",
}
