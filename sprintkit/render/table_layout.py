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

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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
def _font(bold: bool) -> Any:
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


_ADVANCES: dict[bool, dict[str, float]] = {False: {}, True: {}}


def _advance(char: str, bold: bool) -> float:
    """The advance width of ``char`` in em (kerning left out: :data:`SLACK` covers it)."""
    table = _ADVANCES[bold]
    width = table.get(char)
    if width is None:
        width = 0.6 if bold else 0.55  # without the font, or a character it lacks
        font = _font(bold)
        if font is not None and len(char) == 1:
            from matplotlib.ft2font import LoadFlags

            if font.get_char_index(ord(char)):
                glyph = font.load_char(ord(char), flags=LoadFlags.NO_SCALE)
                width = glyph.horiAdvance / font.units_per_EM
        table[char] = width
    return width


def text_width_pt(text: str, bold: bool = False, size_pt: float = 9.0) -> float:
    """The width of ``text`` on one line, in points."""
    table = _ADVANCES[bold]
    total = 0.0
    for char in text:
        width = table.get(char)
        total += width if width is not None else _advance(char, bold)
    return total * size_pt


_WORDS: dict[tuple[str, bool], float] = {}


def _word_em(word: str, bold: bool) -> float:
    """The width of ``word`` in em, remembered (reports repeat their words a lot)."""
    key = (word, bold)
    width = _WORDS.get(key)
    if width is None:
        width = text_width_pt(word, bold, 1.0)
        if len(_WORDS) < 200_000:
            _WORDS[key] = width
    return width


def _measure(spans: mk.Inline, bold_all: bool) -> tuple[float, float]:
    """(longest word, longest line) of a cell in em."""
    longest_word = 0.0
    longest_line = 0.0
    line = 0.0
    word = 0.0  # a word may run across spans ("**Bewijs**kracht")
    space = _advance(" ", False)
    for span in spans:
        bold = span.bold or bold_all
        for li, piece in enumerate(span.text.split("\n")):
            if li:
                longest_word, longest_line = max(longest_word, word), max(longest_line, line)
                word = line = 0.0
            for wi, part in enumerate(piece.split(" ")):
                if wi:
                    longest_word = max(longest_word, word)
                    word = 0.0
                    line += space
                if part:
                    width = _word_em(part, bold)
                    word += width
                    line += width
    return max(longest_word, word), max(longest_line, line)


def _ems(table: mk.Table) -> tuple[list[float], list[float]]:
    """Longest word and longest line per column, in em."""
    ncols = len(table.widths)
    words = [0.0] * ncols
    lines = [0.0] * ncols
    rows = ([(True, table.header)] if table.header is not None else []) + [
        (False, row) for row in table.rows]
    for is_header, row in rows:
        for index, cell in enumerate(row[:ncols]):
            if cell:
                word, line = _measure(cell, is_header)
                words[index] = max(words[index], word)
                lines[index] = max(lines[index], line)
    return words, lines


def _needs(ems: tuple[list[float], list[float]], size_pt: float
           ) -> tuple[list[float], list[float]]:
    """Minimum and preferred widths per column at ``size_pt``, in twips."""
    scale = size_pt * SLACK * TWIPS_PER_PT
    return ([w * scale + CELL_PADDING_TWIPS for w in ems[0]],
            [w * scale + CELL_PADDING_TWIPS for w in ems[1]])


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
    ems = _ems(table)
    minimum, preferred = _needs(ems, size)
    while sum(minimum) > text_width and size > SMALLEST_PT:
        size = max(SMALLEST_PT, round(size - 0.5, 1))
        minimum, preferred = _needs(ems, size)
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
    out = [max(1, round(w)) for w in widths]
    out[-1] += text_width - sum(out)  # rounding: the columns fill the text width exactly
    return Layout(out, size, size < size_pt)
