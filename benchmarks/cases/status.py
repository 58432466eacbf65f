"""Start-up: ``sprintkit status`` on a typical sprint beside the Typer app's start-up
(issue 10 asks for it to be measured; no issue sets a bound). ``status`` reads and checks the
sprint, finds its method and computes every verdict, which imports scipy."""

from harness import Case, Command, Workspace

ORDER = 15  # after startup (10), before validate (20)


def cases(ws: Workspace) -> list[Case]:
    return [Case(
        name="status",
        commands=[
            Command("typer app --help", ws.typer_app("--help")),
            Command("sprintkit status (typical sprint)",
                    ws.sprintkit("status", "-s", ws.typical_sprint())),
        ],
        setup=lambda: ws.typical_sprint(make=True),
        runs=15, warmup=2,
        notes=["no target: measured beside the Typer app, as issue 10 asks"],
    )]
