"""Native chart parts in a .docx: the chart part, its embedded workbook, the inline drawing.

Word keeps an editable chart as a chart part (``/word/charts/chartN.xml``, a ``c:chartSpace``)
related from the document, with its data as an embedded workbook
(``/word/embeddings/Microsoft_Excel_SheetN.xlsx``) related from the chart part; the text
holds an inline drawing whose ``a:graphicData`` (the chart URI) names the part with
``c:chart r:id``. Word's "Edit data" opens the workbook; LibreOffice and python-docx read the
part as it is. The chart XML and the workbook come from
:class:`sprintkit.render.chart_native.NativeCharts`; python-docx is only used to add parts.
"""

from __future__ import annotations

from typing import Any

from sprintkit.render.chart_native import EMU_PER_CM, NativeChart

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_CHART = f"{RT}/chart"
RT_PACKAGE = f"{RT}/package"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def add_chart_part(doc: Any, chart: NativeChart) -> str:
    """Add the chart part and its workbook to ``doc`` (a python-docx Document); the
    relationship id the inline drawing names."""
    from docx.opc.part import Part

    package = doc.part.package
    chart_name = package.next_partname("/word/charts/chart%d.xml")
    book_name = package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")
    part = Part(chart_name, CT_CHART, chart.xml, package)
    book = Part(book_name, CT_XLSX, chart.workbook, package)
    if part.relate_to(book, RT_PACKAGE) != "rId1":  # what the chart's c:externalData names
        raise ValueError("the chart's workbook is not its first relationship")
    return str(doc.part.relate_to(part, RT_CHART))


def chart_inline(etree: Any, rid: str, chart: NativeChart, shape_id: int, name: str,
                 width_cm: float | None = None) -> Any:
    """A ``wp:inline`` drawing of the chart part ``rid`` (``width_cm`` scales it down), with
    the chart's title and description as its alternative text."""
    scale = min(1.0, (width_cm or chart.width_cm) / chart.width_cm) if chart.width_cm else 1.0
    cx, cy = (int(v * scale * EMU_PER_CM) for v in (chart.width_cm, chart.height_cm))
    inline = etree.Element(f"{{{WP}}}inline", nsmap={"wp": WP, "a": A, "c": C, "r": RT})
    for side in ("distT", "distB", "distL", "distR"):
        inline.set(side, "0")
    extent = etree.SubElement(inline, f"{{{WP}}}extent")
    extent.set("cx", str(cx))
    extent.set("cy", str(cy))
    effect = etree.SubElement(inline, f"{{{WP}}}effectExtent")
    for side in ("l", "t", "r", "b"):
        effect.set(side, "0")
    doc_pr = etree.SubElement(inline, f"{{{WP}}}docPr")
    doc_pr.set("id", str(shape_id))
    doc_pr.set("name", name)
    doc_pr.set("descr", chart.description)
    doc_pr.set("title", chart.title)
    etree.SubElement(inline, f"{{{WP}}}cNvGraphicFramePr")
    graphic = etree.SubElement(inline, f"{{{A}}}graphic")
    data = etree.SubElement(graphic, f"{{{A}}}graphicData")
    data.set("uri", CHART_URI)
    etree.SubElement(data, f"{{{C}}}chart").set(f"{{{RT}}}id", rid)
    return inline


def body_font(doc: Any) -> str | None:
    """The font of body text (the Normal style's, else the document default's, else the
    theme's body font), for the charts' text."""
    try:
        name = doc.styles["Normal"].font.name
    except KeyError:
        name = None
    if name:
        return str(name)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fonts = doc.styles.element.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr/{w}rFonts")
    if fonts is not None and fonts.get(f"{w}ascii"):
        return str(fonts.get(f"{w}ascii"))
    from lxml import etree

    for rel in doc.part.rels.values():
        if rel.reltype == f"{RT}/theme" and not rel.is_external:
            theme = etree.fromstring(rel.target_part.blob)
            latin = theme.find(f".//{{{A}}}minorFont/{{{A}}}latin")
            return latin.get("typeface") or None if latin is not None else None
    return None
