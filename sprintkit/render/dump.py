"""Read a .docx back as a normalised dump: paragraph styles and text, tables, images, fields.

For golden tests and for diffing documents in CI: two builds of the same content give the same
dump whatever the zip timestamps, relationship ids or image file names. Bold and italic runs are
marked ``**…**`` and ``*…*``; line breaks are ``\\n``; empty paragraphs are left out."""

from __future__ import annotations

import io
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def dump_docx(data: bytes) -> dict[str, Any]:
    """``{"body": [...], "header": [...], "footer": [...], "settings": {...}, "core": {...}}``."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    styles = {s.style_id: s.name for s in doc.styles}
    body = [_block(el, styles) for el in doc.element.body if el.tag in (_w("p"), _w("tbl"))]
    section = doc.sections[-1]
    settings = doc.settings.element
    update = settings.find(_w("updateFields"))
    props = doc.core_properties
    return {
        "body": [b for b in body if b],
        "header": _fields_and_text(section.header._element) if section.header else [],
        "footer": _fields_and_text(section.footer._element) if section.footer else [],
        "settings": {"updateFields": update is not None and update.get(_w("val")) == "true"},
        "page": {"width_cm": round(section.page_width.cm, 1) if section.page_width else None,
                 "height_cm": round(section.page_height.cm, 1) if section.page_height
                 else None},
        "core": {"title": props.title, "created": props.created.isoformat()
                 if props.created else None, "language": props.language},
    }


def _block(el: Any, styles: dict[str, str]) -> dict[str, Any] | None:
    if el.tag == _w("tbl"):
        style = el.find(f"{_w('tblPr')}/{_w('tblStyle')}")
        rows = []
        for tr in el.iter(_w("tr")):
            rows.append([_text(tc) for tc in tr.iter(_w("tc"))])
        return {"table": styles.get(style.get(_w("val")), "") if style is not None else "",
                "rows": rows}
    entry: dict[str, Any] = {}
    ppr = el.find(_w("pPr"))
    style_el = ppr.find(_w("pStyle")) if ppr is not None else None
    style = styles.get(style_el.get(_w("val")), style_el.get(_w("val"))) if style_el is not None \
        else "Normal"
    instr = "".join(t.text or "" for t in el.iter(_w("instrText"))).strip()
    images = [ext for ext in el.iter(f"{{{WP}}}extent")]
    text = _text(el)
    if not text and not instr and not images:
        return None
    entry["p"] = style
    if ppr is not None and ppr.find(_w("pageBreakBefore")) is not None:
        entry["page_break_before"] = True
    if ppr is not None and ppr.find(_w("numPr")) is not None:
        level = ppr.find(f"{_w('numPr')}/{_w('ilvl')}")
        entry["list_level"] = int(level.get(_w("val"))) if level is not None else 0
    if instr:
        entry["field"] = instr
    if images:
        entry["images"] = [round(int(e.get("cx")) / 360000, 1) for e in images]
    if text:
        entry["text"] = text
    return entry


def _text(el: Any) -> str:
    """Text of a paragraph or cell with **bold** and *italic* marks (fields' codes left out)."""
    parts = []
    for p in el.iter(_w("p")) if el.tag != _w("p") else [el]:
        runs = []
        for r in p.iter(_w("r")):
            rpr = r.find(_w("rPr"))
            bold = rpr is not None and rpr.find(_w("b")) is not None
            italic = rpr is not None and rpr.find(_w("i")) is not None
            pieces = []
            for child in r:
                if child.tag == _w("t"):
                    pieces.append(child.text or "")
                elif child.tag == _w("br") and child.get(_w("type")) != "page":
                    pieces.append("\n")
                elif child.tag == _w("tab"):
                    pieces.append("\t")
            text = "".join(pieces)
            if text and (bold or italic):
                mark = ("**" if bold else "") + ("*" if italic else "")
                text = f"{mark}{text}{mark[::-1]}"
            runs.append(text)
        parts.append("".join(runs))
    return "\n".join(p for p in parts if p)


def _fields_and_text(el: Any) -> list[str]:
    out = []
    for p in el.iter(_w("p")):
        instr = " ".join((t.text or "").strip() for t in p.iter(_w("instrText")))
        if instr.strip():
            out.append(f"field: {instr.strip()}")
        text = "".join(t.text or "" for t in p.iter(_w("t"))).strip()
        if text:
            out.append(f"text: {text}")
    return out
