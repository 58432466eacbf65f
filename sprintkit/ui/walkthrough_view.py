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

if TYPE_CHECKING:
    from sprintkit.engine.answers import AnswerError
    from sprintkit.engine.walkthrough import Step
    from sprintkit.errors import SprintkitError
    from sprintkit.model.method import Method, Phase, Workform
    from sprintkit.model.sprint import Sprint
    from sprintkit.ops.run import Ask, Given, Reply, RunResult

_T: dict[str, dict[str, str]] = {
    "nl": {
        "phase": "Fase {n} van {of}",
        "day": "dag {n}",
        "goal": "Doel",
        "workforms": "Werkvormen",
        "done_when": "Klaar als",
        "keys": "Typ [bold]<[/bold] om terug te gaan en [bold]-[/bold] om een vraag over te "
                "slaan; Enter houdt het getoonde antwoord. Ctrl-C stopt: alles wat je gaf is al "
                "bewaard.",
        "method": "Methode",
        "phases_done": "{done} van {of} fasen klaar",
        "all_done": "Alle fasen zijn klaar. Een fase opnieuw doorlopen: "
                    "[bold]sprintkit run --phase ID[/bold]",
        "nothing": "Deze fase heeft geen vragen meer open.",
        "timer": "Timer starten? {options}",
        "timer_pick": "  Nummer, of Enter voor nee: ",
        "saved_default": "bewaard antwoord",
        "method_default": "standaard",
        "enter_keeps": "Enter houdt: {value}",
        "text": "tekst",
        "multiline": "meerdere regels; een lege regel rondt af",
        "list": "één punt per regel; een lege regel rondt af",
        "list_keep": "Enter houdt deze lijst; [bold]+[/bold] vult hem aan; of typ een nieuwe",
        "list_pick": "Kies met nummers (1, 5 of 1,5 op één regel), of typ een eigen punt",
        "list_add": "vult hem aan; of kies/typ een nieuwe lijst",
        "choice": "nummer of naam",
        "multichoice": "nummers, met komma's gescheiden",
        "number": "getal",
        "integer": "geheel getal",
        "range": "van {lo} tot {hi}",
        "from": "vanaf {lo}",
        "upto": "tot en met {hi}",
        "date": "datum, JJJJ-MM-DD (of D-M-JJJJ)",
        "bool": "j/n",
        "hypotheses": "testkaarten",
        "optional": "optioneel",
        "keys_short": "< terug · - overslaan",
        "vote_how": "Hoe leg je de stemmen vast? 1) per deelnemer  2) totalen per punt",
        "vote_pick": "  Nummer [1]: ",
        "voter": "  Deelnemer {n}: nummers van de gekozen punten{limit} (Enter: klaar) ",
        "voter_limit": ", hoogstens {n}",
        "vote_keep": "  Nummer, of Enter om de uitslag te houden: ",
        "total": "  {n}. {item} — stemmen (Enter = 0): ",
        "ranking": "Uitslag",
        "votes": "stemmen",
        "score": "  {n}. {item}\n     impact en inspanning ({lo}-{hi}), bijv. {hi} {lo} "
                 "(Enter slaat over): ",
        "matrix": "Impact en inspanning",
        "scores_keep": "Enter houdt deze scores; typ iets anders om opnieuw te scoren",
        "score_skip": "(Enter slaat over)",
        "score_was": "(Enter: {was})",
        "impact": "impact",
        "effort": "inspanning",
        "quadrant": "kwadrant",
        "cards": "Testkaarten in deze fase",
        "card": "Testkaart {n}",
        "card_stop": "(Enter zonder bewering rondt af)",
        "statement": "  We geloven dat … ",
        "risk": "  Risico: 1) wenselijkheid 2) haalbaarheid 3) levensvatbaarheid (Enter: "
                "geen) ",
        "test": "  Om dat te toetsen, gaan we … ",
        "metric": "  En meten we … ",
        "target": "  Streefwaarde, bijv. >=70% of <=14 (Enter: kwalitatief) ",
        "criterion": "  We hebben gelijk als … ",
        "title": "  Korte titel voor het rapport (Enter: de bewering) ",
        "importance": "  Hoe kritisch is deze aanname, 1-5 (5: het idee valt om als hij niet "
                      "klopt; Enter: overslaan) ",
        "card_saved": "  ✓ {id} bewaard",
        "phase_done": "✓ Fase klaar: {title}",
        "phase_open": "Fase nog niet klaar: {title}",
        "still_open": "Nog open: {outputs} — nu beantwoorden?",
        "was_skipped": "overgeslagen",
        "was_missing": "ontbreekt",
        "missing": "ontbreekt nog: {outputs}",
        "conflict": "sprint.yaml is intussen met de hand aangepast: bij deze vraag staat nu "
                    "{file}.",
        "conflict_pick": "  1) houd wat in het bestand staat  2) gebruik jouw antwoord {mine} "
                         "[2]: ",
        "blocked": "Je antwoord is veilig bewaard in {journal}, maar sprint.yaml kan nu niet "
                   "worden bijgewerkt.",
        "blocked_how": "Herstel het bestand en druk op Enter om het opnieuw te proberen "
                       "(Ctrl-C stopt; de volgende `sprintkit run` verwerkt het dan).",
        "retry": "  Enter = opnieuw proberen: ",
        "given": "{n} antwoord(en) overgenomen uit {sources}",
        "given_same": "antwoorden uit {sources} stonden er al",
        "timer_stopped": "timer gestopt",
        "yes": "ja",
        "no": "nee",
        "first_q": "eerste vraag",
        "wrong_number": "kies een nummer van 1 tot {n}",
        "finished": "Klaar: {saved} bewaard in {file}.",
        "next": "Volgende stap: {command}",
        "skipped": "Overgeslagen: {outputs} — later beantwoorden met {command}",
        "pending": "{n} antwoord(en) wachten nog in {journal}",
        "interrupted": "\nonderbroken: {saved} bewaard; ga verder met `{command}`",
        "answers": "{n} antwoord|{n} antwoorden",
        "status_done": "Alle fasen zijn klaar. Bekijk de stand met `sprintkit status{s}`.",
    },
    "en": {
        "phase": "Phase {n} of {of}",
        "day": "day {n}",
        "goal": "Goal",
        "workforms": "Work forms",
        "done_when": "Done when",
        "keys": "Type [bold]<[/bold] to go back and [bold]-[/bold] to skip a question; Enter "
                "keeps the answer shown. Ctrl-C stops: everything you gave is already saved.",
        "method": "Method",
        "phases_done": "{done} of {of} phases done",
        "all_done": "All phases are done. To go through one again: "
                    "[bold]sprintkit run --phase ID[/bold]",
        "nothing": "This phase has no open questions left.",
        "timer": "Start a timer? {options}",
        "timer_pick": "  Number, or Enter for no: ",
        "saved_default": "saved answer",
        "method_default": "default",
        "enter_keeps": "Enter keeps: {value}",
        "text": "text",
        "multiline": "several lines; an empty line finishes",
        "list": "one item per line; an empty line finishes",
        "list_keep": "Enter keeps this list; [bold]+[/bold] adds to it; or type a new one",
        "list_pick": "Pick by number (1, 5 or 1,5 on one line), or type an item of your own",
        "list_add": "adds to it; or pick/type a new list",
        "choice": "number or name",
        "multichoice": "numbers, separated by commas",
        "number": "number",
        "integer": "whole number",
        "range": "from {lo} to {hi}",
        "from": "at least {lo}",
        "upto": "at most {hi}",
        "date": "date, YYYY-MM-DD (or D-M-YYYY)",
        "bool": "y/n",
        "hypotheses": "test cards",
        "optional": "optional",
        "keys_short": "< back · - skip",
        "vote_how": "How do you record the votes? 1) per participant  2) totals per item",
        "vote_pick": "  Number [1]: ",
        "voter": "  Participant {n}: numbers of the items chosen{limit} (Enter: done) ",
        "voter_limit": ", at most {n}",
        "vote_keep": "  Number, or Enter to keep the result: ",
        "total": "  {n}. {item} — votes (Enter = 0): ",
        "ranking": "Result",
        "votes": "votes",
        "score": "  {n}. {item}\n     impact and effort ({lo}-{hi}), e.g. {hi} {lo} "
                 "(Enter skips): ",
        "matrix": "Impact and effort",
        "scores_keep": "Enter keeps these scores; type anything else to score again",
        "score_skip": "(Enter skips)",
        "score_was": "(Enter: {was})",
        "impact": "impact",
        "effort": "effort",
        "quadrant": "quadrant",
        "cards": "Test cards in this phase",
        "card": "Test card {n}",
        "card_stop": "(Enter without a statement finishes)",
        "statement": "  We believe that … ",
        "risk": "  Risk type: 1) desirability 2) feasibility 3) viability (Enter: none) ",
        "test": "  To verify that, we will … ",
        "metric": "  And measure … ",
        "target": "  Target, e.g. >=70% or <=14 (Enter: qualitative) ",
        "criterion": "  We are right if … ",
        "title": "  Short title for the report (Enter: the statement) ",
        "importance": "  How critical is this assumption, 1-5 (5: the idea fails if it is "
                      "wrong; Enter: skip) ",
        "card_saved": "  ✓ {id} saved",
        "phase_done": "✓ Phase done: {title}",
        "phase_open": "Phase not done yet: {title}",
        "still_open": "Still open: {outputs} — answer now?",
        "was_skipped": "skipped",
        "was_missing": "missing",
        "missing": "still missing: {outputs}",
        "conflict": "sprint.yaml was edited by hand meanwhile: for this question it now holds "
                    "{file}.",
        "conflict_pick": "  1) keep what the file holds  2) use your answer {mine} [2]: ",
        "blocked": "Your answer is kept safely in {journal}, but sprint.yaml cannot be updated "
                   "right now.",
        "blocked_how": "Fix the file and press Enter to try again (Ctrl-C stops; the next "
                       "`sprintkit run` applies it then).",
        "retry": "  Enter = try again: ",
        "given": "{n} answer(s) taken from {sources}",
        "given_same": "the answers from {sources} were already there",
        "timer_stopped": "timer stopped",
        "yes": "yes",
        "no": "no",
        "first_q": "first question",
        "wrong_number": "choose a number from 1 to {n}",
        "finished": "Done: {saved} saved in {file}.",
        "next": "Next step: {command}",
        "skipped": "Skipped: {outputs} — answer later with {command}",
        "pending": "{n} answer(s) still waiting in {journal}",
        "interrupted": "\ninterrupted: {saved} saved; resume with `{command}`",
        "answers": "{n} answer|{n} answers",
        "status_done": "All phases are done. See where the sprint stands with "
                       "`sprintkit status{s}`.",
    },
}

