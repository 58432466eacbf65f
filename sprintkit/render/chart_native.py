"""The report's charts as native, editable charts in Word: one data path with the slides.

A chart spec of :mod:`sprintkit.render.context` (``forest``, ``indicator``, ``votes``,
``matrix``) becomes the :class:`~sprintkit.render.slide_plan.Chart` record the slides are drawn
from, and :class:`~sprintkit.render.pptx_charts.ChartParts` writes it as a chart part with its
embedded workbook, the way the slides' charts are written. :mod:`sprintkit.render.to_docx`
places the part in the document (:mod:`sprintkit.render.docx_charts`).

What a native chart cannot show as the picture does is left to the picture: the assumption
map and the story distributions have no native form, nor does an interval below zero (a stacked
bar starts at zero), a dot vote of more than :data:`MOST_ROWS` ideas or a matrix of more than
:data:`MOST_POINTS`. Those specs give ``None`` and the document keeps the picture.

Every native chart carries a title and a description (``docPr`` ``title`` and ``descr``): the
numbers it shows in words, for a screen reader and for whoever cannot see the chart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sprintkit.i18n import t
from sprintkit.render import fmt
from sprintkit.render.chart_style import verdict_words, words_in
from sprintkit.render.slide_plan import Chart, short

NATIVE_KINDS = ("forest", "indicator", "votes", "matrix")
"""The report's chart kinds that have a native form."""
MOST_ROWS = 30
"""A dot vote with more ideas than this stays a picture (which counts what it leaves out)."""
MOST_POINTS = 15
"""An impact/effort matrix with more ideas than this stays a picture (numbered, with a key)."""
EMU_PER_CM = 360000


@dataclass
class NativeChart:
    """A chart part ready for a .docx: its XML, its workbook, its size and its words."""

    xml: bytes
    workbook: bytes
    width_cm: float
    height_cm: float
    title: str
    description: str


