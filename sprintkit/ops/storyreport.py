"""The story report (``sprintkit stories report``): the story findings as a document, in the
way of a catalysis report — observations (per signifier question the distribution, the clear
shifts with quotes that illustrate them, the hard data beside) and then the team's
interpretations from the story cycle's insight phase.

The numbers are those of a report's stories section (:func:`storyviews.story_section`),
protected together; the document goes through the one document pipeline
(:func:`sprintkit.render.document.produce`) with the template ``stories_report``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import NotFound, SprintkitError
from sprintkit.i18n import t

if TYPE_CHECKING:
    from sprintkit.files.storystore import StoryStore
    from sprintkit.ops.stories import StoryContext

TEMPLATE = "stories_report"
INSIGHT_PHASE = "insight"
QUOTES_PER_SHIFT = 2
MAX_QUOTE_CHARS = 400


def _context(sprint: Path | None, lang: str | None) -> StoryContext:
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.stories import context

    loaded = load_sprint(sprint)
    language = lang or loaded.model.language
    try:
        ctx = context(lang=language, sprint_file=loaded, cached=True)
    except SprintkitError as exc:
        if "signifiers" not in exc.message:
            raise
        raise SprintkitError(t("storyreport.no_signifiers", language),
                             hint=t("storyreport.no_signifiers_hint", language)) from None
    if not ctx.db_path.exists():
        raise NotFound(t("storyreport.no_stories", language),
                       hint=t("storyreport.no_stories_hint", language))
    return ctx


Wanted = tuple[str, str, str, frozenset[str]]
"""(signifier id, key, period, answers): a shift to illustrate with stories of ``period`` that
gave one of ``answers``; ``key`` is the shifted answer, or ``mean`` for a scale's mean."""


