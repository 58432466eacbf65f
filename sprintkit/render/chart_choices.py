"""Charts for choosing, drawn by :mod:`sprintkit.render.charts` (same conventions):

* ``votes`` — a dot vote as horizontal bars, most votes first, each bar with its count;
* ``matrix`` — an impact/effort 2×2 with numbered points and a numbered key per quadrant;
* ``assumptions`` — an assumption map, importance × evidence, points by verdict.

Everything is laid out in centimetres on one axes that covers the figure, so that
:func:`size_cm` and the drawing share one layout (:func:`_votes_layout`, :func:`_matrix_layout`,
:func:`_assumptions_layout`) and labels have the room they are given. Long item texts are
wrapped at about 40 characters and end in ``…`` after their last allowed line.

A row without a finite value (or outside its scale) is left out and counted in a note below
the chart; a spec without any drawable row raises :class:`~sprintkit.render.charts.EmptyChart`.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from typing import Any

from sprintkit.render import fmt
from sprintkit.render.charts import (
    INK,
    MARKERS,
    TARGET,
    VERDICT_WORDS,
    WIDTH_CM,
    WORDS,
    EmptyChart,
    _text,
    verdict_key,
    verdict_style,
)

LINE_CM = 0.37
"""Height of one line of 8.5 pt text."""
NOTE_CM = 0.45
GREY = "#546e7a"
FRAME = "#b0bec5"
MIDLINE = "#90a4ae"
BAR = TARGET
QUICK_WIN_TINT = "#e8f5e9"
QUICK_WIN_INK = "#2e7d32"
TEST_FIRST_TINT = "#fff3e0"
TEST_FIRST_INK = "#9a4d00"
QUADRANTS = ("quick_win", "big_bet", "fill_in", "thankless")
POINT_STYLE: dict[str, Any] = {"marker": "o", "markersize": 13.0, "linestyle": "none", "color": BAR,
               "markerfacecolor": BAR, "markeredgecolor": "white", "markeredgewidth": 1.0}
"""A numbered point of the matrix (the number is written on it in white)."""
ASSUMPTION_SIZE = 8.0
"""Marker size (points) on the assumption map, in the plot and its legend."""


def wrap(text: Any, width: int = 40, lines: int = 2, room_cm: float | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` characters (and, given ``room_cm``, at most that
    wide in 8.5 pt type), at most ``lines`` of them (the last one ends in ``…`` when text was
    left out)."""
    flat = " ".join(_text(text).split())
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
    width, _, _ = _MEASURE[0].get_text_width_height_descent(text, prop, ismath=False)
    return float(width) / 72 * 2.54


