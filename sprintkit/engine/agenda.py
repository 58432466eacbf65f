"""The day plan of a method: clock times per phase and work form, with breaks and lunch.

Pure logic: it takes a validated method and the work forms it uses, and returns an
:class:`Agenda`. Phases run in the method's order, on their ``day`` (or spread over a chosen
number of days). Phases that happen outside the sessions (asynchronous assignments, fieldwork)
are listed on their day without clock times. Breaks are placed between work forms; a long work
form (a prototype day, a morning of user tests) is split around them."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sprintkit.model.method import Method, Phase, Workform

OFF_SESSION = ("asynchronous", "fieldwork")
"""Session types that take place between the sessions, not in the room."""

def word(key: str, lang: str) -> str:
    from sprintkit.i18n import t

    return t(f"methods.agenda.{key}", lang)


@dataclass(frozen=True)
class AgendaSettings:
    """Times in minutes after midnight; lengths in minutes."""

    start: int = 9 * 60
    lunch_at: int = 12 * 60
    lunch: int = 45
    break_after: int = 90
    short_break: int = 15
    split_longer_than: int = 120
    late: int = 17 * 60 + 30


@dataclass
class Slot:
    """One line of the day plan. ``start``/``end`` are ``None`` outside the sessions."""

    kind: str  # phase, workform, wrap-up, break, lunch, off-session
    title: str
    minutes: int
    start: int | None = None
    end: int | None = None
    phase: str | None = None
    workform: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = clock(self.start) if self.start is not None else None
        data["end"] = clock(self.end) if self.end is not None else None
        return data


@dataclass
class AgendaDay:
    number: int
    slots: list[Slot] = field(default_factory=list)
    date: dt.date | None = None

    @property
    def timed(self) -> list[Slot]:
        return [s for s in self.slots if s.start is not None]

    @property
    def start(self) -> int | None:
        timed = self.timed
        return min(s.start for s in timed if s.start is not None) if timed else None

    @property
    def end(self) -> int | None:
        timed = self.timed
        return max(s.end for s in timed if s.end is not None) if timed else None

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.number,
            "date": self.date.isoformat() if self.date else None,
            "start": clock(self.start) if self.start is not None else None,
            "end": clock(self.end) if self.end is not None else None,
            "slots": [s.to_json() for s in self.slots],
        }


@dataclass
class Agenda:
    method: str
    name: str
    language: str
    days: list[AgendaDay]
    warnings: list[str] = field(default_factory=list)

    @property
    def session_minutes(self) -> int:
        """Minutes of work in the sessions (breaks and off-session phases not counted)."""
        return sum(
            s.minutes
            for d in self.days
            for s in d.slots
            if s.kind in ("workform", "wrap-up") and s.start is not None
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "name": self.name,
            "language": self.language,
            "session_minutes": self.session_minutes,
            "days": [d.to_json() for d in self.days],
            "warnings": list(self.warnings),
        }


def clock(minutes: int) -> str:
    """Minutes after midnight -> ``HH:MM``."""
    hours, mins = divmod(int(minutes), 60)
    return f"{hours:02d}:{mins:02d}"


def parse_clock(text: str) -> int:
    """``9:00``, ``09:30`` or ``13.15`` -> minutes after midnight. Raises ValueError."""
    raw = str(text).strip().replace(".", ":")
    parts = raw.split(":")
    if (len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[1]) != 2
            or not (0 <= int(parts[0]) < 24 and 0 <= int(parts[1]) < 60)):
        from sprintkit.i18n import msg

        raise ValueError(msg("dates.not_a_clock_time", value=repr(str(text)[:24])))
    hours, mins = int(parts[0]), int(parts[1])
    return hours * 60 + mins


def _minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60)) if seconds else 0


@dataclass
class _Item:
    title: str
    minutes: int
    kind: str
    workform: str | None = None


def _phase_items(
    phase: Phase, workforms: dict[str, Workform], lang: str, warnings: list[str]
) -> tuple[list[_Item], int]:
    """The work forms of a phase as timed items, plus the phase's length in minutes."""
    from sprintkit.model.common import parse_duration

    items: list[_Item] = []
    for use in phase.workforms:
        wf = workforms.get(use.ref)
        timebox = use.timebox or (wf.timebox if wf is not None else None)
        minutes = _minutes(parse_duration(timebox)) if timebox else 0
        title = wf.name.get(lang) if wf is not None else use.ref
        if minutes:
            items.append(_Item(title, minutes, "workform", use.ref))
    planned = _minutes(phase.seconds)
    used = sum(i.minutes for i in items)
    if not items:
        return [_Item(phase.title.get(lang), planned, "workform")], planned
    if used > planned:
        from sprintkit.i18n import t

        warnings.append(t("methods.agenda.over_timebox", lang, phase=phase.title.get(lang),
                          used=used, planned=planned))
        return items, used
    if planned - used >= 5:
        items.append(_Item(word("wrap-up", lang), planned - used, "wrap-up"))
    elif items:
        items[-1].minutes += planned - used
    return items, planned


