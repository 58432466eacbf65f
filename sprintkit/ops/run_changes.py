"""The changes a walkthrough makes to a sprint, inside one transaction of
:func:`~sprintkit.files.sprintfile.update_sprint`: answers checked and stored, skips, test
cards, phases opened and closed; and the journal of answers that wait for a writable file
(``.sprintkit/pending-answers.yaml``), applied as soon as the file can be written again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.answers import AnswerContext, AnswerError, coerce_answer, same_answer
from sprintkit.engine.progress import all_answers, is_filled
from sprintkit.engine.walkthrough import closed_status
from sprintkit.errors import InvalidFile, Problem, SprintkitError, UsageError
from sprintkit.files.journal import JOURNAL, read_journal, write_journal
from sprintkit.i18n import msg
from sprintkit.ops.given import Given
from sprintkit.ops.keyfile import clean_answer, clean_card

if TYPE_CHECKING:
    from sprintkit.engine.pseudonymise import Pseudonymised
    from sprintkit.model.method import Method, OutputSpec
    from sprintkit.model.sprint import Hypothesis, Sprint

Cleaner = Callable[[str], "Pseudonymised"]
"""The sprint's pseudonymiser (:func:`sprintkit.ops.keyfile.sprint_cleaner`)."""


def method_of(model: Sprint, path: Path) -> Method:
    from sprintkit.files.library import get_method

    return get_method(model.method, path).model


def context_of(model: Sprint, lang: str | None = None) -> AnswerContext:
    """What checking an answer needs from the sprint: its answers and hypothesis ids."""
    return AnswerContext(
        all_answers(model), frozenset(h.id for h in model.hypotheses), lang or model.language
    )


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


# --- changes inside a transaction -------------------------------------------------------------


def phase_state(model: Sprint, phase_id: str) -> Any:
    from sprintkit.model.sprint import PhaseState

    state = model.phases.get(phase_id)
    if state is None:
        state = PhaseState()
        model.phases[phase_id] = state
    return state


def put_answer(model: Sprint, method: Method, phase_id: str, output_id: str, value: Any,
               *, typed: bool = False, clean: Cleaner | None = None) -> Any:
    """Check ``value`` against the sprint as it is now and store it; returns what was stored.
    Test cards given as mappings are added to the sprint's hypotheses first. With ``clean``
    (the sprint's pseudonymiser), free text is pseudonymised first."""
    spec = output_spec(method, phase_id, output_id)
    if clean is not None:
        value = clean_answer(spec.type, value, clean)
    ctx = context_of(model)
    checked = coerce_answer(spec, value, ctx, typed=typed)
    if spec.type == "hypotheses":
        checked = [card_id(model, phase_id, v) if isinstance(v, dict) else v for v in checked]
        checked = coerce_answer(spec, checked, context_of(model), strict=True)
    state = phase_state(model, phase_id)
    if not same_answer(state.outputs.get(output_id), checked):
        state.outputs[output_id] = checked
    if output_id in state.skipped_outputs:
        state.skipped_outputs.remove(output_id)
    touch(state)
    return checked


def put_skip(model: Sprint, phase_id: str, output_id: str) -> None:
    state = phase_state(model, phase_id)
    if output_id not in state.skipped_outputs and not is_filled(state.outputs.get(output_id)):
        state.skipped_outputs.append(output_id)
        touch(state)


def put_empty(model: Sprint, phase_id: str, output_id: str) -> None:
    """An optional question left empty (Enter with nothing shown): kept as an empty answer, so
    the walk does not ask it again, and no longer counted as skipped."""
    state = phase_state(model, phase_id)
    if is_filled(state.outputs.get(output_id)):
        return
    if output_id not in state.outputs:
        state.outputs[output_id] = None
    if output_id in state.skipped_outputs:
        state.skipped_outputs.remove(output_id)
    touch(state)


def touch(state: Any) -> None:
    if state.status == "todo":
        state.status = "in_progress"
    if state.started is None:
        state.started = now()


def close_phase(model: Sprint, method: Method, phase_id: str) -> str:
    """Set the phase's state as the walk leaves it: done when its exit criteria hold."""
    phase = method.phase(phase_id)
    status = closed_status(phase, model.phases.get(phase_id), all_answers(model))
    current = model.phases.get(phase_id)
    if status != (current.status if current is not None else "todo"):
        state = phase_state(model, phase_id)
        state.status = status
        if status == "done" and state.completed is None:
            state.completed = now()
    return status


