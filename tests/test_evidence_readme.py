"""The README section on evidence runs exactly as written."""

from __future__ import annotations

import shlex

from evidence_support import ok
from readme_support import blocks, console_steps, section


def test_readme_commands_run_as_written(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    text = section("Hypotheses, evidence and honest verdicts")
    cwd = tmp_path
    monkeypatch.chdir(cwd)
    csv_text = "\n".join(blocks(text, "text")[0]) + "\n"
    ran = 0
    for block in blocks(text, "console"):
        for command, expected in console_steps(block):
            argv = shlex.split(command)
            if argv[0] == "cd":
                cwd = cwd / argv[1]
                monkeypatch.chdir(cwd)
                (cwd / "wachttijden.csv").write_text(csv_text, encoding="utf-8")
                continue
            target = None
            if ">" in argv:
                target = cwd / argv[argv.index(">") + 1]
                argv = argv[: argv.index(">")]
            assert argv[0] == "sprintkit"
            res = cli(*argv[1:])
            ok(res)
            ran += 1
            if target is not None:
                target.write_text(res.stdout, encoding="utf-8")
            produced = {line.rstrip() for line in res.output.splitlines()}
            for line in expected:
                assert line in produced, (command, line, res.output)
    assert ran >= 12
    assert (cwd / "hypothesen.csv").read_text(encoding="utf-8").startswith("hypothesis,")
