"""The one module that builds a .pptx (python-pptx): slides of :mod:`sprintkit.render.slide_plan`
→ PowerPoint, in a reference presentation's house style.

House style: with a reference presentation its slides are dropped and its slide master and
layouts are used, each slide by the layout NAME in :data:`~sprintkit.render.slide_plan.LAYOUTS`
(a layout the reference lacks is replaced by one of its layouts with a title, and reported).
Without one, python-pptx's default master is used at 16:9 with sprintkit's margins, type scale
and colours.

Charts are native chart parts with their embedded workbook, so the client can click a chart
and edit its numbers. The hypothesis chart is a stacked horizontal bar: an invisible bar up to
the lower bound of the interval, then the interval in two parts that meet at the estimate
(the white edge between them marks it); the target is written beside the chart. Dot votes are
horizontal bars (highest on top), impact/effort an XY scatter with one named series per idea,
indicators a line chart of the measurements with the baseline and the target as flat lines.

Reproducible: core properties carry the caller's date (``SOURCE_DATE_EPOCH``), the embedded
workbooks get the same dates, and every zip is rewritten with fixed timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from sprintkit.render.slide_plan import LAYOUTS, Chart, Slide

ACCENT = "1F4E79"
GREY = "595959"
MID = "6C9BC7"
LIGHT = "D9E2EC"
SLIDE_W_IN = 13.333
SLIDE_H_IN = 7.5
MARGIN_IN = 0.6
TITLE_PT = 30
BODY_PT = 20
FACT_PT = 16
SMALL_PT = 11


@dataclass
class PptxResult:
    data: bytes
    slides: int
    charts: int
    missing_layouts: list[str] = field(default_factory=list)


def layout_names(reference: bytes) -> list[str]:
    """The names of every slide layout in a presentation (raises on a file that is not one)."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(reference))
    return [layout.name for master in prs.slide_masters for layout in master.slide_layouts]


def build_pptx(slides: list[Slide], *, reference: bytes | None, created: dt.datetime,
               title: str, author: str, lang: str, footer: str, draft: bool = False
               ) -> PptxResult:
    from pptx import Presentation
    from pptx.util import Inches

    if reference is not None:
        prs = Presentation(io.BytesIO(reference))
        _drop_slides(prs)
    else:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    builder = _Builder(prs, own_style=reference is None, footer=footer, stamp=created)
    for number, slide in enumerate(slides, start=1):
        builder.add(slide, number, len(slides))
    _core(prs, created, title, author, lang, draft)
    buffer = io.BytesIO()
    prs.save(buffer)
    from sprintkit.render.docx_parts import app_xml
    from sprintkit.render.to_docx import normalise_zip

    data = normalise_zip(buffer.getvalue(), created, replace={"docProps/app.xml": app_xml()})
    return PptxResult(data, len(slides), builder.charts, sorted(builder.missing))


def _drop_slides(prs: Any) -> None:
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        prs.part.drop_rel(sld_id.rId)
        ids.remove(sld_id)


def _core(prs: Any, created: dt.datetime, title: str, author: str, lang: str,
          draft: bool) -> None:
    props = prs.core_properties
    stamp = created.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.title = title[:255]
    props.author = author[:255]
    props.last_modified_by = author[:255] or "sprintkit"
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.content_status = "draft" if draft else ""
    from sprintkit.render.docx_parts import language_tag

    props.language = language_tag(lang)
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


