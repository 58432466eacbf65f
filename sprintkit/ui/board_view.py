"""How the team, the actions and the board look in the terminal (nl/en), readable at 80 columns;
the words are in the catalogue (``board.*``).

Overdue cards are marked with ``!`` and the days they are late, so the mark survives without
colour (``NO_COLOR``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.ops.actions import ActionListing, Card
    from sprintkit.ops.board import Board
    from sprintkit.ops.team import TeamListing

_COLUMNS = ("todo", "doing", "done", "escalated")


def t(key: str, lang: str) -> str:
    """A word of the board and its tables (``board.*`` in the catalogue) in ``lang``; a board
    column's name for a status."""
    from sprintkit import i18n

    return i18n.t(f"board.column.{key}" if key in _COLUMNS else f"board.{key}", lang)


def short_date(day: dt.date | None, lang: str, today: dt.date | None = None) -> str:
    """``3 mrt`` (this year) or ``3 mrt 2027``; ``—`` for no date."""
    from sprintkit.i18n.dates import short_date as short

    return short(day, lang, today.year if today is not None else None)


def status_label(status: str, lang: str) -> str:
    from sprintkit.vocabulary import label

    return label("action_status", status, lang)


def _late(c: Card, lang: str) -> str:
    return t("late1", lang) if c.days_overdue == 1 else t("late", lang).format(n=c.days_overdue)


# --- team ------------------------------------------------------------------------------------


def team_table(listing: TeamListing) -> None:
    """The team, one row each, then the method's roles nobody holds yet."""
    from rich import box
    from rich.table import Table

    lang = listing.lang
    console = out()
    if not listing.members:
        console.print(t("no_team", lang), markup=False)
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column(t("name", lang), ratio=2)
        table.add_column(t("role", lang), ratio=2, min_width=16)
        table.add_column(t("org", lang), ratio=2)
        table.add_column(t("open", lang), justify="right", no_wrap=True)
        for m in listing.members:
            role = m.role_label
            if m.note:
                role += f"\n({m.note})"
            table.add_row(m.name, role, m.organisation or "—", str(m.open_actions))
        console.print(table, markup=False)
    if listing.unfilled:
        names = ", ".join(name for _, name in listing.unfilled)
        console.print(f"{t('unfilled', lang)}: {names}", markup=False, highlight=False)


# --- actions ---------------------------------------------------------------------------------


def action_table(listing: ActionListing) -> None:
    """The actions in id order: text, owner, due date (overdue marked) and status."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang = listing.lang
    if not listing.cards:
        out().print(t("no_actions", lang), markup=False)
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("id", lang), no_wrap=True)
    table.add_column(t("action", lang), ratio=3, overflow="fold")
    table.add_column(t("owner", lang), ratio=1, overflow="fold")
    table.add_column(t("due", lang), no_wrap=True)
    table.add_column(t("status", lang), overflow="fold")
    for c in listing.cards:
        a = c.action
        text = Text(a.text)
        if a.from_hypothesis:
            text.append(f"\n{t('from', lang).format(h=a.from_hypothesis)}", style="dim")
        due = Text(short_date(a.due, lang, listing.today))
        if c.overdue:
            due = Text(f"! {due.plain}\n{_late(c, lang)}", style="bold red")
        status = Text(status_label(a.status, lang))
        if a.status == "escalated" and a.escalation is not None:
            status.append(f"\n→ {a.escalation.to}")
        elif a.status == "done" and a.done:
            status = Text(t("done_on", lang).format(d=short_date(a.done, lang, listing.today)))
        table.add_row(a.id, text, a.owner or "—", due, status)
    out().print(table, markup=False)


# --- the board -------------------------------------------------------------------------------


def _card(c: Card, lang: str, today: dt.date) -> Any:
    from rich.text import Text

    a = c.action
    text = Text()
    head = f"! {a.id}" if c.overdue else a.id
    text.append(head, style="bold red" if c.overdue else "bold")
    if c.sprint:
        text.append(f" · {c.sprint}", style="dim")
    text.append(f"\n{a.text}")
    if a.owner:
        text.append(f"\n{a.owner}", style="dim")
    if a.status == "done":
        if a.done:
            text.append("\n" + t("done_on", lang).format(d=short_date(a.done, lang, today)),
                        style="dim")
    elif c.overdue:
        text.append(f"\n{short_date(a.due, lang, today)}\n{_late(c, lang)}", style="bold red")
    elif a.due:
        text.append(f"\n{short_date(a.due, lang, today)}", style="dim")
    esc = a.escalation
    if a.status == "escalated" and esc is not None:
        since = f", {t('since', lang).format(d=short_date(esc.date, lang, today))}" if (
            esc.date) else ""
        text.append(f"\n→ {esc.to}{since}")
    elif esc is not None and esc.resolved:
        text.append(f"\n{t('resolved', lang).format(d=short_date(esc.resolved, lang, today))}",
                    style="dim")
    return text


def board_view(b: Board, show_all: bool = False, done_shown: int = 5) -> None:
    """Four columns side by side; the done column shows the latest ``done_shown`` cards unless
    ``show_all``. A line of totals under it."""
    from rich import box
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    lang = b.lang
    console = out()
    where = "" if b.where == "sprint" else f" ({t('programme', lang)})"
    console.print(f"[bold]{t('board', lang)}[/bold] — {escape(b.title)}{escape(where)} · "
                  f"{t('as_of', lang)} {short_date(b.today, lang)}", highlight=False)
    if not any(b.columns.values()):
        console.print(t("no_actions", lang), markup=False)
        _warnings(b)
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    cells = []
    for col, cards in b.columns.items():
        heading = status_label(col, lang).capitalize()
        table.add_column(f"{heading} ({len(cards)})", ratio=1, overflow="fold")
        shown = cards
        hidden = 0
        if col == "done" and not show_all and len(cards) > done_shown:
            shown, hidden = cards[:done_shown], len(cards) - done_shown
        parts: list[Any] = []
        for index, c in enumerate(shown):
            if index:
                parts.append(Text(""))
            parts.append(_card(c, lang, b.today))
        if hidden:
            parts.append(Text(""))
            parts.append(Text(t("earlier", lang).format(n=hidden), style="dim"))
        cells.append(Group(*parts))
    table.add_row(*cells)
    console.print(table)
    counts = b.counts
    totals = [t("total_open", lang).format(n=counts["open"])]
    if counts["overdue"]:
        totals.append(t("total_overdue", lang).format(n=counts["overdue"]))
    if counts["escalated"]:
        totals.append(t("total_escalated", lang).format(n=counts["escalated"]))
    totals.append(t("total_done", lang).format(n=counts["done"]))
    console.print(" · ".join(totals), markup=False, highlight=False)
    _warnings(b)


def _warnings(b: Board) -> None:
    from sprintkit.ui.console import warning

    for text in b.warnings:
        warning(text)
