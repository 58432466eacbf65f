"""Native charts outside a presentation (the Word report and plan), with python-pptx's chart
writer: the slides' own chart drawing (:func:`sprintkit.render.to_pptx.draw_chart`) on a scratch
slide, then the chart part's XML and its embedded workbook taken out for a .docx.

A page is read closer than a slide: text is smaller, an interval chart lists its rows top down
(as the table beside it) with a value axis that reaches the targets, an impact/effort matrix
shows its quadrants, and an indicator with one measurement shows its baseline and target as
wide dashes (a line needs two points).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sprintkit.render.slide_plan import Chart


class ChartParts:
    """Each call gives one chart part's XML (``c:chartSpace``, its ``c:externalData`` naming
    the workbook as ``rId1``) and its embedded workbook. ``width`` and ``height`` are in EMU;
    the workbook carries ``stamp`` as its date; text is ``font_pt`` in ``font`` (the
    document's body font). One scratch presentation serves every chart of a document."""

    def __init__(self, font_pt: float = 9) -> None:
        self._slide: Any = None
        self.font_pt = font_pt

    def __call__(self, chart: Chart, width: int, height: int, stamp: dt.datetime,
                 font: str | None = None) -> tuple[bytes, bytes]:
        from pptx.util import Pt

        from sprintkit.render.to_pptx import draw_chart

        if self._slide is None:
            from pptx import Presentation

            prs = Presentation()
            self._slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
        frame = draw_chart(self._slide, chart, (0, 0, width, height), stamp)
        c = frame.chart
        c.font.size = Pt(self.font_pt)
        if font:
            c.font.name = font
        if c.has_title:
            for run in c.chart_title.text_frame.paragraphs[0].runs:
                run.font.size = Pt(self.font_pt + 1)
                run.font.bold = True
        if chart.kind == "interval":
            _interval_page(c, chart)
        elif chart.kind == "matrix":
            _matrix_page(c, chart)
        part = frame.chart.part
        workbook = part.chart_workbook.xlsx_part
        space = c._chartSpace
        rid = space.externalData.rId if space.externalData is not None else None
        if workbook is None or rid != "rId1":
            raise ValueError("python-pptx wrote the chart without its workbook as rId1")
        return part.blob, workbook.blob


def _interval_page(c: Any, chart: Chart) -> None:
    """Rows top down, and a value axis on round numbers that reaches the targets (a slide
    says the target in its title only)."""
    if len(chart.rows) > 1:
        c.category_axis.reverse_order = True
    if chart.percent:
        return
    values = [v for r in chart.rows for v in (r["low"], r["high"], r.get("target"))
              if v is not None]
    low, high = min(values), max(values)
    step = nice_step((high - low) / 5 or abs(high) / 5 or 1.0)
    axis = c.value_axis
    axis.minimum_scale = max(0.0, math.floor(low / step - 0.5) * step)
    axis.maximum_scale = math.ceil(high / step + 0.5) * step
    axis.major_unit = step
    axis.tick_labels.number_format = "#,##0.###"
    axis.tick_labels.number_format_is_linked = False


def _matrix_page(c: Any, chart: Chart) -> None:
    """The axes cross in the middle of the scale, drawing the four quadrants (their numbers
    stay at the edges); ideas on one impact level get their labels above and below in turn,
    so neighbours' names do not run into each other."""
    from pptx.enum.chart import XL_LABEL_POSITION, XL_TICK_LABEL_POSITION

    low, high = chart.scale
    for axis in (c.value_axis, c.category_axis):
        axis.crosses_at = (low + high) / 2
        axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    level: dict[float, list[int]] = {}
    for index, row in enumerate(chart.rows):
        level.setdefault(row["impact"], []).append(index)
    series = list(c.plots[0].series)
    for indices in level.values():
        if len(indices) < 2:
            continue
        indices.sort(key=lambda i: chart.rows[i]["effort"])
        for turn, index in enumerate(indices):
            label = series[index].points[0].data_label
            label.position = XL_LABEL_POSITION.ABOVE if turn % 2 == 0 else (
                XL_LABEL_POSITION.BELOW)


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``rough``."""
    power = 10 ** math.floor(math.log10(rough))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= rough)
