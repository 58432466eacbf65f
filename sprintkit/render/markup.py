"""The light block markup templates render to, and its parser.

Templates produce text in a small Markdown-like markup; :func:`parse` turns it into blocks that
one writer per output format (.docx, Markdown, HTML) lays out. Line-based:

``# Title`` … ``#### Title``
    headings, levels 1–4 (deeper levels are shown as level 4).
plain lines
    a paragraph; consecutive lines are joined with a space; a blank line ends it.
``- item`` / ``* item`` / ``1. item``
    bullet or numbered list items; indent by two spaces per nesting level (up to three).
``> text``
    a quote (style ``Quote``).
``| a | b |``
    a table row; a second line like ``|---|------|--:|`` makes the first row the header and
    sets relative column widths (number of dashes) and alignment (``:`` on the right side).
    The same line as the *first* line sets widths for a table without a header.
``::: toc [depth=2] | Title``
    the table of contents of heading levels 1…depth (a field Word fills in on opening).
``::: pagebreak``
    a page break.
``::: chart ID [width=16cm] | caption``
    a chart from the context (``ID`` as given by the context, e.g. ``h.chart``).
``::: image PATH [width=5cm] | caption``
    an image file, relative to the template's folder or the sprint folder.
``::: titlepage`` … ``:::``
    a title page; lines ``title: …``, ``subtitle: …`` and any number of ``info: …``. The
    document's properties (date, version, status, organisation) are ``info:`` lines the
    template writes *with their labels* (``info: Versie 1.0``, ``info: Status: concept``), so
    the wording stays in the template's language; there are no separate keys for them. A
    draft (``produce(..., draft=True)``) gets its CONCEPT/DRAFT mark from the writers.
``::: div STYLE NAME`` … ``:::``
    the paragraphs inside get that paragraph style from the reference document.
``::: note`` … ``:::``
    a note for the author (a :class:`Note` holding the blocks inside). A client copy leaves
    every note out, in every format; a draft shows it: in .docx as a Word review comment on
    the block before it (the section heading when it opens a section), in Markdown and HTML
    as a marked quote.

Inline: ``**bold**``, ``*italic*``, ``\\n`` a line break, ``\\X`` the character X itself;
``&amp;`` ``&lt;`` ``&gt;`` ``&quot;`` ``&#39;`` ``&#34;`` are decoded.

Every ``{{ value }}`` in a template is escaped by :func:`escape_text`, so text from users can
never start a heading, split a table cell or turn bold: it always arrives as the same
characters. Characters XML cannot hold (C0 control characters other than tab and newline, lone
surrogates, U+FFFE/U+FFFF) are removed — the only change ever made to the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sprintkit.errors import SprintkitError
from sprintkit.i18n import msg

# --- escaping ------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", "*": "\\*", "|": "\\|", "&": "&amp;", "\n": "\\n"})
_LEADING = frozenset("#-+>:!=[~`")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(value: object) -> str:
    """``value`` as markup that reads back as exactly its characters (line breaks kept)."""
    text = str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_ESCAPES)
    if text and (text[0] in _LEADING or text[0].isdigit() or text[0].isspace()):
        text = "\\" + text
    return text


class Text(str):
    """Text from a user in the template context: escaped for the markup wherever it goes.

    Jinja asks ``__html__`` whenever it escapes a value (``{{ x }}``, ``~`` next to markup,
    ``join``), so wrapping context strings in :class:`Text` keeps them literal even when a
    template mixes them with macro output."""

    __slots__ = ()

    def __html__(self) -> str:
        return escape_text(self)


def wrap(value: object) -> object:
    """``value`` with every string inside (dicts, lists, tuples) wrapped in :class:`Text`.

    A dict or list the context holds in several places (a hypothesis in its sprint, its
    lineage and the adopted decisions) is wrapped once and shared again, and equal strings
    share one :class:`Text`: the copy costs memory once, not once per reference."""
    return _Wrapper().wrap(value)


class _Wrapper:
    def __init__(self) -> None:
        self.done: dict[int, object] = {}
        self.texts: dict[str, Text] = {}

    def wrap(self, value: object) -> object:
        if isinstance(value, str):
            if isinstance(value, Text):
                return value
            text = self.texts.get(value)
            if text is None:
                text = self.texts[value] = Text(value)
            return text
        if not isinstance(value, (dict, list, tuple)):
            return value
        seen = self.done.get(id(value))
        if seen is not None:
            return seen
        if isinstance(value, dict):
            mapping: dict[object, object] = {}
            self.done[id(value)] = mapping
            for k, v in value.items():
                mapping[k] = self.wrap(v)
            return mapping
        items: list[object] = []
        self.done[id(value)] = items
        items.extend(self.wrap(v) for v in value)
        return items


def clean(text: str) -> str:
    """Remove the characters an XML document cannot contain (nothing else)."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text


