"""The default reference document (house style), built by code, and the style contract.

Like pandoc's ``--reference-doc``: a generated document takes its styles, page size and
margins, headers and footers from a reference .docx. sprintkit's default is built here from
python-docx's blank document with a clean style sheet: A4, 2.5 cm margins, Arial (Liberation
Sans where Arial is absent) at 10 pt with 1.15 line spacing, Dutch hyphenation, the document
title in the header and the page number in the footer from the second page on.

:data:`PARAGRAPH_STYLES` and :data:`TABLE_STYLES` are the styles the .docx writer uses; a
custom reference document should define them (``sprintkit templates check FILE.docx``). Styles
it lacks are taken from the default, so a document always looks finished.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from sprintkit.i18n import msg

PARAGRAPH_STYLES: tuple[str, ...] = (
    "Normal",
    "Title",
    "Subtitle",
    "Title Page Info",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "List Number",
    "List Number 2",
    "List Number 3",
    "Quote",
    "Note",
    "Figure",
    "Caption",
    "Table Text",
    "Table Heading",
    "TOC Heading",
)
TABLE_STYLES: tuple[str, ...] = ("Report Table",)
STYLE_IDS: dict[str, str] = {
    "Normal": "Normal", "Title": "Title", "Subtitle": "Subtitle",
    "Title Page Info": "TitlePageInfo", "Heading 1": "Heading1", "Heading 2": "Heading2",
    "Heading 3": "Heading3", "Heading 4": "Heading4", "List Bullet": "ListBullet",
    "List Bullet 2": "ListBullet2", "List Bullet 3": "ListBullet3", "List Number": "ListNumber",
    "List Number 2": "ListNumber2", "List Number 3": "ListNumber3", "Quote": "Quote",
    "Note": "Note", "Figure": "Figure", "Caption": "Caption", "Table Text": "TableText",
    "Table Heading": "TableHeading", "TOC Heading": "TOCHeading", "Report Table": "ReportTable",
}

FONT = "Arial"
PRIMARY = "1B4F72"
MUTED = "5D6D7E"
RULE = "B0BEC5"
SHADE = "E3EEF4"
NOTE_SHADE = "FDF3E1"
NOTE_RULE = "D4A017"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _fonts(name: str = FONT) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


def _para_style(style_id: str, name: str, *, based: str | None = "Normal", nxt: str | None = None,
                ppr: str = "", rpr: str = "", extra: str = "") -> str:
    parts = [f'<w:style w:type="paragraph" w:customStyle="{0 if style_id in _BUILTIN else 1}" '
             f'w:styleId="{style_id}"><w:name w:val="{name}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if nxt:
        parts.append(f'<w:next w:val="{nxt}"/>')
    parts.append(f"<w:qFormat/>{extra}")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


_BUILTIN = {
    "Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "ListBullet",
    "ListBullet2", "ListBullet3", "ListNumber", "ListNumber2", "ListNumber3", "Quote", "Caption",
    "TOCHeading", "TOC1", "TOC2", "TOC3", "Header", "Footer",
}


def _heading(level: int, size_pt: float, before: int, after: int, colour: str = PRIMARY,
             italic: bool = False) -> str:
    return _para_style(
        f"Heading{level}", f"heading {level}", nxt="Normal",
        ppr=f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}" '
            f'w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="{level - 1}"/>',
        rpr=f'{_fonts()}<w:b/><w:bCs/>{"<w:i/>" if italic else ""}<w:color w:val="{colour}"/>'
            f'<w:sz w:val="{int(size_pt * 2)}"/><w:szCs w:val="{int(size_pt * 2)}"/>',
    )


def _list_style(style_id: str, name: str, level: int) -> str:
    left = 360 + 360 * level
    return _para_style(
        style_id, name,
        ppr=f'<w:spacing w:after="60"/><w:ind w:left="{left}" w:hanging="360"/>',
    )


def styles_xml(lang: str = "nl") -> str:
    """The default style sheet (``word/styles.xml``)."""
    from sprintkit.render.docx_parts import language_tag

    language = language_tag(lang)
    styles = [
        f'<w:docDefaults><w:rPrDefault><w:rPr>{_fonts()}<w:sz w:val="20"/><w:szCs w:val="20"/>'
        f'<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA"/></w:rPr>'
        '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" '
        'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:widowControl/></w:pPr><w:rPr><w:color w:val="1C2833"/></w:rPr>'
        '</w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        '<w:unhideWhenUsed/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" '
        'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '</w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        _para_style("Title", "Title", nxt="Subtitle",
                    ppr='<w:spacing w:before="2400" w:after="240" w:line="240" w:lineRule="auto"/>'
                        '<w:contextualSpacing/>',
                    rpr=f'{_fonts()}<w:b/><w:bCs/><w:color w:val="{PRIMARY}"/><w:kern w:val="28"/>'
                        '<w:sz w:val="56"/><w:szCs w:val="56"/>'),
        _para_style("Subtitle", "Subtitle", nxt="TitlePageInfo",
                    ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="12" '
                        f'w:color="{PRIMARY}"/></w:pBdr><w:spacing w:after="720" w:line="240" '
                        'w:lineRule="auto"/>',
                    rpr=f'<w:color w:val="{MUTED}"/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
        _para_style("TitlePageInfo", "Title Page Info",
                    ppr='<w:spacing w:after="80"/>',
                    rpr=f'<w:color w:val="{MUTED}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'),
        _heading(1, 16, 360, 120),
        _heading(2, 13, 280, 80),
        _heading(3, 11, 220, 60),
        _heading(4, 10, 180, 40, colour="1C2833", italic=True),
        _list_style("ListBullet", "List Bullet", 0),
        _list_style("ListBullet2", "List Bullet 2", 1),
        _list_style("ListBullet3", "List Bullet 3", 2),
        _list_style("ListNumber", "List Number", 0),
        _list_style("ListNumber2", "List Number 2", 1),
        _list_style("ListNumber3", "List Number 3", 2),
        _para_style("Quote", "Quote", nxt="Normal",
                    ppr=f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" '
                        f'w:color="{RULE}"/></w:pBdr><w:spacing w:before="60" w:after="120"/>'
                        '<w:ind w:left="340" w:right="340"/>',
                    rpr=f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/>'),
        _para_style("Note", "Note", nxt="Normal",
                    ppr=f'<w:pBdr><w:left w:val="single" w:sz="24" w:space="6" '
                        f'w:color="{NOTE_RULE}"/></w:pBdr><w:shd w:val="clear" w:color="auto" '
                        f'w:fill="{NOTE_SHADE}"/><w:spacing w:before="60" w:after="120"/>'
                        '<w:ind w:left="170" w:right="170"/>'),
        _para_style("Figure", "Figure", nxt="Caption",
                    ppr='<w:keepNext/><w:spacing w:before="120" w:after="60" w:line="240" '
                        'w:lineRule="auto"/><w:jc w:val="center"/>'),
        _para_style("Caption", "caption", nxt="Normal",
                    ppr='<w:spacing w:after="200"/><w:jc w:val="center"/>',
                    rpr=f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/><w:sz w:val="18"/>'
                        '<w:szCs w:val="18"/>'),
        _para_style("TableText", "Table Text",
                    ppr='<w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/>',
                    rpr='<w:sz w:val="18"/><w:szCs w:val="18"/>'),
        _para_style("TableHeading", "Table Heading", based="TableText",
                    ppr='<w:keepNext/>',
                    rpr=f'<w:b/><w:bCs/><w:color w:val="{PRIMARY}"/>'),
        _para_style("TOCHeading", "TOC Heading", based="Heading1", nxt="Normal",
                    ppr='<w:spacing w:before="0" w:after="240"/><w:outlineLvl w:val="9"/>'),
        _para_style("TOC1", "toc 1", nxt="Normal",
                    ppr='<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
                        '<w:spacing w:before="120" w:after="40"/>',
                    rpr='<w:b/><w:bCs/>'),
        _para_style("TOC2", "toc 2", nxt="Normal",
                    ppr='<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
                        '<w:spacing w:after="30"/><w:ind w:left="280"/>'),
        _para_style("TOC3", "toc 3", nxt="Normal",
                    ppr='<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
                        '<w:spacing w:after="30"/><w:ind w:left="560"/>',
                    rpr=f'<w:color w:val="{MUTED}"/>'),
        _para_style("Header", "header",
                    ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" '
                        f'w:color="{RULE}"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9070"/>'
                        '</w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                    rpr=f'<w:color w:val="{MUTED}"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
        _para_style("Footer", "footer",
                    ppr='<w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs><w:spacing '
                        'w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
                    rpr=f'<w:color w:val="{MUTED}"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        f'<w:rPr><w:color w:val="{PRIMARY}"/></w:rPr></w:style>',
        '<w:style w:type="table" w:customStyle="1" w:styleId="ReportTable">'
        '<w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        f'<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{PRIMARY}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{PRIMARY}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{SHADE}"/></w:tcPr></w:tblStylePr>'
        '</w:style>',
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{_W}">' + "".join(styles) + "</w:styles>"
    )


def _field_runs(instr: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{shown}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def build_reference_docx(lang: str = "nl") -> bytes:
    """The default reference document as .docx bytes (the same bytes every time)."""
    return _build(lang)


@lru_cache(maxsize=2)
def _build(lang: str) -> bytes:
    import datetime as dt

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import parse_xml
    from docx.shared import Cm

    doc = Document()
    root = doc.styles.element
    for child in list(root):
        root.remove(child)
    for child in list(parse_xml(styles_xml(lang).encode("utf-8"))):
        root.append(child)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.3)
    section.header_distance = section.footer_distance = Cm(1.2)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    for run in parse_xml(f'<w:p xmlns:w="{_W}">{_field_runs("TITLE", "")}</w:p>'):
        header._p.append(run)
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    for run in parse_xml(f'<w:p xmlns:w="{_W}">{_field_runs("PAGE", "1")}</w:p>'):
        footer._p.append(run)
    settings = doc.settings.element
    for tag in ("autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone"):
        for old in settings.findall(f"{{{_W}}}{tag}"):
            settings.remove(old)
    _insert_setting(settings, parse_xml(f'<w:autoHyphenation xmlns:w="{_W}"/>'))
    _insert_setting(settings, parse_xml(f'<w:consecutiveHyphenLimit xmlns:w="{_W}" w:val="2"/>'))
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{_W}}}sectPr":
            body.remove(child)
    props = doc.core_properties
    stamp = dt.datetime(2000, 1, 1)
    props.author = "sprintkit"
    props.last_modified_by = "sprintkit"
    props.title = "sprintkit reference document"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = (
        "Reference document for sprintkit: change the styles (Normal, Heading 1-4, Title, Report "
        "Table, …), page size, margins, header and footer, then use it with --reference-doc.")
    from sprintkit.render.docx_zip import normalise_zip

    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue(), stamp)


_SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
    "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults",
    "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)
"""The order of ``w:settings`` children the schema requires (Word refuses other orders)."""


def _insert_setting(settings: Any, element: Any) -> None:
    """Insert ``element`` into ``w:settings`` at its schema position."""
    tag = element.tag.split("}", 1)[1]
    rank = _SETTINGS_ORDER.index(tag)
    for index, child in enumerate(settings):
        name = child.tag.split("}", 1)[1] if "}" in child.tag else child.tag
        if name in _SETTINGS_ORDER and _SETTINGS_ORDER.index(name) > rank:
            settings.insert(index, element)
            return
    settings.append(element)


def insert_setting(settings: Any, element: Any) -> None:
    """Public wrapper of :func:`_insert_setting` for the .docx writer."""
    _insert_setting(settings, element)


def style_names(docx_bytes: bytes) -> dict[str, str]:
    """Style names (lower case) → type (paragraph, character, table, numbering) of a .docx."""
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    names = {}
    for el in doc.styles.element.findall(f"{{{_W}}}style"):
        name = el.find(f"{{{_W}}}name")
        if name is not None:
            names[name.get(f"{{{_W}}}val", "").lower()] = el.get(f"{{{_W}}}type", "paragraph")
    return names


def missing_styles(docx_bytes: bytes, wanted: list[str]) -> list[str]:
    """The names in ``wanted`` (paragraph styles, plus :data:`TABLE_STYLES`) the .docx lacks."""
    have = style_names(docx_bytes)
    missing = []
    for name in wanted:
        kind = "table" if name in TABLE_STYLES else "paragraph"
        if have.get(name.lower()) != kind:
            missing.append(name)
    return missing


# --- reading a reference document given by the user ------------------------------------------


def read_reference_docx(path: Any) -> bytes:
    """The bytes of a user's reference document, checked before anything parses it (the checks
    every Office file given for house style gets, :mod:`sprintkit.files.officezip`: a file
    itself, not a link; bounded size, parts and unpacked size, no zip bomb, well-formed XML
    without DTD or entities), with a ``word/document.xml`` and a ``word/styles.xml``, and that
    python-docx can open. Raises :class:`~sprintkit.errors.SprintkitError` or
    :class:`~sprintkit.errors.NotFound` with a clear message."""
    from pathlib import Path

    from sprintkit.files.officezip import read_office_file
    from sprintkit.files.textfile import display

    path = Path(path).expanduser()
    shown = display(path)
    data = read_office_file(path, kind=".docx", missing=msg("render.no_reference", path=shown),
                            hint=msg("render.reference_not_docx_hint"))
    check_reference_docx(data, shown)
    return data


def check_reference_docx(data: bytes, shown: str) -> None:
    """Check the bytes of a reference document (see :func:`read_reference_docx`)."""
    from sprintkit.errors import SprintkitError
    from sprintkit.files.officezip import check_office_zip

    hint = msg("render.reference_hint")
    check_office_zip(data, shown, kind=".docx", hint=hint, required=(
        ("word/document.xml", msg("render.reference_no_document"),
         msg("render.reference_no_document_hint")),
        ("word/styles.xml", msg("render.reference_no_styles"), None)))
    try:
        from docx import Document

        Document(io.BytesIO(data)).styles  # noqa: B018 - opening the styles is the check
    except Exception as exc:  # python-docx raises several kinds for damaged packages
        raise SprintkitError(f"{shown}: " + msg("render.reference_not_word",
                                                kind=type(exc).__name__), hint=hint) from None
