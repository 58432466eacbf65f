"""Stories: the face of the story use cases — import and capture (pseudonymised), export, purge,
summaries, shifts and the numbers beside them (the dashboard and the report's stories section
are in :mod:`sprintkit.ops.storyviews` and :mod:`sprintkit.ops.storyreport`).

The sprint and its method are in :mod:`sprintkit.ops.storycontext`, importing and adding in
:mod:`sprintkit.ops.storyimport`, exporting in :mod:`sprintkit.ops.storyexport`; their public
names are importable from here too.

Keyword arguments mirror the ``sprintkit stories`` flags. Results are plain dicts (JSON-ready).
Nothing here prints; nothing here puts story text into an error or a warning."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sprintkit.errors import NotFound, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.storycontext import (
    StoryContext,
    StoryMethod,
    check_output,
    context,
    load_method,
    method_file,
    pseudonymiser,
    remember_method,
)
from sprintkit.ops.storyexport import export_stories
from sprintkit.ops.storyimport import (
    BASE_COLUMNS,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_PROBLEMS,
    OPTIONAL_COLUMNS,
    RowChecker,
    add_story,
    import_stories,
)


def key_file(*, sprint: Path | None = None, create: bool = True) -> dict[str, Any]:
    """Where the sprint's key file is (created when absent), and how many people it lists —
    :func:`sprintkit.ops.keyfile.key_file`, for any sprint, under its older name."""
    from sprintkit.ops.keyfile import key_file as sprint_key_file

    return sprint_key_file(sprint=sprint, create=create)


def sample_stories(*, sprint: Path | None = None, count: int = 200, seed: int = 2026,
                   start_year: int = 2025, periods: int = 2, out: Path | None = None,
                   delimiter: str = ",", force: bool = False) -> str:
    """Fictional stories for the sprint's method as CSV (for practice, demos and benchmarks):
    deterministic for a seed, spread over half-years from ``start_year``, with shifts; the
    texts and consent answers in the sprint's language."""
    from sprintkit.engine.storygen import fictional_columns, fictional_rows
    from sprintkit.files.csvwrite import csv_records

    if count < 1:
        raise UsageError(msg("stories.count_at_least"))
    ctx = context(sprint)
    if out is not None:
        check_output(Path(out), ctx, force)
    rows = fictional_rows(ctx.method, count, seed=seed, start_year=start_year, periods=periods,
                          lang=ctx.lang)
    text = csv_records(fictional_columns(ctx.method), rows, delimiter=delimiter)
    if out is not None:
        from sprintkit.files.atomic import write_atomic

        write_atomic(Path(out), text, inside=ctx.sprint_file.dir)
    return text


def purge_stories(*, sprint: Path | None = None, ids: Sequence[int] = (),
                  period: str | None = None) -> dict[str, Any]:
    """Delete stories for good (data-subject requests): by id, or a whole period."""
    from sprintkit.ops.scope import speak

    speak(sprint)
    if bool(ids) == (period is not None):
        raise UsageError(msg("stories.id_or_period"))
    ctx = context(sprint)
    if period is not None:
        from sprintkit.model.periods import parse_period

        try:
            period = parse_period(period).text
        except ValueError as exc:
            raise UsageError(f"--period: {exc}") from None
    with ctx.writing(), ctx.open_store(write=True) as store:
        deleted = store.purge(ids=ids, period=period)
        left = store.count()
    return {"deleted": deleted, "remaining": left, "ids": sorted(set(ids)), "period": period}


# --- insight -------------------------------------------------------------------------------


def summary(*, sprint: Path | None = None, by: Sequence[str] = ("period",),
            period: str | None = None, perspective: str | None = None,
            lang: str | None = None) -> dict[str, Any]:
    """Counts and shares per signifier answer by period/perspective/another signifier, with
    small cells hidden, and the hard data beside the story counts."""
    from sprintkit.engine.stories import summarise, without_cross

    ctx = context(sprint, lang, cached=True)
    dims, cross = _by_dimensions(ctx, by)
    _check_perspective(ctx, perspective)
    single = cross is not None and next(
        s.type for s in ctx.method.signifiers if s.id == cross) != "multichoice"
    with ctx.open_store() as store:
        cross_cube = store.cube(ctx.method.signifiers, period=period, perspective=perspective,
                                cross=cross) \
            if cross else None
        if single and cross_cube is not None:  # one answer per story: sum the cross away
            cube = without_cross(cross_cube)
        else:
            cube = store.cube(ctx.method.signifiers, period=period, perspective=perspective)
        all_periods = store.periods()
    result = summarise(cube, ctx.method, by=dims, min_cell=ctx.settings.min_cell,
                       lang=ctx.lang, period=period, perspective=perspective, cross=cross_cube,
                       by_signifier=cross, raw=True)
    if period is not None and result["total_stories"] == 0:
        raise NotFound(msg("stories.none_in_period", period=period),
                       hint=msg("stories.periods_with",
                                periods=", ".join(all_periods) or msg("files.none")))
    result["hard_data"] = hard_data(ctx, cube)
    from sprintkit.engine.storycells import protect_output

    protect_output(result, ctx.settings.min_cell)  # the table, its margins and the hard data
    result["language"] = ctx.lang
    return result