class _Builder:
    def __init__(self, prs: Any, *, own_style: bool, footer: str, stamp: dt.datetime) -> None:
        self.prs = prs
        self.stamp = stamp
        self.own = own_style
        self.footer = footer
        self.charts = 0
        self.missing: set[str] = set()
        self.layouts = {layout.name: layout for master in prs.slide_masters
                        for layout in master.slide_layouts}

    # --- geometry ---------------------------------------------------------------------
    @property
    def width(self) -> int:
        return int(self.prs.slide_width)

    @property
    def height(self) -> int:
        return int(self.prs.slide_height)

    def _emu(self, inches: float) -> int:
        from pptx.util import Inches

        return int(Inches(inches))

    def body_box(self, slide: Any) -> tuple[int, int, int, int]:
        """Left, top, width, height of the area under the title."""
        margin = self._emu(MARGIN_IN)
        title = slide.shapes.title
        top = self._emu(1.6)
        if title is not None and not self.own and title.top is not None:
            top = int(title.top + title.height + self._emu(0.2))
        bottom = self.height - self._emu(0.7)
        return margin, top, self.width - 2 * margin, max(bottom - top, self._emu(2))

    # --- slides -----------------------------------------------------------------------
    def layout(self, name: str) -> Any:
        found = self.layouts.get(name)
        if found is not None:
            return found
        self.missing.add(name)
        for fallback in (n for n in LAYOUTS if n in self.layouts):
            return self.layouts[fallback]
        return next(iter(self.layouts.values()))

    def add(self, spec: Slide, number: int, total: int) -> None:
        slide = self.prs.slides.add_slide(self.layout(spec.layout))
        self._title(slide, spec)
        if spec.kind == "title":
            self._subtitle(slide, spec.subtitle)
        elif spec.kind == "section":
            self._subtitle(slide, spec.subtitle)
        elif spec.kind == "text":
            self._lines(slide, spec.lines)
        elif spec.kind == "timeline":
            self._timeline(slide, spec.steps)
        elif spec.kind == "facts":
            left, top, width, height = self.body_box(slide)
            self._facts(slide, spec.facts, left, top, width, height, size=BODY_PT)
        elif spec.kind == "hypothesis":
            self._hypothesis(slide, spec)
        elif spec.kind == "chart" and spec.chart is not None:
            left, top, width, height = self.body_box(slide)
            self._chart(slide, spec.chart, left, top, width, height)
        self._clear_empty_placeholders(slide)
        if self.own and spec.kind not in ("title", "section"):
            self._footer(slide, number, total)
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(n for n in spec.notes if n)

    def _title(self, slide: Any, spec: Slide) -> None:
        from pptx.util import Pt

        shape = slide.shapes.title
        if shape is None:
            shape = slide.shapes.add_textbox(self._emu(MARGIN_IN), self._emu(0.4),
                                             self.width - 2 * self._emu(MARGIN_IN),
                                             self._emu(1.0))
        shape.text_frame.text = spec.title
        shape.text_frame.word_wrap = True
        if not self.own:
            return
        margin = self._emu(MARGIN_IN)
        if spec.kind in ("title", "section"):
            shape.left, shape.top = margin, self._emu(2.3)
            shape.width, shape.height = self.width - 2 * margin, self._emu(1.8)
            size = 40 if spec.kind == "title" else 34
        else:
            shape.left, shape.top = margin, self._emu(0.35)
            shape.width, shape.height = self.width - 2 * margin, self._emu(1.1)
            size = TITLE_PT if len(spec.title) < 60 else 24
        for p in shape.text_frame.paragraphs:
            p.alignment = 1  # left
            for run in p.runs:
                run.font.size = Pt(size)
                run.font.bold = True
                run.font.color.rgb = _rgb(ACCENT)
        from pptx.enum.text import MSO_ANCHOR

        shape.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM if spec.kind in (
            "title", "section") else MSO_ANCHOR.MIDDLE
        if spec.kind in ("title", "section"):
            bar = slide.shapes.add_shape(1, margin, self._emu(4.25), self._emu(1.2),
                                         self._emu(0.08))
            _fill(bar, ACCENT)

    def _subtitle(self, slide: Any, text: str | None) -> None:
        from pptx.util import Pt

        holder = self._placeholder(slide, 1)
        if not text:
            return
        if holder is None:
            holder = slide.shapes.add_textbox(self._emu(MARGIN_IN), self._emu(4.5),
                                              self.width - 2 * self._emu(MARGIN_IN),
                                              self._emu(1.0))
        holder.text_frame.text = text
        holder.text_frame.word_wrap = True
        if self.own:
            holder.left, holder.top = self._emu(MARGIN_IN), self._emu(4.5)
            holder.width = self.width - 2 * self._emu(MARGIN_IN)
            holder.height = self._emu(1.0)
            for p in holder.text_frame.paragraphs:
                p.alignment = 1
                for run in p.runs:
                    run.font.size = Pt(BODY_PT)
                    run.font.color.rgb = _rgb(GREY)

    def _placeholder(self, slide: Any, idx: int) -> Any:
        for shape in slide.placeholders:
            if shape.placeholder_format.idx == idx:
                return shape
        return None

    def _clear_empty_placeholders(self, slide: Any) -> None:
        """Placeholders left empty would show their prompt text in PowerPoint."""
        for shape in list(slide.placeholders):
            if shape.has_text_frame and not shape.text_frame.text.strip():
                shape._element.getparent().remove(shape._element)

    def _lines(self, slide: Any, lines: list[str]) -> None:
        from pptx.util import Pt

        holder = self._placeholder(slide, 1)
        left, top, width, height = self.body_box(slide)
        if holder is None or self.own:
            if holder is not None:
                holder._element.getparent().remove(holder._element)
            holder = slide.shapes.add_textbox(left, top, width, height)
            own = True
        else:
            own = False
        frame = holder.text_frame
        frame.word_wrap = True
        size = BODY_PT if len(lines) <= 4 and max(map(len, lines)) < 110 else 18
        for index, line in enumerate(lines):
            p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            if own:
                numbered = line[:1].isdigit() and ". " in line[:4]  # a step keeps its number
                p.text = line if numbered else "•  " + line
                p.space_after = Pt(10)
                for run in p.runs:
                    run.font.size = Pt(size)
            else:
                p.text = line

    def _facts(self, slide: Any, facts: list[tuple[str, str]], left: int, top: int,
               width: int, height: int, size: int = FACT_PT) -> None:
        from pptx.util import Pt

        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        for index, (name, value) in enumerate(facts):
            p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            head = p.add_run()
            head.text = name
            head.font.bold = True
            head.font.size = Pt(size - 4)
            head.font.color.rgb = _rgb(ACCENT)
            line = frame.add_paragraph()
            run = line.add_run()
            run.text = value
            run.font.size = Pt(size)
            line.space_after = Pt(size * 0.7)

    def _hypothesis(self, slide: Any, spec: Slide) -> None:
        left, top, width, height = self.body_box(slide)
        gap = self._emu(0.4)
        text_w = int(width * 0.42) if spec.chart else width
        self._facts(slide, spec.facts, left, top, text_w, height)
        if spec.chart is not None:
            self._chart(slide, spec.chart, left + text_w + gap, top,
                        width - text_w - gap, min(height, self._emu(4.4)))

    def _timeline(self, slide: Any, steps: list[tuple[str, str]]) -> None:
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        if not steps:
            return
        left, top, width, height = self.body_box(slide)
        column = width // len(steps)
        line_y = top + max(self._emu(1.3), int(height * 0.35))
        from sprintkit.render.slide_charts import timeline_pt

        size = timeline_pt(steps, column / 12700)
        line = slide.shapes.add_shape(1, left + column // 2, line_y - self._emu(0.02),
                                      max(column * (len(steps) - 1), 1), self._emu(0.04))
        _fill(line, LIGHT)
        dot = self._emu(0.36)
        for index, (name, when) in enumerate(steps):
            centre = left + column * index + column // 2
            circle = slide.shapes.add_shape(9, centre - dot // 2, line_y - dot // 2, dot, dot)
            _fill(circle, ACCENT)
            number = circle.text_frame
            number.text = str(index + 1)
            for run in number.paragraphs[0].runs:
                run.font.size = Pt(SMALL_PT)
                run.font.bold = True
                run.font.color.rgb = _rgb("FFFFFF")
            number.paragraphs[0].alignment = PP_ALIGN.CENTER
            box = slide.shapes.add_textbox(centre - column // 2 + self._emu(0.05),
                                           line_y + self._emu(0.4),
                                           column - self._emu(0.1), self._emu(2.4))
            frame = box.text_frame
            frame.word_wrap = True
            p = frame.paragraphs[0]
            p.alignment = PP_ALIGN.CENTER
            run = p.add_run()
            run.text = name
            run.font.bold = True
            run.font.size = Pt(size)
            if when:
                q = frame.add_paragraph()
                q.alignment = PP_ALIGN.CENTER
                r = q.add_run()
                r.text = when
                r.font.size = Pt(SMALL_PT + 1)
                r.font.color.rgb = _rgb(GREY)

    def _footer(self, slide: Any, number: int, total: int) -> None:
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        margin = self._emu(MARGIN_IN)
        y = self.height - self._emu(0.5)
        left = slide.shapes.add_textbox(margin, y, int(self.width * 0.7), self._emu(0.3))
        left.text_frame.text = self.footer
        left.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        right = slide.shapes.add_textbox(self.width - margin - self._emu(1.5), y,
                                         self._emu(1.5), self._emu(0.3))
        right.text_frame.text = f"{number} / {total}"
        right.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
        left.text_frame.word_wrap = right.text_frame.word_wrap = True  # else it is centred
        for box in (left, right):
            for run in box.text_frame.paragraphs[0].runs:
                run.font.size = Pt(SMALL_PT - 1)
                run.font.color.rgb = _rgb(GREY)

    # --- charts -----------------------------------------------------------------------
    def _chart(self, slide: Any, chart: Chart, left: int, top: int, width: int,
               height: int) -> None:
        from sprintkit.render.slide_charts import shares_chart

        build = {"interval": _interval, "votes": _votes, "matrix": _matrix,
                 "trend": _trend, "shares": shares_chart}[chart.kind]
        frame = build(slide, chart, left, top, width, height)
        _stamp_workbook(frame.chart, self.stamp)
        self.charts += 1


def _interval(slide: Any, chart: Chart, left: int, top: int, width: int, height: int) -> Any:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    data = CategoryChartData(number_format="0%" if chart.percent else "General")
    data.categories = [r["label"] for r in chart.rows]
    data.add_series(chart.labels["low"], [r["low"] for r in chart.rows])
    data.add_series(chart.labels["to_estimate"], [r["estimate"] - r["low"] for r in chart.rows])
    data.add_series(chart.labels["to_high"], [r["high"] - r["estimate"] for r in chart.rows])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, left, top, width, height, data)
    c = frame.chart
    c.has_legend = False
    _chart_title(c, chart.title)
    plot = c.plots[0]
    plot.gap_width = 80
    base, lower, upper = plot.series
    base.format.fill.background()
    base.format.line.fill.background()
    for series, colour in ((lower, ACCENT), (upper, MID)):
        _fill(series, colour)
        series.format.line.color.rgb = _rgb("FFFFFF")
        series.format.line.width = 38100  # 3 pt: the white edge between them is the estimate
    axis = c.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb(LIGHT)
    if chart.percent:
        axis.minimum_scale, axis.maximum_scale = 0.0, 1.0
        axis.major_unit = 0.2  # six labels that fit upright
        axis.tick_labels.number_format = "0%"
        axis.tick_labels.number_format_is_linked = False
    else:  # the target inside the scale, at round steps
        values = [v for r in chart.rows for v in (r["low"], r["high"], r.get("target"))
                  if v is not None]
        from sprintkit.render.slide_charts import nice_scale

        low, high, step = nice_scale(min(values), max(values))
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = low, high, step
    return frame


