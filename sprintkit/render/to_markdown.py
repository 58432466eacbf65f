"""Block markup → GitHub-flavoured Markdown (pandoc reads it too).

The title page becomes a YAML metadata block (title, subtitle, and the info lines as
``date``/``author``-free ``info`` list); images are written as files next to the Markdown
(``<stem>_files/…``) and linked. Text is escaped so it reads back as the same characters.
A draft's notes for the author are quotes that start with the label (``note_label``), and its
mark (CONCEPT/DRAFT) is a ``status`` in the metadata and a line under the title."""

from __future__ import annotations

import json
import re

from sprintkit.render import markup as mk
from sprintkit.render.charts import spec_key

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~])")
_LEADING = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)](?:\s|$)))")
"""What would start a list, quote or heading underline at the start of a line. A number is
escaped on its ``.``/``)`` (``1\\. x``): CommonMark keeps a backslash before a digit."""


def _text(text: str, *, in_table: bool = False) -> str:
    out = _SPECIAL.sub(r"\\\1", text)
    out = out.replace("&", "&amp;")
    return out.replace("\n", "<br>" if in_table else "\\\n")


def inline(spans: mk.Inline, *, in_table: bool = False) -> str:
    parts = []
    for span in spans:
        text = _text(span.text, in_table=in_table)
        stripped = text.strip()
        if not stripped:
            parts.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        mark = ("**" if span.bold else "") + ("*" if span.italic else "")
        parts.append(f"{lead}{mark}{stripped}{mark[::-1]}{trail}")
    line = "".join(parts)
    return _LEADING.sub(_escape_leading, line, count=1)


def _escape_leading(m: re.Match[str]) -> str:
    if m.group(2)[0].isdigit():
        return m.group(1) + m.group(2) + "\\"
    return m.group(1) + "\\" + m.group(2)


def to_markdown(document: mk.Document, images: object, *, image_dir: str = "images",
                mark: str = "", note_label: str = "Note for the author:"
                ) -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the image files it links (relative path → bytes)."""
    out: list[str] = []
    files: dict[str, bytes] = {}
    for block in document.blocks:
        if isinstance(block, mk.TitlePage):
            meta = ["---", f"title: {json.dumps(mk.plain(block.title), ensure_ascii=False)}"]
            if block.subtitle:
                meta.append(f"subtitle: {json.dumps(mk.plain(block.subtitle), ensure_ascii=False)}")
            if block.info:
                meta.append("info:")
                meta += [f"  - {json.dumps(mk.plain(i), ensure_ascii=False)}" for i in block.info]
            if mark:
                meta.append(f"status: {json.dumps(mark)}")
            meta.append("---")
            out.append("\n".join(meta))
            if mark:
                out.append(f"**{mark}**")
        elif isinstance(block, mk.Note):
            lines = [inline(line).replace("\\\n", " ") for line in mk.note_lines(block)] or [""]
            quoted = [f"> **{_text(note_label)}** {lines[0]}"]
            quoted += [f"> {line}" for line in lines[1:]]
            out.append("\\\n".join(quoted))
        elif isinstance(block, mk.Heading):
            out.append(f"{'#' * block.level} {inline(block.spans)}")
        elif isinstance(block, mk.Paragraph):
            text = inline(block.spans)
            out.append(f"> {text}" if block.style in ("Quote", "Note") else text)
        elif isinstance(block, mk.ListBlock):
            lines = []
            counters = [0, 0, 0]
            for item in block.items:
                counters[item.level] += 1
                for deeper in range(item.level + 1, 3):
                    counters[deeper] = 0
                marker = f"{counters[item.level]}." if block.ordered else "-"
                pad = "   " * item.level if block.ordered else "  " * item.level
                lines.append(f"{pad}{marker} {inline(item.spans)}")
            out.append("\n".join(lines))
        elif isinstance(block, mk.Table):
            out.append(_table(block))
        elif isinstance(block, mk.Image):
            data, _, _ = images(block)  # type: ignore[operator]
            name = f"{image_dir}/{block.source}-{spec_key({'ref': block.ref, 'n': len(files)})}.png"
            files[name] = data
            alt = _text(mk.plain(block.caption)) if block.caption else ""
            out.append(f"![{alt}]({name})")
            if block.caption:
                out.append(f"*{inline(block.caption)}*")
        # Toc and PageBreak have no Markdown form
    return "\n\n".join(out) + "\n", files


def _table(block: mk.Table) -> str:
    ncols = len(block.widths)
    header = block.header if block.header is not None else [[] for _ in range(ncols)]
    rows = ["| " + " | ".join(inline(c, in_table=True) for c in header) + " |"]
    seps = []
    for align in block.align:
        seps.append({"left": "---", "right": "--:", "center": ":-:"}[align])
    rows.append("| " + " | ".join(seps) + " |")
    for row in block.rows:
        rows.append("| " + " | ".join(inline(c, in_table=True) for c in row) + " |")
    return "\n".join(rows)