def _number(value: Any) -> float | None:
    """``value`` as a finite float, else None (None, text, NaN, infinity, booleans)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _words(spec: dict[str, Any]) -> dict[str, str]:
    return WORDS.get(spec.get("lang", "nl"), WORDS["en"])


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = spec.get("rows") or []
    if not isinstance(rows, list) or not rows:
        raise EmptyChart(f"the {spec.get('type')} chart has no rows")
    return [r if isinstance(r, dict) else {} for r in rows]


def size_cm(spec: dict[str, Any]) -> tuple[float, float]:
    """Width and height of a ``votes``, ``matrix`` or ``assumptions`` chart, in cm (the height
    grows with the rows and the lines of the key)."""
    kind = spec.get("type")
    if kind == "votes":
        return WIDTH_CM, _votes_layout(spec).height
    if kind == "matrix":
        return WIDTH_CM, _matrix_layout(spec).height
    return WIDTH_CM, _assumptions_layout(spec).height


def draw(fig: Any, spec: dict[str, Any]) -> None:
    """Draw ``spec`` on ``fig`` (whose size is :func:`size_cm`)."""
    kind = spec.get("type")
    if kind == "votes":
        _votes(fig, spec)
    elif kind == "matrix":
        _matrix(fig, spec)
    else:
        _assumptions(fig, spec)


def _page(fig: Any) -> Any:
    """One axes over the whole figure, in centimetres from the bottom left."""
    width, height = (v * 2.54 for v in fig.get_size_inches())
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    return ax


def _extent_cm(fig: Any, artist: Any) -> tuple[float, float, float, float]:
    """An artist's bounding box (x0, y0, x1, y1) in cm from the figure's bottom left."""
    box = artist.get_window_extent(fig.canvas.get_renderer())
    scale = 2.54 / fig.dpi
    return box.x0 * scale, box.y0 * scale, box.x1 * scale, box.y1 * scale


def _notes(spec: dict[str, Any], hidden: int, skipped: int) -> list[str]:
    words = _words(spec)
    notes = []
    if hidden:
        notes.append(words["more"].format(n=hidden))
    if skipped:
        notes.append(words["skipped"].format(n=skipped))
    return notes


# --- votes -----------------------------------------------------------------------------------

VOTES_TOP = 0.8
MOST_VOTES = 1e9
"""More votes than this is no vote count (left out and counted in the note)."""
VOTES_LABEL_X = 1.0
VOTES_RANK_X = 0.8


@dataclass
class _VotesLayout:
    rows: list[tuple[int, list[str], float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    height: float = 0.0


def _votes_layout(spec: dict[str, Any]) -> _VotesLayout:
    rows = _rows(spec)
    valid = [(i, r, v) for i, r in enumerate(rows)
             if (v := _number(r.get("votes"))) is not None and 0 <= v <= MOST_VOTES]
    if not valid:
        raise EmptyChart("the votes chart has no row with a number of votes")
    ranks = [_number(r.get("rank")) for _, r, _ in valid]
    given = all(k is not None and k >= 1 and k == int(k) for k in ranks)
    ordered = sorted(valid, key=lambda t: (-t[2], _number(t[1].get("rank")) or 0, t[0]))
    limit = _number(spec.get("max_rows"))
    limit_n = int(limit) if limit is not None and limit >= 1 else 15
    shown = []
    for _, row, votes in ordered[:limit_n]:
        if given:
            rank = int(row["rank"])
        else:
            rank = 1 + sum(1 for _, _, other in ordered if other > votes)
        shown.append((rank, wrap(row.get("item")), votes))
    layout = _VotesLayout(shown, _notes(spec, len(ordered) - len(shown), len(rows) - len(valid)))
    layout.height = (VOTES_TOP + sum(_votes_row_cm(lines) for _, lines, _ in shown)
                     + 0.25 + NOTE_CM * len(layout.notes) + 0.15)
    return layout


def _votes_row_cm(lines: list[str]) -> float:
    return 0.62 if len(lines) == 1 else 0.28 + LINE_CM * len(lines)


def _count(value: float, lang: str) -> str:
    return fmt.format_number(int(value) if value == int(value) and abs(value) < 1e15 else value,
                             lang)


def _votes(fig: Any, spec: dict[str, Any]) -> None:
    """Bars from one baseline, most votes first, each with its count at its end; ties share
    their rank number; what did not fit is counted below."""
    lang = spec.get("lang", "nl")
    layout = _votes_layout(spec)
    ax = _page(fig)
    width, height = WIDTH_CM, layout.height
    y = height - VOTES_TOP
    centres = []
    label_right = VOTES_LABEL_X
    for rank, lines, _ in layout.rows:
        row_cm = _votes_row_cm(lines)
        centre = y - row_cm / 2
        centres.append(centre)
        ax.text(VOTES_RANK_X, centre, f"{rank}.", ha="right", va="center", color=GREY)
        label = ax.text(VOTES_LABEL_X, centre, "\n".join(lines), ha="left", va="center",
                        color=INK, linespacing=1.15)
        label_right = max(label_right, _extent_cm(fig, label)[2])
        y -= row_cm
    counts = [_count(v, lang) for _, _, v in layout.rows]
    room = max(text_cm(c, bold=True) for c in counts) + 0.25
    x0 = min(max(label_right + 0.35, 6.0), 9.5)
    longest = max(v for _, _, v in layout.rows)
    span = max(width - 0.3 - room - x0, 1.0)
    ax.plot([x0, x0], [y + 0.1, height - VOTES_TOP + 0.05], color=FRAME, linewidth=0.8)
    ax.text(x0, height - 0.35, _words(spec)["votes"], ha="left", va="center", color=GREY,
            fontsize=8)
    for (_, _, votes), centre, shown in zip(layout.rows, centres, counts, strict=True):
        length = span * votes / longest if longest > 0 else 0.0
        ax.barh(centre, length, height=0.36, left=x0, color=BAR, linewidth=0)
        ax.text(x0 + length + 0.12, centre, shown, ha="left", va="center", color=INK,
                fontweight="bold")
    for k, note in enumerate(layout.notes):
        ax.text(VOTES_LABEL_X, y - 0.2 - NOTE_CM * (k + 0.5), note, ha="left", va="center",
                color=GREY, fontsize=8, fontstyle="italic")


# --- shared: points that would hide each other -----------------------------------------------


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
class _Scale:
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


def _ticks(low: float, high: float) -> list[float]:
    span = high - low
    step = 1.0 if span <= 10 else 10 ** math.floor(math.log10(span / 5))
    first = math.ceil(low / step) * step
    count = int((high - first) / step + 1e-9) + 1
    return [first + k * step for k in range(min(count, 12))]


def _frame(ax: Any, x: _Scale, y: _Scale) -> None:
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((x.start, y.start), x.length, y.length, fill=False,
                           edgecolor=FRAME, linewidth=0.8, zorder=1))
    ax.plot([x.at(x.middle)] * 2, [y.start, y.end], color=MIDLINE, linewidth=0.9,
            linestyle=(0, (4, 3)), zorder=1)
    ax.plot([x.start, x.end], [y.at(y.middle)] * 2, color=MIDLINE, linewidth=0.9,
            linestyle=(0, (4, 3)), zorder=1)


def _axes_text(ax: Any, x: _Scale, y: _Scale, xticks: list[tuple[float, str]],
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


# --- matrix ----------------------------------------------------------------------------------

MATRIX_SIDE = 6.6
MATRIX_LEFT = 1.6
MATRIX_TOP = 0.3
MATRIX_BELOW = 1.3
KEY_X = MATRIX_LEFT + MATRIX_SIDE + 0.6
KEY_INDENT = 0.7
KEY_WRAP = 40
KEY_COLUMN = WIDTH_CM / 2
HEADING_CM = 0.5
ENTRY_GAP = 0.07


@dataclass
class _MatrixLayout:
    low: float = 1.0
    high: float = 5.0
    points: list[tuple[int, str, float, float]] = field(default_factory=list)
    """number, quadrant, effort, impact"""
    key: list[tuple[float, float, str, int, list[str]]] = field(default_factory=list)
    """x, depth below the key's top (cm), quadrant, number (0: the quadrant's heading), lines"""
    beside: bool = True
    """The key beside the plot; else (too long for that) in two columns below it."""
    notes: list[str] = field(default_factory=list)
    height: float = 0.0

    @property
    def left(self) -> float:
        return MATRIX_LEFT if self.beside else (WIDTH_CM - MATRIX_SIDE) / 2 + 0.3


def _quadrant(impact: float, effort: float, middle: float) -> str:
    high = impact > middle
    low = effort < middle
    return {(True, True): "quick_win", (True, False): "big_bet", (False, True): "fill_in",
            (False, False): "thankless"}[(high, low)]


def _matrix_layout(spec: dict[str, Any]) -> _MatrixLayout:
    rows = _rows(spec)
    given = spec.get("scale")
    scale: dict[str, Any] = given if isinstance(given, dict) else {}
    low, high = _number(scale.get("min")), _number(scale.get("max"))
    if low is None or high is None or not low < high or high - low > 1e6:
        low, high = 1.0, 5.0
    middle = (low + high) / 2
    found = []
    for index, row in enumerate(rows):
        impact, effort = _number(row.get("impact")), _number(row.get("effort"))
        if impact is None or effort is None or not (low <= impact <= high) or not (
                low <= effort <= high):
            continue
        quadrant = row.get("quadrant")
        if quadrant not in QUADRANTS:
            quadrant = _quadrant(impact, effort, middle)
        found.append((QUADRANTS.index(quadrant), index, quadrant, effort, impact, row))
    if not found:
        raise EmptyChart("the matrix chart has no row with impact and effort on its scale")
    found.sort(key=lambda t: (t[0], t[1]))
    layout = _MatrixLayout(low, high)
    layout.points = [(number, quadrant, effort, impact)
                     for number, (_, _, quadrant, effort, impact, _) in enumerate(found, 1)]
    items = [row.get("item") for *_, row in found]
    layout.notes = _notes(spec, 0, len(rows) - len(found))
    plot_cm = MATRIX_TOP + MATRIX_SIDE + MATRIX_BELOW
    layout.key, key_cm = _matrix_key(layout.points, items, WIDTH_CM - KEY_X - KEY_INDENT - 0.15,
                                     1)
    if key_cm <= plot_cm + 0.3:
        body = max(plot_cm, MATRIX_TOP + key_cm + 0.3)
    else:
        layout.beside = False
        layout.key, key_cm = _matrix_key(layout.points, items,
                                         KEY_COLUMN - KEY_INDENT - 0.45, 2)
        body = plot_cm + 0.25 + key_cm + 0.2
    layout.height = body + NOTE_CM * len(layout.notes) + (0.1 if layout.notes else 0.0)
    return layout


def _matrix_key(points: list[tuple[int, str, float, float]], items: list[Any], room: float,
                columns: int) -> tuple[list[tuple[float, float, str, int, list[str]]], float]:
    """The key's headings and entries placed in ``columns`` (each column's x from 0, depth
    below the key's top), and the key's height."""
    blocks: list[tuple[str, int, list[str], float]] = []
    for (number, quadrant, _, _), item in zip(points, items, strict=True):
        if not blocks or blocks[-1][0] != quadrant:
            blocks.append((quadrant, 0, [], HEADING_CM))
        lines = wrap(item, KEY_WRAP, 3, room)
        blocks.append((quadrant, number, lines, LINE_CM * len(lines) + ENTRY_GAP))
    split = len(blocks)
    if columns > 1:
        total, depth = sum(b[3] for b in blocks), 0.0
        for index, block in enumerate(blocks):
            if depth + block[3] / 2 > total / 2:
                split = index
                break
            depth += block[3]
        if 0 < split and blocks[split - 1][1] == 0:
            split -= 1  # a heading goes with its first entry
    placed = []
    heights = [0.0, 0.0]
    for index, (quadrant, number, lines, height) in enumerate(blocks):
        column = 0 if index < split else 1
        placed.append((column * KEY_COLUMN, heights[column], quadrant, number, lines))
        heights[column] += height
    return placed, max(heights)


def _matrix(fig: Any, spec: dict[str, Any]) -> None:
    """Numbered points on the impact (y) × effort (x) square; the quick-win quadrant (high
    impact, low effort: top left) tinted and named; every quadrant named in its corner; the
    key beside the plot lists the items by quadrant under their numbers."""
    from matplotlib.patches import Rectangle

    words = _words(spec)
    lang = spec.get("lang", "nl")
    layout = _matrix_layout(spec)
    ax = _page(fig)
    height = layout.height
    top = height - MATRIX_TOP
    pad = 0.6 if layout.high - layout.low <= 10 else (layout.high - layout.low) / 8
    x = _Scale(layout.low, layout.high, layout.left, MATRIX_SIDE, pad)
    y = _Scale(layout.low, layout.high, top - MATRIX_SIDE, MATRIX_SIDE, pad)
    mx, my = x.at(x.middle), y.at(y.middle)
    ax.add_patch(Rectangle((x.start, my), mx - x.start, y.end - my, facecolor=QUICK_WIN_TINT,
                           edgecolor="none", zorder=0))
    _frame(ax, x, y)
    inset = 0.12
    corners = {"quick_win": (x.start + inset, y.end - inset, "left", "top"),
               "big_bet": (x.end - inset, y.end - inset, "right", "top"),
               "fill_in": (x.start + inset, y.start + inset, "left", "bottom"),
               "thankless": (x.end - inset, y.start + inset, "right", "bottom")}
    for quadrant, (cx, cy, ha, va) in corners.items():
        win = quadrant == "quick_win"
        ax.text(cx, cy, words[quadrant], ha=ha, va=va, fontsize=8, zorder=2,
                color=QUICK_WIN_INK if win else GREY, fontweight="bold" if win else "normal")
    ticks = [(t, fmt.format_number(t, lang)) for t in _ticks(layout.low, layout.high)]
    _axes_text(ax, x, y, ticks, ticks, words["effort"], words["impact"])
    nudge = pad * 0.3
    wanted = []
    for _, quadrant, effort, impact in layout.points:
        if effort == x.middle:
            effort += -nudge if quadrant in ("quick_win", "fill_in") else nudge
        if impact == y.middle:
            impact += nudge if quadrant in ("quick_win", "big_bet") else -nudge
        wanted.append((x.at(effort), y.at(impact)))
    diameter = POINT_STYLE["markersize"] / 72 * 2.54 + 0.04
    edge = x.at(layout.low) - x.start
    box = (x.start + edge, y.start + edge, x.end - edge, y.end - edge)
    placed = spread(wanted, diameter, box)
    ax.plot([p[0] for p in placed], [p[1] for p in placed], zorder=3, **POINT_STYLE)
    for (number, *_), (px, py) in zip(layout.points, placed, strict=True):
        ax.text(px, py, str(number), ha="center", va="center_baseline", color="white",
                fontsize=7 if number < 100 else 5.5, fontweight="bold", zorder=4)
    if layout.beside:
        _draw_key(ax, layout, words, KEY_X, top)
    else:
        _draw_key(ax, layout, words, 0.3, y.start - MATRIX_BELOW - 0.25)
    for k, note in enumerate(layout.notes):
        ax.text(x.start, NOTE_CM * (len(layout.notes) - k - 0.5) + 0.05, note, ha="left",
                va="center", color=GREY, fontsize=8, fontstyle="italic")


def _draw_key(ax: Any, layout: _MatrixLayout, words: dict[str, str], left: float,
              top: float) -> None:
    for x, depth, quadrant, number, lines in layout.key:
        y = top - depth
        if not number:
            win = quadrant == "quick_win"
            ax.text(left + x, y - HEADING_CM / 2 - 0.02, words[quadrant], ha="left",
                    va="center", fontweight="bold", color=QUICK_WIN_INK if win else INK)
            continue
        ax.text(left + x + KEY_INDENT - 0.15, y, f"{number}", ha="right", va="top", color=BAR,
                fontweight="bold")
        ax.text(left + x + KEY_INDENT, y, "\n".join(lines), ha="left", va="top", color=INK,
                linespacing=1.15)


# --- assumptions -----------------------------------------------------------------------------

MAP_LEFT = 1.6
MAP_WIDTH = WIDTH_CM - MAP_LEFT - 0.4
MAP_HEIGHT = 6.6
MAP_TOP = 0.3
MAP_BELOW = 1.25
LEGEND_CM = 0.85
MAP_COLUMN = WIDTH_CM / 2
MAP_WRAP = 40
LABEL_CM = 0.9


@dataclass
class _MapLayout:
    points: list[tuple[str, str, float, float]] = field(default_factory=list)
    """label, verdict key, evidence, importance"""
    key: list[tuple[str, list[str]]] = field(default_factory=list)
    columns: list[list[int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    key_cm: float = 0.0
    height: float = 0.0


def _assumptions_layout(spec: dict[str, Any]) -> _MapLayout:
    rows = _rows(spec)
    layout = _MapLayout()
    for row in rows:
        importance, evidence = _number(row.get("importance")), _number(row.get("evidence"))
        if importance is None or evidence is None or not (1 <= importance <= 5) or not (
                0 <= evidence <= 1):
            continue
        label = wrap(row.get("label"), 8, 1)[0]
        layout.points.append((label, verdict_key(row.get("verdict")), evidence, importance))
        layout.key.append((label, wrap(row.get("title"), MAP_WRAP, 3,
                                       MAP_COLUMN - LABEL_CM - 0.45)))
    if not layout.points:
        raise EmptyChart("the assumptions chart has no row with importance and evidence")
    layout.notes = _notes(spec, 0, len(rows) - len(layout.points))
    heights = [LINE_CM * len(lines) + ENTRY_GAP for _, lines in layout.key]
    half = (len(heights) + 1) // 2
    layout.columns = [list(range(half)), list(range(half, len(heights)))]
    layout.key_cm = max(sum(heights[i] for i in col) for col in layout.columns)
    layout.height = (MAP_TOP + MAP_HEIGHT + MAP_BELOW + LEGEND_CM + layout.key_cm + 0.2
                     + NOTE_CM * len(layout.notes))
    return layout


def _assumptions(fig: Any, spec: dict[str, Any]) -> None:
    """Assumptions by importance (y, 1–5) and evidence (x, none to strong); the top left —
    important, little evidence: test first — tinted and named. Each point carries its label
    (placed where it hides nothing) and its verdict as marker shape and colour, explained by a
    legend of the very same markers; the key below gives each label's title."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    words = _words(spec)
    lang = spec.get("lang", "nl")
    verdicts = VERDICT_WORDS.get(lang, VERDICT_WORDS["en"])
    layout = _assumptions_layout(spec)
    ax = _page(fig)
    height = layout.height
    top = height - MAP_TOP
    x = _Scale(0.0, 1.0, MAP_LEFT, MAP_WIDTH, 0.06)
    y = _Scale(1.0, 5.0, top - MAP_HEIGHT, MAP_HEIGHT, 0.6)
    mx, my = x.at(0.5), y.at(3.0)
    ax.add_patch(Rectangle((x.start, my), mx - x.start, y.end - my, facecolor=TEST_FIRST_TINT,
                           edgecolor="none", zorder=0))
    _frame(ax, x, y)
    corner = ax.text(x.start + 0.12, y.end - 0.12, words["test_first"], ha="left", va="top",
                     fontweight="bold", color=TEST_FIRST_INK, zorder=2)
    xticks = [(0.0, words["none"]), (0.5, words["some"]), (1.0, words["strong"])]
    yticks = [(float(t), fmt.format_number(t, lang)) for t in range(1, 6)]
    _axes_text(ax, x, y, xticks, yticks, words["evidence"], words["importance"])
    size_cm = ASSUMPTION_SIZE / 72 * 2.54
    edge = min(x.at(0.0) - x.start, y.at(1.0) - y.start)
    box = (x.start + edge, y.start + edge, x.end - edge, y.end - edge)
    widest = max(text_cm(p[0], 8, bold=True) for p in layout.points)
    placed = spread([(x.at(e), y.at(i)) for _, _, e, i in layout.points], size_cm + 0.12, box,
                    (size_cm + widest + 0.35, size_cm + 0.2))
    present = [v for v in MARKERS if any(p[1] == v for p in layout.points)]
    for verdict in present:
        mine = [xy for xy, p in zip(placed, layout.points, strict=True) if p[1] == verdict]
        ax.plot([m[0] for m in mine], [m[1] for m in mine], zorder=3,
                **verdict_style(verdict, ASSUMPTION_SIZE))
    taken = [(px - size_cm / 2, py - size_cm / 2, px + size_cm / 2, py + size_cm / 2)
             for px, py in placed]
    taken.append(_extent_cm(fig, corner))
    frame = (x.start, y.start, x.end, y.end)
    for (label, _, _, _), (px, py) in zip(layout.points, placed, strict=True):
        _place_label(fig, ax, label, px, py, size_cm, taken, frame)
    handles = [Line2D([], [], **verdict_style(v, ASSUMPTION_SIZE)) for v in present]
    legend_y = y.start - MAP_BELOW
    fig.legend(handles, [verdicts[v] for v in present], loc="upper center", frameon=False,
               ncol=len(handles), fontsize=8, bbox_to_anchor=(0.5, legend_y / height),
               handlelength=1.2, columnspacing=1.6, borderaxespad=0.0)
    _map_key(ax, layout, legend_y - LEGEND_CM)
    for k, note in enumerate(layout.notes):
        ax.text(0.4, NOTE_CM * (len(layout.notes) - k - 0.5) + 0.05, note, ha="left",
                va="center", color=GREY, fontsize=8, fontstyle="italic")


