"""`sprintkit report`, `plan` and `render` from the command line, as CI runs them."""

from __future__ import annotations

import pytest
from test_render_support import copy_fixture

from sprintkit.render.dump import dump_docx


@pytest.fixture
def sprint(tmp_path):
    return copy_fixture(tmp_path)


def test_report_default_path_in_the_sprints_language(cli, sprint):
    res = cli("report", "-s", sprint)
    assert res.exit_code == 0, res.stderr
    target = sprint / "reports" / "kust-experiment-2-eindpresentatie.docx"
    assert res.stdout.strip() == str(target) and target.is_file()
    assert "geschreven" in res.stderr
    body = dump_docx(target.read_bytes())["body"]
    # with the method library the phases held carry the method's own titles
    approach = next(b for b in body if "table" in b and b["rows"][0][0] == "Fase")
    assert "Besluiten en presenteren" in [row[0] for row in approach["rows"]]


def test_plan_in_english_and_other_formats(cli, sprint, tmp_path):
    res = cli("plan", "-s", sprint / "sprint.yaml", "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert (sprint / "reports" / "kust-experiment-2-implementation-plan.docx").is_file()
    md = cli("plan", "-s", sprint, "-f", "md")
    assert md.exit_code == 0, md.stderr
    written = sprint / "reports" / "kust-experiment-2-implementatieplan.md"
    images = list((sprint / "reports" / "kust-experiment-2-implementatieplan_files").glob("*.png"))
    assert len(images) == 2
    assert f"]({images[0].parent.name}/" in written.read_text(encoding="utf-8")
    html = cli("render", "intent", "-s", sprint, "-o", tmp_path / "out" / "intent.html")
    assert html.exit_code == 0, html.stderr
    assert "<table>" in (tmp_path / "out" / "intent.html").read_text(encoding="utf-8")


def test_out_folder_gets_the_default_name(cli, sprint, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    res = cli("render", "intent", "-s", sprint, "--out", folder, "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert (folder / "kust-experiment-2-declaration-of-intent.docx").is_file()


def test_a_new_out_folder_is_made(cli, sprint, tmp_path):
    """`-o new/` arrives without its slash; a new name without a suffix is a folder."""
    res = cli("report", "-s", sprint, "--out", f"{tmp_path / 'nieuw' / 'map'}/")
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "nieuw" / "map" / "kust-experiment-2-eindpresentatie.docx").is_file()
    res = cli("report", "-s", sprint, "--out", tmp_path / "verslag.md")
    assert res.exit_code == 0, res.stderr
    assert "Gezinsplan in één gesprek" in (tmp_path / "verslag.md").read_text(encoding="utf-8")


def test_never_replaces_another_kind_of_file_silently(cli, sprint, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    res = cli("report", "-s", sprint, "--out", notes, "--format", "docx")
    assert res.exit_code == 1 and "niet vervangen" in " ".join(res.stderr.split())
    assert "--force" in res.stderr
    assert notes.read_text(encoding="utf-8") == "keep me"
    forced = cli("report", "-s", sprint, "--out", notes, "--format", "docx", "--force")
    assert forced.exit_code == 0 and notes.read_bytes().startswith(b"PK")
    # one rule for every output: an existing file at --out, also a report, needs --force
    again = cli("report", "-s", sprint, "--out", tmp_path / "r.docx")
    assert again.exit_code == 0
    assert cli("report", "-s", sprint, "--out", tmp_path / "r.docx").exit_code == 1
    assert cli("report", "-s", sprint, "--out", tmp_path / "r.docx", "--force").exit_code == 0
    # the default place (no --out) is sprintkit's own: brought up to date on every run
    assert cli("report", "-s", sprint).exit_code == 0
    assert cli("report", "-s", sprint).exit_code == 0


def test_no_half_written_files_when_rendering_fails(cli, sprint):
    (sprint / "templates").mkdir()
    (sprint / "templates" / "report.nl.j2").write_text(
        "# Rapport\n\nAlles goed.\n\n{{ sprint.titel }}\n", encoding="utf-8")
    res = cli("report", "-s", sprint)
    assert res.exit_code == 1
    assert "report.nl.j2:5" in res.unwrapped and "titel" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (sprint / "reports").exists()


def test_own_template_by_path_and_by_name(cli, sprint, tmp_path):
    own = tmp_path / "letter.nl.j2"
    own.write_text("# Brief aan {{ sprint.organisation }}\n\n{{ sprint.context.goal }}\n",
                   encoding="utf-8")
    res = cli("render", own, "-s", sprint, "-f", "md")
    assert res.exit_code == 0, res.stderr
    out = sprint / "reports" / "kust-experiment-2-letter.md"
    assert out.read_text(encoding="utf-8").startswith("# Brief aan Jeugdbescherming Kustregio")
    (sprint / "templates").mkdir()
    (sprint / "templates" / "letter.j2").write_text("# Letter\n", encoding="utf-8")
    assert cli("render", "letter", "-s", sprint, "-f", "md", "--lang", "en").exit_code == 0
    assert cli("render", "let ter", "-s", sprint).exit_code == 2
    assert cli("render", "nosuch", "-s", sprint).exit_code == 1


def test_bad_reference_documents(cli, sprint, tmp_path):
    missing = cli("report", "-s", sprint, "--reference-doc", tmp_path / "none.docx")
    said = " ".join(missing.stderr.split())
    assert missing.exit_code == 1 and "dit referentiedocument bestaat niet" in said
    text = tmp_path / "house.docx"
    text.write_text("not a docx", encoding="utf-8")
    wrong = cli("report", "-s", sprint, "--reference-doc", text)
    assert wrong.exit_code == 1 and "geen .docx-bestand" in wrong.unwrapped


def test_house_style_from_the_cli(cli, sprint, tmp_path):
    from docx import Document

    house = tmp_path / "house.docx"
    Document().save(house)
    res = cli("report", "-s", sprint, "--reference-doc", house, "--no-charts")
    assert res.exit_code == 0, res.stderr
    said = " ".join(res.stderr.split())  # the terminal wraps long messages
    assert "mist deze stijlen" in said and "Report Table" in said
    body = dump_docx((sprint / "reports" / "kust-experiment-2-eindpresentatie.docx").read_bytes())
    assert not any("images" in b for b in body["body"])


def test_pdf_without_libreoffice_says_how_to_get_it(cli, sprint, monkeypatch):
    monkeypatch.setenv("SPRINTKIT_SOFFICE", "/nonexistent/soffice")
    res = cli("report", "-s", sprint, "-f", "pdf")
    assert res.exit_code == 1
    assert "LibreOffice nodig" in res.stderr and "apt-get install" in res.stderr
    assert not (sprint / "reports" / "kust-experiment-2-eindpresentatie.pdf").exists()


def test_no_sprint_here(cli, tmp_path):
    res = cli("report", cwd=tmp_path)
    assert res.exit_code == 1 and "sprint.yaml" in res.stderr


def test_every_command_and_option_has_help(cli):
    for args in (["report"], ["plan"], ["render"], ["templates"], ["templates", "list"],
                 ["templates", "path"], ["templates", "check"], ["templates", "reference"],
                 ["templates", "context"]):
        res = cli(*args, "--help")
        assert res.exit_code == 0, args
        assert "Usage" in res.stdout
    helptext = cli("report", "--help").stdout
    for option in ("--out", "--format", "--template", "--reference-doc", "--lang", "--sprint"):
        assert option in helptext
