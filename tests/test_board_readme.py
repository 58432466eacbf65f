"""The README section on indicators, the team, actions and the board
runs exactly as written: every command succeeds or fails as shown, and every output line shown
is produced."""

from __future__ import annotations

import shlex

from readme_support import blocks, console_steps, section


def test_readme_commands_run_as_written(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # long messages on one line, as the README shows them
    text = section("Indicators, the team and the action board")
    cwd = tmp_path
    monkeypatch.chdir(cwd)
    ran = refused = 0
    for block in blocks(text, "console"):
        for command, expected in console_steps(block):
            argv = shlex.split(command)
            if argv[0] == "cd":
                cwd = cwd / argv[1]
                monkeypatch.chdir(cwd)
                continue
            target = None
            if ">" in argv:
                target = cwd / argv[argv.index(">") + 1]
                argv = argv[: argv.index(">")]
            assert argv[0] == "sprintkit"
            res = cli(*argv[1:])
            shows_error = any(line.startswith(("error:", "fout:")) for line in expected)
            assert res.exit_code == (1 if shows_error else 0), (command, res.output)
            refused += shows_error
            ran += 1
            if target is not None:
                target.write_text(res.stdout, encoding="utf-8")
            produced = {line.rstrip() for line in res.output.splitlines()}
            for line in expected:
                assert line in produced, (command, line, res.output)
    assert ran >= 25 and refused == 2
    assert (cwd / "bord.json").read_text(encoding="utf-8").startswith("{")
    assert '"uhp"' in (cwd / "indicatoren.json").read_text(encoding="utf-8")
