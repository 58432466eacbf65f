"""A live session (``sprintkit serve``): who joined, which activity is open, and every sticky
note, dot and score people send from their phones, saved into the sprint as it comes in.

The session lives in memory while the server runs; what it collects lands in ``sprint.yaml``
at once, as the answers ``run`` would write (:mod:`sprintkit.ops.live_store`): a note is added to
the phase's list, dots are added to the totals of the dot vote, and an item's impact and effort
become the average of the scores given in this session. So ``status`` and the report show them
like typed answers, and a session that stops (Ctrl-C, ``--until``) loses nothing saved.

Every write is checked here, not in the pages: the participant's secret (compared in constant
time), the activity it was made for (still the open one), the participant's remaining dots, a
rate limit per participant, and the size of the text. A refusal is :class:`Refused` with a reason
the web layer turns into a status code and the catalogue text in the sprint's language.

The story point (activity kind ``story``) is opened and closed here like the others; its page
lives in the web layer, checks a write with :meth:`LiveSession.require`, saves the story through
its own ops and counts it with :meth:`LiveSession.counted`."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import SprintkitError
from sprintkit.i18n import t
from sprintkit.ops.live_store import GroupCommit

if TYPE_CHECKING:
    from sprintkit.model.method import Method
    from sprintkit.model.sprint import Sprint

KINDS = ("notes", "vote", "score", "story")
NOTE_MAX = 280
"""The longest sticky note, in characters (a sticky note is short)."""
RATE = (20, 0.5)
"""A participant's writes: a burst of 20, then one every 2 seconds."""
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
"""The short join code's letters: no 0/O, 1/I/L, 2/Z, 5/S, 8/B to mix up on a screen."""