# --- blocks --------------------------------------------------------------------------------


@dataclass(slots=True)
class Span:
    """A run of text; ``\\n`` inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = list[Span]


@dataclass(slots=True)
class Heading:
    level: int
    spans: Inline


@dataclass(slots=True)
class Paragraph:
    spans: Inline
    style: str | None = None  # None: the body style (Normal)


@dataclass(slots=True)
class ListItem:
    level: int
    spans: Inline


@dataclass(slots=True)
class ListBlock:
    ordered: bool
    items: list[ListItem]


@dataclass(slots=True)
class Table:
    header: list[Inline] | None
    rows: list[list[Inline]]
    widths: list[float]
    align: list[str]  # "left" | "right" | "center"


@dataclass(slots=True)
class Image:
    source: str  # "chart" | "file"
    ref: str
    width_cm: float | None = None
    caption: Inline = field(default_factory=list)


@dataclass(slots=True)
class PageBreak:
    pass


@dataclass(slots=True)
class Toc:
    title: Inline = field(default_factory=list)
    depth: int = 2  # heading levels listed


@dataclass(slots=True)
class TitlePage:
    title: Inline
    subtitle: Inline = field(default_factory=list)
    info: list[Inline] = field(default_factory=list)


@dataclass(slots=True)
class Note:
    """A note for the author: only in drafts (see the module documentation)."""

    blocks: list[Block]


Block = Heading | Paragraph | ListBlock | Table | Image | PageBreak | Toc | TitlePage | Note


@dataclass
class Document:
    blocks: list[Block]

    @property
    def title(self) -> str:
        """The title page's title (with its subtitle), else the first heading's text."""
        for block in self.blocks:
            if isinstance(block, TitlePage):
                if block.subtitle:
                    return f"{plain(block.title)} — {plain(block.subtitle)}"
                return plain(block.title)
        for block in self.blocks:
            if isinstance(block, Heading):
                return plain(block.spans)
        return ""

    def headings(self, max_level: int = 3) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= max_level]

    def styles(self) -> set[str]:
        """Custom paragraph styles named by ``::: div`` blocks."""
        return {b.style for b in self.blocks if isinstance(b, Paragraph) and b.style}

    def notes(self) -> list[Note]:
        return [b for b in self.blocks if isinstance(b, Note)]

    def without_notes(self) -> Document:
        """The client copy: the same blocks with every note left out."""
        return Document([b for b in self.blocks if not isinstance(b, Note)])


def note_lines(note: Note) -> list[Inline]:
    """A note's lines (one per paragraph, list item and table row), bold and italic kept."""
    lines: list[Inline] = []
    for block in note.blocks:
        if isinstance(block, (Paragraph, Heading)):
            lines.append(block.spans)
        elif isinstance(block, ListBlock):
            lines += [[Span("  " * item.level + "– "), *item.spans] for item in block.items]
        elif isinstance(block, Table):
            rows = ([block.header] if block.header else []) + block.rows
            lines += [[Span(" | ".join(plain(cell) for cell in row))] for row in rows]
        elif isinstance(block, Image):
            lines.append(block.caption)
    return [line for line in lines if plain(line).strip()]


def note_text(note: Note) -> str:
    """A note's text, one line per paragraph, list item and table row."""
    return "\n".join(plain(line) for line in note_lines(note))


def plain(spans: Inline) -> str:
    """The text of some spans, line breaks as spaces."""
    return "".join(s.text for s in spans).replace("\n", " ")


class MarkupError(SprintkitError):
    """The markup a template produced cannot be laid out."""


# --- inline --------------------------------------------------------------------------------

_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#34;": '"'}
_INLINE = re.compile(r"\\(.)|(\*\*)|(\*)|(&(?:amp|lt|gt|quot|#39|#34);)", re.S)
_PLAIN_OK = re.compile(r"[\\*&]")


