"""The assumption map (``type: assumptions``), drawn by :mod:`sprintkit.render.charts`:
assumptions by importance (y, 1–5) and evidence (x, none to strong), the top left — important,
little evidence: test first — tinted and named; each point labelled where its label hides
nothing, its verdict shown by marker shape and colour (those of the forest chart), explained by
a legend of the very same markers; a key of label → title below."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sprintkit.render import fmt
from sprintkit.render.chart_layout import (
    ENTRY_GAP,
    GREY,
    LINE_CM,
    NOTE_CM,
    Box,
    Scale,
    chart_words,
    draw_axes,
    draw_frame,
    extent_cm,
    finite,
    note_lines,
    outside,
    overlap,
    page,
    spec_rows,
    spread,
    text_cm,
    wrap,
)
from sprintkit.render.chart_style import (
    INK,
    MARKERS,
    WIDTH_CM,
    EmptyChart,
    verdict_key,
    verdict_style,
    verdict_words,
)

TEST_FIRST_TINT = "#fff3e0"
TEST_FIRST_INK = "#9a4d00"
ASSUMPTION_SIZE = 8.0
"""Marker size (points) on the assumption map, in the plot and its legend."""

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


def map_layout(spec: dict[str, Any]) -> _MapLayout:
    rows = spec_rows(spec)
    layout = _MapLayout()
    for row in rows:
        importance, evidence = finite(row.get("importance")), finite(row.get("evidence"))
        if importance is None or evidence is None or not (1 <= importance <= 5) or not (
                0 <= evidence <= 1):
            continue
        label = wrap(row.get("label"), 8, 1)[0]
        layout.points.append((label, verdict_key(row.get("verdict")), evidence, importance))
        layout.key.append((label, wrap(row.get("title"), MAP_WRAP, 3,
                                       MAP_COLUMN - LABEL_CM - 0.45)))
    if not layout.points:
        raise EmptyChart("the assumptions chart has no row with importance and evidence")
    layout.notes = note_lines(spec, 0, len(rows) - len(layout.points))
    heights = [LINE_CM * len(lines) + ENTRY_GAP for _, lines in layout.key]
    half = (len(heights) + 1) // 2
    layout.columns = [list(range(half)), list(range(half, len(heights)))]
    layout.key_cm = max(sum(heights[i] for i in col) for col in layout.columns)
    layout.height = (MAP_TOP + MAP_HEIGHT + MAP_BELOW + LEGEND_CM + layout.key_cm + 0.2
                     + NOTE_CM * len(layout.notes))
    return layout


def draw(fig: Any, spec: dict[str, Any]) -> None:
    """Assumptions by importance (y, 1–5) and evidence (x, none to strong); the top left —
    important, little evidence: test first — tinted and named. Each point carries its label
    (placed where it hides nothing) and its verdict as marker shape and colour, explained by a
    legend of the very same markers; the key below gives each label's title."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    words = chart_words(spec)
    lang = spec.get("lang", "nl")
    verdicts = verdict_words(lang)
    layout = map_layout(spec)
    ax = page(fig)
    height = layout.height
    top = height - MAP_TOP
    x = Scale(0.0, 1.0, MAP_LEFT, MAP_WIDTH, 0.06)
    y = Scale(1.0, 5.0, top - MAP_HEIGHT, MAP_HEIGHT, 0.6)
    mx, my = x.at(0.5), y.at(3.0)
    ax.add_patch(Rectangle((x.start, my), mx - x.start, y.end - my, facecolor=TEST_FIRST_TINT,
                           edgecolor="none", zorder=0))
    draw_frame(ax, x, y)
    corner = ax.text(x.start + 0.12, y.end - 0.12, words["test_first"], ha="left", va="top",
                     fontweight="bold", color=TEST_FIRST_INK, zorder=2)
    xticks = [(0.0, words["none"]), (0.5, words["some"]), (1.0, words["strong"])]
    yticks = [(float(t), fmt.format_number(t, lang)) for t in range(1, 6)]
    draw_axes(ax, x, y, xticks, yticks, words["evidence"], words["importance"])
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
    taken.append(extent_cm(fig, corner))
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
                 taken: list[Box],
                 frame: Box) -> None:
    """Write ``label`` beside its point at the first spot that overlaps nothing taken and stays
    in the frame (else the spot that overlaps least), and take that spot."""
    gap = size / 2 + 0.06
    spots = [(gap, 0, "left", "center"), (-gap, 0, "right", "center"),
             (0, gap, "center", "bottom"), (0, -gap, "center", "top"),
             (gap * 0.8, gap * 0.8, "left", "bottom"), (gap * 0.8, -gap * 0.8, "left", "top"),
             (-gap * 0.8, gap * 0.8, "right", "bottom"), (-gap * 0.8, -gap * 0.8, "right", "top")]
    best: tuple[float, Any, Box] | None = None
    for dx, dy, ha, va in spots:
        text = ax.text(px + dx, py + dy, label, ha=ha, va=va, color=INK, fontsize=8,
                       fontweight="bold", zorder=4)
        box = extent_cm(fig, text)
        cost = sum(overlap(box, other) for other in taken) + outside(box, frame)
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
