"""Reports, plans and other documents from templates: the library face of ``sprintkit report``,
``plan``, ``render`` and ``templates``.

How a document is written is one :class:`~sprintkit.ops.docoptions.DocumentOptions` (its
fields mirror the command-line flags). Nothing here prints; progress is reported
through an optional callback."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import SprintkitError, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.docoptions import DocumentOptions

if TYPE_CHECKING:
    from sprintkit.render.context_types import Context

FORMATS: tuple[str, ...] = ("docx", "md", "html", "pdf")
SUFFIXES = {"docx": ".docx", "md": ".md", "html": ".html", "pdf": ".pdf"}
SUFFIX_FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".html": "html",
                  ".htm": "html", ".pdf": "pdf"}

Progress = Callable[[str, int, int], None]
"""``progress(step, done, total)``: step is ``context``, ``template``, ``charts``, ``build``,
``pdf`` or ``write``."""


@dataclass
class RenderResult:
    """What was written."""

    path: Path
    format: str
    template: str
    template_path: Path
    lang: str
    title: str
    images: int = 0
    files: list[Path] = field(default_factory=list)
    missing_styles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "template": self.template,
            "template_path": str(self.template_path),
            "lang": self.lang,
            "title": self.title,
            "images": self.images,
            "files": [str(p) for p in self.files],
            "missing_styles": list(self.missing_styles),
            "warnings": list(self.warnings),
        }


def report(*, sprint: Path | None = None, options: DocumentOptions | None = None,
           progress: Progress | None = None) -> RenderResult:
    """The end-presentation report (template ``report``); see :func:`render`."""
    return render(template="report", sprint=sprint, options=options, progress=progress)


def plan(*, sprint: Path | None = None, options: DocumentOptions | None = None,
         progress: Progress | None = None) -> RenderResult:
    """The implementation plan (template ``plan``); see :func:`render`."""
    return render(template="plan", sprint=sprint, options=options, progress=progress)


def render(*, template: str, sprint: Path | None = None,
           options: DocumentOptions | None = None, progress: Progress | None = None
           ) -> RenderResult:
    """Render ``template`` (a built-in or user template NAME, or a template file path) for the
    sprint at ``sprint`` and write it, as ``options`` say (:class:`DocumentOptions`).

    The client copy leaves out every note to the author; ``draft`` keeps them as Word review
    comments and marks the document CONCEPT/DRAFT. ``final`` first runs :func:`check` on the
    document and raises :class:`~sprintkit.errors.SprintkitError` (exit 1) listing what is
    missing instead of writing an incomplete document.

    ``out`` defaults to ``SPRINT/reports/<sprint-id>-<name>.<format>``; an existing folder gets
    the default file name inside it. ``format`` defaults to the suffix of ``out``, else docx.
    An existing file with another suffix than the format's is only replaced with ``force``."""
    from sprintkit.files.collector import gc_paused
    from sprintkit.files.sprintfile import load_sprint

    opts = options or DocumentOptions()
    step = progress or (lambda *_: None)
    step("context", 0, 1)
    with gc_paused():  # reading a big sprint makes many objects and no cycles to free
        loaded = load_sprint(sprint)
        model = loaded.model
        subject = Subject(folder=loaded.dir, id=model.id, title=model.title,
                          language=model.language, facilitators=list(model.facilitators),
                          sprints=[model], dirs=[loaded.dir],
                          organisation=model.organisation,
                          neighbours=neighbours(loaded.dir, model.programme))
        if opts.final and not opts.draft:
            _refuse_incomplete(loaded, template, opts.lang or model.language)
        del loaded, model  # the subject holds the sprint; _render lets it go when it can
        return _render(subject, template=template, opts=opts, step=step)


def render_programme(*, template: str, programme: Path | None = None,
                     options: DocumentOptions | None = None, progress: Progress | None = None
                     ) -> RenderResult:
    """Render ``template`` across every sprint of the programme at ``programme`` (folder or
    programme.yaml), in chain order, with the programme's own plan, indicators and actions.

    Options as :func:`render` (``draft`` keeps the notes to the author; ``final`` refuses a
    report or plan that lacks the programme's goal, conclusions, next steps, actions or
    stakeholders with middle management); ``out`` defaults to
    ``PROGRAMME/reports/<programme-id>-<name>.<format>`` and templates are looked up in the
    programme's ``templates/`` folder first. Every sprint must be readable."""
    from sprintkit.files.collector import gc_paused

    opts = options or DocumentOptions()
    with gc_paused():
        subject = programme_subject(programme, progress)
        if opts.final and not opts.draft and template in ("report", "plan"):
            from sprintkit.engine.readiness import programme_points

            language = opts.lang or subject.language
            _refuse(programme_points(subject.programme, subject.sprints, template, language),
                    template, language, hint="check.final_hint_programme")
        return _render(subject, template=template, opts=opts,
                       step=progress or (lambda *_: None))


