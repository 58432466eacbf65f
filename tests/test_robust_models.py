"""Start-up guards for the models: each model module loads on its own, and no field is described
by an attribute docstring (which pydantic would only read at a price on every start)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import sprintkit.model

MODEL_DIR = Path(sprintkit.model.__file__).parent


def test_fields_are_described_with_field_descriptions_not_docstrings():
    offenders = []
    for path in sorted(MODEL_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for before, after in zip(cls.body, cls.body[1:], strict=False):
                if (isinstance(before, ast.AnnAssign) and isinstance(after, ast.Expr)
                        and isinstance(after.value, ast.Constant)
                        and isinstance(after.value.value, str)):
                    offenders.append(f"{path.name}:{after.lineno} ({cls.name})")
    assert not offenders, ("write Field(description=...) instead of an attribute docstring: "
                           + ", ".join(offenders))


def test_a_model_module_builds_only_its_own_models():
    code = ("import sys\nimport sprintkit.model.sprint\n"
            "print(sorted(m for m in sys.modules if m.startswith('sprintkit.model.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    # the sprint needs its common types and the period grammar, not the method or programme
    assert proc.stdout.strip() == ("['sprintkit.model.common', 'sprintkit.model.periods', "
                                   "'sprintkit.model.sprint']")


def test_the_package_still_offers_every_model_by_name():
    import importlib

    from pydantic import BaseModel

    for name in sprintkit.model.__all__:
        offered = getattr(sprintkit.model, name)
        homes = [m for m in ("common", "method", "programme", "sprint")
                 if getattr(importlib.import_module(f"sprintkit.model.{m}"), name, None)
                 is offered]
        assert homes, f"sprintkit.model.{name} is not the model its own module defines"
        assert issubclass(offered, BaseModel), name
    assert sorted(sprintkit.model.__all__) == sprintkit.model.__all__
    with pytest.raises(AttributeError):
        sprintkit.model.Nonsense  # noqa: B018
