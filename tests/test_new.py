"""`sprintkit new METHOD DIR`: a commented sprint.yaml that validates, for every method and both
languages; unattended runs; answers; refusing to overwrite; prompting at a terminal."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from methods_support import BUILTIN_METHODS

from sprintkit.files.sprintfile import load_sprint, update_sprint
from sprintkit.model.schema import schema_text


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("method_id", BUILTIN_METHODS)
def test_new_for_every_method_and_language(cli, tmp_path, method_id, lang):
    folder = tmp_path / f"{method_id}-{lang}"
    res = cli("new", method_id, folder, "--title", "Pilot 2026", "--lang", lang, "--no-input")
    assert res.exit_code == 0, res.stderr
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.sprintkit/sprint.schema.json\n")
    sprint = load_sprint(folder).model
    assert (sprint.method, sprint.language, sprint.title) == (method_id, lang, "Pilot 2026")
    assert sprint.id == f"{method_id}-{lang}"
    from sprintkit.files import library

    method = library.get_method(method_id).model
    assert list(sprint.phases) == [p.id for p in method.phases]
    assert (folder / ".sprintkit" / "sprint.schema.json").read_text() == schema_text("sprint")
    assert ("Waarom deze sprint er is." if lang == "nl" else "Why this sprint exists.") in text
    assert cli("validate", folder).exit_code == 0


def test_missing_title_without_a_terminal(cli, tmp_path):
    folder = tmp_path / "s"
    res = cli("new", "experiment-sprint", folder)
    assert res.exit_code == 1
    assert "er ontbreken antwoorden" in res.stderr and "de titel van de sprint" in res.stderr
    assert "--title" in res.stderr
    assert "--answers" in res.stderr
    assert not folder.exists()
    res = cli("new", "experiment-sprint", folder, "--no-input")
    assert res.exit_code == 1 and not folder.exists()


def test_existing_sprint_is_never_overwritten(cli, tmp_path):
    folder = tmp_path / "s"
    assert cli("new", "strategy-sprint", folder, "--title", "Eerste", "--no-input").exit_code == 0
    before = (folder / "sprint.yaml").read_bytes()
    res = cli("new", "experiment-sprint", folder, "--title", "Tweede", "--no-input")
    assert res.exit_code == 1
    assert "bestaat al; er is niets geschreven" in " ".join(res.stderr.split())
    assert (folder / "sprint.yaml").read_bytes() == before


def test_values_from_flags_set_and_answers(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        textwrap.dedent("""\
        title: Uit het antwoordenbestand
        organisation: Intervence
        context.goal: Genoeg bewijs voor een besluit
        context:
          background: Na twee innovatiesprints
        team:
          - name: Anna
            role: gezinsmanager
    """),
        encoding="utf-8",
    )
    folder = tmp_path / "Jeugd Zeeland 2026"
    res = cli(
        "new",
        "experiment-sprint",
        folder,
        "--answers",
        answers,
        "--set",
        "context.challenge=Wachttijd: te lang",
        "--set",
        "title=Uit set",
        "--set",
        "facilitators=[Bram, Carla]",
        "--title",
        "Uit de optie",
        "--start",
        "2026-03-02",
        "--no-input",
    )
    assert res.exit_code == 0, res.stderr
    sprint = load_sprint(folder).model
    assert sprint.id == "jeugd-zeeland-2026"
    assert sprint.title == "Uit de optie"
    assert sprint.organisation == "Intervence"
    assert sprint.facilitators == ["Bram", "Carla"]
    assert sprint.context.challenge == "Wachttijd: te lang"
    assert sprint.context.goal == "Genoeg bewijs voor een besluit"
    assert sprint.context.background == "Na twee innovatiesprints"
    assert sprint.team[0].name == "Anna"
    assert str(sprint.start) == "2026-03-02"
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert "# scope: Wat wel en niet meedoet" in text  # still-empty keys stay as hints


def test_repeated_facilitator_option(cli, tmp_path):
    res = cli(
        "new",
        "co-creation",
        tmp_path / "z",
        "--title",
        "Zuid-Limburg",
        "--facilitator",
        "Dana",
        "--facilitator",
        "Eef",
        "--org",
        "Acht zorgaanbieders",
        "--no-input",
    )
    assert res.exit_code == 0, res.stderr
    sprint = load_sprint(tmp_path / "z").model
    assert sprint.facilitators == ["Dana", "Eef"] and sprint.organisation == "Acht zorgaanbieders"


def test_bad_values_are_named_by_their_source(cli, tmp_path):
    res = cli(
        "new",
        "strategy-sprint",
        tmp_path / "a",
        "--title",
        "T",
        "--start",
        "2026-13-01",
        "--no-input",
    )
    assert res.exit_code == 2
    assert "--start: die datum bestaat niet (er is geen maand 13)" in " ".join(res.stderr.split())
    res = cli(
        "new",
        "strategy-sprint",
        tmp_path / "b",
        "--title",
        "T",
        "--set",
        "context.chalenge=x",
        "--no-input",
    )
    assert res.exit_code == 1
    assert "onbekende sleutel 'chalenge'" in res.stderr and "bedoel je 'challenge'" in res.stderr
    answers = tmp_path / "answers.yaml"
    answers.write_text("title: T\nlanguage: de\n", encoding="utf-8")
    res = cli("new", "strategy-sprint", tmp_path / "c", "--answers", answers, "--no-input")
    assert res.exit_code == 1
    assert "answers.yaml:2:11: language: ongeldige waarde 'de'" in " ".join(res.stderr.split())
    assert not (tmp_path / "a").exists() and not (tmp_path / "c").exists()


def test_answers_that_do_not_fit_the_method(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("title: T\nphases:\n  bogus: {}\n", encoding="utf-8")
    res = cli("new", "strategy-sprint", tmp_path / "s", "--answers", answers, "--no-input")
    assert res.exit_code == 1
    assert "heeft geen fase 'bogus'" in res.stderr


def test_method_given_twice_and_unknown_method(cli, tmp_path):
    res = cli(
        "new",
        "strategy-sprint",
        tmp_path / "s",
        "--title",
        "T",
        "--set",
        "method=co-creation",
        "--no-input",
    )
    assert res.exit_code == 2
    res = cli("new", "strategie-sprint", tmp_path / "s", "--title", "T", "--no-input")
    assert res.exit_code == 1 and "bedoel je 'strategy-sprint'" in res.stderr


def test_comments_survive_a_later_change(cli, tmp_path):
    folder = tmp_path / "s"
    assert cli("new", "experiment-sprint", folder, "--title", "T", "--no-input").exit_code == 0

    def start(model):
        model.phases["frame"].status = "in_progress"
        model.phases["frame"].outputs["experiment_goal"] = "Besluiten over het format"

    update_sprint(folder, start)
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.sprintkit/sprint.schema.json\n")
    assert "# 1. Aannames in kaart brengen (2h30m, dag 1)" in text
    assert "# Waarom deze sprint er is." in text
    assert "experiment_goal: Besluiten over het format" in text


@pytest.mark.parametrize(
    "method_id", ["acceleration", "trial-implementation", "story-cycle", "co-creation"]
)
def test_commented_examples_are_valid_when_uncommented(cli, tmp_path, method_id):
    folder = tmp_path / "s"
    assert (
        cli("new", method_id, folder, "--title", "T", "--lang", "en", "--no-input").exit_code == 0
    )
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    block = text.split(
        "# Indicators with" if method_id != "co-creation" else "# Parties taking", 1
    )[1].split("\n\n", 1)[0]
    example = "\n".join(line[2:] for line in block.splitlines()[1:])
    (folder / "sprint.yaml").write_text(text + "\n" + example + "\n", encoding="utf-8")
    assert load_sprint(folder).model.title == "T"


def test_prompts_at_a_terminal(cli, tmp_path, monkeypatch):
    from sprintkit.ui import console

    monkeypatch.setattr(console, "is_interactive", lambda: True)
    folder = tmp_path / "s"
    res = cli(
        "new",
        "story-cycle",
        folder,
        input="en\n\nVerhalen Foodvalley\nRVT Foodvalley\n2026-13-01\n2026-01-15\nFien, Gert\n\n",
    )
    assert res.exit_code == 0, res.output
    sprint = load_sprint(folder).model
    assert sprint.language == "en"
    assert sprint.title == "Verhalen Foodvalley"
    assert sprint.organisation == "RVT Foodvalley"
    assert str(sprint.start) == "2026-01-15"
    assert sprint.facilitators == ["Fien", "Gert"]
    assert sprint.context.challenge is None
    assert "there is no month 13" in res.stderr  # the bad date was asked again, in English


def test_no_input_wins_over_a_terminal(cli, tmp_path, monkeypatch):
    from sprintkit.ui import console

    monkeypatch.setattr(console, "is_interactive", lambda: True)
    res = cli("new", "story-cycle", tmp_path / "s", "--no-input", input="x\n")
    assert res.exit_code == 1 and "er ontbreken antwoorden" in res.stderr


def test_new_sprint_api_and_schema_helper(tmp_path):
    from sprintkit.ops.new import new_sprint, slugify, write_schema_file

    result = new_sprint(
        "trial-implementation",
        tmp_path / "Proef Richtlijn",
        title="Proef",
        lang="en",
        set_values=["context.scope=Two teams"],
    )
    assert result.sprint.context.scope == "Two teams"
    assert result.path == tmp_path / "Proef Richtlijn" / "sprint.yaml"
    schema = json.loads(result.schema_path.read_text())
    assert "properties" in schema and "phases" in schema["properties"]
    mtime = result.schema_path.stat().st_mtime_ns
    assert write_schema_file(tmp_path / "Proef Richtlijn") == result.schema_path
    assert result.schema_path.stat().st_mtime_ns == mtime  # unchanged text is not rewritten
    assert slugify("Ça va — 2026!") == "ca-va-2026" and slugify("…") == "sprint"


def test_a_copied_sprint_gets_its_editor_schema_back_on_the_first_write(cli, tmp_path):
    """Examples and fresh clones carry no .sprintkit/ folder; the first write restores the
    schema the file's first line points to, and never one it does not point to."""
    import shutil

    from sprintkit.model.schema import schema_text

    folder = tmp_path / "kopie"
    shutil.copytree(Path(__file__).parent.parent / "examples" / "nji-trial-implementation",
                    folder, ignore=shutil.ignore_patterns(".sprintkit", "reports"))
    assert not (folder / ".sprintkit").exists()
    assert cli("validate", folder).exit_code == 0
    assert not (folder / ".sprintkit").exists()  # reading writes nothing
    res = cli("hypothesis", "add", "-s", folder, "--statement", "Teams bespreken de uitkomsten",
              "--metric", "teams", "--target", ">=80%")
    assert res.exit_code == 0, res.stderr
    schema = folder / ".sprintkit" / "sprint.schema.json"
    assert schema.read_text(encoding="utf-8") == schema_text("sprint")

    plain = tmp_path / "zonder"
    plain.mkdir()
    (plain / "sprint.yaml").write_text("id: z\ntitle: Z\nmethod: experiment-sprint\n",
                                       encoding="utf-8")
    assert cli("hypothesis", "add", "-s", plain, "--statement", "x", "--metric", "m",
               "--target", ">=70%").exit_code == 0
    assert not (plain / ".sprintkit" / "sprint.schema.json").exists()
