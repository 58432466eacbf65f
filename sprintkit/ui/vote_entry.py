"""Entering the counted dots of a big group at the dot-vote prompt of ``sprintkit run``.

The facilitator types the total per item (the prompt names the next item), or ``1=12 2=7``,
or ``item text =12``, or pastes a column of numbers from a spreadsheet (one per line: they
fill the items in order, and a column whose count does not match the items is refused whole).
After every line the running tally is shown: the items by their totals so far, with a bar, and
the total against the group's bound (dots each × participants) when that is known. A line that
would go over the bound is refused and changes nothing. The rules of a line are in
:mod:`sprintkit.engine.tally`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.ui import prompts
from sprintkit.ui.console import out
from sprintkit.ui.prompts import BACK, SKIP, esc

if TYPE_CHECKING:
    from sprintkit.engine.tally import Totals
    from sprintkit.ops.run import Ask

def enter_totals(view: Any, ask: Ask) -> Any:
    """The totals per item as ``{item: count}``, or a reply (``<``, ``-``, Enter with
    nothing typed) for the walk."""
    from sprintkit.engine.tally import Totals, dot_bound
    from sprintkit.i18n import t

    lang = view.lang
    items = list(ask.items or [])
    per = ask.spec.votes_per_person
    people = ask.participants
    if people is None and per is not None:
        people = _ask_participants(view)
    bound = dot_bound(per, people)
    if bound is not None:
        out().print(f"[dim]{esc(t('votes.bound', lang, people=people, per=per, bound=bound))}"
                    "[/dim]")
    out().print(f"[dim]{esc(t('votes.totals_how', lang))}[/dim]")
    totals = Totals(items, bound)
    while True:
        if totals.cursor < len(items):
            prompt = t("votes.total_prompt", lang, n=totals.cursor + 1,
                       item=items[totals.cursor])
        else:
            prompt = t("votes.more_prompt", lang)
        text = prompts.line(esc(prompt)).rstrip("\r")
        if not totals.counts and text.strip() in (BACK, SKIP):
            return view._command(text)
        block = [text, *prompts.pasted()] if text.strip() else []
        if not block:
            break
        while _short_column(block, len(items)):
            # a column that came short (a paste of two lines without its last newline, or the
            # rest still on its way): the next line completes it
            more = prompts.line(esc(prompt)).rstrip("\r")
            if not more.strip():
                break
            block += [more, *prompts.pasted()]
        if _apply(view, totals, block):
            show_tally(lang, totals)
    if not totals.counts:
        return view._command("")
    return totals.result()


def _ask_participants(view: Any) -> int | None:
    from sprintkit.i18n import t

    while True:
        text = prompts.line(esc(t("votes.participants_ask", view.lang))).strip()
        if not text:
            return None
        if text.isdigit() and int(text) >= 1:
            return int(text)
        view._error(t("votes.participants_wrong", view.lang))


def _apply(view: Any, totals: Totals, block: list[str]) -> bool:
    """Take a typed line or a pasted block; say what is wrong and change nothing when it does
    not fit. Whether something was taken."""
    from sprintkit.engine.tally import Entry, TallyError, read_column, read_entry
    from sprintkit.i18n import t

    lang = view.lang
    try:
        filled = [b for b in block if b.strip()]
        if len(block) > 1 and filled and all(_numeric(b) for b in filled):
            totals.apply(Entry("column", read_column(block, totals.items)))
            out().print(f"[dim]{esc(t('votes.pasted', lang, n=len(filled)))}[/dim]")
            return True
        before = (dict(totals.counts), totals.cursor)
        try:
            for line in filled:
                totals.apply(read_entry(line, totals.items))
        except TallyError:
            totals.counts, totals.cursor = before  # a pasted block is taken whole or not at all
            raise
    except TallyError as exc:
        view._error(_words(exc, lang))
        return False
    return True


def _short_column(block: list[str], items: int) -> bool:
    """Whether ``block`` is a pasted column of numbers with fewer lines than there are items."""
    filled = [b for b in block if b.strip()]
    return 1 < len(block) < items and all(_numeric(b) for b in filled)


def _numeric(text: str) -> bool:
    import re

    return bool(re.match(r"^\s*[+-]?\d+([.,]\d+)?\s*$", text))


def _words(exc: Any, lang: str) -> str:
    from sprintkit.i18n import t

    values = dict(exc.values)
    if exc.key == "votes.column_cell":
        values["reason"] = t(values.pop("problem"), lang, **values)
    return t(exc.key, lang, **values)


def show_tally(lang: str, totals: Totals) -> None:
    """The items by their totals so far, with a bar, and the total (against the bound)."""
    from rich.table import Table

    from sprintkit.engine.tally import bar, tally
    from sprintkit.i18n import t

    given = {totals.items[n]: v for n, v in totals.counts.items()}
    rows = tally(given, totals.items)
    most = max((v for _, _, v in rows), default=0)
    table = Table(box=None, pad_edge=False, show_edge=False, show_header=False,
                  title=t("votes.tally", lang), title_justify="left", title_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("", ratio=1)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for rank, item, value in rows:
        table.add_row(str(rank), esc(item), f"{value:g}", bar(value, most))
    out().print(table)
    total = (t("votes.tally_total_bound", lang, total=totals.total, bound=totals.bound)
             if totals.bound is not None else t("votes.tally_total", lang, total=totals.total))
    out().print(f"[dim]{esc(total)}[/dim]")
