"""`sprintkit validate`: every kind of bad input gets its exact location, a message and exit 1.

One row per problem the foundation promises to report, each checked through the real command
with ``--format json`` (the stable list CI reads) and once as the text people read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HEAD = "id: s1\ntitle: T\nmethod: experiment-sprint\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

# name, file bytes, expected (line, column, path, words in the message, words in the hint)
CASES: list[tuple[str, bytes, tuple[int, int, str, str, str | None]]] = [
    ("bad-indentation", (HEAD + "  language: nl\n").encode(),
     (4, 11, "", "YAML-syntaxfout", "inspring")),
    ("tab", (HEAD + "\tlanguage: nl\n").encode(),
     (4, 1, "", "'\\t'", "tabs")),
    ("unclosed-quote", b'id: s1\ntitle: "T\nmethod: experiment-sprint\n',
     (4, 1, "", "quoted scalar", "aanhalingsteken is geopend")),
    ("unclosed-bracket", (HEAD + "facilitators: [a, b\n").encode(),
     (5, 1, "", "flow sequence", "'[' of '{' is geopend")),
    ("duplicate-key", b"id: s1\ntitle: T\ntitle: U\nmethod: experiment-sprint\n",
     (3, 1, "", "dubbele sleutel 'title' (eerst op regel 2)", "haal er een weg")),
    ("unknown-key", (HEAD + "languag: nl\n").encode(),
     (4, 1, "languag", "onbekende sleutel 'languag'", "bedoel je 'language'?")),
    ("wrong-type", (HEAD + "facilitators: 3\n").encode(),
     (4, 15, "facilitators", "verwacht een lijst, kreeg 3", None)),
    ("wrong-nested-type",
     (HEAD + "hypotheses:\n  - id: H1\n    statement: x\n    target: '>=70%'\n"
      "    confidence: high\n").encode(),
     (8, 17, "hypotheses[0].confidence", "verwacht een getal, kreeg 'high'", None)),
    ("missing-required", b"id: s1\nmethod: experiment-sprint\n",
     (1, 1, "title", "verplichte sleutel 'title' ontbreekt", None)),
    ("invalid-enum", (HEAD + "language: fr\n").encode(),
     (4, 11, "language", "ongeldige waarde 'fr'", "'nl' or 'en'")),
    ("bad-date", (HEAD + "start: 2026-13-01\n").encode(),
     (4, 8, "start", "verwacht een datum (JJJJ-MM-DD), kreeg '2026-13-01'", None)),
    ("empty", b"", (1, 1, "", "het bestand is leeg", "'id:'")),
    ("top-level-list", b"- id: s1\n- title: T\n",
     (1, 1, "", "een lijst op het hoogste niveau", None)),
    ("non-utf8", b'id: s1\ntitle: "caf\xe9"\nmethod: experiment-sprint\n',
     (2, 12, "", "byte 0xe9 is geen geldige UTF-8", "UTF-8")),
    ("binary", bytes(range(256)) * 8, (0, 0, "", "binair bestand", None)),
    ("alias-bomb", BOMB.encode(), (7, 4, "", "aliasbom", None)),
    ("custom-tag", b'id: s1\ntitle: !!python/object:os.system "ls"\nmethod: experiment-sprint\n',
     (2, 8, "", "de tag !!python/object:os.system is niet toegestaan", "gewone gegevens")),
    ("yaml-directive", ("%YAML 1.2\n---\n" + HEAD + "languag: nl\n").encode(),
     (6, 1, "languag", "onbekende sleutel 'languag'", "bedoel je 'language'?")),
    ("directive-without-document-start", ("%YAML 1.1\n" + HEAD).encode(),
     (2, 3, "", "YAML-syntaxfout", None)),
    ("schema-version", (HEAD + "schema_version: 7\n").encode(),
     (4, 17, "schema_version", "schema_version 7 wordt niet ondersteund", "werk sprintkit bij")),
]


@pytest.mark.parametrize("name,content,expected", CASES, ids=[c[0] for c in CASES])
def test_each_problem_has_its_exact_location(cli, tmp_path, name, content, expected):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    res = cli("validate", "--format", "json", str(path))
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    problems = json.loads(res.stdout)
    line, column, where, message, hint = expected
    match = [p for p in problems if message in p["message"]]
    assert match, problems
    first = match[0]
    assert (first["line"], first["column"], first["path"]) == (line, column, where), first
    assert first["file"].endswith(f"{name}.yaml")
    if hint is not None:
        assert hint in first.get("hint", ""), first
    assert set(first) <= {"file", "line", "column", "path", "message", "hint"}


def test_text_output_is_file_line_column(cli, tmp_path):
    path = tmp_path / "sprint.yaml"
    path.write_text(HEAD + "languag: nl\nstart: 2026-02-30\n", encoding="utf-8")
    res = cli("validate", str(tmp_path))
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert any(x.endswith("sprint.yaml:4:1: languag: onbekende sleutel 'languag'") for x in lines)
    assert any(x.endswith("sprint.yaml:5:8: start: verwacht een datum (JJJJ-MM-DD), "
                          "kreeg '2026-02-30'")
               for x in lines)
    assert "  tip: bedoel je 'language'?" in lines
    assert "1 van 1 bestand ongeldig (2 problemen)" in res.stderr


def test_all_problems_of_a_file_at_once(cli, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("id: s1\ntitel: T\nmethod: experiment-sprint\nlanguag: nl\nend: x\n",
                    encoding="utf-8")
    problems = json.loads(cli("validate", "--format", "json", str(path)).stdout)
    assert [p["path"] for p in problems] == ["title", "titel", "languag", "end"]


def test_too_large_file_is_refused_with_the_limit(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SPRINTKIT_MAX_FILE_MB", "1")
    path = tmp_path / "big.yaml"
    path.write_text(HEAD + "conclusions:\n" + "  - x\n" * 300_000, encoding="utf-8")
    res = cli("validate", str(path))
    assert res.exit_code == 1
    assert "big.yaml: het bestand is 1,7 MiB; de grens is 1 MiB" in res.stdout
    assert "tip: zet SPRINTKIT_MAX_FILE_MB hoger om de grens te verhogen" in res.stdout


def test_yes_no_and_times_stay_text(cli, tmp_path):
    path = tmp_path / "sprint.yaml"
    path.write_text("id: s1\ntitle: NO\nmethod: experiment-sprint\nfacilitators: [yes, 12:30]\n",
                    encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 0
    from sprintkit.files.sprintfile import load_sprint

    sprint = load_sprint(tmp_path).model
    assert sprint.title == "NO"
    assert sprint.facilitators == ["yes", "12:30"]


def test_folder_without_sprint_and_missing_path(cli, tmp_path):
    (tmp_path / "leeg").mkdir()
    res = cli("validate", str(tmp_path / "leeg"))
    assert res.exit_code == 1
    assert "leeg: geen sprint.yaml of programme.yaml in" in res.stdout
    res = cli("validate", "--format", "json", str(tmp_path / "er-niet"))
    assert res.exit_code == 1
    [problem] = json.loads(res.stdout)
    assert problem["message"] == "het pad bestaat niet"


def test_several_paths_and_kinds_at_once(cli, tmp_path):
    from sprintkit.files.library import get_method

    method_file = get_method("experiment-sprint").path
    good = tmp_path / "good"
    good.mkdir()
    (good / "sprint.yaml").write_text(HEAD, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "language: fr\n", encoding="utf-8")
    res = cli("validate", str(good), str(method_file), str(bad))
    assert res.exit_code == 1
    flat = " ".join(res.stderr.split())
    assert "geldig sprintbestand" in flat and "geldig methodebestand" in flat
    assert "1 van 3 bestanden ongeldig (1 probleem)" in res.stderr
    assert cli("validate", str(good), str(method_file)).exit_code == 0


def test_usage_errors_exit_2(cli, tmp_path):
    res = cli("validate", "--format", "xml", str(tmp_path))
    assert res.exit_code == 2
    assert cli("schema", "nonsense").exit_code == 2


def test_debug_shows_a_traceback_only_when_asked(cli, tmp_path, monkeypatch):
    path = tmp_path / "x"
    res = cli("hypothesis", "list", "-s", str(path))
    assert res.exit_code == 1 and "Traceback" not in res.output
    monkeypatch.setenv("SPRINTKIT_DEBUG", "1")
    res = cli("hypothesis", "list", "-s", str(path))
    assert res.exit_code == 1
    assert "Traceback" in res.stderr


@pytest.mark.parametrize("kind", ["sprint", "method", "programme", "workform"])
def test_schema_is_draft_07_and_accepts_real_files(cli, kind):
    import jsonschema

    res = cli("schema", kind)
    assert res.exit_code == 0
    schema = json.loads(res.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in res.stdout
    validator = jsonschema.Draft7Validator(schema)
    samples = {
        "sprint": Path(__file__).parent / "data" / "report_sprint" / "sprint.yaml",
        "method": None,
        "programme": None,
        "workform": None,
    }
    from sprintkit.files.library import get_method, get_workform
    from sprintkit.files.yamlio import load_yaml, to_plain

    path = samples[kind] or {
        "method": get_method("experiment-sprint").path,
        "workform": get_workform("assumption-map").path,
        "programme": None,
    }[kind]
    if path is None:
        data = {"schema_version": 1, "id": "p", "title": "P", "sprints": ["a", {"path": "b"}]}
    else:
        data = to_plain(load_yaml(Path(path)).data)
    assert list(validator.iter_errors(data)) == []
    data["unknown_key_x"] = 1
    assert any("unknown_key_x" in e.message for e in validator.iter_errors(data))


def test_schema_descriptions_flow_from_the_model(cli):
    schema = json.loads(cli("schema", "sprint").stdout)
    assert schema["properties"]["method"]["description"] == "Id of the method this sprint follows."
    hypothesis = schema["definitions"]["Hypothesis"]["properties"]
    assert hypothesis["criterion"]["description"] == "We are right if …"


def test_every_built_in_file_passes_its_own_schema(cli):
    """Editors using the schema must never flag a file sprintkit itself accepts."""
    import jsonschema

    from sprintkit.files.library import all_methods, all_workforms
    from sprintkit.files.yamlio import load_yaml, to_plain

    for kind, (found, problems) in (("method", all_methods()), ("workform", all_workforms())):
        assert problems == []
        validator = jsonschema.Draft7Validator(json.loads(cli("schema", kind).stdout))
        for item in found:
            data = to_plain(load_yaml(Path(item.path)).data)
            errors = [e.message for e in validator.iter_errors(data)]
            assert errors == [], (item.path, errors[:3])
