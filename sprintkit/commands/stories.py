"""`sprintkit stories …`: import and tell stories (pseudonymised), export, purge, summary,
shifts, dashboard, the disclosure audit and the key file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import (
    PANEL_STORIES,
    DocFormatOpt,
    DraftOpt,
    ForceOpt,
    Format,
    FormatOpt,
    LangOpt,
    NoInputOpt,
    SprintOpt,
)

stories_app = typer.Typer(
    help="Stories (verhalen): import or tell them, see what they say and how it shifts.\n\n"
    "Story text is pseudonymised as it enters; summaries hide cells with fewer than 5 stories.",
    no_args_is_help=True,
)

PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", help="A period such as 2026-H1 (half-year), 2026-Q2, 2026-05, 2026.",
                 show_default=False),
]
PerspectiveOpt = Annotated[
    str | None,
    typer.Option("--perspective", help="Only stories from this perspective (its id).",
                 show_default=False),
]
KeepOpt = Annotated[
    bool,
    typer.Option("--keep-identifiers",
                 help="Store the text as given, without replacing names and identifiers "
                 "(not recommended)."),
]


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


def _in_its_language(sprint: Path | None) -> None:
    """Read the sprint, when it can be read, so that a refusal of the command line itself is
    told in the sprint's language."""
    from contextlib import suppress

    from sprintkit.errors import SprintkitError
    from sprintkit.files.sprintfile import load_sprint

    with suppress(SprintkitError):
        load_sprint(sprint)


def _warn_all(messages: list[str]) -> None:
    from sprintkit.ui import console

    for message in messages:
        console.warning(message)


@stories_app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(help="CSV file: date, perspective, text, one column per "
                                              "signifier, optional consent_quote.")],
    sprint: SprintOpt = None,  # type: ignore[assignment]
    period: PeriodOpt = None,
    keep_identifiers: KeepOpt = False,
    again: Annotated[bool, typer.Option(
        "--again", help="Import a file that was imported before (its stories then count "
        "twice).")] = False,
    format: FormatOpt = Format.text,
) -> None:
    """Import stories from a CSV file: every row is checked, and all are stored or none."""
    from sprintkit.i18n import msg
    from sprintkit.ops.stories import import_stories
    from sprintkit.ui import console

    bar = _Progress()
    try:
        result = import_stories(file=file, sprint=sprint, period=period,
                                keep_identifiers=keep_identifiers, again=again,
                                progress=bar.update)
    finally:
        bar.close()
    if result["key_file_created"]:
        console.info(msg("stories.key_file_created", path=result["key_file"]))
    _warn_all(result["warnings"])
    if format is Format.json:
        console.emit_json(result)
        return
    periods = ", ".join(f"{p}: {n}" for p, n in result["periods"].items())
    console.success(msg("stories.imported", count=result["imported"],
                        database=result["database"], first=result["first_id"],
                        last=result["last_id"], periods=periods))
    if result["replaced"]:
        replaced = ", ".join(msg("stories.replaced_kind", kind=msg("stories.kind." + kind), n=n)
                             for kind, n in result["replaced"].items())
        console.info(msg("stories.pseudonymised", replaced=replaced))


