"""The parts of a generated .docx around its body: document properties, the application
properties (docProps/app.xml), review comments for a draft's notes, and the draft mark in the
page header.

The application properties are written afresh: python-docx's blank document carries another
program's name and page and word counts that would be wrong for every document made from it,
and a thumbnail of some other document, which is dropped. Fields in headers and footers are
not marked for updating (Word would ask about it on opening); the TITLE field shows the title."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from sprintkit.render import markup as mk

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
APPLICATION = "sprintkit"
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
DRAFT_COLOUR = "C0392B"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def language_tag(lang: str) -> str:
    return LANGUAGE_TAGS.get(lang, lang)


def app_xml(organisation: str = "") -> bytes:
    """docProps/app.xml naming sprintkit as the application, and the organisation if any."""
    company = mk.clean(organisation).strip()[:255]
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>',
    ]
    if company:
        parts.append(f"<Company>{escape(company)}</Company>")
    parts.append("</Properties>")
    return "".join(parts).encode("utf-8")


def set_core_properties(doc: Any, opts: Any) -> None:
    """Title, author, subject, description, keywords, language and the fixed dates."""
    props = doc.core_properties
    stamp = opts.created.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.title = mk.clean(opts.title)[:255]
    props.subject = mk.clean(opts.subject)[:255]
    props.author = mk.clean(opts.author)[:255]
    props.keywords = mk.clean(opts.keywords)[:255]
    props.comments = mk.clean(opts.description)[:255]
    props.category = ""
    props.content_status = opts.draft_mark.lower() if opts.draft_mark else ""
    props.last_modified_by = mk.clean(opts.author)[:255] or APPLICATION
    props.language = language_tag(opts.lang)
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1


def initials(name: str) -> str:
    """``Anna de Vries, Bram Jansen`` → ``AdV``: the first person's initials."""
    first = name.split(",")[0]
    return "".join(word[0] for word in first.split() if word[:1].isalpha())[:8]


def add_comment(doc: Any, etree: Any, first_run: Any, last_run: Any, lines: list[mk.Inline],
                *, author: str, stamp: dt.datetime) -> None:
    """A review comment of ``lines`` (a paragraph each), anchored from ``first_run`` to
    ``last_run``."""
    comment = doc.comments.add_comment(author=author, initials=initials(author) or None)
    for index, spans in enumerate(lines):
        paragraph = comment.paragraphs[0] if index == 0 else comment.add_paragraph()
        for span in spans:
            run = paragraph.add_run(span.text.replace("\n", " "))
            run.bold = span.bold or None
            run.italic = span.italic or None
    comment._comment_elm.date = stamp.astimezone(dt.timezone.utc).replace(microsecond=0)
    cid = str(comment.comment_id)
    start = etree.Element(_w("commentRangeStart"))
    start.set(_w("id"), cid)
    first_run.addprevious(start)
    end = etree.Element(_w("commentRangeEnd"))
    end.set(_w("id"), cid)
    last_run.addnext(end)
    ref_run = etree.Element(_w("r"))
    etree.SubElement(ref_run, _w("commentReference")).set(_w("id"), cid)
    end.addnext(ref_run)


def mark_header(doc: Any, etree: Any, mark: str) -> None:
    """Show ``mark`` (CONCEPT/DRAFT) at the right of every page header after the first."""
    for section in doc.sections:
        header = section.header
        element = header._element
        paragraphs = element.findall(_w("p"))
        p = paragraphs[0] if paragraphs else etree.SubElement(element, _w("p"))
        sub = etree.SubElement
        tab_run = sub(p, _w("r"))
        sub(tab_run, _w("tab"))
        run = sub(p, _w("r"))
        rpr = sub(run, _w("rPr"))
        sub(rpr, _w("b"))
        sub(rpr, _w("color")).set(_w("val"), DRAFT_COLOUR)
        sub(run, _w("t")).text = mark


def drop_thumbnail(doc: Any) -> None:
    """Leave out the blank document's thumbnail picture (it shows another document)."""
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            rels.pop(rid)


def settle_fields(doc: Any, etree: Any, title: str) -> None:
    """Fields in headers and footers: no ``dirty`` flag; a TITLE field's result is the title."""
    for part in doc.part.package.iter_parts():
        name = str(part.partname)
        if not (name.startswith("/word/header") or name.startswith("/word/footer")):
            continue
        element = getattr(part, "element", None)
        if element is None:
            continue
        for begin in element.iter(_w("fldChar")):
            if begin.get(_w("dirty")) is not None:
                del begin.attrib[_w("dirty")]
        for p in element.iter(_w("p")):
            _fill_title(p, etree, title)


def _fill_title(p: Any, etree: Any, title: str) -> None:
    """Put ``title`` in the result of a simple TITLE field in paragraph ``p``."""
    state = ""
    result: list[Any] = []
    for run in p.findall(_w("r")):
        char = run.find(_w("fldChar"))
        instr = run.find(_w("instrText"))
        kind = char.get(_w("fldCharType")) if char is not None else None
        if kind == "begin":
            state, result = "code", []
        elif instr is not None and state == "code":
            state = "title" if (instr.text or "").strip().upper().startswith("TITLE") else ""
        elif kind == "separate" and state == "title":
            state = "result"
        elif kind == "end":
            if state == "result":
                texts = [t for r in result for t in r.findall(_w("t"))]
                if texts:
                    texts[0].text = title
                    for extra in texts[1:]:
                        extra.text = ""
                else:
                    new = etree.Element(_w("r"))
                    etree.SubElement(new, _w("t")).text = title
                    run.addprevious(new)
            state = ""
        elif state == "result":
            result.append(run)
