"""Stories: importing 100,000 fictional stories, and summarising them by perspective and theme
against a pandas script doing the same group-by from the same CSV (issue 8)."""

import importlib.util
import shutil

from harness import PEERS, Case, Command, Target, Workspace

ORDER = 40
COUNT = 100_000


def cases(ws: Workspace) -> list[Case]:
    base = ws.root / "stories"
    empty, imported, target = base / "empty", base / "imported", base / "import-target"
    csv = base / "stories.csv"

    def setup() -> None:
        base.mkdir(exist_ok=True)
        ws.run(ws.sprintkit("new", "story-cycle", empty, "--title", "Verhalen (benchmark)",
                            "--org", "Regio", "--no-input"))
        ws.run(ws.sprintkit("stories", "sample", "-s", empty, "--count", str(COUNT),
                            "--periods", "4", "--out", csv, "--force"))
        shutil.copytree(empty, imported)
        ws.run(ws.sprintkit("stories", "import", csv, "-s", imported))

    def fresh_target() -> None:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(empty, target)

    commands = [
        Command(f"sprintkit stories import ({COUNT:,})",
                ws.sprintkit("stories", "import", csv, "-s", target), before=fresh_target),
        Command("sprintkit stories summary --by perspective --by theme",
                ws.sprintkit("stories", "summary", "-s", imported, "--by", "perspective",
                             "--by", "theme")),
    ]
    skipped = {}
    pandas_label = "pandas script: same group-by from the CSV"
    if importlib.util.find_spec("pandas") is not None:
        commands.append(Command(pandas_label, ws.python(
            PEERS / "stories_pandas.py", csv, "--by", "perspective", "--by", "theme",
            "--choice", "emotion", "--choice", "theme", "--choice", "frequency",
            "--scale", "heard", "--triad", "what-mattered")))
    else:
        skipped[pandas_label] = "pandas is not installed (pip install -e '.[bench]')"
    return [Case(
        name="stories",
        commands=commands,
        targets=[Target("sprintkit stories summary --by perspective --by theme", pandas_label,
                        1.0, "issue 8")],
        setup=setup, skipped=skipped, runs=5, warmup=1,
        notes=[f"{COUNT:,} fictional stories from `sprintkit stories sample`, four half-years"],
    )]
