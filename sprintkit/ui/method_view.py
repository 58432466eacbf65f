"""Showing methods, work forms, the search path and day plans to a person (rich, 80 columns)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.engine.agenda import Agenda
    from sprintkit.files.library import Found, SearchDir
    from sprintkit.model.method import Method, OutputSpec, Workform


def _l(lang: str) -> dict[str, str]:
    from sprintkit.i18n.prefix import words_under

    return words_under("methods.", lang)


def _origin(origin: str, lang: str) -> str:
    return _l(lang).get(f"origin.{origin}", origin)


def _group(size: str, words: dict[str, str]) -> str:
    """A work form's group size as shown: ``4-8``, or ``elke grootte`` for ``any``."""
    return words["group_any"] if size.strip().casefold() == "any" else size


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _dur(seconds: int) -> str:
    from sprintkit.model.common import format_duration

    return format_duration(seconds)


def _indent(markup: str, left: int) -> None:
    """Print ``markup`` with every wrapped line indented by ``left`` columns."""
    from rich.padding import Padding
    from rich.text import Text

    out().print(Padding(Text.from_markup(markup), (0, 0, 0, left), expand=False))


def _bullet(marker: str, markup: str, left: int) -> None:
    """A list item whose wrapped lines hang under its text, not under the marker."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=left + len(marker), no_wrap=True)
    grid.add_column()
    grid.add_row(" " * left + marker, Text.from_markup(markup))
    out().print(grid)


# --- methods -------------------------------------------------------------------------------


def print_method_list(found: list[Found[Method]], lang: str) -> None:
    from rich.table import Table

    from sprintkit.ops.methods import session_seconds

    words = _l(lang)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(words["method"], no_wrap=True)
    table.add_column(words["name"], ratio=1)
    table.add_column(words["days"], justify="right", no_wrap=True)
    table.add_column(words["time"], justify="right", no_wrap=True)
    table.add_column(words["origin"], no_wrap=True)
    for item in found:
        method = item.model
        origin = _origin(item.origin, lang)
        if item.shadows:
            origin += f" ({words['overrides']} {len(item.shadows)})"
        table.add_row(
            method.id,
            _esc(method.name.get(lang)),
            str(method.days or ""),
            _dur(session_seconds(method)),
            origin,
        )
    out().print(table)


def print_method(found: Found[Method], workforms: dict[str, Workform], lang: str) -> None:
    from rich.panel import Panel
    from rich.table import Table

    from sprintkit.ops.methods import session_seconds, total_seconds

    method = found.model
    words = _l(lang)
    console = out()
    head = [
        f"[bold]{_esc(method.name.get(lang))}[/bold]  [dim]({method.id})[/dim]",
        "",
        _esc(method.summary.get(lang)),
        "",
    ]
    if method.duration:
        head.append(f"[bold]{words['duration']}:[/bold] {_esc(method.duration.get(lang))}")
    if method.cycle:
        head.append(f"[bold]{words['cycle']}:[/bold] {method.cycle}")
    if method.sources:
        head.append(f"[bold]{words['sources']}:[/bold] {_esc(', '.join(method.sources))}")
    head.append(f"[dim]{_esc(str(found.path))}[/dim]")
    console.print(Panel("\n".join(head), expand=True))
    if method.roles:
        console.print(f"[bold]{words['roles']}[/bold]")
        for role in method.roles:
            line = f"[bold]{_esc(role.name.get(lang))}[/bold] [dim]({role.id})[/dim]"
            if role.description:
                line += f" — {_esc(role.description.get(lang))}"
            _bullet("•", line, 2)
        console.print()
    for number, phase in enumerate(method.phases, start=1):
        bits = [_dur(phase.seconds)]
        if phase.day:
            bits.append(f"{words['day']} {phase.day}")
        if phase.session_type:
            bits.append(_l(lang).get(f"session.{phase.session_type}", phase.session_type))
        console.print(
            f"[bold]{number}. {_esc(phase.title.get(lang))}[/bold]  "
            f"[dim]{phase.id} · {' · '.join(bits)}[/dim]"
        )
        _indent(_esc(phase.goal.get(lang)), 3)
        if phase.workforms:
            table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
            table.add_column(width=3)
            table.add_column(ratio=1)
            table.add_column(justify="right", no_wrap=True)
            for use in phase.workforms:
                wf = workforms.get(use.ref)
                name = wf.name.get(lang) if wf else use.ref
                timebox = use.timebox or (wf.timebox if wf else "")
                text = f"{_esc(name)} [dim]({use.ref})[/dim]"
                if use.note:
                    text += f"\n[italic]{_esc(use.note.get(lang))}[/italic]"
                table.add_row("", text, str(timebox))
            console.print(f"   [bold]{words['workforms']}[/bold]")
            console.print(table)
        if phase.outputs:
            console.print(f"   [bold]{words['outputs']}[/bold]")
            for spec in phase.outputs:
                _bullet("•", _output_line(spec, lang), 5)
        if phase.exit_criteria:
            console.print(f"   [bold]{words['exit']}[/bold]")
            for crit in phase.exit_criteria:
                _bullet("✓", _esc(crit.text.get(lang)), 5)
        console.print()
    if method.perspectives:
        names = ", ".join(f"{p.name.get(lang)} ({p.id})" for p in method.perspectives)
        console.print(f"[bold]{words['perspectives']}:[/bold] {_esc(names)}")
    if method.signifiers:
        console.print(f"[bold]{words['signifiers']}[/bold]")
        for sig in method.signifiers:
            kind = _l(lang).get(f"type.{sig.type}", sig.type)
            line = f"{_esc(sig.question.get(lang))} [dim]({sig.id}, {kind})[/dim]"
            options = sig.choices or sig.corners
            if options:
                line += "\n[dim]" + _esc(" · ".join(c.label.get(lang) for c in options)) + "[/dim]"
            elif sig.scale:
                low = sig.scale.min_label.get(lang) if sig.scale.min_label else ""
                high = sig.scale.max_label.get(lang) if sig.scale.max_label else ""
                line += f"\n[dim]{sig.scale.min} {_esc(low)} … {sig.scale.max} {_esc(high)}[/dim]"
            _bullet("•", line, 2)
        console.print()
    total, session = total_seconds(method), session_seconds(method)
    phases = f"{len(method.phases)} {words['phases'].lower()}"
    summary = f"[bold]{words['total']}:[/bold] {phases}, {_dur(total)}"
    if session != total:
        summary += f" ({_dur(session)} {words['in_sessions']})"
    if method.days:
        summary += f", {method.days} {words['days'].lower()}"
    console.print(summary)


def _output_line(spec: OutputSpec, lang: str) -> str:
    words = _l(lang)
    kind = _l(lang).get(f"type.{spec.type}", spec.type)
    extra = [kind]
    if spec.items_from:
        extra.append(f"← {spec.items_from}")
    if not spec.required:
        extra.append(words["optional"])
    line = f"{_esc(spec.prompt.get(lang))} [dim]({spec.id}: {', '.join(extra)})[/dim]"
    if spec.choices:
        line += "\n[dim]" + _esc(" · ".join(c.label.get(lang) for c in spec.choices)) + "[/dim]"
    if spec.when:
        line += f"\n[italic]{words['only_if']} {_esc(_when_text(spec.when, lang))}[/italic]"
    return line


def _when_text(when: Any, lang: str) -> str:
    if when.filled is not None:
        return _l(lang)["when_filled" if when.filled else "when_empty"].format(output=when.output)
    if when.equals is not None:
        value = str(when.equals).lower() if isinstance(when.equals, bool) else when.equals
        return f"{when.output} = {value}"
    if when.one_of is not None:
        return f"{when.output} ∈ {{{', '.join(map(str, when.one_of))}}}"
    return f"{when.output} ∋ {when.contains}"


def print_search_path(dirs: list[SearchDir], lang: str) -> None:
    words = _l(lang)
    console = out()
    console.print(words["searched"])
    for number, sd in enumerate(dirs, start=1):
        origin = _origin(sd.origin, lang)
        state = "" if sd.exists else f"  [dim]({words['missing']})[/dim]"
        console.print(f"  {number}. {origin:<14} {_esc(str(sd.path))}{state}")


# --- work forms ----------------------------------------------------------------------------


def print_workform_list(found: list[Found[Workform]], lang: str) -> None:
    from rich.table import Table

    words = _l(lang)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(words["work_form"], no_wrap=True)
    table.add_column(words["name"])
    table.add_column(words["mode"], no_wrap=True)
    table.add_column(words["timebox"], justify="right", no_wrap=True)
    for item in found:
        wf = item.model
        name = _esc(wf.name.get(lang))
        if item.origin != "built-in":
            name += f" [dim]({_origin(item.origin, lang)})[/dim]"
        table.add_row(wf.id, name, _l(lang)['mode.' + wf.mode], wf.timebox)
    out().print(table)


def print_workform(found: Found[Workform], lang: str, used_by: list[str]) -> None:
    from rich.panel import Panel

    wf = found.model
    words = _l(lang)
    head = [
        f"[bold]{_esc(wf.name.get(lang))}[/bold]  [dim]({wf.id})[/dim]",
        "",
        _esc(wf.summary.get(lang)),
        "",
        f"[bold]{words['mode']}:[/bold] {_l(lang)['mode.' + wf.mode]}   "
        f"[bold]{words['timebox']}:[/bold] {wf.timebox}"
        + (f"   [bold]{words['group']}:[/bold] {_esc(_group(wf.group_size, words))}"
           if wf.group_size else ""),
    ]
    console = out()
    console.print(Panel("\n".join(head), expand=True))
    console.print(f"[bold]{words['instructions']}[/bold]")
    for line in wf.instructions.get(lang).splitlines():
        number, _, rest = line.partition(" ")
        if number.rstrip(".").isdigit():
            _bullet(number, _esc(rest), 2)
        else:
            _indent(_esc(line), 2)
    console.print()
    console.print(f"[bold]{words['output']}:[/bold] {_esc(wf.output.get(lang))}")
    if wf.materials:
        console.print(f"[bold]{words['materials']}:[/bold] {_esc(wf.materials.get(lang))}")
    if wf.sources:
        console.print(f"[bold]{words['sources']}:[/bold] {_esc(', '.join(wf.sources))}")
    if used_by:
        console.print(f"[bold]{words['used_by']}:[/bold] {', '.join(used_by)}")


# --- agenda --------------------------------------------------------------------------------


def print_agenda(plan: Agenda) -> None:
    from rich.table import Table

    from sprintkit.engine.agenda import clock

    words = _l(plan.language)
    console = out()
    console.print(f"[bold]{_esc(plan.name)}[/bold]")
    for day in plan.days:
        title = f"{words['day'].capitalize()} {day.number}"
        if day.date:
            title += f" — {day.date.isoformat()}"
        console.print()
        console.print(f"[bold]{title}[/bold]")
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for slot in day.slots:
            when = (
                f"{clock(slot.start)}–{clock(slot.end)}"
                if slot.start is not None and slot.end is not None
                else ""
            )
            if slot.kind == "phase":
                table.add_row(f"[bold]{when}[/bold]", f"[bold]{_esc(slot.title)}[/bold]")
            elif slot.kind in ("break", "lunch"):
                table.add_row(when, f"[italic]{_esc(slot.title)}[/italic]")
            elif slot.kind == "off-session":
                table.add_row(
                    "",
                    f"[bold]{_esc(slot.title)}[/bold] — {_esc(slot.note or '')} "
                    f"({_dur(slot.minutes * 60)})",
                )
            else:
                table.add_row(when, f"  {_esc(slot.title)}")
        console.print(table)
    console.print()
    total = _l(plan.language)["agenda.total"]
    console.print(f"{total}: {_dur(plan.session_minutes * 60)}")
