"""The commands a facilitator types during a session, on the typical sprint, against the Typer
app's start-up (issue 21: each within 1.5× of it). ``evidence add`` writes the sprint, so it
gets a fresh copy before every run (untimed)."""

import shutil

from harness import Case, Command, Target, Workspace

ORDER = 25  # after validate (20), before report (30)

ISSUE = "issue 21"
LIMIT = 1.5


def cases(ws: Workspace) -> list[Case]:
    typical = ws.typical_sprint()
    scratch = ws.root / "session-scratch"

    def fresh_copy() -> None:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(typical, scratch)

    session = [
        ("sprintkit status", ("status", "-s", typical), None),
        ("sprintkit verdict", ("verdict", "-s", typical), None),
        ("sprintkit evidence add", ("evidence", "add", "H1", "--successes", "3", "--trials",
                                    "5", "--source", "bench", "--type", "behaviour",
                                    "-s", scratch), fresh_copy),
        ("sprintkit hypothesis list", ("hypothesis", "list", "-s", typical), None),
        ("sprintkit board", ("board", "-s", typical), None),
    ]
    return [Case(
        name="session",
        commands=[Command("typer app --help", ws.typer_app("--help")),
                  *(Command(label, ws.sprintkit(*argv), before=before)
                    for label, argv, before in session)],
        targets=[Target(label, "typer app --help", LIMIT, ISSUE, metric="cpu")
                 for label, _, _ in session],
        setup=lambda: ws.typical_sprint(make=True),
        runs=11, warmup=2,
        notes=["CPU time (user + system): the wall time of a shared machine varies more"],
    )]
