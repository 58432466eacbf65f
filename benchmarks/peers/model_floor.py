"""The floor under sprintkit's session commands: a two-command Typer app whose ``read`` command
does only what such a command must do with the libraries sprintkit is built on. It reads a
sprint.yaml with libyaml and validates it into sprintkit's pydantic model; ``--method`` also
reads and validates the sprint's built-in method (as ``status`` and ``team list`` do);
``--table`` prints the hypotheses as a rich table (as the reading commands print their
results, and as every command prints its messages: through rich), else one plain number.

No lock, no write, no messages, no sprintkit code but the model: what this costs above the
Typer app's ``--help`` is the part of a session command's ratio that sprintkit's own code cannot
remove."""

import os
import sys
from pathlib import Path

# As sprintkit's console script does before Typer parses the command line (Typer validates
# parameters with pydantic): no search for pydantic plugins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

import typer  # noqa: E402

app = typer.Typer(help="The floor under sprintkit's session commands.")


def _read(path: Path) -> object:
    import yaml

    return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


@app.command()
def read(folder: Path, method: bool = False, table: bool = False) -> None:
    """Read and validate FOLDER's sprint.yaml (and its method); print what it holds."""
    from sprintkit.model.sprint import Sprint

    sprint = Sprint.model_validate(_read(folder / "sprint.yaml"))
    phases = 0
    if method:
        import sprintkit
        from sprintkit.model.method import Method

        path = Path(sprintkit.__file__).parent / "methods" / f"{sprint.method}.yaml"
        phases = len(Method.model_validate(_read(path)).phases)
    if not table:
        sys.stdout.write(f"{len(sprint.hypotheses)} {phases}\n")
        return
    from rich.console import Console
    from rich.table import Table

    grid = Table("id", "statement", title=sprint.title)
    for hypothesis in sprint.hypotheses:
        grid.add_row(hypothesis.id, hypothesis.statement)
    Console().print(grid)


@app.command()
def other() -> None:
    """A second command, so Typer builds a group as for sprintkit."""


if __name__ == "__main__":
    app()
