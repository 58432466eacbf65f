"""The walkthrough at the terminal: phase panels with goal, timebox and work forms, one typed
prompt per output, and the results of dot voting and impact/effort scoring — in the sprint's
language, readable at 80 columns.

At every prompt: ``<`` goes back, ``-`` skips for now, Enter keeps the answer shown (a saved
answer or the method's default). Ctrl-C stops; everything given so far is already saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.ui import prompts
from sprintkit.ui.console import err, out
from sprintkit.ui.prompts import BACK, SKIP, esc
from sprintkit.ui.walkthrough_summary import area_words, texts

if TYPE_CHECKING:
    from sprintkit.engine.answers import AnswerError
    from sprintkit.engine.walkthrough import Step
    from sprintkit.errors import SprintkitError
    from sprintkit.model.method import Method, Phase, Workform
    from sprintkit.model.sprint import Sprint
    from sprintkit.ops.run import Ask, Given, Reply


def shown_value(value: Any, lang: str, spec: Any = None) -> str:
    """An answer in a few words, as a default or a conflict shows it."""
    import datetime as dt

    t = texts(lang)
    if isinstance(value, bool):
        return t["yes"] if value else t["no"]
    if isinstance(value, dt.date):
        return value.isoformat()
    if spec is not None and spec.choices:
        labels = {c.id: c.label.get(lang) for c in spec.choices}
        if isinstance(value, list):
            return ", ".join(labels.get(v, str(v)) for v in value)
        return labels.get(str(value), str(value))
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_pair_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= 70 else text[:67] + "…"


def _pair_text(value: Any) -> str:
    if isinstance(value, dict):
        return "/".join(str(v) for v in value.values())
    return str(value)


class TerminalWalk:
    """The person at the terminal, as :class:`sprintkit.ops.run.WalkUI`."""

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang
        self.t = texts(lang)
        self.names: dict[str, str] = {}

    # --- around the questions -------------------------------------------------------------

    def start(self, sprint: Sprint, method: Method, first: Step | None, revisit: bool) -> None:
        from sprintkit.engine.progress import output_names, phase_progress

        self.lang = sprint.language
        self.t = texts(self.lang)
        self.names = output_names(method, self.lang)
        progress = phase_progress(method, sprint, self.lang)
        done = sum(p.status == "done" for p in progress)
        console = out()
        console.print(
            f"[bold]{esc(sprint.title)}[/bold] · {self.t['method']}: "
            f"{esc(method.name.get(self.lang))} · "
            + self.t["phases_done"].format(done=done, of=len(progress))
        )
        if first is None:
            if revisit:
                console.print(self.t["nothing"])
            elif all(p.status in ("done", "skipped") for p in progress):
                console.print(self.t["all_done"])
            return
        console.print(f"[dim]{self.t['keys']}[/dim]")

    def given(self, given: list[Given], changed: int) -> None:
        sources = ", ".join(sorted({g.source.split(" ")[0] if g.source.startswith("--set")
                                    else g.source for g in given}))
        key = "given" if changed else "given_same"
        err().print(self.t[key].format(n=changed, sources=esc(sources)))

    def enter(self, phase: Phase, number: int, total: int,
              workforms: dict[str, Workform], again: bool,
              criteria: list[str] | None = None) -> None:
        from rich.console import Group
        from rich.panel import Panel
        from rich.table import Table
        from rich.text import Text

        from sprintkit.model.common import format_duration

        t = self.t
        bits = [format_duration(phase.seconds)]
        if phase.day:
            bits.append(t["day"].format(n=phase.day))
        title = f"{t['phase'].format(n=number, of=total)} · {phase.title.get(self.lang)}"
        body: list[Any] = [Text.from_markup(
            f"[bold]{t['goal']}:[/bold] {esc(phase.goal.get(self.lang))}")]
        if phase.exit_criteria and not again:
            body.append(Text.from_markup(f"\n[bold]{t['done_when']}:[/bold]"))
            states = criteria or ["ask"] * len(phase.exit_criteria)
            marks = {"met": "[green]✓[/green]", "open": "✗", "ask": "?"}
            grid = Table.grid(padding=(0, 1, 0, 0))  # a long criterion wraps under its text
            grid.add_column(width=3, justify="right", no_wrap=True)
            grid.add_column()
            for c, state in zip(phase.exit_criteria, states, strict=False):
                grid.add_row(Text.from_markup(marks.get(state, "?")),
                             Text(c.text.get(self.lang)))
            body.append(grid)
        console = out()
        console.print()
        console.print(Panel(Group(*body), title=f"[bold]{esc(title)}[/bold]",
                            title_align="left", subtitle=" · ".join(bits),
                            subtitle_align="right", expand=True))
        if again:
            return
        for use in phase.workforms:
            self._workform(use, workforms.get(use.ref))

    def _workform(self, use: Any, wf: Workform | None) -> None:
        from rich.padding import Padding
        from rich.text import Text

        name = wf.name.get(self.lang) if wf is not None else use.ref
        box = use.timebox or (wf.timebox if wf is not None else "")
        console = out()
        ref = "" if f"({use.ref})" in name else f"({use.ref}) "  # not "(stand-up) (stand-up)"
        console.print(f"[bold]▸ {esc(name)}[/bold] [dim]{ref}· {box}[/dim]")
        parts = []
        if use.note:
            parts.append(f"[italic]{esc(use.note.get(self.lang))}[/italic]")
        if wf is not None:
            parts.append(esc(wf.summary.get(self.lang)))
        for part in parts:
            console.print(Padding(Text.from_markup(part), (0, 0, 0, 2)))
        if wf is not None:
            steps = [ln for ln in wf.instructions.get(self.lang).splitlines() if ln.strip()]
            from rich.table import Table

            grid = Table.grid(padding=(0, 1, 0, 0))
            grid.add_column(width=5, no_wrap=True, justify="right")
            grid.add_column()
            for ln in steps:
                number, _, rest = ln.partition(" ")
                if number.rstrip(".").isdigit():
                    grid.add_row(number, Text(rest))
                else:
                    grid.add_row("", Text(ln))
            console.print(grid)

    def offer_timer(self, phase: Phase, timed: list[tuple[str, int]]) -> None:
        from sprintkit.model.common import format_duration
        from sprintkit.ui.timer_view import run_timer

        options = "  ".join(f"{n}) {esc(name)} {format_duration(sec)}"
                            for n, (name, sec) in enumerate(timed, start=1))
        out().print(self.t["timer"].format(options=options))
        chosen = prompts.pick(self.t["timer_pick"], len(timed), self._error,
                              wrong=self.t["wrong_number"])
        if chosen is None:
            return
        name, seconds = timed[chosen - 1]
        from sprintkit.ui.timer_keys import start_offered

        if not start_offered(name, seconds):  # no shared timer: count down here
            run_timer(seconds, f"{name} ({format_duration(seconds)})", self.lang, catch=True)

    def closed(self, phase: Phase, status: str, missing: list[str]) -> None:
        title = esc(phase.title.get(self.lang))
        if status == "done":
            out().print(f"[green]{self.t['phase_done'].format(title=title)}[/green]")
        elif missing:
            out().print(f"[yellow]{self.t['phase_open'].format(title=title)}[/yellow] — "
                        + self.t["missing"].format(outputs=esc("; ".join(
                            self.names.get(m, m) for m in missing))))

    def offer_open(self, still: list[tuple[str, bool]]) -> bool:
        t = self.t
        shown = "; ".join(f"{self.names.get(key, key)} "
                          f"({t['was_skipped'] if skipped else t['was_missing']})"
                          for key, skipped in still)
        out().print()
        return prompts.yes_no(esc(t["still_open"].format(outputs=shown)), self.lang,
                              default=True)

    def conflict(self, ask: Ask, in_file: Any, answer: Any) -> bool:
        out().print(f"[yellow]{self.t['conflict'].format(file=self._quoted(in_file, ask))}"
                    "[/yellow]")
        chosen = prompts.pick(self.t["conflict_pick"].format(mine=self._quoted(answer, ask)), 2,
                              self._error, wrong=self.t["wrong_number"])
        return chosen != 1

    def _quoted(self, value: Any, ask: Ask) -> str:
        return "“" + esc(shown_value(value, self.lang, ask.spec)) + "”"

    def blocked(self, error: SprintkitError, journal: Path) -> None:
        from sprintkit.errors import InvalidFile
        from sprintkit.files.textfile import display

        console = err()
        if isinstance(error, InvalidFile):
            for problem in error.problems:
                console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        else:
            console.print(error.message, markup=False)
            if error.hint:
                console.print(f"  {area_words('common.', self.lang)['hint']} {error.hint}",
                              markup=False)
        console.print(f"[yellow]{esc(self.t['blocked'].format(journal=display(journal)))}"
                      "[/yellow]")
        console.print(esc(self.t["blocked_how"]))
        prompts.line(self.t["retry"])

    def note(self, message: str) -> None:
        err().print(message, markup=False)

    def _error(self, message: str, hint: str | None = None) -> None:
        text = f"[red]✗[/red] {esc(message)}"
        if hint:
            text += f" [dim]({esc(hint)})[/dim]"
        out().print(text)

    # --- one question -----------------------------------------------------------------------

    def ask(self, ask: Ask, problem: AnswerError | None) -> Reply:
        from sprintkit.ops.run import Reply

        if problem is not None:
            self._error(problem.message, problem.hint)
        else:
            self._question(ask)
        handler = getattr(self, f"_ask_{ask.spec.type}", self._ask_text)
        reply: Reply = handler(ask)
        return reply if isinstance(reply, Reply) else Reply("answer", reply)

    def _question(self, ask: Ask) -> None:
        spec = ask.spec
        n, of = ask.position
        console = out()
        console.print()
        head = f"[bold]{n}/{of}[/bold] " if of else ""
        console.print(f"{head}[bold]{esc(spec.prompt.get(self.lang))}[/bold]")
        if spec.help:
            console.print(f"[dim]{esc(spec.help.get(self.lang))}[/dim]")
        hint = [self._kind(ask)]
        if not spec.required:
            hint.append(self.t["optional"])
        hint.append(self.t["keys_short"])
        console.print(f"[dim]{esc(' · '.join(h for h in hint if h))}[/dim]")
        if ask.default is not None and spec.type not in ("list", "hypotheses", "dot_vote",
                                                         "impact_effort"):
            origin = self.t["saved_default" if ask.default_from == "saved" else "method_default"]
            value = shown_value(ask.default, self.lang, spec)
            console.print(f"[dim]{esc(self.t['enter_keeps'].format(value=value))} "
                          f"({origin})[/dim]")

    def _kind(self, ask: Ask) -> str:
        spec = ask.spec
        t = self.t
        kind = t.get(spec.type, "")
        if spec.type in ("number", "integer"):
            lo, hi = spec.min, spec.max
            from sprintkit.i18n import numbers

            def fmt(x: float) -> str:
                return numbers.number(x, self.lang)

            if lo is not None and hi is not None:
                kind += ", " + t["range"].format(lo=fmt(lo), hi=fmt(hi))
            elif lo is not None:
                kind += ", " + t["from"].format(lo=fmt(lo))
            elif hi is not None:
                kind += ", " + t["upto"].format(hi=fmt(hi))
        return kind

    def _command(self, text: str) -> Reply | None:
        from sprintkit.ops.run import Reply

        stripped = text.strip()
        if stripped == BACK:
            return Reply("back")
        if stripped == SKIP:
            return Reply("skip")
        if not stripped:
            return Reply("keep")
        return None

    def _ask_text(self, ask: Ask) -> Any:
        text = prompts.line("> ")
        return self._command(text) or text

    def _ask_multiline(self, ask: Ask) -> Any:
        got = prompts.lines("> ", "  ")
        if not got:
            return self._command("")
        return self._command(got[0]) if len(got) == 1 and self._command(got[0]) else "\n".join(got)

    def _ask_list(self, ask: Ask) -> Any:
        existing = ask.default if isinstance(ask.default, list) else []
        earlier = ask.items if ask.spec.items_from else None
        if earlier:
            votes = ask.votes or {}
            if votes:  # most votes first: the top of the vote is what is usually picked
                earlier = sorted(earlier, key=lambda item: -votes.get(item, 0))
            prompts.numbered([esc(i) + (f" [dim]· {self.t['votes_n'].format(n=votes[i])}[/dim]"
                                        if i in votes else "") for i in earlier])
            out().print(f"[dim]{self.t['list_pick']}[/dim]")
            if existing:
                keeps = self.t["enter_keeps"].format(value=shown_value(existing, self.lang))
                out().print(f"[dim]{esc(keeps)}; [bold]+[/bold] {self.t['list_add']}[/dim]")
        elif existing:
            prompts.numbered([esc(i) for i in existing])
            out().print(f"[dim]{self.t['list_keep']}[/dim]")
        first = prompts.line("> " if existing else "  1. ")
        command = self._command(first)
        if command is not None:
            return command
        items = list(existing) if first.strip() == prompts.ADD else self._picked(first, earlier)
        queued, ended = self._paste()
        while True:
            if queued:  # the rest of a paste: one item a line, its empty lines left out
                text = queued.pop(0)
                if not text.strip():
                    continue
            elif ended:
                return items
            else:
                text = prompts.line(f"  {len(items) + 1}. ")
                if not text.strip():
                    return items
                queued, ended = self._paste()
            if text.strip() in (BACK, SKIP):  # never stored as an item
                if not items:  # nothing in the list yet: as on the first line
                    return self._command(text)
                if text.strip() == BACK:  # takes back the last item
                    taken = self.t["list_taken_back"].format(item=items.pop())
                    out().print(f"[dim]    ← {esc(taken)}[/dim]")
                else:
                    self._error(self.t["list_skip_first"])
                continue
            items += self._picked(text, earlier)

    def _paste(self) -> tuple[list[str], bool]:
        """The rest of a pasted list (read at once, so no prompt is printed between its lines)
        and whether it ended with an empty line; says how many lines came with it."""
        block, ended = prompts.inner_blanks_kept(prompts.pasted())
        if block:
            out().print(f"[dim]    {esc(self.t['list_pasted'].format(n=len(block) + 1))}[/dim]")
        return block, ended

    def _picked(self, text: str, earlier: list[str] | None) -> list[str]:
        """One typed line of a list: a line of numbers picks those items of the earlier list
        (their text is shown and stored); any other line is an item as typed."""
        from sprintkit.engine.answers import picked_items

        numbers = picked_items(text, earlier)
        if numbers is None or earlier is None:
            return [text.strip()]
        if not all(1 <= n <= len(earlier) for n in numbers):
            self._error(self.t["wrong_number"].format(n=len(earlier)))
            return []
        chosen = [earlier[n - 1] for n in numbers]
        for item in chosen:
            out().print(f"[dim]    → {esc(item)}[/dim]")
        return chosen

    def _menu(self, ask: Ask) -> None:
        # by name only: a number, the name or the id may be typed (the id is for answers files)
        prompts.numbered([esc(c.label.get(self.lang)) for c in ask.spec.choices])

    def _ask_choice(self, ask: Ask) -> Any:
        self._menu(ask)
        text = prompts.line("> ")
        return self._command(text) or text

    def _ask_multichoice(self, ask: Ask) -> Any:
        self._menu(ask)
        text = prompts.line("> ")
        return self._command(text) or text

    _ask_number = _ask_text
    _ask_integer = _ask_text
    _ask_date = _ask_text

    def _ask_bool(self, ask: Ask) -> Any:
        text = prompts.line(f"({self.t['bool']}) > ")
        return self._command(text) or text

    # --- dot voting -------------------------------------------------------------------------

    def _ask_dot_vote(self, ask: Ask) -> Any:
        from sprintkit.engine.answers import AnswerError

        items = ask.items or []
        if items:
            prompts.numbered([esc(i) for i in items])
        if ask.default:
            self.show_ranking(ask.default)
        out().print(self.t["vote_how"])
        how = prompts.line(self.t["vote_keep" if ask.default else "vote_pick"]).strip()
        command = self._command(how) if how in (BACK, SKIP) or (not how and ask.default) else None
        if command is not None:
            return command
        if how == "2":
            from sprintkit.ui.vote_entry import enter_totals

            value: Any = enter_totals(self, ask)
            if not isinstance(value, dict):
                return value
        else:
            limit = ask.spec.votes_per_person
            shown = self.t["voter_limit"].format(n=limit) if limit else ""
            voters: list[str] = []
            while True:
                text = prompts.line(esc(self.t["voter"].format(n=len(voters) + 1, limit=shown)))
                if not text.strip():
                    break
                try:
                    ask.check([*voters, text])  # numbered as the participants are
                except AnswerError as exc:
                    self._error(exc.message, exc.hint)
                    continue
                voters.append(text)
            if not voters:
                return self._command("")
            value = voters
        try:
            result = ask.check(value)
        except AnswerError:
            return value  # the walk says what is wrong and asks again
        self.show_ranking(result)
        return result

    def show_ranking(self, votes: dict[str, Any]) -> None:
        from rich.table import Table

        from sprintkit.engine.choices import vote_ranking

        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                      title=self.t["ranking"], title_justify="left", title_style="bold")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("", ratio=1)
        table.add_column(self.t["votes"], justify="right", no_wrap=True)
        table.add_column("", no_wrap=True)
        rows = vote_ranking(votes)
        most = max((int(row["votes"]) for row in rows), default=0)
        for row in rows:
            count = int(row["votes"])
            # one dot a vote, up to 20; a big group's bars are scaled to the most votes
            dots = "●" * count if most <= 20 else "●" * max(1, round(20 * count / most))
            table.add_row(str(row["rank"]), esc(row["item"]), str(count), dots if count else "")
        out().print(table)

    # --- impact / effort --------------------------------------------------------------------

    def _ask_impact_effort(self, ask: Ask) -> Any:
        from sprintkit.engine.answers import AnswerError, scale_of

        items = ask.items or []
        previous = ask.default if isinstance(ask.default, dict) else {}
        if previous:
            self.show_matrix(previous)
            out().print(f"[dim]{esc(self.t['scores_keep'])}[/dim]")
            first = prompts.line("> ")
            command = self._command(first)
            if command is not None:
                return command
        lo, hi = scale_of(ask.spec)
        scores: dict[str, str] = {}
        for n, item in enumerate(items, start=1):
            while True:
                before = previous.get(item)
                shown = self.t["score"].format(n=n, item=item, lo=lo, hi=hi)
                if isinstance(before, dict):
                    shown = shown.replace(self.t["score_skip"], self.t["score_was"].format(
                        was=" ".join(str(v) for v in before.values())))
                prompts.numbered([esc(item)], start=n)  # a long item wraps under its text
                text = prompts.line(esc(shown.partition("\n")[2]))
                if not text.strip():
                    if isinstance(before, dict):
                        scores[item] = " ".join(str(v) for v in before.values())
                    break
                if n == 1 and not scores and self._command(text) is not None:
                    return self._command(text)
                try:
                    ask.check({item: text})
                except AnswerError as exc:
                    self._error(exc.message, exc.hint)
                    continue
                scores[item] = text
                break
        if not scores:
            return self._command("")
        try:
            result = ask.check(scores)
        except AnswerError:
            return scores
        self.show_matrix(result)
        return result

    def show_matrix(self, scores: dict[str, Any]) -> None:
        from rich.table import Table

        from sprintkit.engine.choices import impact_effort_matrix

        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                      title=self.t["matrix"], title_justify="left", title_style="bold")
        table.add_column("", ratio=1)
        table.add_column(self.t["impact"], justify="right", no_wrap=True)
        table.add_column(self.t["effort"], justify="right", no_wrap=True)
        table.add_column(self.t["quadrant"], no_wrap=True)
        from sprintkit.i18n.numbers import number

        for row in impact_effort_matrix(scores, self.lang):
            table.add_row(esc(row["item"]), number(row["impact"], self.lang),
                          number(row["effort"], self.lang), esc(row["quadrant_label"]))
        out().print(table)

    # --- test cards -------------------------------------------------------------------------

    def _ask_hypotheses(self, ask: Ask) -> Any:
        from sprintkit.ui.card_prompt import ask_cards

        return ask_cards(self, ask)
