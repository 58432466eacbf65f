"""Start-up: ``sprintkit --help`` against a minimal two-command Typer app (issue 2)."""

from harness import Case, Command, Target, Workspace

ORDER = 10


def cases(ws: Workspace) -> list[Case]:
    return [Case(
        name="startup",
        commands=[
            Command("typer app --help", ws.typer_app("--help")),
            Command("sprintkit --help", ws.sprintkit("--help")),
            Command("sprintkit --version", ws.sprintkit("--version")),
        ],
        targets=[Target("sprintkit --help", "typer app --help", 1.1, "issue 2")],
        runs=21, warmup=3,
    )]
