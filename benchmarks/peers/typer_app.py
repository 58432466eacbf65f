"""The minimal two-command Typer app that sprintkit's start-up is compared with."""

import typer

app = typer.Typer(help="A minimal two-command Typer app.")


@app.command()
def hello(name: str) -> None:
    """Say hello to NAME."""
    typer.echo(f"hello {name}")


@app.command()
def goodbye(name: str) -> None:
    """Say goodbye to NAME."""
    typer.echo(f"goodbye {name}")


if __name__ == "__main__":
    app()