def _finite(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold (a chart part is XML; a picture could draw them)."""


def xml_text(value: Any) -> str:
    """``value`` as text a chart part can hold."""
    return NOT_XML.sub("", str(value))


def native_chart(spec: dict[str, Any]) -> Chart | None:
    """The native chart of a report chart spec, or ``None`` when it has no native form."""
    builders = {"forest": _interval, "indicator": _trend, "votes": _votes, "matrix": _matrix}
    build = builders.get(str(spec.get("type")))
    if build is None:
        return None
    try:
        chart = build(spec)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if chart is not None:
        chart.title = xml_text(chart.title)
        chart.labels = {key: xml_text(text) for key, text in chart.labels.items()}
        chart.rows = [{key: xml_text(v) if isinstance(v, str) else v for key, v in row.items()}
                      for row in chart.rows]
    return chart


def _interval(spec: dict[str, Any]) -> Chart | None:
    lang = spec.get("lang", "nl")
    percent = bool(spec.get("percent"))
    relative = bool(spec.get("relative"))
    verdicts = verdict_words(lang)
    rows = []
    targets = {(r.get("op"), _finite(r.get("target"))) for r in spec["rows"]}
    shared = len(targets) == 1 and None not in next(iter(targets))
    for row in spec["rows"]:
        values = [_finite(row.get(k)) for k in ("estimate", "low", "high")]
        target = _finite(row.get("target"))
        if any(v is None for v in values):
            continue
        estimate, low, high = (float(v) for v in values)  # type: ignore[arg-type]
        if relative:
            if not target:
                return None
            estimate, low, high = (100 * v / target for v in (estimate, low, high))
        if low < 0 or not low <= estimate <= high:
            return None  # a stacked bar cannot start below zero
        label = str(row.get("label") or "")
        if target is not None and not shared and not relative:
            label += f": {fmt.format_target(row.get('op') or '', target, percent, lang)}"
        verdict = row.get("verdict")
        if verdict in verdicts:
            label += f" ({verdicts[verdict]})"
        rows.append({"label": label, "estimate": estimate, "low": low, "high": high,
                     "target": target})
    if not rows:
        return None
    title = t("slides.chart_interval", lang)
    if relative:
        title += f", {words_in(lang)['relative']}"
    elif spec.get("unit"):
        title += f" ({spec['unit']})"
    if shared and not relative:
        op, value = next(iter(targets))
        title += "; " + t("slides.target_line", lang,
                          target=fmt.format_target(op or "", float(value or 0), percent, lang))
    return Chart("interval", title, rows, percent=percent,
                 labels={"low": t("slides.series_low", lang),
                         "to_estimate": t("slides.series_to_estimate", lang),
                         "to_high": t("slides.series_to_high", lang)})


def _trend(spec: dict[str, Any]) -> Chart | None:
    lang = spec.get("lang", "nl")
    rows = [{"period": str(p["period"]), "value": _finite(p.get("value"))}
            for p in spec["points"]]
    if not rows or any(r["value"] is None for r in rows):
        return None
    name = str(spec.get("name") or "")
    return Chart("trend", short(name, 90), rows, percent=bool(spec.get("percent")),
                 baseline=_finite(spec.get("baseline")), target=_finite(spec.get("target")),
                 labels={"value": short(name, 40), "baseline": t("doc.baseline", lang),
                         "target": t("doc.target", lang)})


def _votes(spec: dict[str, Any]) -> Chart | None:
    lang = spec.get("lang", "nl")
    valid = [(i, r, v) for i, r in enumerate(spec["rows"])
             if (v := _finite(r.get("votes"))) is not None and v >= 0]
    if not valid or len(valid) > MOST_ROWS:
        return None
    ordered = sorted(valid, key=lambda x: (-x[2], x[0]))  # most votes first, as the picture
    rows = [{"item": short(r.get("item"), 60), "votes": v} for _, r, v in ordered]
    return Chart("votes", words_in(lang)["votes"], rows,
                 labels={"votes": t("slides.series_votes", lang)})


def _matrix(spec: dict[str, Any]) -> Chart | None:
    lang = spec.get("lang", "nl")
    given = spec.get("scale")
    scale: dict[str, Any] = given if isinstance(given, dict) else {}
    low, high = _finite(scale.get("min")), _finite(scale.get("max"))
    if low is None or high is None or not low < high:
        low, high = 1.0, 5.0
    rows = []
    for r in spec["rows"]:
        impact, effort = _finite(r.get("impact")), _finite(r.get("effort"))
        if impact is None or effort is None:
            continue
        if not (low <= impact <= high and low <= effort <= high):
            continue
        rows.append({"item": _point_label(r.get("item")), "impact": impact, "effort": effort})
    if not rows or len(rows) > MOST_POINTS:
        return None
    words = words_in(lang)
    return Chart("matrix", t("doc.matrix_caption", lang), rows, scale=(low, high),
                 labels={"impact": words["impact"], "effort": words["effort"]})


def _point_label(item: Any) -> str:
    """A point's label: an idea's name before its colon ("Kleinere caseload: extra …"), else
    its first words (the table under the chart gives every idea in full)."""
    text = " ".join(str(item or "").split())
    head = text.split(":", 1)[0].strip()
    return head if ":" in text and 2 <= len(head) <= 30 else short(text, 30)


def height_cm(chart: Chart, width_cm: float) -> float:
    """How tall a native chart is drawn in a document ``width_cm`` wide."""
    rows = len(chart.rows)
    if chart.kind == "interval":
        return 2.6 + 0.9 * rows
    if chart.kind == "votes":
        return 1.4 + 0.75 * rows
    if chart.kind == "matrix":
        return min(width_cm * 0.62, 11.0)
    return min(width_cm * 0.5, 8.0)


def describe(chart: Chart, lang: str) -> str:
    """The chart's numbers in words (its alt text)."""

    def number(value: float) -> str:
        if chart.percent and chart.kind == "interval":
            return fmt.format_percent(value, lang)
        if chart.percent:
            return fmt.format_number(round(value, 1), lang) + "%"
        return fmt.format_number(round(value, 1 if abs(value) >= 10 else 2), lang)

    if chart.kind == "interval":
        parts = [f"{r['label']}: {number(r['estimate'])} "
                 f"({number(r['low'])}–{number(r['high'])})" for r in chart.rows]
    elif chart.kind == "votes":
        parts = [f"{r['item']}: {number(r['votes'])}" for r in chart.rows]
    elif chart.kind == "matrix":
        impact, effort = chart.labels["impact"], chart.labels["effort"]
        parts = [f"{r['item']}: {impact} {number(r['impact'])}, {effort} {number(r['effort'])}"
                 for r in chart.rows]
    else:
        parts = [f"{r['period']}: {number(r['value'])}" for r in chart.rows]
        for key in ("baseline", "target"):
            value = chart.baseline if key == "baseline" else chart.target
            if value is not None:
                parts.append(f"{chart.labels[key]}: {number(value)}")
    return f"{chart.title}. " + "; ".join(parts) + "."


PartWriter = Callable[[Chart, int, int, dt.datetime, str | None], tuple[bytes, bytes]]
"""Writes a chart's part XML and workbook (:class:`sprintkit.render.pptx_charts.ChartParts`)."""


class NativeCharts:
    """The native charts of one document, by chart reference (``None``: keep the picture)."""

    def __init__(self, specs: dict[str, dict[str, Any]], created: dt.datetime, lang: str, *,
                 writer: PartWriter, native: bool = True) -> None:
        self.specs = specs
        self.created = created
        self.lang = lang
        self.native = native
        """False: every chart stays a picture (``--chart-style image``), with its words."""
        self._writer = writer
        self._charts: dict[str, Chart | None] = {}
        self._made: dict[tuple[str, float, str, str | None], NativeChart] = {}

    def chart(self, ref: str) -> Chart | None:
        """The native chart of ``ref`` (``None`` when it stays a picture)."""
        if ref not in self._charts:
            spec = self.specs.get(ref)
            self._charts[ref] = native_chart(spec) if spec is not None else None
        return self._charts[ref]

    def covers(self, ref: str) -> bool:
        """Whether ``ref`` is written as a native chart (so no picture need be drawn)."""
        return self.native and self.chart(ref) is not None

    def describe(self, ref: str) -> str:
        """The words of the chart ``ref`` (empty when it has no native form)."""
        chart = self.chart(ref)
        return describe(chart, self.spec_lang(ref)) if chart is not None else ""

    def __call__(self, ref: str, width_cm: float, title: str, font: str | None = None
                 ) -> NativeChart | None:
        """The chart part of ``ref``, ``width_cm`` wide, its text in ``font`` (the document's
        body font), titled ``title`` for a screen reader (``None``: it stays a picture)."""
        chart = self.chart(ref) if self.native else None
        if chart is None:
            return None
        key = (ref, width_cm, title, font)
        made = self._made.get(key)
        if made is not None:  # a document built twice (page numbers) or a chart shown twice
            return made
        height = height_cm(chart, width_cm)
        try:
            xml, workbook = self._writer(chart, int(width_cm * EMU_PER_CM),
                                         int(height * EMU_PER_CM), self.created, font)
        except Exception:  # python-pptx could not write it (odd data): keep the picture
            self._charts[ref] = None
            return None
        made = NativeChart(xml, workbook, width_cm, height, xml_text(title) or chart.title,
                           describe(chart, self.spec_lang(ref)))
        self._made[key] = made
        return made

    def spec_lang(self, ref: str) -> str:
        return str(self.specs.get(ref, {}).get("lang") or self.lang)
