"""Actions: who does what by when, with their place on the board (to do, doing, done,
escalated).

Library functions behind ``sprintkit action add|move|escalate|list``; keyword arguments mirror
the command-line flags, and ``today`` can be given so that dates are deterministic in tests and
scripts. Ids run A1, A2, … within a sprint (or programme). Moving an escalated action on records
how the escalation was resolved; a done action gets the date it was done. Action texts, reasons
and resolutions are pseudonymised as they enter (as evidence notes are)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit import vocabulary
from sprintkit.engine.progress import is_overdue
from sprintkit.errors import NotFound, SprintkitError, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.scope import (
    check_text,
    cleaner,
    id_number,
    next_id,
    parse_day,
    programme_sprints,
    scope,
    speak,
    today_or,
)

if TYPE_CHECKING:
    from sprintkit.model.sprint import Action, Sprint
    from sprintkit.ops.programme import ChainEntry

MOVES = ("todo", "doing", "done")
STATUSES = vocabulary.ids("action_status")


def find(model: Any, aid: str) -> Action:
    """The action ``aid`` (case does not count), or NotFound naming the ids there are."""
    for a in model.actions:
        if a.id.casefold() == aid.strip().casefold():
            return a
    known = ", ".join(a.id for a in sorted(model.actions, key=lambda a: id_number(a.id)))
    raise NotFound(msg("action.no_such", id=repr(aid)),
                   hint=msg("action.no_such_hint", known=known or msg("action.none_yet")))


def _clean_all(model: Any, folder: Path | None, texts: dict[str, str | None]
               ) -> tuple[dict[str, str | None], int]:
    if folder is None:
        return texts, 0
    clean = cleaner(model, folder)
    total = 0
    result: dict[str, str | None] = {}
    for key, text in texts.items():
        if text is None:
            result[key] = None
            continue
        done = clean(text)
        result[key] = done.text
        total += done.total
    return result, total


# --- add -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Added:
    action: Action
    warnings: list[str] = field(default_factory=list)
    pseudonymised: int = 0


def add_action(
    sprint: Path | None = None,
    *,
    programme: Path | None = None,
    text: str,
    owner: str | None = None,
    due: str | dt.date | None = None,
    from_hypothesis: str | None = None,
    today: dt.date | None = None,
) -> Added:
    """Add an action to the board's first column. ``from_hypothesis`` must name a hypothesis of
    the sprint (for a programme: ``SPRINT-ID:H1`` in one of its sprints). An owner who is not in
    the team, and a due date in the past, are accepted with a warning."""
    from sprintkit.model.sprint import Action

    speak(sprint, programme)  # what is refused below is told in the sprint's language
    check_text(text, "TEXT")
    check_text(owner, "--owner")
    day = today_or(today)
    due_day = parse_day(due, "--due")
    where = scope(sprint, programme)
    folder = where.folder()

    def change(model: Any) -> Added:
        source = _check_hypothesis(model, folder, from_hypothesis, where.is_programme)
        cleaned, count = _clean_all(model, folder, {"text": text})
        data: dict[str, Any] = {
            "id": next_id([*(a.id for a in model.actions),
                           *getattr(model, "retired_ids", ())], "A"),
            "text": cleaned["text"],
            "status": "todo", "created": day,
        }
        if owner:
            data["owner"] = owner.strip()
        if due_day:
            data["due"] = due_day
        if source:
            data["from_hypothesis"] = source
        action = Action.model_validate(data)
        warnings = []
        if owner and model.team and not any(
                m.name.casefold() == owner.strip().casefold() for m in model.team):
            warnings.append(msg("action.owner_not_in_team", owner=repr(owner.strip())))
        if due_day and due_day < day:
            warnings.append(msg("action.due_past", date=due_day.isoformat()))
        model.actions.append(action)
        return Added(action, warnings, count)

    return where.update(change)


def _check_hypothesis(model: Any, folder: Path, ref: str | None, programme: bool) -> str | None:
    """``ref`` as stored, after checking that the hypothesis exists."""
    if ref is None:
        return None
    ref = ref.strip()
    if not programme:
        if ":" in ref:
            raise UsageError(msg("action.ref_in_sprint", ref=repr(ref)),
                             hint=msg("action.ref_in_sprint_hint"))
        if not any(h.id == ref for h in model.hypotheses):
            known = ", ".join(h.id for h in model.hypotheses) or msg("action.none_yet")
            raise NotFound(msg("action.no_hypothesis", ref=repr(ref)),
                           hint=msg("action.hypotheses", known=known))
        return ref
    sprint_id, sep, hid = ref.partition(":")
    chain = programme_sprints(folder)
    if not sep:
        raise UsageError(
            msg("action.ref_in_programme", ref=repr(ref)),
            hint=msg("action.sprints",
                     known=", ".join(c.id for c in chain) or msg("action.none_yet")),
        )
    found = _chain_sprint(chain, sprint_id)
    if not any(h.id == hid for h in found.hypotheses):
        known = ", ".join(h.id for h in found.hypotheses) or msg("action.none_yet")
        raise NotFound(msg("action.no_hypothesis_in", ref=repr(ref), hypothesis=repr(hid),
                           sprint=repr(sprint_id)), hint=msg("action.its_hypotheses", known=known))
    return f"{found.id}:{hid}"


def _chain_sprint(chain: list[ChainEntry], sprint_id: str) -> Sprint:
    for c in chain:
        if c.sprint is not None and c.sprint.id == sprint_id:
            return c.sprint
    known = ", ".join(c.id for c in chain if c.sprint is not None) or msg("action.none_yet")
    raise NotFound(msg("action.no_sprint", sprint=repr(sprint_id)),
                   hint=msg("action.sprints", known=known))


# --- move and escalate -----------------------------------------------------------------------


@dataclass(frozen=True)
class Moved:
    action: Action
    previous: str
    resolved: bool = False
    """Whether the move resolved an escalation."""
    unchanged: bool = False


def move_action(
    sprint: Path | None = None,
    id: str = "",
    status: str = "",
    *,
    programme: Path | None = None,
    resolution: str | None = None,
    today: dt.date | None = None,
) -> Moved:
    """Move an action to ``todo``, ``doing`` or ``done``. Done gets today's date (moving it back
    clears it). Moving an escalated action records the escalation's resolution: the date, and
    ``resolution`` when given."""
    speak(sprint, programme)
    if status not in MOVES:
        hint = msg("action.escalate_hint") if status == "escalated" else None
        from sprintkit.i18n import language
        from sprintkit.vocabulary import label

        lang = language()
        raise UsageError(msg("action.moves_to", status=repr(status),
                             todo=label("action_status", "todo", lang),
                             doing=label("action_status", "doing", lang),
                             done=label("action_status", "done", lang)), hint=hint)
    check_text(resolution, "--resolution")
    day = today_or(today)
    where = scope(sprint, programme)
    folder = where.folder() if resolution else None

    def change(model: Any) -> Moved:
        action = find(model, id)
        previous = action.status
        if resolution is not None and previous != "escalated":
            raise UsageError(msg("action.not_escalated", id=action.id))
        if previous == status:
            return Moved(action, previous, unchanged=True)
        cleaned, _ = _clean_all(model, folder, {"resolution": resolution})
        return Moved(action, previous, _move(action, status, day, cleaned["resolution"]))

    return where.update(change)


def _move(action: Action, status: str, day: dt.date, resolution: str | None) -> bool:
    """Put ``action`` in column ``status``; whether that resolved an escalation."""
    resolved = False
    if action.status == "escalated" and action.escalation is not None:
        action.escalation.resolved = day
        if resolution:
            action.escalation.resolution = resolution
        resolved = True
    action.status = status  # type: ignore[assignment]
    if status == "done":
        action.done = day
    elif action.done is not None:
        action.done = None
        action.__pydantic_fields_set__.discard("done")  # drop the key instead of null
    return resolved


# --- edit and remove ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionEdited:
    action: Action
    changed: list[str]
    pseudonymised: int = 0


def edit_action(
    sprint: Path | None = None,
    id: str = "",
    *,
    programme: Path | None = None,
    text: str | None = None,
    owner: str | None = None,
    due: str | dt.date | None = None,
    status: str | None = None,
    today: dt.date | None = None,
) -> ActionEdited:
    """Correct an action's text, owner, due date or column (todo, doing, done: as ``move``
    does, an escalation is resolved by moving on). The text is pseudonymised as it enters."""
    speak(sprint, programme)
    if text is None and owner is None and due is None and status is None:
        raise UsageError(msg("action.nothing_to_change"),
                         hint=msg("action.nothing_to_change_hint"))
    check_text(text, "--text")
    check_text(owner, "--owner")
    if status is not None and status not in MOVES:
        raise UsageError(msg("action.status_one_of", allowed=", ".join(MOVES),
                             status=repr(status)), hint=msg("action.escalate_hint"))
    due_day = parse_day(due, "--due")
    day = today_or(today)
    where = scope(sprint, programme)
    folder = where.folder()

    def change(model: Any) -> ActionEdited:
        action = find(model, id)
        cleaned, count = _clean_all(model, folder, {"text": text})
        changed = []
        if cleaned["text"] is not None and cleaned["text"] != action.text:
            action.text = cleaned["text"]
            changed.append("text")
        if owner is not None and owner.strip() != action.owner:
            action.owner = owner.strip()
            changed.append("owner")
        if due_day is not None and due_day != action.due:
            action.due = due_day
            changed.append("due")
        if status is not None and status != action.status:
            _move(action, status, day, None)
            changed.append("status")
        return ActionEdited(action, changed, count)

    return where.update(change)


def remove_action(
    sprint: Path | None = None, id: str = "", *, programme: Path | None = None
) -> Action:
    """Remove an action. Its id goes to the sprint's or programme's ``retired_ids`` and is never
    reused."""

    def change(model: Any) -> Action:
        action = find(model, id)
        model.actions.remove(action)
        retired = getattr(model, "retired_ids", None)
        if retired is not None and action.id not in retired:
            retired.append(action.id)
        return action

    return scope(sprint, programme).update(change)


def escalate_action(
    sprint: Path | None = None,
    id: str = "",
    *,
    programme: Path | None = None,
    to: str,
    reason: str,
    today: dt.date | None = None,
) -> Action:
    """Escalate a stuck action (to the escalation team, a director…), with the reason. An action
    escalated before keeps that escalation, resolved, in its history."""
    from sprintkit.model.sprint import Escalation

    speak(sprint, programme)
    check_text(to, "--to")
    check_text(reason, "--reason")
    day = today_or(today)
    where = scope(sprint, programme)
    folder = where.folder()

    def change(model: Any) -> Action:
        action = find(model, id)
        if action.status == "done":
            raise SprintkitError(msg("action.is_done", id=action.id),
                                 hint=msg("action.is_done_hint", id=action.id))
        if action.status == "escalated":
            to_whom = action.escalation.to if action.escalation else "?"
            raise SprintkitError(msg("action.already_escalated", id=action.id, to=to_whom),
                                 hint=msg("action.already_escalated_hint", id=action.id))
        cleaned, _ = _clean_all(model, folder, {"reason": reason})
        if action.escalation is not None:
            action.past_escalations.append(action.escalation)
        action.escalation = Escalation(to=to.strip(), reason=cleaned["reason"] or reason,
                                       date=day)
        action.status = "escalated"
        return action

    return where.update(change)


# --- list ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """An action as the list and the board show it."""

    action: Action
    sprint: str | None
    """The sprint it belongs to (None: the sprint or programme shown)."""
    overdue: bool
    days_overdue: int

    def to_json(self) -> dict[str, Any]:
        a = self.action
        return {
            "id": a.id,
            "sprint": self.sprint,
            "text": a.text,
            "owner": a.owner,
            "due": a.due,
            "status": a.status,
            "overdue": self.overdue,
            "days_overdue": self.days_overdue,
            "from_hypothesis": a.from_hypothesis,
            "escalation": a.escalation.model_dump(mode="json") if a.escalation else None,
            "past_escalations": [e.model_dump(mode="json") for e in a.past_escalations],
            "created": a.created,
            "done": a.done,
        }


def card(action: Action, today: dt.date, sprint: str | None = None) -> Card:
    late = is_overdue(action, today)
    days = (today - action.due).days if late and action.due else 0
    return Card(action, sprint, late, days)


@dataclass(frozen=True)
class ActionListing:
    lang: str
    today: dt.date
    cards: list[Card]

    def to_json(self) -> list[dict[str, Any]]:
        return [c.to_json() for c in self.cards]


def action_listing(
    sprint: Path | None = None,
    *,
    programme: Path | None = None,
    status: str | None = None,
    lang: str | None = None,
    today: dt.date | None = None,
) -> ActionListing:
    """The actions in id order, optionally only those with ``status`` (or ``overdue``)."""
    if status is not None:
        speak(sprint, programme)
        status = vocabulary.parse("action_filter", status, "--status")
    day = today_or(today)
    model = scope(sprint, programme).load()
    cards = [card(a, day) for a in sorted(model.actions, key=lambda a: id_number(a.id))]
    if status == "open":
        cards = [c for c in cards if c.action.status != "done"]
    elif status == "overdue":
        cards = [c for c in cards if c.overdue]
    elif status is not None:
        cards = [c for c in cards if c.action.status == status]
    return ActionListing(lang or model.language, day, cards)
