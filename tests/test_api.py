"""`sprintkit.api`: the library face names every operation, imports lazily, and a sprint can be
run from Python alone with the same results as the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sprintkit import api


def test_every_exported_name_resolves_to_a_callable():
    for name in api.__all__:
        assert callable(getattr(api, name)), name
    assert "add_evidence" in dir(api)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        api.nope  # noqa: B018


def test_importing_the_api_is_light():
    code = ("import sys, sprintkit.api; heavy = [m for m in ('docx', 'jinja2', 'ruamel', "
            "'matplotlib', 'scipy', 'pydantic') if m in sys.modules]; print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "[]"


def test_a_sprint_from_python_alone(tmp_path, cli):
    folder = tmp_path / "kust"
    api.new_sprint("experiment-sprint", folder, title="Nieuw format", no_input=True)
    h = api.add_hypothesis(folder, statement="Gezinsmanagers kiezen het nieuwe format",
                           metric="keuze", target=">=70%")
    api.add_evidence(folder, h.id, successes=9, trials=12, type="behaviour")
    [result] = api.verdicts(folder)
    assert (result.verdict, round(result.ci_low, 3), round(result.ci_high, 3)) == (
        "inconclusive", 0.468, 0.911)
    assert api.sprint_status(folder).to_json()["hypotheses"]["inconclusive"] == 1
    from_cli = cli("verdict", "-s", folder, "--format", "json")
    assert '"verdict": "inconclusive"' in from_cli.stdout
    written = api.report(sprint=folder, options=api.DocumentOptions(format="md"))
    assert written.path.read_text(encoding="utf-8").count("Gezinsmanagers kiezen") >= 1
