"""The commands a facilitator types during a session, on the typical sprint, against the Typer
app's start-up (issue 21: each within 1.5× of it, in CPU time). The issue lists them: `status`,
`verdict`, `hypothesis add/list/show`, `evidence add`, `learn`, `action …`, `board`, `team …`,
`indicator record/list`. A command that writes the sprint gets its own fresh copy before every
run (untimed), so every run does the same work."""

import shutil
from collections.abc import Callable
from pathlib import Path

from harness import Case, Command, Ratio, Target, Workspace

ORDER = 25  # after validate (20), before report (30)

ISSUE = "issue 21"
LIMIT = 1.5
FLOOR = "model floor: sprint"
FLOOR_TABLE = "model floor: sprint, rich table"
FLOOR_METHOD = "model floor: sprint and method, rich table"

READS: list[tuple[str, tuple[str, ...]]] = [
    ("sprintkit status", ("status",)),
    ("sprintkit verdict", ("verdict",)),
    ("sprintkit hypothesis list", ("hypothesis", "list")),
    ("sprintkit hypothesis show", ("hypothesis", "show", "H1")),
    ("sprintkit board", ("board",)),
    ("sprintkit action list", ("action", "list")),
    ("sprintkit team list", ("team", "list")),
    ("sprintkit indicator list", ("indicator", "list")),
]

WRITES: list[tuple[str, tuple[str, ...]]] = [
    ("sprintkit hypothesis add", ("hypothesis", "add", "--statement",
                                  "Teamleiders openen het dashboard elke week.",
                                  "--target", ">=60%", "--metric", "aandeel teamleiders")),
    ("sprintkit evidence add", ("evidence", "add", "H1", "--successes", "3", "--trials", "5",
                                "--source", "bench", "--type", "behaviour")),
    ("sprintkit learn add", ("learn", "add", "H2", "--observed", "38 van de 40 navertellingen",
                             "--learned", "samen schrijven helpt", "--action", "invoeren",
                             "--decision", "adopt")),
    ("sprintkit action add", ("action", "add", "Tablets bestellen", "--owner", "Anna de Vries",
                              "--due", "2026-06-01")),
    ("sprintkit action move", ("action", "move", "A2", "doing")),
    ("sprintkit team add", ("team", "add", "Kees Bakker", "--role", "gezinsmanager")),
    ("sprintkit indicator record", ("indicator", "record", "I1", "--period", "2026-06",
                                    "--value", "75")),
]


def cases(ws: Workspace) -> list[Case]:
    typical = ws.typical_sprint()

    def fresh_copy(folder: Path) -> Callable[[], None]:
        def copy() -> None:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(typical, folder)
        return copy

    commands = [Command("typer app --help", ws.typer_app("--help")),
                Command("typer app hello", ws.typer_app("hello", "Anna")),
                Command(FLOOR, ws.model_floor("read", typical)),
                Command(FLOOR_TABLE, ws.model_floor("read", "--table", typical)),
                Command(FLOOR_METHOD, ws.model_floor("read", "--method", "--table", typical))]
    commands += [Command(label, ws.sprintkit(*argv, "-s", typical)) for label, argv in READS]
    for label, argv in WRITES:
        scratch = ws.root / "session-scratch" / label.split(" ", 1)[1].replace(" ", "-")
        commands.append(Command(label, ws.sprintkit(*argv, "-s", scratch),
                                before=fresh_copy(scratch)))
    return [Case(
        name="session",
        commands=commands,
        targets=[Target(label, "typer app --help", LIMIT, ISSUE, metric="cpu")
                 for label, _ in READS + WRITES],
        ratios=[
            Ratio("typer app hello", "typer app --help",
                  about="a Typer command that prints one line"),
            Ratio(FLOOR, "typer app --help",
                  about="a Typer command that reads the sprint with libyaml and validates it "
                        "into sprintkit's pydantic model, and nothing else"),
            Ratio(FLOOR_TABLE, "typer app --help",
                  about="the same, printing through rich, as every session command does: the "
                        "floor under them"),
            Ratio(FLOOR_METHOD, "typer app --help",
                  about="the same, also validating the method: the floor under `status` and "
                        "`team list`"),
        ],
        setup=lambda: ws.typical_sprint(make=True),
        runs=11, warmup=2,
        notes=["CPU time (user + system): the wall time of a shared machine varies more"],
    )]
