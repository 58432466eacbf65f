"""The end presentation as slides: the library face of ``sprintkit slides``.

The slides are written from the report's own context (:func:`sprintkit.render.context.
build_context`), planned by :mod:`sprintkit.render.slide_plan` and built by
:mod:`sprintkit.render.to_pptx`; ``format="pdf"`` converts the .pptx with LibreOffice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sprintkit.errors import SprintkitError, UsageError
from sprintkit.ops.docoptions import DocumentOptions

FORMATS = ("pptx", "pdf")


@dataclass
class SlidesResult:
    """What was written."""

    path: Path
    format: str
    lang: str
    slides: int
    charts: int
    missing_layouts: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "lang": self.lang,
                "slides": self.slides, "charts": self.charts,
                "missing_layouts": list(self.missing_layouts)}


@dataclass
class LayoutCheck:
    """Which of the layouts sprintkit uses a reference presentation has."""

    used: list[str]
    missing: list[str]

    @property
    def ok(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "used": list(self.used), "missing": list(self.missing)}


def slides(*, sprint: Path | None = None, programme: Path | None = None,
           options: DocumentOptions | None = None) -> SlidesResult:
    """Write the end presentation of the sprint at ``sprint`` or, with ``programme``, of the
    programme and all its sprints, as ``options`` say (the document options every document
    command shares; slides use ``out``, ``format``, ``reference``, ``lang``, ``draft`` and
    ``force``). ``out`` defaults to ``FOLDER/reports/<id>-<word>.pptx``; ``reference`` is a
    .pptx whose master and layouts are used; ``draft`` adds the notes to the author as marked
    speaker notes."""
    from sprintkit.files.collector import gc_paused
    from sprintkit.i18n import msg, t
    from sprintkit.ops.reports import (
        Subject,
        check_lang,
        check_target,
        neighbours,
        output_path,
    )

    opts = options or DocumentOptions()
    out, reference, lang, draft = opts.out, opts.reference, opts.lang, opts.draft
    if sprint is not None and programme is not None:
        raise UsageError(msg("slides.one_subject"))
    fmt = opts.format or (out.suffix.lower().lstrip(".") if out is not None and out.suffix else
                     "pptx")
    if fmt not in FORMATS:
        raise UsageError(msg("slides.bad_format", got=repr(fmt)))
    reference_bytes = read_reference(reference) if reference is not None else None
    with gc_paused():
        if programme is not None:
            from sprintkit.ops.reports import programme_subject

            subject = programme_subject(programme)
        else:
            from sprintkit.files.sprintfile import load_sprint

            loaded = load_sprint(sprint)
            model = loaded.model
            subject = Subject(folder=loaded.dir, id=model.id, title=model.title,
                              language=model.language, facilitators=list(model.facilitators),
                              sprints=[model], dirs=[loaded.dir],
                              organisation=model.organisation,
                              neighbours=neighbours(loaded.dir, model.programme))
        language = lang or subject.language
        check_lang(language)
        target = output_path(out, subject.folder, subject.id, t("slides.file_word", language),
                              "pdf" if fmt == "pdf" else "docx")
        target = target.with_suffix("." + fmt)
        check_target(target, fmt, opts.force, named=out is not None, folder=subject.folder)
        from sprintkit.render.context import build_context, document_date
        from sprintkit.render.slide_plan import plan_slides
        from sprintkit.render.to_pptx import build_pptx

        context = build_context(subject.sprints, programme=subject.programme, lang=language,
                                sprint_dirs=subject.dirs, draft=draft,
                                neighbours=subject.neighbours)
        for model, folder, entry in zip(subject.sprints, subject.dirs, context["sprints"],
                                        strict=False):
            entry["stories"] = story_shifts(model, folder, language)
        planned = plan_slides(cast("dict[str, Any]", context))
        built = build_pptx(planned, reference=reference_bytes,
                           created=document_date(subject.sprints), title=subject.title,
                           author=", ".join(subject.facilitators), lang=language,
                           footer=subject.title, draft=draft)
    data = built.data
    if fmt == "pdf":
        from sprintkit.render.to_pdf import docx_to_pdf

        if not has_impress():
            raise SprintkitError(msg("slides.no_impress"), hint=msg("slides.impress_hint"))
        data = docx_to_pdf(data, suffix=".pptx")
    from sprintkit.files.atomic import write_atomic

    write_atomic(target, data, inside=subject.folder)
    return SlidesResult(target, fmt, language, built.slides, built.charts,
                        built.missing_layouts)


def story_shifts(model: Any, folder: Path, lang: str) -> dict[str, Any] | None:
    """For a story cycle with stories: the shifts between its last two periods as the story
    report has them (:func:`sprintkit.ops.storyviews.story_section`, protected), the valence
    its method declares per answer, and the privacy note; None for any other sprint."""
    from sprintkit.model.sprint import StorySettings

    settings = model.stories or StorySettings.model_validate({})
    if not (Path(folder) / settings.database).exists():
        return None
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.stories import context
    from sprintkit.ops.storyviews import story_section, valences

    loaded = load_sprint(folder)
    section = story_section(loaded, lang, quote_limit=0)
    if not section.get("available") or not section.get("shifts"):
        return None
    method = context(lang=lang, sprint_file=loaded, cached=True).method
    return {"shifts": section["shifts"], "privacy_note": section.get("privacy_note"),
            "valence": {sig.id: valences(sig) for sig in method.signifiers}}


def has_impress() -> bool:
    """Whether the LibreOffice found can open slides: a Linux install without its Impress
    package has no ``share/registry/impress.xcd`` (other installs come whole)."""
    from sprintkit.render.to_pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        return True  # docx_to_pdf says LibreOffice was not found
    registry = Path(soffice).resolve().parent.parent / "share" / "registry"
    return not registry.is_dir() or (registry / "impress.xcd").is_file()


def read_reference(path: Path) -> bytes:
    """The bytes of a reference presentation, checked before python-pptx opens it (the checks
    every Office file given for house style gets, :mod:`sprintkit.files.officezip`: a file
    itself, not a link; bounded size, parts and unpacked size, no zip bomb, well-formed XML
    without DTD or entities), with a ``ppt/presentation.xml``; a clear error otherwise."""
    from sprintkit.files.officezip import check_office_zip, read_office_file
    from sprintkit.files.textfile import display
    from sprintkit.i18n import msg

    path = Path(path).expanduser()
    shown = display(path)
    hint = msg("slides.reference_hint")
    data = read_office_file(path, kind=".pptx", missing=msg("slides.no_reference", name=shown),
                            hint=hint)
    check_office_zip(data, shown, kind=".pptx", hint=hint, required=(
        ("ppt/presentation.xml", msg("slides.reference_no_presentation"), None),))
    try:
        from sprintkit.render.to_pptx import layout_names

        layout_names(data)
    except Exception:  # python-pptx raises several kinds for a package that is not a deck
        raise SprintkitError(msg("slides.bad_reference", name=shown), hint=hint) from None
    return data


def check_reference(reference: Path) -> LayoutCheck:
    """Which of the layouts the slides use (:data:`~sprintkit.render.slide_plan.LAYOUTS`) the
    reference presentation lacks."""
    from sprintkit.render.slide_plan import LAYOUTS
    from sprintkit.render.to_pptx import layout_names

    names = set(layout_names(read_reference(reference)))
    return LayoutCheck(list(LAYOUTS), [n for n in LAYOUTS if n not in names])
