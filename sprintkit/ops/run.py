"""``sprintkit run``: the guided walkthrough of a sprint's method, and its unattended replay.

Where an answer comes from, first match wins (the precedence is documented in docs/walkthrough.md):

1. ``--answers FILE`` — a YAML mapping ``phase id → output id → value``;
2. ``--set PHASE.OUTPUT=VALUE`` on the command line;
3. the answer already saved in ``sprint.yaml``;
4. the method's ``default``.

Answers from 1 and 2 are applied first, in method order, in one transaction. With a person at
the terminal the walk then asks what is still open (saved answers and defaults are shown as the
prompt's default); without one (or with ``--no-input``) nothing is asked: defaults fill what
they can and anything required that is still missing fails with :class:`MissingInput`, listing
each ``phase.output`` and an answers-file snippet to supply it.

Every answer goes through :func:`sprintkit.engine.answers.coerce_answer` — the same rules for
typed, file, command-line and saved answers — and is saved the moment it is given through
:func:`update_sprint` (locked only while writing, atomic, comments kept, hand edits re-read).
When the file cannot be written (a hand edit made it invalid, another process holds the lock)
the answer goes to a journal, ``.sprintkit/pending-answers.yaml``, written atomically, and is
applied as soon as the file can be written again — at the latest by the next ``run``."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.answers import (
    AnswerError,
    coerce_answer,
    example_answer,
    items_of,
    same_answer,
    votes_on,
)
from sprintkit.engine.progress import (
    all_answers,
    applies,
    is_evidence_check,
    is_filled,
    without_evidence,
)
from sprintkit.engine.tally import participants_of
from sprintkit.engine.walkthrough import Step, Walkthrough
from sprintkit.errors import (
    EditConflict,
    InvalidFile,
    LockBusy,
    MissingInput,
    NotFound,
    SprintkitError,
)
from sprintkit.files.journal import read_journal, write_journal
from sprintkit.files.textfile import display
from sprintkit.i18n import msg, t
from sprintkit.ops.given import Given, load_given
from sprintkit.ops.keyfile import clean_answer, clean_card
from sprintkit.ops.run_changes import (
    add_card,
    apply_given,
    apply_journal,
    close_phase,
    context_of,
    method_of,
    now,
    phase_state,
    put_answer,
    put_empty,
    put_skip,
    touch,
)
from sprintkit.ops.run_exchange import Ask, Reply, RunResult, Session, WalkUI

if TYPE_CHECKING:
    from sprintkit.model.method import Method, OutputSpec, Phase, Workform
    from sprintkit.model.sprint import Hypothesis, Sprint

BLOCKING = (InvalidFile, LockBusy, EditConflict, NotFound)
"""What keeps an answer from being written now (it waits in the journal instead)."""


class _Conflict(Exception):
    def __init__(self, current: Any) -> None:
        super().__init__("edited by hand")
        self.current = current


# --- the entry point -------------------------------------------------------------------------


def run_walkthrough(
    sprint: Path | None = None,
    *,
    phase: str | None = None,
    answers: Path | None = None,
    set_values: Sequence[str] = (),
    no_input: bool = False,
    ui: WalkUI | None = None,
    session: Session | None = None,
    today: dt.date | None = None,
    on_note: Callable[[str], None] | None = None,
) -> RunResult:
    """Walk the sprint's method. ``ui`` is the person at the terminal; without it (or with
    ``no_input``) nothing is asked. Raises :class:`MissingInput` when required answers are
    missing and nobody can be asked (after saving everything that was given). ``on_note``
    hears at once about pending answers applied from the journal."""
    from sprintkit.files.sprintfile import load_sprint, resolve_sprint

    path = resolve_sprint(sprint)
    session = session or Session()
    session.path = path
    notes = apply_journal(path)
    if on_note is not None:
        for note in notes:
            on_note(note)
        notes = []
    loaded = load_sprint(path)
    model = loaded.model
    session.lang = model.language
    method = method_of(model, path)
    if phase is not None:
        _check_phase(method, phase)
    given = load_given(method, answers, set_values)
    walker = _Walker(path, method, model, phase, session, today)
    interactive = ui is not None and not no_input
    if not interactive:
        return walker.unattended(given, notes)
    assert ui is not None
    return walker.interactive(ui, given, notes)

def _check_phase(method: Method, phase: str) -> None:
    from sprintkit.files.library import did_you_mean

    ids = [p.id for p in method.phases]
    if phase not in ids:
        raise NotFound(
            msg("walkthrough.no_phase", method=repr(method.id), phase=repr(phase)),
            hint=did_you_mean(phase, ids) or msg("walkthrough.its_phases", phases=", ".join(ids)),
        )

@contextlib.contextmanager
def _shielded() -> Iterator[None]:
    """Ctrl-C during a save waits until the save is complete, then interrupts."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    hits: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: hits.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if hits:
        raise KeyboardInterrupt