class Refused(SprintkitError):
    """A write the session does not take. ``reason``: token, closed, allowance, rate, invalid,
    ended, failed (the sprint could not be saved)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class Activity:
    """The one open activity: its kind and (but for a story) the output it fills."""

    id: int
    kind: str
    phase: str = ""
    output: str = ""
    label: str = ""
    items: list[str] = field(default_factory=list)
    dots: int = 0
    scale: tuple[int, int] = (1, 5)


@dataclass
class Note:
    id: int
    text: str
    activity: int
    organisation: str | None = None
    merged_into: int | None = None


@dataclass
class Participant:
    id: int
    secret: str
    organisation: str | None = None
    tokens: float = float(RATE[0])
    last: float = field(default_factory=time.monotonic)
    dots: dict[int, int] = field(default_factory=dict)
    """Dots given, by activity."""
    scores: dict[int, dict[str, tuple[int, int]]] = field(default_factory=dict)
    """Impact and effort given, by activity and item."""

    @property
    def token(self) -> str:
        return f"{self.id}.{self.secret}"


@dataclass
class Target:
    """An output an activity of ``kind`` can fill, as offered to the facilitator."""

    kind: str
    phase: str
    output: str
    label: str


class LiveSession:
    """One running session on one sprint. Thread-safe: the server calls it from many threads."""

    def __init__(self, sprint: Path | None, *, story: bool | None = None) -> None:
        from sprintkit.files.library import get_method
        from sprintkit.files.sprintfile import load_sprint, resolve_sprint
        from sprintkit.ops.keyfile import sprint_cleaner

        self.path = resolve_sprint(sprint)
        model = load_sprint(self.path).model
        self.method: Method = get_method(model.method, self.path).model
        self.lang = model.language
        self.title = model.title
        self.parties = [p.name for p in model.parties]
        self.story = model.stories is not None if story is None else story
        self._clean = sprint_cleaner(model, self.path.parent)
        self.join_token = secrets.token_urlsafe(18)
        self.code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        self.facilitator_token = secrets.token_urlsafe(24)
        self.started = time.time()
        self.ended: float | None = None
        self.activity: Activity | None = None
        self.history: list[Activity] = []
        self.participants: dict[int, Participant] = {}
        self.notes: list[Note] = []
        self.votes: dict[int, dict[str, int]] = {}
        self.stories: dict[int, int] = {}
        self.version = 0
        self.store = GroupCommit(self.path)
        self._lock = threading.RLock()
        self._ids = 0

    # --- words and checks --------------------------------------------------------------------

    def word(self, key: str, **values: Any) -> str:
        return t(key, self.lang, **values)

    def refuse(self, reason: str, **values: Any) -> Refused:
        return Refused(reason, self.word("live.refused_" + reason, **values))

    def _next_id(self) -> int:
        self._ids += 1
        return self._ids

    def _bump(self) -> None:
        """Something the projector shows changed (its event stream watches ``version``)."""
        self.version += 1

    def check_code(self, code: str) -> bool:
        typed = "".join(code.upper().split()).replace("-", "")
        return secrets.compare_digest(typed.encode(), self.code.encode())

    def check_join(self, token: str) -> bool:
        return secrets.compare_digest(token.encode(), self.join_token.encode())

    def check_facilitator(self, token: str) -> bool:
        return secrets.compare_digest(token.encode(), self.facilitator_token.encode())

    def participant(self, token: str | None) -> Participant:
        """The participant whose token (``id.secret``) this is; :class:`Refused` otherwise."""
        pid, _, secret = (token or "").partition(".")
        known = pid.isascii() and pid.isdigit() and len(pid) < 9
        who = self.participants.get(int(pid)) if known else None
        if who is None or not secrets.compare_digest(secret.encode(), who.secret.encode()):
            raise self.refuse("token")
        return who

    def require(self, who: Participant, kind: str, activity: int | str | None) -> Activity:
        """The open activity, when it is of ``kind`` and the one the form was made for; takes
        one write from the participant's allowance. :class:`Refused` otherwise."""
        with self._lock:
            if self.ended is not None:
                raise self.refuse("ended")
            open_ = self.activity
            if open_ is None or open_.kind != kind or str(open_.id) != str(activity):
                raise self.refuse("closed")
            now = time.monotonic()
            who.tokens = min(float(RATE[0]), who.tokens + (now - who.last) * RATE[1])
            who.last = now
            if who.tokens < 1:
                raise self.refuse("rate")
            who.tokens -= 1
            return open_

    # --- joining -----------------------------------------------------------------------------

    def join(self, organisation: str | None = None) -> Participant:
        """A new participant (anonymous; the organisation only when it is one of the parties)."""
        with self._lock:
            if self.ended is not None:
                raise self.refuse("ended")
            org = organisation if organisation in self.parties else None
            who = Participant(len(self.participants) + 1, secrets.token_urlsafe(18), org)
            self.participants[who.id] = who
            self._bump()
            return who

    # --- the facilitator's controls ----------------------------------------------------------

    def targets(self) -> list[Target]:
        """What can be opened: lists for notes, dot votes, impact/effort scores, the story
        point."""
        found: list[Target] = []
        for phase in self.method.phases:
            for spec in phase.outputs:
                kind = {"dot_vote": "vote", "impact_effort": "score"}.get(spec.type)
                if spec.type == "list" and not spec.items_from:
                    kind = "notes"
                if kind is not None:
                    text = (spec.label or spec.prompt).get(self.lang) or spec.id
                    found.append(Target(kind, phase.id, spec.id, text))
        if self.story:
            found.append(Target("story", "", "", self.word("live.story_point")))
        return found

    def open(self, kind: str, phase: str = "", output: str = "") -> Activity:
        """Open an activity (closing the one that was open)."""
        from sprintkit.engine.answers import items_of, scale_of
        from sprintkit.files.sprintfile import load_sprint
        from sprintkit.ops.run import context_of

        target = next((x for x in self.targets() if x.kind == kind and x.phase == phase
                       and x.output == output), None)
        if target is None:
            raise self.refuse("invalid")
        items: list[str] = []
        dots, scale = 0, (1, 5)
        if kind in ("vote", "score"):
            spec = self.method.output(output)
            model = load_sprint(self.path).model
            items = items_of(spec, context_of(model)) or []
            if not items:
                raise Refused("invalid", self.word("live.no_items", source=spec.items_from or ""))
            dots = spec.votes_per_person or 3  # a method without a number: three, as usual
            scale = scale_of(spec)
        with self._lock:
            if self.ended is not None:
                raise self.refuse("ended")
            self._close()
            self.activity = Activity(self._next_id(), kind, phase, output, target.label, items,
                                     dots, scale)
            self._bump()
            return self.activity

    def close(self) -> None:
        with self._lock:
            self._close()
            self._bump()

    def _close(self) -> None:
        if self.activity is not None:
            self.history.append(self.activity)
            self.activity = None

    def end(self) -> dict[str, Any]:
        """Close the session: nothing is taken any more; a short record of it is added to the
        sprint (once, when anyone joined); returns the summary."""
        with self._lock:
            self._close()
            first = self.ended is None
            if first:
                self.ended = time.time()
            self._bump()
        summary = self.summary()
        if first and self.participants:
            self._record(summary)
        return summary

    def _record(self, summary: dict[str, Any]) -> None:
        import datetime as dt

        from sprintkit.model.sprint import LiveSessionRecord

        totals = {kind: sum(r["count"] for r in summary["activities"] if r["kind"] == kind)
                  for kind in KINDS}
        zone = dt.datetime.now().astimezone().tzinfo
        record = LiveSessionRecord(
            started=dt.datetime.fromtimestamp(int(self.started), zone),
            ended=dt.datetime.fromtimestamp(int(self.ended or time.time()), zone),
            participants=summary["participants"], notes=totals["notes"],
            dots=totals["vote"], scores=totals["score"], stories=totals["story"])

        def change(model: Sprint) -> None:
            model.live_sessions.append(record)

        try:
            self._save(change)
        except Refused:
            pass  # the answers are saved; only the record of the session is missing

    # --- contributions -----------------------------------------------------------------------

    def add_note(self, who: Participant, activity: int | str | None, text: str) -> Note | None:
        """Add a sticky note to the open list; ``None`` when the list already had it."""
        act = self.require(who, "notes", activity)
        clean = " ".join(text.split())
        if not clean:
            raise self.refuse("empty")
        if len(clean) > NOTE_MAX:
            raise self.refuse("too_long", limit=NOTE_MAX)
        clean = " ".join(self._clean(clean).text.split())  # names and identifiers, as in run

        def change(model: Sprint) -> bool:
            from sprintkit.ops.run import put_answer

            current = _outputs(model, act.phase).get(act.output)
            items = [str(i) for i in current] if isinstance(current, list) else []
            if clean.casefold() in {i.casefold() for i in items}:
                return False
            put_answer(model, self.method, act.phase, act.output, [*items, clean])
            return True

        added = self._save(change)
        if not added:
            return None
        with self._lock:
            note = Note(self._next_id(), clean, act.id, who.organisation)
            self.notes.append(note)
            self._bump()
            return note

    def vote(self, who: Participant, activity: int | str | None, dots: dict[str, int]) -> int:
        """Give dots to items of the open vote (``{item: dots}``); returns the dots left."""
        act = self.require(who, "vote", activity)
        given = {item: n for item, n in dots.items() if n}
        if any(item not in act.items or n < 0 for item, n in given.items()) or not given:
            raise self.refuse("invalid")
        total = sum(given.values())
        with self._lock:  # reserve the dots: two posts at once cannot both spend the last one
            used = who.dots.get(act.id, 0)
            if used + total > act.dots:
                raise self.refuse("allowance", left=act.dots - used)
            who.dots[act.id] = used + total

        def change(model: Sprint) -> None:
            from sprintkit.ops.run import put_answer

            current = _outputs(model, act.phase).get(act.output)
            totals = {str(k): int(v) for k, v in current.items()} if isinstance(current,
                                                                                dict) else {}
            for item, n in given.items():
                totals[item] = totals.get(item, 0) + n
            put_answer(model, self.method, act.phase, act.output, totals)

        try:
            self._save(change)
        except Refused:
            with self._lock:
                who.dots[act.id] -= total
            raise
        with self._lock:
            tally = self.votes.setdefault(act.id, {})
            for item, n in given.items():
                tally[item] = tally.get(item, 0) + n
            self._bump()
            return act.dots - who.dots[act.id]

    def score(self, who: Participant, activity: int | str | None,
              scores: dict[str, tuple[int, int]]) -> None:
        """Impact and effort for items of the open score (a new score replaces the
        participant's earlier one); the item's answer becomes the session's average."""
        from sprintkit.engine.tally import rounded

        act = self.require(who, "score", activity)
        lo, hi = act.scale
        if not scores or any(item not in act.items or not (lo <= i <= hi and lo <= e <= hi)
                             for item, (i, e) in scores.items()):
            raise self.refuse("invalid")
        with self._lock:
            mine = who.scores.setdefault(act.id, {})
            before = dict(mine)
            mine.update(scores)

        def change(model: Sprint) -> None:
            from sprintkit.ops.run import put_answer

            current = _outputs(model, act.phase).get(act.output)
            result = dict(current) if isinstance(current, dict) else {}
            with self._lock:
                given = [p.scores.get(act.id, {}) for p in self.participants.values()]
            for item in scores:
                pairs = [g[item] for g in given if item in g]
                result[item] = {"impact": rounded(sum(p[0] for p in pairs) / len(pairs)),
                                "effort": rounded(sum(p[1] for p in pairs) / len(pairs))}
            put_answer(model, self.method, act.phase, act.output, result)

        try:
            self._save(change)
        except Refused:
            with self._lock:
                who.scores[act.id] = before
            raise
        with self._lock:
            self._bump()

    def counted(self, who: Participant, activity: Activity) -> None:
        """The story point saved a story for ``who`` in ``activity``: count it in the tally."""
        with self._lock:
            self.stories[activity.id] = self.stories.get(activity.id, 0) + 1
            self._bump()

    def merge(self, keep: int, drop: int) -> None:
        """Merge a duplicate note into another: the duplicate leaves the list (its text is not
        lost: it stays in the session's summary as merged)."""
        with self._lock:
            notes = {n.id: n for n in self.notes}
            a, b = notes.get(keep), notes.get(drop)
            if a is None or b is None or keep == drop or b.merged_into is not None:
                raise self.refuse("invalid")
            act = next((x for x in [*self.history, self.activity] if x and x.id == b.activity),
                       None)
            if act is None:
                raise self.refuse("invalid")

        def change(model: Sprint) -> None:
            from sprintkit.ops.run import put_answer

            current = _outputs(model, act.phase).get(act.output)
            items = [str(i) for i in current] if isinstance(current, list) else []
            if b.text in items and a.text in items:
                items.remove(b.text)
                put_answer(model, self.method, act.phase, act.output, items)

        self._save(change)
        with self._lock:
            b.merged_into = a.id
            self._bump()

    def _save(self, change: Any) -> Any:
        try:
            return self.store.apply(change)
        except Refused:
            raise
        except SprintkitError:  # the reason names files: the facilitator's terminal says it
            raise self.refuse("failed") from None

    # --- what the projector and the summary show ---------------------------------------------

    def tally(self) -> dict[str, Any]:
        """The open activity's live count (and the session's totals), for the projector."""
        with self._lock:
            act = self.activity
            data: dict[str, Any] = {
                "version": self.version, "participants": len(self.participants),
                "ended": self.ended is not None, "activity": None,
                "notes_total": sum(n.merged_into is None for n in self.notes),
            }
            if act is None:
                return data
            shown: dict[str, Any] = {"id": act.id, "kind": act.kind, "label": act.label,
                                     "phase": act.phase, "output": act.output}
            if act.kind == "notes":
                shown["notes"] = [{"id": n.id, "text": n.text, "organisation": n.organisation}
                                  for n in self.notes
                                  if n.activity == act.id and n.merged_into is None]
            elif act.kind == "vote":
                got = self.votes.get(act.id, {})
                shown["dots"] = act.dots
                shown["voters"] = sum(1 for p in self.participants.values() if p.dots.get(act.id))
                shown["items"] = sorted(({"item": i, "dots": got.get(i, 0)} for i in act.items),
                                        key=lambda r: -r["dots"])
            elif act.kind == "score":
                shown["scorers"] = sum(1 for p in self.participants.values()
                                       if p.scores.get(act.id))
                shown["items"] = [self._mean(act, i) for i in act.items]
            else:
                shown["stories"] = self.stories.get(act.id, 0)
            data["activity"] = shown
            return data

    def _mean(self, act: Activity, item: str) -> dict[str, Any]:
        from sprintkit.engine.tally import rounded

        pairs = [p.scores[act.id][item] for p in self.participants.values()
                 if item in p.scores.get(act.id, {})]
        if not pairs:
            return {"item": item, "n": 0, "impact": None, "effort": None}
        return {"item": item, "n": len(pairs),
                "impact": rounded(sum(x[0] for x in pairs) / len(pairs)),
                "effort": rounded(sum(x[1] for x in pairs) / len(pairs))}

    def summary(self) -> dict[str, Any]:
        """What the session collected and where it landed in the sprint."""
        with self._lock:
            acts = [*self.history, *([self.activity] if self.activity else [])]
            rows = []
            for act in acts:
                row: dict[str, Any] = {"kind": act.kind, "label": act.label, "phase": act.phase,
                                       "output": act.output}
                if act.kind == "notes":
                    row["count"] = sum(n.activity == act.id and n.merged_into is None
                                       for n in self.notes)
                    row["merged"] = sum(n.activity == act.id and n.merged_into is not None
                                        for n in self.notes)
                elif act.kind == "vote":
                    row["count"] = sum(self.votes.get(act.id, {}).values())
                elif act.kind == "score":
                    row["count"] = sum(len(p.scores.get(act.id, {}))
                                       for p in self.participants.values())
                else:
                    row["count"] = self.stories.get(act.id, 0)
                rows.append(row)
            return {"sprint": str(self.path), "title": self.title,
                    "participants": len(self.participants), "activities": rows,
                    "transactions": self.store.transactions}


def _outputs(model: Sprint, phase: str) -> dict[str, Any]:
    state = model.phases.get(phase)
    return state.outputs if state is not None else {}
