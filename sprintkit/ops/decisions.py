"""The sprint's decisions: strategic choices and other decisions made in the sprint (``D1``,
``D2``, …), each with a title, the choice, the rationale, who decided and when.

Library functions behind ``sprintkit decision add|edit|remove|list``; keyword arguments mirror
the flags. Writes go through :func:`~sprintkit.files.sprintfile.update_sprint`; the title,
choice and rationale are pseudonymised as they enter (as every other text). A removed decision's
id goes to the sprint's ``retired_ids`` and is never handed out again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import NotFound, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.hypotheses import change_sprint, check_text, sprint_folder
from sprintkit.ops.keyfile import clean_fields, sprint_cleaner
from sprintkit.ops.scope import next_id, parse_day, speak

if TYPE_CHECKING:
    from sprintkit.model.sprint import Decision, Sprint

TEXT = ("title", "choice", "rationale")
"""A decision's fields of free text, pseudonymised as they enter."""


def find_decision(model: Sprint, did: str) -> Decision:
    """The decision ``did`` (case does not count), or NotFound naming the ids there are."""
    for d in model.decisions:
        if d.id.casefold() == did.strip().casefold():
            return d
    known = ", ".join(d.id for d in model.decisions) or msg("evidence.none_yet")
    raise NotFound(msg("evidence.decision.not_found", id=repr(did)),
                   hint=msg("evidence.decision.not_found_hint", known=known))


def _fields(title: str | None, choice: str | None, rationale: str | None,
            decided_by: str | None, date: Any) -> dict[str, Any]:
    for value, option in ((title, "TITLE"), (choice, "--choice"), (rationale, "--rationale"),
                          (decided_by, "--decided-by")):
        check_text(value, option)
    data = {"title": title, "choice": choice, "rationale": rationale,
            "decided_by": decided_by.strip() if decided_by else None,
            "date": parse_day(date, "--date")}
    return {k: v for k, v in data.items() if v is not None}


def add_decision(
    sprint: Path | None = None,
    *,
    title: str,
    choice: str | None = None,
    rationale: str | None = None,
    decided_by: str | None = None,
    date: Any = None,
) -> Decision:
    """Record a decision (ids D1, D2, …); the date defaults to today."""
    import datetime as dt

    from sprintkit.model.sprint import Decision

    speak(sprint)
    data = _fields(title, choice, rationale, decided_by, date)
    data.setdefault("date", dt.date.today())
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> Decision:
        clean_fields(sprint_cleaner(model, folder), data, TEXT)
        ids = [*(d.id for d in model.decisions), *model.retired_ids]
        decision = Decision.model_validate({"id": next_id(ids, "D"), **data})
        model.decisions.append(decision)
        return decision

    return change_sprint(sprint, change)


def edit_decision(
    sprint: Path | None = None,
    id: str = "",
    *,
    title: str | None = None,
    choice: str | None = None,
    rationale: str | None = None,
    decided_by: str | None = None,
    date: Any = None,
) -> Decision:
    """Correct a decision's title, choice, rationale, who decided or the date."""
    from sprintkit.model.sprint import Decision

    speak(sprint)
    data = _fields(title, choice, rationale, decided_by, date)
    if not data:
        raise UsageError(msg("evidence.nothing_to_change"),
                         hint=msg("evidence.decision.nothing_hint"))
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> Decision:
        current = find_decision(model, id)
        clean_fields(sprint_cleaner(model, folder), data, TEXT)
        merged = {**current.model_dump(mode="python", exclude_none=True), **data}
        decision = Decision.model_validate(merged)
        model.decisions[model.decisions.index(current)] = decision
        return decision

    return change_sprint(sprint, change)


def remove_decision(sprint: Path | None = None, id: str = "") -> Decision:
    """Remove a decision; its id is never handed out again."""

    def change(model: Sprint) -> Decision:
        decision = find_decision(model, id)
        model.decisions.remove(decision)
        if decision.id not in model.retired_ids:
            model.retired_ids.append(decision.id)
        return decision

    return change_sprint(sprint, change)


def list_decisions(sprint: Path | None = None) -> list[Decision]:
    """The sprint's decisions, in file order."""
    from sprintkit.files.sprintfile import load_sprint

    return list(load_sprint(sprint).model.decisions)


__all__ = ["add_decision", "edit_decision", "find_decision", "list_decisions",
           "remove_decision"]
