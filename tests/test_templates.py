"""Template lookup, overrides, the sandbox and template errors that name file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_render_support import copy_fixture

from sprintkit.errors import NotFound, UsageError
from sprintkit.render import markup as mk
from sprintkit.render.environment import TemplateError, make_environment, render
from sprintkit.render.lookup import BUILTIN, list_templates, resolve


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_builtin_exists_in_both_languages():
    for name in BUILTIN:
        for lang in ("nl", "en"):
            found = resolve(name, lang, None)
            # one template for every language: the words come from the catalogue
            assert found.origin == "builtin" and found.path.name == f"{name}.j2"


def test_sprint_folder_overrides_user_folder_overrides_builtin(tmp_path, monkeypatch):
    from sprintkit.render import lookup

    user = tmp_path / "user"
    monkeypatch.setattr(lookup, "user_dir", lambda: user)
    sprint = tmp_path / "s"
    write(user / "report.nl.j2", "# user\n")
    assert resolve("report", "nl", sprint).origin == "user"
    assert resolve("report", "en", sprint).origin == "builtin"
    write(sprint / "templates" / "report.j2", "# any language\n")
    assert resolve("report", "nl", sprint).origin == "sprint"
    assert resolve("report", "en", sprint).path.name == "report.j2"
    info = {t.name: t for t in list_templates(sprint)}["report"]
    assert info.origins == {"nl": "sprint", "en": "sprint"}
    assert user / "report.nl.j2" in info.overridden


def test_names_cannot_leave_the_template_folders(tmp_path):
    for bad in ("report name", "rep*rt", "-x", "a" * 80):
        with pytest.raises(UsageError):
            resolve(bad, "nl", tmp_path)
    with pytest.raises(NotFound):
        resolve("../../no/such/template.j2", "nl", tmp_path)  # a path, and it does not exist
    with pytest.raises(NotFound):
        resolve("nosuchtemplate", "nl", tmp_path)


def test_includes_cannot_climb_out(tmp_path):
    write(tmp_path / "secret.j2", "secret")
    folder = tmp_path / "t"
    write(folder / "x.j2", '{% include "../secret.j2" %}')
    env = make_environment("nl", [folder])
    with pytest.raises(TemplateError, match="not found|niet gevonden"):
        render(env, "x.j2", {})


def test_undefined_variable_names_template_and_line(tmp_path):
    write(tmp_path / "t.j2", "# Title\n\n{{ sprint.titel }}\n")
    env = make_environment("nl", [tmp_path])
    with pytest.raises(TemplateError) as caught:
        render(env, "t.j2", {"sprint": {"title": "x"}})
    assert "t.j2:3" in caught.value.message and "titel" in caught.value.message


def test_syntax_error_names_template_and_line(tmp_path):
    write(tmp_path / "t.j2", "ok\n{% if %}\n")
    env = make_environment("nl", [tmp_path])
    with pytest.raises(TemplateError,
                       match=r"t\.j2:2: (template syntax error|fout in de opbouw van het sjab)"):
        render(env, "t.j2", {})


@pytest.mark.parametrize("source", [
    "{{ ''.__class__.__mro__ }}",
    "{% set x = [] %}{{ x.append(1) }}",
    "{{ sprint.update({'a': 1}) }}",
])
def test_the_sandbox_refuses(tmp_path, source):
    write(tmp_path / "t.j2", source)
    env = make_environment("nl", [tmp_path])
    with pytest.raises(TemplateError):
        render(env, "t.j2", {"sprint": {"title": "x"}})


def test_values_are_localised_and_none_prints_nothing(tmp_path):
    import datetime as dt

    write(tmp_path / "t.j2", "{{ f }} {{ d }} {{ n }}|{{ b }} {{ 0.25|pct }} {{ d|daterange(e) }}")
    for lang, expected in (("nl", "0,468 1 mei 2026 |ja 25% 1–3 mei 2026"),
                           ("en", "0.468 1 May 2026 |yes 25% 1–3 May 2026")):
        env = make_environment(lang, [tmp_path])
        out = render(env, "t.j2", {"f": 0.468, "d": dt.date(2026, 5, 1), "n": None, "b": True,
                                   "e": dt.date(2026, 5, 3)})
        assert mk.unescape_plain(out) == expected


def test_cli_lists_paths_and_templates(cli, tmp_path):
    sprint = copy_fixture(tmp_path)
    write(sprint / "templates" / "handout.nl.j2", "# Handout {{ sprint.title }}\n")
    res = cli("templates", "list", "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    names = {t["name"]: t for t in json.loads(res.stdout)}
    assert {"report", "plan", "intent", "handout"} <= set(names)
    assert names["handout"]["origins"] == {"nl": "sprint"}
    text = cli("templates", "list", "-s", sprint)
    assert "handout" in text.stdout and "ingebouwd" in text.stdout  # a Dutch sprint
    paths = json.loads(cli("templates", "path", "-s", sprint, "--format", "json").stdout)
    assert [p["origin"] for p in paths] == ["sprint", "user", "builtin"]
    assert paths[0]["exists"] is True and paths[0]["path"].endswith("templates")


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["ingebouwd", "sprintmap", "gebruiker", "Verhalenrapport: per vraag"]),
    ("en", ["built-in", "sprint folder", "user", "Story report: per signifier question"]),
])
def test_templates_list_and_path_speak_the_sprints_language(cli, tmp_path, monkeypatch, lang,
                                                            words):
    sprint = copy_fixture(tmp_path)
    yaml_file = sprint / "sprint.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(
        "language: nl", f"language: {lang}"), encoding="utf-8")
    monkeypatch.setenv("SPRINTKIT_LANG", "en" if lang == "nl" else "nl")
    monkeypatch.chdir(sprint)
    said = cli("templates", "list").stdout + cli("templates", "path").stdout
    said = " ".join(said.split())
    assert all(w in said for w in words), said
    assert "builtin" not in said and "eigen sjabloon" not in said and "own template" not in said


def test_check_passes_for_the_default_and_lists_what_a_plain_document_lacks(cli, tmp_path):
    from docx import Document

    ref = tmp_path / "house.docx"
    res = cli("templates", "reference", ref)
    assert res.exit_code == 0 and ref.is_file()
    assert cli("templates", "reference", ref).exit_code == 1  # no silent overwrite
    ok = cli("templates", "check", ref, "--format", "json")
    assert ok.exit_code == 0 and json.loads(ok.stdout)["missing"] == []
    plain = tmp_path / "plain.docx"
    Document().save(plain)
    bad = cli("templates", "check", plain)
    assert bad.exit_code == 1
    missing = bad.stdout.splitlines()
    assert "Report Table" in missing and "Note" in missing and "Heading 1" not in missing
    assert "mist" in bad.stderr


def test_check_counts_styles_named_by_user_templates(cli, tmp_path):
    sprint = copy_fixture(tmp_path)
    write(sprint / "templates" / "box.nl.j2", "::: div Client Box\ntext\n:::\n")
    ref = tmp_path / "house.docx"
    cli("templates", "reference", ref)
    res = cli("templates", "check", ref, "-s", sprint, "--format", "json")
    assert res.exit_code == 1
    assert json.loads(res.stdout)["missing"] == ["Client Box"]


def test_check_refuses_what_is_not_a_word_document(cli, tmp_path):
    other = write(tmp_path / "x.docx", "plain text")
    assert cli("templates", "check", other).exit_code == 1
    assert cli("templates", "check", tmp_path / "none.docx").exit_code == 1


def test_context_command_prints_what_templates_can_use(cli, tmp_path):
    sprint = copy_fixture(tmp_path)
    res = cli("templates", "context", "-s", sprint, "--lang", "en")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["lang"] == "en" and data["sprint"]["id"] == "kust-experiment-2"
    h1 = data["sprint"]["hypotheses"][0]
    assert h1["result"]["final_label"] == "inconclusive"
    assert h1["result"]["interval_text"] == "64.4%–92.1%"