def report_programme(*, programme: Path | None = None, options: DocumentOptions | None = None,
                     progress: Progress | None = None) -> RenderResult:
    """The programme's end report (template ``report``); see :func:`render_programme`."""
    return render_programme(template="report", programme=programme, options=options,
                            progress=progress)


def plan_programme(*, programme: Path | None = None, options: DocumentOptions | None = None,
                   progress: Progress | None = None) -> RenderResult:
    """The implementation plan across the programme (template ``plan``)."""
    return render_programme(template="plan", programme=programme, options=options,
                            progress=progress)


@dataclass
class Subject:
    """What a document is about: one sprint, or a programme with its sprints in order."""

    folder: Path
    id: str
    title: str
    language: str
    facilitators: list[str]
    sprints: list[Any]
    dirs: list[Path]
    programme: Any = None
    organisation: str | None = None
    neighbours: dict[str, str] = field(default_factory=dict)
    """For one sprint of a programme: the other sprints' titles by id (:func:`neighbours`)."""


def neighbours(folder: Path, programme: str | None) -> dict[str, str]:
    """The titles, by id, of the sprints of the programme the sprint in ``folder`` belongs to,
    when that programme's file is in the folder above (a programme keeps its sprints in its
    sub-folders). Empty when there is none, or when it or a sprint of it cannot be read: a
    sprint's own report never fails on another file."""
    from sprintkit.files.yamlio import load_yaml

    path = folder.parent / "programme.yaml"
    if not programme or not path.is_file():
        return {}
    titles: dict[str, str] = {}
    try:
        data = load_yaml(path, fast=True).data
        if not isinstance(data, dict) or data.get("id") != programme:
            return {}
        for entry in data.get("sprints") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                continue
            where = folder.parent / entry["path"]
            sprint = load_yaml(where / "sprint.yaml" if where.is_dir() else where,
                               fast=True).data
            if isinstance(sprint, dict) and isinstance(sprint.get("title"), str):
                titles[str(entry.get("id") or sprint.get("id"))] = sprint["title"]
    except (SprintkitError, OSError):
        return {}
    return titles


def programme_subject(programme: Path | None, progress: Progress | None = None) -> Subject:
    """The programme and all its sprints; an error naming every sprint that cannot be read."""
    from sprintkit.ops.programme import chain_problem, load_chain

    step = progress or (lambda *_: None)
    step("sprints", 0, 1)
    loaded, entries = load_chain(programme, methods=False,
                                 progress=lambda done, total: step("sprints", done, total))
    problem = chain_problem(entries)
    if problem is not None:
        raise problem
    model = loaded.model
    names = list(model.facilitators)
    for entry in entries:
        names += [n for n in entry.sprint.facilitators if n not in names] if entry.sprint else []
    return Subject(folder=loaded.dir, id=model.id, title=model.title, language=model.language,
                   facilitators=names, sprints=[e.sprint for e in entries],
                   dirs=[e.folder for e in entries], programme=model,
                   organisation=model.organisation)


def _render(subject: Subject, *, template: str, opts: DocumentOptions, step: Progress
            ) -> RenderResult:
    out, lang, draft, final = opts.out, opts.lang, opts.draft, opts.final
    language = lang or subject.language
    check_lang(language)
    fmt = format_of(opts.format, out)
    resolved = _resolve_template(template, language, subject.folder)
    target = output_path(out, subject.folder, subject.id,
                          resolved.output_word.get(language, resolved.name), fmt)
    check_target(target, fmt, opts.force, named=out is not None, folder=subject.folder)
    reference = _read_reference(opts.reference)
    from sprintkit.files.collector import gc_paused
    from sprintkit.render.context import build_context, document_date
    from sprintkit.render.document import markup_document, produce_document

    roots = [resolved.path.parent, subject.folder]
    roots += [d for d in subject.dirs if d not in roots]
    created = document_date(subject.sprints)
    with gc_paused():  # also when called on its own
        context = build_context(subject.sprints, programme=subject.programme, lang=language,
                                sprint_dirs=subject.dirs, draft=draft, final=final,
                                version=opts.version, neighbours=subject.neighbours)
        if not opts.charts:
            context["charts"] = {}
            _drop_chart_refs(context)
        document = markup_document(resolved, context, language, step)
        drawn = context["charts"]
        # what the document needs is in its blocks now: let the context and the sprints go
        # before the document is built (a big sprint's models and context are a third of
        # the memory a report takes)
        del context
        subject.sprints = []
        subject.programme = None
        output = produce_document(document, drawn, fmt, lang=language, reference=reference,
                                  roots=roots, created=created, stem=target.stem,
                                  author=", ".join(subject.facilitators),
                                  subject=subject.title, progress=step, draft=draft,
                                  organisation=subject.organisation,
                                  page_numbers=final and not draft and fmt == "docx",
                                  chart_style=opts.chart_style)
    step("write", 0, 1)
    written = write_document(target, output, subject.folder)
    result = RenderResult(
        path=target, format=fmt, template=resolved.name, template_path=resolved.path,
        lang=language, title=output.title, images=output.images, files=written,
        missing_styles=output.missing_styles, warnings=output.warnings,
    )
    step("write", 1, 1)
    return result


