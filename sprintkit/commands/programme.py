"""`sprintkit programme new|add|remove|move|status|lineage|report|plan|context`: a chain of
sprints with one aim (*traject*), followed from sprint to sprint."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sprintkit.commands._common import (
    PANEL_PROGRAMME,
    TEMPLATE_HELP,
    ChartStyle,
    ChartStyleOpt,
    DocFormatOpt,
    DocVersionOpt,
    DraftOpt,
    FinalOpt,
    ForceOpt,
    Format,
    FormatOpt,
    Lang,
    LangOpt,
    NoChartsOpt,
    NoInputOpt,
    ReferenceOpt,
    choose_language,
)

if TYPE_CHECKING:
    from sprintkit.ops.docoptions import DocumentOptions

programme_app = typer.Typer(
    help="Programmes (trajecten): a chain of sprints with one aim, e.g. strategy → "
    "innovation ×2 → experiment ×3 → one implementation plan.",
    no_args_is_help=True,
)

ProgrammeOpt = Annotated[
    Path | None,
    typer.Option("--programme", "-p", metavar="DIR",
                 help="Programme folder or its programme.yaml (default: the current folder); "
                 "the same as DIR.", show_default=False),
]
DirArg = Annotated[
    Path | None,
    typer.Argument(metavar="DIR", help="Programme folder or its programme.yaml (default: the "
                   "current folder); the same as --programme/-p.", show_default=False),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", show_default=False,
                 help="Output file or folder (default: "
                 "PROGRAMME/reports/<programme-id>-<name>.<format>)."),
]


def _or_none(path: Path | None) -> Path | None:
    return None if path is None or path == Path(".") else path


def _where(folder: Path | None, programme: Path | None) -> Path | None:
    """The programme named by DIR or by --programme/-p (either, or both when they agree)."""
    if folder is not None and programme is not None and not _same(folder, programme):
        from sprintkit.errors import UsageError
        from sprintkit.i18n import msg

        raise UsageError(msg("cli_options.programme_twice"))
    return _or_none(folder if folder is not None else programme)


def _same(a: Path, b: Path) -> bool:
    def norm(p: Path) -> Path:
        p = p.expanduser().resolve()
        return p.parent if p.name == "programme.yaml" else p

    return norm(a) == norm(b)


@programme_app.command("new")
def new(
    folder: Annotated[Path | None, typer.Argument(
        metavar="DIR", help="Folder for the programme; created when missing (or give it as "
        "--programme/-p).", show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT",
                                              help="Title of the programme.")] = None,
    org: Annotated[str | None, typer.Option("--org", metavar="NAME",
                                            help="The client organisation.")] = None,
    lang: Annotated[Lang | None, typer.Option(
        "--lang", help="Language of the programme's reports (default: nl).",
        callback=choose_language)] = None,
    id: Annotated[str | None, typer.Option(
        "--id", help="Short name used in report file names (default: from DIR).")] = None,
    goal: Annotated[str | None, typer.Option("--goal", metavar="TEXT",
                                             help="What the whole programme must deliver.")
                    ] = None,
    no_input: NoInputOpt = False,
    programme: ProgrammeOpt = None,
) -> None:
    """Create DIR/programme.yaml, with comments and a schema line for your editor.

    At a terminal you are asked for a missing title. An existing programme.yaml is never
    overwritten.
    """
    from sprintkit.files.textfile import display
    from sprintkit.i18n import t
    from sprintkit.ops.programme import new_programme
    from sprintkit.ui import console

    folder = _where(folder, programme) or (folder or programme)
    if folder is None:
        from sprintkit.errors import UsageError
        from sprintkit.i18n import msg

        raise UsageError(msg("cli_options.programme_missing"))
    ask = _ask if not no_input and console.is_interactive() else None
    result = new_programme(folder, title=title, org=org, lang=lang.value if lang else None,
                           id=id, goal=goal, no_input=no_input, ask=ask)
    language = result.programme.language
    console.success(t("cli.programme.created", language, path=display(result.path),
                      id=result.programme.id))
    console.info(t("cli.programme.next", language, dir=display(folder)))


def _ask(prompt: str, required: bool) -> str | None:
    from rich.prompt import Prompt

    from sprintkit.i18n import msg
    from sprintkit.ui import console

    while True:
        answer = Prompt.ask(prompt, default="", show_default=False, console=console.err()).strip()
        if answer or not required:
            return answer or None
        console.warning(msg("cli.programme.title_needed"))


@programme_app.command("add")
def add(
    sprint_dir: Annotated[Path, typer.Argument(metavar="SPRINT_DIR",
                                               help="The sprint folder (or its sprint.yaml).")],
    after: Annotated[str | None, typer.Option(
        "--after", metavar="ID", help="Put it right after this sprint (default: at the end).")
    ] = None,
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Add a sprint to the chain and record the programme in the sprint's `programme` field.

    The sprint must validate; a sprint already in the programme is refused.
    """
    from sprintkit.i18n import msg
    from sprintkit.ops.programme import add_sprint
    from sprintkit.ui import console

    done = add_sprint(sprint_dir, after=after, programme=_where(folder, programme))
    for note in done.warnings:
        console.warning(note)
    console.success(msg("cli.programme.added", sprint=done.sprint_id, position=done.position,
                        count=len(done.programme.sprints), programme=done.programme.id))


