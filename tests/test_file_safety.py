"""The file promises ("Your files are safe" in docs/privacy.md): sprintkit never writes through a
symbolic link, replaces a file at --out only with --force, and keeps a file's line endings and
byte order mark when it writes it back."""

from __future__ import annotations

import os

import pytest
from evidence_support import data, make_sprint
from robust_support import copy_report_sprint


def add_hypothesis(cli, sprint):
    return cli("hypothesis", "add", "-s", sprint, "--statement", "Ouders voelen zich gehoord",
               "--kind", "qualitative")


def said(res, *words):
    text = " ".join(res.stderr.split())
    return all(w in text for w in words) and "Traceback" not in res.output


# --- the lock file --------------------------------------------------------------------------


def test_a_linked_lock_file_never_empties_its_target(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    precious = tmp_path / "precious.txt"
    precious.write_text("years of notes\n", encoding="utf-8")
    os.symlink(precious, sprint / ".sprintkit.lock")  # a cloned folder can carry one
    before = (sprint / "sprint.yaml").read_bytes()
    res = add_hypothesis(cli, sprint)
    assert res.exit_code == 1, res.output
    assert said(res, ".sprintkit.lock", "symbolische koppeling", str(precious))
    assert precious.read_text(encoding="utf-8") == "years of notes\n"
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_a_hard_linked_lock_file_is_refused(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n", encoding="utf-8")
    os.link(precious, sprint / ".sprintkit.lock")
    res = add_hypothesis(cli, sprint)
    assert res.exit_code == 1 and said(res, "harde koppeling")
    assert precious.read_text(encoding="utf-8") == "keep\n"


# --- sprint.yaml and the folders sprintkit writes in ----------------------------------------


def test_a_linked_sprint_file_is_refused_not_replaced(cli, tmp_path):
    real = make_sprint(tmp_path / "elsewhere")
    sprint = tmp_path / "s"
    sprint.mkdir()
    os.symlink(real / "sprint.yaml", sprint / "sprint.yaml")
    before = (real / "sprint.yaml").read_bytes()
    res = add_hypothesis(cli, sprint)
    assert res.exit_code == 1, res.output
    assert said(res, f"{sprint / 'sprint.yaml'} is een symbolische koppeling",
                str(real / "sprint.yaml"))
    assert (sprint / "sprint.yaml").is_symlink()
    assert (real / "sprint.yaml").read_bytes() == before
    # reading through the link is fine
    assert cli("hypothesis", "list", "-s", sprint).exit_code == 0


def test_a_linked_reports_folder_is_refused(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, sprint / "reports")
    res = cli("report", "-s", sprint, "--no-charts", "--format", "md")
    assert res.exit_code == 1, res.output
    assert said(res, "reports", "symbolische koppeling", str(elsewhere))
    assert list(elsewhere.iterdir()) == []


def test_a_linked_output_file_is_refused_even_outside_and_with_force(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    precious = tmp_path / "precious.md"
    precious.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "out.md"
    os.symlink(precious, link)
    res = cli("report", "-s", sprint, "--no-charts", "--out", link, "--force")
    assert res.exit_code == 1 and said(res, "symbolische koppeling")
    assert precious.read_text(encoding="utf-8") == "mine\n" and link.is_symlink()


def test_a_linked_schema_folder_is_left_alone(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    (sprint / "sprint.yaml").write_text(
        "# yaml-language-server: $schema=.sprintkit/sprint.schema.json\n" + text, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, sprint / ".sprintkit")
    res = add_hypothesis(cli, sprint)
    assert res.exit_code == 0, res.output  # the schema is a courtesy; the change is made
    assert list(elsewhere.iterdir()) == []


def test_a_new_output_folder_outside_the_sprint_may_be_a_link(cli, tmp_path):
    """Outside the sprint folder, the user named the place: a linked folder there is theirs."""
    sprint = copy_report_sprint(tmp_path / "s")
    real = tmp_path / "real"
    real.mkdir()
    os.symlink(real, tmp_path / "docs")
    res = cli("report", "-s", sprint, "--no-charts", "--out", tmp_path / "docs" / "r.md")
    assert res.exit_code == 0, res.output
    assert (real / "r.md").is_file()


# --- one overwrite rule ---------------------------------------------------------------------


@pytest.fixture
def story_sprint(cli, tmp_path):
    from stories_support import balanced_rows, csv_text
    from stories_support import make_sprint as make_story_sprint

    sprint = make_story_sprint(tmp_path / "verhalen")
    data = tmp_path / "in.csv"
    data.write_text(csv_text(balanced_rows({"2025-03-01": 6, "2025-09-01": 6})),
                    encoding="utf-8")
    assert cli("stories", "import", data, "-s", sprint).exit_code == 0
    return sprint


@pytest.mark.parametrize("command", [
    ["stories", "export"], ["stories", "dashboard"], ["stories", "sample", "--count", "3"],
])
def test_stories_outputs_replace_an_existing_file_only_with_force(cli, story_sprint, tmp_path,
                                                                  command):
    target = tmp_path / "existing.txt"
    target.write_text("keep me\n", encoding="utf-8")
    res = cli(*command, "-s", story_sprint, "--out", target)
    assert res.exit_code == 1, res.output
    assert said(res, "existing.txt", "bestaat al", "--force")
    assert target.read_text(encoding="utf-8") == "keep me\n"
    res = cli(*command, "-s", story_sprint, "--out", target, "--force")
    assert res.exit_code == 0, res.output
    assert target.read_text(encoding="utf-8-sig") != "keep me\n"


@pytest.mark.parametrize("command", [
    ["stories", "export"], ["stories", "dashboard"], ["stories", "sample", "--count", "3"],
])
def test_stories_outputs_never_replace_the_sprint_file_or_the_database(cli, story_sprint,
                                                                       command):
    for own in ("sprint.yaml", "stories.db"):
        before = (story_sprint / own).read_bytes()
        res = cli(*command, "-s", story_sprint, "--out", story_sprint / own, "--force")
        assert res.exit_code == 1 and said(res, "niet vervangen"), res.output
        assert (story_sprint / own).read_bytes() == before


def test_stories_export_into_a_linked_folder_of_the_sprint_is_refused(cli, story_sprint,
                                                                     tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, story_sprint / "exports")
    res = cli("stories", "export", "-s", story_sprint, "--out", story_sprint / "exports" / "a.csv")
    assert res.exit_code == 1 and said(res, "exports", "symbolische koppeling")
    assert list(elsewhere.iterdir()) == []


# --- line endings and byte order mark -------------------------------------------------------


@pytest.mark.parametrize(("bom", "ending"), [(b"", b"\r\n"), (b"\xef\xbb\xbf", b"\n"),
                                             (b"\xef\xbb\xbf", b"\r\n"), (b"", b"\n")])
def test_a_write_keeps_line_endings_and_byte_order_mark(cli, tmp_path, bom, ending):
    sprint = make_sprint(tmp_path / "s")
    path = sprint / "sprint.yaml"
    text = path.read_bytes().replace(b"\r\n", b"\n")
    path.write_bytes(bom + b"# kept comment\n".replace(b"\n", ending)
                     + text.replace(b"\n", ending))
    assert add_hypothesis(cli, sprint).exit_code == 0
    raw = path.read_bytes()
    assert raw.startswith(bom + b"# kept comment")
    assert raw.count(b"\xef\xbb\xbf") == len(bom) // 3
    body = raw[len(bom):]
    lines = body.split(b"\n")[:-1]
    assert lines and all(line.endswith(b"\r") == (ending == b"\r\n") for line in lines)
    assert b"Ouders voelen zich gehoord" in raw
    assert data(sprint)["hypotheses"][0]["kind"] == "qualitative"


def test_a_programme_write_keeps_crlf_and_bom(cli, tmp_path):
    res = cli("programme", "new", tmp_path / "p", "--title", "Regio", "--no-input")
    assert res.exit_code == 0, res.output
    path = tmp_path / "p" / "programme.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    sprint = make_sprint(tmp_path / "p" / "s1")
    res = cli("programme", "add", sprint, "-p", tmp_path / "p")
    assert res.exit_code == 0, res.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")


def test_schema_and_reference_doc_follow_the_same_rule(cli, tmp_path):
    target = tmp_path / "existing.json"
    target.write_text("{}\n", encoding="utf-8")
    res = cli("schema", "sprint", "-o", target)
    assert res.exit_code == 1 and said(res, "existing.json", "--force")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert cli("schema", "sprint", "-o", target, "--force").exit_code == 0
    assert "properties" in target.read_text(encoding="utf-8")
    doc = tmp_path / "huisstijl.docx"
    doc.write_bytes(b"mine")
    res = cli("templates", "reference", doc)
    assert res.exit_code == 1 and said(res, "huisstijl.docx", "--force")
    assert doc.read_bytes() == b"mine"