def _place_label(fig: Any, ax: Any, label: str, px: float, py: float, size: float,
                 taken: list[tuple[float, float, float, float]],
                 frame: tuple[float, float, float, float]) -> None:
    """Write ``label`` beside its point at the first spot that overlaps nothing taken and stays
    in the frame (else the spot that overlaps least), and take that spot."""
    gap = size / 2 + 0.06
    spots = [(gap, 0, "left", "center"), (-gap, 0, "right", "center"),
             (0, gap, "center", "bottom"), (0, -gap, "center", "top"),
             (gap * 0.8, gap * 0.8, "left", "bottom"), (gap * 0.8, -gap * 0.8, "left", "top"),
             (-gap * 0.8, gap * 0.8, "right", "bottom"), (-gap * 0.8, -gap * 0.8, "right", "top")]
    best: tuple[float, Any, tuple[float, float, float, float]] | None = None
    for dx, dy, ha, va in spots:
        text = ax.text(px + dx, py + dy, label, ha=ha, va=va, color=INK, fontsize=8,
                       fontweight="bold", zorder=4)
        box = _extent_cm(fig, text)
        cost = sum(_overlap(box, other) for other in taken) + _outside(box, frame)
        if cost == 0:
            taken.append(box)
            if best is not None:
                best[1].remove()
            return
        if best is None or cost < best[0]:
            if best is not None:
                best[1].remove()
            best = (cost, text, box)
        else:
            text.remove()
    assert best is not None
    taken.append(best[2])


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box: tuple[float, float, float, float],
             frame: tuple[float, float, float, float]) -> float:
    inside = _overlap(box, frame)
    return (box[2] - box[0]) * (box[3] - box[1]) - inside


def _map_key(ax: Any, layout: _MapLayout, top: float) -> None:
    for column, indexes in enumerate(layout.columns):
        x0 = 0.3 + column * MAP_COLUMN
        y = top
        for i in indexes:
            label, lines = layout.key[i]
            ax.text(x0, y, label, ha="left", va="top", color=INK, fontweight="bold")
            ax.text(x0 + LABEL_CM, y, "\n".join(lines), ha="left", va="top", color=INK,
                    linespacing=1.15)
            y -= LINE_CM * len(lines) + ENTRY_GAP
