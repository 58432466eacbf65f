"""Programme-wide end report and implementation plan: golden dumps, lineage in the documents,
the plan's latest decisions, and the command line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from test_render_support import check_golden

from sprintkit.render.dump import dump_docx

DATA = Path(__file__).resolve().parent / "data" / "report_programme"


def render(template: str, lang: str, fmt: str = "docx"):
    """Through the real pipeline, phases from the sprint files alone (as the sprint goldens)."""
    from sprintkit.ops.programme import load_chain
    from sprintkit.render.context import build_context, document_date
    from sprintkit.render.document import produce
    from sprintkit.render.lookup import resolve

    loaded, entries = load_chain(DATA, methods=False)
    sprints = [e.sprint for e in entries]
    context = build_context(sprints, programme=loaded.model, lang=lang,
                            methods=[None] * len(sprints))
    resolved = resolve(template, lang, DATA)
    return produce(resolved, context, fmt, lang=lang, roots=[resolved.path.parent, DATA],
                   created=document_date(sprints))


@pytest.mark.parametrize(("template", "lang"), [
    ("report", "nl"), ("plan", "nl"), ("report", "en"), ("plan", "en")])
def test_golden_dumps(template, lang):
    out = render(template, lang)
    check_golden(f"programme_{template}_{lang}", dump_docx(out.data)["body"])
    assert out.missing_styles == []


def test_report_has_a_section_per_sprint_in_chain_order_and_the_lineages():
    body = dump_docx(render("report", "nl").data)["body"]
    h1 = [b["text"] for b in body if b.get("p") == "Heading 1"]
    assert h1 == ["Samenvatting", "Hoe de hypothesen zich ontwikkelden", "Team en deelnemers",
                  "Sprint 1 — Koers 2028", "Sprint 2 — Een gezinsplan in één gesprek",
                  "Sprint 3 — Het korte format in Middelburg",
                  "Sprint 4 — Het korte format in Middelburg en Goes", "Vervolgstappen",
                  "Bijlagen"]
    assert body[0] == {"p": "Title", "text": "Regie bij het gezin"}
    tables = [b["rows"] for b in body if "table" in b]
    lineage = next(t for t in tables if t[0][:3] == ["Stap", "Sprint", "Hypothese"])
    assert [row[5] for row in lineage[1:]] == ["bijsturen", "opnieuw testen", "doorvoeren"]
    assert "opnieuw getoetst" in lineage[3][2] and "bijgesteld" in lineage[2][2]
    texts = [b.get("text", "") for b in body]
    assert any("strategy-sprint → innovation-sprint → experiment-sprint ×2" in t for t in texts)
    derived = [r[1] for t in tables for r in t if r[0] == "**Afgeleid van**"]
    assert derived == ["H1 in sprint 2 (Een gezinsplan in één gesprek); bijgesteld",
                       "H1 in sprint 3 (Het korte format in Middelburg); opnieuw getoetst",
                       "H2 in sprint 2 (Een gezinsplan in één gesprek); bijgesteld"]


def test_plan_adopts_the_latest_decision_with_its_history():
    body = dump_docx(render("plan", "en").data)["body"]
    h2 = [b["text"] for b in body if b.get("p") == "Heading 2"]
    adopted = [h for h in h2 if h.startswith(("Adopt", "Adapt"))]
    # the innovation sprint's 'adapt' was decided again later: only the final adopt counts
    assert adopted == [  # the hypotheses' titles: their statements without the full stop
        "Adopt: Gezinsmanagers geven de voorkeur aan het korte gezinsplanformat",
        "Adopt: Een gezinsplan opstellen kost met het korte format hoogstens 90 minuten"]
    texts = [b.get("text", "") for b in body]
    trail = [t for t in texts if t.startswith(("Een gezinsplan in één gesprek, H1",
                                               "Het korte format in Middelburg, H1",
                                               "Het korte format in Middelburg en Goes, H1"))]
    assert len(trail) == 3 and "adapt" in trail[0] and "retested" in trail[2]
    tables = [b["rows"] for b in body if "table" in b]
    actions = next(t for t in tables if t[0][:2] == ["What", "Sprint"])
    assert [r[1] for r in actions[1:]] == ["programme", "Het korte format in Middelburg",
                                           "Het korte format in Middelburg en Goes"]
    assert any("Teamleiders jeugdbescherming" in t and "Middle management" in t for t in texts)


def test_cli_writes_the_programme_documents(cli, tmp_path):
    prog = tmp_path / "traject"
    shutil.copytree(DATA, prog)
    res = cli("programme", "report", "-p", prog, "-f", "md")
    assert res.exit_code == 0, res.output
    path = prog / "reports" / "kust-traject-eindpresentatie.md"
    assert res.stdout.strip().endswith("kust-traject-eindpresentatie.md") and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "# Hoe de hypothesen zich ontwikkelden" in text and "![" in text
    res = cli("programme", "plan", "-p", prog, "--lang", "en", "--no-charts")
    assert res.exit_code == 0, res.output
    assert (prog / "reports" / "kust-traject-implementation-plan.docx").is_file()
    context = cli("programme", "context", "-p", prog)
    assert context.exit_code == 0 and '"chain_text"' in context.stdout


def test_cli_refuses_a_programme_with_an_unreadable_sprint(cli, tmp_path):
    prog = tmp_path / "traject"
    shutil.copytree(DATA, prog)
    shutil.rmtree(prog / "innovatie")
    res = cli("programme", "report", "-p", prog)
    assert res.exit_code == 1
    assert "1 van de 4 sprints van het traject zijn niet te lezen" in res.stderr
    assert "kust-innovatie" in res.stderr and not (prog / "reports").exists()


def test_progress_reaches_every_sprint(tmp_path):
    from sprintkit.ops.docoptions import DocumentOptions
    from sprintkit.ops.reports import render_programme

    prog = tmp_path / "traject"
    shutil.copytree(DATA, prog)
    seen: list[tuple[str, int, int]] = []
    render_programme(template="report", programme=prog,
                     options=DocumentOptions(format="md", charts=False),
                     progress=lambda step, done, total: seen.append((step, done, total)))
    assert ("sprints", 4, 4) in seen
    steps = [s for s, _, _ in seen]
    assert steps.index("sprints") < steps.index("template") < steps.index("write")


# --- one template for every language; client copy and draft --------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "intervence"
TABLE_RULE = re.compile(r"^(\| *:?-+:? *)+\|$")


def _kinds(body: list[dict]) -> list[str]:
    return [b["p"] if "p" in b else next(iter(b)) for b in body]


@pytest.mark.parametrize("template", ["report", "plan"])
def test_nl_and_en_programme_documents_have_the_same_structure(template):
    nl, en = (dump_docx(render(template, lang).data)["body"] for lang in ("nl", "en"))
    assert len(nl) > 40 and _kinds(nl) == _kinds(en)
    assert [len(b["rows"]) for b in nl if "rows" in b] == [len(b["rows"]) for b in en
                                                            if "rows" in b]


def _markdown(cli, programme: Path, command: str, out: Path, *extra: str) -> str:
    res = cli("programme", command, "-p", programme, "-o", out, "--no-charts", "--force", *extra)
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8").replace("\\", "")  # Markdown's escapes
    assert "# " in text
    return text


def _leaks(text: str) -> list[str]:
    """Lines that name a file, a command or an option (table rules and front matter aside)."""
    return [line for line in text.splitlines()
            if not TABLE_RULE.match(line) and line != "---"
            and any(w in line for w in ("sprint.yaml", "programme.yaml", "sprintkit ", "--"))]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", ["report", "plan"])
def test_intervence_client_copy_names_no_file_command_or_option(cli, tmp_path, lang, command):
    text = _markdown(cli, EXAMPLE, command, tmp_path / f"{command}.md", "--lang", lang)
    assert _leaks(text) == []
    assert "::: note" not in text and "derived_from" not in text


@pytest.mark.parametrize("command", ["report", "plan"])
def test_a_draft_tells_the_author_where_to_fill_in_what_the_client_copy_leaves_out(
        cli, tmp_path, command):
    prog = tmp_path / "intervence"
    shutil.copytree(EXAMPLE, prog)
    data = yaml.safe_load((prog / "programme.yaml").read_text(encoding="utf-8"))
    for key in ("goal", "conclusions", "next_steps"):
        del data[key]
    for key in ("communication", "evaluation", "risks", "support"):
        del data["plan"][key]
    for sprint in data["sprints"]:  # the sprints' own plans complete the programme's
        path = prog / sprint["path"] / "sprint.yaml"
        own = yaml.safe_load(path.read_text(encoding="utf-8"))
        own.pop("plan", None)
        path.write_text(yaml.safe_dump(own, allow_unicode=True), encoding="utf-8")
    (prog / "programme.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                         encoding="utf-8")
    client = _markdown(cli, prog, command, tmp_path / "client.md")
    assert _leaks(client) == []
    draft = _markdown(cli, prog, command, tmp_path / "draft.md", "--draft")
    notes = [line for line in _leaks(draft) if "programme.yaml" in line]
    expected = ({"goal", "conclusions", "next_steps"} if command == "report" else
                {"plan.communication", "plan.evaluation", "plan.risks", "plan.support"})
    assert {field for field in expected if any(f"{field} in programme.yaml" in n
                                               for n in notes)} == expected
    assert all(line.startswith("> ") for line in notes)  # notes, not body text
    if command == "plan":  # the sections without content are left out of the client copy
        assert "# Communicatie" not in client and "# Risico’s" not in client


def test_markdown_shows_a_number_at_the_start_of_a_cell_without_a_backslash():
    """The plan's latest measurement ("93.8% (15/16)") showed as "\\93.8%" in Markdown:
    CommonMark keeps a backslash before a digit, so only a real list marker is escaped."""
    from sprintkit.render import markup as mk
    from sprintkit.render.to_markdown import to_markdown

    lines = [mk.escape_text(x) for x in ("93.8% (15/16)", "1. no list", "2) no list", "- no")]
    text = "\n\n".join(lines) + "\n\n| a |\n|---|\n| " + lines[0] + " |\n"
    md = to_markdown(mk.parse(text), None)[0].splitlines()
    assert [x for x in md if x] == ["93.8% (15/16)", "1\\. no list", "2\\) no list", "\\- no",
                                    "| a |", "| --- |", "| 93.8% (15/16) |"]


def test_final_refuses_a_programme_document_that_lacks_its_goal_or_conclusions(cli, tmp_path):
    prog = tmp_path / "intervence"
    shutil.copytree(EXAMPLE, prog)
    out = tmp_path / "final.md"
    assert cli("programme", "report", "-p", prog, "-o", out, "--no-charts",
               "--final").exit_code == 0  # the example is complete
    assert "Versie 1.0 · definitief" in out.read_text(encoding="utf-8")
    data = yaml.safe_load((prog / "programme.yaml").read_text(encoding="utf-8"))
    del data["goal"]
    (prog / "programme.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                         encoding="utf-8")
    refused = tmp_path / "refused.md"
    res = cli("programme", "report", "-p", prog, "-o", refused, "--no-charts", "--final")
    assert res.exit_code == 1 and not refused.exists()
    assert "Nog niet ingevuld: het doel." in res.output and "programme.yaml" in res.output
    assert cli("programme", "report", "-p", prog, "-o", refused, "--no-charts").exit_code == 0
