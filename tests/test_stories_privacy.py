"""Privacy of stories, each promise tested: pseudonymised on entry, key file apart and private,
small cells hidden, quotes only with consent, no story text in errors, purge really deletes."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from stories_support import balanced_rows, csv_text, make_sprint, row

from sprintkit.files.sprintfile import load_sprint
from sprintkit.ops.storyviews import story_section

IDENTIFYING = [
    "Annelies Bakker", "Bakker", "annelies.bakker@voorbeeld.nl", "06-12345678", "6711 AB",
    "111222333", "Mo",
]
STORY = ("Annelies Bakker (annelies.bakker@voorbeeld.nl, 06-12345678) woont op 6711 AB, "
         "bsn 111222333. Haar zoon Mo kreeg snel hulp.")


@pytest.fixture
def sprint(tmp_path):
    return make_sprint(tmp_path / "sprint")


def _key_path(cli, sprint) -> Path:
    res = cli("stories", "key-file", "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    return Path(json.loads(res.stdout)["path"])


def _with_names(cli, sprint, *lines: str) -> Path:
    path = _key_path(cli, sprint)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def _raw_files(sprint: Path) -> bytes:
    """Every byte sprintkit left in the sprint folder (database, journals, anything else)."""
    data = b""
    for path in sprint.rglob("*"):
        if path.is_file():
            data += path.read_bytes()
    return data


def _import(cli, sprint, tmp_path, rows, *extra):
    path = tmp_path / "in.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    res = cli("stories", "import", path, "-s", sprint, *extra)
    assert res.exit_code == 0, res.stderr
    path.unlink()  # the source file is the user's; only what sprintkit keeps is checked
    return res


def test_key_file_outside_sprint_folder_and_private(cli, sprint, tmp_path):
    path = _key_path(cli, sprint)
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert path.is_relative_to(data_home)
    assert not path.is_relative_to(sprint)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "secret:" in path.read_text()
    res = cli("stories", "key-file", "-s", sprint)
    assert res.stdout.strip() == str(path)


def test_key_file_inside_sprint_folder_warns(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s", "stories:\n  key_file: namen.txt\n")
    res = cli("stories", "key-file", "-s", sprint)
    assert (sprint / "namen.txt").exists()
    assert "in de sprintmap" in " ".join(res.stderr.split())


def test_loose_key_file_permissions_warn(cli, sprint):
    path = _key_path(cli, sprint)
    path.chmod(0o644)
    res = cli("stories", "key-file", "-s", sprint)
    assert "door anderen te lezen" in " ".join(res.stderr.split())


def test_identifiers_never_stored(cli, sprint, tmp_path):
    _with_names(cli, sprint, "Annelies Bakker | Annelies", "Mo = zoon-1")
    res = _import(cli, sprint, tmp_path, [row(text=STORY)] + [row()] * 5, "--format", "json")
    replaced = json.loads(res.stdout)["replaced"]
    assert replaced == {"name": 2, "email": 1, "phone": 1, "postcode": 1, "bsn": 1}
    raw = _raw_files(sprint)
    for secret in IDENTIFYING:
        assert secret.encode() not in raw, secret
    export = cli("stories", "export", "-s", sprint).stdout
    assert "zoon-1" in export and "[E-MAIL]" in export and "[NAAM-" in export
    for secret in IDENTIFYING:
        assert secret not in export
    added = cli("stories", "add", "-s", sprint, "--text", "Bel Annelies op 0612345678",
                "--perspective", "ouders", "--format", "json")
    assert json.loads(added.stdout)["replaced"] == {"name": 1, "phone": 1}
    assert b"0612345678" not in _raw_files(sprint)


def test_keep_identifiers_stores_as_given_with_warning(cli, sprint, tmp_path):
    res = _import(cli, sprint, tmp_path, [row(text=STORY)] * 5, "--keep-identifiers")
    assert "NIET vervangen" in " ".join(res.stderr.split())
    assert b"annelies.bakker@voorbeeld.nl" in _raw_files(sprint)


def test_key_file_never_in_exports_or_reports(cli, sprint, tmp_path):
    key = _with_names(cli, sprint, "Annelies Bakker")
    secret = next(line.split(":", 1)[1].strip() for line in key.read_text().splitlines()
                  if line.startswith("secret:"))
    _import(cli, sprint, tmp_path, [row(text=STORY, consent="ja")] * 6)
    outputs = [
        cli("stories", "export", "-s", sprint).stdout,
        cli("stories", "export", "-s", sprint, "--format", "json").stdout,
        cli("stories", "summary", "-s", sprint, "--format", "json").stdout,
        json.dumps(story_section(load_sprint(sprint), "nl")),
    ]
    html = tmp_path / "d.html"
    assert cli("stories", "dashboard", "-s", sprint, "--out", html).exit_code == 0
    outputs.append(html.read_text())
    for text in outputs:
        assert secret not in text
        assert str(key) not in text
        assert "Annelies" not in text and "Bakker" not in text


def test_small_cells_hidden_everywhere(cli, sprint, tmp_path):
    rows = balanced_rows({"2025-03-01": 20}, emotie="blij")
    rows += balanced_rows({"2025-03-02": 2}, emotie="verdrietig", perspective="team")
    rows += balanced_rows({"2025-09-01": 20}, emotie="blij")
    rows += balanced_rows({"2025-09-02": 2}, emotie="verdrietig", perspective="team")
    rows += balanced_rows({"2025-09-03": 10}, emotie="boos", perspective="sociaal-team")
    _import(cli, sprint, tmp_path, rows)
    summary = json.loads(cli("stories", "summary", "-s", sprint, "--by", "perspective",
                             "--format", "json").stdout)
    emotie = next(s for s in summary["signifiers"] if s["id"] == "emotie")
    assert emotie["columns"]["team"]["n"] is None
    assert emotie["columns"]["team"]["shown"]["verdrietig"] == "*"
    # overall: 4 'verdrietig' hidden, so a cell beside it is hidden too (no subtraction)
    assert emotie["columns"][""]["shown"] == {"blij": "40", "boos": "*", "verdrietig": "*",
                                              "neutraal": "0"}
    # team (4 stories) hidden; sociaal-team hidden too, or team = total - the others
    groups = {g["key"]: g["shown"] for g in summary["groups"]}
    assert groups == {"": "54", "ouders": "40", "team": "*", "sociaal-team": "*"}
    assert emotie["columns"]["ouders"]["counts"]["blij"] == 40
    assert summary["disclosure"]["audit"] == "passed"
    text = cli("stories", "summary", "-s", sprint, "--by", "perspective").stdout
    assert "│          * │" in text

    shifts = json.loads(cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to",
                            "2025-H2", "--format", "json").stdout)
    emotie = next(s for s in shifts["signifiers"] if s["id"] == "emotie")
    cells = {a["id"]: a for a in emotie["answers"]}
    assert cells["verdrietig"]["from"] == {"count": None, "shown": "*", "share": None}
    assert cells["verdrietig"]["difference"] is None
    team = json.loads(cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to",
                          "2025-H2", "--perspective", "team", "--format", "json").stdout)
    assert all(s["test"]["reason"] == "too_few" for s in team["signifiers"])

    section = story_section(load_sprint(sprint), "nl")
    by_p = next(s for s in section["by_perspective"]["signifiers"] if s["id"] == "emotie")
    assert by_p["columns"]["team"]["counts"]["verdrietig"] is None

    # a configured threshold is respected
    (sprint / "sprint.yaml").write_text((sprint / "sprint.yaml").read_text()
                                        + "stories:\n  min_cell: 25\n")
    summary = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    emotie = next(s for s in summary["signifiers"] if s["id"] == "emotie")
    assert emotie["columns"]["2025-H1"]["shown"]["blij"] == "*"
    assert summary["min_cell"] == 25


def test_quotes_only_with_consent(cli, sprint, tmp_path):
    rows = [row(text="Toestemming gegeven verhaal.", consent="ja")] * 3
    rows += [row(text="Geheim verhaal zonder toestemming.", consent="nee")] * 5
    _import(cli, sprint, tmp_path, rows)
    section = story_section(load_sprint(sprint), "nl")
    assert section["quotes"] and all(q["text"] == "Toestemming gegeven verhaal."
                                     for q in section["quotes"])
    html = tmp_path / "d.html"
    cli("stories", "dashboard", "-s", sprint, "--out", html)
    page = html.read_text()
    assert "Toestemming gegeven verhaal." in page
    assert "Geheim verhaal zonder toestemming." not in page
    res = cli("stories", "dashboard", "-s", sprint, "--out", html, "--quotes", "0", "--force")
    assert res.exit_code == 0, res.output
    assert "Toestemming gegeven verhaal." not in html.read_text()


def test_quotes_not_from_small_groups(cli, sprint, tmp_path):
    rows = [row(text="Klein groepje verhaal.", consent="ja", perspective="team")] * 2
    rows += [row(consent="nee")] * 6
    _import(cli, sprint, tmp_path, rows)
    assert story_section(load_sprint(sprint), "nl")["quotes"] == []


def test_quotes_pseudonymised_on_the_way_out(cli, sprint, tmp_path):
    _with_names(cli, sprint, "Annelies Bakker")
    _import(cli, sprint, tmp_path, [row(text=STORY, consent="ja")] * 5, "--keep-identifiers")
    (quote, *_) = story_section(load_sprint(sprint), "nl")["quotes"]
    for secret in IDENTIFYING[:-1]:
        assert secret not in quote["text"]


def test_errors_never_echo_story_text(cli, sprint, tmp_path):
    secret = "Annelies vertelde over de uithuisplaatsing van haar dochter"
    rows = [row(text=secret, emotie="woest"), row(text=secret, perspective="buren"),
            row(emotie=secret)]
    path = tmp_path / "bad.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 1
    assert "Annelies" not in res.output and "uithuisplaatsing" not in res.output
    assert "niet getoond" in res.output
    res = cli("stories", "add", "-s", sprint, "--text", secret, "--perspective", "buren")
    assert res.exit_code == 1
    assert "Annelies" not in res.output


def test_database_is_private(cli, sprint, tmp_path):
    _import(cli, sprint, tmp_path, [row()] * 5)
    assert stat.S_IMODE((sprint / "stories.db").stat().st_mode) == 0o600


def test_purge_by_id_really_deletes(cli, sprint, tmp_path):
    rows = [row(text=f"Gewoon verhaal nummer {i}.") for i in range(30)]
    rows[11] = row(text="UNIEK-VERHAAL-dat-weg-moet " * 20)
    _import(cli, sprint, tmp_path, rows)
    assert b"UNIEK-VERHAAL-dat-weg-moet" in _raw_files(sprint)
    res = cli("stories", "purge", "-s", sprint, "--id", "12")
    assert res.exit_code == 1 and "--yes" in res.stderr  # no terminal: never silently
    res = cli("stories", "purge", "-s", sprint, "--id", "12", "--yes", "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == {"deleted": 1, "remaining": 29, "ids": [12],
                                      "period": None}
    raw = _raw_files(sprint)
    assert b"UNIEK-VERHAAL" not in raw
    assert b"Gewoon verhaal nummer 29." in raw
    leftovers = [p.name for p in sprint.iterdir() if p.name.startswith("stories.db")]
    assert leftovers == ["stories.db"]  # no -journal or -wal left behind
    res = cli("stories", "purge", "-s", sprint, "--id", "12", "--id", "13", "--yes")
    assert res.exit_code == 1 and "geen verhaal met id 12; er is niets verwijderd" in res.stderr
    assert b"nummer 12." in _raw_files(sprint)


def test_purge_by_period(cli, sprint, tmp_path):
    rows = [row(date="2025-03-01", text="VOORJAARSVERHAAL")] * 6
    rows += [row(date="2025-09-01", text="NAJAARSVERHAAL")] * 6
    _import(cli, sprint, tmp_path, rows)
    res = cli("stories", "purge", "-s", sprint, "--period", "2025-H1", "--yes")
    assert res.exit_code == 0, res.stderr
    raw = _raw_files(sprint)
    assert b"VOORJAARSVERHAAL" not in raw and b"NAJAARSVERHAAL" in raw
    summary = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    assert summary["total_stories"] == 6
    assert cli("stories", "purge", "-s", sprint, "--yes").exit_code == 2


def test_the_whole_corpus_through_a_story_import(cli, sprint, tmp_path):
    """Every way found to slip a name or number past the pseudonymiser, imported as stories
    with the README's key-file line: none of it is stored, and nothing around it is lost."""
    from ruamel.yaml import YAML

    corpus = YAML(typ="safe").load(
        (Path(__file__).parent / "data" / "pseudonymise_corpus.yaml").read_text(encoding="utf-8"))
    _with_names(cli, sprint, *corpus["key_file"].splitlines())
    cases = [c for c in corpus["cases"] if not c.get("same")]
    _import(cli, sprint, tmp_path, [row(text=c["text"]) for c in cases])
    stored = json.loads(cli("stories", "export", "-s", sprint, "--format", "json").stdout)
    assert len(stored) == len(cases)
    for case, story in zip(cases, sorted(stored, key=lambda s: s["id"]), strict=True):
        for gone in case.get("gone", []):
            assert gone not in story["text"], (case["text"], story["text"])
        for kept in case.get("kept", []):
            assert " ".join(kept.split()) in " ".join(story["text"].split()), case["text"]
