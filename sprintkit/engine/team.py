"""Team roles: which of a method's roles a team member's written role names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sprintkit.model.method import Role


def same_name(a: str, b: str) -> bool:
    """Names and roles compare without case and surrounding spaces."""
    return a.strip().casefold() == b.strip().casefold()


def match_role(role: str, roles: Sequence[Role]) -> Role | None:
    """The method role ``role`` names, by id (``lead``) or by its Dutch or English name
    (``Onafhankelijk aanvoerder``), also with a detail in brackets after it
    (``jeugdhulpprofessional (wijkteam)``); None for a role of one's own."""
    base = role.split("(", 1)[0]
    for written in dict.fromkeys((role, base)):
        for r in roles:
            names = (r.id, *(n for n in (r.name.nl, r.name.en) if n))
            if any(same_name(written, n) for n in names):
                return r
    return None


def role_label(role: str, roles: Sequence[Role], lang: str) -> tuple[Role | None, str]:
    """The method role ``role`` names (or None) and how to show it: the method's name in
    ``lang`` with any detail in brackets kept (``Jeugdhulpprofessional (wijkteam)``), or the
    role as written when it is one of the member's own."""
    found = match_role(role, roles)
    if found is None:
        return None, role
    _, bracket, detail = role.partition("(")
    label = found.name.get(lang)
    return found, f"{label} ({detail.strip()}" if bracket and detail.strip() else label


DECIDER_WORDS = ("decider", "beslisser")
"""A team member whose role holds one of these words decides on the outcome."""


def is_decider(role: str | None) -> bool:
    """Whether a team member with ``role`` is one of the sprint's deciders."""
    text = (role or "").lower()
    return any(word in text for word in DECIDER_WORDS)