def parse_inline(text: str, bold: bool = False, italic: bool = False) -> Inline:
    """Spans of ``text``: escapes, ``**bold**``, ``*italic*`` and the five entities."""
    if not _PLAIN_OK.search(text):
        return [Span(clean(text), bold, italic)] if text else []
    spans: Inline = []
    buf: list[str] = []
    pos = 0

    def flush() -> None:
        if buf:
            joined = clean("".join(buf))
            if joined:
                if spans and spans[-1].bold == bold and spans[-1].italic == italic:
                    spans[-1].text += joined
                else:
                    spans.append(Span(joined, bold, italic))
            buf.clear()

    for match in _INLINE.finditer(text):
        if match.start() > pos:
            buf.append(text[pos:match.start()])
        pos = match.end()
        escaped, strong, emph, entity = match.groups()
        if escaped is not None:
            buf.append("\n" if escaped == "n" else escaped)
        elif entity is not None:
            buf.append(_ENTITIES[entity])
        else:
            flush()
            if strong:
                bold = not bold
            else:
                italic = not italic
    if pos < len(text):
        buf.append(text[pos:])
    flush()
    return spans


def unescape_plain(text: str) -> str:
    """Markup text as plain characters (emphasis markers dropped)."""
    return plain(parse_inline(text))


# --- blocks --------------------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_ARG_SPLIT = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_WIDTH = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(cm|mm|in)?$")
_CONTAINERS = ("titlepage", "div", "note")