class _Progress:
    """A progress bar on a terminal for large imports; nothing otherwise."""

    def __init__(self) -> None:
        self.progress: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        from sprintkit.ui import console

        if self.progress is None:
            if total < 10000 or not console.is_interactive():
                return
            from rich.progress import Progress

            self.progress = Progress(console=console.err(), transient=True)
            self.progress.start()
            self.task = self.progress.add_task("importing", total=total)
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@stories_app.command("add")
def add_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    text: Annotated[str | None, typer.Option("--text", help="The story (asked when omitted).",
                                             show_default=False)] = None,
    perspective: Annotated[str | None, typer.Option(
        "--perspective", help="Perspective id (asked when omitted).", show_default=False)] = None,
    answer: Annotated[list[str] | None, typer.Option(
        "--answer", help="A signifier answer as ID=VALUE (repeat); multichoice: a|b; "
        "triad: 60/30/10.", show_default=False)] = None,
    date: Annotated[str | None, typer.Option("--date", metavar="DATE",
                                             help="Date of the story: 2-3-2026 or 2026-03-02 "
                                             "(default: today).",
                                             show_default=False)] = None,
    period: PeriodOpt = None,
    consent: Annotated[bool | None, typer.Option(
        "--consent/--no-consent", help="Whether the storyteller agrees to be quoted.",
        show_default=False)] = None,
    keep_identifiers: KeepOpt = False,
    no_input: NoInputOpt = False,
    format: FormatOpt = Format.text,
) -> None:
    """A story point in the terminal: tell the story, then answer the questions about it."""
    from sprintkit.errors import MissingInput, UsageError
    from sprintkit.i18n import msg
    from sprintkit.ops.stories import add_story, context
    from sprintkit.ui import console

    answers: dict[str, str] = {}
    for item in answer or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            _in_its_language(sprint)
            raise UsageError(msg("stories.answer_form", item=repr(item)))
        answers[key.strip()] = value
    if (not text or not perspective) and (no_input or not console.is_interactive()):
        _in_its_language(sprint)
        missing = [msg(m) for m, v in (("stories.missing_text", text),
                                       ("stories.missing_perspective", perspective)) if not v]
        raise MissingInput(missing, msg("stories.missing_hint"))
    if console.is_interactive() and not no_input:
        from sprintkit.ui.stories import ask_story

        ctx = context(sprint)
        asked = ask_story(ctx.method, ctx.lang, {"text": text, "perspective": perspective,
                                                 "answers": answers, "consent": consent})
        text, perspective, answers, consent = (asked["text"], asked["perspective"],
                                               asked["answers"], asked["consent"])
    result = add_story(sprint=sprint, text=text or "", perspective=perspective or "",
                       answers=answers, date=date, period=period, consent=bool(consent),
                       keep_identifiers=keep_identifiers)
    _warn_all(result["warnings"])
    if format is Format.json:
        console.emit_json(result)
        return
    replaced = sum(result["replaced"].values())
    console.success(msg("stories.stored", id=result["id"], period=result["period"],
                        perspective=result["perspective"])
                    + (msg("stories.stored_replaced", count=replaced) if replaced else ""))


@stories_app.command("export")
def export_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    format: Annotated[ExportFormat, typer.Option(
        "--format", help="csv for spreadsheets, json for scripts.")] = ExportFormat.csv,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write to this file (default: standard output).",
        show_default=False)] = None,
    period: PeriodOpt = None,
    perspective: PerspectiveOpt = None,
    no_text: Annotated[bool, typer.Option("--no-text", help="Leave the story text out.")] = False,
    semicolon: Annotated[bool, typer.Option(
        "--semicolon", help="Separate CSV cells with ';' (Dutch Excel).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace --out when it exists.")] = False,
) -> None:
    """Export the stored (pseudonymised) stories with their answers. Never the key file."""
    from sprintkit.i18n import msg
    from sprintkit.ops.storyexport import export_chunks, export_stories
    from sprintkit.ui import console

    options = {"sprint": sprint, "fmt": format.value, "period": period,
               "perspective": perspective, "text": not no_text,
               "delimiter": ";" if semicolon else ",", "force": force}
    if out is None:
        for piece in export_chunks(**options):  # type: ignore[arg-type]
            console.emit_text(piece)
    else:
        export_stories(out=out, **options)  # type: ignore[arg-type]
        console.success(msg("stories.wrote", path=out))


