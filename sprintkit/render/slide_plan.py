"""What the end presentation shows, slide by slide, from the report's own context.

:func:`plan_slides` reads the context of :func:`sprintkit.render.context.build_context` (the one
the Word report is written from: no second data path) and returns plain :class:`Slide` records:
a title, short lines of text, at most one chart (:class:`Chart`, the numbers it shows) and the
speaker notes that carry what the report says in prose (sample sizes, caveats, explanations).
:mod:`sprintkit.render.to_pptx` turns them into a .pptx; nothing here imports python-pptx.

Long text is shortened (:data:`LINE_CHARS`) and long lists are split over slides
(:data:`LINES_PER_SLIDE`), so no text runs off a slide. Notes to the author (open points of
``sprintkit check``) are only added in a draft, as speaker notes marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sprintkit.i18n import numbers, t
from sprintkit.i18n.dates import format_date

LINE_CHARS = 150
"""A line of slide text is cut after this many characters (the notes keep it whole)."""
LINES_PER_SLIDE = 6
"""Lines on one text slide; more go on a continuation slide."""
CHART_ROWS = 12
"""Bars on a dot-vote chart (the highest ranked); the notes list the rest."""
MATRIX_POINTS = 15
"""Points on an impact/effort chart."""

LAYOUT_TITLE = "Title Slide"
LAYOUT_CONTENT = "Title and Content"
LAYOUT_TITLE_ONLY = "Title Only"
LAYOUT_SECTION = "Section Header"
LAYOUTS: tuple[str, ...] = (LAYOUT_TITLE, LAYOUT_CONTENT, LAYOUT_TITLE_ONLY, LAYOUT_SECTION)
"""The slide layouts sprintkit uses, by the name a reference presentation must give them."""


@dataclass
class Chart:
    """A native chart: ``kind`` is ``interval`` (rows: label, estimate, low, high, target;
    ``percent``), ``votes`` (rows: item, votes), ``matrix`` (rows: item, impact, effort;
    ``scale``), ``trend`` (rows: period, value; ``baseline``, ``target``) or ``shares`` (rows:
    label, before, after, meaning ``good``/``bad``/None; ``labels`` name the two periods)."""

    kind: str
    title: str
    rows: list[dict[str, Any]]
    percent: bool = False
    baseline: float | None = None
    target: float | None = None
    scale: tuple[float, float] = (1.0, 5.0)
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class Slide:
    """One slide: ``kind`` is ``title``, ``section``, ``text``, ``facts``, ``hypothesis``,
    ``chart`` or ``timeline``."""

    kind: str
    title: str
    lines: list[str] = field(default_factory=list)
    subtitle: str | None = None
    chart: Chart | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    steps: list[tuple[str, str]] = field(default_factory=list)

    @property
    def layout(self) -> str:
        return {"title": LAYOUT_TITLE, "section": LAYOUT_SECTION,
                "text": LAYOUT_CONTENT}.get(self.kind, LAYOUT_TITLE_ONLY)


def short(text: Any, limit: int = LINE_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + " …"


def plan_slides(ctx: dict[str, Any]) -> list[Slide]:
    """The slides of the end presentation for a sprint's or programme's context."""
    lang = ctx["lang"]
    slides: list[Slide] = []
    programme = ctx.get("programme")
    sprints = ctx["sprints"]
    if programme is not None:
        slides.append(_title(programme["title"], programme.get("organisation"),
                             programme.get("period"), ctx, lang))
        slides += _facts(t("slides.question_goal", lang),
                         [(t("doc.goal", lang), programme.get("goal")),
                          (t("slides.about", lang), programme.get("description"))])
        slides.append(_chain(programme, lang))
        slides += _lineages(programme, lang)
    for s in sprints:
        slides += _sprint(s, lang, ctx, within=programme is not None)
    if programme is not None:
        slides += _text(t("slides.conclusions", lang), programme["conclusions"])
        slides += _decisions(programme["decisions"], lang)
        slides += _indicators(programme["all_indicators"], ctx, lang)
        slides += _next(programme["next_steps"], programme["open_actions"], lang)
    return [s for s in slides if s is not None]


def _title(title: str, organisation: str | None, period: str | None, ctx: dict[str, Any],
           lang: str) -> Slide:
    parts = [p for p in (organisation, period) if p]
    if ctx.get("draft"):
        parts.append(t("slides.draft_mark", lang))
    return Slide("title", short(title, 120), subtitle=" · ".join(parts) or None)


FACT_CHARS = 320
"""A labelled text on a facts slide (question, goal) is cut after this many characters."""


def _facts(title: str, pairs: list[tuple[str, Any]]) -> list[Slide]:
    """A slide of labelled texts in large type; the notes keep what was cut."""
    given = [(name, " ".join(str(value).split())) for name, value in pairs if value]
    if not given:
        return []
    notes = [f"{name}: {value}" for name, value in given if short(value, FACT_CHARS) != value]
    return [Slide("facts", title, facts=[(name, short(value, FACT_CHARS))
                                         for name, value in given], notes=notes)]


def _text(title: str, lines: list[Any], extra_notes: list[str] | None = None
          ) -> list[Slide]:
    """A text slide of ``lines`` (whole texts: cut here, at :data:`LINE_CHARS`, or at
    :data:`FACT_CHARS` when there are at most two, and given in full in the notes), split
    evenly over as many slides as it takes; none when there is nothing to say."""
    whole = [" ".join(str(line).split()) for line in lines if line]
    if not whole:
        return []
    limit = FACT_CHARS if len(whole) <= 2 else LINE_CHARS
    shown = [short(line, limit) for line in whole]
    cut = [line for line, seen in zip(whole, shown, strict=True) if seen != line]
    parts = -(-len(shown) // LINES_PER_SLIDE)
    size = -(-len(shown) // parts)  # 7 lines: 4 and 3, not 6 and 1
    result = []
    for part, start in enumerate(range(0, len(shown), size)):
        heading = title if part == 0 else f"{title} ({part + 1})"
        slide = Slide("text", heading, shown[start:start + size])
        if part == 0:
            slide.notes = cut + list(extra_notes or [])
        result.append(slide)
    return result


def _sprint(s: dict[str, Any], lang: str, ctx: dict[str, Any], *, within: bool) -> list[Slide]:
    doc = s["doc"]
    slides: list[Slide] = []
    if within:
        method = s["method"]["name"] if s["method"] else None
        slides.append(Slide("section", short(s["title"], 120),
                            subtitle=" · ".join(p for p in (method, s.get("period")) if p)
                            or None))
    else:
        slides.append(_title(s["title"], s.get("organisation"), s.get("period"), ctx, lang))
    question = doc.get("question") or s["context"].get("question")
    goal = doc.get("goal") or s["context"].get("goal")
    slides += _facts(t("slides.question_goal", lang),
                     [(t("doc.question", lang), question), (t("doc.goal", lang), goal)])
    slides += _approach(s, lang)
    hypotheses = [h for h in s["hypotheses"] if h.get("title")]
    if hypotheses and s.get("evidence_sentence"):
        slides += _text(t("slides.evidence", lang), [s["evidence_sentence"]]
                        + [f"{h['id']} · {short(h['title'], 90)}: {h['result']['final_label']}"
                           for h in hypotheses])
    for h in hypotheses:
        slides.append(_hypothesis(h, lang))
    for group in doc["findings"] + doc["choices"]:
        slides += _group(group, lang)
    slides += story_slides(s.get("stories"), lang)
    slides += _text(t("slides.learnings", lang),
                    [lr.get("learned") or lr.get("observed") for lr in s["learnings"]])
    if not within:
        slides += _text(t("slides.conclusions", lang), doc["conclusions"])
    if not within:  # a programme shows every sprint's decisions and indicators once, at the end
        slides += _decisions(doc["decisions"], lang)
        slides += _indicators(s["indicators"], ctx, lang)
        slides += _next(doc["next_steps"], doc["open_actions"], lang)
    if ctx.get("draft") and s.get("points"):
        notes = [t("slides.notes_draft", lang)] + [p["message"] for p in s["points"]]
        if slides:
            slides[0].notes += notes
    return slides


def _approach(s: dict[str, Any], lang: str) -> list[Slide]:
    held = [p for p in s["phases"] if p.get("held")] or s["phases"]
    if not held:
        return []
    steps = [(short(p["title"], 40), p.get("when") or p["status_label"]) for p in held]
    notes = [f"{p['title']}: {' '.join(str(p['goal']).split())}" for p in held if p.get("goal")]
    slides = []
    for start in range(0, len(steps), 7):
        title = t("slides.approach", lang) + ("" if start == 0 else f" ({start // 7 + 1})")
        slides.append(Slide("timeline", title, steps=steps[start:start + 7],
                            notes=notes if start == 0 else []))
    return slides


def _hypothesis(h: dict[str, Any], lang: str) -> Slide:
    r = h["result"]
    facts: list[tuple[str, str]] = []
    criterion = h.get("target_text") or h.get("criterion")
    if criterion:
        facts.append((t("doc.criterion", lang), short(criterion, 110)))
    if r.get("estimate_text"):
        evidence = r["estimate_text"]
        if r.get("interval_text"):
            evidence += f" ({r['interval_text']})"
        facts.append((t("slides.estimate", lang), evidence))
    facts.append((t("doc.evidence", lang), _evidence_line(h, lang)))
    facts.append((t("doc.verdict", lang), r["final_label"]))
    if h.get("decision_label"):
        facts.append((t("doc.decision", lang), h["decision_label"]))
    notes = [" ".join(h["statement"].split())]
    if r.get("explanation"):
        notes.append(r["explanation"])
    if r.get("n") is not None:
        notes.append(t("slides.notes_n", lang, n=r["n"], confidence=h["confidence_text"]))
    if r.get("overridden") and r.get("override_reason"):
        notes.append(t("slides.notes_override", lang, reason=r["override_reason"]))
    notes += [str(c) for c in r.get("notes") or []]
    chart = None
    if r.get("estimate") is not None and r.get("ci_low") is not None:
        caption = t("slides.chart_interval", lang)
        if h.get("target_text"):
            caption += "; " + t("slides.target_line", lang, target=h["target_text"])
        chart = Chart("interval", caption,
                      [{"label": h["id"], "estimate": r["estimate"], "low": r["ci_low"],
                        "high": r["ci_high"], "target": _target(h)}],
                      percent=h["kind"] == "proportion",
                      labels={"low": t("slides.series_low", lang),
                              "to_estimate": t("slides.series_to_estimate", lang),
                              "to_high": t("slides.series_to_high", lang)})
    return Slide("hypothesis", f"{h['id']} · {short(h['title'], 90)}", facts=facts,
                 chart=chart, notes=notes)


def _target(h: dict[str, Any]) -> float | None:
    from sprintkit.model.common import Target

    return Target.parse(h["target"]).value if h.get("target") else None


def _evidence_line(h: dict[str, Any], lang: str) -> str:
    r = h["result"]
    count = len(h["evidence"])
    one = "_one" if count == 1 else ""
    if r.get("k_of_n"):
        return t(f"slides.evidence_k_of_n{one}", lang, k_of_n=r["k_of_n"], count=count)
    if r.get("n"):
        return t(f"slides.evidence_n{one}", lang, n=r["n"], count=count)
    return t("doc.no_observations", lang)


def _group(group: dict[str, Any], lang: str) -> list[Slide]:
    """A co-creation answer: the dot-vote ranking or the impact/effort matrix as a chart, a
    list or text as lines."""
    title = short(group["label"], 90)
    if group["shape"] == "ranking" and group["ranking"]:
        ranking = group["ranking"]
        rows = [{"item": short(r["item"], 60), "votes": r["votes"]}
                for r in ranking[:CHART_ROWS]]
        notes = [f"{r['rank']}. {r['item']} ({r['votes']})" for r in ranking]
        return [Slide("chart", title, notes=notes,
                      chart=Chart("votes", title, rows,
                                  labels={"votes": t("slides.series_votes", lang)}))]
    if group["shape"] == "matrix" and group["matrix"]:
        points = group["matrix"][:MATRIX_POINTS]
        rows = [{"item": short(r["item"], 30), "impact": r["impact"], "effort": r["effort"]}
                for r in points]
        notes = [f"{r['item']}: {t('doc.impact', lang)} {r['impact']}, "
                 f"{t('doc.effort', lang)} {r['effort']} ({r['quadrant']})"
                 for r in group["matrix"]]
        return [Slide("chart", title, notes=[t("doc.matrix_caption", lang)] + notes,
                      chart=Chart("matrix", title, rows,
                                  labels={"impact": t("doc.impact", lang),
                                          "effort": t("doc.effort", lang)}))]
    if group["shape"] == "list":
        return _text(title, group["entries"])
    if group["text"]:
        lines = [line for line in str(group["text"]).splitlines() if line.strip()]
        return _text(title, numbered_steps(" ".join(lines)) if len(lines) <= 1 else lines)
    return []


_STEP = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.\s")


def numbered_steps(text: str) -> list[str]:
    """A text written as numbered steps in one paragraph ("1. Een moeder … 2. De POH-jeugd …")
    as one line per step, each keeping its number; any other text as it is. Only numbers that
    count on from 1 start a step, so "in 2. instantie" inside a step stays in it."""
    flat = " ".join(text.split())
    starts: list[re.Match[str]] = []
    for match in _STEP.finditer(flat):
        if int(match.group(1)) == len(starts) + 1:
            starts.append(match)
    if len(starts) < 2 or starts[0].start() != 0:
        return [flat] if flat else []
    ends = [m.start() for m in starts[1:]] + [len(flat)]
    return [flat[m.start():end].strip() for m, end in zip(starts, ends, strict=True)]


def _decisions(decisions: list[dict[str, Any]], lang: str) -> list[Slide]:
    lines = []
    for d in decisions:
        title = d.get("title") or d.get("label")
        choice = d.get("choice")
        lines.append(f"{title}: {choice}" if title and choice else title or choice)
    notes = [" ".join(str(d.get("rationale")).split()) for d in decisions if d.get("rationale")]
    return _text(t("slides.decisions", lang), lines, notes)


def _next(steps: list[Any], actions: list[dict[str, Any]], lang: str) -> list[Slide]:
    """Next steps, then the open actions with their owner and the date they are due, written
    as a reader of ``lang`` writes a date (2 maart 2026 / 2 March 2026)."""
    lines = list(steps)
    for a in actions:
        owner = f" — {a['owner']}" if a.get("owner") else ""
        due = (" (" + t("slides.due", lang, date=format_date(a["due"], lang)) + ")"
               if a.get("due") else "")
        lines.append(f"{a['text']}{owner}{due}")
    return _text(t("slides.next", lang), lines)


def _indicators(indicators: list[dict[str, Any]], ctx: dict[str, Any], lang: str
                ) -> list[Slide]:
    slides = []
    for ind in indicators:
        spec = ctx["charts"].get(ind["chart"]) if ind.get("chart") else None
        if spec is None or not spec["points"]:
            continue
        rows = [{"period": str(p["period"]), "value": p["value"]} for p in spec["points"]]
        notes = [" ".join(str(n).split()) for n in ind.get("notes") or []]
        if ind.get("baseline_text"):
            notes.insert(0, f"{t('doc.baseline', lang)}: {ind['baseline_text']}")
        if ind.get("target_text"):
            notes.insert(1 if ind.get("baseline_text") else 0,
                         f"{t('doc.target', lang)}: {ind['target_text']}")
        chart = Chart("trend", short(ind["name"], 90), rows, percent=bool(spec["percent"]),
                      baseline=spec["baseline"], target=spec["target"],
                      labels={"value": short(ind["name"], 40),
                              "baseline": t("doc.baseline", lang),
                              "target": t("doc.target", lang)})
        slides.append(Slide("chart", f"{t('doc.indicator', lang)}: {short(ind['name'], 80)}",
                            chart=chart, notes=notes))
    return slides


def _chain(programme: dict[str, Any], lang: str) -> Slide:
    steps = []
    for ref in programme["chain"]:
        method = ref["method"]["name"] if ref.get("method") else ""
        steps.append((short(ref["title"], 40), method or ""))
    return Slide("timeline", t("slides.chain", lang), steps=steps,
                 notes=[programme.get("chain_text") or ""] if programme.get("chain_text")
                 else [])


def _lineages(programme: dict[str, Any], lang: str) -> list[Slide]:
    lines = []
    for lineage in programme["lineages"]:
        parts = []
        for step in lineage["steps"]:
            h = step["hypothesis"]
            where = t("slides.in_sprint", lang, position=step["sprint"]["position"])
            parts.append(f"{h['id']} ({where}, {h['result']['final_label']})")
        lines.append(" → ".join(parts))
    notes = [" ".join(str(ln["statement"]).split()) for ln in programme["lineages"]]
    return _text(t("slides.lineage", lang), lines, notes)


# --- story cycles: the clear shifts ---------------------------------------------------------


def story_slides(stories: dict[str, Any] | None, lang: str) -> list[Slide]:
    """A story cycle's shifts between its last two periods, from the protected numbers of the
    story report (``stories report``, ``stories shifts``): an overview, then per question with
    a clear shift its shares in both periods as a native chart beside the shifts in words.

    Only shifts the data carries are called shifts (``clear_large``; ``clear_small`` is marked
    small, by the sprint's ``min_shift``), with the outward-rounded difference and interval
    every output shows; a share is drawn only where its count is shown. Bars are coloured by
    period, not by direction: a shift gets a colour of meaning only where the method declares
    the answer's valence."""
    if not stories or not stories.get("shifts"):
        return []
    from sprintkit.engine.shiftclass import interval_heading, mark
    from sprintkit.engine.storywords import words

    shifts = stories["shifts"]
    w = words(lang)
    before, after = shifts["from"], shifts["to"]
    heading = interval_heading(shifts.get("confidence", 0.95), lang)
    overview: list[str] = []
    slides: list[Slide] = []
    for sig in shifts.get("signifiers", []):
        clear = [a for a in sig.get("answers", [])
                 if a.get("shift") and a.get("shift_class") in ("clear_large", "clear_small")
                 and _shown_count(a, "from") and _shown_count(a, "to")]
        mean = sig.get("mean") or {}
        mean_clear = mean.get("shift") and mean.get("shift_class") in ("clear_large",
                                                                        "clear_small")
        question = short(sig["question"], 90)
        if not clear and not mean_clear:
            overview.append(f"{question} — {w['no_shift']}")
            continue
        marks = [f"{a['label']} {mark(a['shift'], a['shift_class'], lang)}" for a in clear]
        if mean_clear:
            marks.append(f"{w['mean']} {mark(mean['shift'], mean['shift_class'], lang)}")
        overview.append(f"{question} — {', '.join(marks)}")
        facts = [(f"{short(a['label'], 60)} {mark(a['shift'], a['shift_class'], lang)}",
                  t("slides.story_share", lang,
                    before=numbers.percent(a["from"]["share"], lang),
                    after=numbers.percent(a["to"]["share"], lang),
                    difference=a["difference_shown"], heading=heading,
                    interval=a["interval_shown"]))
                 for a in clear]
        if mean_clear:
            arrow = mark(mean["shift"], mean["shift_class"], lang)
            heading_mean = f"{w['mean'].capitalize()} {arrow}"
            facts.append((heading_mean,
                          t("slides.story_mean", lang,
                            before=numbers.number(mean["from"], lang, 2),
                            after=numbers.number(mean["to"], lang, 2),
                            difference=mean["difference_shown"], heading=heading,
                            interval=mean["interval_shown"])))
        valence = (stories.get("valence") or {}).get(sig["id"], {})
        rows = []
        for a in sig.get("answers", []):
            if not (_shown_count(a, "from") and _shown_count(a, "to")):
                continue  # never a share of a hidden count
            meaning = None
            if a in clear and valence.get(a["id"]) in ("positive", "negative"):
                good = (a["shift"] == "up") == (valence[a["id"]] == "positive")
                meaning = "good" if good else "bad"
            rows.append({"label": short(a["label"], 40), "before": a["from"]["share"],
                         "after": a["to"]["share"], "meaning": meaning})
        notes = [t("slides.story_n", lang, n_from=sig.get("n_from_shown", "*"),
                   n_to=sig.get("n_to_shown", "*"), before=before, after=after)]
        notes += [" ".join(str(n).split()) for n in sig.get("notes") or []]
        if any(a["shift_class"] == "clear_small" for a in clear) or (
                mean_clear and mean.get("shift_class") == "clear_small"):
            notes.append(shifts.get("small_note") or "")
        chart = Chart("shares", question, rows, percent=True,
                      labels={"before": before, "after": after}) if rows else None
        slides.append(Slide("hypothesis", question, facts=facts, chart=chart, notes=notes))
    intro_notes = [t("slides.story_periods", lang, before=before, after=after,
                     n_from=(shifts.get("stories") or {}).get(before, "*"),
                     n_to=(shifts.get("stories") or {}).get(after, "*"))]
    intro_notes += [str(n) for n in (shifts.get("method_note"), stories.get("privacy_note"))
                    if n]
    intro = _text(t("slides.story_shifts", lang, before=before, after=after), overview,
                  intro_notes)
    return intro + slides


def _shown_count(answer: dict[str, Any], side: str) -> bool:
    shown = (answer.get(side) or {}).get("shown")
    return isinstance(shown, str) and shown.isdigit()
