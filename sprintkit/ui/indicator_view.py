"""How indicators look in the terminal (nl/en), readable at 80 columns: a list with the latest
measurement against baseline and target, one indicator in full, and what a new measurement
means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sprintkit.engine.indicators import change_text, number, percent, shown, summary
from sprintkit.engine.indicators import label as kind_label
from sprintkit.i18n import t
from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.engine.indicators import Comparison, Trend
    from sprintkit.ops.indicators import Listing, Recorded

def _with_period(x: float | None, period: str | None, kind: str | None, lang: str) -> str:
    if x is None:
        return "—"
    text = shown(x, kind, lang)
    return f"{text} ({period})" if period else text


def measured_text(c: Comparison, lang: str) -> str:
    """``104`` / ``32,5% (65/200)``; the recorded numbers when they could not be read."""
    r = c.reading
    if r.numerator is not None and r.denominator is not None:
        fraction = f"{number(r.numerator, lang)}/{number(r.denominator, lang)}"
        return f"{percent(r.value, lang)} ({fraction})" if r.value is not None else fraction
    return shown(r.value, c.kind, lang)


def latest_cell(c: Comparison | None, lang: str) -> str:
    """The value, its period, and a rate's numerator and denominator, one per line."""
    if c is None:
        return "—"
    r = c.reading
    if r.numerator is not None and r.denominator is not None:
        fraction = f"{number(r.numerator, lang)}/{number(r.denominator, lang)}"
        if r.value is None:
            return f"{fraction}\n{c.period}"
        return f"{percent(r.value, lang)}\n{c.period}\n({fraction})"
    return f"{measured_text(c, lang)}\n{c.period}"


def trend_cell(c: Comparison | None, lang: str) -> str:
    """Status first (beter/slechter), then the change and the share of the way."""
    if c is None:
        return t("indicator.view.none", lang)
    if c.problem:
        return f"{t('indicator.view.not_compared', lang)} ({t('indicator.view.see', lang)})"
    if c.change is None:
        lines = [t("indicator.view.no_baseline", lang)]
        if c.target_met:
            lines.append(t("indicator.view.met", lang))
        elif c.gap is not None:
            lines.append(t("indicator.view.to_go", lang, gap=shown_gap(c, lang)))
        return "\n".join(lines)
    lines = [kind_label(c.status, lang) + (" *" if c.notes else "")]
    lines.append(change_text(c, lang))
    if c.progress is not None:
        lines.append(f"{number(c.progress * 100, lang, 0)}% {t('indicator.view.of_way', lang)}")
    if c.target_met:
        lines.append(t("indicator.view.met", lang))
    elif c.progress is None and c.gap is not None:
        lines.append(t("indicator.view.to_go", lang, gap=shown_gap(c, lang)))
    return "\n".join(lines)


def shown_gap(c: Comparison, lang: str) -> str:
    """What is left to the target: ``7,5 pp`` for a rate, ``31`` for a count."""
    if c.kind == "rate":
        return f"{number(c.gap, lang, 1)} pp"
    return number(c.gap, lang)


def _kind_text(trend: Trend, lang: str) -> str:
    if trend.kind is None:
        return t("indicator.view.unknown_kind", lang)
    text = kind_label(trend.kind, lang)
    if trend.kind_inferred:
        text += f" ({t('indicator.view.inferred', lang)})"
    return text


def indicator_list(listing: Listing) -> None:
    """Every indicator, one row each: baseline, target, latest measurement and how it compares;
    notes (pro rata, refusals) under the table."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    lang = listing.lang
    console = out()
    for group in listing.groups:
        if len(listing.groups) > 1:
            where = t(f"indicator.view.{group.where}", lang)
            console.print(f"[bold]{where} {escape(group.id)}[/bold] — {escape(group.title)}")
        if not group.trends:
            console.print(t("indicator.view.no_indicators", lang), markup=False)
            continue
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column(t("indicator.view.id", lang), no_wrap=True)
        table.add_column(t("indicator.view.indicator", lang), ratio=1, min_width=16)
        table.add_column(t("indicator.view.baseline_target", lang), no_wrap=True)
        table.add_column(t("indicator.view.latest", lang), no_wrap=True)
        table.add_column(t("indicator.view.trend", lang), no_wrap=True)
        for tr in group.trends:
            ind = tr.indicator
            name = Text(ind.name)
            way = t(f"indicator.view.{ind.direction}", lang)
            detail = ", ".join(x for x in (ind.unit, way) if x)
            name.append(f"\n{detail}", style="dim")
            goal = _with_period(ind.target, ind.target_period, tr.kind, lang)
            table.add_row(
                ind.id, name,
                f"{_with_period(ind.baseline, ind.baseline_period, tr.kind, lang)}\n→ {goal}",
                latest_cell(tr.latest, lang), trend_cell(tr.latest, lang),
                end_section=True,
            )
        console.print(table, markup=False)
        notes: list[tuple[str, str]] = []
        for tr in group.trends:
            notes.extend(trend_notes(tr))
        note_grid(notes, lang)
    from sprintkit.ui.console import warning

    for text in listing.warnings:
        warning(text)


def trend_notes(tr: Trend) -> list[tuple[str, str]]:
    """What the list says under its table for one indicator: problems with its baseline or
    target, and the latest measurement's refusal or notes (pro rata, a missing period)."""
    iid = tr.indicator.id
    lines = [(iid, _sentence(p)) for key, p in tr.problems.items() if key != "baseline"]
    c = tr.latest
    if c is not None:
        if c.problem:
            lines.append((iid, _sentence(c.problem)))
        lines.extend((iid, _sentence(n)) for n in c.notes if (iid, _sentence(n)) not in lines)
    return lines


