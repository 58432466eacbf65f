"""A document body written out as it grows, so a big .docx never holds its whole tree.

A Word body as an lxml tree costs about 240 bytes an element (a report with 2,000 hypotheses
has some 730,000 of them: 170 MiB), while its XML text is a tenth of that. The .docx writer
only ever changes the block it has just written and the one before it (keep-with-next, review
comments) and the table of contents' anchor; everything before that is finished.

:class:`BodySpool` turns the finished elements into their XML text (exactly as the whole tree
would have been written) and leaves a comment in their place; :meth:`BodySpool.document_xml`
gives the document part with each comment replaced by its text again, as chunks to write into
the zip one after the other. The bytes are the same as writing the whole tree at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

MARK = "sprintkit-spool-"
"""The text of the comment that stands for a spooled chunk (never written by anything else
into a body)."""
_MARK_RE = re.compile(rb"<!--" + MARK.encode() + rb"(\d+)-->")
EVERY = 64
"""Finished blocks spooled at a time (fewer calls, the same bytes)."""


class BodySpool:
    """The spooled chunks of one body, in order; ``keep()`` names an element that must stay
    in the tree (the table of contents' anchor, filled in at the end)."""

    def __init__(self, etree: Any, root: Any, body: Any,
                 keep: Callable[[], Any] | None = None) -> None:
        self.etree = etree
        self.root = root
        self.body = body
        self.keep = keep or (lambda: None)
        self.chunks: list[bytes] = []
        self._blocks = 0
        self._rows = 0

    def before_block(self) -> None:
        """Call before each block is written (after the writer's last touch of the block
        before it): everything in the body now is finished, bar the anchor."""
        self._blocks += 1
        if self._blocks < EVERY:
            return
        self._blocks = 0
        self.spool()

    def spool(self) -> None:
        """Spool every element of the body but the kept one, the section properties and the
        marks of earlier chunks."""
        kept = self.keep()
        sect = f"{{{_W}}}sectPr"
        run: list[Any] = []
        for child in list(self.body):
            if child is kept or not isinstance(child.tag, str) or child.tag == sect:
                self._write(run)
                run = []
                continue
            run.append(child)
        self._write(run)

    def table_rows(self, table: Any) -> None:
        """Call after each row of a table being written: spool the finished rows every
        :data:`EVERY` rows. The rows that hold the table's first and last run stay (a review
        comment on the table is anchored there), and so does every row after the last run."""
        self._rows += 1
        if self._rows < EVERY:
            return
        self._rows = 0
        rows = [child for child in table if child.tag == f"{{{_W}}}tr"]
        with_runs = [i for i, row in enumerate(rows) if next(row.iter(f"{{{_W}}}r"), None)
                     is not None]
        if len(with_runs) < 2:
            return
        self._write(rows[with_runs[0] + 1:with_runs[-1]])

    def _write(self, run: list[Any]) -> None:
        if not run:
            return
        wrapper = self.etree.Element(self.root.tag, nsmap=self.root.nsmap)
        mark = self.etree.Comment(f"{MARK}{len(self.chunks)}")
        run[0].addprevious(mark)
        for element in run:
            wrapper.append(element)  # moved out of the body: freed once written
        text = self.etree.tostring(wrapper, encoding="UTF-8", xml_declaration=False)
        start = text.index(b">") + 1
        end = text.rindex(b"</")
        self.chunks.append(text[start:end])

    def document_xml(self, blob: bytes) -> list[bytes]:
        """The document part's XML (``blob``, written with the marks) with every mark replaced
        by its chunk (chunks hold marks of their own: a table's rows): pieces to write one
        after the other."""
        pieces: list[bytes] = []
        self._expand(blob, pieces)
        return pieces

    def _expand(self, text: bytes, pieces: list[bytes]) -> None:
        position = 0
        for found in _MARK_RE.finditer(text):
            pieces.append(text[position:found.start()])
            self._expand(self.chunks[int(found.group(1))], pieces)
            position = found.end()
        pieces.append(text[position:] if position else text)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