def texts(lang: str) -> dict[str, str]:
    return _T["nl" if lang == "nl" else "en"]


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


def _number_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _pair_text(value: Any) -> str:
    if isinstance(value, dict):
        return "/".join(str(v) for v in value.values())
    return str(value)


class TerminalWalk:
    """The person at the terminal, as :class:`sprintkit.ops.run.WalkUI`."""

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang
        self.t = texts(lang)

    # --- around the questions -------------------------------------------------------------

    def start(self, sprint: Sprint, method: Method, first: Step | None, revisit: bool) -> None:
        from sprintkit.engine.progress import phase_progress

        self.lang = sprint.language
        self.t = texts(self.lang)
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
        from rich.panel import Panel

        from sprintkit.model.common import format_duration

        t = self.t
        bits = [format_duration(phase.seconds)]
        if phase.day:
            bits.append(t["day"].format(n=phase.day))
        title = f"{t['phase'].format(n=number, of=total)} · {phase.title.get(self.lang)}"
        body = [f"[bold]{t['goal']}:[/bold] {esc(phase.goal.get(self.lang))}"]
        if phase.exit_criteria and not again:
            body.append("")
            body.append(f"[bold]{t['done_when']}:[/bold]")
            states = criteria or ["ask"] * len(phase.exit_criteria)
            marks = {"met": "[green]✓[/green]", "open": "✗", "ask": "?"}
            body += [f"  {marks.get(state, '?')} {esc(c.text.get(self.lang))}"
                     for c, state in zip(phase.exit_criteria, states, strict=False)]
        console = out()
        console.print()
        console.print(Panel("\n".join(body), title=f"[bold]{esc(title)}[/bold]",
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
        console.print(f"[bold]▸ {esc(name)}[/bold] [dim]({use.ref}) · {box}[/dim]")
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
        run_timer(seconds, f"{name} ({format_duration(seconds)})", self.lang, catch=True)

    def closed(self, phase: Phase, status: str, missing: list[str]) -> None:
        title = esc(phase.title.get(self.lang))
        if status == "done":
            out().print(f"[green]{self.t['phase_done'].format(title=title)}[/green]")
        elif missing:
            out().print(f"[yellow]{self.t['phase_open'].format(title=title)}[/yellow] — "
                        + self.t["missing"].format(outputs=esc(", ".join(missing))))

    def offer_open(self, still: list[tuple[str, bool]]) -> bool:
        t = self.t
        shown = ", ".join(f"{key} ({t['was_skipped'] if skipped else t['was_missing']})"
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
                console.print(f"  hint: {error.hint}", markup=False)
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
            fmt = _number_text
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
            prompts.numbered([esc(i) for i in earlier])
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
        while True:
            text = prompts.line(f"  {len(items) + 1}. ")
            if not text.strip():
                return items
            items += self._picked(text, earlier)

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
        options = [f"{esc(c.label.get(self.lang))} [dim]({c.id})[/dim]" for c in ask.spec.choices]
        prompts.numbered(options)

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
            totals: dict[str, str] = {}
            for n, item in enumerate(items, start=1):
                text = prompts.line(esc(self.t["total"].format(n=n, item=item)))
                totals[item] = text.strip() or "0"
            value: Any = totals
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

        from sprintkit.render.context import _ranking

        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                      title=self.t["ranking"], title_justify="left", title_style="bold")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("", ratio=1)
        table.add_column(self.t["votes"], justify="right", no_wrap=True)
        table.add_column("", no_wrap=True)
        for row in _ranking(votes):
            count = int(row["votes"])
            table.add_row(str(row["rank"]), esc(row["item"]), str(count), "●" * min(count, 20))
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
                text = prompts.line(esc(shown))
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

        from sprintkit.render.context import _matrix

        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold",
                      title=self.t["matrix"], title_justify="left", title_style="bold")
        table.add_column("", ratio=1)
        table.add_column(self.t["impact"], justify="right", no_wrap=True)
        table.add_column(self.t["effort"], justify="right", no_wrap=True)
        table.add_column(self.t["quadrant"], no_wrap=True)
        from sprintkit.i18n.numbers import number

        for row in _matrix(scores, self.lang):
            table.add_row(esc(row["item"]), number(row["impact"], self.lang),
                          number(row["effort"], self.lang), esc(row["quadrant_label"]))
        out().print(table)

    # --- test cards -------------------------------------------------------------------------

    def _ask_hypotheses(self, ask: Ask) -> Any:
        from sprintkit.ui.card_prompt import ask_cards

        return ask_cards(self, ask)


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
    if result.skipped:
        phase = result.skipped[0].split(".")[0]
        console.print(esc(t["skipped"].format(outputs=", ".join(result.skipped),
                                              command=f"sprintkit run{s} --phase {phase}")))
    if result.next_phase:
        console.print(esc(t["next"].format(command=f"sprintkit run{s}")))
    else:
        console.print(esc(t["status_done"].format(s=s)))


# --- status ----------------------------------------------------------------------------------

_STATUS: dict[str, dict[str, str]] = {
    "nl": {
        "todo": "nog te doen", "in_progress": "bezig", "done": "klaar", "skipped": "overgeslagen",
        "phase": "Fase", "state": "Stand", "answers": "Antwoorden", "missing": "ontbreekt",
        "next": "Volgende stap", "finished": "alle fasen zijn klaar",
        "captured": "Vastgelegd: {answered} van {asked} antwoorden",
        "skipped_n": "{n} overgeslagen", "hyps": "Hypothesen: {n}",
        "supported": "ondersteund", "refuted": "weerlegd", "inconclusive": "onbeslist",
        "insufficient_data": "onvoldoende gegevens",
        "actions": "Acties: {n} open", "overdue": "{n} te laat", "no_actions": "Acties: geen open",
        "pending": "{n} antwoord(en) wachten in .sprintkit/pending-answers.yaml; "
                   "`sprintkit run` verwerkt ze",
        "method": "Methode", "done_of": "{done} van {of} fasen klaar",
        "still_open": "Nog open: {outputs} — beantwoorden met `{command}`",
    },
    "en": {
        "todo": "to do", "in_progress": "in progress", "done": "done", "skipped": "skipped",
        "phase": "Phase", "state": "State", "answers": "Answers", "missing": "missing",
        "next": "Next step", "finished": "all phases are done",
        "captured": "Captured: {answered} of {asked} answers",
        "skipped_n": "{n} skipped", "hyps": "Hypotheses: {n}",
        "supported": "supported", "refuted": "refuted", "inconclusive": "inconclusive",
        "insufficient_data": "insufficient data",
        "actions": "Actions: {n} open", "overdue": "{n} overdue",
        "no_actions": "Actions: none open",
        "pending": "{n} answer(s) waiting in .sprintkit/pending-answers.yaml; "
                   "`sprintkit run` applies them",
        "method": "Method", "done_of": "{done} of {of} phases done",
        "still_open": "Still open: {outputs} — answer with `{command}`",
    },
}


def print_status(status: Any) -> None:
    """``sprintkit status`` for people (80 columns)."""
    from rich.table import Table

    from sprintkit.files.textfile import display

    w = _STATUS["nl" if status.lang == "nl" else "en"]
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
        missing = [m for m in p.missing if m not in skipped]
        if missing and p.status == "in_progress":
            notes.append(f"{w['missing']}: {', '.join(missing)}")
        if skipped:
            notes.append(f"{w['skipped']}: {', '.join(skipped)}")
        if notes:
            title += "\n[dim]" + esc("; ".join(notes)) + "[/dim]"
        state = w.get(p.status, p.status)
        style = {"done": "green", "in_progress": "yellow"}.get(p.status, "")
        table.add_row(str(n), title, f"[{style}]{state}[/{style}]" if style else state,
                      f"{p.answered}/{p.asked}")
    console.print(table)
    console.print()
    if status.next_phase is None:
        console.print(f"[bold]{w['next']}:[/bold] {w['finished']} — {esc(status.command)}")
    else:
        where = status.next_phase + (f".{status.next_output}" if status.next_output else "")
        console.print(f"[bold]{w['next']}:[/bold] {esc(where)} — {esc(status.command)}")
    by_phase: dict[str, list[str]] = {}
    for key, skipped in status.still_open:
        by_phase.setdefault(key.split(".")[0], []).append(
            f"{key} ({w['skipped'] if skipped else w['missing']})")
    for phase_id, keys in by_phase.items():
        console.print(esc(w["still_open"].format(outputs=", ".join(keys),
                                                 command=status.open_command(phase_id))))
    counts = status.outputs
    line = w["captured"].format(**counts)
    if counts["skipped"]:
        line += " · " + w["skipped_n"].format(n=counts["skipped"])
    console.print(line)
    verdicts = " · ".join(f"{w[k]} {v}" for k, v in status.hypotheses.items() if v)
    total = len(status.sprint.hypotheses)
    console.print(w["hyps"].format(n=total) + (f" — {verdicts}" if total else ""))
    if status.open_actions:
        overdue = status.actions.get("overdue", 0)
        head = w["actions"].format(n=len(status.open_actions))
        if overdue:
            head += f" ({w['overdue'].format(n=overdue)})"
        console.print(head)
        for a in status.open_actions[:10]:
            bits = [b for b in (a["owner"], a["due"]) if b]
            extra = f" [dim]({esc(', '.join(bits))})[/dim]" if bits else ""
            console.print(f"  {a['id']} {esc(a['text'])}{extra}")
    else:
        console.print(w["no_actions"])
    if status.pending:
        console.print(f"[yellow]{esc(w['pending'].format(n=status.pending))}[/yellow]")
