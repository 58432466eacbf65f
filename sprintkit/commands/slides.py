"""`sprintkit slides` and `sprintkit slides check-reference`: the end presentation (.pptx)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_REPORTS, Format, FormatOpt, LangOpt

SLIDE_FORMATS = ("pptx", "pdf")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    group = typer.Typer(
        help="Write the end presentation (.pptx) from the same content as the report: question "
        "and goal, approach, a slide per hypothesis with its chart, learnings, choices and next "
        "steps; charts are native, so their data can be edited in PowerPoint.",
        invoke_without_command=True, no_args_is_help=False)
    app.add_typer(group, name="slides", rich_help_panel=PANEL_REPORTS)

    @group.callback()
    def slides_cmd(
        ctx: typer.Context,
        sprint: Annotated[Path | None, typer.Option(
            "--sprint", "-s", help="Sprint folder or its sprint.yaml (default: the current "
            "folder).", show_default=False)] = None,
        programme: Annotated[Path | None, typer.Option(
            "--programme", "-p", metavar="DIR", help="Programme folder or its programme.yaml: "
            "the presentation of the whole programme.", show_default=False)] = None,
        out: Annotated[Path | None, typer.Option(
            "--out", "-o", help="Output file or folder (default: "
            "FOLDER/reports/<id>-presentatie.pptx).", show_default=False)] = None,
        reference: Annotated[Path | None, typer.Option(
            "--reference-pptx", metavar="FILE", help="A .pptx whose slide master and layouts "
            "(by name) the slides take (house style).", show_default=False)] = None,
        lang: LangOpt = None,
        draft: Annotated[bool, typer.Option(
            "--draft", help="A draft: notes to the author as speaker notes marked as such, "
            "and CONCEPT/DRAFT on the title slide.")] = False,
        fmt: Annotated[str | None, typer.Option(
            "--format", "-f", metavar="pptx|pdf", help="pptx, or pdf (needs LibreOffice; "
            "default: from --out's suffix, else pptx).", show_default=False)] = None,
        force: Annotated[bool, typer.Option("--force", help="Replace --out when it exists.")
                         ] = False,
    ) -> None:
        """The end presentation (the group's help says what it holds)."""
        if ctx.invoked_subcommand is not None:
            return
        from sprintkit.commands.report import document_options
        from sprintkit.files.textfile import display
        from sprintkit.i18n import msg
        from sprintkit.ops.slides import slides
        from sprintkit.ui import console

        options = document_options(out=out, fmt=fmt, reference=reference, lang=lang,
                                   draft=draft, force=force)
        result = slides(sprint=sprint, programme=programme, options=options)
        if result.missing_layouts:
            console.warning(msg("slides.layouts_taken", names=", ".join(result.missing_layouts)))
        console.success(msg("slides.wrote", path=display(result.path), count=result.slides))
        console.emit_text(display(result.path))

    @group.command("check-reference")
    def check_reference_cmd(
        reference: Annotated[Path, typer.Argument(help="The reference .pptx to check.",
                                                  show_default=False)],
        fmt: FormatOpt = Format.text,
    ) -> None:
        """Check that a reference presentation has every slide layout the slides use, by name
        (exit 1 when some are missing; those are then taken from another layout)."""
        from sprintkit.errors import SprintkitError
        from sprintkit.i18n import msg
        from sprintkit.ops.slides import check_reference
        from sprintkit.ui import console

        result = check_reference(reference)
        if fmt == Format.json:
            console.emit_json(result.to_json())
        elif result.ok:
            console.success(msg("slides.reference_ok", name=reference.name,
                                total=len(result.used)))
        else:
            for name in result.missing:
                console.emit_text(name)
        if not result.ok:
            raise SprintkitError(msg("slides.missing_layouts", count=len(result.missing),
                                     total=len(result.used), names=", ".join(result.missing)),
                                 hint=msg("slides.missing_hint"))
