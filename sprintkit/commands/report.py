"""`sprintkit report`, `plan`, `render` and the `templates` group: documents from templates."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sprintkit.commands._common import (
    PANEL_REPORTS,
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
    LangOpt,
    NoChartsOpt,
    OutOpt,
    ReferenceOpt,
    SprintOpt,
)

if TYPE_CHECKING:
    from sprintkit.ops.docoptions import DocumentOptions


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""

    @app.command("report", rich_help_panel=PANEL_REPORTS)
    def report_cmd(
        sprint: SprintOpt = Path("."),
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
        """Write the end-presentation report: summary, context, team, what each phase produced,
        every hypothesis with its evidence and verdict, learnings, choices and next steps."""
        _render(template, sprint, document_options(
            out=out, fmt=fmt, reference=reference_doc, lang=lang, no_charts=no_charts,
            chart_style=chart_style, force=force, draft=draft, final=final,
            version=doc_version))

    @app.command("plan", rich_help_panel=PANEL_REPORTS)
    def plan_cmd(
        sprint: SprintOpt = Path("."),
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
        """Write the implementation plan: what is adopted and why, actions, stakeholders (with
        middle management), communication, trial and indicators, evaluation, risks, support."""
        _render(template, sprint, document_options(
            out=out, fmt=fmt, reference=reference_doc, lang=lang, no_charts=no_charts,
            chart_style=chart_style, force=force, draft=draft, final=final,
            version=doc_version))

    @app.command("render", rich_help_panel=PANEL_REPORTS)
    def render_cmd(
        template: Annotated[str, typer.Argument(help=TEMPLATE_HELP, show_default=False)],
        sprint: SprintOpt = Path("."),
        out: OutOpt = None,
        fmt: DocFormatOpt = None,
        reference_doc: ReferenceOpt = None,
        lang: LangOpt = None,
        no_charts: NoChartsOpt = False,
        chart_style: ChartStyleOpt = ChartStyle.native,
        force: ForceOpt = False,
        draft: DraftOpt = False,
        final: FinalOpt = False,
        doc_version: DocVersionOpt = None,
    ) -> None:
        """Write any document from a built-in or user template, e.g. `intent` (declaration of
        intent with a signatories table)."""
        _render(template, sprint, document_options(
            out=out, fmt=fmt, reference=reference_doc, lang=lang, no_charts=no_charts,
            chart_style=chart_style, force=force, draft=draft, final=final,
            version=doc_version))

    @app.command("check", rich_help_panel=PANEL_REPORTS)
    def check_cmd(
        sprint: SprintOpt = Path("."),
        document: Annotated[
            list[str] | None,
            typer.Option("--document", "-d", metavar="report|plan|intent",
                         help="Only this document (repeat for more; default: the ones the "
                         "method delivers).", show_default=False),
        ] = None,
        fmt: FormatOpt = Format.text,
    ) -> None:
        """List, per document, what is still missing or doubtful before delivery (exit 1 when
        anything required is missing)."""
        from sprintkit.errors import SprintkitError, UsageError
        from sprintkit.i18n import msg, t
        from sprintkit.ops.reports import check
        from sprintkit.ui import console

        known = ("report", "plan", "intent")
        for name in document or []:
            if name not in known:
                raise UsageError(msg("cli.report.unknown_document", name=repr(name)))
        result = check(sprint=_sprint_or_none(sprint),
                       documents=tuple(document) if document else None)
        lang = result.language
        if fmt == Format.json:
            console.emit_json(result.to_json())
        else:
            for doc in result.documents:
                points = [p for p in result.points if p.document == doc]
                name = t(f"check.document.{doc}", lang)
                if not points:
                    console.success(t("check.ready", lang, document=name))
                    continue
                console.emit_text(f"{name}:")
                for p in points:
                    console.emit_text(f"  {t(f'check.level.{p.level}', lang):9} {p.message}")
                    for place in p.where:
                        console.emit_text(f"  {'':9}   → {place}")
        if result.missing:
            raise SprintkitError(t("check.final_refused", lang,
                                document=", ".join(t(f"check.document.{d}", lang)
                                                   for d in result.documents),
                                count=result.missing))

    templates = typer.Typer(
        help="Report templates: which exist, where they are looked up, and house-style checks.",
        no_args_is_help=True,
    )
    app.add_typer(templates, name="templates", rich_help_panel=PANEL_REPORTS)

    @templates.command("list")
    def templates_list(sprint: SprintOpt = Path("."), fmt: FormatOpt = Format.text) -> None:
        """List the templates, the file each language uses, and the files they override."""
        from sprintkit.i18n import has, msg
        from sprintkit.ops.reports import list_templates
        from sprintkit.ui import console

        found = list_templates(sprint=_sprint_or_none(sprint))
        if fmt == Format.json:
            console.emit_json(found)
            return
        from rich.table import Table

        table = Table(box=None, pad_edge=False, show_edge=False)
        for column in (msg("cli.report.column.name"), "nl", "en",
                       msg("cli.report.column.description")):
            table.add_column(column)
        for t in found:
            cells = [t["name"]]
            for lang in ("nl", "en"):
                origin = t["origins"].get(lang)
                cells.append(_origin(origin) if origin else "—")
            if t["description"] and has(f"cli.report.description.{t['name']}"):
                cells.append(msg(f"cli.report.description.{t['name']}"))
            else:
                cells.append(t["description"] or msg("cli.report.own_template"))
            table.add_row(*cells)
        console.out().print(table)

    @templates.command("path")
    def templates_path(sprint: SprintOpt = Path("."), fmt: FormatOpt = Format.text) -> None:
        """Print where templates are looked up, first match wins. Put NAME.LANG.j2 (or NAME.j2)
        in the sprint's or your own folder to override a built-in template."""
        from sprintkit.i18n import msg
        from sprintkit.ops.reports import template_paths
        from sprintkit.ui import console

        paths = template_paths(sprint=_sprint_or_none(sprint))
        if fmt == Format.json:
            console.emit_json(paths)
            return
        for entry in paths:
            mark = "" if entry["exists"] else msg("cli.report.not_yet")
            console.emit_text(f"{_origin(entry['origin']):13} {entry['path']}{mark}")

    @templates.command("check")
    def templates_check(
        reference_doc: Annotated[Path, typer.Argument(help="The reference .docx to check.",
                                                      show_default=False)],
        sprint: SprintOpt = Path("."),
        fmt: FormatOpt = Format.text,
    ) -> None:
        """Check that a reference document has every style the templates use (exit 1 when
        some are missing; the default's styles are used for those)."""
        from sprintkit.errors import SprintkitError
        from sprintkit.i18n import msg
        from sprintkit.ops.reports import check_reference
        from sprintkit.ui import console

        result = check_reference(reference_doc, sprint=_sprint_or_none(sprint))
        if fmt == Format.json:
            console.emit_json(result.to_json())
        elif result.ok:
            console.success(msg("cli.report.has_styles", path=reference_doc, n=len(result.used)))
        else:
            for name in result.missing:
                console.emit_text(name)
        if not result.ok:
            raise SprintkitError(
                msg("cli.report.lacks_styles", path=reference_doc, missing=len(result.missing),
                    n=len(result.used)), hint=msg("cli.report.lacks_styles_hint"))

    @templates.command("reference")
    def templates_reference(
        out: Annotated[Path, typer.Argument(help="Where to write the .docx.",
                                            show_default=False)],
        lang: LangOpt = None,
        force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    ) -> None:
        """Write the default reference document, to restyle in Word and pass as --reference-doc."""
        from sprintkit.i18n import msg
        from sprintkit.ops.reports import write_reference_doc
        from sprintkit.ui import console

        path = write_reference_doc(out, lang=lang.value if lang else "nl", force=force)
        from sprintkit.files.textfile import display

        console.success(msg("cli.report.wrote", path=display(path)))

    @templates.command("context")
    def templates_context(sprint: SprintOpt = Path("."), lang: LangOpt = None) -> None:
        """Print, as JSON, everything a template can use for this sprint."""
        from sprintkit.ops.reports import template_context
        from sprintkit.ui import console

        console.emit_json(template_context(sprint=_sprint_or_none(sprint),
                                           lang=lang.value if lang else None))


