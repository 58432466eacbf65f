"""Answers given before the walk: from ``--answers FILE`` (a YAML mapping ``phase id → output
id → value``) and from ``--set PHASE.OUTPUT=VALUE``, each with where it was written, so a value
that does not fit is reported at its file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import InvalidFile, Problem, UsageError
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.model.method import Method


@dataclass(frozen=True)
class Given:
    """An answer from the answers file or ``--set``, and where it was written."""

    phase: str
    output: str
    value: Any
    source: str
    line: int = 0
    column: int = 0


def load_given(method: Method, answers: Path | None, set_values: Sequence[str]) -> list[Given]:
    """Answers from ``--answers FILE`` and ``--set``, in method order; the file wins over
    ``--set`` for the same output. Unknown phases and outputs are refused with a located
    message and a did-you-mean."""
    found: dict[tuple[str, str], Given] = {}
    for item in set_values:
        g = _parse_set(method, item)
        found[(g.phase, g.output)] = g
    if answers is not None:
        for g in _answers_file(method, Path(answers)):
            found[(g.phase, g.output)] = g
    order = {(p.id, o.id): (pi, oi) for pi, p in enumerate(method.phases)
             for oi, o in enumerate(p.outputs)}
    return sorted(found.values(), key=lambda g: order[(g.phase, g.output)])


def _answers_file(method: Method, path: Path) -> list[Given]:
    from sprintkit.files.library import did_you_mean, output_problem
    from sprintkit.files.yamlio import load_yaml, locate

    doc = load_yaml(path)
    if doc.data is None:
        return []
    if not isinstance(doc.data, dict):
        raise InvalidFile([Problem(doc.shown, 1, 1, "", msg("walkthrough.answers_mapping"))])
    phase_ids = [p.id for p in method.phases]
    owner = {o.id: p.id for p in method.phases for o in p.outputs}
    problems: list[Problem] = []
    given: list[Given] = []
    for phase_id, outputs in doc.data.items():
        if phase_id not in phase_ids:
            line, col = locate(doc.tree, (phase_id,), key=True)
            hint = (msg("walkthrough.output_of_phase", output=repr(phase_id),
                        phase=repr(owner[phase_id])) if phase_id in owner
                    else did_you_mean(phase_id, phase_ids)
                    or msg("walkthrough.its_phases", phases=", ".join(phase_ids)))
            problems.append(Problem(doc.shown, line, col, phase_id, msg(
                "walkthrough.no_phase", method=repr(method.id), phase=repr(phase_id)), hint))
            continue
        if not isinstance(outputs, dict):
            line, col = locate(doc.tree, (phase_id,))
            problems.append(Problem(doc.shown, line, col, phase_id,
                                    msg("walkthrough.phase_mapping")))
            continue
        own = [o.id for o in method.phase(phase_id).outputs]
        for output_id, value in outputs.items():
            if output_id not in own:
                line, col = locate(doc.tree, (phase_id, output_id), key=True)
                problems.append(output_problem(doc.shown, line, col, f"{phase_id}.{output_id}",
                                                phase_id, output_id, own, owner))
                continue
            line, col = locate(doc.tree, (phase_id, output_id))
            given.append(Given(phase_id, output_id, value, doc.shown, line, col))
    if problems:
        raise InvalidFile(problems)
    return given


def _parse_set(method: Method, item: str) -> Given:
    from sprintkit.files.library import did_you_mean
    from sprintkit.ops.new import parse_set as parse

    key, value = parse(item)
    pairs = {f"{p.id}.{o.id}": (p.id, o.id) for p in method.phases for o in p.outputs}
    if key not in pairs:
        outputs = {o.id: f"{p.id}.{o.id}" for p in method.phases for o in p.outputs}
        hint = (msg("walkthrough.set_write", key=outputs[key]) if key in outputs
                else did_you_mean(key, list(pairs)) or msg("walkthrough.set_form"))
        raise UsageError(msg("walkthrough.no_output", key=key, method=repr(method.id),
                             output=repr(key)), hint=hint)
    phase_id, output_id = pairs[key]
    return Given(phase_id, output_id, value, f"--set {key}")