def output_spec(method: Method, phase_id: str, output_id: str) -> OutputSpec:
    for spec in method.phase(phase_id).outputs:
        if spec.id == output_id:
            return spec
    raise KeyError(output_id)


def card_id(model: Sprint, phase_id: str, card: dict[str, Any]) -> str:
    """The id of a test card in the sprint: the hypothesis with the card's id or statement
    when it exists (so a replayed answers file adds nothing twice), else a new one."""
    return add_card(model, phase_id, card).id


def add_card(model: Sprint, phase_id: str, card: dict[str, Any]) -> Hypothesis:
    from sprintkit.ops.hypotheses import hypothesis_adder

    wanted = card.get("id")
    statement = str(card.get("statement", "")).strip()
    for h in model.hypotheses:
        if (wanted and h.id == wanted) or (not wanted and h.statement.strip() == statement):
            return h
    fields = {k: v for k, v in card.items() if v is not None}
    for key in ("statement", "metric", "test", "criterion", "owner", "derived_from", "id",
                "kind", "risk", "title"):
        if key in fields:
            fields[key] = str(fields[key])
    if "target" in fields:
        fields["target"] = str(fields["target"])
    try:
        if "confidence" in fields:
            fields["confidence"] = float(fields["confidence"])
        if "min_n" in fields:
            fields["min_n"] = int(fields["min_n"])
        change = hypothesis_adder(phase=phase_id, **fields)
        return change(model)
    except (UsageError, ValueError, TypeError) as exc:
        message = getattr(exc, "message", str(exc))
        hint = getattr(exc, "hint", None)
        raise AnswerError(_unflag(message), _unflag(hint) if hint else None) from None
    except SprintkitError as exc:
        raise AnswerError(exc.message, exc.hint) from None


def _unflag(text: str) -> str:
    """``--min-n`` → ``min_n``: a card's fields, as an answers file names them."""
    return re.sub(r"--([a-z][a-z-]*)", lambda m: m.group(1).replace("-", "_"), text)


def apply_given(model: Sprint, method: Method, given: list[Given],
                 clean: Cleaner | None = None) -> int:
    """Apply the given answers in method order; every problem is collected and raised located
    (nothing is written then). Returns how many answers changed."""
    problems: list[Problem] = []
    changed = 0
    for g in given:
        before = model.phases[g.phase].outputs.get(g.output) if g.phase in model.phases else None
        try:
            stored = put_answer(model, method, g.phase, g.output, g.value, clean=clean)
        except AnswerError as exc:
            problems.append(Problem(g.source, g.line, g.column, f"{g.phase}.{g.output}",
                                    exc.message, exc.hint))
            continue
        changed += not same_answer(before, stored)
    if problems:
        raise InvalidFile(problems, msg("walkthrough.given_unfit"))
    return changed


# --- the journal of answers waiting for a writable file ----------------------------------------


def apply_journal(sprint_file: Path) -> list[str]:
    """Apply every pending answer in one transaction; those that no longer fit stay in the
    journal. Returns notes for the person. Raises what blocks the write (the journal stays)."""
    from sprintkit.files.sprintfile import update_sprint

    entries = read_journal(sprint_file)
    if not entries:
        return []
    failed: list[tuple[dict[str, Any], str]] = []

    def change(model: Sprint) -> None:
        from sprintkit.ops.keyfile import sprint_cleaner

        method = method_of(model, sprint_file)
        clean = sprint_cleaner(model, sprint_file.parent)
        failed.clear()
        for entry in entries:
            try:
                _replay(model, method, entry, clean)
            except (AnswerError, KeyError) as exc:
                failed.append((entry, str(exc)))

    update_sprint(sprint_file, change)
    write_journal(sprint_file, [e for e, _ in failed])
    notes = [msg("walkthrough.journal_applied", n=len(entries) - len(failed), journal=JOURNAL)]
    notes += [msg("walkthrough.journal_kept", question=f"{e.get('phase')}.{e.get('output')}",
                  why=why, journal=JOURNAL) for e, why in failed]
    return notes


def _replay(model: Sprint, method: Method, entry: dict[str, Any], clean: Cleaner) -> None:
    phase_id, output_id = str(entry["phase"]), str(entry["output"])
    kind = entry.get("kind", "answer")
    if kind == "card":
        add_card(model, phase_id, clean_card(dict(entry["card"]), clean))
    elif kind == "skip":
        put_skip(model, phase_id, output_id)
    elif kind == "empty":
        put_empty(model, phase_id, output_id)
    else:
        put_answer(model, method, phase_id, output_id, entry["value"], clean=clean)