def _refuse_incomplete(loaded: Any, template: str, lang: str) -> None:
    """Raise the open points of ``template``'s document when anything required is missing."""
    document = template if template in ("report", "plan", "intent") else None
    if document is None:
        return
    _refuse(check(sprint=loaded.path, documents=(document,)).points, document, lang)


def _refuse(points: list[Any], document: str, lang: str, hint: str = "check.final_hint"
            ) -> None:
    """Raise the missing ``points`` of ``document`` as one error (exit 1), if there are any."""
    from sprintkit.i18n import t

    missing = [p for p in points if p.level == "missing"]
    if missing:
        lines = "\n".join(f"  - {p.message}" for p in missing)
        raise SprintkitError(
            t("check.final_refused", lang, document=t(f"check.document.{document}", lang),
              count=len(missing)) + "\n" + lines,
            hint=t(hint, lang))


@dataclass
class CheckResult:
    """The open points of a sprint's documents before delivery."""

    sprint: str
    language: str
    documents: list[str]
    points: list[Any]

    @property
    def missing(self) -> int:
        return sum(1 for p in self.points if p.level == "missing")

    def to_json(self) -> dict[str, Any]:
        return {"sprint": self.sprint, "documents": list(self.documents),
                "ready": self.missing == 0, "missing": self.missing,
                "doubtful": len(self.points) - self.missing,
                "points": [p.to_json() for p in self.points]}


def check(*, sprint: Path | None = None, documents: tuple[str, ...] | None = None
          ) -> CheckResult:
    """What is still missing or doubtful in the sprint's client documents (``sprintkit
    check``): per document, every section without content and where to fill it in."""
    from sprintkit.engine.deliverable import gather
    from sprintkit.engine.readiness import check as open_points
    from sprintkit.engine.readiness import documents_for
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.render.context import load_method

    loaded = load_sprint(sprint)
    model = loaded.model
    method = load_method(model.method, loaded.dir)
    docs = documents or documents_for(method)
    points = open_points(model, method, gather(model, method), docs)
    return CheckResult(model.id, model.language, list(docs), points)


def check_lang(lang: str) -> None:
    if lang not in ("nl", "en"):
        raise UsageError(msg("cli.report.bad_lang", lang=repr(lang)))


