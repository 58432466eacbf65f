"""From a template and a context to output bytes in every format (docx, md, html, pdf).

This is the rendering pipeline without any file or terminal access of its own: the caller
(:mod:`sprintkit.ops.reports`) resolves paths, loads sprints and writes the results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import NotFound, SprintkitError, shown
from sprintkit.i18n import msg, t
from sprintkit.render import markup as mk
from sprintkit.render.lookup import ResolvedTemplate

if TYPE_CHECKING:
    from sprintkit.render.chart_native import NativeCharts

FORMATS: tuple[str, ...] = ("docx", "md", "html", "pdf")
CHART_STYLES: tuple[str, ...] = ("native", "image")
"""How a Word document holds its charts: native chart parts the client can edit (where a
chart has a native form), or pictures."""
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
WORKER_TIMEOUT = 600
MAX_IMAGE_NAME = 255
"""Most characters of one name in an image path (what file systems allow)."""
MAX_IMAGE_PATH = 1024
"""Most characters of an image path."""
"""Seconds to wait for a chart from a worker process before drawing it here instead."""

# In the catalogue: ``render.toc_placeholder`` (what a table of contents without page numbers
# says), ``render.draft_mark`` (the visible mark of a draft, on its title page and in its page
# header) and ``render.note_label`` (how a draft in Markdown or HTML introduces a note for the
# author).


@dataclass
class Output:
    """What a rendering produced: the main file's bytes and any side files (md images)."""

    data: bytes
    files: dict[str, bytes] = field(default_factory=dict)
    missing_styles: list[str] = field(default_factory=list)
    images: int = 0
    title: str = ""
    warnings: list[str] = field(default_factory=list)


def render_markup(template: ResolvedTemplate, context: Mapping[str, Any], lang: str) -> str:
    """The markup text of ``template`` rendered with ``context``."""
    from sprintkit.render.environment import make_environment, render

    env = make_environment(lang, list(template.search))
    wrapped: dict[str, Any] = mk.wrap(context)  # type: ignore[assignment]
    return render(env, template.loader_name, wrapped, shown=str(template.path))


class Images:
    """Resolves image blocks: charts from the context's specs, files under allowed folders.

    Charts are drawn once per spec (a report and its PDF share them)."""

    def __init__(self, charts: dict[str, Any], roots: list[Path],
                 progress: Callable[[], None] | None = None) -> None:
        self.charts = charts
        self.roots = [r.resolve() for r in roots if r is not None]
        self.progress = progress
        self._cache: dict[str, tuple[bytes, float, float]] = {}
        self._futures: dict[str, Any] = {}
        self._pool: Any = None

    def prefetch(self, document: mk.Document,
                 skip: Callable[[str], bool] | None = None) -> None:
        """Start drawing the document's charts in worker processes when there are many
        (not those ``skip`` says need no picture)."""
        from sprintkit.render.charts import ChartPool, workers_for

        refs = list(dict.fromkeys(b.ref for b in document.blocks
                                  if isinstance(b, mk.Image) and b.source == "chart"
                                  and b.ref in self.charts
                                  and not (skip is not None and skip(b.ref))))
        workers = workers_for(len(refs))
        if not workers:
            return
        try:
            self._pool = ChartPool(workers)
            self._futures = self._pool.start({ref: self.charts[ref] for ref in refs})
        except OSError:  # no worker processes here: draw them inline
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self._futures.clear()

    def __call__(self, block: mk.Image) -> tuple[bytes, float, float]:
        key = f"{block.source}:{block.ref}"
        hit = self._cache.get(key)
        if hit is None:
            hit = self._chart(block.ref) if block.source == "chart" else self._file(block.ref)
            self._cache[key] = hit
            if self.progress is not None:
                self.progress()
        return hit

    def _chart(self, ref: str) -> tuple[bytes, float, float]:
        from sprintkit.render.charts import render_png, size_cm

        spec = self.charts.get(ref)
        if spec is None:
            known = ", ".join(sorted(self.charts)[:5]) or msg("render.none")
            raise SprintkitError(msg("render.no_chart", ref=repr(ref)),
                                 hint=msg("render.charts_known", known=known))
        width, height = size_cm(spec)
        future = self._futures.pop(ref, None)
        if future is not None:
            try:
                return future.result(timeout=WORKER_TIMEOUT), width, height
            except Exception:  # a worker died (memory, sandbox): draw it here instead
                pass
        return render_png(spec), width, height

    def _file(self, ref: str) -> tuple[bytes, float, float]:
        path = Path(ref)
        if len(ref) > MAX_IMAGE_PATH or any(len(p) > MAX_IMAGE_NAME for p in path.parts):
            raise SprintkitError(
                msg("render.image_name_long", ref=shown(ref), name=MAX_IMAGE_NAME,
                    path=MAX_IMAGE_PATH), hint=msg("render.image_name_long_hint"))
        candidates = [path] if path.is_absolute() else [root / path for root in self.roots]
        for candidate in candidates:
            try:
                resolved = candidate.resolve()
                if not any(resolved.is_relative_to(root) for root in self.roots):
                    raise SprintkitError(msg("render.image_outside", ref=shown(ref)),
                                         hint=msg("render.image_outside_hint"))
                if resolved.is_file():
                    if resolved.suffix.lower() not in IMAGE_SUFFIXES:
                        raise SprintkitError(msg("render.image_kind", ref=shown(ref)))
                    data = resolved.read_bytes()
                    width, height = _natural_size_cm(data, ref)
                    return data, width, height
            except (OSError, ValueError) as exc:  # a name the file system cannot take
                reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror
                          else msg("render.bad_name"))
                raise SprintkitError(msg("render.image_unreadable", ref=shown(ref),
                                         reason=reason)) from None
        raise NotFound(msg("render.image_not_found", ref=shown(ref)))