def assign_days(method: Method, days: int | None,
                lang: str = "en") -> tuple[dict[str, int], list[str]]:
    """Phase id -> day number. Keeps the method's own days unless another number is asked for,
    in which case the phases are spread so the longest day is as short as possible."""
    warnings: list[str] = []
    own: dict[str, int] = {}
    current = 1
    for phase in method.phases:
        current = phase.day or current
        own[phase.id] = current
    own_count = len(set(own.values()))
    if days is None or (days == own_count and any(p.day for p in method.phases)):
        return own, warnings
    session = [p for p in method.phases if p.session_type not in OFF_SESSION]
    count = min(days, len(session)) if session else 1
    if count < days:
        from sprintkit.i18n import t

        warnings.append(t("methods.agenda.few_phases", lang, n=len(session), days=count))
    groups = _partition([_minutes(p.seconds) for p in session], count)
    result: dict[str, int] = {}
    for day_number, group in enumerate(groups, start=1):
        for index in group:
            result[session[index].id] = day_number
    current = 1
    for phase in method.phases:  # off-session phases follow the phase before them
        if phase.id in result:
            current = result[phase.id]
        else:
            result[phase.id] = current
    return result, warnings


def _partition(loads: list[int], parts: int) -> list[list[int]]:
    """Split ``loads`` (in order) into ``parts`` contiguous groups minimising the largest sum."""
    n = len(loads)
    if n == 0:
        return [[] for _ in range(parts)]
    prefix = [0]
    for value in loads:
        prefix.append(prefix[-1] + value)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(parts + 1)]
    cut = [[0] * (n + 1) for _ in range(parts + 1)]
    best[0][0] = 0
    for k in range(1, parts + 1):
        for i in range(k, n + 1):
            for j in range(k - 1, i):
                cost = max(best[k - 1][j], prefix[i] - prefix[j])
                if cost < best[k][i]:
                    best[k][i] = cost
                    cut[k][i] = j
    groups: list[list[int]] = []
    end = n
    for k in range(parts, 0, -1):
        start = cut[k][end]
        groups.append(list(range(start, end)))
        end = start
    return list(reversed(groups))


def build_agenda(
    method: Method,
    workforms: dict[str, Workform],
    *,
    lang: str = "nl",
    settings: AgendaSettings | None = None,
    days: int | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
    first_date: dt.date | None = None,
) -> Agenda:
    """The day plan of ``method`` (phases in ``skip`` are left out)."""
    settings = settings or AgendaSettings()
    warnings: list[str] = []
    day_of, day_warnings = assign_days(method, days, lang)
    warnings.extend(day_warnings)
    numbers = sorted({day_of[p.id] for p in method.phases if p.id not in skip})
    markers: dict[int, list[_PhaseMarker]] = {n: [] for n in numbers}
    for phase in method.phases:
        if phase.id not in skip:
            items, minutes = _phase_items(phase, workforms, lang, warnings)
            markers[day_of[phase.id]].append(_PhaseMarker(phase, items, minutes))
    result = []
    for position, number in enumerate(numbers):
        day = AgendaDay(number, _schedule(markers[number], settings, lang))
        if position == 0 and first_date is not None:
            day.date = first_date
        if day.end is not None and day.end > settings.late:
            from sprintkit.i18n import t

            warnings.append(t("methods.agenda.late", lang, n=number, end=clock(day.end)))
        result.append(day)
    return Agenda(method.id, method.name.get(lang), lang, result, warnings)


@dataclass
class _PhaseMarker:
    phase: Phase
    items: list[_Item]
    minutes: int


def _schedule(markers: list[_PhaseMarker], s: AgendaSettings, lang: str) -> list[Slot]:
    slots: list[Slot] = []
    t = s.start
    worked = 0
    had_lunch = s.start >= s.lunch_at - 60
    first = True

    def pause(upcoming: int = 0) -> None:
        """A lunch or short break before the next ``upcoming`` minutes of work, when due."""
        nonlocal t, worked, had_lunch
        if first:
            return
        near_lunch = t >= s.lunch_at - 30 and (
            worked >= s.break_after or t + upcoming > s.lunch_at + s.lunch
        )
        if not had_lunch and (t >= s.lunch_at or near_lunch):
            slots.append(Slot("lunch", word("lunch", lang), s.lunch, t, t + s.lunch))
            t += s.lunch
            worked = 0
            had_lunch = True
        elif worked >= s.break_after:
            slots.append(Slot("break", word("break", lang), s.short_break, t, t + s.short_break))
            t += s.short_break
            worked = 0

    for marker in markers:
        phase = marker.phase
        title = phase.title.get(lang)
        if phase.session_type in OFF_SESSION:
            slots.append(
                Slot(
                    "off-session",
                    title,
                    marker.minutes,
                    phase=phase.id,
                    note=word(phase.session_type or "fieldwork", lang),
                )
            )
            continue
        pause(marker.items[0].minutes if marker.items else 0)
        header = Slot("phase", title, marker.minutes, phase=phase.id, note=phase.session_type)
        slots.append(header)
        fresh = True  # a pause was just considered for the phase's first item
        for item in marker.items:
            remaining = item.minutes
            part = 0
            while remaining > 0:
                if not fresh and item.kind != "wrap-up":
                    pause(remaining)
                fresh = False
                chunk = remaining
                if item.minutes > s.split_longer_than:
                    room = max(s.break_after - worked, 30)
                    if not had_lunch and t < s.lunch_at:
                        room = min(room, max(s.lunch_at - t, 30))
                    chunk = min(remaining, room)
                    if remaining - chunk < 20:
                        chunk = remaining
                shown = item.title if part == 0 else f"{item.title} ({word('continued', lang)})"
                slots.append(Slot(item.kind, shown, chunk, t, t + chunk, phase.id, item.workform))
                if header.start is None:
                    header.start = t
                t += chunk
                worked += chunk
                remaining -= chunk
                part += 1
                first = False
        header.end = t
    return slots
