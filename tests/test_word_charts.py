"""Native, editable charts in the Word report and plan: chart parts with their embedded
workbook, read back with python-docx (the parts) and python-pptx (the chart XML)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from examples_support import copy_example, programme_copy

pytest.importorskip("pptx")
from docx import Document  # noqa: E402
from pptx.chart.chart import Chart as PptxChart  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402
from pptx.oxml import parse_xml  # noqa: E402

CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "c": CHART_URI,
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"}



@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return programme_copy(tmp_path_factory)


def write(cli, out: Path, *args: object) -> Path:
    result = cli(*args, "-o", out, "--force")
    assert result.exit_code == 0, result.stderr
    return out


def in_text(path: Path) -> list[tuple[object, object]]:
    """The charts in the document's text, in order: each inline drawing's chart part (read
    with python-pptx's chart parser) and the drawing's ``wp:docPr``."""
    doc = Document(str(path))
    found = []
    for inline in doc.element.body.iterfind(".//wp:inline", NS):
        data = inline.find("a:graphic/a:graphicData", NS)
        if data.get("uri") != CHART_URI:
            continue
        rid = data.find("c:chart", NS).get(f"{{{NS['r']}}}id")
        part = doc.part.related_parts[rid]
        assert part.content_type == CT_CHART
        assert re.fullmatch(r"/word/charts/chart\d+\.xml", str(part.partname))
        found.append((part, inline.find("wp:docPr", NS)))
    return found


def chart_of(part) -> PptxChart:
    return PptxChart(parse_xml(part.blob), None)


def workbook_numbers(part) -> list[float]:
    """The numbers of the chart's embedded workbook (what Word opens to edit)."""
    [book] = [rel.target_part for rel in part.rels.values() if rel.reltype == RT_PACKAGE]
    assert re.fullmatch(r"/word/embeddings/[^/]+\.xlsx", str(book.partname))
    with zipfile.ZipFile(io.BytesIO(book.blob)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    return [float(v) for v in re.findall(r"<c [^>]*?(?<!t=\"s\")><v>([^<]+)</v>", sheet)]


def context(sprint: Path | None = None, programme: Path | None = None) -> dict:
    from sprintkit.ops.reports import template_context

    return template_context(sprint=sprint, programme=programme)


def chart_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("word/charts/chart")]


# --- the data -------------------------------------------------------------------------------


def test_report_intervals_are_native_charts_with_the_sprints_numbers(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    path = write(cli, tmp_path / "r.docx", "report", "-s", sprint)
    ctx = context(sprint)
    hypotheses = {h["id"]: h for s in ctx["sprints"] for h in s["hypotheses"]}
    forests = [ref for ref, spec in ctx["charts"].items() if spec["type"] == "forest"]
    found = in_text(path)
    assert len(found) == len(forests) == len(chart_parts(path)) == 2
    for part, doc_pr in found:
        chart = chart_of(part)
        assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
        categories = list(chart.plots[0].categories)
        ids = [c.split(":")[0].split(" ")[0] for c in categories]
        assert ids and set(ids) <= set(hypotheses)
        base, lower, upper = (list(s.values) for s in chart.plots[0].series)
        for index, hid in enumerate(ids):
            r = hypotheses[hid]["result"]
            assert base[index] == pytest.approx(r["ci_low"])
            assert lower[index] == pytest.approx(r["estimate"] - r["ci_low"])
            assert upper[index] == pytest.approx(r["ci_high"] - r["estimate"])
            assert hypotheses[hid]["result"]["final_label"] in categories[index]
        assert sorted(workbook_numbers(part)) == pytest.approx(sorted(base + lower + upper))
        assert doc_pr.get("title") and doc_pr.get("descr")  # alt text for a screen reader
        assert all(hid in doc_pr.get("descr") for hid in ids)
    # the assumption map has no native form: still a picture
    assert Document(str(path)).inline_shapes and any(
        ref.endswith("assumptions") for ref in ctx["charts"])


def test_dot_votes_and_impact_effort_are_native_bars_and_scatter(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/strategie")
    path = write(cli, tmp_path / "r.docx", "report", "-s", sprint)
    ctx = context(sprint)
    groups = [g for s in ctx["sprints"] for g in s["doc"]["findings"] + s["doc"]["choices"]]
    ranking = next(g for g in groups if g["shape"] == "ranking" and g["ranking"])
    matrix = next(g for g in groups if g["shape"] == "matrix" and g["matrix"])
    charts = [chart_of(part) for part, _ in in_text(path)]
    bars = [c for c in charts if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    scatter = [c for c in charts if c.chart_type == XL_CHART_TYPE.XY_SCATTER]
    assert len(bars) == 1 and len(scatter) == 1
    assert list(bars[0].plots[0].series[0].values) == [r["votes"] for r in ranking["ranking"]]
    assert len(list(bars[0].plots[0].categories)) == len(ranking["ranking"])
    xml = scatter[0]._chartSpace.xml
    efforts = [float(v) for v in re.findall(r"<c:xVal>.*?<c:v>([^<]+)</c:v>", xml, re.S)]
    impacts = [float(v) for v in re.findall(r"<c:yVal>.*?<c:v>([^<]+)</c:v>", xml, re.S)]
    assert efforts == [r["effort"] for r in matrix["matrix"]]
    assert impacts == [r["impact"] for r in matrix["matrix"]]


def test_programme_plan_has_indicator_trends_against_baseline_and_target(cli, programme,
                                                                        tmp_path):
    path = write(cli, tmp_path / "plan.docx", "programme", "plan", "-p", programme)
    ctx = context(programme=programme)
    specs = [ctx["charts"][i["chart"]] for i in ctx["programme"]["all_indicators"]
             if i["chart"]]
    trends = [chart_of(part) for part, _ in in_text(path)]
    trends = [c for c in trends if c.chart_type in (XL_CHART_TYPE.LINE,
                                                    XL_CHART_TYPE.LINE_MARKERS)]
    assert len(trends) == len(specs) == 2
    for chart, spec in zip(trends, specs, strict=True):
        series = list(chart.plots[0].series)
        assert list(series[0].values) == [p["value"] for p in spec["points"]]
        assert list(chart.plots[0].categories) == [str(p["period"]) for p in spec["points"]]
        lines = [list(s.values) for s in series[1:]]
        expected = [[v] * len(spec["points"]) for v in (spec["baseline"], spec["target"])
                    if v is not None]
        assert lines == expected


def test_programme_report_has_every_sprints_native_charts(cli, programme, tmp_path):
    path = write(cli, tmp_path / "report.docx", "programme", "report", "-p", programme)
    ctx = context(programme=programme)
    native = [s for s in ctx["charts"].values() if s["type"] in ("forest", "votes", "matrix")]
    found = in_text(path)
    assert len(found) == len(native) > 10
    assert len({str(part.partname) for part, _ in found}) == len(found)


# --- pictures on request, the client copy, reproducible bytes ------------------------------


def test_chart_style_image_gives_pictures_as_before(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    path = write(cli, tmp_path / "img.docx", "report", "-s", sprint, "--chart-style", "image")
    assert chart_parts(path) == [] and in_text(path) == []
    doc = Document(str(path))
    pictures = doc.element.body.findall(".//pic:pic", NS)
    assert len(pictures) == len(context(sprint)["charts"]) == 3
    titles = [d.get("title") for d in doc.element.body.iterfind(".//wp:docPr", NS)]
    assert len(titles) == 3 and all(titles)  # the caption as the picture's title
    bad = cli("report", "-s", sprint, "--chart-style", "svg", "-o", tmp_path / "x.docx")
    assert bad.exit_code == 2 and not (tmp_path / "x.docx").exists()


def test_chart_text_names_no_file_key_or_command(cli, programme, tmp_path):
    path = write(cli, tmp_path / "report.docx", "programme", "report", "-p", programme)
    words = []
    for part, doc_pr in in_text(path):
        text = " ".join(re.findall(r"<(?:c:v|a:t)>([^<]*)<", part.blob.decode("utf-8")))
        words.append(text + " " + doc_pr.get("title") + " " + doc_pr.get("descr"))
    assert words
    for text in words:
        for leak in ("sprint.yaml", "programme.yaml", "sprintkit", "--", "_"):
            assert leak not in text, (leak, text)


def test_same_input_same_bytes_with_source_date_epoch(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    sprint = copy_example(tmp_path, "intervence/strategie")
    first = write(cli, tmp_path / "a.docx", "report", "-s", sprint).read_bytes()
    second = write(cli, tmp_path / "b.docx", "report", "-s", sprint).read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        books = [n for n in z.namelist() if n.endswith(".xlsx")]
        assert len(books) == 2
        with zipfile.ZipFile(io.BytesIO(z.read(books[0]))) as book:
            assert "2023-11-14T22:13:20Z" in book.read("docProps/core.xml").decode("utf-8")


# --- what has no native form ---------------------------------------------------------------


def test_specs_without_a_native_form_stay_pictures():
    from sprintkit.render.chart_native import describe, native_chart

    row = {"label": "H1", "estimate": -0.5, "low": -1.0, "high": 0.2, "target": 0.0,
           "op": ">=", "verdict": "supported"}
    assert native_chart({"type": "forest", "lang": "nl", "rows": [row]}) is None
    assert native_chart({"type": "assumptions", "lang": "nl", "rows": [row]}) is None
    assert native_chart({"type": "votes", "lang": "nl",
                         "rows": [{"item": str(i), "votes": i} for i in range(31)]}) is None
    chart = native_chart({"type": "forest", "lang": "en", "percent": True,
                          "rows": [dict(row, estimate=0.5, low=0.3, high=0.7, target=0.6)]})
    assert chart is not None and chart.rows[0]["label"] == "H1 (supported)"
    assert "at least 60%" in chart.title
    assert describe(chart, "en").endswith("H1 (supported): 50% (30%–70%).")


# --- LibreOffice ---------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_renders_the_native_charts_to_pdf(cli, tmp_path):
    from sprintkit.render.to_pdf import docx_to_pdf, find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it")
    sprint = copy_example(tmp_path, "intervence/strategie")
    path = write(cli, tmp_path / "r.docx", "report", "-s", sprint)
    pdf = docx_to_pdf(path.read_bytes())
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    (tmp_path / "r.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Inspanning" in text and "Impact" in text  # the scatter's axis titles, drawn


@pytest.mark.slow
def test_final_document_measured_by_libreoffice_keeps_one_part_per_chart(cli, tmp_path):
    """``--final`` builds the .docx twice (page numbers from LibreOffice's layout): the second
    build has its own chart parts, one per chart, and no leftovers of the first."""
    from sprintkit.render.to_pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it")
    sprint = copy_example(tmp_path, "intervence/experiment-werkwijze")
    path = write(cli, tmp_path / "final.docx", "report", "-s", sprint, "--final")
    forests = [s for s in context(sprint)["charts"].values() if s["type"] == "forest"]
    assert len(in_text(path)) == len(chart_parts(path)) == len(forests) == 2


def test_options_object_from_python(tmp_path):
    from sprintkit import api
    from sprintkit.errors import UsageError

    sprint = copy_example(tmp_path, "intervence/strategie")
    native = api.report(sprint=sprint, options=api.DocumentOptions(out=tmp_path / "n.docx"))
    image = api.report(sprint=sprint, options=api.DocumentOptions(out=tmp_path / "i.docx",
                                                                  chart_style="image"))
    assert len(chart_parts(native.path)) == 2 and chart_parts(image.path) == []
    assert native.images == image.images == 2  # charts, native or as pictures
    with pytest.raises(UsageError):
        api.DocumentOptions(chart_style="svg")


def test_text_xml_cannot_hold_is_dropped_from_a_native_chart():
    import datetime as dt

    from sprintkit.render.chart_native import NativeCharts
    from sprintkit.render.pptx_charts import ChartParts

    specs = {"v": {"type": "votes", "lang": "nl",
                   "rows": [{"item": "Plan\x00 voor\x07 <ouders> & \u202ekinderen 😀",
                             "votes": 3}]}}
    charts = NativeCharts(specs, dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), "nl",
                          writer=ChartParts())
    made = charts("v", 16.0, "Stemmen\x01")
    assert made is not None and made.title == "Stemmen"
    chart = chart_of(type("P", (), {"blob": made.xml})())
    assert list(chart.plots[0].categories) == ["Plan voor <ouders> & \u202ekinderen 😀"]


def test_chart_text_takes_the_documents_body_font():
    from sprintkit.render.docx_charts import body_font
    from sprintkit.render.reference import build_reference_docx

    house = Document(io.BytesIO(build_reference_docx("nl")))
    assert body_font(house) == "Arial"  # the house style's default font
    plain = Document()  # no font on Normal or the defaults: the theme's body font
    assert plain.styles["Normal"].font.name is None
    theme = next(r.target_part.blob for r in plain.part.rels.values()
                 if r.reltype.endswith("/theme"))
    minor = re.search(rb"<a:minorFont>\s*<a:latin typeface=\"([^\"]+)\"", theme)
    assert minor is not None and body_font(plain) == minor.group(1).decode()


def test_an_indicator_measured_once_shows_baseline_and_target_as_wide_dashes():
    """A line needs two points: with one measurement the value is a dot and the baseline and
    target are wide dashes in their own colours; with two they are lines again."""
    import datetime as dt

    from pptx.enum.chart import XL_MARKER_STYLE

    from sprintkit.render.pptx_charts import ChartParts
    from sprintkit.render.slide_plan import Chart

    one = Chart("trend", "Wachttijd", [{"period": "2026-03", "value": 41.0}], baseline=56.0,
                target=35.0, labels={"value": "gemeten", "baseline": "nulmeting",
                                     "target": "doel"})
    xml, _ = ChartParts()(one, 5_000_000, 3_000_000, dt.datetime(2024, 1, 1))
    chart = chart_of(type("P", (), {"blob": xml})())
    value, baseline, target = chart.plots[0].series
    assert [list(s.values) for s in (value, baseline, target)] == [[41.0], [56.0], [35.0]]
    assert value.marker.size == 12 and value.marker.style is None  # the line chart's dot
    for series in (baseline, target):
        assert series.marker.style == XL_MARKER_STYLE.DASH and series.marker.size == 30
        assert series.marker.format.fill.fore_color.rgb == series.format.line.color.rgb
    assert baseline.format.line.color.rgb != target.format.line.color.rgb
    assert xml.count(b'<c:symbol val="dash"/>') == 2
    two = Chart("trend", "Wachttijd", [{"period": "2026-03", "value": 41.0},
                                       {"period": "2026-06", "value": 38.0}], baseline=56.0,
                target=35.0, labels=one.labels)
    xml, _ = ChartParts()(two, 5_000_000, 3_000_000, dt.datetime(2024, 1, 1))
    assert b'val="dash"/>' not in xml.replace(b'<a:prstDash val="dash"/>', b"")