def _origin(origin: str) -> str:
    """Where a template comes from, in words (``ingebouwd``, ``sprintmap``); ``path`` as is."""
    from sprintkit.i18n import has, msg

    key = f"methods.origin.{'built-in' if origin == 'builtin' else origin}"
    return msg(key) if has(key) else origin


def _sprint_or_none(sprint: Path) -> Path | None:
    return None if sprint == Path(".") else sprint


def document_options(*, out: Path | None = None, fmt: Any = None, reference: Path | None = None,
                     lang: Any = None, no_charts: bool = False, chart_style: Any = None,
                     force: bool = False, draft: bool = False, final: bool = False,
                     version: str | None = None) -> DocumentOptions:
    """The one :class:`~sprintkit.ops.docoptions.DocumentOptions` of a document command's
    flags (an enum as its value)."""
    from sprintkit.ops.docoptions import DocumentOptions

    return DocumentOptions(out=out, format=getattr(fmt, "value", fmt), reference=reference,
                           lang=getattr(lang, "value", lang), charts=not no_charts,
                           chart_style=getattr(chart_style, "value", chart_style) or "native",
                           force=force, draft=draft, final=final, version=version)


def _render(template: str, sprint: Path, options: DocumentOptions) -> None:
    from sprintkit.ops.reports import render

    with report_progress() as progress:
        result = render(template=template, sprint=_sprint_or_none(sprint), options=options,
                        progress=progress)
    announce(result)


def announce(result: Any) -> None:
    """Say what was written: warnings and image files on stderr, the path on stdout."""
    from sprintkit.i18n import msg
    from sprintkit.ui import console

    for note in result.warnings:
        console.warning(note)
    if result.missing_styles:
        console.warning(msg("cli.report.missing_styles", styles=", ".join(result.missing_styles)))
    from sprintkit.files.textfile import display

    if result.files:
        console.info(msg("cli.report.wrote_images", n=len(result.files),
                         folder=display(result.files[0].parent)))
    console.success(msg("cli.report.wrote", path=display(result.path)))
    console.emit_text(display(result.path))


STEPS = ("context", "sprints", "template", "charts", "build", "pdf", "write")
"""The steps of writing a document (their words: ``cli.report.step.*``)."""


def _step(step: str) -> str:
    from sprintkit.i18n import has, msg

    return msg(f"cli.report.step.{step}") if has(f"cli.report.step.{step}") else step


@contextlib.contextmanager
def report_progress() -> Iterator[Any]:
    """A progress bar on stderr when it is a terminal and not CI; otherwise silent."""
    from sprintkit.ui import console

    err = console.err()
    if not err.is_terminal or os.environ.get("CI") or os.environ.get("SPRINTKIT_NO_PROGRESS"):
        yield None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        current: dict[str, Any] = {"step": "context",
                                   "task": bar.add_task(_step("context"), total=None)}

        def update(step: str, done: int, total: int) -> None:
            counted = step == "charts" or total > 1  # a bar when there is something to count
            if step != current["step"]:  # one line per step: a spinner, or a bar
                bar.update(current["task"], visible=False)
                current["step"] = step
                current["task"] = bar.add_task(_step(step),
                                               total=total if counted else None)
            if counted:
                bar.update(current["task"], total=total, completed=done)

        yield update
