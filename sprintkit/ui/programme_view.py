"""How a programme's chain and its hypothesis lineages look in the terminal (nl/en), readable
at 80 columns: one block per sprint, and each lineage as a tree. The words are in the
catalogue (``cli.programme.view.*``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.engine.lineage import Lineage, Step
    from sprintkit.ops.programme_views import LineageView, ProgrammeStatus, SprintStatus

def t(key: str, lang: str) -> str:
    """A word of the programme views (``cli.programme.view.*`` in the catalogue) in ``lang``."""
    from sprintkit import i18n

    return i18n.t(f"cli.programme.view.{key}", lang)


def _bar(share: float, width: int = 10) -> str:
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def _verdicts(counts: dict[str, int], lang: str) -> str:
    from sprintkit.engine.evidence import verdict_label

    total = sum(counts.values())
    if not total:
        return t("none", lang)
    parts = [f"{n} {verdict_label(v, lang)}" for v, n in counts.items() if n]
    return f"{total}: " + ", ".join(parts)


def _actions(counts: dict[str, int], lang: str) -> str:
    if not sum(counts.get(k, 0) for k in ("todo", "doing", "done", "escalated")):
        return t("none", lang)
    if not counts.get("open"):
        return t("all_done", lang)
    parts = [f"{counts['open']} {t('open', lang)}"]
    if counts.get("overdue"):
        parts.append(f"{counts['overdue']} {t('overdue', lang)}")
    if counts.get("escalated"):
        parts.append(f"{counts['escalated']} {t('escalated', lang)}")
    return ", ".join(parts)


def status_view(status: ProgrammeStatus) -> None:
    """The programme's head, then one block per sprint in chain order, then the totals."""
    from rich.markup import escape
    from rich.table import Table

    from sprintkit.render.fmt import format_date_range

    lang = status.lang
    p = status.programme
    console = out()
    console.print(f"[bold]{escape(p.title)}[/bold]  ({escape(p.id)})")
    head = [x for x in (p.organisation, format_date_range(status.start, status.end, lang)) if x]
    if head:
        console.print(" · ".join(head), markup=False)
    if p.goal:
        console.print(f"{t('goal', lang)}: {p.goal}", markup=False, soft_wrap=False)
    if status.chain_text:
        console.print(f"{t('chain', lang)}: {status.chain_text}", markup=False)
    console.print()
    if not status.sprints:
        console.print(t("no_sprints", lang), markup=False)
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for row in status.sprints:
        _sprint_rows(grid, row, status, lang)
    console.print(grid)
    totals = status.totals()
    console.print(
        f"\n{t('total', lang)}: {totals['sprints']} {t('sprints', lang)}, "
        f"{t('hypotheses', lang)} {_verdicts(totals['by_verdict'], lang)}; "
        f"{t('actions', lang)} {_actions(totals['actions'], lang)}", markup=False)
    if status.lineages:
        console.print(t("lineages", lang).format(n=status.lineages), markup=False)
    _problems(status.problems)


def _sprint_rows(grid: Any, row: SprintStatus, status: ProgrammeStatus, lang: str) -> None:
    from rich.text import Text

    from sprintkit.render.fmt import format_date_range

    e = row.entry
    s = e.sprint
    number = f"{e.position}."
    if s is None:
        state = t("missing" if e.state == "missing" else "invalid", lang)
        grid.add_row(Text(number), Text(e.path, style="bold"),
                     Text(f"✗ {state}: {e.problem}", style="red"))
        return
    grid.add_row(Text(number), Text(s.id, style="bold"), Text(s.title))
    facts = [row.method_name or s.method, format_date_range(s.start, s.end, lang)]
    meta = " · ".join(x for x in facts if x)
    if s.id in status.out_of_order:
        meta += f" ({t('out_of_order', lang)})"
    grid.add_row("", "", Text(meta, style="dim"))
    if row.phases:
        done = sum(p.status in ("done", "skipped") for p in row.phases)
        text = f"{_bar(row.share or 0.0)} {done}/{len(row.phases)}"
        if row.next_phase:
            text += f" · {t('next', lang)}: {row.next_title or row.next_phase}"
        else:
            text += f" {t('done', lang)}"
        grid.add_row("", t("phases", lang), Text(text))
    elif e.method_problem:
        grid.add_row("", t("phases", lang), Text(f"{t('no_method', lang)}: {e.method_problem}",
                                                 style="yellow"))
    grid.add_row("", t("hypotheses", lang), Text(_verdicts(row.verdicts, lang)))
    if row.derived_in or row.derived_out:
        parts = []
        if row.derived_in:
            parts.append(t("from_earlier", lang).format(n=row.derived_in))
        if row.derived_out:
            parts.append(t("carried_on", lang).format(n=row.derived_out))
        grid.add_row("", t("lineage", lang), Text(", ".join(parts)))
    grid.add_row("", t("actions", lang), Text(_actions(row.actions, lang)))


