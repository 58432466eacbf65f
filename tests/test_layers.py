"""The import contract in pyproject.toml ([tool.importlinter]) holds: every layer imports only the
layers below it, imports inside functions included. Skips when import-linter is not installed,
and fails then under ``CI=1``, so a CI run cannot pass without checking it."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> Path:
    name = "lint-imports.exe" if os.name == "nt" else "lint-imports"
    program = Path(sys.executable).parent / name
    if not program.exists():
        what = "import-linter is not installed (pip install -e '.[dev]')"
        if os.environ.get("CI"):
            pytest.fail(f"{what} — needed for the import contract under CI")
        pytest.skip(what)
    return program


def test_the_import_contract_is_kept() -> None:
    run = subprocess.run([str(_lint_imports()), "--no-cache"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout
    assert "Layers: cli > commands > ui > ops > render > files > engine > model KEPT" in run.stdout
    assert "No cycles between the modules of a layer KEPT" in run.stdout


def test_every_top_level_module_has_a_layer() -> None:
    """A new package or module under sprintkit/ must be placed in the contract, or it escapes it."""
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    contract = config[config.index("[tool.importlinter]"):]
    contract = contract[:contract.index("\n[tool.", 1)]
    package = ROOT / "sprintkit"
    names = sorted(p.stem if p.suffix == ".py" else p.name for p in package.iterdir()
                   if (p.suffix == ".py" and p.stem != "__init__")
                   or (p.is_dir() and (p / "__init__.py").exists()))
    assert "engine" in names and "cli" in names
    missing = [name for name in names if f"sprintkit.{name}" not in contract]
    assert missing == [], missing


def _private_imports(source: str) -> list[str]:
    """``module.name`` for every ``from sprintkit… import _name`` in ``source``, at any depth."""
    return [f"{node.module}.{alias.name}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sprintkit")
            for alias in node.names
            if alias.name.startswith("_") and not alias.name.startswith("__")]


def test_no_module_imports_another_modules_private_names() -> None:
    """``from sprintkit.x import _helper`` outside x: a shared helper is public in the module that
    owns it (import-linter sees modules, not names; this test sees the names)."""
    found = [f"{path.relative_to(ROOT)}: {name}"
             for path in sorted((ROOT / "sprintkit").rglob("*.py"))
             for name in _private_imports(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_private_names_check_sees_imports_inside_functions() -> None:
    source = ("from __future__ import annotations\nfrom sprintkit.i18n import msg\n"
              "def f():\n    from sprintkit.render.context import _ranking, label\n")
    assert _private_imports(source) == ["sprintkit.render.context._ranking"]
