"""English texts of the statistics of story shifts: the classes of a shift, the interval
heading and the method note."""

WORDS: dict[str, str] = {
    "storystats.class.clear_large": "clear shift",
    "storystats.class.clear_small": "clear but small",
    "storystats.class.not_clear": "not clear",
    "storystats.up": "up",
    "storystats.down": "down",
    "storystats.small_mark": "{direction}, small",
    "storystats.small_note": (
        "small = statistically clear, but a difference of less than {min_shift} percentage "
        "points (the smallest difference that matters in this sprint)"
    ),
    "storystats.interval": "{level}% interval",
    "storystats.method_note": (
        "A shift is flagged only when the signifier's test (chi-square, with Yates's "
        "correction for 2×2 tables, or Fisher for small 2×2 tables; Mann-Whitney for a scale; "
        "Holm-adjusted across signifiers and across the options of a multichoice signifier) "
        "is below {alpha} and the {level}% interval of the difference (Newcombe; Welch for a "
        "mean) excludes zero. Intervals are rounded outward. A shift smaller than {min_shift} "
        "percentage points is called small."
    ),
}
