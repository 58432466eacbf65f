"""The one module that builds a .docx: block markup → Word, in a reference document's style.

pandoc's ``--reference-doc`` model: the reference document's body is dropped; its styles, page
set-up, headers and footers stay; the blocks are written with the styles named in
:mod:`sprintkit.render.reference` (a style the reference lacks is copied from the default).
Paragraphs are written as XML directly (style ids resolved once, not looked up per paragraph),
which keeps big documents fast.

Reproducible: the document's dates come from the caller (``SOURCE_DATE_EPOCH``), and the zip is
rewritten with fixed timestamps and attributes, so the same input gives the same bytes.
Word fills in the table of contents when the document opens (``updateFields``); until then it
lists the headings (without page numbers), so a reader that never updates fields still sees one.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sprintkit.render import markup as mk
from sprintkit.render.reference import (
    PARAGRAPH_STYLES,
    STYLE_IDS,
    build_reference_docx,
    insert_setting,
    styles_xml,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
EMU_PER_CM = 360000
KEEP_TOGETHER_ROWS = 15
"""Tables with at most this many rows are kept on one page when they fit."""
TWIPS_PER_CM = 567


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


ImageSource = Callable[[mk.Image], tuple[bytes, float, float]]
"""Gives an image block's PNG/JPEG bytes and its natural width and height in cm."""


@dataclass
class DocxResult:
    data: bytes
    missing_styles: list[str] = field(default_factory=list)
    images: int = 0


@dataclass
class DocxOptions:
    lang: str = "nl"
    title: str = ""
    subject: str = ""
    author: str = ""
    keywords: str = ""
    created: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    toc_placeholder: str = ""


def build_docx(document: mk.Document, images: ImageSource, *, reference: bytes | None = None,
               options: DocxOptions | None = None) -> DocxResult:
    """The .docx bytes for ``document``; ``reference`` is a reference document's bytes."""
    from docx import Document

    opts = options or DocxOptions()
    doc = Document(io.BytesIO(reference or build_reference_docx(opts.lang)))
    writer = _Writer(doc, images, opts)
    writer.write(document.blocks)
    writer.finish()
    props = doc.core_properties
    stamp = opts.created.astimezone(dt.timezone.utc).replace(tzinfo=None)
    props.title = mk.clean(opts.title)[:255]
    props.subject = mk.clean(opts.subject)[:255]
    props.author = mk.clean(opts.author)[:255]
    props.keywords = mk.clean(opts.keywords)[:255]
    props.comments = ""
    props.category = ""
    props.last_modified_by = "sprintkit"
    props.language = "nl-NL" if opts.lang == "nl" else "en-GB"
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return DocxResult(normalise_zip(buffer.getvalue(), opts.created), writer.missing,
                      writer.image_count)


