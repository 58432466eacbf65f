"""Dutch texts of the statistics of story shifts: the classes of a shift, the interval heading
and the method note."""

WORDS: dict[str, str] = {
    "storystats.class.clear_large": "duidelijke verschuiving",
    "storystats.class.clear_small": "duidelijk, maar klein",
    "storystats.class.not_clear": "niet duidelijk",
    "storystats.up": "omhoog",
    "storystats.down": "omlaag",
    "storystats.small_mark": "{direction}, klein",
    "storystats.small_note": (
        "klein = statistisch duidelijk, maar minder dan {min_shift} procentpunt verschil "
        "(het kleinste verschil dat voor deze sprint telt)"
    ),
    "storystats.interval": "{level}%-interval",
    "storystats.method_note": (
        "Een verschuiving wordt alleen gemarkeerd als de toets voor de vraag (chi-kwadraat, "
        "met Yates-correctie bij 2×2-tabellen, of Fisher bij kleine 2×2-tabellen; "
        "Mann-Whitney voor een schaal; Holm-correctie over de vragen en over de opties van een "
        "meerkeuzevraag) onder {alpha} ligt én het {level}%-interval van het verschil "
        "(Newcombe; Welch voor een gemiddelde) nul uitsluit. Intervallen zijn naar buiten "
        "afgerond. Een verschuiving kleiner dan {min_shift} procentpunt heet klein."
    ),
}
