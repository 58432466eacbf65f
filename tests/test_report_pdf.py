"""Report and plan as PDF through LibreOffice (slow; skipped when LibreOffice is absent)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from test_render_support import copy_fixture

from sprintkit.render.to_pdf import find_soffice

pytestmark = pytest.mark.slow


def pdf_text(path, first=None, last=None):
    argv = ["pdftotext", "-layout"]
    if first:
        argv += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*argv, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@pytest.fixture(scope="module")
def needs_tools():
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils (pdftotext, pdfinfo) are not installed")


def test_report_and_plan_as_pdf(cli, tmp_path, needs_tools):
    sprint = copy_fixture(tmp_path)
    report = cli("report", "-s", sprint, "-f", "pdf")
    assert report.exit_code == 0, report.stderr
    plan = cli("plan", "-s", sprint, "-f", "pdf", "--lang", "en")
    assert plan.exit_code == 0, plan.stderr
    report_pdf = sprint / "reports" / "kust-experiment-2-eindpresentatie.pdf"
    plan_pdf = sprint / "reports" / "kust-experiment-2-implementation-plan.pdf"
    assert report_pdf.read_bytes().startswith(b"%PDF") and plan_pdf.read_bytes()[:4] == b"%PDF"
    assert 6 <= pages(report_pdf) <= 20 and 3 <= pages(plan_pdf) <= 12

    cover = pdf_text(report_pdf, 1)
    assert "Gezinsplan in één gesprek" in cover and "Eindpresentatie" in cover
    assert "Jeugdbescherming Kustregio" in cover
    toc = pdf_text(report_pdf, 2)
    assert "Inhoud" in toc
    # the table of contents has the page numbers LibreOffice's layout gave the headings
    numbers = dict(re.findall(r"^\s*(\S.*?)[ .]*\.{3,}\s*(\d+)$", toc, re.M))
    assert len(numbers) >= 9, toc
    for heading, page in numbers.items():  # (a long heading's first line is enough)
        assert heading[:30] in pdf_text(report_pdf, int(page)), heading
    whole = pdf_text(report_pdf)
    assert "64,4%–92,1%" in whole and "onbeslist" in whole
    assert "Gezinsplan in één gesprek — Eindpresentatie" in pdf_text(report_pdf, 3)  # header
    last = pages(report_pdf)
    assert pdf_text(report_pdf, last).strip().endswith(str(last))  # page number in the footer

    plan_text = pdf_text(plan_pdf)
    for heading in ("Goal and scope", "What we adopt", "Actions", "Stakeholders",
                    "Communication", "Trial period and monitoring", "Evaluation moments",
                    "Risks", "Support"):
        assert heading in plan_text, heading
    assert "Middle management." in plan_text


def split_table_words(pdf: bytes, docx: bytes, tmp_path) -> list[tuple[str, str]]:
    """Words that stand only in the .docx's tables and appear broken over two lines in the
    PDF's text (with or without a hyphen). Words also in body text are left out: body text may
    be hyphenated."""
    import io

    from docx import Document

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = Document(io.BytesIO(docx)).element.body
    in_tables: set[str] = set()
    elsewhere: set[str] = set()
    for p in body.iter(f"{w}p"):
        text = "".join(t.text or "" if t.tag == f"{w}t" else " "
                       for t in p.iter(f"{w}t", f"{w}br", f"{w}tab"))
        inside = any(a.tag == f"{w}tc" for a in p.iterancestors())
        (in_tables if inside else elsewhere).update(re.findall(r"\w{4,}", text))
    words = in_tables - elsewhere
    path = tmp_path / "split.pdf"
    path.write_bytes(pdf)
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    lines = [line.strip() for line in raw.splitlines()]
    broken = []
    for a, b in zip(lines, lines[1:], strict=False):
        left, right = re.findall(r"(\w+)-?$", a), re.findall(r"^(\w+)", b)
        if left and right and left[0] + right[0] in words and left[0] not in words:
            broken.append((left[0], right[0]))
    assert words, "no table words to check"
    return broken


def test_table_words_are_never_broken_in_the_pdf(model_pdf, tmp_path, needs_tools):
    docx, pdf = model_pdf
    assert split_table_words(pdf, docx, tmp_path) == []


def test_narrow_columns_with_long_words_do_not_break_them(tmp_path, needs_tools):
    from sprintkit.render import markup as mk
    from sprintkit.render.to_docx import build_docx
    from sprintkit.render.to_pdf import docx_to_pdf

    rows = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in [
        ("Innovatiesprint", "waarnemingen", "Bewijskracht", "Stemmen"),
        ("Verantwoordelijkheidsverdeling", "Jeugdbeschermingsorganisatie",
         "Gezinsmanagers", "Hulpverleners"),
    ])
    markup = f"| Sprint | Waarnemingen | Bewijskracht | Stemmen |\n|-|-|-|----------------|\n{rows}"
    docx = build_docx(mk.parse(markup), lambda block: None).data
    assert split_table_words(docx_to_pdf(docx), docx, tmp_path) == []


@pytest.fixture(scope="module")
def model_pdf(needs_tools):
    """The fixture sprint's report, as a draft: its .docx and its PDF."""
    from test_render_support import load_fixture, render_bytes

    model = load_fixture()
    docx = render_bytes("report", model, draft=True, author="Anna de Vries")
    pdf = render_bytes("report", model, fmt="pdf", draft=True, author="Anna de Vries")
    assert pdf.data.startswith(b"%PDF")
    return docx.data, pdf.data


def test_a_draft_converts_and_shows_its_mark(model_pdf, tmp_path):
    docx, pdf = model_pdf
    path = tmp_path / "draft.pdf"
    path.write_bytes(pdf)
    assert "CONCEPT" in pdf_text(path, 1)  # the title page
    assert "CONCEPT" in pdf_text(path, 3)  # the page header
    # review comments on a heading, a paragraph, a list and a table convert too
    from test_render_layout import NOTES, build
    from test_render_support import comments

    from sprintkit.render.to_pdf import docx_to_pdf

    noted = build(NOTES, draft_mark="CONCEPT", author="Anna de Vries")
    assert len(comments(noted)) == 4
    path.write_bytes(docx_to_pdf(noted))
    text = pdf_text(path)
    assert "Samenvatting" in text and "cel 2" in text and "Over de tabel" not in text


def test_body_text_is_hyphenated_where_the_language_has_patterns(model_pdf, tmp_path):
    from pathlib import Path

    if not list(Path("/usr/share/hyphen").glob("hyph_nl*")):
        pytest.skip("no Dutch hyphenation patterns (Debian: hyphen-nl; .ci/run installs it)")
    _, pdf = model_pdf
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    lines = [line.strip() for line in pdf_text(path).splitlines()]
    hyphenated = [(a, b) for a, b in zip(lines, lines[1:], strict=False)
                  if re.search(r"[a-zà-ÿ]{2}-$", a) and re.match(r"[a-zà-ÿ]{2}", b)]
    assert hyphenated, "LibreOffice did not hyphenate any line"


def test_a_docx_can_carry_the_page_numbers_too(needs_tools):
    from test_render_support import load_fixture, render_bytes

    from sprintkit.render.dump import dump_docx

    out = render_bytes("report", load_fixture(), page_numbers=True)
    toc = [b["text"] for b in dump_docx(out.data)["body"] if b.get("p", "").startswith("toc")]
    assert len(toc) >= 9 and all(re.search(r"\t\d+$", entry) for entry in toc), toc
    assert out.warnings == []