def note_grid(lines: list[tuple[str, str]], lang: str) -> None:
    """Notes as bullets with a hanging indent: ``• uhp 2023-H1: …``."""
    from rich.table import Table
    from rich.text import Text

    if not lines:
        return
    out().print(f"{t('indicator.view.notes', lang)}:", markup=False)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for where, text in lines:
        grid.add_row("  •", Text(f"{where}: {text}" if where else text))
    out().print(grid)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


def indicator_card(tr: Trend, lang: str) -> None:
    """One indicator in full: what it measures, every measurement against baseline and target,
    and the notes."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    ind = tr.indicator
    console = out()
    console.print(f"[bold]{escape(ind.id)}[/bold] — {escape(ind.name)}")
    way = t(f"indicator.view.{ind.direction}", lang)
    facts = [
        (t("indicator.view.kind", lang),
         _kind_text(tr, lang) + (f", {ind.unit}" if ind.unit else "") + f"; {way}"),
        (t("indicator.view.baseline", lang),
         _with_period(ind.baseline, ind.baseline_period, tr.kind, lang)),
        (t("indicator.view.target", lang),
         _with_period(ind.target, ind.target_period, tr.kind, lang)),
        (t("indicator.view.frequency", lang), ind.frequency),
        (t("indicator.view.source", lang), ind.source),
    ]
    for name, value in facts:
        if value and value != "—":
            console.print(f"  {name}: {value}", markup=False, highlight=False)
    if ind.description:
        console.print(f"  {ind.description}", markup=False)
    if not tr.comparisons:
        console.print(f"  {t('indicator.view.none', lang)}", markup=False)
        console.print()
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("indicator.view.period", lang), no_wrap=True)
    table.add_column(t("indicator.view.measured", lang), overflow="fold")
    table.add_column(t("indicator.view.baseline", lang), overflow="fold")
    table.add_column(t("indicator.view.change", lang), overflow="fold")
    table.add_column(t("indicator.view.way", lang), justify="right", no_wrap=True)
    table.add_column(t("indicator.view.judged", lang), overflow="fold")
    table.add_column(t("indicator.view.source", lang), ratio=1, overflow="fold")
    notes: list[tuple[str, str]] = []
    for c in tr.comparisons:
        base = shown(c.baseline, c.kind, lang) if c.baseline is not None else "—"
        if c.baseline_factor is not None:
            base += f" ({t('indicator.view.pro_rata', lang)})"
        change = change_text(c, lang)
        way = f"{number(c.progress * 100, lang, 0)}%" if c.progress is not None else "—"
        judged = kind_label(c.status, lang) if c.status else (
            t("indicator.view.not_compared", lang) if c.problem else "—")
        if c.target_met:
            judged += f", {t('indicator.view.met', lang)}"
        source = c.reading.source or ""
        if c.reading.note:
            source = f"{source} — {c.reading.note}" if source else c.reading.note
        table.add_row(c.period, measured_text(c, lang), base, change, way, judged, source)
        for text in ([c.problem] if c.problem else []) + c.notes:
            where = "" if text.startswith(c.period) else c.period
            notes.append((where, _sentence(text)))
    console.print(table, markup=False)
    note_grid(notes, lang)
    console.print()


def recorded_lines(rec: Recorded, lang: str) -> tuple[str, list[str]]:
    """The success line after ``indicator record`` and the notes to show under it."""
    c = rec.comparison
    key = "indicator.corrected" if rec.replaced else "indicator.recorded"
    head = t(key, lang, id=rec.indicator.id, period=c.period, value=measured_text(c, lang))
    text = summary(c, lang)
    if c.baseline is not None and not c.problem:
        base = shown(c.baseline, c.kind, lang)
        if c.baseline_factor is not None:
            base += f" {t('indicator.view.pro_rata', lang)}"
        against = t("indicator.against", lang, baseline=base)
        text = f"{against}: {text}" if text else against
    if text:
        head += f" — {text}"
    return head, [_sentence(n) for n in c.notes]