@stories_app.command("purge")
def purge_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    id: Annotated[list[int] | None, typer.Option(
        "--id", help="Id of a story to delete (repeat for more).", show_default=False)] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="Delete every story of this period.", show_default=False)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    no_input: NoInputOpt = False,
    format: FormatOpt = Format.text,
) -> None:
    """Delete stories for good (data-subject requests); no copy stays in the database file."""
    from sprintkit.errors import MissingInput, SprintkitError, UsageError
    from sprintkit.i18n import msg
    from sprintkit.ops.stories import purge_stories
    from sprintkit.ui import console

    if bool(id) == (period is not None):
        _in_its_language(sprint)
        raise UsageError(msg("stories.id_or_period"))
    if not yes:
        if no_input or not console.is_interactive():
            _in_its_language(sprint)
            raise MissingInput([msg("stories.confirmation")], msg("stories.confirmation_hint"))
        from rich.prompt import Confirm

        what = (msg("stories.purge_ids", ids=", ".join(map(str, id))) if id
                else msg("stories.purge_period", period=period))
        if not Confirm.ask(msg("stories.purge_ask", what=what), default=False,
                           console=console.err()):
            raise SprintkitError(msg("stories.nothing_deleted"))
    result = purge_stories(sprint=sprint, ids=id or [], period=period)
    if format is Format.json:
        console.emit_json(result)
        return
    n = result["deleted"]
    console.success(msg("stories.deleted_one" if n == 1 else "stories.deleted", count=n,
                        remaining=result["remaining"]))


@stories_app.command("summary")
def summary_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    by: Annotated[list[str] | None, typer.Option(
        "--by", help="Break down by period, perspective and/or one signifier id (repeat). "
        "Default: period.", show_default=False)] = None,
    period: PeriodOpt = None,
    perspective: PerspectiveOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """Counts and shares per signifier answer, with bars; small cells hidden."""
    from sprintkit.ops.stories import summary
    from sprintkit.ui import console

    result = summary(sprint=sprint, by=by or ["period"], period=period, perspective=perspective,
                     lang=lang.value if lang else None)
    if format is Format.json:
        console.emit_json(result)
        return
    from sprintkit.ui.stories import print_summary

    print_summary(result)


@stories_app.command("shifts")
def shifts_cmd(
    period_from: Annotated[str, typer.Option("--from", help="The earlier period, e.g. 2025-H2.")],
    period_to: Annotated[str, typer.Option("--to", help="The later period, e.g. 2026-H1.")],
    sprint: SprintOpt = None,  # type: ignore[assignment]
    perspective: PerspectiveOpt = None,
    alpha: Annotated[float, typer.Option(
        "--alpha", min=0.001, max=0.2,
        help="Significance level for flagging a shift, also per multichoice option; the "
        "intervals are at 1 - alpha (0.05: 95%).")] = 0.05,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """How the answers shifted between two periods, with sample sizes and an honest test."""
    from sprintkit.ops.stories import shifts
    from sprintkit.ui import console

    result = shifts(sprint=sprint, period_from=period_from, period_to=period_to,
                    perspective=perspective, lang=lang.value if lang else None, alpha=alpha)
    if format is Format.json:
        console.emit_json(result)
        return
    from sprintkit.ui.stories import print_shifts

    print_shifts(result)


@stories_app.command("dashboard")
def dashboard_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    sprint: SprintOpt = None,  # type: ignore[assignment]
    quotes: Annotated[int, typer.Option(
        "--quotes", min=0, max=20,
        help="Quotes (with consent) per view; 0 for none.")] = 3,
    lang: LangOpt = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace --out when it exists.")] = False,
) -> None:
    """Write one self-contained HTML dashboard (no network requests), printable."""
    from sprintkit.i18n import msg
    from sprintkit.ops.storyviews import write_dashboard
    from sprintkit.ui import console

    result = write_dashboard(out=out, sprint=sprint, lang=lang.value if lang else None,
                             quotes=quotes, force=force)
    periods = len(result["periods"])
    console.success(msg("stories.wrote_dashboard_one" if periods == 1
                        else "stories.wrote_dashboard", path=result["out"],
                        stories=result["stories"], periods=periods))


