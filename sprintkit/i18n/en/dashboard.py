"""English texts of the stories dashboard page (the script's words are passed into the page)."""

WORDS: dict[str, str] = {
    "dashboard.filters": "Filters",
    "dashboard.address_ignored": "Not used from the address: {items}.",
    "dashboard.address_unknown_value": "{name} = '{value}' (does not exist)",
    "dashboard.address_unknown_key": "'{name}' (unknown setting)",
    "dashboard.live": "Updated: {filters}; {total} stories.",
    "dashboard.pair_sentence": (
        "Compared: {n_from} stories from {from} with {n_to} stories from {to}{who}. Each "
        "difference is the share in {to} minus the share in {from}, in percentage points."),
    "dashboard.pair_who": " (perspective: {perspective})",
    "dashboard.pair_backwards": (
        "Note: {from} comes after {to}, so you look back in time; ▲ here means the share in "
        "{to} was higher than later in {from}."),
    "dashboard.pair_same": (
        "You chose {period} twice: a period compared with itself shows no shift. Choose two "
        "different periods."),
    "dashboard.pair_missing": (
        "{from} and {to} are not compared in this dashboard: with more than six periods it holds "
        "only consecutive periods. Choose two periods that follow each other."),
    "dashboard.one_period": (
        "There is only one period so far: a shift shows only with stories from two periods."),
    "dashboard.desirable": "desirable",
    "dashboard.undesirable": "undesirable",
    "dashboard.valence_note": (
        "Arrows ▲▼ show only the direction; green (desirable) and red (undesirable) appear only "
        "for answers the method says more of is desirable or not."),
    "dashboard.composition_in": "Composition {period}: {parts}",
    "dashboard.triad_label": "Triangle for '{question}'. {parts}",
    "dashboard.triad_areas": "Stories per area",
    "dashboard.triad_areas_note": (
        "Areas: the share of stories with a corner holding half or more, and 'mixed' in the middle (darker = more). Dot: the mean composition."),
    "dashboard.baseline": "Baseline",
    "dashboard.target": "Target",
    "dashboard.direction": "Desired direction",
    "dashboard.direction_increase": "▲ higher is better",
    "dashboard.direction_decrease": "▼ lower is better",
    "dashboard.no_indicators": (
        "This sprint has no indicators (hard data) yet; only the number of stories per period "
        "is shown here."),
}
