"""The ``distribution`` chart of the story report: per answer of one signifier question, the
share of the stories in each period as horizontal bars side by side, each with its share at
its end. A hidden count (disclosure control) has no bar and shows ``*``.

Spec: ``{"type": "distribution", "lang": "nl", "periods": [...], "rows": [{"label": ...,
"shares": [share or None per period], "shown": [text per period]}]}``."""

from __future__ import annotations

from typing import Any

from sprintkit.render.chart_layout import (
    FRAME,
    GREY,
    chart_words,
    page,
    spec_rows,
    text_cm,
    wrap,
)
from sprintkit.render.chart_style import INK, WIDTH_CM, EmptyChart

PERIOD_COLOURS = ("#90a4ae", "#1565c0", "#00897b", "#6a1b9a")
"""Period bars: light grey-blue for the earliest, then darker, distinct hues (not good/bad)."""
BAR_CM = 0.27
TOP_CM = 1.0
LABEL_X = 0.2


def _periods(spec: dict[str, Any]) -> list[str]:
    periods = [str(p) for p in spec.get("periods") or []]
    if not periods:
        raise EmptyChart("the distribution chart has no periods")
    return periods[:len(PERIOD_COLOURS)]


def _row_cm(lines: list[str], periods: int) -> float:
    return max(BAR_CM * periods + 0.15, 0.37 * len(lines) + 0.12)


def size_cm(spec: dict[str, Any]) -> tuple[float, float]:
    rows = spec_rows(spec)
    periods = len(_periods(spec))
    return WIDTH_CM, TOP_CM + sum(_row_cm(wrap(r.get("label"), 30), periods) for r in rows) + 0.3


def key_layout(periods: list[str], caption: str, width: float,
               x0: float) -> tuple[float, float]:
    """Where the key starts (above the bars, or at the left edge when four periods and the
    caption do not fit beside each other there) and how far below the top the caption stands
    (under the key when they do not fit on one line at all)."""
    key = sum(0.5 + text_cm(p) + 0.5 for p in periods)
    free = width - 0.2 - text_cm(caption, size=8) - 0.2
    if x0 + key <= free:
        return x0, 0.35
    if LABEL_X + key <= free:
        return LABEL_X, 0.35
    return LABEL_X, 0.75


def draw(fig: Any, spec: dict[str, Any]) -> None:
    rows = spec_rows(spec)
    periods = _periods(spec)
    width, height = size_cm(spec)
    ax = page(fig)
    labels = [wrap(r.get("label"), 30) for r in rows]
    label_right = max(text_cm(line) for lines in labels for line in lines) + LABEL_X
    x0 = min(max(label_right + 0.3, 4.0), 7.0)
    room = text_cm("100%", bold=True) + 0.3
    span = width - x0 - room
    # the key: one swatch per period, in order; the caption at the right, never over the key
    caption = chart_words(spec).get("story_share", "")
    x, caption_y = key_layout(periods, caption, width, x0)
    for k, period in enumerate(periods):
        ax.barh(height - 0.35, 0.4, height=0.25, left=x, color=PERIOD_COLOURS[k], linewidth=0)
        ax.text(x + 0.5, height - 0.35, period, ha="left", va="center", color=INK)
        x += 0.5 + text_cm(period) + 0.5
    ax.text(width - 0.2, height - caption_y, caption, ha="right", va="center", color=GREY,
            fontsize=8)
    y = height - TOP_CM
    for row, lines in zip(rows, labels, strict=True):
        row_cm = _row_cm(lines, len(periods))
        centre = y - row_cm / 2
        ax.text(LABEL_X, centre, "\n".join(lines), ha="left", va="center", color=INK,
                linespacing=1.15)
        shares = list(row.get("shares") or [])
        shown = list(row.get("shown") or [])
        first = centre + BAR_CM * (len(periods) - 1) / 2
        for k in range(len(periods)):
            share = shares[k] if k < len(shares) else None
            text = shown[k] if k < len(shown) else ""
            bar_y = first - BAR_CM * k
            length = span * share if isinstance(share, (int, float)) and share > 0 else 0.0
            if length:
                ax.barh(bar_y, length, height=BAR_CM * 0.85, left=x0,
                        color=PERIOD_COLOURS[k], linewidth=0)
            ax.text(x0 + length + 0.1, bar_y, text, ha="left", va="center", color=INK,
                    fontsize=7.5)
        y -= row_cm
    ax.plot([x0, x0], [y + 0.05, height - TOP_CM + 0.05], color=FRAME, linewidth=0.8)
