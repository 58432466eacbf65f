"""Writing a big sprint (issue 21): `sprintkit evidence add` on a 1.6 MB sprint.yaml (2,300
hypotheses with evidence, 575 learnings) must take at most 2 s. The bound is held as a ratio to
the Typer app's start-up measured in the same run, in CPU time (a shared machine's wall time
varies more): 2 s is 9× the 222 ms that start-up took on the quiet two-core machine of the
other figures; the absolute times are in the measurements table. `sprintkit validate` of the
same file is measured beside it (reading without writing). Every write gets a fresh copy
(untimed)."""

import shutil

from harness import Case, Command, Target, Workspace

ORDER = 27  # after session (25), before report (30)

HYPOTHESES, LEARNINGS = 2300, 575  # 1.59 MB as benchmarks/bigsprint.py writes it
LIMIT = 9.0  # 2 s / 222 ms


def cases(ws: Workspace) -> list[Case]:
    source = ws.root / "write-1.6mb"
    scratch = ws.root / "write-scratch"

    def make() -> None:
        if not (source / "sprint.yaml").is_file():
            from bigsprint import write_big_sprint

            write_big_sprint(source, HYPOTHESES, LEARNINGS)

    def fresh_copy() -> None:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(source, scratch)

    write = "sprintkit evidence add (1.6 MB sprint)"
    return [Case(
        name="write",
        commands=[
            Command("typer app --help", ws.typer_app("--help")),
            Command("sprintkit validate (1.6 MB sprint)", ws.sprintkit("validate", source)),
            Command(write, ws.sprintkit("evidence", "add", "H1", "--successes", "3", "--trials",
                                        "5", "--source", "bench", "--type", "behaviour",
                                        "-s", scratch), before=fresh_copy),
        ],
        targets=[Target(write, "typer app --help", LIMIT, "issue 21: ≤ 2 s per write",
                        metric="cpu")],
        setup=make,
        runs=7, warmup=1,
        notes=["CPU time (user + system): the wall time of a shared machine varies more; the "
               "absolute figures are in the measurements table"],
    )]
