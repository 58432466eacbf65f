"""`sprintkit key-file`: the key file of any sprint (story cycle or not) — where it is, how many
people it lists (never who), created on request outside the sprint folder and private."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from run_support import make_sprint
from stories_support import make_sprint as make_story_sprint

from sprintkit import api


def _json(res) -> dict:
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_a_sprint_without_stories_gets_a_key_file(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")  # experiment sprint: no story perspectives
    shown = _json(cli("key-file", "-s", sprint, "--format", "json"))
    path = Path(shown["path"])
    assert shown == {"path": str(path), "exists": False, "created": False, "names": 0,
                     "warnings": []}
    assert not path.exists()
    res = cli("key-file", "-s", sprint)
    assert res.exit_code == 0 and res.stdout.strip() == str(path)
    assert "key-file --create" in " ".join(res.stderr.split())

    created = _json(cli("key-file", "-s", sprint, "--create", "--format", "json"))
    assert created["created"] is True and created["exists"] is True
    assert path.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))
    assert not path.is_relative_to(sprint)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_bytes()
    again = _json(cli("key-file", "-s", sprint, "--create", "--format", "json"))
    assert again["created"] is False and path.read_bytes() == before  # never overwritten


def test_names_are_counted_never_shown(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    path = Path(_json(cli("key-file", "-s", sprint, "--create", "--format", "json"))["path"])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("Jan de Vries | Jan | J. de Vries\nFatima El Amrani = moeder-A\n")
    res = cli("key-file", "-s", sprint)
    assert res.exit_code == 0
    assert "2 personen in de lijst" in res.stderr
    for name in ("Jan", "Vries", "Fatima", "moeder-A"):
        assert name not in res.output
    assert _json(cli("key-file", "-s", sprint, "--format", "json"))["names"] == 2
    assert api.key_file(sprint=sprint)["names"] == 2


def test_stories_key_file_is_the_same_file_and_no_longer_refuses(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    res = cli("stories", "key-file", "-s", sprint, "--format", "json")
    shown = _json(res)
    assert shown["created"] is True  # as before: the stories command creates it
    assert _json(cli("key-file", "-s", sprint, "--format", "json"))["path"] == shown["path"]
    story = make_story_sprint(tmp_path / "verhalen")
    assert (_json(cli("stories", "key-file", "-s", story, "--format", "json"))["path"]
            == _json(cli("key-file", "-s", story, "--format", "json"))["path"])


def test_key_file_set_in_sprint_yaml(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    yaml_file = sprint / "sprint.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "key_file: ../namen.txt\n",
                         encoding="utf-8")
    shown = _json(cli("key-file", "-s", sprint, "--create", "--format", "json"))
    assert Path(shown["path"]).resolve() == (tmp_path / "namen.txt").resolve()
    assert (tmp_path / "namen.txt").exists() and shown["warnings"] == []
    # the older place, stories.key_file, is still read; key_file wins over it
    other = make_sprint(tmp_path / "t")
    text = other.joinpath("sprint.yaml").read_text(encoding="utf-8")
    other.joinpath("sprint.yaml").write_text(text + "stories:\n  key_file: binnen.txt\n",
                                             encoding="utf-8")
    res = cli("key-file", "-s", other, "--create")
    assert res.stdout.strip().endswith("binnen.txt")
    assert "in de sprintmap" in " ".join(res.stderr.split())


def test_no_sprint_is_a_clear_error(cli, tmp_path):
    res = cli("key-file", "-s", tmp_path / "nergens")
    assert res.exit_code == 1
    assert "Traceback" not in res.output
