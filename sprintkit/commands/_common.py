"""Options shared by many commands, spelled once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, overload

import typer

SprintOpt = Annotated[
    Path,
    typer.Option(
        "--sprint",
        "-s",
        help="Sprint folder or its sprint.yaml (default: the current folder).",
        show_default=False,
    ),
]
NoInputOpt = Annotated[
    bool,
    typer.Option("--no-input", help="Never prompt; fail with a list of what is missing."),
]


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def choose_language(value: Lang | None) -> Lang | None:
    from sprintkit import i18n

    i18n.choose(value.value if value is not None else None)
    return value


LangOpt = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language of the output (default: the sprint's language).",
                 callback=choose_language),
]


class Format(str, Enum):
    """Output format of listing, status and validation commands."""

    text = "text"
    json = "json"


FormatOpt = Annotated[Format, typer.Option("--format", help="text for people, json for scripts.")]


class DocFormat(str, Enum):
    """Output format of documents (reports, plans)."""

    docx = "docx"
    md = "md"
    html = "html"
    pdf = "pdf"


OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", show_default=False,
                 help="Output file or folder (default: "
                 "SPRINT/reports/<sprint-id>-<name>.<format>)."),
]
DocFormatOpt = Annotated[
    DocFormat | None,
    typer.Option("--format", "-f", help="docx, md, html or pdf (pdf needs LibreOffice; default: "
                 "from --out's suffix, else docx).", show_default=False),
]
ReferenceOpt = Annotated[
    Path | None,
    typer.Option("--reference-doc", help="A .docx whose styles, page set-up, header and footer "
                 "the document takes (house style).", show_default=False),
]


class ChartStyle(str, Enum):
    """How a Word document holds its charts (``sprintkit.render.document.CHART_STYLES``)."""

    native = "native"
    image = "image"


ChartStyleOpt = Annotated[
    ChartStyle, typer.Option("--chart-style", help="native: charts the client can edit in Word "
                             "(click a chart, edit its data); image: pictures.")
]
NoChartsOpt = Annotated[
    bool, typer.Option("--no-charts", help="Leave the charts out (faster).")
]
DraftOpt = Annotated[
    bool, typer.Option("--draft", help="A draft: notes to the author as Word review comments, "
                       "and CONCEPT/DRAFT on the title page and in the header.")]
FinalOpt = Annotated[
    bool, typer.Option("--final", help="Refuse (exit 1, with what is missing) unless the "
                       "document is complete; mark it final on the title page.")]
DocVersionOpt = Annotated[
    str | None, typer.Option("--doc-version", metavar="TEXT",
                             help="The version on the title page (default 1.0).")]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Replace --out when it exists.")
]

TEMPLATE_HELP = ("A template NAME (see `sprintkit templates list`) or the path of a template "
                 "file (*.j2).")

# Help panels, so `sprintkit --help` reads as the product's table of contents.
PANEL_SETUP = "Set up"
PANEL_RUN = "Run a sprint"
PANEL_EVIDENCE = "Hypotheses and evidence"
PANEL_REPORTS = "Reports"
PANEL_PROGRAMME = "Programmes, indicators and the board"
PANEL_STORIES = "Stories"
PANEL_FILES = "Files and schemas"

# Commands that act on a sprint or on a programme's own lists (indicators, team, actions).
ScopeSprintOpt = Annotated[
    Path | None,
    typer.Option(
        "--sprint",
        "-s",
        help="Sprint folder or its sprint.yaml (default: the current folder).",
        show_default=False,
    ),
]
ProgrammeOpt = Annotated[
    Path | None,
    typer.Option(
        "--programme",
        "-p",
        metavar="DIR",
        help="Programme folder or its programme.yaml: act on the programme instead of a sprint.",
        show_default=False,
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Judge what is overdue on this date instead of today (e.g. the day of a review): "
        "2-3-2026 or 2026-03-02.",
        show_default=False,
    ),
]


def announce_edit(key: str, record: object, changed: list[str], fmt: Format) -> bool:
    """Print what an edit command changed (``{key: record, changed}`` as JSON, or a line for
    people); returns whether anything changed, for the command's own remarks after it."""
    from sprintkit.i18n import msg
    from sprintkit.ui import console

    rid = getattr(record, "id", "")
    if fmt is Format.json:
        dump = getattr(record, "model_dump", None)
        data = dump(mode="json", exclude_none=True) if dump is not None else record
        console.emit_json({key: data, "changed": changed})
        return False
    if not changed:
        console.info(msg("model.edit_unchanged", id=rid))
        return False
    console.success(msg("model.edit_changed", id=rid, fields=", ".join(changed)))
    return True


# --- values from the fixed lists (sprintkit.vocabulary) --------------------------------------


@overload
def value_of(kind: str, text: str, sprint: Path | None = None,
             programme: Path | None = None, *, option: str) -> str: ...
@overload
def value_of(kind: str, text: None, sprint: Path | None = None,
             programme: Path | None = None, *, option: str) -> None: ...
@overload
def value_of(kind: str, text: str | None, sprint: Path | None = None,
             programme: Path | None = None, *, option: str) -> str | None: ...
def value_of(kind: str, text: str | None, sprint: Path | None = None,
             programme: Path | None = None, *, option: str) -> str | None:
    """The id ``text`` names in vocabulary list ``kind`` (id, Dutch or English name, any case);
    ``None`` stays ``None``. A value not in the list is a usage error (exit 2), naming
    ``option``, that lists the accepted values in the language of the sprint (or programme) the
    command works on."""
    if text is None:
        return None
    from sprintkit import vocabulary

    found = vocabulary.find(kind, text)
    if found is not None:
        return found
    from sprintkit.ops.scope import speak

    speak(sprint, programme)
    return vocabulary.parse(kind, text, option)
