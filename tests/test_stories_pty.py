"""The story point in a real terminal: `sprintkit stories add` asks for the story, the
perspective and each signifier, re-asks a wrong answer, and stores the story pseudonymised."""

from __future__ import annotations

import json
import os
import sys

import pytest
from stories_support import make_sprint

pexpect = pytest.importorskip("pexpect")


def _spawn(args: list[str], cwd, home):
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), NO_COLOR="1", COLUMNS="100", TERM="dumb")
    return pexpect.spawn(sys.executable, ["-m", "sprintkit", *args], cwd=str(cwd), env=env,
                         encoding="utf-8", timeout=30)


@pytest.mark.pty
@pytest.mark.slow
def test_story_point_asks_everything(tmp_path, cli, monkeypatch):
    sprint = make_sprint(tmp_path / "sprint")
    home = tmp_path / "home"
    child = _spawn(["stories", "add", "-s", str(sprint), "--date", "2026-02-01"], tmp_path, home)
    child.expect("Vertel je verhaal")
    child.sendline("Ik belde met 06-12345678 en kreeg snel hulp.")
    child.sendline("Het voelde goed.")
    child.sendline("")
    child.expect("perspectief")
    child.sendline("2")  # Teamleden
    child.expect("Welke emotie")
    child.expect("Kies een nummer")
    child.sendline("1")
    child.expect("Over welk thema")
    child.expect("Kies een of meer nummers")
    child.sendline("1, 3")
    child.expect("Hoe tevreden")
    child.expect("getal van 1 tot 5")
    child.sendline("9")
    child.expect("past niet")  # asked again, the story is not lost
    child.sendline("4")
    child.expect("Waar lag de nadruk")
    child.sendline("")  # skipped
    child.expect("geciteerd")
    child.sendline("j")
    child.expect("verhaal 1 opgeslagen")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))  # the same key file
    res = cli("stories", "export", "-s", sprint, "--format", "json")
    (story,) = json.loads(res.stdout)
    assert story["perspective"] == "team" and story["period"] == "2026-H1"
    assert story["emotie"] == "blij" and story["thema"] == "wachttijd|veiligheid"
    assert story["tevreden"] == "4" and story["balans"] == "" and story["consent_quote"] == "yes"
    assert "[TELEFOON]" in story["text"] and "12345678" not in story["text"]
    assert "Het voelde goed." in story["text"]
