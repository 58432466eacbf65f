"""``sprintkit agenda``: the day plan of a sprint or a method, with clock times and breaks."""

from __future__ import annotations

from pathlib import Path

from sprintkit.engine.agenda import Agenda, AgendaSettings, build_agenda, clock, parse_clock
from sprintkit.errors import UsageError
from sprintkit.files import library
from sprintkit.model.common import format_duration

__all__ = ["agenda", "agenda_markdown"]

def agenda(
    *,
    sprint: Path | None = None,
    method: str | None = None,
    start: str = "09:00",
    days: int | None = None,
    lang: str | None = None,
) -> Agenda:
    """The day plan. With ``method`` the method's own plan (``sprint``, when given, only adds its
    ``methods/`` folder to the search path); otherwise the sprint's method, in the sprint's
    language, from its start date, leaving out phases marked as skipped."""
    if method is None:
        from sprintkit.ops.scope import speak

        speak(sprint)  # a refused --start is told in the sprint's language
    try:
        start_minutes = parse_clock(start)
    except ValueError as exc:
        raise UsageError(f"--start: {exc}") from None
    if days is not None and days < 1:
        from sprintkit.i18n import msg

        raise UsageError(msg("methods.agenda.days"))
    settings = AgendaSettings(start=start_minutes)
    skip: set[str] = set()
    first_date = None
    if method is not None:
        found = library.get_method(method, sprint)
        language = lang or "nl"
    else:
        from sprintkit.files.sprintfile import load_sprint

        loaded = load_sprint(sprint)
        model = loaded.model
        found = library.get_method(model.method, loaded.dir)
        language = lang or model.language
        skip = {pid for pid, state in model.phases.items() if state.status == "skipped"}
        first_date = model.start
        sprint = loaded.dir
    workforms = library.workform_index(found.model, sprint)
    return build_agenda(
        found.model,
        workforms,
        lang=language,
        settings=settings,
        days=days,
        skip=skip,
        first_date=first_date,
    )


def agenda_markdown(plan: Agenda) -> str:
    """The day plan as Markdown, ready to paste into an invitation."""
    from sprintkit.i18n import t

    words = {key: t(f"methods.agenda.{key}", plan.language) for key in ("day", "time", "what",
                                                                        "total")}
    lines = [f"# {plan.name}", ""]
    for day in plan.days:
        title = f"## {words['day']} {day.number}"
        if day.date:
            title += f" — {day.date.isoformat()}"
        lines += [title, "", f"| {words['time']} | {words['what']} |", "|---|---|"]
        for slot in day.slots:
            when = (
                f"{clock(slot.start)}–{clock(slot.end)}"
                if slot.start is not None and slot.end is not None
                else ""
            )
            text = _md(slot.title)
            if slot.kind == "phase":
                text = f"**{text}**"
            elif slot.kind in ("break", "lunch"):
                text = f"*{text}*"
            elif slot.kind == "off-session":
                text = f"**{text}** — {_md(slot.note or '')}"
            else:
                text = f"&nbsp;&nbsp;{text}"
            lines.append(f"| {when} | {text} |")
        lines.append("")
    lines.append(f"{words['total']}: {format_duration(plan.session_minutes * 60)}")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")