def normalise_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite a zip with one fixed timestamp, fixed attributes and the same entry order."""
    date_time = max((1980, 1, 1, 0, 0, 0), tuple(stamp.timetuple()[:6]))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)  # type: ignore[arg-type]
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()


class _Writer:
    def __init__(self, doc: Any, images: ImageSource, opts: DocxOptions) -> None:
        from lxml import etree

        self.etree = etree
        self.doc = doc
        self.opts = opts
        self.images = images
        self.body = doc.element.body
        self.sect = self.body.find(_w("sectPr"))
        for child in list(self.body):
            if child is not self.sect:
                self.body.remove(child)
        self.missing: list[str] = []
        self.image_count = 0
        self._styles = _StyleMap(doc, opts.lang, self.missing)
        self._bookmark = 0
        self._shape_id = 10000
        self._pending_break = False
        self._headings: list[tuple[int, str, str]] = []  # level, text, bookmark
        self._toc_anchor: Any = None
        self._toc_depth = 2
        self._numbering = _Numbering(doc)
        self.text_width = self._text_width()

    # -- helpers --------------------------------------------------------------------------

    def _text_width(self) -> int:
        """Usable text width in twips, from the last section's page size and margins."""
        width, left, right = 11906, 1418, 1418
        if self.sect is not None:
            size = self.sect.find(_w("pgSz"))
            margins = self.sect.find(_w("pgMar"))
            try:
                if size is not None and size.get(_w("w")):
                    width = int(size.get(_w("w")))
                if margins is not None:
                    left = int(margins.get(_w("left")) or left)
                    right = int(margins.get(_w("right")) or right)
            except ValueError:
                pass
        return max(2000, width - left - right)

    def _add(self, element: Any) -> Any:
        if self.sect is not None:
            self.sect.addprevious(element)
        else:
            self.body.append(element)
        return element

    def _para(self, style: str | None, spans: mk.Inline | None = None, *,
              keep_next: bool = False, jc: str | None = None) -> Any:
        sub = self.etree.SubElement
        p = self.etree.Element(_w("p"))
        ppr = sub(p, _w("pPr"))
        if style:
            sub(ppr, _w("pStyle")).set(_w("val"), self._styles.paragraph(style))
        if keep_next:
            sub(ppr, _w("keepNext"))
        if self._pending_break:
            sub(ppr, _w("pageBreakBefore"))
            self._pending_break = False
        if jc:
            sub(ppr, _w("jc")).set(_w("val"), jc)
        if len(ppr) == 0:
            p.remove(ppr)
        if spans:
            self._runs(p, spans)
        return p

    def _runs(self, parent: Any, spans: mk.Inline) -> None:
        sub = self.etree.SubElement
        for span in spans:
            r = sub(parent, _w("r"))
            if span.bold or span.italic:
                rpr = sub(r, _w("rPr"))
                if span.bold:
                    sub(rpr, _w("b"))
                    sub(rpr, _w("bCs"))
                if span.italic:
                    sub(rpr, _w("i"))
                    sub(rpr, _w("iCs"))
            text = span.text
            if "\n" not in text and "\t" not in text:
                t = sub(r, _w("t"))
                t.text = text
                if text[:1].isspace() or text[-1:].isspace():
                    t.set(_XML_SPACE, "preserve")
                continue
            for li, line in enumerate(text.split("\n")):
                if li:
                    sub(r, _w("br"))
                for ti, piece in enumerate(line.split("\t")):
                    if ti:
                        sub(r, _w("tab"))
                    if piece:
                        t = sub(r, _w("t"))
                        t.text = piece
                        t.set(_XML_SPACE, "preserve")

    # -- blocks ---------------------------------------------------------------------------

    def write(self, blocks: list[mk.Block]) -> None:
        for block in blocks:
            self._block(block)
        if not blocks:
            self._add(self._para(None))

    def _block(self, block: mk.Block) -> None:
        if isinstance(block, mk.Paragraph):
            self._add(self._para(block.style or "Normal", block.spans))
        elif isinstance(block, mk.Heading):
            self._heading(block)
        elif isinstance(block, mk.ListBlock):
            self._list(block)
        elif isinstance(block, mk.Table):
            self._table(block)
        elif isinstance(block, mk.Image):
            self._image(block)
        elif isinstance(block, mk.PageBreak):
            self._pending_break = True
        elif isinstance(block, mk.Toc):
            self._toc(block)
        elif isinstance(block, mk.TitlePage):
            self._title_page(block)

    def _heading(self, block: mk.Heading) -> None:
        p = self._para(f"Heading {block.level}", None)
        self._bookmark += 1
        name = f"_Toc{self._bookmark:08d}"
        start = self.etree.SubElement(p, _w("bookmarkStart"))
        start.set(_w("id"), str(self._bookmark))
        start.set(_w("name"), name)
        self._runs(p, block.spans)
        end = self.etree.SubElement(p, _w("bookmarkEnd"))
        end.set(_w("id"), str(self._bookmark))
        self._add(p)
        self._headings.append((block.level, mk.plain(block.spans), name))

    def _list(self, block: mk.ListBlock) -> None:
        num_id = self._numbering.new_list(block.ordered)
        base = "List Number" if block.ordered else "List Bullet"
        sub = self.etree.SubElement
        for item in block.items:
            style = base if item.level == 0 else f"{base} {item.level + 1}"
            p = self._para(style, None)
            ppr = p.find(_w("pPr"))
            numpr = self.etree.Element(_w("numPr"))
            sub(numpr, _w("ilvl")).set(_w("val"), str(item.level))
            sub(numpr, _w("numId")).set(_w("val"), str(num_id))
            _insert_ppr(ppr, numpr)
            self._runs(p, item.spans)
            self._add(p)

    def _table(self, block: mk.Table) -> None:
        sub = self.etree.SubElement
        if self._pending_break:
            self._pending_break = False
            self._add(self._page_break_paragraph())
        tbl = self.etree.Element(_w("tbl"))
        tblpr = sub(tbl, _w("tblPr"))
        sub(tblpr, _w("tblStyle")).set(_w("val"), self._styles.table("Report Table"))
        tblw = sub(tblpr, _w("tblW"))
        tblw.set(_w("w"), str(self.text_width))
        tblw.set(_w("type"), "dxa")
        sub(tblpr, _w("tblLayout")).set(_w("type"), "fixed")
        look = sub(tblpr, _w("tblLook"))
        bits = 0x0600 | (0x0020 if block.header else 0)  # noVBand, noHBand, firstRow
        for key, value in (("val", f"{bits:04X}"), ("firstRow", "1" if block.header else "0"),
                           ("lastRow", "0"), ("firstColumn", "0"), ("lastColumn", "0"),
                           ("noHBand", "1"), ("noVBand", "1")):
            look.set(_w(key), value)
        total = sum(block.widths) or 1.0
        widths = [max(300, int(self.text_width * w / total)) for w in block.widths]
        grid = sub(tbl, _w("tblGrid"))
        for width in widths:
            sub(grid, _w("gridCol")).set(_w("w"), str(width))
        text_style = self._styles.paragraph("Table Text")
        head_style = self._styles.paragraph("Table Heading")
        rows: list[tuple[bool, list[mk.Inline]]] = []
        if block.header is not None:
            rows.append((True, block.header))
        rows.extend((False, r) for r in block.rows)
        keep_together = len(rows) <= KEEP_TOGETHER_ROWS
        for number, (is_header, cells) in enumerate(rows, start=1):
            tr = sub(tbl, _w("tr"))
            trpr = sub(tr, _w("trPr"))
            sub(trpr, _w("cantSplit"))
            if is_header:
                sub(trpr, _w("tblHeader"))
            for index, spans in enumerate(cells):
                tc = sub(tr, _w("tc"))
                tcpr = sub(tc, _w("tcPr"))
                tcw = sub(tcpr, _w("tcW"))
                tcw.set(_w("w"), str(widths[index]))
                tcw.set(_w("type"), "dxa")
                p = sub(tc, _w("p"))
                ppr = sub(p, _w("pPr"))
                sub(ppr, _w("pStyle")).set(_w("val"), head_style if is_header else text_style)
                if keep_together and number < len(rows):
                    sub(ppr, _w("keepNext"))
                align = block.align[index]
                if align != "left":
                    sub(ppr, _w("jc")).set(_w("val"), "center" if align == "center" else "right")
                if spans:
                    self._runs(p, spans)
        self._add(tbl)
        self._add(self._spacer())

    def _spacer(self) -> Any:
        """A small empty paragraph after a table: room before the next block (and Word never
        merges two tables)."""
        sub = self.etree.SubElement
        p = self.etree.Element(_w("p"))
        ppr = sub(p, _w("pPr"))
        spacing = sub(ppr, _w("spacing"))
        spacing.set(_w("before"), "0")
        spacing.set(_w("after"), "0")
        spacing.set(_w("line"), "240")
        spacing.set(_w("lineRule"), "auto")
        size = sub(sub(ppr, _w("rPr")), _w("sz"))
        size.set(_w("val"), "12")
        return p

    def _page_break_paragraph(self) -> Any:
        p = self.etree.Element(_w("p"))
        r = self.etree.SubElement(p, _w("r"))
        self.etree.SubElement(r, _w("br")).set(_w("type"), "page")
        return p

    def _image(self, block: mk.Image) -> None:
        from docx.oxml.shape import CT_Inline
        from docx.shared import Emu

        data, width_cm, height_cm = self.images(block)
        max_cm = self.text_width / TWIPS_PER_CM
        wanted = block.width_cm or width_cm
        scale = min(wanted, max_cm) / width_cm if width_cm else 1.0
        cx, cy = int(width_cm * scale * EMU_PER_CM), int(height_cm * scale * EMU_PER_CM)
        rid, _ = self.doc.part.get_or_add_image(io.BytesIO(data))
        self._shape_id += 1
        self.image_count += 1
        inline = CT_Inline.new_pic_inline(self._shape_id, rid, f"image{self.image_count}.png",
                                          Emu(cx), Emu(cy))
        p = self._para("Figure", None, keep_next=bool(block.caption))
        drawing = self.etree.SubElement(self.etree.SubElement(p, _w("r")), _w("drawing"))
        drawing.append(inline)
        self._add(p)
        if block.caption:
            self._add(self._para("Caption", block.caption))

    def _toc(self, block: mk.Toc) -> None:
        if block.title:
            self._add(self._para("TOC Heading", block.title))
        anchor = self._para(None, None)
        self._add(anchor)
        self._toc_anchor = anchor
        self._toc_depth = block.depth

    def _title_page(self, block: mk.TitlePage) -> None:
        self._add(self._para("Title", block.title))
        if block.subtitle:
            self._add(self._para("Subtitle", block.subtitle))
        for line in block.info:
            self._add(self._para("Title Page Info", line))
        self._pending_break = True

    # -- finishing ------------------------------------------------------------------------

    def finish(self) -> None:
        if self._toc_anchor is not None:
            self._fill_toc(self._toc_anchor)
        self._numbering.commit()
        settings = self.doc.settings.element
        for old in settings.findall(_w("updateFields")):
            settings.remove(old)
        update = self.etree.Element(_w("updateFields"))
        update.set(_w("val"), "true")
        insert_setting(settings, update)
        self._set_language()

    def _fill_toc(self, anchor: Any) -> None:
        """A TOC field whose current result lists the headings (Word renumbers on opening)."""
        sub = self.etree.SubElement
        depth = self._toc_depth
        entries = [h for h in self._headings if h[0] <= depth] or [
            (1, self.opts.toc_placeholder, "")]
        paragraphs = []
        for index, (level, text, bookmark) in enumerate(entries):
            p = self._para(f"toc {level}" if bookmark else None, None)
            if index == 0:
                self._field_start(p, f'TOC \\o "1-{depth}" \\h \\z \\u')
            target = p
            if bookmark:
                target = sub(p, _w("hyperlink"))
                target.set(_w("anchor"), bookmark)
                target.set(_w("history"), "1")
            self._runs(target, [mk.Span(text)])
            paragraphs.append(p)
        end = sub(sub(paragraphs[-1], _w("r")), _w("fldChar"))
        end.set(_w("fldCharType"), "end")
        for p in paragraphs:
            anchor.addprevious(p)
        anchor.getparent().remove(anchor)

    def _field_start(self, p: Any, instr: str) -> None:
        sub = self.etree.SubElement
        begin = sub(sub(p, _w("r")), _w("fldChar"))
        begin.set(_w("fldCharType"), "begin")
        begin.set(_w("dirty"), "true")
        code = sub(sub(p, _w("r")), _w("instrText"))
        code.text = f" {instr} "
        code.set(_XML_SPACE, "preserve")
        sub(sub(p, _w("r")), _w("fldChar")).set(_w("fldCharType"), "separate")

    def _set_language(self) -> None:
        language = "nl-NL" if self.opts.lang == "nl" else "en-GB"
        styles = self.doc.styles.element
        defaults = styles.find(_w("docDefaults"))
        if defaults is None:
            defaults = self.etree.Element(_w("docDefaults"))
            styles.insert(0, defaults)
        rpr_default = defaults.find(_w("rPrDefault"))
        if rpr_default is None:
            rpr_default = self.etree.Element(_w("rPrDefault"))
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(_w("rPr"))
        if rpr is None:
            rpr = self.etree.SubElement(rpr_default, _w("rPr"))
        lang = rpr.find(_w("lang"))
        if lang is None:
            lang = self.etree.SubElement(rpr, _w("lang"))
        lang.set(_w("val"), language)


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")