def _problems(problems: list[dict[str, Any]]) -> None:
    from sprintkit.ui import console

    for p in problems:
        console.warning(f"{p['hypothesis']}: {p['message']}")


# --- lineage -------------------------------------------------------------------------------


def lineage_view(view: LineageView) -> None:
    """Each lineage as a tree: sprint, statement, result, verdict and decision per step, and
    what changed from the step before."""
    from rich.tree import Tree

    lang = view.lang
    console = out()
    if not view.lineages:
        console.print(t("no_lineages", lang), markup=False)
    titles = {e.id: (e.position, e.sprint.title) for e in view.entries if e.sprint is not None}
    for number, lineage in enumerate(view.lineages, start=1):
        if number > 1:
            console.print()
        console.print(_lineage_head(lineage, number, lang, len(view.lineages)), markup=False)
        nodes: dict[Any, Tree] = {}
        root: Tree | None = None
        for step in lineage.steps:
            label = _step_label(step, titles, lang, selected=step.ref == view.selected)
            if step.parent is None or step.parent not in nodes:
                root = Tree(label, guide_style="dim")
                nodes[step.ref] = root
            else:
                nodes[step.ref] = nodes[step.parent].add(label)
        if root is not None:
            console.print(root)
        _outcome(lineage, lang)
    for e in view.entries:
        if not e.ok:
            from sprintkit.ui import console as facade

            facade.warning(f"{e.position}. {e.id}: {t('unreadable', lang)} ({e.problem})")
    _problems([p.to_json() for p in view.index.problems])


def _lineage_head(lineage: Lineage, number: int, lang: str, count: int) -> str:
    path = " → ".join(lineage.sprints)
    head = f"{t('line', lang)} {number}" if count > 1 else t("line", lang)
    return f"{head}: {lineage.root} · {len(lineage.steps)} {t('steps', lang)} · {path}"


def _step_label(step: Step, titles: dict[str, tuple[int, str]], lang: str, *, selected: bool
                ) -> Any:
    from rich.text import Text

    from sprintkit.engine.evidence import decision_label
    from sprintkit.ui.evidence_view import result_cell, verdict_cell

    position, title = titles.get(step.ref.sprint, (step.position, step.sprint_title))
    text = Text()
    text.append(str(step.ref), style="bold reverse" if selected else "bold")
    text.append(f"  {position}. {title}", style="dim")
    if step.parent is not None:
        text.append("\n" + _relation(step, lang), style="italic")
    text.append("\n" + step.statement)
    facts = [result_cell(step.result, lang), verdict_cell(step.result, lang)]
    if step.hypothesis.target is not None:
        facts.insert(0, step.hypothesis.target.shown(lang))
    if step.decision:
        facts.append(f"{t('decision', lang)}: {decision_label(step.decision, lang)}")
    text.append("\n" + " · ".join(facts))
    return text


def _relation(step: Step, lang: str) -> str:
    if step.relation == "retest":
        return f"↳ {t('retest', lang)}"
    parts = []
    for change in step.changes:
        name = t(change.field, lang)
        if change.field in ("statement", "criterion", "metric"):
            parts.append(f"{name} {t('changed', lang)}")
        elif change.field == "kind":
            parts.append(f"{name} {t(change.old or 'proportion', lang)} → "
                         f"{t(change.new or 'proportion', lang)}")
        else:
            parts.append(f"{name} {change.old or '—'} → {change.new or '—'}")
    return f"↳ {t('adapt', lang)}: " + "; ".join(parts)


def _outcome(lineage: Lineage, lang: str) -> None:
    from sprintkit.engine.evidence import decision_label, verdict_label

    parts = []
    for leaf in lineage.leaves:
        text = f"{leaf.ref} {verdict_label(leaf.result.final, lang)}"
        if leaf.decision:
            text += f", {decision_label(leaf.decision, lang)}"
        parts.append(text)
    out().print(f"{t('now', lang)}: " + "; ".join(parts), markup=False)
