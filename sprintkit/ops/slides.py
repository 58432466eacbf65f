"""The end presentation as slides: the library face of ``sprintkit slides``.

The slides are written from the report's own context (:func:`sprintkit.render.context.
build_context`), planned by :mod:`sprintkit.render.slide_plan` and built by
:mod:`sprintkit.render.to_pptx`; ``format="pdf"`` converts the .pptx with LibreOffice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sprintkit.errors import NotFound, SprintkitError, UsageError

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
           out: Path | None = None, reference: Path | None = None, lang: str | None = None,
           draft: bool = False, format: str | None = None, force: bool = False
           ) -> SlidesResult:
    """Write the end presentation of the sprint at ``sprint`` or, with ``programme``, of the
    programme and all its sprints. ``out`` defaults to ``FOLDER/reports/<id>-<word>.pptx``;
    ``reference`` is a .pptx whose master and layouts are used; ``draft`` adds the notes to
    the author as marked speaker notes."""
    from sprintkit.i18n import msg, t
    from sprintkit.ops.reports import Subject, check_lang, check_target, output_path
    from sprintkit.render.document import collector_paused

    if sprint is not None and programme is not None:
        raise UsageError(msg("slides.one_subject"))
    fmt = format or (out.suffix.lower().lstrip(".") if out is not None and out.suffix else
                     "pptx")
    if fmt not in FORMATS:
        raise UsageError(msg("slides.bad_format", got=repr(fmt)))
    reference_bytes = read_reference(reference) if reference is not None else None
    with collector_paused():
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
                              organisation=model.organisation)
        language = lang or subject.language
        check_lang(language)
        target = output_path(out, subject.folder, subject.id, t("slides.file_word", language),
                              "pdf" if fmt == "pdf" else "docx")
        target = target.with_suffix("." + fmt)
        check_target(target, fmt, force, named=out is not None, folder=subject.folder)
        from sprintkit.render.context import build_context, document_date
        from sprintkit.render.slide_plan import plan_slides
        from sprintkit.render.to_pptx import build_pptx

        context = build_context(subject.sprints, programme=subject.programme, lang=language,
                                sprint_dirs=subject.dirs, draft=draft)
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
    """The bytes of a reference presentation; a clear error when it is missing or not one."""
    import io
    import zipfile

    from sprintkit.i18n import msg
    from sprintkit.render.reference import MAX_REFERENCE_FILE, MAX_REFERENCE_UNPACKED

    path = Path(path).expanduser()
    if not path.is_file():
        raise NotFound(msg("slides.no_reference", name=path.name))
    bad = SprintkitError(msg("slides.bad_reference", name=path.name),
                         hint=msg("slides.reference_hint"))
    try:
        if path.stat().st_size > MAX_REFERENCE_FILE:
            raise bad
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:  # sizes from the directory: no zip bomb
            if sum(i.file_size for i in z.infolist()) > MAX_REFERENCE_UNPACKED:
                raise bad
            if "ppt/presentation.xml" not in z.namelist():
                raise bad
        from sprintkit.render.to_pptx import layout_names

        layout_names(data)
    except SprintkitError:
        raise
    except Exception:  # python-pptx and zipfile raise several kinds for a file not a deck
        raise bad from None
    return data


def check_reference(reference: Path) -> LayoutCheck:
    """Which of the layouts the slides use (:data:`~sprintkit.render.slide_plan.LAYOUTS`) the
    reference presentation lacks."""
    from sprintkit.render.slide_plan import LAYOUTS
    from sprintkit.render.to_pptx import layout_names

    names = set(layout_names(read_reference(reference)))
    return LayoutCheck(list(LAYOUTS), [n for n in LAYOUTS if n not in names])
