"""Reports: a big sprint (2,000 hypotheses with evidence, 500 learnings) to .docx against pandoc
turning the same content as Markdown into .docx, and the same at 4× the content (issue 6).

Charts are left out on both sides (``--no-charts``): pandoc draws none, and the Markdown pandoc
reads is the report ``sprintkit report --format md`` writes for the same sprint."""

from harness import Case, Command, Target, Workspace

ORDER = 30


def cases(ws: Workspace) -> list[Case]:
    one, four = ws.big_sprint(1), ws.big_sprint(4)
    out = ws.root / "report-out"
    markdown = out / "big-1x.md"

    def setup() -> None:
        out.mkdir(exist_ok=True)
        ws.big_sprint(1, make=True)
        ws.big_sprint(4, make=True)
        ws.run(ws.sprintkit("report", "-s", one, "--no-charts", "--format", "md",
                            "--out", markdown, "--force"))

    commands = [
        Command("sprintkit report 1× (.docx)",
                ws.sprintkit("report", "-s", one, "--no-charts", "--out", out / "sk-1x.docx",
                             "--force")),
        Command("sprintkit report 4× (.docx)",
                ws.sprintkit("report", "-s", four, "--no-charts", "--out", out / "sk-4x.docx",
                             "--force")),
    ]
    skipped = {}
    pandoc = ws.pandoc()
    if pandoc:
        commands.append(Command("pandoc 1× (.md → .docx)",
                                [pandoc, "--from", "gfm", str(markdown), "-o",
                                 str(out / "pandoc-1x.docx")]))
    else:
        skipped["pandoc 1× (.md → .docx)"] = (
            "pandoc is not installed (apt-get install pandoc, or see pandoc.org)")
    return [Case(
        name="report",
        commands=commands,
        targets=[
            Target("sprintkit report 1× (.docx)", "pandoc 1× (.md → .docx)", 1.0, "issue 6"),
            Target("sprintkit report 4× (.docx)", "sprintkit report 1× (.docx)", 4.5, "issue 6"),
        ],
        setup=setup, skipped=skipped, runs=3, warmup=1,
        notes=["charts left out on both sides; pandoc reads the Markdown sprintkit writes"],
    )]
