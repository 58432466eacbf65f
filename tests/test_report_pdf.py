"""Report and plan as PDF through LibreOffice (slow; skipped when LibreOffice is absent)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from test_render_support import copy_fixture

from sprintkit.render.to_pdf import find_soffice, find_uno_python

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
    if find_uno_python(find_soffice()):  # the table of contents has page numbers
        assert re.search(r"Samenvatting[ .]*\d+", toc), toc
        assert re.search(r"Hypothesen en bewijs[ .]*\d+", toc), toc
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