def _split_unescaped_pipes(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _CELL_SPLIT.finditer(text):
        end = match.start() + len(match.group(1))
        parts.append(text[start:end])
        start = match.end()
    parts.append(text[start:])
    return parts


def _row_cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    cells = _split_unescaped_pipes(body)
    if len(cells) > 1 and cells[-1].strip() == "":
        cells.pop()
    return [c.strip() for c in cells]


def _width_cm(value: str, where: str) -> float:
    match = _WIDTH.match(value.strip())
    if not match:
        raise MarkupError(msg("render.markup.width", where=where, value=repr(value)))
    number = float(match.group(1).replace(",", "."))
    unit = match.group(2) or "cm"
    return {"cm": number, "mm": number / 10, "in": number * 2.54}[unit]


def parse(text: str, *, source: str = "template") -> Document:
    """Blocks of the markup ``text``. ``source`` names the template in error messages."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    para: list[str] = []
    quote: list[str] = []
    items: list[tuple[int, bool, str]] = []
    table: list[str] = []
    div_style: str | None = None
    note_start: int | None = None  # index in blocks where an open ``::: note`` began
    title_lines: list[tuple[int, str]] | None = None

    def flush_para() -> None:
        if para:
            spans = parse_inline(" ".join(para))
            if spans:
                blocks.append(Paragraph(spans, div_style))
            para.clear()
        if quote:
            spans = parse_inline(" ".join(quote))
            if spans:
                blocks.append(Paragraph(spans, "Quote"))
            quote.clear()

    def flush_list() -> None:
        if not items:
            return
        current: ListBlock | None = None
        for level, ordered, body in items:
            if current is None or (level == 0 and current.ordered != ordered):
                current = ListBlock(ordered, [])
                blocks.append(current)
            current.items.append(ListItem(level, parse_inline(body)))
        items.clear()

    def flush_table() -> None:
        if not table:
            return
        rows = list(table)
        table.clear()
        header: list[Inline] | None = None
        widths: list[float] = []
        align: list[str] = []
        if _SEPARATOR.match(rows[0]):  # widths only, no header
            seps = _row_cells(rows[0])
            widths = [float(max(1, s.count("-"))) for s in seps]
            align = [
                "center" if s.startswith(":") and s.endswith(":")
                else "right" if s.endswith(":") else "left"
                for s in seps
            ]
            body_rows = rows[1:]
        elif len(rows) >= 2 and _SEPARATOR.match(rows[1]):
            seps = _row_cells(rows[1])
            header_cells = _row_cells(rows[0])
            body_rows = rows[2:]
            widths = [float(max(1, s.count("-"))) for s in seps]
            align = [
                "center" if s.startswith(":") and s.endswith(":")
                else "right" if s.endswith(":") else "left"
                for s in seps
            ]
            header = [parse_inline(c) for c in header_cells]
        else:
            body_rows = rows
        cells = [[parse_inline(c) for c in _row_cells(r)] for r in body_rows]
        ncols = max([len(header or [])] + [len(r) for r in cells] + [len(widths)])
        if header is not None:
            header += [[] for _ in range(ncols - len(header))]
        for row in cells:
            row += [[] for _ in range(ncols - len(row))]
        mean = (sum(widths) / len(widths)) if widths else 1.0
        widths += [mean] * (ncols - len(widths))
        align += ["left"] * (ncols - len(align))
        blocks.append(Table(header, cells, widths, align))

    def flush_all() -> None:
        flush_para()
        flush_list()
        flush_table()

    for number, raw in enumerate(lines, start=1):
        where = f"{source}, output line {number}"
        line = raw.rstrip()
        if title_lines is not None:
            if line.strip() == ":::":
                blocks.append(_title_page(title_lines, source))
                title_lines = None
            elif line.strip():
                title_lines.append((number, line.strip()))
            continue
        stripped = line.strip()
        if not stripped:
            flush_all()
            continue
        if line.startswith(":::"):
            flush_all()
            directive = line[3:].strip()
            if not directive:
                if note_start is not None:
                    inner = blocks[note_start:]
                    del blocks[note_start:]
                    if inner:
                        blocks.append(Note(inner))
                    note_start = None
                    continue
                if div_style is None:
                    raise MarkupError(msg("render.markup.closes_nothing", where=where))
                div_style = None
                continue
            head, _, rest = directive.partition(" ")
            if head in _CONTAINERS and (note_start is not None or div_style is not None):
                raise MarkupError(msg("render.markup.close_first", where=where, head=head))
            if head == "titlepage":
                title_lines = []
            elif head == "div":
                name = unescape_plain(rest).strip()
                if not name:
                    raise MarkupError(msg("render.markup.div_style", where=where))
                div_style = name
            elif head == "note":
                note_start = len(blocks)
            else:
                blocks.append(_directive(head, rest, where))
            continue
        if line.startswith("|"):
            flush_para()
            flush_list()
            table.append(line)
            continue
        flush_table()
        heading = _HEADING.match(line)
        if heading:
            flush_para()
            flush_list()
            level = min(len(heading.group(1)), 4)
            blocks.append(Heading(level, parse_inline(heading.group(2))))
            continue
        item = _ITEM.match(line)
        if item:
            flush_para()
            indent, marker, body = item.groups()
            level = min(len(indent) // 2, 2)
            items.append((level, marker[0].isdigit(), body))
            continue
        if line.startswith(">"):
            if para:
                flush_para()
            flush_list()
            quote.append(line[1:].strip())
            continue
        if quote:
            flush_para()
        if items and raw.startswith("  "):  # continuation of a list item
            level, ordered, body = items[-1]
            items[-1] = (level, ordered, f"{body} {stripped}")
            continue
        flush_list()
        para.append(stripped)
    flush_all()
    if title_lines is not None:
        raise MarkupError(msg("render.markup.not_closed", where=source, block="titlepage"))
    if note_start is not None:
        raise MarkupError(msg("render.markup.not_closed", where=source, block="note"))
    if div_style is not None:
        raise MarkupError(msg("render.markup.not_closed", where=source,
                              block=f"div {div_style}"))
    return Document(blocks)


def _directive(head: str, rest: str, where: str) -> Block:
    parts = _split_unescaped_pipes(rest)
    args = unescape_plain(parts[0]).split()
    caption = parse_inline("|".join(parts[1:]).strip()) if len(parts) > 1 else []
    options = {}
    positional = []
    for arg in args:
        key, eq, value = arg.partition("=")
        if eq:
            options[key] = value
        else:
            positional.append(arg)
    if head == "toc":
        depth = options.pop("depth", "2")
        if options or positional or depth not in ("1", "2", "3", "4"):
            raise MarkupError(msg("render.markup.toc", where=where))
        return Toc(caption, int(depth))
    if head == "pagebreak":
        return PageBreak()
    if head in ("chart", "image"):
        if len(positional) != 1:
            raise MarkupError(msg("render.markup.one_id" if head == "chart"
                                  else "render.markup.one_path", where=where, head=head))
        width = _width_cm(options["width"], where) if "width" in options else None
        unknown = set(options) - {"width"}
        if unknown:
            raise MarkupError(msg("render.markup.option", where=where,
                                  option=repr(sorted(unknown)[0])))
        return Image(head if head == "chart" else "file", positional[0], width, caption)
    known = ", ".join(("toc", "pagebreak", "chart", "image") + _CONTAINERS)
    raise MarkupError(msg("render.markup.directive", where=where, head=head, known=known))


def _title_page(lines: list[tuple[int, str]], source: str) -> TitlePage:
    page = TitlePage([])
    for number, line in lines:
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in ("title", "subtitle", "info"):
            raise MarkupError(msg("render.markup.titlepage", where=source, line=number))
        spans = parse_inline(value.strip())
        if key == "title":
            page.title = spans
        elif key == "subtitle":
            page.subtitle = spans
        elif spans:
            page.info.append(spans)
    return page
