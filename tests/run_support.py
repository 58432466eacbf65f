"""Helpers for the walkthrough tests: sprints, a scripted person, and valid answers for any
method (one value per output type)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sprintkit.ops.run import Ask, Reply

SPRINT = """\
# yaml-language-server: $schema=.sprintkit/sprint.schema.json
# Onze sprint — met de hand geschreven.
schema_version: 1
id: {id}
title: 'Veiligheidsformat'   # enkele aanhalingstekens blijven staan
method: {method}
language: {lang}
organisation: "Jeugdbescherming Regio"
context:
  challenge: Sneller een veilig plan
  # de rest volgt later
phases: {{}}
"""


def make_sprint(folder: Path, method: str = "experiment-sprint", lang: str = "nl",
                sid: str = "demo") -> Path:
    """A sprint folder with a hand-written, commented sprint.yaml; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sprint.yaml").write_text(SPRINT.format(id=sid, method=method, lang=lang),
                                        encoding="utf-8")
    return folder


def value_for(spec: Any, answers: dict[str, Any], n: int = 0) -> Any:
    """A valid answer for ``spec`` in the shape an answers file uses."""
    kind = spec.type
    if kind in ("text", "multiline"):
        return f"Antwoord op {spec.id}"
    if kind == "list":
        return [f"{spec.id} punt {i}" for i in (1, 2, 3)]
    if kind == "choice":
        return spec.choices[-1].id if spec.default is None else spec.default
    if kind == "multichoice":
        return [c.id for c in spec.choices[:2]]
    if kind in ("number", "integer"):
        low = spec.min if spec.min is not None else 1
        return int(low) + 1 if spec.max is None or spec.max > low else int(low)
    if kind == "date":
        return "2026-03-02"
    if kind == "bool":
        return True
    items = answers.get(spec.items_from, [])
    if kind == "dot_vote":
        return {item: len(items) - i for i, item in enumerate(items)}
    if kind == "impact_effort":
        return {item: {"impact": 5 - i % 5, "effort": 1 + i % 5} for i, item in enumerate(items)}
    if kind == "hypotheses":
        return [{"statement": f"Kaart {n} bij {spec.id}", "risk": "desirability",
                 "metric": "aandeel ja", "target": ">=70%",
                 "criterion": "ten minste 70% zegt ja"}]
    raise AssertionError(kind)


def answers_for(method: Any) -> dict[str, dict[str, Any]]:
    """Answers for every output of ``method`` whose ``when`` holds along the way."""
    from sprintkit.engine.progress import applies

    flat: dict[str, Any] = {}
    result: dict[str, dict[str, Any]] = {}
    for phase in method.phases:
        for n, spec in enumerate(phase.outputs):
            if not applies(spec, flat):
                continue
            value = value_for(spec, flat, n)
            flat[spec.id] = value
            result.setdefault(phase.id, {})[spec.id] = value
    return result


class Person:
    """A scripted person for :func:`run_walkthrough`: each entry of ``script`` answers one
    prompt — a Reply, a plain value (an answer), or a callable that gets the Ask."""

    def __init__(self, script: list[Any], *, conflict: bool = True,
                 on_blocked: Callable[[Any], None] | None = None,
                 take_open: bool = False) -> None:
        self.script = list(script)
        self.offers: list[list[tuple[str, bool]]] = []
        self.criteria: list[tuple[str, list[str] | None]] = []
        self.take_open = take_open
        self.asked: list[tuple[str, Any, str | None]] = []
        self.problems: list[str] = []
        self.entered: list[tuple[str, bool]] = []
        self.closures: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.blocked_errors: list[Any] = []
        self.conflicts: list[tuple[Any, Any]] = []
        self.use_mine = conflict
        self.on_blocked = on_blocked
        self.timers: list[list[tuple[str, int]]] = []

    def start(self, sprint, method, first, revisit) -> None:
        self.first = first

    def given(self, given, changed) -> None:
        self.given_count = changed

    def enter(self, phase, number, total, workforms, again, criteria=None) -> None:
        self.entered.append((phase.id, again))
        self.criteria.append((phase.id, criteria))

    def offer_timer(self, phase, timed) -> None:
        self.timers.append(timed)

    def ask(self, ask: Ask, problem) -> Reply:
        if problem is not None:
            self.problems.append(problem.message)
        self.asked.append((ask.step.key, ask.default, ask.default_from))
        if not self.script:
            raise KeyboardInterrupt
        item = self.script.pop(0)
        if callable(item) and not isinstance(item, Reply):
            item = item(ask)
        return item if isinstance(item, Reply) else Reply("answer", item)

    def closed(self, phase, status, missing) -> None:
        self.closures.append((phase.id, status))

    def offer_open(self, still) -> bool:
        self.offers.append(list(still))
        return self.take_open

    def conflict(self, ask, in_file, answer) -> bool:
        self.conflicts.append((in_file, answer))
        return self.use_mine

    def blocked(self, error, journal) -> None:
        self.blocked_errors.append(error)
        if self.on_blocked is None:
            raise KeyboardInterrupt
        self.on_blocked(error)

    def note(self, message) -> None:
        self.notes.append(message)


def spawn(args: list[str], cwd: Path, home: Path, columns: int = 80, term: str = "dumb") -> Any:
    """The real program in a pseudo-terminal."""
    import pexpect

    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), NO_COLOR="1", COLUMNS=str(columns),
               LINES="40", TERM=term, SPRINTKIT_LOCK_TIMEOUT="2")
    return pexpect.spawn(sys.executable, ["-m", "sprintkit", *args], cwd=str(cwd), env=env,
                         encoding="utf-8", timeout=30, dimensions=(40, columns))


def interrupt(child: Any, expected: Any = None, tries: int = 3, wait: float = 10) -> None:
    """Press Ctrl-C at a prompt and wait for ``expected`` (the end of the program by default).

    CPython's line reader (GNU readline) has a narrow race: a SIGINT that lands after it last
    checked for signals but before it waits on the terminal is only noticed with the next key.
    A loaded machine hits it now and then, and a person then simply presses Ctrl-C again; so
    does this helper, up to ``tries`` times, each waiting ``wait`` seconds."""
    import pexpect

    target = pexpect.EOF if expected is None else expected
    for attempt in range(tries):
        child.sendintr()
        try:
            child.expect(target, timeout=wait)
            return
        except pexpect.TIMEOUT:
            if attempt == tries - 1:
                raise