def _natural_size_cm(data: bytes, ref: str) -> tuple[float, float]:
    from docx.image.image import Image as DocxImage

    try:
        image = DocxImage.from_blob(data)
    except Exception as exc:  # python-docx raises several kinds for unreadable images
        raise SprintkitError(msg("render.image_unreadable", ref=repr(ref),
                                 reason=type(exc).__name__)) from None
    return image.width.cm, image.height.cm


def produce(template: ResolvedTemplate, context: Mapping[str, Any], fmt: str, *, lang: str,
            roots: list[Path], created: dt.datetime, reference: bytes | None = None,
            author: str = "", subject: str = "", stem: str = "document",
            progress: Callable[[str, int, int], None] | None = None, draft: bool = False,
            organisation: str | None = None, description: str | None = None,
            keywords: str | None = None, page_numbers: bool = False,
            chart_style: str = "native") -> Output:
    """Render ``template`` with ``context`` and write it as ``fmt``.

    ``roots`` are the folders ``::: image`` files may come from; ``progress(step, done,
    total)`` hears about the steps (template, charts, build, pdf).

    ``draft=False`` (the client copy) leaves every ``::: note`` out; ``draft=True`` keeps them
    (Word comments in .docx, marked quotes in Markdown and HTML) and marks the document
    CONCEPT/DRAFT. ``author`` (the facilitators) and ``organisation`` go into the document
    properties; ``page_numbers`` fills in the .docx's table of contents with page numbers
    measured by LibreOffice (a PDF always gets them when LibreOffice is there).
    ``chart_style`` (:data:`CHART_STYLES`) says how a .docx holds its charts.

    A caller that can let go of a big context once the template has run calls
    :func:`markup_document` and :func:`produce_document` itself (the context is not needed
    to write the document, only its chart specifications)."""
    document = markup_document(template, context, lang, progress)
    return produce_document(document, context.get("charts", {}), fmt, lang=lang, roots=roots,
                            created=created, reference=reference, author=author,
                            subject=subject, stem=stem, progress=progress, draft=draft,
                            organisation=organisation, description=description,
                            keywords=keywords, page_numbers=page_numbers,
                            chart_style=chart_style)


def markup_document(template: ResolvedTemplate, context: Mapping[str, Any], lang: str,
                    progress: Callable[[str, int, int], None] | None = None) -> mk.Document:
    """The blocks of ``template`` rendered with ``context`` (the markup text is let go of as
    soon as it is parsed)."""
    if progress is not None:
        progress("template", 0, 1)
    return mk.parse(render_markup(template, context, lang), source=template.path.name)