def _chart_title(c: Any, text: str) -> None:
    from pptx.util import Pt

    c.has_title = True
    frame = c.chart_title.text_frame
    frame.text = text
    for run in frame.paragraphs[0].runs:
        run.font.size = Pt(SMALL_PT + 2)
        run.font.bold = False


def _votes(slide: Any, chart: Chart, left: int, top: int, width: int, height: int) -> Any:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    data = CategoryChartData()
    data.categories = [r["item"] for r in chart.rows]
    data.add_series(chart.labels["votes"], [r["votes"] for r in chart.rows])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data)
    c = frame.chart
    c.has_legend = False
    c.has_title = False
    c.category_axis.reverse_order = True
    plot = c.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    plot.data_labels.show_value = True
    _fill(plot.series[0], ACCENT)
    c.value_axis.has_major_gridlines = False
    c.value_axis.visible = False
    return frame


def _matrix(slide: Any, chart: Chart, left: int, top: int, width: int, height: int) -> Any:
    from pptx.chart.data import XyChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE
    from pptx.util import Pt

    data = XyChartData()
    for r in chart.rows:
        series = data.add_series(r["item"])
        series.add_data_point(r["effort"], r["impact"])
    wide = min(width, int(height * 1.6))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, left + (width - wide) // 2, top,
                                   wide, height, data)
    c = frame.chart
    c.has_legend = False
    c.has_title = False
    low, high = chart.scale
    for axis, name in ((c.category_axis, chart.labels["effort"]),
                       (c.value_axis, chart.labels["impact"])):
        axis.minimum_scale, axis.maximum_scale = low - 1, high + 1
        axis.major_unit = 1
        axis.has_major_gridlines = False
        axis.has_title = True
        axis.axis_title.text_frame.text = name
    places = (XL_LABEL_POSITION.RIGHT, XL_LABEL_POSITION.LEFT, XL_LABEL_POSITION.ABOVE,
              XL_LABEL_POSITION.BELOW)
    seen: dict[tuple[float, float], int] = {}
    spots = [(r["effort"], r["impact"]) for r in chart.rows]
    for row, series in zip(chart.rows, c.plots[0].series, strict=True):
        spot = (row["effort"], row["impact"])
        order = places  # ideas on one spot: labels apart; a neighbour just right: left first
        if any(0 < x - spot[0] <= 1.5 and abs(y - spot[1]) < 0.5 for x, y in spots):
            order = places[1:] + places[:1]
        place = order[seen.get(spot, 0) % len(order)]
        seen[spot] = seen.get(spot, 0) + 1
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 10
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(ACCENT)
        label = series.points[0].data_label
        label.position = place
        label.text_frame.text = series.name  # the idea's name, as every viewer shows it
        for run in label.text_frame.paragraphs[0].runs:
            run.font.size = Pt(10)
    return frame


