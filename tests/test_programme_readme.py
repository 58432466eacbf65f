"""The README section on programmes (docs/readme/programme.md) runs exactly as written: a
strategy → innovation → experiment chain with a derived hypothesis."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from test_evidence_readme import _steps

DOC = Path(__file__).resolve().parent.parent / "docs" / "readme" / "programme.md"


def test_readme_commands_run_as_written(cli, tmp_path, monkeypatch):
    text = DOC.read_text(encoding="utf-8")
    cwd = tmp_path
    monkeypatch.chdir(cwd)
    ran = 0
    outputs: dict[str, str] = {}
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for command, expected in _steps(block.splitlines()):
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
