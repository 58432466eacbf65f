"""Helpers for the tests of the worked examples: where they are, and a checker that an answer
has the type its method's output says (the walkthrough's own checks live elsewhere; this one
only guards the example files)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SPRINT_DIRS = sorted(p.parent for p in EXAMPLES.rglob("sprint.yaml"))
PROGRAMMES = sorted(EXAMPLES.rglob("programme.yaml"))
ANSWERS = sorted(EXAMPLES.rglob("answers.yaml"))
IGNORE = shutil.ignore_patterns(".sprintkit", "reports", "stories.db*", "*.lock", "__pycache__")


def copy_example(tmp_path: Path, name: str) -> Path:
    """A fresh copy of ``examples/NAME`` (``intervence/strategie`` too) in ``tmp_path``,
    without what the examples' runs leave behind."""
    dest = tmp_path / name.replace("/", "-")
    shutil.copytree(EXAMPLES / name, dest, ignore=IGNORE)
    return dest


def programme_copy(tmp_path_factory: Any) -> Path:
    """A fresh copy of the Intervence programme, for a module-wide fixture."""
    dest = tmp_path_factory.mktemp("programme") / "intervence"
    shutil.copytree(EXAMPLES / "intervence", dest, ignore=IGNORE)
    return dest


def rel(path: Path) -> str:
    return str(path.relative_to(EXAMPLES))


def copy_examples(target: Path) -> Path:
    """A copy of examples/ at target/examples (so tests never write into the repository)."""
    dest = target / "examples"
    shutil.copytree(EXAMPLES, dest, ignore=IGNORE)
    return dest


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return True
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return False


def _is_number(value: Any, integer: bool) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) if integer else isinstance(value, (int, float))


def _texts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, str) and v.strip() for v in value)


def type_problems(spec: Any, value: Any, answers: dict[str, Any]) -> list[str]:
    """What is wrong with ``value`` as an answer to the output ``spec`` (empty when fine).

    ``answers`` are all answers of the sprint by output id (for dot votes and impact/effort,
    whose items come from an earlier list output). Hypotheses are checked by the callers."""
    kind = spec.type
    where = f"{spec.id} ({kind})"
    if kind in ("text", "multiline"):
        ok = isinstance(value, str) and bool(value.strip())
    elif kind == "list":
        ok = _texts(value)
    elif kind == "choice":
        ok = isinstance(value, str) and value in {c.id for c in spec.choices}
    elif kind == "multichoice":
        ids = {c.id for c in spec.choices}
        ok = _texts(value) and set(value) <= ids and len(set(value)) == len(value)
    elif kind in ("number", "integer"):
        ok = _is_number(value, kind == "integer") and (
            (spec.min is None or value >= spec.min) and (spec.max is None or value <= spec.max))
    elif kind == "date":
        ok = _is_date(value)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind in ("dot_vote", "impact_effort"):
        items = answers.get(spec.items_from) or []
        if not isinstance(value, dict) or not value or not set(value) <= set(items):
            return [f"{where}: keys must be items of {spec.items_from}: "
                    f"{sorted(set(value) - set(items)) if isinstance(value, dict) else value}"]
        if kind == "dot_vote":
            ok = all(_is_number(v, True) and v >= 0 for v in value.values())
        else:
            ok = all(isinstance(v, dict) and set(v) == {"impact", "effort"} and all(
                _is_number(x, True) and 1 <= x <= 5 for x in v.values()) for v in value.values())
    elif kind == "hypotheses":
        ok = isinstance(value, list) and bool(value)
    else:  # a type this checker does not know yet
        return [f"{where}: unknown output type"]
    return [] if ok else [f"{where}: {value!r} does not fit the type"]
