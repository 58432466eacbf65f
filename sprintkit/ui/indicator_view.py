"""How indicators look in the terminal (nl/en), readable at 80 columns: a list with the latest
measurement against baseline and target, one indicator in full, and what a new measurement
means."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sprintkit.engine.indicators import change_text, number, percent, shown, summary
from sprintkit.engine.indicators import label as kind_label
from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.engine.indicators import Comparison, Trend
    from sprintkit.ops.indicators import Listing, Recorded

_T: dict[str, dict[str, str]] = {
    "indicators": {"en": "Indicators", "nl": "Indicatoren"},
    "id": {"en": "ID", "nl": "ID"},
    "indicator": {"en": "Indicator", "nl": "Indicator"},
    "baseline": {"en": "Baseline", "nl": "Nulmeting"},
    "target": {"en": "Target", "nl": "Streefwaarde"},
    "latest": {"en": "Latest", "nl": "Laatste"},
    "trend": {"en": "Trend", "nl": "Verloop"},
    "baseline_target": {"en": "Baseline\n→ target", "nl": "Nulmeting\n→ streef"},
    "no_baseline": {"en": "no baseline", "nl": "geen nulmeting"},
    "to_go": {"en": "{gap} to go", "nl": "nog {gap}"},
    "period": {"en": "Period", "nl": "Periode"},
    "measured": {"en": "Measured", "nl": "Gemeten"},
    "change": {"en": "Change", "nl": "Verandering"},
    "way": {"en": "Way", "nl": "Weg"},
    "judged": {"en": "Direction", "nl": "Richting"},
    "source": {"en": "Source", "nl": "Bron"},
    "frequency": {"en": "Measured", "nl": "Meting"},
    "kind": {"en": "Kind", "nl": "Soort"},
    "notes": {"en": "Notes", "nl": "Toelichting"},
    "none": {"en": "no measurements yet", "nl": "nog geen metingen"},
    "not_compared": {"en": "not compared", "nl": "niet vergeleken"},
    "see": {"en": "see note", "nl": "zie toelichting"},
    "increase": {"en": "higher is better", "nl": "hoger is beter"},
    "decrease": {"en": "lower is better", "nl": "lager is beter"},
    "unknown_kind": {
        "en": "kind not given (count or value?)", "nl": "soort niet gegeven (aantal of waarde?)",
    },
    "inferred": {"en": "from the unit", "nl": "uit de eenheid"},
    "met": {"en": "target met", "nl": "streefwaarde gehaald"},
    "of_way": {"en": "of the way", "nl": "van de weg"},
    "no_indicators": {
        "en": "no indicators yet; add one with `sprintkit indicator add`",
        "nl": "nog geen indicatoren; voeg er een toe met `sprintkit indicator add`",
    },
    "pro_rata": {"en": "pro rata", "nl": "pro rata"},
    "sprint": {"en": "Sprint", "nl": "Sprint"},
    "programme": {"en": "Programme", "nl": "Traject"},
}


def t(key: str, lang: str) -> str:
    texts = _T[key]
    return texts.get(lang, texts["en"])


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
        return t("none", lang)
    if c.problem:
        return f"{t('not_compared', lang)} ({t('see', lang)})"
    if c.change is None:
        lines = [t("no_baseline", lang)]
        if c.target_met:
            lines.append(t("met", lang))
        elif c.gap is not None:
            lines.append(t("to_go", lang).format(gap=shown_gap(c, lang)))
        return "\n".join(lines)
    lines = [kind_label(c.status, lang) + (" *" if c.notes else "")]
    lines.append(change_text(c, lang))
    if c.progress is not None:
        lines.append(f"{number(c.progress * 100, lang, 0)}% {t('of_way', lang)}")
    if c.target_met:
        lines.append(t("met", lang))
    elif c.progress is None and c.gap is not None:
        lines.append(t("to_go", lang).format(gap=shown_gap(c, lang)))
    return "\n".join(lines)


def shown_gap(c: Comparison, lang: str) -> str:
    """What is left to the target: ``7,5 pp`` for a rate, ``31`` for a count."""
    if c.kind == "rate":
        return f"{number(c.gap, lang, 1)} pp"
    return number(c.gap, lang)


def _kind_text(trend: Trend, lang: str) -> str:
    if trend.kind is None:
        return t("unknown_kind", lang)
    text = kind_label(trend.kind, lang)
    if trend.kind_inferred:
        text += f" ({t('inferred', lang)})"
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
            console.print(f"[bold]{t(group.where, lang)} {escape(group.id)}[/bold] — "
                          f"{escape(group.title)}")
        if not group.trends:
            console.print(t("no_indicators", lang), markup=False)
            continue
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column(t("id", lang), no_wrap=True)
        table.add_column(t("indicator", lang), ratio=1, min_width=16)
        table.add_column(t("baseline_target", lang), no_wrap=True)
        table.add_column(t("latest", lang), no_wrap=True)
        table.add_column(t("trend", lang), no_wrap=True)
        for tr in group.trends:
            ind = tr.indicator
            name = Text(ind.name)
            detail = ", ".join(x for x in (ind.unit, t(ind.direction, lang)) if x)
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
    out().print(f"{t('notes', lang)}:", markup=False)
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
    facts = [
        (t("kind", lang), _kind_text(tr, lang) + (f", {ind.unit}" if ind.unit else "")
         + f"; {t(ind.direction, lang)}"),
        (t("baseline", lang), _with_period(ind.baseline, ind.baseline_period, tr.kind, lang)),
        (t("target", lang), _with_period(ind.target, ind.target_period, tr.kind, lang)),
        (t("frequency", lang), ind.frequency),
        (t("source", lang), ind.source),
    ]
    for name, value in facts:
        if value and value != "—":
            console.print(f"  {name}: {value}", markup=False, highlight=False)
    if ind.description:
        console.print(f"  {ind.description}", markup=False)
    if not tr.comparisons:
        console.print(f"  {t('none', lang)}", markup=False)
        console.print()
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("period", lang), no_wrap=True)
    table.add_column(t("measured", lang), overflow="fold")
    table.add_column(t("baseline", lang), overflow="fold")
    table.add_column(t("change", lang), overflow="fold")
    table.add_column(t("way", lang), justify="right", no_wrap=True)
    table.add_column(t("judged", lang), overflow="fold")
    table.add_column(t("source", lang), ratio=1, overflow="fold")
    notes: list[tuple[str, str]] = []
    for c in tr.comparisons:
        base = shown(c.baseline, c.kind, lang) if c.baseline is not None else "—"
        if c.baseline_factor is not None:
            base += f" ({t('pro_rata', lang)})"
        change = change_text(c, lang)
        way = f"{number(c.progress * 100, lang, 0)}%" if c.progress is not None else "—"
        judged = kind_label(c.status, lang) if c.status else (
            t("not_compared", lang) if c.problem else "—")
        if c.target_met:
            judged += f", {t('met', lang)}"
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
    verb = {"en": "corrected" if rec.replaced else "recorded",
            "nl": "gecorrigeerd" if rec.replaced else "vastgelegd"}[
        "nl" if lang == "nl" else "en"]
    head = f"{rec.indicator.id} {c.period}: {measured_text(c, lang)} {verb}"
    text = summary(c, lang)
    if c.baseline is not None and not c.problem:
        against = {"en": "against", "nl": "tegen"}["nl" if lang == "nl" else "en"]
        base = shown(c.baseline, c.kind, lang)
        if c.baseline_factor is not None:
            base += f" {t('pro_rata', lang)}"
        text = f"{against} {base}: {text}" if text else f"{against} {base}"
    if text:
        head += f" — {text}"
    return head, [_sentence(n) for n in c.notes]
