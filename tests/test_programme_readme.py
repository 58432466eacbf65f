"""The README section on programmes runs exactly as written: a
strategy → innovation → experiment chain with a derived hypothesis."""

from __future__ import annotations

import json
import shlex

from readme_support import blocks, console_steps, section


def test_readme_commands_run_as_written(cli, tmp_path, monkeypatch):
    text = section("Programmes: a chain of sprints with one aim")
    cwd = tmp_path
    monkeypatch.chdir(cwd)
    ran = 0
    outputs: dict[str, str] = {}
    for block in blocks(text, "console"):
        for command, expected in console_steps(block):
            argv = shlex.split(command, comments=True)  # as a shell reads it
            if argv[0] == "cd":
                cwd = cwd / argv[1]
                monkeypatch.chdir(cwd)
                continue
            assert argv[0] == "sprintkit"
            res = cli(*argv[1:])
            assert res.exit_code == 0, (command, res.output)
            ran += 1
            outputs[command] = res.stdout
            produced = {line.rstrip() for line in res.output.splitlines()}
            for line in expected:
                assert line in produced, (command, line, res.output)
    assert ran >= 18
    status = json.loads(outputs["sprintkit programme status --format json"])
    assert [s["id"] for s in status["sprints"]] == ["strategie", "innovatie", "experiment"]
    assert status["lineages"] == 1
    assert (cwd / "reports" / "traject-eindpresentatie.md").is_file()
    assert (cwd / "reports" / "traject-implementation-plan.docx").is_file()
