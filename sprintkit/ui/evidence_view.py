"""How hypotheses, evidence and verdicts look in the terminal (nl/en), readable at 80 columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.i18n import numbers, t
from sprintkit.ui.console import out
from sprintkit.vocabulary import label

if TYPE_CHECKING:
    from sprintkit.engine.evidence import VerdictResult
    from sprintkit.model.sprint import Hypothesis, Sprint

def pct(x: float, lang: str, digits: int = 1) -> str:
    return numbers.percent(x, lang, digits, trim=False, whole_ends=True)


def num(x: float, lang: str) -> str:
    return numbers.number(x, lang, 0 if abs(x) >= 1000 else 2, trim=False)


def probability(p: float | None, lang: str) -> str:
    if p is None:
        return "—"
    if p < 0.01:
        return "<1%"
    if p > 0.99:
        return ">99%"
    return pct(p, lang, 0)


def result_cell(r: VerdictResult, lang: str) -> str:
    if r.kind == "proportion":
        if not r.n:
            return "0/0"
        return f"{r.successes}/{r.n} ({pct(r.estimate or 0.0, lang)})"
    if r.kind == "mean":
        if r.estimate is None:
            return "n=0"
        return f"{t('evidence.view.mean', lang)} {num(r.estimate, lang)} (n={r.n})"
    return f"{r.n} {t('evidence.view.quote' if r.n == 1 else 'evidence.view.quotes', lang)}"


def interval_cell(r: VerdictResult, lang: str) -> str:
    if r.ci_low is None or r.ci_high is None:
        return "—"
    if r.kind == "proportion":
        text = f"{pct(r.ci_low, lang).rstrip('%')} – {pct(r.ci_high, lang)}"
    else:
        text = f"{num(r.ci_low, lang)} – {num(r.ci_high, lang)}"
    if abs(r.confidence - 0.95) > 1e-9:
        text += f" @{pct(r.confidence, lang, 0)}"
    return text


def needed_cell(r: VerdictResult) -> str:
    return "—" if r.needed_n is None else str(r.needed_n)


def needed_sentence(r: VerdictResult, lang: str) -> str | None:
    """Say how many more observations would decide it, at the observed rate or mean."""
    if r.final != r.verdict or r.kind == "qualitative" or not r.n:
        return None
    basis = t(f"evidence.view.basis_{r.kind}", lang)
    if r.needed_n is None:
        if r.verdict == "inconclusive":
            return t("evidence.view.never_decides", lang, basis=basis)
        return None
    more = r.still_needed or 0
    if not more:
        return None
    return t("evidence.view.would_decide", lang, basis=basis, total=r.needed_n, more=more)


def target_cell(r: VerdictResult, lang: str) -> str:
    """The criterion as a person reads it: ``>=7,5`` in Dutch (files and JSON keep ``>=7.5``)."""
    return numbers.localise(r.target, lang) if r.target else "—"


def verdict_cell(r: VerdictResult, lang: str) -> str:
    from sprintkit.engine.evidence import verdict_label

    text = verdict_label(r.final, lang)
    return text + "*" if r.override else text


def verdict_table(results: list[VerdictResult], lang: str) -> None:
    """The verdicts as a table, then every caveat and override, per hypothesis."""
    from rich import box
    from rich.table import Table

    from sprintkit.engine.evidence import strength_label
    from sprintkit.ui.tablewidths import pinned

    narrow = out().width < 96  # rich shrinks columns unevenly; cap the wrapping ones ourselves

    def columns() -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0),
                      show_edge=False)
        table.add_column(t("evidence.view.id", lang), no_wrap=True)
        table.add_column(t("evidence.view.target", lang), no_wrap=True)
        table.add_column(t("evidence.view.result", lang), overflow="fold", min_width=8,
                         max_width=10 if narrow else None)
        table.add_column(t("evidence.view.interval", lang), min_width=7,
                         max_width=9 if narrow else None)
        table.add_column(t("evidence.view.p", lang), justify="right", no_wrap=True)
        table.add_column(t("evidence.view.verdict", lang), overflow="fold", min_width=12,
                         max_width=13 if narrow else None)
        table.add_column(t("evidence.view.needed", lang), justify="right", no_wrap=True)
        table.add_column(t("evidence.view.strength", lang), no_wrap=True)
        return table

    rows = [(r.id, target_cell(r, lang), result_cell(r, lang), interval_cell(r, lang),
             probability(r.p_meets_target, lang), verdict_cell(r, lang), needed_cell(r),
             strength_label(r.strength, lang)) for r in results]
    console = out()
    console.print(pinned(columns, rows, console, console.options.update(markup=False)),
                  markup=False)
    notes(results, lang)


def notes(results: list[VerdictResult], lang: str) -> None:
    """Observations still needed, and caveats (including a facilitator's verdict and its
    reason), under a verdict table: one bullet each, with a hanging indent."""
    from rich.table import Table
    from rich.text import Text

    from sprintkit.ui.tablewidths import pinned

    lines = []
    for r in results:
        sentence = needed_sentence(r, lang)
        if sentence:
            lines.append((r.id, sentence[0].upper() + sentence[1:] + "."))
        lines.extend((r.id, caveat) for caveat in r.caveats)
    if not lines:
        return
    out().print(f"\n{t('evidence.view.notes', lang)}:", markup=False)

    def columns() -> Table:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        return grid

    console = out()
    console.print(pinned(columns, [("  •", Text(hid + ":"), Text(text)) for hid, text in lines],
                         console, console.options))


def hypothesis_table(model: Sprint, lang: str) -> None:
    """The hypotheses, one row each: statement, target, result so far, verdict, decision."""
    from rich import box
    from rich.table import Table

    from sprintkit.engine.evidence import decision_label, evaluate, latest_decision
    from sprintkit.ui.tablewidths import pinned

    def columns() -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column(t("evidence.view.id", lang), no_wrap=True)
        table.add_column(t("evidence.view.hypothesis", lang), ratio=1, overflow="fold")
        table.add_column(t("evidence.view.target", lang), no_wrap=True)
        table.add_column(t("evidence.view.result", lang), overflow="fold")
        table.add_column(t("evidence.view.verdict", lang), overflow="fold")
        table.add_column(t("evidence.view.decision", lang), overflow="fold")
        return table

    rows = []
    for h in model.hypotheses:
        r = evaluate(h, lang)
        decision = latest_decision(model.learnings, h.id)
        rows.append((h.id, h.statement, target_cell(r, lang), result_cell(r, lang),
                     verdict_cell(r, lang), decision_label(decision, lang) if decision else "—"))
    console = out()
    console.print(pinned(columns, rows, console, console.options.update(markup=False)),
                  markup=False)


def hypothesis_card(model: Sprint, h: Hypothesis, lang: str) -> None:
    """One hypothesis in full: test card, evidence, verdict, history, learning cards."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from sprintkit.engine.evidence import decision_label, evaluate, field_label, strength_label

    console = out()
    console.print(f"[bold]{escape(h.id)}[/bold] — {escape(h.statement)}")
    facts: list[tuple[str, Any]] = [
        (t("evidence.view.risk", lang), label("risk", h.risk, lang) if h.risk else None),
        (t("evidence.view.kind", lang), t(f"hypothesis.kind.{h.kind}", lang)),
        (t("evidence.view.owner", lang), h.owner),
        (t("evidence.view.test", lang), h.test), (t("evidence.view.metric", lang), h.metric),
        (t("evidence.view.criterion", lang), h.criterion),
        (t("evidence.view.derived", lang), h.derived_from),
    ]
    for name, value in facts:
        if value:
            console.print(f"  {name}: {escape(str(value))}")
    target = h.target.shown(lang) if h.target is not None else "—"
    extra = f"{t('evidence.view.confidence', lang)} {pct(h.confidence, lang, 0)}"
    if h.min_n:
        extra += f", {t('evidence.view.min_n', lang)} {h.min_n}"
    console.print(f"  {t('evidence.view.target', lang)}: {target} ({extra})")

    console.print(f"\n[bold]{t('evidence.view.evidence', lang)}[/bold]")
    if not h.evidence:
        console.print(f"  {t('evidence.view.no_evidence', lang)}")
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        for key in ("id", "date", "type", "source"):
            table.add_column(t(f"evidence.view.{key}", lang), overflow="fold")
        table.add_column(t("evidence.view.observation", lang), ratio=1, overflow="fold")
        for e in h.evidence:
            if e.successes is not None:
                seen = f"{e.successes}/{e.trials}"
            elif e.values is not None:
                shown = ", ".join(numbers.number(v, lang) for v in e.values[:8])
                more = " …" if len(e.values) > 8 else ""
                seen = f"{len(e.values)} {t('evidence.view.values', lang)}: {shown}{more}"
            else:
                seen = f"“{e.quote}”"
            if e.note:
                seen += f" ({e.note})"
            kind = label("evidence_type", e.type, lang) if e.type else ""
            table.add_row(e.id or "", str(e.date or ""), kind, e.source or "", seen)
        console.print(table, markup=False)

    r = evaluate(h, lang)
    strength = t("evidence.view.strength", lang).lower()
    console.print(f"\n[bold]{t('evidence.view.verdict', lang)}[/bold]: "
                  f"{escape(verdict_cell(r, lang))} "
                  f"({strength}: {strength_label(r.strength, lang)})")
    verdict_table([r], lang)

    if h.history:
        console.print(f"\n[bold]{t('evidence.view.history', lang)}[/bold]")
        for entry in h.history:
            why = f" — {t('evidence.view.reason', lang)}: {entry.reason}" if entry.reason else ""
            old, new = (_history_value(entry.field, v, lang) for v in (entry.old, entry.new))
            console.print(
                f"  {entry.date:%Y-%m-%d %H:%M} {field_label(entry.field, lang)}: {old} → "
                f"{new}{why}", markup=False,
            )
    cards = [ln for ln in model.learnings if ln.hypothesis == h.id]
    if cards:
        console.print(f"\n[bold]{t('evidence.view.learnings', lang)}[/bold]")
        for ln in cards:
            decision = decision_label(ln.decision, lang) if ln.decision else "—"
            flag = f" [{t('evidence.view.against', lang)}]" if ln.against_verdict else ""
            why = f" — {t('evidence.view.reason', lang)}: {ln.reason}" if ln.reason else ""
            console.print(f"  {ln.id}: {decision}{flag}{why}", markup=False)
            console.print(f"    {ln.observed} → {ln.learned} → {ln.action}", markup=False)
    console.print()


def _history_value(field: str, value: str | None, lang: str) -> str:
    """An old or new value in a hypothesis's history, with the label of a verdict or kind."""
    from sprintkit.engine.evidence import verdict_label

    if not value:
        return "—"
    if field == "override":
        return verdict_label(value, lang)
    if field == "kind":
        return t(f"hypothesis.kind.{value}", lang)
    if field == "risk":
        return label("risk", value, lang)
    if field in ("target", "confidence"):
        return numbers.localise(value, lang)  # >=7,5 and 0,9 in Dutch
    return value


def no_hypotheses(lang: str) -> None:
    """Say there is nothing to show yet, in the sprint's language (on stderr)."""
    from sprintkit.ui import console

    console.info(t("evidence.view.no_hypotheses", lang))
