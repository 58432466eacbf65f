"""What a walkthrough says when it ends (saved answers, the next step, the line after Ctrl-C)
and ``sprintkit status`` for people."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.ui.console import err, out
from sprintkit.ui.prompts import esc

if TYPE_CHECKING:
    from sprintkit.ops.run_exchange import RunResult


def texts(lang: str) -> dict[str, str]:
    """The walkthrough's words in ``lang`` (the catalogue's ``walkthrough.*``, by short key)."""
    return area_words("walkthrough.", lang)


def area_words(prefix: str, lang: str) -> dict[str, str]:
    """Every catalogue text under ``prefix`` in ``lang``, by its key without the prefix."""
    from sprintkit.i18n.prefix import words_under

    return words_under(prefix, lang)


def interrupted_line(lang: str, saved: int, sprint_file: Path | None) -> str:
    """The one line after Ctrl-C: what was saved and how to go on."""
    from sprintkit.files.textfile import display

    t = texts(lang)
    folder = display(sprint_file.parent) if sprint_file is not None else "."
    command = "sprintkit run" + (f" -s {folder}" if folder != "." else "")
    return t["interrupted"].format(saved=count(lang, saved), command=command)


def count(lang: str, n: int) -> str:
    """``1 answer``, ``3 answers`` (nl: ``1 antwoord``, ``3 antwoorden``)."""
    one, many = texts(lang)["answers"].split("|")
    return (one if n == 1 else many).format(n=n)


def print_result(result: RunResult) -> None:
    """What the walk did, and the next step."""
    from sprintkit.files.textfile import display

    t = texts(result.lang)
    folder = display(result.path.parent)
    s = f" -s {folder}" if folder != "." else ""
    console = err()
    console.print(esc(t["finished"].format(saved=count(result.lang, result.saved),
                                           file=display(result.path))))
    if result.pending:
        console.print(esc(t["pending"].format(n=result.pending, journal=".sprintkit/")))
    by_phase: dict[str, list[str]] = {}  # one line per phase, each with the command that asks it
    for key in result.skipped:
        by_phase.setdefault(key.split(".")[0], []).append(result.names.get(key, key))
    for phase, names in by_phase.items():
        console.print(esc(t["skipped"].format(outputs="; ".join(names),
                                              command=f"sprintkit run{s} --phase {phase}")))
    if result.next_phase:
        console.print(esc(t["next"].format(command=f"sprintkit run{s}")))
    else:
        console.print(esc(t["status_done"].format(s=s)))


# --- status ----------------------------------------------------------------------------------

def _states(lang: str) -> dict[str, str]:
    """The labels of the phase states and verdicts, from the vocabulary."""
    from sprintkit.vocabulary import label

    return {**{v: label("verdict", v, lang) for v in ("supported", "refuted", "inconclusive",
                                                      "insufficient_data")},
            **{v: label("phase_status", v, lang) for v in ("todo", "in_progress", "done",
                                                           "skipped")}}


def print_status(status: Any) -> None:
    """``sprintkit status`` for people (80 columns)."""
    from rich.table import Table

    from sprintkit.files.textfile import display

    w = {**_states(status.lang), **area_words("status.", status.lang)}
    console = out()
    done = sum(p.status == "done" for p in status.phases)
    console.print(f"[bold]{esc(status.sprint.title)}[/bold]  [dim]({esc(display(status.path))})"
                  "[/dim]")
    console.print(f"{w['method']}: {esc(status.method_name)} [dim]({status.method_id})[/dim] · "
                  + w["done_of"].format(done=done, of=len(status.phases)))
    console.print()
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(w["phase"], ratio=1)
    table.add_column(w["state"], no_wrap=True)
    table.add_column(w["answers"], justify="right", no_wrap=True)
    for n, p in enumerate(status.phases, start=1):
        title = f"{esc(p.title)} [dim]({p.id})[/dim]"
        notes = []
        skipped = status.skipped.get(p.id) or []
        missing = [status.names.get(m, m) for m in p.missing if m not in skipped]
        if missing and p.status == "in_progress":
            notes.append(f"{w['missing']}: {'; '.join(missing)}")
        if skipped:
            notes.append(f"{w['skipped']}: {'; '.join(status.names.get(m, m) for m in skipped)}")
        if notes:
            title += "\n[dim]" + esc("\n".join(notes)) + "[/dim]"
        state = w.get(p.status, p.status)
        style = {"done": "green", "in_progress": "yellow"}.get(p.status, "")
        table.add_row(str(n), title, f"[{style}]{state}[/{style}]" if style else state,
                      f"{p.answered}/{p.asked}")
    console.print(table)
    console.print()
    if status.next_phase is None:
        console.print(f"[bold]{w['next']}:[/bold] {w['finished']} — {esc(status.command)}")
    else:
        titles = {p.id: p.title for p in status.phases}
        where = (status.names.get(status.next_output, status.next_output) if status.next_output
                 else titles.get(status.next_phase, status.next_phase))
        console.print(f"[bold]{w['next']}:[/bold] {esc(where)} — {esc(status.command)}")
    by_phase: dict[str, list[str]] = {}
    for key, skipped in status.still_open:
        by_phase.setdefault(key.split(".")[0], []).append(
            f"{status.names.get(key, key)} ({w['skipped'] if skipped else w['missing']})")
    for phase_id, keys in by_phase.items():
        console.print(esc(w["still_open"].format(outputs="; ".join(keys),
                                                 command=status.open_command(phase_id))))
    counts = status.outputs
    line = w["captured"].format(**counts)
    if counts["skipped"]:
        line += " · " + w["skipped_n"].format(n=counts["skipped"])
    console.print(line)
    total = len(status.sprint.hypotheses)
    verdicts = [f"{w[k]} {v}" for k, v in status.hypotheses.items() if v]
    _items_line(console, w["hyps"].format(n=total) + (" — " if total and verdicts else ""),
                verdicts if total else [])
    if status.open_actions:
        overdue = status.actions.get("overdue", 0)
        head = w["actions"].format(n=len(status.open_actions))
        if overdue:
            head += f" ({w['overdue'].format(n=overdue)})"
        console.print(head)
        from rich.table import Table

        rows = Table.grid(padding=(0, 1, 0, 0))  # a long action wraps under its text, not its id
        rows.add_column(no_wrap=True)
        rows.add_column()
        for a in status.open_actions[:10]:
            bits = [b for b in (a["owner"], a["due"]) if b]
            extra = f" [dim]({esc(', '.join(bits))})[/dim]" if bits else ""
            rows.add_row(f"  {a['id']}", f"{esc(a['text'])}{extra}")
        console.print(rows)
    else:
        console.print(w["no_actions"])
    if status.pending:
        console.print(f"[yellow]{esc(w['pending'].format(n=status.pending))}[/yellow]")
    for session in status.live_sessions[-3:]:  # the latest live sessions (sprintkit serve)
        console.print(esc(w["live"].format(**session)))


def _items_line(console: Any, head: str, items: list[str], sep: str = " · ") -> None:
    """``head`` and ``items`` on one line; where they do not fit, the items wrap whole, each
    line under the first item (a count never ends up alone on a line)."""
    from rich.cells import cell_len

    indent = cell_len(head)
    lines = [""]
    for item in items:
        joined = f"{lines[-1]}{sep}{item}" if lines[-1] else item
        if lines[-1] and indent + cell_len(joined) > console.width:
            lines[-1] += sep.rstrip()
            lines.append(item)
        else:
            lines[-1] = joined
    console.print(head + lines[0], markup=False)
    for line in lines[1:]:
        console.print(" " * indent + line, markup=False)