@programme_app.command("remove")
def remove(
    sprint: Annotated[str, typer.Argument(metavar="ID", help="Sprint id or path in the chain.")],
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Take a sprint out of the chain (its folder is left as it is)."""
    from sprintkit.i18n import msg
    from sprintkit.ops.programme import remove_sprint
    from sprintkit.ui import console

    done = remove_sprint(sprint, programme=_where(folder, programme))
    for note in done.warnings:
        console.warning(note)
    console.success(msg("cli.programme.removed", sprint=done.sprint_id,
                        programme=done.programme.id))


@programme_app.command("move")
def move(
    sprint: Annotated[str, typer.Argument(metavar="ID", help="Sprint id or path in the chain.")],
    after: Annotated[str | None, typer.Option("--after", metavar="ID",
                                              help="Put it right after this sprint.")] = None,
    first: Annotated[bool, typer.Option("--first", help="Put it at the front.")] = False,
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Put a sprint elsewhere in the chain (--after ID or --first)."""
    from sprintkit.i18n import msg
    from sprintkit.ops.programme import move_sprint
    from sprintkit.ui import console

    done = move_sprint(sprint, after=after, first=first,
                       programme=_where(folder, programme))
    console.success(msg("cli.programme.moved", sprint=done.sprint_id, position=done.position,
                        count=len(done.programme.sprints)))


@programme_app.command("status")
def status(
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
) -> None:
    """Show the chain in order: each sprint's method, dates, phase progress, hypotheses by
    verdict and open actions. Exit 1 when a sprint folder is missing or invalid."""
    from sprintkit.errors import SprintkitError
    from sprintkit.i18n import msg
    from sprintkit.ops.programme_views import programme_status
    from sprintkit.ui import console

    result = programme_status(_where(folder, programme), lang=lang.value if lang else None)
    if fmt is Format.json:
        console.emit_json(result.to_json())
    else:
        from sprintkit.ui.programme_view import status_view

        status_view(result)
    bad = [s.entry for s in result.sprints if not s.entry.ok]
    if bad:
        raise SprintkitError(
            msg("cli.programme.unreadable", bad=len(bad), count=len(result.sprints),
                paths=", ".join(e.path for e in bad)),
            hint=msg("cli.programme.unreadable_hint"))


@programme_app.command("lineage")
def lineage(
    hypothesis: Annotated[str | None, typer.Argument(
        metavar="[ID]", help="A hypothesis, H1 or SPRINT-ID:H1 (default: every lineage).",
        show_default=False)] = None,
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
) -> None:
    """Show how hypotheses were carried from sprint to sprint: each step's sprint,
    statement, result, verdict and decision, and whether it was retested or adapted."""
    from sprintkit.ops.programme_views import programme_lineage
    from sprintkit.ui import console

    if folder is None and hypothesis is not None and _is_programme(Path(hypothesis)):
        folder, hypothesis = Path(hypothesis), None  # `programme lineage DIR`
    view = programme_lineage(hypothesis, programme=_where(folder, programme),
                             lang=lang.value if lang else None)
    if fmt is Format.json:
        console.emit_json(view.to_json())
        return
    from sprintkit.ui.programme_view import lineage_view

    lineage_view(view)


def _is_programme(path: Path) -> bool:
    return (path.name == "programme.yaml" and path.is_file()) or (
        path.is_dir() and (path / "programme.yaml").is_file())


def _document(template: str, programme: Path | None, options: DocumentOptions) -> None:
    from sprintkit.commands.report import announce, report_progress
    from sprintkit.ops.reports import render_programme

    with report_progress() as progress:
        result = render_programme(template=template, programme=programme, options=options,
                                  progress=progress)
    announce(result)


@programme_app.command("report")
def report(
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
    out: OutOpt = None,
    fmt: DocFormatOpt = None,
    template: Annotated[str, typer.Option("--template", "-t", help=TEMPLATE_HELP)] = "report",
    reference_doc: ReferenceOpt = None,
    lang: LangOpt = None,
    no_charts: NoChartsOpt = False,
    chart_style: ChartStyleOpt = ChartStyle.native,
    force: ForceOpt = False,
    draft: DraftOpt = False,
    final: FinalOpt = False,
    doc_version: DocVersionOpt = None,
) -> None:
    """Write one end report across the programme: the chain, how hypotheses developed from
    sprint to sprint, and a section per sprint in chain order."""
    from sprintkit.commands.report import document_options

    _document(template, _where(folder, programme), document_options(
        out=out, fmt=fmt, reference=reference_doc, lang=lang, no_charts=no_charts,
        chart_style=chart_style, force=force, draft=draft, final=final, version=doc_version))


@programme_app.command("plan")
def plan(
    folder: DirArg = None,
    programme: ProgrammeOpt = None,
    out: OutOpt = None,
    fmt: DocFormatOpt = None,
    template: Annotated[str, typer.Option("--template", "-t", help=TEMPLATE_HELP)] = "plan",
    reference_doc: ReferenceOpt = None,
    lang: LangOpt = None,
    no_charts: NoChartsOpt = False,
    chart_style: ChartStyleOpt = ChartStyle.native,
    force: ForceOpt = False,
    draft: DraftOpt = False,
    final: FinalOpt = False,
    doc_version: DocVersionOpt = None,
) -> None:
    """Write one implementation plan across the programme: what is adopted (with each
    hypothesis's history), all actions, stakeholders, trial, indicators, risks, support."""
    from sprintkit.commands.report import document_options

    _document(template, _where(folder, programme), document_options(
        out=out, fmt=fmt, reference=reference_doc, lang=lang, no_charts=no_charts,
        chart_style=chart_style, force=force, draft=draft, final=final, version=doc_version))


@programme_app.command("context")
def context(folder: DirArg = None, programme: ProgrammeOpt = None,
            lang: LangOpt = None) -> None:
    """Print, as JSON, everything a template can use for this programme."""
    from sprintkit.ops.reports import template_context
    from sprintkit.ui import console

    console.emit_json(template_context(programme=_where(folder, programme) or Path("."),
                                       lang=lang.value if lang else None))


def register(app: typer.Typer) -> None:
    """Add `programme` to the root app."""
    app.add_typer(programme_app, name="programme", rich_help_panel=PANEL_PROGRAMME)