def _insert_ppr(ppr: Any, element: Any) -> None:
    """Insert into ``w:pPr`` at the schema position of ``element``."""
    tag = element.tag.split("}", 1)[1]
    rank = _PPR_ORDER.index(tag)
    for index, child in enumerate(ppr):
        name = child.tag.split("}", 1)[1]
        if name in _PPR_ORDER and _PPR_ORDER.index(name) > rank:
            ppr.insert(index, element)
            return
    ppr.append(element)


class _StyleMap:
    """Style names → ids in the output document, importing from the default what is missing."""

    def __init__(self, doc: Any, lang: str, missing: list[str]) -> None:
        self.root = doc.styles.element
        self.lang = lang
        self.missing = missing
        self.by_name: dict[tuple[str, str], str] = {}
        self.ids: set[str] = set()
        for el in self.root.findall(_w("style")):
            name = el.find(_w("name"))
            sid = el.get(_w("styleId"))
            if sid:
                self.ids.add(sid)
            if name is not None and sid:
                key = (name.get(_w("val"), "").lower(), el.get(_w("type"), "paragraph"))
                self.by_name.setdefault(key, sid)
        self._default: Any = None
        self._cache: dict[tuple[str, str], str] = {}

    def paragraph(self, name: str) -> str:
        return self._resolve(name, "paragraph")

    def table(self, name: str) -> str:
        return self._resolve(name, "table")

    def _resolve(self, name: str, kind: str) -> str:
        key = (name.lower(), kind)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        sid = self.by_name.get(key)
        if sid is None:
            sid = self._import(name, kind)
            if name in PARAGRAPH_STYLES or kind == "table" or sid is None:
                self.missing.append(name)
            if sid is None:
                sid = "Normal" if kind == "paragraph" else "TableNormal"
        self._cache[key] = sid
        return sid

    def _defaults(self) -> Any:
        if self._default is None:
            from lxml import etree

            self._default = etree.fromstring(styles_xml(self.lang).encode("utf-8"))
        return self._default

    def _import(self, name: str, kind: str) -> str | None:
        """Copy style ``name`` (and the styles it is based on) from the default style sheet."""
        wanted = STYLE_IDS.get(name, "")
        source = None
        for el in self._defaults().findall(_w("style")):
            el_name = el.find(_w("name")).get(_w("val"), "").lower()
            if el.get(_w("type")) == kind and (el_name == name.lower() or
                                               el.get(_w("styleId")) == wanted):
                source = el
                break
        if source is None:
            return None
        return self._copy(source)

    def _copy(self, source: Any) -> str:
        style = copy.deepcopy(source)
        sid = style.get(_w("styleId"))
        if sid in self.ids:
            sid = f"Sk{sid}"
            style.set(_w("styleId"), sid)
        for ref in ("next", "link"):
            el = style.find(_w(ref))
            if el is not None and el.get(_w("val")) not in self.ids:
                style.remove(el)
        based = style.find(_w("basedOn"))
        if based is not None:
            base_id = based.get(_w("val"))
            if base_id not in self.ids:
                base = next((el for el in self._defaults().findall(_w("style"))
                             if el.get(_w("styleId")) == base_id), None)
                if base is None:
                    style.remove(based)
                else:
                    based.set(_w("val"), self._copy(base))
        self.root.append(style)
        self.ids.add(sid)
        name = style.find(_w("name")).get(_w("val"), "").lower()
        self.by_name[(name, style.get(_w("type"), "paragraph"))] = sid
        return sid


