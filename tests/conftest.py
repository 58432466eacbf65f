"""Test isolation: no real HOME or config folders, no colour, a fixed width, no network."""

from __future__ import annotations

import os
import shlex
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    monkeypatch.setenv("LANG", "C.UTF-8")  # messages follow the sprint, else Dutch (i18n)
    for var in ("SPRINTKIT_DEBUG", "FORCE_COLOR", "CI_ANSWERS", "SPRINTKIT_LANG", "LC_ALL",
                "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    from sprintkit import i18n
    from sprintkit.ui import console

    console.reset()
    i18n.reset()  # no language left over from an earlier test's sprint
    return home


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open an internet socket fails the test (local UNIX sockets are allowed)."""

    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"a test tried to reach the network: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    @property
    def unwrapped(self) -> str:
        """stderr without the line breaks the fixed width put in: a message holding a temporary
        path wraps at a different word in every test run (and under pytest-xdist)."""
        return self.stderr.replace("\n", "")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """Run the real ``sprintkit`` app in-process: ``cli("validate", "x")`` or ``cli("validate x")``.

    stdin is not a terminal, so commands behave as they do in CI."""
    from typer.testing import CliRunner

    from sprintkit.cli import app
    from sprintkit.ui import console

    def run(
        *args: str | os.PathLike[str], input: str | None = None, cwd: Path | None = None
    ) -> Result:
        argv = [str(a) for a in args]
        if len(argv) == 1 and " " in argv[0]:
            argv = shlex.split(argv[0])
        console.reset()
        runner = CliRunner()
        if cwd is not None:
            monkeypatch.chdir(cwd)
        res = runner.invoke(app, argv, input=input, catch_exceptions=False, prog_name="sprintkit")
        console.reset()
        return Result(res.exit_code, res.stdout, res.stderr)

    return run


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system Chromium through Playwright (skips without them; fails under CI=1)."""
    import browser_support

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_support.missing("Playwright is not installed (pip install -e '.[test]')")
    if browser_support.CHROMIUM is None:
        browser_support.missing("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=browser_support.CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def axe_script() -> str:
    """axe-core's script from .cache/axe."""
    import browser_support

    browser_support.axe_missing()
    return browser_support.AXE.read_text(encoding="utf-8")
