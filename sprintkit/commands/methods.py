"""`sprintkit methods list|show|path` and `sprintkit workforms list|show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import PANEL_SETUP, Format, FormatOpt, LangOpt

FolderOpt = Annotated[
    Path | None,
    typer.Option(
        "--sprint",
        "-s",
        help="Sprint folder whose methods/ folder is searched first (default: the current folder).",
        show_default=False,
    ),
]

methods_app = typer.Typer(
    name="methods",
    help="The built-in and your own methods: list them, show one, print the search path.",
    no_args_is_help=True,
)
workforms_app = typer.Typer(
    name="workforms",
    help="The work forms (werkvormen) methods use: list them or show one with instructions.",
    no_args_is_help=True,
)


def _folder(sprint: Path | None) -> Path:
    return sprint if sprint is not None else Path.cwd()


def _language(lang: Any, folder: Path) -> str:
    """--lang, else the language of the sprint in the folder, else the person's language
    (SPRINTKIT_LANG, the locale; Dutch when neither says)."""
    from sprintkit.i18n import language

    if lang is not None:
        return str(lang.value)
    from sprintkit.files.library import sprint_folder
    from sprintkit.ops.scope import speak

    speak(sprint_folder(folder))
    return language()


def _report_problems(problems: list[Any], what: str) -> None:
    """Broken user files: every problem on stderr, then exit 1 (after the listing)."""
    if not problems:
        return
    from sprintkit.errors import SprintkitError
    from sprintkit.ui import console

    for problem in problems:
        console.err().print(str(problem), markup=False, highlight=False, soft_wrap=True)
    from sprintkit.i18n import msg

    files = sorted({p.file for p in problems})
    many = "many" if len(files) != 1 else "one"
    raise SprintkitError(
        msg(f"methods.left_out_{many}", n=len(files), what=msg(f"methods.file_kind.{what}")),
        hint=msg("methods.left_out_hint"),
    )


@methods_app.command("list")
def methods_list(
    sprint: FolderOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """List every method: built-in ones, yours, and the sprint folder's (overrides by id)."""
    from sprintkit.ops.methods import list_methods, method_summary
    from sprintkit.ui import console

    folder = _folder(sprint)
    listing = list_methods(sprint=folder)
    if format is Format.json:
        console.emit_json([method_summary(f) for f in listing.methods])
    else:
        from sprintkit.ui.method_view import print_method_list

        print_method_list(listing.methods, _language(lang, folder))
    _report_problems(listing.problems, "method")


@methods_app.command("show")
def methods_show(
    method_id: Annotated[
        str, typer.Argument(metavar="ID", help="Method id, e.g. experiment-sprint.")
    ],
    sprint: FolderOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """Show a method: phases, timeboxes, work forms, outputs, exit criteria and total duration.

    With --format json: the whole resolved method, its durations and the work forms it uses.
    """
    from sprintkit.files.library import workform_index
    from sprintkit.ops.methods import method_json, show_method
    from sprintkit.ui import console

    folder = _folder(sprint)
    found = show_method(method_id, sprint=folder)
    if format is Format.json:
        console.emit_json(method_json(found, sprint=folder))
        return
    from sprintkit.ui.method_view import print_method

    print_method(found, workform_index(found.model, folder), _language(lang, folder))


@methods_app.command("path")
def methods_path(
    sprint: FolderOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """Print where methods are looked for, in order; the first file with an id wins."""
    from sprintkit.ops.methods import method_path
    from sprintkit.ui import console

    folder = _folder(sprint)
    dirs = method_path(sprint=folder)
    if format is Format.json:
        console.emit_json(
            [
                {
                    "origin": d.origin,
                    "path": str(d.path),
                    "workforms": str(d.workforms),
                    "exists": d.exists,
                }
                for d in dirs
            ]
        )
        return
    from sprintkit.ui.method_view import print_search_path

    print_search_path(dirs, _language(lang, folder))


@workforms_app.command("list")
def workforms_list(
    sprint: FolderOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """List every work form with its mode (diverge/converge) and timebox."""
    from sprintkit.ops.methods import list_workforms, workform_json
    from sprintkit.ui import console

    folder = _folder(sprint)
    listing = list_workforms(sprint=folder)
    if format is Format.json:
        console.emit_json([workform_json(f) for f in listing.workforms])
    else:
        from sprintkit.ui.method_view import print_workform_list

        print_workform_list(listing.workforms, _language(lang, folder))
    _report_problems(listing.problems, "workform")


@workforms_app.command("show")
def workforms_show(
    workform_id: Annotated[str, typer.Argument(metavar="ID", help="Work form id, e.g. crazy-8s.")],
    sprint: FolderOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """Show a work form: what it is for, step-by-step instructions, output and materials."""
    from sprintkit.ops.methods import list_methods, show_workform, workform_json
    from sprintkit.ui import console

    folder = _folder(sprint)
    found = show_workform(workform_id, sprint=folder)
    used_by = [
        m.model.id
        for m in list_methods(sprint=folder).methods
        if any(use.ref == workform_id for p in m.model.phases for use in p.workforms)
    ]
    if format is Format.json:
        data = workform_json(found)
        data["used_by"] = used_by
        console.emit_json(data)
        return
    from sprintkit.ui.method_view import print_workform

    print_workform(found, _language(lang, folder), used_by)


def register(app: typer.Typer) -> None:
    """Add the `methods` and `workforms` groups to the root app."""
    app.add_typer(methods_app, rich_help_panel=PANEL_SETUP)
    app.add_typer(workforms_app, rich_help_panel=PANEL_SETUP)