def _trend(slide: Any, chart: Chart, left: int, top: int, width: int, height: int) -> Any:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE

    shown = '0"%"' if chart.percent else "General"  # a rate is kept in percent points
    data = CategoryChartData(number_format=shown)
    data.categories = [r["period"] for r in chart.rows]
    data.add_series(chart.labels["value"], [r["value"] for r in chart.rows])
    if chart.baseline is not None:
        data.add_series(chart.labels["baseline"], [chart.baseline] * len(chart.rows))
    if chart.target is not None:
        data.add_series(chart.labels["target"], [chart.target] * len(chart.rows))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, top, width, height, data)
    c = frame.chart
    c.has_legend = True
    c.legend.position = XL_LEGEND_POSITION.BOTTOM
    c.legend.include_in_layout = False
    colours = [ACCENT, "8C8C8C", "2E8B57"]
    for index, series in enumerate(c.plots[0].series):
        series.format.line.color.rgb = _rgb(colours[index])
        series.smooth = False
        if index:
            series.format.line.dash_style = 4  # dash
            series.marker.style = XL_MARKER_STYLE.NONE
    if len(chart.rows) == 1:  # one measurement draws no line: a wide dash for the others
        c.plots[0].series[0].marker.size = 12
        for series in list(c.plots[0].series)[1:]:
            series.marker.style = XL_MARKER_STYLE.DASH
            series.marker.size = 30
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = series.format.line.color.rgb
    c.value_axis.major_gridlines.format.line.color.rgb = _rgb(LIGHT)
    if chart.percent:
        c.value_axis.tick_labels.number_format = shown
        c.value_axis.tick_labels.number_format_is_linked = False
    return frame


