"""The template context: everything a report template may use, as plain data.

One function, :func:`build_context`, turns sprints (and optionally their programme) into nested
dicts and lists of text, numbers and dates. Templates see the same shape for a single sprint and
for a programme-wide report: ``sprints`` is always the list, ``sprint`` is set when there is
exactly one, ``programme`` when a programme is given. Computed verdicts come from
:func:`sprintkit.engine.evidence.evaluate`; labels and formatted numbers are in the document's
language. Chart specifications are collected in ``charts`` (by id) and referenced from the
things they show (``h.chart``, ``ind.chart``, ``s.charts.hypotheses``).

The shapes are typed (:mod:`sprintkit.render.context_types`); the parts are built by topic in
:mod:`~sprintkit.render.context_sprint`, :mod:`~sprintkit.render.context_hypotheses`,
:mod:`~sprintkit.render.context_indicators` and :mod:`~sprintkit.render.context_programme`, and
the rules they follow (who decides, who is middle management, what a programme carries
forward) are the engine's.

The keys avoid the names of dict methods (``items``, ``values``, ``keys``…), so ``x.key`` in a
template always means the data. ``sprintkit templates context`` prints the context as JSON.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.i18n import t
from sprintkit.render import fmt
from sprintkit.render.context_hypotheses import FOREST_ROWS, SINGLE_MEANS
from sprintkit.render.context_programme import lineages, programme_context
from sprintkit.render.context_sprint import sprint_context
from sprintkit.render.context_types import Context, Meta, Plain, SprintContext, Totals

if TYPE_CHECKING:
    from sprintkit.model.method import Method
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import Sprint

__all__ = ["FOREST_ROWS", "SINGLE_MEANS", "Context", "build_context", "document_date",
           "load_method", "source_date"]


def source_date() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC datetime, when set and valid; a value that is not a
    whole number of seconds, or out of the calendar's range, is ignored (the command line
    warns about it)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None


def document_date(sprints: Sequence[Sprint]) -> dt.datetime:
    """The date stamped in the document's properties: ``SOURCE_DATE_EPOCH``, else the latest
    sprint date, else 1 January 2000 — never the clock, so the same input gives the same bytes."""
    stamp = source_date()
    if stamp is not None:
        return stamp
    days = [d for s in sprints for d in (s.end, s.start) if d is not None]
    if days:
        return dt.datetime.combine(max(days), dt.time(), tzinfo=dt.timezone.utc)
    return dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def build_context(
    sprints: Sequence[Sprint],
    *,
    programme: Programme | None = None,
    lang: str | None = None,
    sprint_dirs: Sequence[Path | None] | None = None,
    methods: Sequence[Method | None] | None = None,
    draft: bool = False,
    final: bool = False,
    version: str | None = None,
    neighbours: Mapping[str, str] | None = None,
) -> Context:
    """The context for a template over ``sprints`` (one, or a programme's chain).

    ``draft`` makes the templates write their notes to the author (review comments in Word);
    ``final`` marks the document definitive on its title page (the caller has checked that
    nothing required is missing); ``version`` is printed on the title page (default 1.0).

    ``lang`` defaults to the programme's or first sprint's language. ``methods`` gives each
    sprint's method (for phase titles and output prompts); when omitted it is looked up with
    :func:`sprintkit.files.library.load_method`, and missing methods are tolerated.

    ``neighbours`` are the titles, by id, of the other sprints of the programme a single sprint
    belongs to: a hypothesis derived from one of them then names that sprint by its title
    ("H1 uit Innovatiesprint regie") instead of the reference in the file."""
    sprints = list(sprints)
    if lang is None:
        lang = programme.language if programme is not None else (
            sprints[0].language if sprints else "nl")
    dirs = list(sprint_dirs) if sprint_dirs is not None else [None] * len(sprints)
    if methods is None:
        methods = [load_method(s.method, d) for s, d in zip(sprints, dirs, strict=True)]
    charts: dict[str, Plain] = {}
    sprint_ctx = [
        sprint_context(s, m, lang, charts) for s, m in zip(sprints, methods, strict=True)
    ]
    from sprintkit.engine.lineage import build

    index = build(sprints, lang=lang, programme=programme is not None)
    found = lineages(index, sprint_ctx, lang)
    if programme is None and neighbours:
        _name_neighbours(sprint_ctx, neighbours, lang)
    generated = source_date()
    context: Context = {
        "lang": lang,
        "generated": generated.date() if generated else None,
        "programme": programme_context(programme, lang, charts, sprints, sprint_ctx, found)
        if programme is not None else None,
        "sprints": sprint_ctx,
        "sprint": sprint_ctx[0] if len(sprint_ctx) == 1 else None,
        "charts": charts,
        "totals": _totals(sprint_ctx),
        "draft": draft,
        "meta": _meta(sprints, lang, draft=draft, final=final, version=version),
    }
    return context


def _name_neighbours(sprint_ctx: Sequence[Any], neighbours: Mapping[str, str], lang: str
                     ) -> None:
    """A hypothesis derived from another sprint of the programme, named by that sprint's
    title (its reference ``sprint-id:H1`` is a key of the file, not words for a client)."""
    for s in sprint_ctx:
        for h in s["hypotheses"]:
            ref = str(h.get("derived_from") or "")
            sprint_id, _, hypothesis = ref.partition(":")
            if hypothesis and sprint_id != s["id"] and sprint_id in neighbours:
                h["derived_from_text"] = t("doc.derived_elsewhere", lang, hypothesis=hypothesis,
                                           title=neighbours[sprint_id])


def _meta(sprints: Sequence[Sprint], lang: str, *, draft: bool, final: bool,
          version: str | None) -> Meta:
    """What the title page says about the document itself: date, version and status."""
    status = "final" if final and not draft else "draft"
    return {
        "date": fmt.format_date(document_date(sprints).date(), lang),
        "version": version or "1.0",
        "status": status,
        "status_label": t(f"doc.status_{status}", lang),
    }


def load_method(method_id: str, sprint_dir: Path | None) -> Method | None:
    """The sprint's method from the method library, or ``None`` when it cannot be loaded (the
    report then uses the phase ids from the sprint file)."""
    from sprintkit.errors import SprintkitError

    try:
        from sprintkit.files import library
    except ImportError:
        return None
    getter = getattr(library, "get_method", None) or getattr(library, "load_method", None)
    if getter is None:
        return None
    try:
        found = getter(method_id, sprint_dir)
    except (SprintkitError, OSError, ValueError):
        return None
    return getattr(found, "model", found)


def _totals(sprints: list[SprintContext]) -> Totals:
    counts: Counter[str] = Counter()
    for s in sprints:
        counts.update(s["verdict_counts"])
    return {
        "sprints": len(sprints),
        "hypotheses": sum(len(s["hypotheses"]) for s in sprints),
        "learnings": sum(len(s["learnings"]) for s in sprints),
        "actions": sum(len(s["actions"]) for s in sprints),
        "verdict_counts": {v: counts.get(v, 0) for v in
                           ("supported", "refuted", "inconclusive", "insufficient_data")},
    }