# --- the walk ---------------------------------------------------------------------------------


class _Walker:
    def __init__(self, path: Path, method: Method, model: Sprint, phase: str | None,
                 session: Session, today: dt.date | None) -> None:
        self.path = path
        self.method = method
        self.model = model
        self.session = session
        self.lang = model.language
        self.walk = Walkthrough(method, model, phase)
        self.today = today
        from sprintkit.ops.keyfile import sprint_cleaner

        self.clean = sprint_cleaner(model, path.parent)

    # unattended --------------------------------------------------------------------------

    def unattended(self, given: list[Given], notes: list[str]) -> RunResult:
        from sprintkit.files.sprintfile import update_sprint

        counts = {"given": 0, "defaults": 0}
        missing: list[tuple[str, OutputSpec]] = []

        def change(model: Sprint) -> Sprint:
            counts["given"] = apply_given(model, self.method, given, self.clean)
            counts["defaults"] = 0
            missing.clear()
            for phase_id in self.walk.scope:
                phase = self.method.phase(phase_id)
                state = model.phases.get(phase_id)
                status = state.status if state is not None else "todo"
                if status == "skipped":
                    continue
                for spec in phase.outputs:
                    answers = all_answers(model)
                    if not applies(spec, answers) or is_filled(answers.get(spec.id)):
                        continue
                    if spec.default is not None:
                        put_answer(model, self.method, phase_id, spec.id, spec.default)
                        counts["defaults"] += 1
                    elif spec.required and status != "done":
                        missing.append((phase_id, spec))
                close_phase(model, self.method, phase_id)
            for phase_id in {g.phase for g in given} - set(self.walk.scope):
                close_phase(model, self.method, phase_id)  # answered from outside the scope
            return model

        with _shielded():
            model = update_sprint(self.path, change)
        self.session.saved += counts["given"] + counts["defaults"]
        self.walk.refresh(model)
        if missing:
            raise self._missing(missing, model)
        return self._result(model, counts["given"], counts["defaults"], notes)

    def _missing(self, missing: list[tuple[str, OutputSpec]], model: Sprint) -> MissingInput:
        from ruamel.yaml.comments import CommentedMap

        from sprintkit.files.yamlwrite import dump, fresh

        ctx = context_of(model)
        snippet = CommentedMap()
        lines = []
        for phase_id, spec in missing:
            lines.append(t("walkthrough.missing_line", self.lang,
                           prompt=spec.prompt.get(self.lang), key=f"{phase_id}.{spec.id}"))
            block = snippet.setdefault(phase_id, CommentedMap())
            block[spec.id] = fresh(example_answer(spec, ctx))
            comment = spec.type + (f": {', '.join(c.id for c in spec.choices)}"
                                   if spec.choices else "")
            block.yaml_add_eol_comment(comment, spec.id)
        shown = display(self.path.parent)
        how = t("walkthrough.missing_how", self.lang, folder=shown,
                snippet=dump(snippet).rstrip())
        return MissingInput(lines, how, head=t("walkthrough.missing_input", self.lang))

    # interactive ---------------------------------------------------------------------------

    def interactive(self, ui: WalkUI, given: list[Given], notes: list[str]) -> RunResult:
        from sprintkit.files.library import workform_index

        self.ui = ui
        for note in notes:
            ui.note(note)
        changed = 0
        if given:
            changed = self._write(lambda m: apply_given(m, self.method, given))
            ui.given(given, changed)
        workforms = workform_index(self.method, self.path)
        step = self.walk.first()
        ui.start(self.model, self.method, step, self.walk.revisit)
        for phase_id in self.walk.phases_before(step):
            self._close(phase_id, quiet=True)
        entered: set[str] = set()
        self._steps(ui, step, workforms, entered)
        if not self.walk.revisit:
            still = self.walk.open_steps()
            if still and ui.offer_open([(s.key, skipped) for s, skipped in still]):
                self._steps(ui, self.walk.take_up_open(), workforms, entered)
        return self._result(self.model, changed, 0, [])

    def _steps(self, ui: WalkUI, step: Step | None, workforms: dict[str, Workform],
               entered: set[str]) -> None:
        """Walk from ``step`` until the walk is over, then close the phases it leaves."""
        current: str | None = None
        problem: AnswerError | None = None
        while step is not None:
            self._reload()
            if step.phase != current:
                if current is not None:
                    self._close(current)
                    for phase_id in self._between(current, step.phase):
                        self._close(phase_id, quiet=True)
                phase = self.walk.phase_of(step)
                ui.enter(phase, step.phase_index + 1, len(self.method.phases), workforms,
                         again=phase.id in entered, criteria=self.walk.criteria(phase.id))
                if phase.id not in entered:
                    timed = _timed(phase, workforms, self.lang)
                    if timed:
                        ui.offer_timer(phase, timed)
                entered.add(phase.id)
                current = step.phase
            self.walk.reach(step)
            ask = self._ask(step)
            reply = ui.ask(ask, problem)
            problem = None
            if reply.action == "back":
                if reply.value is not None:  # what was given before going back (test cards)
                    try:
                        self._handle(ask, Reply("answer", reply.value))
                    except AnswerError as exc:
                        problem = exc
                        continue
                previous = self.walk.before(step)
                if previous is None:
                    problem = AnswerError(t("walkthrough.first_question", self.lang))
                else:
                    step = previous
                continue
            try:
                self._handle(ask, reply)
            except AnswerError as exc:
                problem = exc
                continue
            step = self.walk.after(step)
        if current is not None:
            self._close(current)
        for phase_id in self.walk.scope:
            if current is None or _after(self.method, phase_id, current):
                self._close(phase_id, quiet=True)

    def _between(self, a: str, b: str) -> list[str]:
        """Phases in scope strictly after ``a`` and before ``b``."""
        return [p for p in self.walk.scope
                if _after(self.method, p, a) and _after(self.method, b, p)]

    def _reload(self) -> None:
        """Pick up hand edits made between prompts (a broken file keeps the last good view)."""
        from sprintkit.files.sprintfile import load_sprint

        try:
            self.model = load_sprint(self.path).model
        except SprintkitError:
            return
        self.walk.refresh(self.model)

    def _ask(self, step: Step) -> Ask:
        spec = self.walk.spec(step)
        saved = self.walk.saved(step)
        default, source = (saved, "saved") if is_filled(saved) else (
            (spec.default, "method") if spec.default is not None else (None, None))
        ctx = context_of(self.model)
        cards = []
        if spec.type == "hypotheses":
            listed = saved if isinstance(saved, list) else []
            cards = [h for h in self.model.hypotheses
                     if h.id in listed or (h.phase == step.phase)]
        return Ask(
            step=step, phase=self.walk.phase_of(step), spec=spec, lang=self.lang,
            default=default, default_from=source, position=self.walk.position(step),
            can_back=self.walk.before(step) is not None, items=items_of(spec, ctx),
            cards=cards,
            check=lambda value: coerce_answer(spec, value, context_of(self.model), typed=True),
            add_card=(lambda card: self._card(step, card)) if spec.type == "hypotheses" else None,
            participants=participants_of(ctx.answers) if spec.type == "dot_vote" else None,
            votes=votes_on(spec, [o for p in self.method.phases for o in p.outputs], ctx.answers),
        )

    def _handle(self, ask: Ask, reply: Reply) -> None:
        step, spec = ask.step, ask.spec
        if reply.action == "skip":
            if not is_filled(self.walk.saved(step)):
                self._save_entry(step, {"kind": "skip"},
                                 lambda m: put_skip(m, step.phase, step.output))
            return
        if reply.action == "keep":
            if ask.default_from == "saved":
                return
            if ask.default_from == "method":
                value = ask.default
            elif not spec.required:  # left empty: not skipped, and not asked again
                self._save_entry(step, {"kind": "empty"},
                                 lambda m: put_empty(m, step.phase, step.output))
                return
            else:
                raise AnswerError(t("walkthrough.needed", self.lang),
                                  t("walkthrough.needed_hint", self.lang))
        else:
            value = reply.value
        value = clean_answer(spec.type, value, self.clean)  # before anything is saved or journalled
        checked = coerce_answer(spec, value, context_of(self.model), typed=True)
        if checked is True and is_evidence_check(spec):
            self._reload()  # evidence may have been recorded while the prompt was open
            lacking = without_evidence(self.model)
            if lacking:  # "yes" is not taken on trust: asked again
                raise AnswerError(t("walkthrough.no_evidence", self.lang, ids=", ".join(lacking)),
                                  t("walkthrough.no_evidence_hint", self.lang))
        base = self.walk.saved(step)
        entry = {"kind": "answer", "value": checked}

        def careful(model: Sprint) -> Any:
            state = model.phases.get(step.phase)
            current = state.outputs.get(step.output) if state is not None else None
            if not same_answer(current, base) and not same_answer(current, checked):
                raise _Conflict(current)  # edited by hand while the prompt was open
            return put_answer(model, self.method, step.phase, step.output, checked)

        def anyway(model: Sprint) -> Any:
            return put_answer(model, self.method, step.phase, step.output, checked)

        try:
            self._save_entry(step, entry, careful)
        except _Conflict as conflict:
            if self.ui.conflict(ask, conflict.current, checked):
                self._save_entry(step, entry, anyway)
            else:
                self._reload()

    def _card(self, step: Step, card: dict[str, Any]) -> Hypothesis:
        from sprintkit.engine.answers import check_card

        card = clean_card(check_card(card, context_of(self.model)), self.clean)
        trial = self.model.model_copy(deep=True)
        add_card(trial, step.phase, card)  # refuse a wrong card before anything is written
        found: dict[str, Hypothesis] = {}

        def change(model: Sprint) -> None:
            found["h"] = add_card(model, step.phase, card)
            touch(phase_state(model, step.phase))

        self._save_entry(step, {"kind": "card", "card": card}, change)
        if "h" not in found:  # written later from the journal
            found["h"] = next(h for h in self.model.hypotheses
                              if h.statement.strip() == str(card["statement"]).strip())
        return found["h"]

    def _save_entry(self, step: Step, entry: dict[str, Any],
                    change: Callable[[Sprint], Any]) -> None:
        from sprintkit.files.sprintfile import update_sprint

        def write(model: Sprint) -> Sprint:
            change(model)
            return model

        try:
            with _shielded():
                self.model = update_sprint(self.path, write)
        except BLOCKING as exc:
            pending = [*read_journal(self.path),
                       {"phase": step.phase, "output": step.output, **entry,
                        "given": now().isoformat()}]
            journal = write_journal(self.path, pending)
            self.session.pending = len(pending)
            self._wait(exc, journal)
        if entry["kind"] not in ("skip", "empty"):  # nor is a question skipped or left empty
            self.session.saved += 1
        self.walk.refresh(self.model)

    def _wait(self, error: SprintkitError, journal: Path) -> None:
        """Until the pending answers are written: tell the person, wait, try again."""
        from sprintkit.files.sprintfile import load_sprint

        while True:
            self.ui.blocked(error, journal)
            try:
                for note in apply_journal(self.path):
                    self.ui.note(note)
                self.model = load_sprint(self.path).model
            except BLOCKING as exc:
                error = exc
                continue
            self.session.pending = len(read_journal(self.path))
            return

    def _write(self, change: Callable[[Sprint], Any]) -> Any:
        from sprintkit.files.sprintfile import update_sprint

        result: dict[str, Any] = {}

        def write(model: Sprint) -> Sprint:
            result["value"] = change(model)
            return model

        with _shielded():
            self.model = update_sprint(self.path, write)
        self.walk.refresh(self.model)
        return result.get("value")

    def _close(self, phase_id: str, quiet: bool = False) -> None:
        before = self.model.phases.get(phase_id)
        old = before.status if before is not None else "todo"
        try:
            status = self._write(lambda m: close_phase(m, self.method, phase_id))
        except BLOCKING:
            return  # the state follows the answers; it is set again on the next run
        if not quiet or status != old:
            self.ui.closed(self.method.phase(phase_id), status, self.walk.missing(phase_id))

    # both ----------------------------------------------------------------------------------

    def _result(self, model: Sprint, given: int, defaults: int, notes: list[str]) -> RunResult:
        from sprintkit.engine.progress import next_phase, output_names, phase_progress

        progress = phase_progress(self.method, model, self.lang)
        skipped = [f"{pid}.{out}" for pid, state in model.phases.items()
                   for out in state.skipped_outputs]
        return RunResult(
            path=self.path, lang=self.lang, saved=self.session.saved, given=given,
            defaults=defaults, done=[p.id for p in progress if p.status == "done"],
            next_phase=next_phase(progress), skipped=skipped,
            pending=len(read_journal(self.path)), notes=notes,
            names=output_names(self.method, self.lang),
        )


def _after(method: Method, a: str, b: str) -> bool:
    """Whether phase ``a`` comes after phase ``b`` in the method."""
    ids = [p.id for p in method.phases]
    return ids.index(a) > ids.index(b)


def _timed(phase: Phase, workforms: dict[str, Workform], lang: str) -> list[tuple[str, int]]:
    """The phase's work forms with a timebox: (name, seconds)."""
    from sprintkit.model.common import parse_duration

    timed = []
    for use in phase.workforms:
        wf = workforms.get(use.ref)
        box = use.timebox or (wf.timebox if wf is not None else None)
        if box:
            timed.append((wf.name.get(lang) if wf is not None else use.ref, parse_duration(box)))
    return timed
