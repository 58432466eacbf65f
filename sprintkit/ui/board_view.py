"""How the team, the actions and the board look in the terminal (nl/en), readable at 80 columns.

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

_T: dict[str, dict[str, str]] = {
    "board": {"en": "Board", "nl": "Bord"},
    "as_of": {"en": "as of", "nl": "stand van"},
    "id": {"en": "ID", "nl": "ID"},
    "action": {"en": "Action", "nl": "Actie"},
    "owner": {"en": "Who", "nl": "Wie"},
    "due": {"en": "Due", "nl": "Wanneer"},
    "status": {"en": "Status", "nl": "Status"},
    "name": {"en": "Name", "nl": "Naam"},
    "role": {"en": "Role", "nl": "Rol"},
    "org": {"en": "Organisation", "nl": "Organisatie"},
    "open": {"en": "Open", "nl": "Open"},
    "late": {"en": "{n} days late", "nl": "{n} dagen te laat"},
    "late1": {"en": "1 day late", "nl": "1 dag te laat"},
    "done_on": {"en": "done {d}", "nl": "klaar {d}"},
    "since": {"en": "since {d}", "nl": "sinds {d}"},
    "resolved": {"en": "escalation resolved {d}", "nl": "escalatie opgelost {d}"},
    "earlier": {"en": "+ {n} earlier", "nl": "+ {n} eerder"},
    "from": {"en": "from {h}", "nl": "uit {h}"},
    "no_actions": {
        "en": "no actions yet; add one with `sprintkit action add`",
        "nl": "nog geen acties; voeg er een toe met `sprintkit action add`",
    },
    "no_team": {
        "en": "no team yet; add people with `sprintkit team add NAME --role ROLE`",
        "nl": "nog geen team; voeg mensen toe met `sprintkit team add NAAM --role ROL`",
    },
    "unfilled": {"en": "Roles nobody holds yet", "nl": "Rollen die nog niemand heeft"},
    "total_open": {"en": "{n} open", "nl": "{n} open"},
    "total_overdue": {"en": "{n} overdue", "nl": "{n} te laat"},
    "total_escalated": {"en": "{n} escalated", "nl": "{n} geëscaleerd"},
    "total_done": {"en": "{n} done", "nl": "{n} klaar"},
    "programme": {"en": "programme", "nl": "traject"},
}
_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def t(key: str, lang: str) -> str:
    texts = _T[key]
    return texts.get(lang, texts["en"])


def _lang(lang: str) -> str:
    return "nl" if lang == "nl" else "en"


def short_date(day: dt.date | None, lang: str, today: dt.date | None = None) -> str:
    """``3 mrt`` (this year) or ``3 mrt 2027``; ``—`` for no date."""
    if day is None:
        return "—"
    text = f"{day.day} {_MONTHS[_lang(lang)][day.month - 1]}"
    if today is None or day.year != today.year:
        text += f" {day.year}"
    return text


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
