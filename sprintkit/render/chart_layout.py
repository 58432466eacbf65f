"""Laying out a chart in centimetres, for :mod:`sprintkit.render.chart_choices` and
:mod:`sprintkit.render.chart_map`: one axes over the whole figure (:func:`page`), text wrapped
and measured in the charts' font (:func:`wrap`, :func:`text_cm`), points that would hide each
other moved apart (:func:`spread`), a value scale drawn by hand (:class:`Scale`,
:func:`draw_frame`, :func:`draw_axes`), and the values a chart can draw (:func:`finite`)."""

from __future__ import annotations

import math
import textwrap
import warnings
from dataclasses import dataclass
from typing import Any

from sprintkit.render.chart_style import INK, EmptyChart, chart_text, words_in

LINE_CM = 0.37
"""Height of one line of 8.5 pt text."""
NOTE_CM = 0.45
ENTRY_GAP = 0.07
GREY = "#546e7a"
FRAME = "#b0bec5"
MIDLINE = "#78909c"
Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in cm from the figure's bottom left."""


def wrap(text: Any, width: int = 40, lines: int = 2, room_cm: float | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` characters (and, given ``room_cm``, at most that
    wide in 8.5 pt type), at most ``lines`` of them (the last one ends in ``…`` when text was
    left out)."""
    flat = " ".join(chart_text(text).split())
    while True:
        out = textwrap.wrap(flat, width, break_long_words=True, break_on_hyphens=True) or [""]
        if len(out) > lines:
            out = out[:lines]
            out[-1] = out[-1][: width - 1].rstrip() + "…"
        if room_cm is None or width <= 4 or max(text_cm(line) for line in out) <= room_cm:
            return out
        width -= 2


_MEASURE: list[Any] = []


def text_cm(text: str, size: float = 8.5, bold: bool = False) -> float:
    """How wide ``text`` is drawn in the charts' font, in cm."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    if not _MEASURE:
        _MEASURE.append(RendererAgg(10, 10, 72))
    prop = FontProperties(family="DejaVu Sans", size=size, weight="bold" if bold else "normal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph the font lacks (emoji) is measured as a box
        width, _, _ = _MEASURE[0].get_text_width_height_descent(text, prop, ismath=False)
    return float(width) / 72 * 2.54


def finite(value: Any) -> float | None:
    """``value`` as a finite float, else None (None, text, NaN, infinity, booleans)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def chart_words(spec: dict[str, Any]) -> dict[str, str]:
    return words_in(spec.get("lang", "nl"))


def spec_rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = spec.get("rows") or []
    if not isinstance(rows, list) or not rows:
        raise EmptyChart(f"the {spec.get('type')} chart has no rows")
    return [r if isinstance(r, dict) else {} for r in rows]


def page(fig: Any) -> Any:
    """One axes over the whole figure, in centimetres from the bottom left."""
    width, height = (v * 2.54 for v in fig.get_size_inches())
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    return ax


def extent_cm(fig: Any, artist: Any) -> Box:
    """An artist's bounding box (x0, y0, x1, y1) in cm from the figure's bottom left."""
    box = artist.get_window_extent(fig.canvas.get_renderer())
    scale = 2.54 / fig.dpi
    return box.x0 * scale, box.y0 * scale, box.x1 * scale, box.y1 * scale


def note_lines(spec: dict[str, Any], hidden: int, skipped: int) -> list[str]:
    words = chart_words(spec)
    notes = []
    if hidden:
        notes.append(words["more"].format(n=hidden))
    if skipped:
        notes.append(words["skipped"].format(n=skipped))
    return notes


def spread(points: list[tuple[float, float]], gap: float,
           box: tuple[float, float, float, float],
           spacing: tuple[float, float] | None = None) -> list[tuple[float, float]]:
    """``points`` (cm) moved apart so that no two are closer than ``gap``: points that (nearly)
    coincide are set in a small grid around their middle (``spacing`` apart across and down,
    default ``gap``), kept inside ``box`` (x0, y0, x1, y1). Points apart already stay put."""
    across, down = spacing or (gap, gap)
    placed = list(points)
    for _ in range(6):
        groups = _clusters(placed, gap)
        if all(len(g) == 1 for g in groups):
            break
        for group in groups:
            if len(group) == 1:
                continue
            cx = sum(points[i][0] for i in group) / len(group)
            cy = sum(points[i][1] for i in group) / len(group)
            cols = math.ceil(math.sqrt(len(group)))
            lines = math.ceil(len(group) / cols)
            spots = [(cx + (k % cols - (cols - 1) / 2) * across,
                      cy - (k // cols - (lines - 1) / 2) * down) for k in range(len(group))]
            dx = _shift([s[0] for s in spots], box[0], box[2])
            dy = _shift([s[1] for s in spots], box[1], box[3])
            for i, (sx, sy) in zip(group, spots, strict=True):
                placed[i] = (sx + dx, sy + dy)
    return placed


def _shift(values: list[float], low: float, high: float) -> float:
    if min(values) < low:
        return low - min(values)
    if max(values) > high:
        return high - max(values)
    return 0.0


def _clusters(points: list[tuple[float, float]], gap: float) -> list[list[int]]:
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (xi, yi) in enumerate(points):
        for j in range(i + 1, len(points)):
            xj, yj = points[j]
            if math.hypot(xi - xj, yi - yj) < gap * 0.999:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(points)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


@dataclass
class Scale:
    """A value range drawn over ``length`` cm from ``start``, with ``pad`` values of room at
    both ends."""

    low: float
    high: float
    start: float
    length: float
    pad: float

    def at(self, value: float) -> float:
        return self.start + (value - self.low + self.pad) / (
            self.high - self.low + 2 * self.pad) * self.length

    @property
    def end(self) -> float:
        return self.start + self.length

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


def tick_values(low: float, high: float) -> list[float]:
    span = high - low
    step = 1.0 if span <= 10 else 10 ** math.floor(math.log10(span / 5))
    first = math.ceil(low / step) * step
    count = int((high - first) / step + 1e-9) + 1
    return [first + k * step for k in range(min(count, 12))]


def draw_frame(ax: Any, x: Scale, y: Scale) -> None:
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((x.start, y.start), x.length, y.length, fill=False,
                           edgecolor=FRAME, linewidth=0.8, zorder=1))
    ax.plot([x.at(x.middle)] * 2, [y.start, y.end], color=MIDLINE, linewidth=0.9,
            linestyle=(0, (4, 3)), zorder=1)
    ax.plot([x.start, x.end], [y.at(y.middle)] * 2, color=MIDLINE, linewidth=0.9,
            linestyle=(0, (4, 3)), zorder=1)


def draw_axes(ax: Any, x: Scale, y: Scale, xticks: list[tuple[float, str]],
               yticks: list[tuple[float, str]], xlabel: str, ylabel: str) -> None:
    for value, shown in xticks:
        at = x.at(value)
        ax.plot([at, at], [y.start, y.start - 0.1], color=FRAME, linewidth=0.8)
        ax.text(at, y.start - 0.17, shown, ha="center", va="top", color=INK)
    for value, shown in yticks:
        at = y.at(value)
        ax.plot([x.start, x.start - 0.1], [at, at], color=FRAME, linewidth=0.8)
        ax.text(x.start - 0.17, at, shown, ha="right", va="center", color=INK)
    ax.text((x.start + x.end) / 2, y.start - 0.62, xlabel, ha="center", va="top", color=INK,
            fontweight="bold")
    ax.text(x.start - 0.75, (y.start + y.end) / 2, ylabel, ha="right", va="center", color=INK,
            rotation=90, rotation_mode="anchor", fontweight="bold")


def overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def outside(box: Box,
             frame: Box) -> float:
    inside = overlap(box, frame)
    return (box[2] - box[0]) * (box[3] - box[1]) - inside