def shift_quotes(ctx: StoryContext, store: StoryStore, wanted: list[Wanted], *,
                 limit: int = QUOTES_PER_SHIFT) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Quotes per (signifier, key): only stories whose teller agreed to be quoted, only from a
    period × perspective group of at least min_cell stories, pseudonymised again on the way
    out; newest first, at most ``limit`` each."""
    from sprintkit.engine.stories import perspective_label
    from sprintkit.ops.stories import pseudonymiser

    if not wanted:
        return {}
    cube = store.cube(ctx.method.signifiers)
    big_enough = {(p, v) for (p, v, _b), n in cube.stories.items()
                  if n >= ctx.settings.min_cell}
    pseudo, _ = pseudonymiser(ctx, create=False)
    found: dict[tuple[str, str], list[dict[str, Any]]] = {(s, k): [] for s, k, _, _ in wanted}
    periods = {p for _, _, p, _ in wanted}
    for period in sorted(periods):
        looking = [(s, k, answers) for s, k, p, answers in wanted if p == period]
        for story in store.stories(period=period, consent_only=True, newest_first=True):
            if not story.consent or (story.period, story.perspective) not in big_enough:
                continue
            for sig, key, answers in looking:
                chosen = found[(sig, key)]
                if len(chosen) >= limit:
                    continue
                if not answers & {row[0] for row in story.answers.get(sig, [])}:
                    continue
                text = pseudo.apply(story.text).text
                if len(text) > MAX_QUOTE_CHARS:
                    text = text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
                chosen.append({"text": text, "period": story.period,
                               "source": t("storyreport.quote_source", ctx.lang,
                                           perspective=perspective_label(
                                               ctx.method, story.perspective, ctx.lang),
                                           period=story.period)})
            if all(len(found[(sig, key)]) >= limit for sig, key, _ in looking):
                break
    return found


def wanted_quotes(shifts: dict[str, Any]) -> list[Wanted]:
    """The shifts to illustrate: an answer that grew with stories of the later period that gave
    it, one that shrank with stories of the earlier period; a scale's mean that rose with
    stories of the later period above the middle of the scale, one that fell with stories below
    it. Only answers whose count is shown in that period."""
    wanted: list[Wanted] = []
    for sig in shifts.get("signifiers", []):
        for a in sig.get("answers", []):
            if a.get("shift") in ("up", "down"):
                period = shifts["to"] if a["shift"] == "up" else shifts["from"]
                wanted.append((sig["id"], a["id"], period, frozenset([a["id"]])))
        direction = (sig.get("mean") or {}).get("shift")
        if sig.get("type") == "scale" and direction in ("up", "down"):
            values = {a["id"]: float(a["id"]) for a in sig.get("answers", [])
                      if str((a.get("to") or {}).get("shown", "")).isdigit()}
            if values:
                middle = (min(values.values()) + max(values.values())) / 2
                side = {a for a, v in values.items()
                        if (v > middle if direction == "up" else v < middle)}
                if side:
                    wanted.append((sig["id"], "mean", shifts["to"], frozenset(side)))
    return wanted


def interpretations(ctx: StoryContext) -> list[dict[str, Any]]:
    """The answers given in the method's insight phase, with the method's labels: texts and
    lists (a yes/no answer is no interpretation)."""
    from sprintkit.ops.stories import load_method

    state = ctx.sprint_file.model.phases.get(INSIGHT_PHASE)
    if state is None or not state.outputs:
        return []
    try:
        method = load_method(ctx.sprint_file.model.method, ctx.sprint_file.dir)
        phase = next((p for p in method.phases if p.id == INSIGHT_PHASE), None)
    except SprintkitError:
        phase = None
    specs = {o.id: o for o in phase.outputs} if phase is not None else {}
    found = []
    for key, value in state.outputs.items():
        spec = specs.get(key)
        if spec is None or spec.type == "bool" or value in (None, "", []):
            continue
        items = [str(v).strip() for v in value] if isinstance(value, list) else []
        text = "" if isinstance(value, list) else str(value).strip()
        if spec.label is not None:
            label = spec.label.get(ctx.lang)
        elif key == "hard_data":
            label = t("storyreport.team_hard_data", ctx.lang)
        else:
            label = spec.prompt.get(ctx.lang)
        found.append({"label": label, "items": [i for i in items if i], "text": text})
    return [f for f in found if f["items"] or f["text"]]


def write_story_report(*, sprint: Path | None = None, out: Path | None = None,
                       format: str | None = None, lang: str | None = None,
                       draft: bool = False, force: bool = False) -> dict[str, Any]:
    """Write the story report; ``out`` defaults to ``SPRINT/reports/<id>-verhalenrapport.docx``
    (``story-report`` in English). The client copy (no ``draft``) has no notes to the author."""
    from sprintkit.files.collector import gc_paused
    from sprintkit.ops.reports import (
        check_lang,
        check_target,
        format_of,
        output_path,
        write_document,
    )
    from sprintkit.ops.storyviews import story_section
    from sprintkit.render import fmt as formats
    from sprintkit.render.context import document_date
    from sprintkit.render.document import produce
    from sprintkit.render.lookup import resolve
    from sprintkit.render.stories_context import build_context

    if lang is not None:
        check_lang(lang)
    ctx = _context(sprint, lang)
    language = ctx.lang
    check_lang(language)
    kind = format_of(format, out)
    model = ctx.sprint_file.model
    folder = ctx.sprint_file.dir
    target = output_path(out, folder, model.id, t("storyreport.file_word", language), kind)
    check_target(target, kind, force, named=out is not None, folder=folder)
    section = story_section(ctx.sprint_file, language, quote_limit=0)
    if not section.get("available"):
        raise NotFound(t("storyreport.no_stories", language),
                       hint=t("storyreport.no_stories_hint", language))
    wanted = wanted_quotes(section.get("shifts") or {})
    with ctx.open_store() as store:
        quotes = shift_quotes(ctx, store, wanted)
    created = document_date([model])
    meta = {"date": formats.format_date(created.date(), language), "version": "1.0",
            "status": "draft" if draft else "final",
            "status_label": t("doc.status_draft" if draft else "doc.status_final", language)}
    context = build_context(section, sprint=model, lang=language, meta=meta, quotes=quotes,
                            interpretations=interpretations(ctx))
    context["draft"] = draft
    template = resolve(TEMPLATE, language, None)
    with gc_paused():
        output = produce(template, context, kind, lang=language, roots=[folder],
                         created=created, stem=target.stem, author=", ".join(model.facilitators),
                         subject=model.title, draft=draft, organisation=model.organisation)
    written = write_document(target, output, folder)
    shown_quotes = sum(len(line["quotes"]) for s in context["signifiers"] for line in s["shifts"])
    shown_quotes += sum(len(s["mean_quotes"]) for s in context["signifiers"])
    return {"path": str(target), "format": kind, "lang": language, "draft": draft,
            "stories": section["total_stories"], "signifiers": len(context["signifiers"]),
            "quotes": shown_quotes, "files": [str(p) for p in written]}
