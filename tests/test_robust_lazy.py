"""Commands built on first use (``sprintkit.commands._lazy``) look and behave exactly as before.

The reference is the same app with ``make_lazy`` switched off, run in a subprocess: every
command's and group's help, a completion and a few runs must print the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import json, sys
    if sys.argv[1] == "eager":
        import sprintkit.commands._lazy as lazy
        lazy.make_lazy = lambda app: None
    from typer.main import get_command
    from sprintkit.cli import app
    import sprintkit.cli  # noqa

    def walk(group, prefix):
        yield prefix
        for name in group.list_commands(None):
            cmd = group.get_command(None, name)
            if hasattr(cmd, "list_commands"):
                yield from walk(cmd, prefix + [name])
            else:
                yield prefix + [name]

    if sys.argv[1] == "single":  # as main() runs a command line: only the command's module
        from sprintkit.cli import build_app, command_home

        def app_for(argv):
            home = command_home(argv)
            return build_app((home,)) if home else app
    else:
        def app_for(argv):
            return app

    runs = [argv + ["--help"] for argv in walk(get_command(app), [])]
    runs += [["methods", "list"], ["hypothesis", "ad"], ["stories", "summary", "--bogus"],
             ["validate", "/no/such/path"], ["verdict", "--format", "xml"]]
    out = {}
    from typer.testing import CliRunner
    for argv in runs:
        res = CliRunner().invoke(app_for(argv), argv, prog_name="sprintkit")
        out[" ".join(argv)] = [res.exit_code, res.stdout, res.stderr]
    print(json.dumps(out))
""")


def _outputs(mode: str) -> dict:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.slow  # three runs of every help (about a minute on two busy cores)
def test_every_help_and_error_is_the_same_as_without_laziness():
    eager, lazy, single = _outputs("eager"), _outputs("lazy"), _outputs("single")
    assert list(eager) == list(lazy) == list(single)
    assert len(eager) > 30  # every command and group of the app
    for argv in eager:
        assert lazy[argv] == eager[argv], argv
        assert single[argv] == eager[argv], argv


def test_every_top_level_command_has_its_module_in_the_table():
    from typer.main import get_command

    from sprintkit.cli import HOMES, MODULES, app, build_app

    assert set(get_command(app).list_commands(None)) == set(HOMES)
    for module in MODULES:
        names = get_command(build_app((module,))).list_commands(None)
        assert names and {HOMES[name] for name in names} == {module}, module


def test_a_command_line_names_its_module_only_after_the_roots_own_options():
    from sprintkit.cli import command_home

    assert command_home(["--debug", "status", "-s", "x"]) == "status"
    assert command_home(["key-file", "show"]) == "keyfile"
    assert command_home(["plan", "-s", "x"]) == "report"
    for args in (["-h", "status"], ["--help"], [], ["stat"], ["--", "status"]):
        assert command_home(args) is None, args


def test_a_command_line_imports_only_its_own_command_module(tmp_path):
    code = textwrap.dedent("""
        import sys
        sys.argv = ["sprintkit", "--debug", "status", "-s", sys.argv[1]]
        from sprintkit.cli import main
        try:
            main()
        except SystemExit:
            pass
        print(sorted(m for m in sys.modules if m.startswith("sprintkit.commands.")
                     and not m.startswith("sprintkit.commands._")))
    """)
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "nowhere")],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"},
                          timeout=120)
    assert "nowhere" in proc.stderr  # the status command ran (and said the folder is missing)
    assert proc.stdout.strip().splitlines()[-1] == "['sprintkit.commands.status']"


def test_root_help_builds_no_command_and_a_run_builds_only_its_own():
    code = textwrap.dedent("""
        from typer.main import get_command
        from sprintkit.cli import app
        from sprintkit.commands._lazy import LazyCommand, LazyGroup
        root = get_command(app)
        def built():
            names = []
            for name, cmd in root.commands.items():
                if isinstance(cmd, LazyCommand) and cmd.__dict__.get("_loaded"):
                    names.append(name)
                if isinstance(cmd, LazyGroup) and cmd.commands._build is None:
                    names.append(name + "/")
            return names
        try:
            root.main(["--help"], prog_name="sprintkit", standalone_mode=False)
        except SystemExit:
            pass
        print(built())
        root.main(["schema", "method"], prog_name="sprintkit", standalone_mode=False)
        print(built())
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100"}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith("[")]
    assert lines == ["[]", "['schema']"]


@pytest.mark.parametrize("argv", [["hypothesis", "list"], ["stories", "summary"]])
def test_commands_in_groups_still_run(cli, tmp_path, argv):
    res = cli(*argv, "-s", tmp_path / "nowhere")
    assert res.exit_code == 1
    assert "nowhere" in res.stderr and "Traceback" not in res.output


def test_version_comes_from_one_place():
    from importlib.metadata import version

    import sprintkit

    assert version("sprintkit") == sprintkit.__version__


def test_help_skips_rich_markdown_and_traceback_and_both_still_work():
    code = textwrap.dedent("""
        import sys
        from sprintkit.cli import app
        try:
            app(["--help"], prog_name="sprintkit")
        except SystemExit:
            pass
        print("markdown_it loaded:", "markdown_it" in sys.modules)
        print("pygments loaded:", "pygments" in sys.modules)
        from rich.console import Console
        from rich.markdown import Markdown
        Console(width=30, color_system=None).print(Markdown("# Kop\\n\\n*tekst*"))
        from rich.traceback import Traceback
        try:
            1 / 0
        except ZeroDivisionError as exc:
            shown = Traceback.from_exception(type(exc), exc, exc.__traceback__)
        Console(width=60, color_system=None).print(shown)
        import rich.markdown, rich.traceback
        print("real module:", hasattr(rich.markdown, "Heading"),
              hasattr(rich.traceback, "install"))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100"}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "markdown_it loaded: False" in proc.stdout
    assert "pygments loaded: False" in proc.stdout
    assert "Kop" in proc.stdout and "tekst" in proc.stdout
    assert "ZeroDivisionError" in proc.stdout
    assert "real module: True True" in proc.stdout
