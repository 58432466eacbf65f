"""A list that picks from an earlier list the group voted on (the top pain points after the dot
vote) offers the items most votes first, with their votes, and a number picks the item shown."""

from __future__ import annotations

from types import SimpleNamespace

from sprintkit.engine.answers import votes_on
from sprintkit.files.library import get_method
from sprintkit.ui import prompts
from sprintkit.ui.console import reset

POINTS = ["Wachtlijsten", "Geen overzicht", "Doorverwijzen", "Verhaal opnieuw"]
VOTES = {"Doorverwijzen": 30, "Wachtlijsten": 38, "Verhaal opnieuw": 25, "Geen overzicht": 0}


def _outputs():
    method = get_method("co-creation").model
    return [o for p in method.phases for o in p.outputs]


def test_the_votes_of_the_list_a_pick_draws_on_are_found():
    outputs = _outputs()
    top = next(o for o in outputs if o.id == "top_pain_points")
    answers = {"pain_points": POINTS, "pain_point_votes": VOTES}
    assert votes_on(top, outputs, answers) == VOTES
    assert votes_on(top, outputs, {"pain_points": POINTS}) is None  # not voted yet
    ideas = next(o for o in outputs if o.id == "pain_points")
    assert votes_on(ideas, outputs, answers) is None  # not a pick from an earlier list


def test_the_pick_list_shows_the_items_most_votes_first_and_numbers_pick_those(monkeypatch,
                                                                              capsys):
    from sprintkit.ui.walkthrough_view import TerminalWalk

    reset()
    outputs = _outputs()
    top = next(o for o in outputs if o.id == "top_pain_points")
    walk = TerminalWalk("nl")
    ask = SimpleNamespace(spec=top, default=None, items=POINTS, votes=VOTES)
    typed = iter(["1,2", ""])
    monkeypatch.setattr(prompts, "line", lambda _text: next(typed))
    chosen = walk._ask_list(ask)
    assert chosen == ["Wachtlijsten", "Doorverwijzen"]
    shown = capsys.readouterr().out
    order = [shown.index(p) for p in ("Wachtlijsten", "Doorverwijzen", "Verhaal opnieuw",
                                      "Geen overzicht")]
    assert order == sorted(order)
    assert "38 stippen" in shown and "0 stippen" in shown