def _stamp_workbook(chart: Any, stamp: dt.datetime) -> None:
    """The embedded workbook with the document's date and fixed zip timestamps (XlsxWriter
    stamps the clock)."""
    from sprintkit.render.to_docx import normalise_zip

    part = chart.part.chart_workbook.xlsx_part
    if part is None:
        return
    iso = stamp.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    source = io.BytesIO(part.blob)
    import zipfile

    with zipfile.ZipFile(source) as z:
        core = z.read("docProps/core.xml").decode("utf-8") if "docProps/core.xml" in \
            z.namelist() else None
    replace = {}
    if core is not None:
        core = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{iso}\g<2>",
                      core)
        replace["docProps/core.xml"] = core.encode("utf-8")
    part.blob = normalise_zip(part.blob, stamp, replace=replace)


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour)


def _fill(shape: Any, colour: str) -> None:
    """A solid fill; a shape (not a chart series) also loses its outline."""
    series = hasattr(shape, "format")
    fill = shape.format.fill if series else shape.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(colour)
    if not series:
        shape.line.fill.background()


CHART_BUILDERS = {"interval": _interval, "votes": _votes, "matrix": _matrix, "trend": _trend}
"""How each kind of :class:`~sprintkit.render.slide_plan.Chart` is drawn."""


def draw_chart(slide: Any, chart: Chart, box: tuple[int, int, int, int],
               stamp: dt.datetime) -> Any:
    """Draw ``chart`` on ``slide`` in ``box`` (left, top, width, height in EMU) as on the
    slides, its workbook dated ``stamp``; the graphic frame (for a chart outside a
    presentation: :mod:`sprintkit.render.pptx_charts`)."""
    frame = CHART_BUILDERS[chart.kind](slide, chart, *box)
    _stamp_workbook(frame.chart, stamp)
    return frame
