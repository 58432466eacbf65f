"""The charts' shared style: sizes, colours, marker shapes per verdict, their words and
:class:`EmptyChart`; used by :mod:`sprintkit.render.charts` and every ``chart_*`` module."""

from __future__ import annotations

from typing import Any

from sprintkit.render.markup import clean

WIDTH_CM = 16.0
ROW_CM = 0.62
DPI = 150
COLOURS = {
    "supported": "#2e7d32",
    "refuted": "#c62828",
    "inconclusive": "#b7791f",
    "insufficient_data": "#757575",
}
INK = "#263238"
TARGET = "#1565c0"
BASELINE = "#9e9e9e"


class EmptyChart(ValueError):
    """Nothing to draw: the spec has no row with drawable values (the caller shows no chart)."""


def words(lang: str) -> dict[str, str]:
    """The charts' words in ``lang`` (the catalogue's ``chart.*`` keys, without the prefix)."""
    from sprintkit.i18n import catalogue

    return {key[6:]: text for key, text in catalogue(lang).items()
            if key.startswith("chart.") and key.count(".") == 1}


words_in = words


def verdict_words(lang: str) -> dict[str, str]:
    """Verdicts as the charts label them (``chart.verdict.*``)."""
    from sprintkit.i18n import catalogue

    return {key[14:]: text for key, text in catalogue(lang).items()
            if key.startswith("chart.verdict.")}


def chart_text(value: Any) -> str:
    """A value as a chart shows it: plain text, nothing for ``None``."""
    return clean(str(value)) if value is not None else ""


MARKERS = {"supported": "o", "refuted": "X", "inconclusive": "D", "insufficient_data": "o",
           "untested": "s"}
"""Marker shape per verdict; ``untested`` (no verdict yet) is for the assumption map."""
LABELLED_ROWS = 15
"""Charts with at most this many rows name the verdict beside each row; bigger ones rely on
colour and marker shape (explained in the legend), which is also much faster to draw."""
ESTIMATE_SIZE = 6.0
"""Marker size (points) of an estimate in the forest chart, in the plot and its legend."""


def verdict_key(verdict: Any) -> str:
    """The verdict as a key of :data:`MARKERS` (anything else: ``untested``)."""
    return verdict if isinstance(verdict, str) and verdict in MARKERS else "untested"


def verdict_style(verdict: Any, size: float = ESTIMATE_SIZE) -> dict[str, Any]:
    """Line2D keywords of a verdict's marker — shape, size, colour, fill (hollow: insufficient
    data or no verdict). The plot and its legend both draw with these."""
    key = verdict_key(verdict)
    colour = COLOURS.get(key, INK)
    hollow = key in ("insufficient_data", "untested")
    return {"marker": MARKERS[key], "markersize": size, "linestyle": "none", "color": colour,
            "markerfacecolor": "white" if hollow else colour, "markeredgecolor": colour,
            "markeredgewidth": 1.2}
