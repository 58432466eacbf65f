"""The team of a sprint or programme: who takes part, in which role, from which organisation.

Library functions behind ``sprintkit team add|list|remove``. A role may be one of the method's
roles (by id or by name, e.g. ``lead`` or ``Onafhankelijk aanvoerder`` in the acceleration
approach); the listing then shows the role's name in the sprint's language and which of the
method's roles nobody holds yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.team import role_label
from sprintkit.engine.team import same_name as _same
from sprintkit.errors import NotFound, SprintkitError, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.scope import check_text, scope

if TYPE_CHECKING:
    from sprintkit.model.method import Role
    from sprintkit.model.sprint import TeamMember


def add_member(
    sprint: Path | None = None,
    *,
    programme: Path | None = None,
    name: str,
    role: str,
    org: str | None = None,
    note: str | None = None,
) -> TeamMember:
    """Add someone to the team. Names are unique within a team (case does not count)."""
    from sprintkit.model.sprint import TeamMember
    from sprintkit.ops.scope import speak

    speak(sprint, programme)  # what is refused below is told in the sprint's language
    check_text(name, "NAME")
    check_text(role, "--role")
    data: dict[str, Any] = {"name": name.strip(), "role": role.strip()}
    if org:
        data["organisation"] = org
    if note:
        data["note"] = note
    member = TeamMember.model_validate(data)

    def change(model: Any) -> TeamMember:
        same = next((m for m in model.team if _same(m.name, member.name)), None)
        if same is not None:
            raise SprintkitError(
                msg("team.already_in", name=repr(same.name), role=same.role),
                hint=msg("team.already_in_hint", name=same.name),
            )
        model.team.append(member)
        return member

    return scope(sprint, programme).update(change)


def edit_member(
    sprint: Path | None = None,
    name: str = "",
    *,
    programme: Path | None = None,
    new_name: str | None = None,
    role: str | None = None,
    org: str | None = None,
) -> TeamMember:
    """Correct a team member's name, role or organisation. A new name must not be someone
    else's; actions owned under the old name move to the new one."""
    from sprintkit.ops.scope import speak

    speak(sprint, programme)
    if new_name is None and role is None and org is None:
        raise UsageError(msg("team.nothing_to_change"), hint=msg("team.nothing_to_change_hint"))
    check_text(new_name, "--name")
    check_text(role, "--role")

    def change(model: Any) -> TeamMember:
        member = next((m for m in model.team if _same(m.name, name)), None)
        if member is None:
            known = ", ".join(m.name for m in model.team) or msg("team.nobody_yet")
            raise NotFound(msg("team.not_in_team", name=repr(name)),
                           hint=msg("team.the_team", known=known))
        if new_name is not None:
            other = next((m for m in model.team
                          if m is not member and _same(m.name, new_name)), None)
            if other is not None:
                raise SprintkitError(msg("team.already_in", name=repr(other.name),
                                         role=other.role))
            for a in model.actions:
                if a.owner and _same(a.owner, member.name):
                    a.owner = new_name.strip()
            member.name = new_name.strip()
        if role is not None:
            member.role = role.strip()
        if org is not None:
            member.organisation = org.strip() or None
        return member

    return scope(sprint, programme).update(change)


@dataclass(frozen=True)
class Removed:
    member: TeamMember
    open_actions: list[str]
    """Open actions the person still owns (they keep the owner's name)."""


def remove_member(
    sprint: Path | None = None, name: str = "", *, programme: Path | None = None
) -> Removed:
    """Take someone off the team; their actions keep the owner's name (and are listed)."""

    def change(model: Any) -> Removed:
        for member in model.team:
            if _same(member.name, name):
                model.team.remove(member)
                owned = [a.id for a in model.actions
                         if a.owner and _same(a.owner, member.name) and a.status != "done"]
                return Removed(member, owned)
        known = ", ".join(m.name for m in model.team) or msg("team.nobody_yet")
        raise NotFound(msg("team.not_in_team", name=repr(name)),
                       hint=msg("team.the_team", known=known))

    return scope(sprint, programme).update(change)


@dataclass(frozen=True)
class MemberView:
    name: str
    role: str
    role_id: str | None
    """The method's role this person holds, when the role names one."""
    role_label: str
    organisation: str | None
    note: str | None
    open_actions: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "role": self.role, "role_id": self.role_id,
            "role_label": self.role_label, "organisation": self.organisation,
            "note": self.note, "open_actions": self.open_actions,
        }


@dataclass(frozen=True)
class TeamListing:
    lang: str
    title: str
    members: list[MemberView]
    unfilled: list[tuple[str, str]] = field(default_factory=list)
    """The method's roles (id, name) nobody holds yet."""

    def to_json(self) -> dict[str, Any]:
        return {
            "members": [m.to_json() for m in self.members],
            "roles_unfilled": [{"id": rid, "name": name} for rid, name in self.unfilled],
        }


def _method_roles(model: Any, folder: Path) -> list[Role]:
    """The roles of the sprint's method (none for a programme, or when it cannot be loaded)."""
    method_id = getattr(model, "method", None)
    if method_id is None:
        return []
    from sprintkit.files import library

    try:
        return list(library.get_method(method_id, folder).model.roles)
    except (SprintkitError, OSError, ValueError):
        return []


def team_listing(
    sprint: Path | None = None, *, programme: Path | None = None, lang: str | None = None
) -> TeamListing:
    """The team in order, with role names in the language and the method's unfilled roles."""
    where = scope(sprint, programme)
    model = where.load()
    language = lang or model.language
    roles = _method_roles(model, where.folder()) if not where.is_programme else []
    members = []
    held: set[str] = set()
    for m in model.team:
        found, label = role_label(m.role, roles, language)
        if found is not None:
            held.add(found.id)
        owned = sum(1 for a in model.actions
                    if a.owner and _same(a.owner, m.name) and a.status != "done")
        members.append(MemberView(
            m.name, m.role, found.id if found else None,
            label, m.organisation, m.note, owned,
        ))
    unfilled = [(r.id, r.name.get(language)) for r in roles if r.id not in held]
    return TeamListing(language, model.title, members, unfilled)
