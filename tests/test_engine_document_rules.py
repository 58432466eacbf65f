"""The domain rules the document context uses, in the engine: who decides, who is middle
management, what kind of output a value is, and a programme's team."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sprintkit.engine.choices import output_kind
from sprintkit.engine.deliverable import in_middle_management
from sprintkit.engine.programme import programme_members, union
from sprintkit.engine.team import is_decider
from sprintkit.model.sprint import Stakeholder, TeamMember


@pytest.mark.parametrize(("role", "decides"), [
    ("Beslisser", True), ("decider (directeur)", True), ("facilitator", False), (None, False),
])
def test_deciders_by_role(role, decides):
    assert is_decider(role) is decides


def test_middle_management_from_any_field():
    assert in_middle_management(Stakeholder(name="Ans", role="teamleider jeugd"))
    assert in_middle_management(Stakeholder(name="Bo", interest="als middenmanager betrokken"))
    assert not in_middle_management(Stakeholder(name="Cor", role="gezinsmanager"))


@pytest.mark.parametrize(("value", "kind"), [
    (["a"], "list"), ({"a": 3, "b": 1}, "dot_vote"),
    ({"a": {"impact": 4, "effort": 2}}, "impact_effort"), ({"a": "x"}, "dict"),
    ({"a": True}, "dict"), (True, "bool"), ("tekst", "text"), ({}, "dict"),
])
def test_output_kind(value, kind):
    assert output_kind(value) == kind


def test_programme_team_falls_back_on_the_sprints_once():
    one = SimpleNamespace(team=[TeamMember(name="Ans", role="facilitator"),
                                TeamMember(name="Bo", role="beslisser")])
    two = SimpleNamespace(team=[TeamMember(name="ans", role="teamcoach")])
    members = programme_members(SimpleNamespace(team=[]), [one, two])  # type: ignore[arg-type]
    assert [(m.name, m.role) for m in members] == [("Ans", "facilitator"), ("Bo", "beslisser")]
    own = SimpleNamespace(team=[TeamMember(name="Cor", role="regisseur")])
    assert [m.name for m in programme_members(own, [one])] == ["Cor"]  # type: ignore[arg-type]
    assert union([["a", "b"], ["b", "c"]]) == ["a", "b", "c"]
