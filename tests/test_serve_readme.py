"""The README's section on live sessions says what the code does: the policy, the limits and
the stop times it quotes are the ones the server uses, and its command lines parse."""

from __future__ import annotations

import re
from pathlib import Path

from readme_support import section

from sprintkit.ops.live import NOTE_MAX, RATE
from sprintkit.web.security import CSP, MAX_BODY, MAX_STORY_BODY
from sprintkit.web.server import DEFAULT_HOURS, DEFAULT_PORT, MAX_HOURS

TITLE = "Live sessions: phones in the room (`serve`)"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_security_model_is_the_code():
    text = _flat(section(TITLE))
    quoted = re.search(r"Content-Security-Policy \(`([^`]+)`\)", text)
    assert quoted is not None
    assert CSP.startswith(quoted.group(1))  # the README leaves out only base-uri
    assert f"a request body over {MAX_BODY // 1024} KiB ({MAX_STORY_BODY // 1024} KiB" in text
    assert "is refused (413)" in text
    assert f"a note over {NOTE_MAX} characters" in text
    assert f"a burst of {RATE[0]}, then one every {int(1 / RATE[1])} seconds" in text
    assert f"**{DEFAULT_HOURS} hours after the start**" in text
    assert f"at most {MAX_HOURS} hours ahead" in text
    assert f"(default {DEFAULT_PORT})" in text


def test_the_commands_shown_parse(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [line[2:] for line in section(TITLE).splitlines() if line.startswith("$ sprintkit")]
    assert len(lines) == 3
    for line in lines:
        result = cli(*line.split()[1:])
        assert result.exit_code == 1, (line, result.output)  # no sprint here: not a usage error
        assert "sprint" in result.stderr


def test_the_command_uses_the_servers_defaults():
    import inspect

    from sprintkit.commands.serve import serve

    defaults = {k: v.default for k, v in inspect.signature(serve).parameters.items()}
    assert defaults["port"] == DEFAULT_PORT
    assert defaults["host"] == "127.0.0.1"
    assert defaults["until"] is None


def test_status_lists_the_live_sessions(cli, tmp_path):
    from serve_support import copy_example

    folder = copy_example(tmp_path)
    path = folder / "sprint.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "live_sessions:\n"
        "  - {started: 2023-02-07T13:05:00, ended: 2023-02-07T14:20:00, participants: 42,\n"
        "     notes: 0, dots: 126, scores: 0}\n"), encoding="utf-8")
    shown = cli("status", "-s", str(folder))
    assert shown.exit_code == 0, shown.output
    assert ("Live sessie 7 februari 2023, 13:05–14:20: 42 deelnemers, 0 briefjes, 126 stippen"
            in " ".join(shown.stdout.split()))
    data = cli("status", "-s", str(folder), "--format", "json")
    import json

    assert json.loads(data.stdout)["live_sessions"] == [{
        "started": "2023-02-07T13:05:00", "ended": "2023-02-07T14:20:00", "participants": 42,
        "notes": 0, "dots": 126, "scores": 0, "stories": 0}]
    bad = path.read_text(encoding="utf-8").replace("participants: 42", "participants: -1")
    path.write_text(bad, encoding="utf-8")
    assert cli("status", "-s", str(folder)).exit_code == 1  # validated like the rest


def test_the_examples_show_a_session_that_parses():
    """The co-creation and story-cycle examples show `serve` on their own folder; the command
    line is one the program takes (parsed, not started: it would wait for phones)."""
    import shlex

    import typer

    from sprintkit.cli import app

    root = Path(__file__).resolve().parent.parent
    command = typer.main.get_command(app)
    for name in ("zuid-limburg-co-creation", "foodvalley-stories"):
        text = (root / "examples" / name / "README.md").read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.startswith("sprintkit serve")]
        assert len(lines) == 1, name
        argv = shlex.split(lines[0])[1:]
        assert argv[argv.index("-s") + 1] == f"examples/{name}"
        assert (root / "examples" / name / "sprint.yaml").is_file()
        with command.make_context("sprintkit", argv, resilient_parsing=False) as ctx:
            sub = ctx.command.get_command(ctx, argv[0])  # type: ignore[attr-defined]
            assert sub is not None
            sub.make_context("serve", argv[1:], parent=ctx)
