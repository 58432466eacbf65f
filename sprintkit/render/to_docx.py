"""The one module that builds a .docx: block markup → Word, in a reference document's style.

pandoc's ``--reference-doc`` model: the reference document's body is dropped; its styles, page
set-up, headers and footers stay; the blocks are written with the styles named in
:mod:`sprintkit.render.reference` (a style the reference lacks is copied from the default).
Paragraphs are written as XML directly (style ids resolved once, not looked up per paragraph),
which keeps big documents fast.

Reproducible: the document's dates come from the caller (``SOURCE_DATE_EPOCH``), and the zip is
rewritten with fixed timestamps and attributes, so the same input gives the same bytes.

The table of contents is a TOC field whose result is written in full: the headings, with page
numbers when the caller measured them (:func:`sprintkit.render.to_pdf.paginate`). The file does
not ask Word to update fields on opening (``updateFields`` makes Word show a dialog); Word
updates the table when asked (F9), LibreOffice shows it as written.

Layout rules for paper: headings, and label lines that introduce a table, chart or list, keep
with what follows; small tables stay on one page and rows never split; table columns are
as wide as their longest word (:mod:`sprintkit.render.table_layout`) and table text is never
hyphenated, while body text is (``autoHyphenation`` from the reference document).

A draft (``DocxOptions.draft_mark``) turns each :class:`~sprintkit.render.markup.Note` into a
Word review comment on the block before it, and shows the mark on the title page and in the
page header. A client copy has its notes removed before it gets here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sprintkit.render import markup as mk
from sprintkit.render.chart_native import NativeCharts
from sprintkit.render.docx_parts import DRAFT_COLOUR
from sprintkit.render.docx_styles import Numbering, StyleMap, insert_ppr, set_language
from sprintkit.render.docx_zip import normalise_zip
from sprintkit.render.reference import build_reference_docx

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
    warnings: list[str] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    """The headings the table of contents lists, in order (empty: there is none)."""
    comments: int = 0


@dataclass
class DocxOptions:
    lang: str = "nl"
    title: str = ""
    subject: str = ""
    author: str = ""
    keywords: str = ""
    created: dt.datetime = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    toc_placeholder: str = ""
    organisation: str = ""
    description: str = ""
    draft_mark: str = ""
    """Non-empty for a draft: notes become comments, and this mark is shown."""
    toc_pages: list[int | None] | None = None
    """The page of each table-of-contents entry, measured on an earlier build."""
    charts: NativeCharts | None = None
    """The document's charts as native chart parts, where they have a native form (else,
    and without this, charts are pictures); also the alternative text of picture charts."""


def build_docx(document: mk.Document, images: ImageSource, *, reference: bytes | None = None,
               options: DocxOptions | None = None) -> DocxResult:
    """The .docx bytes for ``document``; ``reference`` is a reference document's bytes."""
    from docx import Document

    opts = options or DocxOptions()
    doc = Document(io.BytesIO(reference or build_reference_docx(opts.lang)))
    writer = _Writer(doc, images, opts)
    writer.write(document.blocks)
    writer.finish()
    from sprintkit.render.docx_parts import app_xml, set_core_properties

    set_core_properties(doc, opts)
    buffer = io.BytesIO()
    doc.save(buffer)
    body = writer.spool.document_xml(doc.part.blob)
    data = normalise_zip(buffer.getvalue(), opts.created,
                         replace={"docProps/app.xml": app_xml(opts.organisation),
                                  str(doc.part.partname).lstrip("/"): body})
    return DocxResult(data, writer.missing, writer.image_count, warnings=writer.warnings,
                      toc=[text for _, text, _ in writer.toc_entries()],
                      comments=writer.comment_count)


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
        self._styles = StyleMap(doc, opts.lang, self.missing)
        self._bookmark = 0
        self._shape_id = 10000
        self._pending_break = False
        self._headings: list[tuple[int, str, str]] = []  # level, text, bookmark
        self._toc_anchor: Any = None
        self._toc_depth = 2
        self._toc_filled = False
        self._numbering = Numbering(doc)
        self.text_width = self._text_width()
        self.warnings: list[str] = []
        self.comment_count = 0
        self._anchor: tuple[Any, Any] | None = None  # first and last run of the last block
        self._waiting_notes: list[mk.Note] = []  # notes before any block with text
        self._last_para: Any = None  # the last top-level paragraph, if it was the last block
        self._last_is_label = False
        self._font: str | None = None  # the body font, once looked up
        from sprintkit.render.docx_spool import BodySpool

        self.spool = BodySpool(etree, doc.element, self.body, keep=lambda: self._toc_anchor)

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
              keep_next: bool = False, jc: str | None = None, no_hyphens: bool = False) -> Any:
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
        if no_hyphens:
            sub(ppr, _w("suppressAutoHyphens"))
        if jc:
            sub(ppr, _w("jc")).set(_w("val"), jc)
        if len(ppr) == 0:
            p.remove(ppr)
        if spans:
            self._runs(p, spans)
        return p

    def _runs(self, parent: Any, spans: mk.Inline, size: int | None = None) -> list[Any]:
        """Runs for ``spans`` (``size`` in half points overrides the style's); the runs."""
        sub = self.etree.SubElement
        made = []
        for span in spans:
            r = sub(parent, _w("r"))
            made.append(r)
            if span.bold or span.italic or size:
                rpr = sub(r, _w("rPr"))
                if span.bold:
                    sub(rpr, _w("b"))
                    sub(rpr, _w("bCs"))
                if span.italic:
                    sub(rpr, _w("i"))
                    sub(rpr, _w("iCs"))
                if size:
                    sub(rpr, _w("sz")).set(_w("val"), str(size))
                    sub(rpr, _w("szCs")).set(_w("val"), str(size))
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
        return made

    # -- blocks ---------------------------------------------------------------------------

    def write(self, blocks: list[mk.Block]) -> None:
        for block in blocks:
            if isinstance(block, mk.Note):
                self._note(block)
                continue
            if isinstance(block, (mk.Table, mk.Image, mk.ListBlock)) and self._last_is_label:
                _keep_with_next(self._last_para)
            self._last_para, self._last_is_label = None, False
            self.spool.before_block()
            self._block(block)
        if not blocks:
            self._add(self._para(None))

    def _anchored(self, first: Any, last: Any) -> None:
        """The runs of the block just written: where the next note is anchored."""
        self._anchor = (first, last)
        waiting, self._waiting_notes = self._waiting_notes, []
        for note in waiting:
            self._note(note)

    def _note(self, note: mk.Note) -> None:
        """A draft's note: a review comment on the block before it (or the next one)."""
        if not self.opts.draft_mark:
            return
        if self._anchor is None:
            self._waiting_notes.append(note)
            return
        from sprintkit.render.docx_parts import add_comment

        add_comment(self.doc, self.etree, self._anchor[0], self._anchor[1], mk.note_lines(note),
                    author=self.opts.author or "sprintkit", stamp=self.opts.created)
        self.comment_count += 1

    def _block(self, block: mk.Block) -> None:
        if isinstance(block, mk.Paragraph):
            p = self._para(block.style or "Normal", block.spans)
            self._add(p)
            self._last_para, self._last_is_label = p, _is_label(block.spans)
            self._anchor_paragraph(p)
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

    def _anchor_paragraph(self, *paragraphs: Any) -> None:
        runs = [r for p in paragraphs for r in p.iter(_w("r"))]
        if runs:
            self._anchored(runs[0], runs[-1])

    def _heading(self, block: mk.Heading) -> None:
        p = self._para(f"Heading {block.level}", None, no_hyphens=True)
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
        self._last_para, self._last_is_label = p, True
        self._anchor_paragraph(p)

    def _list(self, block: mk.ListBlock) -> None:
        num_id = self._numbering.new_list(block.ordered)
        base = "List Number" if block.ordered else "List Bullet"
        sub = self.etree.SubElement
        written = []
        for item in block.items:
            style = base if item.level == 0 else f"{base} {item.level + 1}"
            p = self._para(style, None)
            ppr = p.find(_w("pPr"))
            numpr = self.etree.Element(_w("numPr"))
            sub(numpr, _w("ilvl")).set(_w("val"), str(item.level))
            sub(numpr, _w("numId")).set(_w("val"), str(num_id))
            insert_ppr(ppr, numpr)
            self._runs(p, item.spans)
            self._add(p)
            written.append(p)
        self._anchor_paragraph(*written)

    def _table(self, block: mk.Table) -> None:
        sub = self.etree.SubElement
        if self._pending_break:
            self._pending_break = False
            self._add(self._page_break_paragraph())
        tbl = self._add(self.etree.Element(_w("tbl")))  # in place: its rows are spooled
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
        from sprintkit.render.table_layout import column_widths

        layout = column_widths(block, self.text_width)
        widths = layout.widths
        size = int(round(layout.font_pt * 2)) if layout.shrunk else None
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
                sub(ppr, _w("suppressAutoHyphens"))  # a word in a table is never broken
                align = block.align[index]
                if align != "left":
                    sub(ppr, _w("jc")).set(_w("val"), "center" if align == "center" else "right")
                if size:
                    mark = sub(sub(ppr, _w("rPr")), _w("sz"))
                    mark.set(_w("val"), str(size))
                if spans:
                    self._runs(p, spans, size)
            self.spool.table_rows(tbl)
        self._add(self._spacer())
        self._anchor_paragraph(tbl)

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
        max_cm = self.text_width / TWIPS_PER_CM
        charts = self.opts.charts if block.source == "chart" else None
        title = mk.plain(block.caption)
        if charts is not None and self._font is None:
            from sprintkit.render.docx_charts import body_font

            self._font = body_font(self.doc) or ""
        native = charts(block.ref, min(block.width_cm or max_cm, max_cm), title,
                        self._font or None) if charts is not None else None
        self._shape_id += 1
        self.image_count += 1
        if native is not None:
            from sprintkit.render.docx_charts import add_chart_part, chart_inline

            inline = chart_inline(self.etree, add_chart_part(self.doc, native), native,
                                  self._shape_id, f"Chart {self.image_count}")
        else:
            inline = self._picture(block, max_cm)
            described = charts.describe(block.ref) if charts is not None else ""
            doc_pr = inline.find("{*}docPr")
            if doc_pr is not None and (title or described):
                doc_pr.set("title", title)
                doc_pr.set("descr", described or title)
        p = self._para("Figure", None, keep_next=bool(block.caption))
        drawing = self.etree.SubElement(self.etree.SubElement(p, _w("r")), _w("drawing"))
        drawing.append(inline)
        self._add(p)
        if block.caption:
            caption = self._para("Caption", block.caption)
            self._add(caption)
            self._anchor_paragraph(p, caption)
        else:
            self._anchor_paragraph(p)

    def _picture(self, block: mk.Image, max_cm: float) -> Any:
        from docx.oxml.shape import CT_Inline
        from docx.shared import Emu

        data, width_cm, height_cm = self.images(block)
        wanted = block.width_cm or width_cm
        scale = min(wanted, max_cm) / width_cm if width_cm else 1.0
        cx, cy = int(width_cm * scale * EMU_PER_CM), int(height_cm * scale * EMU_PER_CM)
        rid, _ = self.doc.part.get_or_add_image(io.BytesIO(data))
        return CT_Inline.new_pic_inline(self._shape_id, rid, f"image{self.image_count}.png",
                                        Emu(cx), Emu(cy))

    def _toc(self, block: mk.Toc) -> None:
        if block.title:
            self._add(self._para("TOC Heading", block.title))
        anchor = self._para(None, None)
        self._add(anchor)
        self._toc_anchor = anchor
        self._toc_depth = block.depth

    def _title_page(self, block: mk.TitlePage) -> None:
        title = self._para("Title", block.title, no_hyphens=True)
        self._add(title)
        if block.subtitle:
            self._add(self._para("Subtitle", block.subtitle, no_hyphens=True))
        for line in block.info:
            self._add(self._para("Title Page Info", line))
        if self.opts.draft_mark:
            mark = self._para("Title Page Info", None)
            run = self.etree.SubElement(mark, _w("r"))
            rpr = self.etree.SubElement(run, _w("rPr"))
            self.etree.SubElement(rpr, _w("b"))
            self.etree.SubElement(rpr, _w("color")).set(_w("val"), DRAFT_COLOUR)
            self.etree.SubElement(run, _w("t")).text = self.opts.draft_mark
            self._add(mark)
        self._anchor_paragraph(title)
        self._pending_break = True

    # -- finishing ------------------------------------------------------------------------

    def finish(self) -> None:
        if self._waiting_notes:  # notes in a document with no text at all
            holder = self._para(None, [mk.Span(self.opts.draft_mark or " ")])
            self._add(holder)
            self._anchor_paragraph(holder)
        if self._toc_anchor is not None:
            self._fill_toc(self._toc_anchor)
        self._numbering.commit()
        settings = self.doc.settings.element
        for old in settings.findall(_w("updateFields")):  # Word would ask on every opening
            settings.remove(old)
        set_language(self.doc.styles.element, self.opts.lang)
        from sprintkit.render.docx_parts import drop_thumbnail, settle_fields

        drop_thumbnail(self.doc)
        settle_fields(self.doc, self.etree, mk.clean(self.opts.title))
        if self.opts.draft_mark:
            from sprintkit.render.docx_parts import mark_header

            mark_header(self.doc, self.etree, self.opts.draft_mark)

    def toc_entries(self) -> list[tuple[int, str, str]]:
        """The headings the table of contents lists: level, text, bookmark."""
        if self._toc_anchor is None and not self._toc_filled:
            return []
        return [h for h in self._headings if h[0] <= self._toc_depth]

    def _fill_toc(self, anchor: Any) -> None:
        """A TOC field whose result lists the headings, with their pages when known."""
        sub = self.etree.SubElement
        depth = self._toc_depth
        entries = self.toc_entries() or [(1, self.opts.toc_placeholder, "")]
        pages = self.opts.toc_pages or []
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
            page = pages[index] if index < len(pages) and bookmark else None
            if page is not None:
                sub(sub(target, _w("r")), _w("tab"))
                sub(sub(target, _w("r")), _w("t")).text = str(page)
            paragraphs.append(p)
        end = sub(sub(paragraphs[-1], _w("r")), _w("fldChar"))
        end.set(_w("fldCharType"), "end")
        for p in paragraphs:
            anchor.addprevious(p)
        anchor.getparent().remove(anchor)
        self._toc_anchor = None
        self._toc_filled = True

    def _field_start(self, p: Any, instr: str) -> None:
        sub = self.etree.SubElement
        begin = sub(sub(p, _w("r")), _w("fldChar"))
        begin.set(_w("fldCharType"), "begin")
        code = sub(sub(p, _w("r")), _w("instrText"))
        code.text = f" {instr} "
        code.set(_XML_SPACE, "preserve")
        sub(sub(p, _w("r")), _w("fldChar")).set(_w("fldCharType"), "separate")


def _is_label(spans: mk.Inline) -> bool:
    """Whether a paragraph ends in a line that introduces what follows: a line all in bold, or
    text ending with a colon ("**Impact en inspanning per oplossing**")."""
    text = "".join(s.text for s in spans).rstrip()
    if text.endswith(":"):
        return True
    tail: list[mk.Span] = []
    for span in reversed(spans):
        if "\n" in span.text:
            tail.append(mk.Span(span.text.rsplit("\n", 1)[1], span.bold))
            break
        tail.append(span)
    words = [s for s in tail if s.text.strip()]
    return bool(words) and all(s.bold for s in words)


def _keep_with_next(p: Any) -> None:
    if p is None:
        return
    from lxml import etree

    ppr = p.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        p.insert(0, ppr)
    if ppr.find(_w("keepNext")) is None:
        insert_ppr(ppr, etree.Element(_w("keepNext")))