def format_of(fmt: str | None, out: Path | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(msg("cli.report.bad_format", format=repr(fmt),
                                 formats=", ".join(FORMATS)))
        return fmt
    if out is not None and not out.is_dir():
        return SUFFIX_FORMATS.get(out.suffix.lower(), "docx")
    return "docx"


def _resolve_template(spec: str, lang: str, sprint_dir: Path | None) -> Any:
    from sprintkit.render.lookup import resolve

    return resolve(spec, lang, sprint_dir)


def output_path(out: Path | None, sprint_dir: Path, sprint_id: str, word: str, fmt: str
                 ) -> Path:
    name = f"{sprint_id}-{word}{SUFFIXES[fmt]}"
    if out is None:
        return sprint_dir / "reports" / name
    out = Path(out).expanduser()
    if out.is_dir() or (not out.exists() and not out.suffix):
        return out / name  # a folder, or a new one: `-o reports/` reaches us without its slash
    return out


def check_target(target: Path, fmt: str, force: bool, *, named: bool = True,
                  folder: Path | None = None) -> None:
    """The one rule for outputs (files/safepath): never through a link (inside the sprint or
    programme folder, no link on the way either); a file named with ``--out`` that exists is
    replaced only with ``force``. The default file in the folder's ``reports/`` (no ``--out``)
    is sprintkit's own and is brought up to date on every run."""
    from sprintkit.files.safepath import check_write, refuse_existing, refuse_protected

    if target.is_dir() and not target.is_symlink():
        raise SprintkitError(msg("cli.report.is_folder", path=target))
    if folder is not None:
        refuse_protected(target, {msg("cli.report.the_sprint_file"): folder / "sprint.yaml",
                                  msg("cli.report.the_programme_file"): folder / "programme.yaml"})
    check_write(target, folder)
    if named:
        refuse_existing(target, force)


def _read_reference(path: Path | None) -> bytes | None:
    if path is None:
        return None
    from sprintkit.render.reference import read_reference_docx

    return read_reference_docx(path)


def _drop_chart_refs(context: Context) -> None:
    for s in context["sprints"]:
        s["charts"] = {"hypotheses": [], "indicators": [], "assumptions": None}
        for h in s["hypotheses"]:
            h["chart"] = None
        for ind in s["indicators"]:
            ind["chart"] = None
        for group in s["doc"]["findings"] + s["doc"]["choices"]:
            group["chart"] = None
    programme = context["programme"]
    if programme:
        for ind in programme["indicators"]:
            ind["chart"] = None


def write_document(target: Path, output: Any, folder: Path | None = None) -> list[Path]:
    from sprintkit.files.atomic import write_atomic

    written = []
    for relative, data in sorted(output.files.items()):
        side = target.parent / relative
        write_atomic(side, data, inside=folder)
        written.append(side)
    write_atomic(target, output.data, inside=folder)
    return written


# --- templates -----------------------------------------------------------------------------


def list_templates(*, sprint: Path | None = None) -> list[dict[str, Any]]:
    """Every template name with the file used per language and what it overrides."""
    from sprintkit.render.lookup import list_templates as found

    return [t.to_json() for t in found(_sprint_dir(sprint))]


def template_paths(*, sprint: Path | None = None) -> list[dict[str, Any]]:
    """The template search path, first match wins: ``origin``, ``path``, ``exists``."""
    from sprintkit.render.lookup import search_path

    return [{"origin": origin, "path": str(folder), "exists": folder.is_dir()}
            for origin, folder in search_path(_sprint_dir(sprint))]


def _sprint_dir(sprint: Path | None) -> Path | None:
    """The sprint folder when ``sprint`` (or the current folder) holds a sprint; else None.
    What is said next is in that sprint's language."""
    from sprintkit.files.sprintfile import resolve_sprint
    from sprintkit.ops.scope import speak

    try:
        folder = resolve_sprint(sprint).parent
        speak(folder)
        return folder
    except SprintkitError:
        if sprint is not None:
            raise
        return None


@dataclass
class StyleCheck:
    """Which styles the templates use, and which of them a reference document lacks."""

    path: Path
    used: list[str]
    missing: list[str]

    @property
    def ok(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": self.ok, "used": self.used,
                "missing": self.missing}


def check_reference(reference_doc: Path, *, sprint: Path | None = None) -> StyleCheck:
    """Compare a reference .docx with the styles the .docx writer and the templates use."""
    import re

    from sprintkit.render.lookup import list_templates as found
    from sprintkit.render.reference import (
        PARAGRAPH_STYLES,
        TABLE_STYLES,
        missing_styles,
        read_reference_docx,
    )

    path = Path(reference_doc).expanduser()
    data = read_reference_docx(path)
    used = list(PARAGRAPH_STYLES) + list(TABLE_STYLES)
    pattern = re.compile(r"^:::[ \t]+div[ \t]+(.+?)[ \t]*$", re.MULTILINE)
    folders = {p.parent for t in found(_sprint_dir(sprint)) for p in t.files.values()}
    for folder in sorted(folders):
        for template in sorted(folder.glob("*.j2")):
            try:
                source = template.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for name in pattern.findall(source):
                if "{" not in name and name not in used:
                    used.append(name)
    try:
        missing = missing_styles(data, used)
    except Exception as exc:  # python-docx on a damaged package
        raise SprintkitError(msg("cli.report.not_word", path=path,
                                 kind=type(exc).__name__)) from None
    return StyleCheck(path, used, missing)


def write_reference_doc(out: Path, *, lang: str = "nl", force: bool = False) -> Path:
    """Write sprintkit's default reference document, to change in Word and use as house style."""
    from sprintkit.files.atomic import write_atomic
    from sprintkit.render.reference import build_reference_docx

    check_lang(lang)
    target = Path(out).expanduser()
    if target.is_dir():
        target = target / "reference.docx"
    from sprintkit.files.safepath import check_write, refuse_existing

    check_write(target)
    refuse_existing(target, force, option="file name")
    write_atomic(target, build_reference_docx(lang))
    return target


def template_context(*, sprint: Path | None = None, programme: Path | None = None,
                     lang: str | None = None) -> dict[str, Any]:
    """The template context for a sprint (or, with ``programme``, a programme and all its
    sprints), as JSON-ready data (for template authors)."""
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.render.context import build_context

    if programme is not None:
        subject = programme_subject(programme)
    else:
        loaded = load_sprint(sprint)
        subject = Subject(loaded.dir, loaded.model.id, loaded.model.title,
                          loaded.model.language, [], [loaded.model], [loaded.dir])
    language = lang or subject.language
    check_lang(language)
    context = build_context(subject.sprints, programme=subject.programme, lang=language,
                            sprint_dirs=subject.dirs)
    return json.loads(json.dumps(context, default=_json_default, ensure_ascii=False))


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