class _Numbering:
    """Bullet and numbered list definitions of sprintkit's own, added to the numbering part."""

    BULLETS = ("•", "–", "▪")
    NUMBERS = (("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."))

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.part: Any = None
        self._nums: list[tuple[int, int, bool]] = []  # numId, abstractId, restart
        self._abstract: dict[bool, int] = {}
        self._bullet_num: int | None = None
        self._next_num = 0
        self._next_abstract = 0

    def _ensure(self) -> None:
        if self.part is not None:
            return
        self.part = self.doc.part.numbering_part.element
        nums = [int(n.get(_w("numId"))) for n in self.part.findall(_w("num"))]
        abstracts = [int(a.get(_w("abstractNumId"))) for a in self.part.findall(_w("abstractNum"))]
        self._next_num = max(nums, default=0) + 1
        self._next_abstract = max(abstracts, default=-1) + 1

    def new_list(self, ordered: bool) -> int:
        self._ensure()
        if ordered not in self._abstract:
            self._abstract[ordered] = self._next_abstract
            self._next_abstract += 1
        if not ordered and self._bullet_num is not None:
            return self._bullet_num
        num_id = self._next_num
        self._next_num += 1
        self._nums.append((num_id, self._abstract[ordered], ordered))
        if not ordered:
            self._bullet_num = num_id
        return num_id

    def commit(self) -> None:
        if self.part is None:
            return
        from lxml import etree

        sub = etree.SubElement
        first_num = self.part.find(_w("num"))
        for ordered, abstract_id in sorted(self._abstract.items()):
            abstract = etree.Element(_w("abstractNum"))
            abstract.set(_w("abstractNumId"), str(abstract_id))
            sub(abstract, _w("multiLevelType")).set(_w("val"), "hybridMultilevel")
            for level in range(3):
                lvl = sub(abstract, _w("lvl"))
                lvl.set(_w("ilvl"), str(level))
                sub(lvl, _w("start")).set(_w("val"), "1")
                if ordered:
                    kind, text = self.NUMBERS[level]
                else:
                    kind, text = "bullet", self.BULLETS[level]
                sub(lvl, _w("numFmt")).set(_w("val"), kind)
                sub(lvl, _w("lvlText")).set(_w("val"), text)
                sub(lvl, _w("lvlJc")).set(_w("val"), "left")
                ppr = sub(lvl, _w("pPr"))
                ind = sub(ppr, _w("ind"))
                ind.set(_w("left"), str(360 + 360 * level))
                ind.set(_w("hanging"), "360")
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.part.append(abstract)
        for num_id, abstract_id, restart in self._nums:
            num = sub(self.part, _w("num"))
            num.set(_w("numId"), str(num_id))
            sub(num, _w("abstractNumId")).set(_w("val"), str(abstract_id))
            if restart:
                override = sub(num, _w("lvlOverride"))
                override.set(_w("ilvl"), "0")
                sub(override, _w("startOverride")).set(_w("val"), "1")