@stories_app.command("report")
def report_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output file or folder (default: "
        "SPRINT/reports/<sprint-id>-verhalenrapport.<format>).", show_default=False)] = None,
    fmt: DocFormatOpt = None,
    draft: DraftOpt = False,
    lang: LangOpt = None,
    force: ForceOpt = False,
) -> None:
    """Write the story report: per signifier question the distribution and the clear shifts
    with quotes (consent only), the hard data beside, and the team's interpretations."""
    from sprintkit.i18n import msg
    from sprintkit.ops.storyreport import write_story_report
    from sprintkit.ui import console

    result = write_story_report(sprint=sprint, out=out, format=fmt.value if fmt else None,
                                lang=lang.value if lang else None, draft=draft, force=force)
    console.success(msg("storyreport.written", path=result["path"], stories=result["stories"],
                        signifiers=result["signifiers"], quotes=result["quotes"]))


@stories_app.command("audit")
def audit_cmd(
    file: Annotated[Path, typer.Argument(
        help="A dashboard HTML file, or the JSON of `stories summary`/`stories shifts`.")],
    min_cell: Annotated[int | None, typer.Option(
        "--min-cell", min=1, max=1000,
        help="The smallest group that may be shown (default: the file's own min_cell).",
        show_default=False)] = None,
    format: FormatOpt = Format.text,
) -> None:
    """Audit a published story output: per hidden count, how far the numbers shown pin it down.
    Exit 1 when any hidden count can be narrowed to fewer than min_cell values."""
    from sprintkit.errors import SprintkitError
    from sprintkit.i18n import msg
    from sprintkit.ops.stories import audit
    from sprintkit.ui import console

    result = audit(file=file, min_cell=min_cell)
    if format is Format.json:
        console.emit_json(result)
    else:
        from sprintkit.ui.stories import print_audit

        print_audit(result)
    if not result["passed"]:
        raise SprintkitError(msg("stories.audit_failed", failing=result["failing"],
                                 hidden=result["hidden"], min_cell=result["min_cell"]))
    console.success(msg("stories.audit_passed", hidden=result["hidden"],
                        min_cell=result["min_cell"]))


@stories_app.command("sample")
def sample_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    count: Annotated[int, typer.Option("--count", "-n", min=1, max=1_000_000,
                                       help="How many stories.")] = 200,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same stories.")] = 2026,
    start_year: Annotated[int, typer.Option("--start-year", help="First half-year's year.")
                          ] = 2025,
    periods: Annotated[int, typer.Option("--periods", min=1, max=20,
                                         help="Number of half-years.")] = 2,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write to this file (default: standard output).",
        show_default=False)] = None,
    semicolon: Annotated[bool, typer.Option(
        "--semicolon", help="Separate cells with ';' (Dutch Excel).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace --out when it exists.")] = False,
) -> None:
    """Write fictional stories for this sprint's method as CSV, to practise and demonstrate."""
    from sprintkit.i18n import msg
    from sprintkit.ops.stories import sample_stories
    from sprintkit.ui import console

    text = sample_stories(sprint=sprint, count=count, seed=seed, start_year=start_year,
                          periods=periods, out=out, delimiter=";" if semicolon else ",",
                          force=force)
    if out is None:
        console.emit_text(text)
    else:
        console.success(msg("stories.wrote_sample", count=count, path=out))


@stories_app.command("key-file")
def key_file_cmd(
    sprint: SprintOpt = None,  # type: ignore[assignment]
    format: FormatOpt = Format.text,
) -> None:
    """Show where the key file (names to pseudonymise) is; create it when absent (the same as
    `sprintkit key-file --create`)."""
    from sprintkit.commands.keyfile import show
    from sprintkit.ops.keyfile import key_file

    show(key_file(sprint=sprint, create=True), format)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(stories_app, name="stories", rich_help_panel=PANEL_STORIES)
