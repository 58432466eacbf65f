"""`sprintkit stories report`: the story findings as a document (observations → interpretations)
from the protected story numbers, on the Foodvalley example."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "foodvalley-stories"
OTHER = ROOT / "examples" / "intervence" / "experiment-veiligheid"
FORBIDDEN = ("sprintkit", ".yaml", ".csv", ".db", "hard_data", "going_well", "first_cycle",
             "--", "phases", "outputs", "verhalen.csv")


@pytest.fixture(scope="module")
def foodvalley(tmp_path_factory):
    from sprintkit.ops.stories import import_stories

    folder = tmp_path_factory.mktemp("report") / "foodvalley"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("stories.db", "reports"))
    import_stories(file=folder / "verhalen.csv", sprint=folder)
    return folder


def _document_text(path: Path) -> tuple[list[str], list[list[list[str]]], str]:
    from docx import Document

    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n" + "\n".join(c for t in tables for row in t for c in row)
    return headings, tables, text


@pytest.fixture(scope="module")
def nl_docx(foodvalley, tmp_path_factory):
    from sprintkit.ops.storyreport import write_story_report

    out = tmp_path_factory.mktemp("out") / "verhalen.docx"
    result = write_story_report(sprint=foodvalley, out=out)
    return out, result


def test_the_report_has_a_section_per_signifier_and_agrees_with_the_summary(foodvalley, nl_docx,
                                                                            cli):
    out, result = nl_docx
    assert result["stories"] == 360 and result["signifiers"] == 5
    headings, tables, text = _document_text(out)
    res = cli("stories", "summary", "-s", foodvalley, "--format", "json")
    assert res.exit_code == 0, res.stderr
    summary = json.loads(res.stdout)
    periods = [g["key"] for g in summary["groups"] if g["key"]]
    for heading in ("Over dit rapport", "Waarnemingen", "Harde data", "Interpretaties"):
        assert heading in headings
    compared = 0
    for sig in summary["signifiers"]:
        assert sig["question"] in headings
        labels = [a["label"][:1].upper() + a["label"][1:] for a in sig["answers"]]
        table = next(t for t in tables if t[0][0] == "Antwoord"
                     and [r[0] for r in t[1:len(labels) + 1]] == labels)
        for row, answer in zip(table[1:len(labels) + 1], sig["answers"], strict=True):
            for cell, period in zip(row[1:], periods, strict=True):
                shown = sig["columns"][period]["shown"][answer["id"]]
                count = cell.split(" ")[0]
                if shown.isdigit() and count.isdigit():
                    assert count == shown
                    compared += 1
                else:
                    assert count == "*"
        answered = table[len(labels) + 1]
        assert answered[0] == "Beantwoord"
        assert answered[1:] == [sig["columns"][p]["n_shown"] for p in periods]
        if sig["type"] == "scale":
            mean = table[len(labels) + 2]
            assert mean[0] == "Gemiddelde"
            assert [float(m.replace(",", ".")) for m in mean[1:]] == [
                round(sig["columns"][p]["mean"], 2) for p in periods]
    assert compared > 50


def test_no_count_below_the_threshold_and_no_internals_in_the_client_copy(nl_docx):
    out, _ = nl_docx
    _, tables, text = _document_text(out)
    counts = [int(m.group(1)) for t in tables for row in t for cell in row[1:]
              if (m := re.fullmatch(r"(\d+) \(\d+%\)", cell))]
    assert counts and min(counts) >= 5
    assert "*" in {cell for t in tables for row in t for cell in row}  # small cells are hidden
    for word in FORBIDDEN:
        assert word not in text, word
    assert "Hier komt de duiding" not in text  # the team's interpretations are printed
    assert "Terugbellen binnen twee werkdagen geeft ouders rust." in text


def test_quotes_come_only_from_consenting_stories(foodvalley, nl_docx):
    from sprintkit.ops.stories import context

    out, result = nl_docx
    _, _, text = _document_text(out)
    ctx = context(foodvalley, None)
    with ctx.open_store() as store:
        stories = list(store.stories())
    quoted = re.findall(r"“(.+?)” — ", text)
    assert quoted and len(quoted) == result["quotes"]
    consenting = {s.text for s in stories if s.consent}
    refusing = {s.text for s in stories if not s.consent} - consenting
    assert refusing  # the example has stories without consent
    for quote in quoted:
        assert quote.rstrip(" …") and any(s.startswith(quote.rstrip(" …")) for s in consenting)
        assert quote not in refusing


def test_english_report(foodvalley, tmp_path, cli):
    out = tmp_path / "stories.docx"
    res = cli("stories", "report", "-s", foodvalley, "-o", out, "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert "wrote" in res.stderr
    headings, _, text = _document_text(out)
    for heading in ("About this report", "Observations", "Hard data", "Interpretations"):
        assert heading in headings
    assert "How far did you feel heard in this situation?" in headings
    assert "Shifts from 2025-H1 to 2025-H2" in headings
    assert "Verschuivingen" not in text and "Waarnemingen" not in text


def test_without_interpretations_a_draft_asks_for_them_and_the_client_copy_does_not(
        foodvalley, tmp_path, cli):
    from sprintkit.files.sprintfile import update_sprint

    folder = tmp_path / "empty"
    shutil.copytree(foodvalley, folder)

    def clear(model):
        model.phases["insight"].outputs = {}

    update_sprint(folder, clear)
    for draft in (False, True):
        out = tmp_path / f"r{draft}.md"
        res = cli("stories", "report", "-s", folder, "-o", out, *(["--draft"] if draft else []))
        assert res.exit_code == 0, res.stderr
        text = out.read_text(encoding="utf-8")
        assert "# Interpretaties" in text
        after = text.split("# Interpretaties", 1)[1]
        assert ("Hier komt de duiding van het team" in after) is draft
        assert ("Inzicht opbouwen; het rapport" in after) is draft
        if not draft:
            assert after.strip() == ""  # an empty section: room for the team's interpretations
        assert "sprintkit" not in text


def test_formats_md_and_html(foodvalley, tmp_path, cli):
    for suffix in ("md", "html"):
        out = tmp_path / f"r.{suffix}"
        res = cli("stories", "report", "-s", foodvalley, "-o", out)
        assert res.exit_code == 0, res.stderr
        assert "Waarnemingen" in out.read_text(encoding="utf-8")


def test_bad_input_gets_a_clear_message(foodvalley, tmp_path, cli):
    empty = tmp_path / "nostories"
    shutil.copytree(foodvalley, empty, ignore=shutil.ignore_patterns("stories.db*"))
    res = cli("stories", "report", "-s", empty)
    assert res.exit_code == 1
    assert "nog geen verhalen" in res.stderr and "Traceback" not in res.stderr
    other = tmp_path / "other"
    shutil.copytree(OTHER, other)
    res = cli("stories", "report", "-s", other)
    assert res.exit_code == 1
    assert "duidingsvragen" in res.stderr and "Traceback" not in res.stderr
    out = tmp_path / "exists.docx"
    out.write_bytes(b"x")
    res = cli("stories", "report", "-s", foodvalley, "-o", out)
    assert res.exit_code != 0 and out.read_bytes() == b"x"
    res = cli("stories", "report", "-s", foodvalley, "--format", "odt")
    assert res.exit_code == 2


def test_the_readme_console_block_is_true(cli, tmp_path, monkeypatch):
    import shlex

    from readme_support import blocks, console_steps, section

    monkeypatch.chdir(tmp_path)
    for line in ('new story-cycle regio --title "Verhalen regio" --org "Regionaal team" '
                 '--no-input', "stories sample -s regio --count 400 --out oefenverhalen.csv",
                 "stories import oefenverhalen.csv -s regio"):
        assert cli(*shlex.split(line)).exit_code == 0
    text = section("Stories: a story cycle with a dashboard")
    story_part = text[text.index("### Story report"):]
    [block] = blocks(story_part.split("\n### ", 2)[0] + "\n", "console")
    steps = console_steps(block)
    assert steps
    for command, expected in steps:
        res = cli(*shlex.split(command)[1:])
        assert res.exit_code == 0, res.stderr
        produced = {line.rstrip() for line in res.output.splitlines()}
        for line in expected:
            assert line in produced, (line, res.output)
    assert (tmp_path / "regio" / "reports" / "regio-verhalenrapport.docx").is_file()


def test_one_period_has_no_shifts_section(foodvalley, tmp_path, cli):
    folder = tmp_path / "one"
    shutil.copytree(foodvalley, folder)
    assert cli("stories", "purge", "-s", folder, "--period", "2025-H2", "--yes").exit_code == 0
    out = tmp_path / "one.md"
    res = cli("stories", "report", "-s", folder, "-o", out)
    assert res.exit_code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    assert "nog maar één periode" in text and "### Verschuivingen" not in text
    assert "2025-H2" not in text.split("# Harde data")[0]  # the hard data keeps its periods


def test_shift_lines_show_the_terminals_numbers(foodvalley, nl_docx, cli):
    """The report says each clear shift with the difference and the outward-rounded interval
    that `stories shifts` and the dashboard show (−16 [−25; −8] reads "−16 ... −25 tot −8")."""
    _, _, text = _document_text(nl_docx[0])
    res = cli("stories", "shifts", "-s", foodvalley, "--from", "2025-H1", "--to", "2025-H2",
              "--format", "json")
    assert res.exit_code == 0, res.stderr
    lines = 0
    for sig in json.loads(res.stdout)["signifiers"]:
        for a in sig["answers"]:
            if a["shift"]:
                low, high = a["interval_shown"].strip("[]").split("; ")
                assert f"({a['difference_shown']} procentpunt; 95%-interval {low} tot {high})" \
                    in text, a["id"]
                lines += 1
        mean = sig.get("mean") or {}
        if mean.get("shift"):
            low, high = mean["interval_shown"].strip("[]").split("; ")
            assert f"({mean['difference_shown']}; 95%-interval {low} tot {high})" in text
            lines += 1
    assert lines == 3


def test_a_small_shift_is_said_in_the_report():
    from sprintkit.render.stories_context import _mean_line, _shift_lines

    answer = {"id": "a", "label": "veiligheid", "shift": "up", "shift_class": "clear_small",
              "difference": 0.0496, "interval": [0.0301, 0.0691],
              "difference_shown": "+4,96", "interval_shown": "[+3; +7]",
              "from": {"shown": "1432", "share": 0.3}, "to": {"shown": "1663", "share": 0.35}}
    (line,) = _shift_lines({"answers": [answer]}, "nl")
    assert line["text"].endswith("(+4,96 procentpunt; 95%-interval +3 tot +7). "
                                 "Duidelijk, maar klein.")
    mean = {"shift": "down", "shift_class": "clear_small", "from": 3.2, "to": 3.1,
            "difference": -0.1, "interval": [-0.15, -0.0004], "difference_shown": "−0.10",
            "interval_shown": "[−0.15; −0.0004]"}
    assert _mean_line({"mean": mean}, "en") == (
        "The mean fell from 3.2 to 3.1 (−0.10; 95% interval −0.15 to −0.0004). "
        "Clear but small.")
    # without the shown strings (an older result), the bounds are still rounded outward
    del answer["interval_shown"], answer["difference_shown"]
    (line,) = _shift_lines({"answers": [answer]}, "nl")
    assert "95%-interval +3,0 tot +7,0" in line["text"]


def test_shift_quotes_leave_out_stories_without_consent(foodvalley):
    from sprintkit.ops.stories import context
    from sprintkit.ops.storyreport import shift_quotes

    ctx = context(foodvalley, None)
    with ctx.open_store() as store:
        matching = [s for s in store.stories(period="2025-H2")
                    if "family" in {row[0] for row in s.answers.get("what-mattered", [])}]
        found = shift_quotes(ctx, store, [("what-mattered", "family", "2025-H2",
                                                frozenset(["family"]))], limit=1000)
    quoted = [q["text"] for q in found[("what-mattered", "family")]]
    consenting = [s.text for s in matching if s.consent]
    assert any(not s.consent for s in matching)  # there is something to leave out
    assert sorted(quoted) == sorted(consenting)


def test_a_docx_draft_has_the_note_as_a_review_comment_and_the_client_copy_has_none(
        foodvalley, tmp_path, cli):
    import zipfile

    from sprintkit.files.sprintfile import update_sprint

    folder = tmp_path / "empty"
    shutil.copytree(foodvalley, folder)
    update_sprint(folder, lambda model: setattr(model.phases["insight"], "outputs", {}))
    for draft in (False, True):
        out = tmp_path / f"r{draft}.docx"
        res = cli("stories", "report", "-s", folder, "-o", out, *(["--draft"] if draft else []))
        assert res.exit_code == 0, res.stderr
        with zipfile.ZipFile(out) as z:
            comments = z.read("word/comments.xml").decode() \
                if "word/comments.xml" in z.namelist() else ""
        assert ("Inzicht opbouwen" in comments) is draft
        _, _, text = _document_text(out)
        assert ("CONCEPT" in text) is draft


def test_a_database_without_stories_gets_a_clear_message(foodvalley, tmp_path, cli):
    folder = tmp_path / "purged"
    shutil.copytree(foodvalley, folder)
    for period in ("2025-H1", "2025-H2"):
        assert cli("stories", "purge", "-s", folder, "--period", period, "--yes").exit_code == 0
    res = cli("stories", "report", "-s", folder)
    assert res.exit_code == 1
    assert "nog geen verhalen" in res.stderr and "Traceback" not in res.stderr
    assert not (folder / "reports").exists()


def test_the_library_face(foodvalley, tmp_path):
    from sprintkit import api

    result = api.stories_report(sprint=foodvalley, out=tmp_path / "r.md", lang="en")
    assert result["format"] == "md" and result["lang"] == "en"
    assert "# Observations" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_the_chart_shows_at_most_four_periods_the_latest(foodvalley):
    from sprintkit.render.stories_context import chart_spec

    rows = [{"label": "A", "cells": [{"share": k / 10, "share_text": f"{k}0%"}
                                     for k in range(6)]}]
    spec = chart_spec(["p1", "p2", "p3", "p4", "p5", "p6"], rows, "nl")
    assert spec["periods"] == ["p3", "p4", "p5", "p6"]
    assert spec["rows"][0]["shares"] == [0.2, 0.3, 0.4, 0.5]


def test_without_indicators_the_hard_data_section_says_so(foodvalley, tmp_path, cli):
    from sprintkit.files.sprintfile import update_sprint

    folder = tmp_path / "noindicators"
    shutil.copytree(foodvalley, folder)
    update_sprint(folder, lambda model: setattr(model, "indicators", []))
    out = tmp_path / "r.md"
    assert cli("stories", "report", "-s", folder, "-o", out).exit_code == 0
    hard = out.read_text(encoding="utf-8").split("# Harde data", 1)[1].split("\n# ", 1)[0]
    assert "geen harde cijfers vastgelegd" in hard and "|" not in hard


def test_the_charts_key_never_runs_into_its_caption():
    """Four half-years beside "Aandeel van de verhalen" ran into each other over the bars:
    the key then starts at the left edge, or the caption goes under it."""
    from sprintkit.render.chart_layout import text_cm
    from sprintkit.render.chart_stories import LABEL_X, key_layout
    from sprintkit.render.chart_style import WIDTH_CM

    caption = "Aandeel van de verhalen"
    for periods, x0 in ((["2025-H1", "2025-H2"], 5.0), (["2025-H1", "2025-H2", "2026-H1",
                                                           "2026-H2"], 5.0),
                        ([f"2025-Q{k}" for k in range(1, 5)], 7.0),
                        ([f"periode {k} van het jaar" for k in range(1, 5)], 7.0)):
        start, below = key_layout(periods, caption, WIDTH_CM, x0)
        end = start + sum(0.5 + text_cm(p) + 0.5 for p in periods)
        if below == 0.35:  # on one line: the key ends before the caption begins
            assert end <= WIDTH_CM - 0.2 - text_cm(caption, size=8)
        else:
            assert start == LABEL_X
    assert key_layout(["2025-H1", "2025-H2"], caption, WIDTH_CM, 5.0) == (5.0, 0.35)
    assert key_layout(["2025-H1", "2025-H2", "2026-H1", "2026-H2"], caption, WIDTH_CM,
                      5.0)[0] == LABEL_X
