"""How hypotheses, evidence and verdicts look in the terminal (nl/en), readable at 80 columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.i18n import numbers
from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.engine.evidence import VerdictResult
    from sprintkit.model.sprint import Hypothesis, Sprint

_T: dict[str, dict[str, str]] = {
    "hypothesis": {"en": "Hypothesis", "nl": "Hypothese"},
    "id": {"en": "ID", "nl": "ID"},
    "statement": {"en": "We believe that", "nl": "Wij geloven dat"},
    "target": {"en": "Target", "nl": "Criterium"},
    "result": {"en": "Result", "nl": "Uitkomst"},
    "interval": {"en": "Interval", "nl": "Interval"},
    "p": {"en": "P(meets)", "nl": "Kans"},
    "verdict": {"en": "Verdict", "nl": "Oordeel"},
    "needed": {"en": "Needed n", "nl": "Nodig n"},
    "strength": {"en": "Strength", "nl": "Bewijskracht"},
    "decision": {"en": "Decision", "nl": "Besluit"},
    "quotes": {"en": "quotes", "nl": "citaten"},
    "quote": {"en": "quote", "nl": "citaat"},
    "risk": {"en": "Risk", "nl": "Risico"},
    "kind": {"en": "Kind", "nl": "Soort"},
    "owner": {"en": "Owner", "nl": "Eigenaar"},
    "test": {"en": "To verify that, we will", "nl": "Om dat te toetsen, gaan we"},
    "metric": {"en": "And measure", "nl": "En meten we"},
    "criterion": {"en": "We are right if", "nl": "We hebben gelijk als"},
    "confidence": {"en": "confidence", "nl": "betrouwbaarheid"},
    "min_n": {"en": "minimum n", "nl": "minimale n"},
    "derived": {"en": "Derived from", "nl": "Afgeleid van"},
    "evidence": {"en": "Evidence", "nl": "Bewijs"},
    "no_evidence": {"en": "No evidence yet.", "nl": "Nog geen bewijs."},
    "date": {"en": "Date", "nl": "Datum"},
    "type": {"en": "Type", "nl": "Type"},
    "source": {"en": "Source", "nl": "Bron"},
    "observation": {"en": "Observation", "nl": "Waarneming"},
    "history": {
        "en": "History (changes after evidence)",
        "nl": "Geschiedenis (wijzigingen na bewijs)",
    },
    "learnings": {"en": "Learning cards", "nl": "Leerkaarten"},
    "notes": {"en": "Notes", "nl": "Toelichting"},
    "against": {"en": "against the verdict", "nl": "tegen het oordeel in"},
    "reason": {"en": "reason", "nl": "reden"},
    "values": {"en": "values", "nl": "waarden"},
    "mean": {"en": "mean", "nl": "gem."},
}


def t(key: str, lang: str) -> str:
    texts = _T[key]
    return texts.get(lang, texts["en"])


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
        return f"{t('mean', lang)} {num(r.estimate, lang)} (n={r.n})"
    return f"{r.n} {t('quote' if r.n == 1 else 'quotes', lang)}"


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
    basis = {"proportion": {"en": "rate", "nl": "percentage"},
             "mean": {"en": "mean and spread", "nl": "gemiddelde en spreiding"}}[r.kind]
    if r.needed_n is None:
        if r.verdict == "inconclusive":
            return {"en": "at the observed {b}, no number of observations would reach a verdict",
                    "nl": "bij het waargenomen {b} geeft geen enkel aantal waarnemingen een "
                    "oordeel"}[_lang(lang)].format(b=basis[_lang(lang)])
        return None
    more = r.still_needed or 0
    if not more:
        return None
    return {"en": "at the observed {b}, {total} observations in total would reach a verdict "
            "({more} more)",
            "nl": "bij het waargenomen {b} geven {total} waarnemingen in totaal een oordeel "
            "(nog {more})"}[_lang(lang)].format(b=basis[_lang(lang)], total=r.needed_n, more=more)


def _lang(lang: str) -> str:
    return "nl" if lang == "nl" else "en"


def verdict_cell(r: VerdictResult, lang: str) -> str:
    from sprintkit.engine.evidence import verdict_label

    text = verdict_label(r.final, lang)
    return text + "*" if r.override else text


def verdict_table(results: list[VerdictResult], lang: str) -> None:
    """The verdicts as a table, then every caveat and override, per hypothesis."""
    from rich import box
    from rich.table import Table

    from sprintkit.engine.evidence import strength_label

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0), show_edge=False)
    table.add_column(t("id", lang), no_wrap=True)
    table.add_column(t("target", lang), no_wrap=True)
    narrow = out().width < 96  # rich shrinks columns unevenly; cap the wrapping ones ourselves
    table.add_column(t("result", lang), overflow="fold", min_width=8,
                     max_width=10 if narrow else None)
    table.add_column(t("interval", lang), min_width=7, max_width=9 if narrow else None)
    table.add_column(t("p", lang), justify="right", no_wrap=True)
    table.add_column(t("verdict", lang), overflow="fold", min_width=12,
                     max_width=13 if narrow else None)
    table.add_column(t("needed", lang), justify="right", no_wrap=True)
    table.add_column(t("strength", lang), no_wrap=True)
    for r in results:
        table.add_row(
            r.id, r.target or "—", result_cell(r, lang), interval_cell(r, lang),
            probability(r.p_meets_target, lang), verdict_cell(r, lang), needed_cell(r),
            strength_label(r.strength, lang),
        )
    out().print(table, markup=False)
    notes(results, lang)


def notes(results: list[VerdictResult], lang: str) -> None:
    """Observations still needed, and caveats (including a facilitator's verdict and its
    reason), under a verdict table: one bullet each, with a hanging indent."""
    from rich.table import Table
    from rich.text import Text

    lines = []
    for r in results:
        sentence = needed_sentence(r, lang)
        if sentence:
            lines.append((r.id, sentence[0].upper() + sentence[1:] + "."))
        lines.extend((r.id, caveat) for caveat in r.caveats)
    if not lines:
        return
    out().print(f"\n{t('notes', lang)}:", markup=False)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for hid, text in lines:
        grid.add_row("  •", Text(hid + ":"), Text(text))
    out().print(grid)


def hypothesis_table(model: Sprint, lang: str) -> None:
    """The hypotheses, one row each: statement, target, result so far, verdict, decision."""
    from rich import box
    from rich.table import Table

    from sprintkit.engine.evidence import decision_label, evaluate, latest_decision

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("id", lang), no_wrap=True)
    table.add_column(t("hypothesis", lang), ratio=1, overflow="fold")
    table.add_column(t("target", lang), no_wrap=True)
    table.add_column(t("result", lang), overflow="fold")
    table.add_column(t("verdict", lang), overflow="fold")
    table.add_column(t("decision", lang), overflow="fold")
    for h in model.hypotheses:
        r = evaluate(h, lang)
        decision = latest_decision(model.learnings, h.id)
        table.add_row(
            h.id, h.statement, r.target or "—", result_cell(r, lang), verdict_cell(r, lang),
            decision_label(decision, lang) if decision else "—",
        )
    out().print(table, markup=False)


def hypothesis_card(model: Sprint, h: Hypothesis, lang: str) -> None:
    """One hypothesis in full: test card, evidence, verdict, history, learning cards."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from sprintkit.engine.evidence import decision_label, evaluate, strength_label

    console = out()
    console.print(f"[bold]{escape(h.id)}[/bold] — {escape(h.statement)}")
    facts: list[tuple[str, Any]] = [
        (t("risk", lang), h.risk), (t("kind", lang), h.kind), (t("owner", lang), h.owner),
        (t("test", lang), h.test), (t("metric", lang), h.metric),
        (t("criterion", lang), h.criterion), (t("derived", lang), h.derived_from),
    ]
    for label, value in facts:
        if value:
            console.print(f"  {label}: {escape(str(value))}")
    target = f"{h.target}" if h.target is not None else "—"
    extra = f"{t('confidence', lang)} {pct(h.confidence, lang, 0)}"
    if h.min_n:
        extra += f", {t('min_n', lang)} {h.min_n}"
    console.print(f"  {t('target', lang)}: {target} ({extra})")

    console.print(f"\n[bold]{t('evidence', lang)}[/bold]")
    if not h.evidence:
        console.print(f"  {t('no_evidence', lang)}")
    else:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        for key in ("id", "date", "type", "source"):
            table.add_column(t(key, lang), overflow="fold")
        table.add_column(t("observation", lang), ratio=1, overflow="fold")
        for e in h.evidence:
            if e.successes is not None:
                seen = f"{e.successes}/{e.trials}"
            elif e.values is not None:
                shown = ", ".join(numbers.number(v, lang) for v in e.values[:8])
                more = " …" if len(e.values) > 8 else ""
                seen = f"{len(e.values)} {t('values', lang)}: {shown}{more}"
            else:
                seen = f"“{e.quote}”"
            if e.note:
                seen += f" ({e.note})"
            table.add_row(e.id or "", str(e.date or ""), e.type or "", e.source or "", seen)
        console.print(table, markup=False)

    r = evaluate(h, lang)
    console.print(f"\n[bold]{t('verdict', lang)}[/bold]: {escape(verdict_cell(r, lang))} "
                  f"({t('strength', lang).lower()}: {strength_label(r.strength, lang)})")
    verdict_table([r], lang)

    if h.history:
        console.print(f"\n[bold]{t('history', lang)}[/bold]")
        for entry in h.history:
            why = f" — {t('reason', lang)}: {entry.reason}" if entry.reason else ""
            console.print(
                f"  {entry.date:%Y-%m-%d %H:%M} {entry.field}: {entry.old or '—'} → "
                f"{entry.new or '—'}{why}", markup=False,
            )
    cards = [ln for ln in model.learnings if ln.hypothesis == h.id]
    if cards:
        console.print(f"\n[bold]{t('learnings', lang)}[/bold]")
        for ln in cards:
            decision = decision_label(ln.decision, lang) if ln.decision else "—"
            flag = f" [{t('against', lang)}]" if ln.against_verdict else ""
            why = f" — {t('reason', lang)}: {ln.reason}" if ln.reason else ""
            console.print(f"  {ln.id}: {decision}{flag}{why}", markup=False)
            console.print(f"    {ln.observed} → {ln.learned} → {ln.action}", markup=False)
    console.print()


def no_hypotheses(lang: str) -> None:
    """Say there is nothing to show yet, in the sprint's language (on stderr)."""
    from sprintkit.ui import console

    console.info("nog geen hypothesen; voeg er een toe met `sprintkit hypothesis add`"
                 if lang == "nl" else
                 "no hypotheses yet; add one with `sprintkit hypothesis add`")
