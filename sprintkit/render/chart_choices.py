"""Charts for choosing, drawn by :mod:`sprintkit.render.charts` (same conventions):

* ``votes`` — a dot vote as horizontal bars, most votes first, each bar with its count;
* ``matrix`` — an impact/effort 2×2 with numbered points and a numbered key per quadrant;
* ``assumptions`` — an assumption map, importance × evidence (:mod:`~sprintkit.render.chart_map`).

Everything is laid out in centimetres (:mod:`sprintkit.render.chart_layout`), so that
:func:`size_cm` and the drawing share one layout (:func:`_votes_layout`, :func:`_matrix_layout`)
and labels have the room they are given. Long item texts are wrapped at about 40 characters and
end in ``…`` after their last allowed line.

A row without a finite value (or outside its scale) is left out and counted in a note below
the chart; a spec without any drawable row raises :class:`~sprintkit.render.charts.EmptyChart`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sprintkit.render import fmt
from sprintkit.render.chart_layout import (
    ENTRY_GAP,
    FRAME,
    GREY,
    LINE_CM,
    NOTE_CM,
    Scale,
    chart_words,
    draw_axes,
    draw_frame,
    extent_cm,
    finite,
    note_lines,
    page,
    spec_rows,
    spread,
    text_cm,
    tick_values,
    wrap,
)
from sprintkit.render.chart_style import INK, TARGET, WIDTH_CM, EmptyChart

BAR = TARGET
QUICK_WIN_TINT = "#e8f5e9"
QUICK_WIN_INK = "#2e7d32"
QUADRANTS = ("quick_win", "big_bet", "fill_in", "thankless")
POINT_STYLE: dict[str, Any] = {
    "marker": "o", "markersize": 13.0, "linestyle": "none", "color": BAR,
    "markerfacecolor": BAR, "markeredgecolor": "white", "markeredgewidth": 1.0}
"""A numbered point of the matrix (the number is written on it in white)."""


def size_cm(spec: dict[str, Any]) -> tuple[float, float]:
    """Width and height of a ``votes``, ``matrix`` or ``assumptions`` chart, in cm (the height
    grows with the rows and the lines of the key)."""
    kind = spec.get("type")
    if kind == "votes":
        return WIDTH_CM, _votes_layout(spec).height
    if kind == "matrix":
        return WIDTH_CM, _matrix_layout(spec).height
    from sprintkit.render import chart_map

    return WIDTH_CM, chart_map.map_layout(spec).height


def draw(fig: Any, spec: dict[str, Any]) -> None:
    """Draw ``spec`` on ``fig`` (whose size is :func:`size_cm`)."""
    kind = spec.get("type")
    if kind == "votes":
        _votes(fig, spec)
    elif kind == "matrix":
        _matrix(fig, spec)
    else:
        from sprintkit.render import chart_map

        chart_map.draw(fig, spec)


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
    rows = spec_rows(spec)
    valid = [(i, r, v) for i, r in enumerate(rows)
             if (v := finite(r.get("votes"))) is not None and 0 <= v <= MOST_VOTES]
    if not valid:
        raise EmptyChart("the votes chart has no row with a number of votes")
    ranks = [finite(r.get("rank")) for _, r, _ in valid]
    given = all(k is not None and k >= 1 and k == int(k) for k in ranks)
    ordered = sorted(valid, key=lambda t: (-t[2], finite(t[1].get("rank")) or 0, t[0]))
    limit = finite(spec.get("max_rows"))
    limit_n = int(limit) if limit is not None and limit >= 1 else 15
    shown = []
    for _, row, votes in ordered[:limit_n]:
        if given:
            rank = int(row["rank"])
        else:
            rank = 1 + sum(1 for _, _, other in ordered if other > votes)
        shown.append((rank, wrap(row.get("item")), votes))
    notes = note_lines(spec, len(ordered) - len(shown), len(rows) - len(valid))
    layout = _VotesLayout(shown, notes)
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
    ax = page(fig)
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
        label_right = max(label_right, extent_cm(fig, label)[2])
        y -= row_cm
    counts = [_count(v, lang) for _, _, v in layout.rows]
    room = max(text_cm(c, bold=True) for c in counts) + 0.25
    x0 = min(max(label_right + 0.35, 6.0), 9.5)
    longest = max(v for _, _, v in layout.rows)
    span = max(width - 0.3 - room - x0, 1.0)
    ax.plot([x0, x0], [y + 0.1, height - VOTES_TOP + 0.05], color=FRAME, linewidth=0.8)
    ax.text(x0, height - 0.35, chart_words(spec)["votes"], ha="left", va="center", color=GREY,
            fontsize=8)
    for (_, _, votes), centre, shown in zip(layout.rows, centres, counts, strict=True):
        length = span * votes / longest if longest > 0 else 0.0
        ax.barh(centre, length, height=0.36, left=x0, color=BAR, linewidth=0)
        ax.text(x0 + length + 0.12, centre, shown, ha="left", va="center", color=INK,
                fontweight="bold")
    for k, note in enumerate(layout.notes):
        ax.text(VOTES_LABEL_X, y - 0.2 - NOTE_CM * (k + 0.5), note, ha="left", va="center",
                color=GREY, fontsize=8, fontstyle="italic")


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
    rows = spec_rows(spec)
    given = spec.get("scale")
    scale: dict[str, Any] = given if isinstance(given, dict) else {}
    low, high = finite(scale.get("min")), finite(scale.get("max"))
    if low is None or high is None or not low < high or high - low > 1e6:
        low, high = 1.0, 5.0
    middle = (low + high) / 2
    found = []
    for index, row in enumerate(rows):
        impact, effort = finite(row.get("impact")), finite(row.get("effort"))
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
    layout.notes = note_lines(spec, 0, len(rows) - len(found))
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

    words = chart_words(spec)
    lang = spec.get("lang", "nl")
    layout = _matrix_layout(spec)
    ax = page(fig)
    height = layout.height
    top = height - MATRIX_TOP
    pad = 0.6 if layout.high - layout.low <= 10 else (layout.high - layout.low) / 8
    x = Scale(layout.low, layout.high, layout.left, MATRIX_SIDE, pad)
    y = Scale(layout.low, layout.high, top - MATRIX_SIDE, MATRIX_SIDE, pad)
    mx, my = x.at(x.middle), y.at(y.middle)
    ax.add_patch(Rectangle((x.start, my), mx - x.start, y.end - my, facecolor=QUICK_WIN_TINT,
                           edgecolor="none", zorder=0))
    draw_frame(ax, x, y)
    inset = 0.12
    corners = {"quick_win": (x.start + inset, y.end - inset, "left", "top"),
               "big_bet": (x.end - inset, y.end - inset, "right", "top"),
               "fill_in": (x.start + inset, y.start + inset, "left", "bottom"),
               "thankless": (x.end - inset, y.start + inset, "right", "bottom")}
    for quadrant, (cx, cy, ha, va) in corners.items():
        win = quadrant == "quick_win"
        ax.text(cx, cy, words[quadrant], ha=ha, va=va, fontsize=8, zorder=2,
                color=QUICK_WIN_INK if win else GREY, fontweight="bold" if win else "normal")
    ticks = [(t, fmt.format_number(t, lang)) for t in tick_values(layout.low, layout.high)]
    draw_axes(ax, x, y, ticks, ticks, words["effort"], words["impact"])
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
