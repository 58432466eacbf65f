"""Values typed on the command line become the same Python values, and are refused with the same
message, with sprintkit's plain rules (``sprintkit.commands._coerce``) as with Typer's pydantic
adapters; and a command run does not build those adapters, nor look for pydantic plugins."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer._click import Context
from typer._coercion import build_runtime_param
from typer.main import get_command

from sprintkit.cli import app
from sprintkit.commands._coerce import PlainRuntimeParam, plain_runtime_param

TEXTS = ["abc", "", "  spaces  ", "Zoë → ✓", "-", "3", "--x"]
WHOLE = ["3", "-2", "0", "03", "+3", " 3", "3.0", "1_000", "x", "", "9" * 30, 7, True, 2.0]
DECIMALS = ["1.5", "2", "-0.25", ".5", "5.", "1e3", "nan", "inf", "1,5", "-0,25", "99999,5",
            "1,5,2", "1,", ",5", "x", "", 3, 2.5, True]
PATHS = ["a/b", "", ".", "~/x", "-", "sprint.yaml", "a\x00b", Path("x/y")]
FLAGS = [True, False, "true", "no", ""]


def _values(param: Any) -> list[Any]:
    annotation = param.type_descriptor.annotation
    inner = getattr(annotation, "__args__", (annotation,))[0]
    if inner is str:
        base = TEXTS
    elif inner is int:
        base = WHOLE
    elif inner is float:
        base = DECIMALS
    elif inner is bool:
        base = FLAGS
    elif inner is Path:
        base = PATHS
    elif isinstance(inner, type) and hasattr(inner, "__members__"):
        members = list(inner)
        base = [m.value for m in members] + [str(m.value).upper() for m in members]
        base += [members[0], "bogus", ""]
    else:
        raise AssertionError(f"a kind of parameter the test does not know: {annotation!r}")
    if getattr(annotation, "__origin__", None) is list:
        lists = [list(base[:3]), tuple(base[-3:]), base[0], []]
        if inner is float:  # decimal commas among others, and beside a refused value
            lists += [["1,5", "2,25"], ("1,5", "x"), "0,5"]
        return lists
    return base


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        result = runtime._coerce_value(value, param=param, ctx=ctx)
    except Exception as exc:  # noqa: BLE001 - the refusal itself is compared
        return ("refused", (type(exc).__name__, str(exc)))
    return ("value", (type(result), result if result == result else "nan"))


def _as_typed(value: Any, annotation: Any) -> Any:
    """What Typer's adapter is to be given for ``value``: a decimal typed with a comma (``1,5``)
    reads as one typed with a point, sprintkit's one rule of its own."""
    inner = getattr(annotation, "__args__", (annotation,))[0]
    if inner is not float:
        return value
    if isinstance(value, (list, tuple)):
        return type(value)(_as_typed(v, annotation) for v in value)
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+,[0-9]+", value):
        return value.replace(",", ".")
    return value


def _parameters() -> list[tuple[Any, Any]]:
    found = []

    def walk(command: Any) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for sub in subcommands.values():
                walk(sub)
            return
        for param in command.params:
            if hasattr(param, "type_descriptor"):
                found.append((command, param))

    walk(get_command(app))
    return found


def test_every_parameter_gets_the_same_value_or_refusal_as_with_typers_adapter():
    parameters = _parameters()
    plain = 0
    kinds = set()
    for command, param in parameters:
        descriptor = param.type_descriptor
        ours = plain_runtime_param(descriptor)
        if not isinstance(ours, PlainRuntimeParam):
            continue
        plain += 1
        kinds.add(repr(descriptor.annotation))
        typers = build_runtime_param(descriptor)
        ctx = Context(command)
        for value in _values(param):
            expected = _outcome(typers, _as_typed(value, descriptor.annotation), param, ctx)
            got = _outcome(ours, value, param, ctx)
            assert got == expected, (command.name, param.name, value)
    assert plain > 300  # nearly every parameter of the app takes the plain path
    assert {"<class 'str'>", "<class 'int'>", "<class 'float'>", "<class 'bool'>",
            "<class 'pathlib.Path'>", "list[str]", "list[float]"} <= kinds


def test_a_refused_value_reads_as_typers_own_message(cli, tmp_path: Path):
    """The plain rule leaves "3.5" to Typer's adapter, whose refusal is put in the language."""
    res = cli("evidence", "add", "H1", "--successes", "3.5", "--trials", "5", cwd=tmp_path)
    assert res.exit_code == 2
    assert "Ongeldige waarde voor '--successes': geef een geheel getal" in res.unwrapped


SCRIPT = textwrap.dedent("""
    import sys
    from sprintkit.cli import main
    sys.argv = ["sprintkit", *sys.argv[1:]]
    try:
        main()
    except SystemExit:
        pass
    print("LOADED", " ".join(m for m in ("typer._adapters", "importlib.metadata")
                              if m in sys.modules), file=sys.stderr)
""")


def _run(folder: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    return subprocess.run([sys.executable, "-c", SCRIPT, *argv], cwd=folder, text=True,
                          capture_output=True, env={**environ, **env}, timeout=120, check=False)


@pytest.fixture
def sprint(tmp_path: Path) -> Path:
    data = Path(__file__).parent / "data" / "report_sprint" / "sprint.yaml"
    (tmp_path / "sprint.yaml").write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_a_command_builds_no_adapter_and_reads_no_package_metadata(sprint: Path):
    res = _run(sprint, "evidence", "add", "H1", "--successes", "3", "--trials", "5",
               "--type", "behaviour")
    assert res.returncode == 0, res.stderr
    assert "bewijs E3 vastgelegd" in res.stderr
    assert res.stderr.strip().splitlines()[-1] == "LOADED"


def test_plugins_are_looked_for_when_the_user_switches_them_on(sprint: Path):
    res = _run(sprint, "status", PYDANTIC_DISABLE_PLUGINS="0")
    assert res.returncode == 0, res.stderr
    assert "importlib.metadata" in res.stderr.strip().splitlines()[-1]


def test_the_stand_in_loader_answers_as_pydantics_own():
    script = textwrap.dedent("""
        import os, sys
        from sprintkit.commands._standin import StandIn, skip_pydantic_plugin_search
        LOADER = "pydantic.plugin._loader"
        skip_pydantic_plugin_search()
        stand_in = sys.modules[LOADER]
        assert isinstance(stand_in, StandIn)
        os.environ["PYDANTIC_DISABLE_PLUGINS"] = "1"
        assert tuple(stand_in.get_plugins()) == ()
        import sprintkit.model.sprint
        assert "importlib.metadata" not in sys.modules
        del os.environ["PYDANTIC_DISABLE_PLUGINS"]
        ours = list(stand_in.get_plugins())
        import importlib
        real = importlib.import_module(LOADER)
        assert real is not stand_in
        assert ours == list(real.get_plugins())
        assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"
        print("ok")
    """)
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    res = subprocess.run([sys.executable, "-c", script], text=True, capture_output=True,
                         env=environ, timeout=120, check=False)
    assert res.stdout.strip() == "ok", res.stderr
