"""How a document is written: one typed set of options for every document command.

``report``, ``plan``, ``render`` (the declaration of intent and any template), ``programme
report`` and ``programme plan`` and ``slides`` take the same flags; the command builds one
:class:`DocumentOptions` from them and hands it to :mod:`sprintkit.ops.reports` or
:mod:`sprintkit.ops.slides`. From Python::

    api.report(sprint=folder, options=api.DocumentOptions(format="pdf", draft=True))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocumentOptions:
    """The options of a document, as the flags name them.

    ``out`` is a file or folder (default ``FOLDER/reports/<id>-<name>.<format>``); ``format``
    defaults to ``out``'s suffix, else docx (slides: pptx); ``reference`` is the house-style
    file (``--reference-doc`` .docx; for slides ``--reference-pptx``); ``lang`` defaults to the
    sprint's language; ``charts=False`` leaves the charts out (``--no-charts``);
    ``chart_style`` is ``native`` (chart parts the client can edit in Word, where a chart
    has a native form) or ``image`` (pictures; slides are always native); ``force``
    replaces a file of another kind; ``draft`` keeps the notes to the author; ``final``
    refuses an incomplete document; ``version`` is the version on the title page."""

    out: Path | None = None
    format: str | None = None
    reference: Path | None = None
    lang: str | None = None
    charts: bool = True
    chart_style: str = "native"
    force: bool = False
    draft: bool = False
    final: bool = False
    version: str | None = None

    def __post_init__(self) -> None:
        from sprintkit.render.document import CHART_STYLES

        if self.chart_style not in CHART_STYLES:
            from sprintkit.errors import UsageError
            from sprintkit.i18n import msg

            raise UsageError(msg("render.bad_chart_style", style=repr(self.chart_style),
                                 styles=", ".join(CHART_STYLES)))
