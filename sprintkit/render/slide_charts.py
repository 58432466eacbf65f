"""The slides' story-shift chart and two layout rules of the slides, beside
:mod:`sprintkit.render.to_pptx` (which draws every other chart and the slides themselves).

:func:`shares_chart` draws a story question's shares in two periods as a native bar chart;
:func:`nice_scale` and :func:`timeline_pt` are pure arithmetic (round axis steps, a type size
at which no word of a timeline step breaks in two)."""

from __future__ import annotations

import math
from typing import Any

from sprintkit.render.slide_plan import Chart

ACCENT = "1F4E79"
LIGHT = "D9E2EC"
BEFORE = "A6B4C2"
"""The earlier period: a neutral grey, so direction carries no colour of its own."""
GOOD = "2E7D32"
BAD = "B23B3B"
"""A clear shift's later bar where the method declares the answer's valence."""
SMALL_PT = 11


def nice_scale(low: float, high: float, ticks: int = 6) -> tuple[float, float, float]:
    """An axis from ``low`` to ``high`` with about ``ticks`` round steps (1, 2 or 5 times a
    power of ten); from zero when zero is near."""
    if low >= 0 and low < (high - low):
        low = 0.0
    span = (high - low) or abs(high) or 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def timeline_pt(steps: list[tuple[str, str]], column_pt: float) -> int:
    """The type size of a timeline's step names: 15 pt (13 for six or more steps), smaller
    when the longest word would not fit its column (so no word breaks in two), never below
    10 pt."""
    base = 15 if len(steps) <= 5 else 13
    longest = max((len(word) for name, _ in steps for word in name.split()), default=1)
    fits = (column_pt - 10) / (longest * 0.62)  # a bold character is about 0.62 em wide
    return max(10, min(base, int(fits)))


def shares_chart(slide: Any, chart: Chart, left: int, top: int, width: int, height: int) -> Any:
    """A story question's shares in two periods: horizontal bars per answer, the earlier period
    in grey, the later in the accent colour; a clear shift's later bar green or red only when
    the method declares the answer's valence (``meaning``)."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Pt

    data = CategoryChartData(number_format="0%")
    data.categories = [r["label"] for r in chart.rows]
    data.add_series(chart.labels["before"], [r["before"] for r in chart.rows])
    data.add_series(chart.labels["after"], [r["after"] for r in chart.rows])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data)
    c = frame.chart
    c.has_title = False
    c.has_legend = True
    c.legend.position = XL_LEGEND_POSITION.BOTTOM
    c.legend.include_in_layout = False
    c.category_axis.reverse_order = True
    c.category_axis.tick_labels.font.size = Pt(SMALL_PT)
    plot = c.plots[0]
    plot.gap_width = 50
    plot.overlap = 0
    plot.has_data_labels = True
    plot.data_labels.number_format = "0%"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(SMALL_PT - 1)
    earlier, later = plot.series
    _fill(earlier, BEFORE)
    _fill(later, ACCENT)
    for index, row in enumerate(chart.rows):
        if row.get("meaning"):
            point = later.points[index]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = _rgb(GOOD if row["meaning"] == "good" else BAD)
    axis = c.value_axis
    axis.minimum_scale = 0.0
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb(LIGHT)
    axis.tick_labels.number_format = "0%"
    axis.tick_labels.number_format_is_linked = False
    return frame


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour)


def _fill(series: Any, colour: str) -> None:
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(colour)
