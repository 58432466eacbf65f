"""Free text is pseudonymised where it enters a sprint — statements, quotes, notes, sources,
learning cards, reasons, actions, and the answers of `run` and answers files — and no message
repeats a value that could identify someone."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from evidence_support import count_hypotheses, data, hyp, ok
from run_support import make_sprint as make_run_sprint
from stories_support import csv_text, row
from stories_support import make_sprint as make_story_sprint

from sprintkit.errors import shown

KEY_LINE = "Jan de Vries | Jan | J. de Vries"
SECRETS = ("Vries", "Jan ", "12345678", "111222333", "jan@example.nl", "6711", "0417")


def _with_key(cli, sprint: Path, *lines: str) -> Path:
    res = cli("key-file", "-s", sprint, "--create", "--format", "json")
    assert res.exit_code == 0, res.output
    path = Path(json.loads(res.stdout)["path"])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def _folder_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _clean_everywhere(folder: Path) -> None:
    raw = _folder_bytes(folder)
    for secret in SECRETS:
        assert secret.encode() not in raw, secret


@pytest.fixture
def sprint(tmp_path):
    # not a story sprint: H1 supported, H2 qualitative-ready (inconclusive)
    folder = count_hypotheses(tmp_path / "s", [(12, 12), (5, 12)])
    return folder


def test_the_attack_quote_keeps_its_brackets_and_loses_the_name(cli, sprint):
    _with_key(cli, sprint, KEY_LINE)
    res = cli("evidence", "add", "H2", "-s", sprint, "--quote",
              "Jan de Vries (06-12345678) zei …", "--note", "J. de Vries, 111-222-333",
              "--source", "gesprek met Jan\u00a0de\u00a0Vries")
    ok(res)
    record = hyp(sprint, "H2")["evidence"][-1]
    assert record["quote"].startswith("[NAAM-") and record["quote"].endswith("] ([TELEFOON]) zei …")
    assert record["note"].endswith("], [BSN]")
    assert record["source"].startswith("gesprek met [NAAM-")
    codes = {record["quote"].split("]")[0], record["note"].split("]")[0]}
    assert len(codes) == 1  # one person, one code, whatever the spelling
    _clean_everywhere(sprint)
    from sprintkit import api

    options = api.DocumentOptions(format="md")
    report = api.report(sprint=sprint, options=options).path.read_text(encoding="utf-8")
    assert "\\] (\\[TELEFOON\\]) zei …" in report  # (markdown escapes the brackets)
    assert "Vries" not in report and "12345678" not in report


def test_identifiers_go_even_without_a_key_file(cli, sprint):
    res = cli("evidence", "add", "H2", "-s", sprint, "--quote",
              "Bel 06 - 1234 5678 of mail jan@example.nl")
    ok(res)
    assert hyp(sprint, "H2")["evidence"][-1]["quote"] == "Bel [TELEFOON] of mail [E-MAIL]"
    assert "sprintkit key-file --create" in " ".join(res.stderr.split())


def test_statements_reasons_and_learning_cards(cli, sprint):
    _with_key(cli, sprint, KEY_LINE)
    ok(cli("hypothesis", "add", "-s", sprint, "--statement",
           "Jan de Vries belt terug binnen 2 dagen (06/12345678)", "--target", ">=70%",
           "--metric", "aandeel teruggebeld",
           "--test", "vraag J.de Vries", "--criterion", "Jan zegt ja"))
    h3 = hyp(sprint, "H3")
    assert "[TELEFOON])" in h3["statement"] and "binnen 2 dagen (" in h3["statement"]
    ok(cli("hypothesis", "edit", "H1", "-s", sprint, "--statement", "Jan\nde Vries kiest",
           "--target", ">=80%", "--reason", "Jan de Vries vroeg het, BSN111222333"))
    h1 = hyp(sprint, "H1")
    assert h1["statement"].endswith("] kiest")
    assert h1["history"][-1]["reason"].endswith("vroeg het, BSN[BSN]")
    ok(cli("verdict", "H2", "-s", sprint, "--override", "supported", "--reason",
           "gesprek met Jan op 6711 AB"))
    assert hyp(sprint, "H2")["override"]["reason"].endswith("op [POSTCODE]")
    ok(cli("verdict", "H2", "-s", sprint, "--clear-override", "--reason", "Jan trok het in"))
    ok(cli("learn", "H1", "-s", sprint, "--observed", "Jan de Vries koos",
           "--learned", "J. de Vries wil bellen: 06-12-34-56-78", "--action", "mail jan@example.nl",
           "--decision", "adopt"))
    card = data(sprint)["learnings"][-1]
    assert card["learned"].endswith("wil bellen: [TELEFOON]")
    assert card["action"] == "mail [E-MAIL]"
    ok(cli("action", "add", "-s", sprint, "Bel Jan de Vries over NL91-ABNA-0417-1643-00"))
    assert data(sprint)["actions"][-1]["text"].endswith(" over [IBAN]")
    _clean_everywhere(sprint)


def test_run_answers_and_test_cards(cli, tmp_path):
    folder = make_run_sprint(tmp_path / "s")
    _with_key(cli, folder, KEY_LINE)
    (folder / "a.yaml").write_text(textwrap.dedent("""\
        frame:
          experiment_goal: |
            Jan de Vries (06-12345678) wil sneller hulp.
          assumptions:
            - Jan belt terug
            - mail naar jan@example.nl werkt
          critical_assumptions: [Jan belt terug]
        design:
          hypotheses:
            - statement: J. de Vries kiest het format
              target: ">=70%"
          participants: 4
        """), encoding="utf-8")
    cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    (folder / "a.yaml").unlink()  # the user's own file; only what sprintkit keeps is checked
    model = data(folder)
    frame = model["phases"]["frame"]["outputs"]
    assert frame["experiment_goal"].endswith("] ([TELEFOON]) wil sneller hulp.")
    assert frame["assumptions"][1] == "mail naar [E-MAIL] werkt"
    assert frame["critical_assumptions"] == [frame["assumptions"][0]]  # still matches the list
    assert model["hypotheses"][0]["statement"].endswith("] kiest het format")
    _clean_everywhere(folder)
    # a replayed answers file adds no second card
    (folder / "b.yaml").write_text("design:\n  hypotheses:\n    - statement: J. de Vries kiest "
                                   "het format\n      target: '>=70%'\n", encoding="utf-8")
    cli("run", "-s", folder, "--answers", folder / "b.yaml", "--no-input")
    assert len(data(folder)["hypotheses"]) == 1


# --- messages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "jan@example.nl", "Jan de Vries 111222333", "06-12345678", "111222333", 111222333,
    "1234 AB", "1234ab", "NL91ABNA0417164300", "Jan de Vries", "x" * 61,
])
def test_shown_describes_what_could_identify(value):
    text = shown(value)
    assert text.startswith("een waarde van ") and text.endswith(" (niet getoond)")
    assert str(value)[:5] not in text


@pytest.mark.parametrize("value", ["blij", "proportoin", "2026-03-02", "2026-13-45", ">= 70 %",
                                   "12,5", 3.5, "ja"])
def test_shown_still_quotes_ordinary_values(value):
    assert shown(value) == repr(value)


def test_csv_import_messages_never_quote_identifiers(cli, tmp_path):
    story = make_story_sprint(tmp_path / "verhalen")
    rows = [row(emotie="jan@example.nl"), row(consent="Jan de Vries 111222333"),
            row(tevreden="06-12345678"), row(date="1234 AB")]
    path = tmp_path / "in.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    res = cli("stories", "import", path, "-s", story)
    assert res.exit_code == 1
    out = res.output
    for secret in ("jan@", "example", "Vries", "111222333", "12345678", "1234 AB"):
        assert secret not in out, secret
    flat = " ".join(out.split())
    assert "emotie: onbekend antwoord een waarde van 14 tekens (niet getoond)" in flat


def test_answers_file_messages_never_quote_identifiers(cli, tmp_path):
    folder = make_run_sprint(tmp_path / "s")
    (folder / "a.yaml").write_text(textwrap.dedent("""\
        design:
          participants: 06-12345678
          family_data: jan@example.nl
        decide:
          decision: Jan de Vries 111222333
        """), encoding="utf-8")
    res = cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    assert res.exit_code == 1
    for secret in ("12345678", "jan@", "Vries", "111222333"):
        assert secret not in res.output, secret
    assert "a.yaml:5:13: decide.decision" in res.stderr


def test_a_file_without_header_does_not_echo_its_first_story(cli, tmp_path):
    story = make_story_sprint(tmp_path / "verhalen")
    path = tmp_path / "in.csv"
    first = row(text="Jan de Vries belde over zijn dochter")
    path.write_text(csv_text([row()], header=first), encoding="utf-8")
    res = cli("stories", "import", path, "-s", story)
    assert res.exit_code == 1
    assert "Vries" not in res.output and "dochter" not in res.output
    assert "onbekende kolom een waarde van" in " ".join(res.output.split())


def test_indicator_note_and_source(cli, tmp_path):
    from board_support import make_sprint as make_board_sprint

    folder = make_board_sprint(tmp_path / "s")
    _with_key(cli, folder, KEY_LINE)
    ok(cli("indicator", "add", "wacht", "-s", folder, "--name", "Wachttijd", "--unit", "dagen",
           "--direction", "decrease", "--kind", "value"))
    ok(cli("indicator", "record", "wacht", "-s", folder, "--period", "2025", "--value", "21",
           "--source", "lijst van J. de Vries", "--note", "bel 06-12345678"))
    measured = data(folder)["indicators"][0]["measurements"][0]
    assert measured["source"].startswith("lijst van [NAAM-")
    assert measured["note"] == "bel [TELEFOON]"
