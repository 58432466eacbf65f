"""What the stories look like from outside: hard data beside story counts, consented quotes,
the numbers for a report's stories section and for the dashboard. Each output is built with
the true counts and then protected as one linked set (every table it publishes together, see
:mod:`sprintkit.engine.storycells`), and released only when the audit passes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import SprintkitError
from sprintkit.ops.stories import StoryContext, context, hard_data, pseudonymiser

if TYPE_CHECKING:
    from sprintkit.files.sprintfile import SprintFile
    from sprintkit.files.storystore import StoryStore


def quotes(ctx: StoryContext, store: StoryStore, *, limit: int, period: str | None = None,
           perspective: str | None = None, cube: Any = None,
           max_chars: int = 400) -> list[dict[str, Any]]:
    """Stories to quote: only with consent, only from a period × perspective group of at least
    min_cell stories, and pseudonymised again on the way out (also stories stored with
    --keep-identifiers)."""
    from sprintkit.engine.stories import perspective_label

    if limit <= 0:
        return []
    cube = cube if cube is not None else store.cube(ctx.method.signifiers)
    big_enough = {(p, v) for (p, v, _b), n in cube.stories.items()
                  if n >= ctx.settings.min_cell}
    pseudo, _ = pseudonymiser(ctx, create=False)
    chosen = []
    for s in store.stories(period=period, perspective=perspective, consent_only=True,
                           newest_first=True):
        if (s.period, s.perspective) not in big_enough:
            continue
        text = pseudo.apply(s.text).text
        if len(text) > max_chars:
            text = text[:max_chars].rsplit(" ", 1)[0] + " …"
        chosen.append({"period": s.period, "perspective": s.perspective,
                       "perspective_label": perspective_label(ctx.method, s.perspective, ctx.lang),
                       "text": text})
        if len(chosen) >= limit:
            break
    return chosen


def story_section(sprint_file: SprintFile, lang: str, *, quote_limit: int = 3) -> dict[str, Any]:
    """The numbers for a report's stories section (the same as summary, shifts and dashboard).

    ``available`` is False (with a ``reason``) when the sprint has no stories or its method has
    no signifiers; otherwise: totals, story counts and hard data per period, the summary by
    period, the shifts between the last two periods, and a few consented quotes."""
    try:
        ctx = context(lang=lang, sprint_file=sprint_file)
    except SprintkitError as exc:
        return {"available": False, "reason": exc.message}
    if not ctx.db_path.exists():
        return {"available": False, "reason": "no stories yet"}
    from sprintkit.engine.stories import summarise
    from sprintkit.engine.storycells import protect_output
    from sprintkit.engine.storyshifts import shifts as compute
    from sprintkit.engine.storywords import words

    with ctx.open_store() as store:
        cube = store.cube(ctx.method.signifiers)
        periods = store.periods()
        chosen = quotes(ctx, store, limit=quote_limit, cube=cube)
    if not periods:
        return {"available": False, "reason": "no stories yet"}
    w = words(ctx.lang)
    section: dict[str, Any] = {
        "available": True,
        "language": ctx.lang,
        "min_cell": ctx.settings.min_cell,
        "privacy_note": w["privacy_note"].format(min_cell=ctx.settings.min_cell),
        "periods": periods,
        "summary": summarise(cube, ctx.method, by=["period"], min_cell=ctx.settings.min_cell,
                             lang=ctx.lang, raw=True),
        "by_perspective": summarise(cube, ctx.method, by=["perspective"],
                                    min_cell=ctx.settings.min_cell, lang=ctx.lang, raw=True),
        "hard_data": hard_data(ctx, cube),
        "shifts": None,
        "quotes": chosen,
    }
    section["total_stories"] = section["summary"]["total_stories"]
    if len(periods) >= 2:
        section["shifts"] = compute(cube, ctx.method, period_from=periods[-2],
                                    period_to=periods[-1], min_cell=ctx.settings.min_cell,
                                    lang=ctx.lang, min_shift=ctx.settings.min_shift, raw=True)
    protect_output(section, ctx.settings.min_cell)
    return section


# --- the dashboard -------------------------------------------------------------------------


def dashboard_data(ctx: StoryContext, *, quote_limit: int = 3) -> dict[str, Any]:
    """All numbers the dashboard shows, for every filter combination, protected together: the
    page embeds every view, so they are one linked set."""
    from sprintkit.engine.stories import perspective_label, summarise
    from sprintkit.engine.storycells import protect_output
    from sprintkit.engine.storyshifts import shifts as compute
    from sprintkit.engine.storywords import words

    with ctx.open_store() as store:
        cube = store.cube(ctx.method.signifiers)
        periods = store.periods()
        perspectives = [p.id for p in ctx.method.perspectives]
        chosen = {}
        for p in [None, *periods]:
            for v in [None, *perspectives]:
                chosen[f"{p or ''}|{v or ''}"] = quotes(ctx, store, limit=quote_limit, period=p,
                                                        perspective=v, cube=cube)
    min_cell = ctx.settings.min_cell
    counts = story_counts(cube, periods, perspectives, min_cell)
    views = {}
    for p in [None, *periods]:
        for v in [None, *perspectives]:
            s = summarise(cube, ctx.method, by=[], min_cell=min_cell, lang=ctx.lang,
                          period=p, perspective=v, raw=True)
            columns = [{"id": sig["id"], **sig["columns"][""]} for sig in s["signifiers"]]
            views[f"{p or ''}|{v or ''}"] = {
                "total": s["total_stories"],
                "total_shown": str(s["total_stories"]),
                "signifiers": columns,
            }
    pairs = list(zip(periods, periods[1:], strict=False))
    if len(periods) <= 6:
        pairs = [(a, b) for i, a in enumerate(periods) for b in periods[i + 1:]]
    shift_views = {}
    for v in [None, *perspectives]:
        for a, b in pairs:
            shift_views[f"{a}|{b}|{v or ''}"] = compute(
                cube, ctx.method, period_from=a, period_to=b, min_cell=min_cell, lang=ctx.lang,
                perspective=v, min_shift=ctx.settings.min_shift, raw=True)
    by_period = summarise(cube, ctx.method, by=["period", "perspective"], min_cell=min_cell,
                          lang=ctx.lang, raw=True)
    model = ctx.sprint_file.model
    w = words(ctx.lang)
    data = {
        "title": model.title,
        "organisation": model.organisation,
        "language": ctx.lang,
        "words": w,
        "min_cell": min_cell,
        "min_shift": ctx.settings.min_shift,
        "privacy_note": w["privacy_note"].format(min_cell=min_cell),
        "periods": periods,
        "perspectives": [{"id": p, "label": perspective_label(ctx.method, p, ctx.lang)}
                         for p in perspectives],
        "signifiers": [
            {"id": s.id, "type": s.type, "question": s.question.get(ctx.lang),
             "answers": sig["answers"], "corners": sig["corners"], "valence": valences(s)}
            for s, sig in zip(ctx.method.signifiers,
                              summarise(cube, ctx.method, by=[], min_cell=min_cell,
                                        lang=ctx.lang, raw=True)["signifiers"], strict=True)
        ],
        "views": views,
        "shifts": shift_views,
        "shift_pairs": [list(p) for p in pairs],
        "groups": by_period["groups"],
        "hard_data": hard_data(ctx, cube),
        "story_counts": counts,
        "quotes": chosen,
    }
    protect_output(data, min_cell)
    return data


def valences(signifier: Any) -> dict[str, str]:
    """Answer id -> ``positive``/``negative`` where the method declares it (a scale's ends as
    their level, ``"1"``/``"5"``); the dashboard colours a shift by meaning only there."""
    if signifier.type == "scale" and signifier.scale is not None:
        return {str(level): v for level, v in signifier.scale.level_valence().items()}
    return {c.id: c.valence for c in [*signifier.choices, *signifier.corners] if c.valence}


def story_counts(cube: Any, periods: list[str], perspectives: list[str],
                 min_cell: int) -> dict[str, dict[str, str]]:
    """Story counts as text: ``[perspective or ''][period or '']`` (the true counts; the
    dashboard protects them with everything else it shows)."""
    n: dict[tuple[str, str], int] = {}
    for (p, v, _b), count in cube.stories.items():
        n[(p, v)] = n.get((p, v), 0) + count
    total = sum(n.values())
    per_v = {v: sum(n.get((p, v), 0) for p in periods) for v in perspectives}
    per_p = {p: sum(n.get((p, v), 0) for v in perspectives) for p in periods}
    out = {"": {"": str(total), **{p: str(per_p[p]) for p in periods}}}
    for v in perspectives:
        out[v] = {"": str(per_v[v]), **{p: str(n.get((p, v), 0)) for p in periods}}
    return out


def write_dashboard(*, out: Path, sprint: Path | None = None, lang: str | None = None,
                    quotes: int = 3, force: bool = False) -> dict[str, Any]:
    """Write the self-contained HTML dashboard to ``out`` (an existing file only with
    ``force``)."""
    from sprintkit.files.atomic import write_atomic
    from sprintkit.files.textfile import display
    from sprintkit.ops.stories import check_output
    from sprintkit.render.dashboard import render_dashboard

    ctx = context(sprint, lang, cached=True)
    out = Path(out)
    check_output(out, ctx, force)
    data = dashboard_data(ctx, quote_limit=quotes)
    html = render_dashboard(data)
    write_atomic(out, html, inside=ctx.sprint_file.dir)
    total = data["views"]["|"]["total"]
    return {"out": display(out), "stories": "*" if total is None else total,
            "periods": data["periods"], "bytes": len(html.encode("utf-8"))}