def produce_document(document: mk.Document, charts: Mapping[str, Any], fmt: str, *,
                     lang: str, roots: list[Path], created: dt.datetime,
                     reference: bytes | None = None, author: str = "", subject: str = "",
                     stem: str = "document",
                     progress: Callable[[str, int, int], None] | None = None,
                     draft: bool = False, organisation: str | None = None,
                     description: str | None = None, keywords: str | None = None,
                     page_numbers: bool = False, chart_style: str = "native") -> Output:
    """Write the rendered ``document`` as ``fmt``, drawing the ``charts`` it shows; the
    options as :func:`produce`."""
    step = progress or (lambda *_: None)
    specs = dict(charts)
    native = native_charts(specs, fmt, chart_style, created, lang)
    total = sum(1 for b in document.blocks if isinstance(b, mk.Image)
                and not (b.source == "chart" and native is not None and native.covers(b.ref)))
    done = [0]

    def tick() -> None:
        done[0] += 1
        step("charts", done[0], total)

    step("build", 0, 1)
    images = Images(specs, roots, progress=tick)
    images.prefetch(document, skip=native.covers if native is not None else None)
    try:
        output = build(document, fmt, images, lang=lang, reference=reference, created=created,
                       author=author, subject=subject, stem=stem,
                       progress=lambda what: step(what, 0, 1), draft=draft,
                       organisation=organisation, description=description, keywords=keywords,
                       page_numbers=page_numbers, charts=native)
    finally:
        images.close()
    step("build", 1, 1)
    return output


def native_charts(specs: dict[str, Any], fmt: str, chart_style: str, created: dt.datetime,
                  lang: str) -> NativeCharts | None:
    """The native charts of a Word document (``None`` for the other formats); with
    ``chart_style="image"`` they only give the picture charts their alternative text."""
    if chart_style not in CHART_STYLES:
        raise SprintkitError(msg("render.bad_chart_style", style=repr(chart_style),
                                 styles=", ".join(CHART_STYLES)))
    if fmt not in ("docx", "pdf"):
        return None
    from sprintkit.render.chart_native import NativeCharts
    from sprintkit.render.pptx_charts import ChartParts

    return NativeCharts(specs, created, lang, writer=ChartParts(),
                        native=chart_style == "native")


def build(document: mk.Document, fmt: str, images: Images, *, lang: str,
          reference: bytes | None = None, created: dt.datetime, author: str = "",
          subject: str = "", stem: str = "document",
          progress: Callable[[str], None] | None = None, draft: bool = False,
          organisation: str | None = None, description: str | None = None,
          keywords: str | None = None, page_numbers: bool = False,
          charts: NativeCharts | None = None) -> Output:
    """Write ``document`` as ``fmt`` (docx, md, html, pdf); see :func:`produce`. ``charts``
    are the native charts of a .docx (:func:`native_charts`; without it, pictures)."""
    if not draft:
        document = document.without_notes()
    mark = t("render.draft_mark", lang) if draft else ""
    if fmt in ("docx", "pdf"):
        from sprintkit.render.to_docx import DocxOptions, build_docx

        options = DocxOptions(lang=lang, title=document.title, subject=subject, author=author,
                              created=created, toc_placeholder=t("render.toc_placeholder", lang),
                              organisation=organisation or "", description=description or "",
                              keywords=keywords or "", draft_mark=mark, charts=charts)
        if fmt == "pdf" or page_numbers:
            from sprintkit.render.to_pdf import paginate

            if progress is not None:
                progress("pdf")
            result, pdf = paginate(document, images, reference, options, fmt == "pdf")
        else:
            result, pdf = build_docx(document, images, reference=reference, options=options), b""
        output = Output(result.data, missing_styles=result.missing_styles,
                        images=result.images, title=document.title,
                        warnings=list(result.warnings))
        if fmt == "pdf":
            output.data = pdf
        return output
    if fmt == "md":
        from sprintkit.render.to_markdown import to_markdown

        text, files = to_markdown(document, images, image_dir=f"{stem}_files", mark=mark,
                                  note_label=t("render.note_label", lang))
        return Output(text.encode("utf-8"), files=files, title=document.title)
    if fmt == "html":
        from sprintkit.render.to_html import to_html

        return Output(to_html(document, images, lang=lang, mark=mark,
                              note_label=t("render.note_label", lang)).encode("utf-8"),
                      title=document.title)
    raise SprintkitError(msg("cli.report.bad_format", format=repr(fmt),
                             formats=", ".join(FORMATS)))
