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
    (``Onafhankelijk aanvoerder``); None for a role of one's own."""
    for r in roles:
        if same_name(role, r.id) or any(same_name(role, n) for n in (r.name.nl, r.name.en) if n):
            return r
    return None
