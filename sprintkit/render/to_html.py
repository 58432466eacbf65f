"""Block markup → one self-contained HTML5 file (styles inline, images as data URIs).

A draft's notes for the author are marked quotes (``<aside class="note">`` with the label),
and its mark (CONCEPT/DRAFT) stands under the title."""

from __future__ import annotations

import base64
import html

from sprintkit.render import markup as mk

CSS = """
body{font-family:Arial,"Liberation Sans",Helvetica,sans-serif;font-size:10.5pt;line-height:1.45;
color:#1c2833;max-width:46em;margin:2em auto;padding:0 1.5em;hyphens:auto}
h1,h2,h3,h4{color:#1b4f72;line-height:1.2;margin:1.4em 0 .4em}h1{font-size:1.6em}
h2{font-size:1.3em}h3{font-size:1.1em}h4{font-size:1em;font-style:italic;color:#1c2833}
header.title{border-bottom:2px solid #1b4f72;margin:3em 0 2em;padding-bottom:1em}
header.title h1{font-size:2.4em;margin:0 0 .3em}
header.title .subtitle{font-size:1.4em;color:#5d6d7e}
header.title p{color:#5d6d7e;margin:.2em 0}
table{border-collapse:collapse;width:100%;margin:.6em 0 1em;font-size:.9em}
th,td{text-align:left;vertical-align:top;padding:.25em .45em;border-bottom:1px solid #b0bec5;
overflow-wrap:anywhere}th{background:#e3eef4;color:#1b4f72}
tr:first-child th{border-top:2px solid #1b4f72}table{border-bottom:2px solid #1b4f72}
blockquote{border-left:4px solid #b0bec5;margin:.5em 0;padding:.1em 1em;color:#5d6d7e;
font-style:italic}
.note{background:#fdf3e1;border-left:5px solid #d4a017;padding:.4em .8em;margin:.5em 0}
.note p{margin:.2em 0}.draft{color:#c0392b;font-weight:bold;letter-spacing:.1em}
figure{margin:1em 0;text-align:center}figure img{max-width:100%}
figcaption{font-style:italic;color:#5d6d7e;font-size:.9em}
nav.toc ul{list-style:none;padding-left:1em}nav.toc>ul{padding-left:0}
.pagebreak{break-after:page}
"""


def _inline(spans: mk.Inline) -> str:
    parts = []
    for span in spans:
        text = html.escape(span.text, quote=False).replace("\n", "<br>")
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        parts.append(text)
    return "".join(parts)


def to_html(document: mk.Document, images: object, *, lang: str = "nl", mark: str = "",
            note_label: str = "Note for the author:") -> str:
    """A standalone HTML page for ``document``; ``mark`` marks a draft."""
    body: list[str] = []
    headings = []
    counter = 0
    toc_index = None
    toc_depth = 2
    for block in document.blocks:
        if isinstance(block, mk.TitlePage):
            info = "".join(f"<p>{_inline(i)}</p>" for i in block.info)
            sub = f'<p class="subtitle">{_inline(block.subtitle)}</p>' if block.subtitle else ""
            if mark:
                info += f'<p class="draft">{html.escape(mark)}</p>'
            body.append(
                f'<header class="title"><h1>{_inline(block.title)}</h1>{sub}{info}</header>')
        elif isinstance(block, mk.Note):
            lines = "".join(f"<p>{_inline(line)}</p>" for line in mk.note_lines(block))
            body.append(f'<aside class="note"><strong>{html.escape(note_label)}</strong>'
                        f"{lines}</aside>")
        elif isinstance(block, mk.Heading):
            counter += 1
            anchor = f"s{counter}"
            headings.append((block.level, anchor, _inline(block.spans)))
            body.append(f'<h{block.level} id="{anchor}">{_inline(block.spans)}</h{block.level}>')
        elif isinstance(block, mk.Paragraph):
            if block.style == "Quote":
                body.append(f"<blockquote>{_inline(block.spans)}</blockquote>")
            elif block.style:
                css = "note" if block.style == "Note" else "style-" + "".join(
                    c if c.isalnum() else "-" for c in block.style.lower())
                body.append(f'<p class="{css}">{_inline(block.spans)}</p>')
            else:
                body.append(f"<p>{_inline(block.spans)}</p>")
        elif isinstance(block, mk.ListBlock):
            body.append(_list(block))
        elif isinstance(block, mk.Table):
            body.append(_table(block))
        elif isinstance(block, mk.Image):
            data, _, _ = images(block)  # type: ignore[operator]
            kind = "jpeg" if data[:3] == b"\xff\xd8\xff" else "png"
            src = f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"
            alt = html.escape(mk.plain(block.caption))
            cap = f"<figcaption>{_inline(block.caption)}</figcaption>" if block.caption else ""
            body.append(f'<figure><img src="{src}" alt="{alt}">{cap}</figure>')
        elif isinstance(block, mk.PageBreak):
            body.append('<div class="pagebreak"></div>')
        elif isinstance(block, mk.Toc):
            toc_index = len(body)
            toc_depth = block.depth
            body.append(f"<h2>{_inline(block.title)}</h2>" if block.title else "")
    if toc_index is not None:
        items = "".join(
            f'<li style="margin-left:{(level - 1) * 1.2}em"><a href="#{a}">{text}</a></li>'
            for level, a, text in headings if level <= toc_depth)
        body[toc_index] += f'<nav class="toc"><ul>{items}</ul></nav>'
    title = html.escape(document.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(b for b in body if b) + "\n</body>\n</html>\n"
    )


def _list(block: mk.ListBlock) -> str:
    tag = "ol" if block.ordered else "ul"
    out: list[str] = []
    depth = -1
    for item in block.items:
        level = min(item.level, depth + 1)
        if level > depth:
            out.append(f"<{tag}>")
            depth = level
        else:
            out.append("</li>")
            while depth > level:
                out.append(f"</{tag}></li>")
                depth -= 1
        out.append(f"<li>{_inline(item.spans)}")
    out.append("</li>")
    while depth > 0:
        out.append(f"</{tag}></li>")
        depth -= 1
    out.append(f"</{tag}>")
    return "".join(out)


def _table(block: mk.Table) -> str:
    total = sum(block.widths) or 1.0
    cols = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in block.widths)
    rows = []
    if block.header is not None:
        cells = "".join(f'<th style="text-align:{a}">{_inline(c)}</th>'
                        for c, a in zip(block.header, block.align, strict=True))
        rows.append(f"<thead><tr>{cells}</tr></thead>")
    body = "".join(
        "<tr>" + "".join(f'<td style="text-align:{a}">{_inline(c)}</td>'
                         for c, a in zip(row, block.align, strict=True)) + "</tr>"
        for row in block.rows)
    rows.append(f"<tbody>{body}</tbody>")
    return f"<table><colgroup>{cols}</colgroup>{''.join(rows)}</table>"
