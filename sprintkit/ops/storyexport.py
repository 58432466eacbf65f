"""Stories out: the stored, pseudonymised stories with their answers as CSV or JSON, streamed
from the database to a file (written atomically) or to standard output, so memory does not grow
with the number of stories. The key file is never part of an export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sprintkit.ops.storycontext import StoryContext, check_output, context


def _cell_text(sig: Any, rows: list[Any]) -> str:
    if not rows:
        return ""
    if sig.type == "multichoice":
        return "|".join(r[0] for r in rows)
    if sig.type == "scale":
        return rows[0][0]
    if sig.type == "triad":
        return "/".join(f"{w:.4g}" for w in rows[0][2:5])
    return rows[0][0]


def export_stories(*, sprint: Path | None = None, fmt: str = "csv", out: Path | None = None,
                   period: str | None = None, perspective: str | None = None,
                   text: bool = True, delimiter: str = ",", force: bool = False) -> str:
    """Stories as CSV (the import's columns plus id and period) or JSON. With ``out`` they are
    streamed to that file (written atomically; a CSV with a BOM for Excel) and an empty string
    is returned; without, the text is returned (:func:`export_chunks` streams it instead).
    The key file is never part of an export."""
    ctx, chunks = _export(sprint=sprint, fmt=fmt, out=out, period=period,
                          perspective=perspective, text=text, delimiter=delimiter, force=force)
    if out is None:
        return "".join(chunks)
    from sprintkit.files.atomic import write_atomic

    write_atomic(Path(out), chunks, mode=0o600, inside=ctx.sprint_file.dir)
    return ""


def export_chunks(*, sprint: Path | None = None, fmt: str = "csv", out: Path | None = None,
                  period: str | None = None, perspective: str | None = None,
                  text: bool = True, delimiter: str = ",", force: bool = False,
                  batch: int = 2000) -> Iterator[str]:
    """The export as pieces of text, ``batch`` stories at a time, read from the database with
    one streaming cursor. ``out`` is only checked (not the key file, not a link, not an
    existing file unless ``force``), before anything is read; a CSV for ``out`` starts with a
    BOM. The checks run at once, not when the first piece is asked for."""
    return _export(sprint=sprint, fmt=fmt, out=out, period=period, perspective=perspective,
                   text=text, delimiter=delimiter, force=force, batch=batch)[1]


def _export(*, sprint: Path | None, fmt: str, out: Path | None, period: str | None,
            perspective: str | None, text: bool, delimiter: str, force: bool,
            batch: int = 2000) -> tuple[StoryContext, Iterator[str]]:
    ctx = context(sprint, cached=True)
    if out is not None:
        check_output(Path(out), ctx, force)
    return ctx, _chunks(ctx, fmt=fmt, bom=out is not None, period=period,
                        perspective=perspective, text=text, delimiter=delimiter, batch=batch)


def _chunks(ctx: StoryContext, *, fmt: str, bom: bool, period: str | None,
            perspective: str | None, text: bool, delimiter: str, batch: int) -> Iterator[str]:
    import json

    from sprintkit.files.csvwrite import csv_records

    sigs = ctx.method.signifiers
    header = ["id", "period", "date", "perspective", *(["text"] if text else []),
              *(s.id for s in sigs), "consent_quote"]
    records: list[dict[str, Any]] = []
    first = True
    pending: str | None = None  # JSON: the last record, until we know whether a comma follows

    def piece(last: bool) -> str:
        """The text of ``records``; every piece ends with a line break."""
        nonlocal first, pending
        if fmt == "json":  # the same text as json.dumps(all records, indent=2)
            parts = ["[\n"] if first else []
            for r in records:
                if pending is not None:
                    parts.append(pending + ",\n")
                pending = "  " + json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            if last:
                parts = ["[]\n"] if pending is None else [*parts, pending + "\n]\n"]
            text_ = "".join(parts)
        else:
            text_ = csv_records(header, records, delimiter=delimiter, lineterminator="\r\n")
            if not first:
                text_ = text_.split("\r\n", 1)[1]  # the header once
            elif bom:
                text_ = "\ufeff" + text_
        first = False
        return text_

    with ctx.open_store() as store:
        for s in store.stories(period=period, perspective=perspective):
            record: dict[str, Any] = {"id": s.id, "period": s.period, "date": s.date or "",
                                      "perspective": s.perspective}
            if text:
                record["text"] = s.text
            for sig in sigs:
                record[sig.id] = _cell_text(sig, s.answers.get(sig.id, []))
            record["consent_quote"] = "yes" if s.consent else "no"
            records.append(record)
            if len(records) >= batch:
                yield piece(last=False)
                records = []
    tail = piece(last=True)
    if tail:
        yield tail