def _by_dimensions(ctx: StoryContext, by: Sequence[str]) -> tuple[list[str], str | None]:
    dims: list[str] = []
    cross: str | None = None
    sig_ids = [s.id for s in ctx.method.signifiers]
    for item in by:
        if item in ("period", "perspective"):
            if item not in dims:
                dims.append(item)
        elif item in sig_ids:
            if cross is not None and cross != item:
                raise UsageError(msg("stories.by_one"))
            cross = item
            if "signifier" not in dims:
                dims.append("signifier")
        else:
            raise UsageError(msg("stories.by_what", item=repr(item)),
                             hint=msg("stories.signifiers", ids=", ".join(sig_ids)))
    return dims, cross


def _check_perspective(ctx: StoryContext, perspective: str | None) -> None:
    if perspective is not None and perspective not in {p.id for p in ctx.method.perspectives}:
        raise UsageError(msg("stories.unknown_perspective", id=repr(perspective)),
                         hint=msg("stories.perspectives",
                                  ids=", ".join(p.id for p in ctx.method.perspectives)))


def shifts(*, period_from: str, period_to: str, sprint: Path | None = None,
           perspective: str | None = None, lang: str | None = None,
           alpha: float = 0.05) -> dict[str, Any]:
    """How each signifier's answers moved between two periods, with an honest test."""
    from sprintkit.engine.storyshifts import shifts as compute
    from sprintkit.model.periods import parse_period
    from sprintkit.ops.scope import speak

    speak(sprint)  # a refused period is told in the sprint's language
    for name, value in (("--from", period_from), ("--to", period_to)):
        try:
            parse_period(value)
        except ValueError as exc:
            raise UsageError(f"{name}: {exc}") from None
    if period_from == period_to:
        raise UsageError(msg("stories.from_to_same"))
    ctx = context(sprint, lang, cached=True)
    _check_perspective(ctx, perspective)
    with ctx.open_store() as store:
        cube = store.cube(ctx.method.signifiers, perspective=perspective)
        periods = store.periods()
    for value in (period_from, period_to):
        if value not in periods:
            raise NotFound(msg("stories.none_in_period", period=value),
                           hint=msg("stories.periods_with",
                                    periods=", ".join(periods) or msg("files.none")))
    result = compute(cube, ctx.method, period_from=period_from, period_to=period_to,
                     min_cell=ctx.settings.min_cell, lang=ctx.lang, perspective=perspective,
                     alpha=alpha, min_shift=ctx.settings.min_shift)
    result["language"] = ctx.lang
    return result


def hard_data(ctx: StoryContext, cube: Any) -> dict[str, Any]:
    """Story counts per period beside the sprint's indicators (hard data) per period: the true
    counts, protected with the output they appear in."""
    counts: dict[str, int] = {}
    for (p, _v, _b), n in cube.stories.items():
        counts[p] = counts.get(p, 0) + n
    indicators = []
    periods = set(counts)
    for ind in ctx.sprint_file.model.indicators:
        values: dict[str, float] = {}
        for m in ind.measurements:
            value = m.value if m.value is not None else (
                m.numerator / m.denominator if m.numerator is not None and m.denominator else None)
            if value is not None:
                values[m.period] = value
        periods.update(values)
        indicators.append({"id": ind.id, "name": ind.name, "unit": ind.unit,
                           "direction": ind.direction, "baseline": ind.baseline,
                           "target": ind.target, "values": values})
    ordered = sorted(periods)
    return {
        "periods": ordered,
        "stories": {p: counts.get(p, 0) for p in ordered},
        "stories_shown": {p: str(counts.get(p, 0)) for p in ordered},
        "indicators": indicators,
    }


def audit(*, file: Path, min_cell: int | None = None) -> dict[str, Any]:
    """Audit a published story output (see ``storyaudit.audit_file``)."""
    from sprintkit.ops.storyaudit import audit_file

    return audit_file(file=file, min_cell=min_cell)


__all__ = [
    "BASE_COLUMNS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_PROBLEMS",
    "OPTIONAL_COLUMNS",
    "RowChecker",
    "StoryContext",
    "StoryMethod",
    "add_story",
    "audit",
    "check_output",
    "context",
    "export_stories",
    "hard_data",
    "import_stories",
    "key_file",
    "load_method",
    "method_file",
    "pseudonymiser",
    "purge_stories",
    "remember_method",
    "sample_stories",
    "shifts",
    "summary",
]
