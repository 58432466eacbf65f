"""Test cards at the terminal: one field after the other, with ``<`` and ``-`` meaning what
they mean at every other prompt.

Inside a card, ``<`` goes back to the card's previous field (at the statement it leaves the
card and goes back to the previous question), ``-`` skips the field (it stays empty). Enter on
a field that already holds a value (after going back) keeps it. A card is saved the moment its
last field is answered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sprintkit import vocabulary
from sprintkit.ui import prompts
from sprintkit.ui.console import out
from sprintkit.ui.prompts import BACK, SKIP, esc

if TYPE_CHECKING:
    from sprintkit.ops.run import Ask

RISKS = vocabulary.ids("risk")

FIELDS = ("statement", "risk", "test", "metric", "target", "criterion", "title", "importance")
"""The fields of a card, in the order they are asked."""


@dataclass
class _Back:
    """``<`` at a field."""


@dataclass
class _Skip:
    """``-`` at a field."""


def read_field(text: str, value: Any, parse: Callable[[str], Any]) -> Any:
    """What a typed line means at a card's field that holds ``value``: ``_Back``, ``_Skip``,
    the value kept (Enter on a filled field), or the parsed value (``None`` for empty).
    ``parse`` raises ``ValueError`` with the reason."""
    stripped = text.strip()
    if stripped == BACK:
        return _Back()
    if stripped == SKIP:
        return _Skip()
    if not stripped:
        return value
    return parse(stripped)


def ask_cards(view: Any, ask: Ask) -> Any:
    """The test cards of a hypotheses output; returns the ids, or a :class:`Reply`."""
    from sprintkit.engine.answers import AnswerError
    from sprintkit.ops.run import Reply

    t = view.t
    ids = [h.id for h in ask.cards]
    if ask.cards:
        out().print(f"[bold]{t['cards']}[/bold]")
        prompts.numbered([f"[bold]{h.id}[/bold] {esc(h.statement)}"
                          + (f" [dim]({h.target.shown(view.lang)})[/dim]"
                             if h.target is not None else "")
                          for h in ask.cards])
    while True:
        out().print(f"[bold]{t['card'].format(n=len(ids) + 1)}[/bold] "
                    f"[dim]{t['card_stop']}[/dim]")
        card = _one_card(view)
        if isinstance(card, _Back):
            return Reply("back", ids or None)  # cards already saved stay listed
        if isinstance(card, _Skip):
            return ids if ids else Reply("skip")
        if card is None:
            break
        if ask.add_card is None:
            break
        try:
            h = ask.add_card(card)
        except AnswerError as exc:
            view._error(exc.message, exc.hint)
            continue
        out().print(f"[green]{esc(t['card_saved'].format(id=h.id))}[/green]")
        if h.id not in ids:
            ids.append(h.id)
    if not ids:
        return view._command("")
    return ids


def _one_card(view: Any) -> dict[str, Any] | _Back | _Skip | None:
    """One card, field by field (``None``: Enter at an empty statement, no more cards)."""
    values: dict[str, Any] = {}
    index = 0
    while index < len(FIELDS):
        key = FIELDS[index]
        got = _field(view, key, values.get(key))
        if isinstance(got, _Back):
            if index == 0:
                return got
            index -= 1
            continue
        if isinstance(got, _Skip):
            if index == 0:
                return got
            values.pop(key, None)
        elif got is None:
            if index == 0:
                return None
            values.pop(key, None)
        else:
            values[key] = got
        index += 1
    return _card(values)


def _card(values: dict[str, Any]) -> dict[str, Any]:
    card: dict[str, Any] = {"statement": values["statement"]}
    if values.get("risk"):
        card["risk"] = RISKS[values["risk"] - 1]
    for key in ("test", "metric"):
        if values.get(key):
            card[key] = values[key]
    if values.get("target"):
        card["target"] = values["target"]
    else:
        card["kind"] = "qualitative"
    for key in ("criterion", "title", "importance"):
        if values.get(key):
            card[key] = values[key]
    return card


def _field(view: Any, key: str, value: Any) -> Any:
    """Ask one field until it reads; returns the value, ``None``, ``_Back`` or ``_Skip``."""
    from sprintkit.engine.answers import target_problem

    t = view.t

    def number(count: int) -> Callable[[str], int]:
        def parse(text: str) -> int:
            if text.isdigit() and 1 <= int(text) <= count:
                return int(text)
            raise ValueError(t["wrong_number"].format(n=count))
        return parse

    def target(text: str) -> str:
        wrong = target_problem(text, view.lang)
        if wrong is not None:
            raise ValueError(wrong)
        return text

    def risk(text: str) -> int:
        """A risk's number in the list, or its id or name in Dutch or English (any case)."""
        if text.isdigit():
            return number(len(RISKS))(text)
        found = vocabulary.find("risk", text)
        if found is None:
            raise ValueError(vocabulary.unknown("risk", text, view.lang))
        return RISKS.index(found) + 1

    parse: Callable[[str], Any] = {
        "risk": risk, "importance": number(5), "target": target,
    }.get(key, lambda text: text)
    if value is not None:
        shown = vocabulary.label("risk", RISKS[value - 1], view.lang) if key == "risk" else value
        out().print(f"[dim]  {esc(t['enter_keeps'].format(value=shown))}[/dim]")
    while True:
        text = prompts.line(t[key])
        try:
            return read_field(text, value, parse)
        except ValueError as exc:
            view._error(str(exc))

