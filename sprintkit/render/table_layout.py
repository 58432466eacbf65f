"""Table column widths from the content: no column narrower than its longest word.

Each column has a *minimum* width (its longest unbreakable word, measured in the table's font)
and a *preferred* width (its longest cell line). The page's text width is shared out in rounds:
every column gets its minimum; columns grow towards the template's share (the ``|---|------|``
dash widths, a hint only) but not past what their content needs; then towards their preferred
width; then towards the template's share; what is left goes by the shares. When even the
minimums do not fit, the table's font shrinks a little (down to :data:`SMALLEST_PT`) before a
word would have to break.

Text is measured with the font files matplotlib finds (Arial, else the metric-compatible
Liberation Sans), falling back to an estimate from the number of characters."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

from sprintkit.render import markup as mk

TWIPS_PER_PT = 20
CELL_PADDING_TWIPS = 2 * 85 + 60
"""Left and right cell margins of the Report Table style, plus room for rounding."""
SLACK = 1.06
"""Measured widths are made this much wider: renderers differ a little in kerning."""
SMALLEST_PT = 7.0
FAMILIES = ("Arial", "Liberation Sans", "Arimo", "Helvetica", "DejaVu Sans")


@dataclass(frozen=True)
class Layout:
    widths: list[int]  # twips per column
    font_pt: float  # the table's font size
    shrunk: bool  # font_pt is smaller than asked for


@lru_cache(maxsize=4)
def _font(bold: bool) -> object | None:
    try:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return None
    prop = font_manager.FontProperties(family=list(FAMILIES),
                                       weight="bold" if bold else "normal")
    try:
        path = font_manager.findfont(prop, fallback_to_default=True)
        return FT2Font(path)
    except (OSError, ValueError, RuntimeError):
        return None


@lru_cache(maxsize=20000)
def text_width_pt(text: str, bold: bool = False, size_pt: float = 9.0) -> float:
    """The width of ``text`` on one line, in points."""
    if not text:
        return 0.0
    font = _font(bold)
    if font is None:
        return len(text) * size_pt * (0.6 if bold else 0.55)
    from matplotlib.ft2font import LoadFlags

    font.set_size(size_pt, 720)  # type: ignore[attr-defined]
    with warnings.catch_warnings():  # a glyph the font lacks (an emoji) is measured as a box
        warnings.simplefilter("ignore")
        font.set_text(text, 0.0, flags=LoadFlags.NO_HINTING)  # type: ignore[attr-defined]
    width, _ = font.get_width_height()  # type: ignore[attr-defined]
    return float(width) / 64 / 10


def _cell_lines(spans: mk.Inline) -> list[list[tuple[str, bool]]]:
    """The cell's lines, each a list of (text, bold) pieces."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for span in spans:
        for index, piece in enumerate(span.text.split("\n")):
            if index:
                lines.append([])
            if piece:
                lines[-1].append((piece, span.bold))
    return lines


def _measure(spans: mk.Inline, size_pt: float, bold_all: bool) -> tuple[float, float]:
    """(longest word, longest line) of a cell in points."""
    longest_word = 0.0
    longest_line = 0.0
    for line in _cell_lines(spans):
        line_width = 0.0
        word = 0.0  # a word may run across spans ("**Bewijs**kracht")
        for text, bold in line:
            strong = bold or bold_all
            line_width += text_width_pt(text, strong, size_pt)
            parts = text.split(" ")
            for index, part in enumerate(parts):
                if index:
                    longest_word = max(longest_word, word)
                    word = 0.0
                word += text_width_pt(part, strong, size_pt)
        longest_word = max(longest_word, word)
        longest_line = max(longest_line, line_width)
    return longest_word, longest_line


def _needs(table: mk.Table, size_pt: float) -> tuple[list[float], list[float]]:
    """Minimum and preferred widths per column, in twips."""
    ncols = len(table.widths)
    minimum = [0.0] * ncols
    preferred = [0.0] * ncols
    rows = ([(True, table.header)] if table.header is not None else []) + [
        (False, row) for row in table.rows]
    for is_header, row in rows:
        for index, cell in enumerate(row[:ncols]):
            word, line = _measure(cell, size_pt, is_header)
            minimum[index] = max(minimum[index], word)
            preferred[index] = max(preferred[index], line)
    pad = CELL_PADDING_TWIPS
    return ([w * SLACK * TWIPS_PER_PT + pad for w in minimum],
            [w * SLACK * TWIPS_PER_PT + pad for w in preferred])


def _fill(widths: list[float], goals: list[float], room: float) -> float:
    """Grow ``widths`` towards ``goals`` in proportion to what each lacks; the room left."""
    gaps = [max(0.0, g - w) for w, g in zip(widths, goals, strict=True)]
    total = sum(gaps)
    if total <= 0 or room <= 0:
        return room
    share = min(1.0, room / total)
    for index, gap in enumerate(gaps):
        widths[index] += gap * share
    return room - total * share


def column_widths(table: mk.Table, text_width: int, size_pt: float = 9.0) -> Layout:
    """Column widths (twips) adding up to ``text_width``, and the font size to use."""
    ncols = len(table.widths)
    if ncols == 0:
        return Layout([], size_pt, False)
    hint_total = sum(table.widths) or 1.0
    hints = [text_width * w / hint_total for w in table.widths]
    size = size_pt
    minimum, preferred = _needs(table, size)
    while sum(minimum) > text_width and size > SMALLEST_PT:
        size = max(SMALLEST_PT, round(size - 0.5, 1))
        minimum, preferred = _needs(table, size)
    if sum(minimum) > text_width:  # a word longer than the page: share by need, it must break
        scale = text_width / sum(minimum)
        widths = [m * scale for m in minimum]
    else:
        widths = list(minimum)
        room = text_width - sum(widths)
        room = _fill(widths, [min(p, max(m, h)) for m, p, h in
                              zip(minimum, preferred, hints, strict=True)], room)
        room = _fill(widths, preferred, room)
        room = _fill(widths, hints, room)
        if room > 0:
            for index, hint in enumerate(hints):
                widths[index] += room * hint / text_width
    out = [max(1, int(w)) for w in widths]
    out[-1] += text_width - sum(out)  # rounding: the columns fill the text width exactly
    return Layout(out, size, size < size_pt)
