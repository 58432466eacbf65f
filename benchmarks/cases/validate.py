"""Validation: a typical sprint against the Typer app's start-up (issue 2), and a large sprint
(2,000 hypotheses with evidence, 500 learnings; issue 10) for its time and memory."""

from harness import Case, Command, Target, Workspace

ORDER = 20


def cases(ws: Workspace) -> list[Case]:
    return [
        Case(
            name="validate",
            commands=[
                Command("typer app --help", ws.typer_app("--help")),
                Command("sprintkit validate (typical sprint)",
                        ws.sprintkit("validate", ws.typical_sprint())),
            ],
            setup=lambda: ws.typical_sprint(make=True),
            targets=[Target("sprintkit validate (typical sprint)", "typer app --help", 2.0,
                            "issue 2")],
            runs=15, warmup=2,
        ),
        Case(
            name="validate-large",
            commands=[
                Command("sprintkit validate (2,000 hypotheses)",
                        ws.sprintkit("validate", ws.big_sprint(1))),
            ],
            setup=lambda: ws.big_sprint(1, make=True),
            runs=5, warmup=1,
            notes=["no target: reported for its time and peak memory"],
        ),
    ]
