"""The context of the story report (``templates/stories_report.j2``), built from the protected
story numbers of :func:`sprintkit.ops.storyviews.story_section`: observations per signifier
question (a table and a chart of the distribution per period, the clear shifts with quotes),
the hard data beside them, and the team's interpretations.

Every count shown is the ``shown`` text of the protected numbers (``*`` for a hidden one);
a share is given only where its count is shown. Nothing here reads files."""

from __future__ import annotations

import re
from typing import Any

from sprintkit.engine import outward
from sprintkit.i18n import numbers, t
from sprintkit.render.fmt import join_words

HIDDEN = "*"


def _capital(label: Any) -> str:
    """An answer label as a table row or sentence starts (the triad's ``gemengd``)."""
    text = str(label)
    return text[:1].upper() + text[1:]


def _visible(shown: Any) -> bool:
    return isinstance(shown, str) and shown.isdigit()


def _cell(column: dict[str, Any], answer: str, lang: str) -> dict[str, Any]:
    shown = (column.get("shown") or {}).get(answer, HIDDEN)
    share = (column.get("shares") or {}).get(answer)
    if not _visible(shown):
        return {"text": HIDDEN, "share": None, "share_text": HIDDEN}
    if share is None:  # its n is hidden: the count alone
        return {"text": shown, "share": None, "share_text": HIDDEN}
    share_text = numbers.percent(share, lang)
    return {"text": t("storyreport.count_share", lang, count=shown, share=share_text),
            "share": share, "share_text": share_text}


def _table(sig: dict[str, Any], periods: list[str], lang: str) -> dict[str, Any]:
    columns = sig.get("columns") or {}
    rows = []
    for answer in sig.get("answers") or []:
        cells = [_cell(columns.get(p) or {}, answer["id"], lang) for p in periods]
        rows.append({"label": _capital(answer["label"]), "cells": cells})
    answered = []
    for p in periods:
        n = (columns.get(p) or {}).get("n_shown", HIDDEN)
        answered.append(n if _visible(n) else HIDDEN)
    means = None
    if sig.get("type") == "scale":
        means = [numbers.number(m, lang, 2) if (m := (columns.get(p) or {}).get("mean"))
                 is not None else HIDDEN for p in periods]
    return {"rows": rows, "answered": answered, "means": means}


def _between(lo: float, hi: float, lang: str, decimals: int) -> str:
    """An interval rounded outward (:mod:`sprintkit.engine.outward`: the shown interval holds
    the computed one, and a bound of a clear shift never reads 0)."""
    low, high = outward.outward(lo, hi, decimals)
    return t("storyreport.range", lang, low=outward.text(low, lang),
             high=outward.text(high, lang))


def _interval_pp(interval: list[float] | None, lang: str) -> str:
    if not interval:
        return ""
    return _between(interval[0] * 100, interval[1] * 100, lang, 1)


def _shown_range(interval_shown: Any, lang: str) -> str | None:
    """``[−3; −0,03]`` as the terminal and the dashboard show it, in the report's words
    (``−3 tot −0,03``): the same outward-rounded bounds in every output."""
    match = re.fullmatch(r"\[(.+); (.+)\]", interval_shown or "")
    if not match:
        return None
    return t("storyreport.range", lang, low=match.group(1), high=match.group(2))


def _small(item: dict[str, Any], lang: str) -> str:
    """`` Duidelijk, maar klein.`` after a clear shift below the sprint's min_shift."""
    if item.get("shift_class") != "clear_small":
        return ""
    return " " + _capital(t("storystats.class.clear_small", lang)) + "."


def _shift_lines(shift: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    lines = []
    for a in shift.get("answers") or []:
        if a.get("shift") not in ("up", "down"):
            continue
        before, after = a.get("from") or {}, a.get("to") or {}
        if not (_visible(before.get("shown")) and _visible(after.get("shown"))):
            continue  # never a share of a hidden count
        key = "storyreport.shift_up" if a["shift"] == "up" else "storyreport.shift_down"
        lines.append({
            "answer": a["id"], "direction": a["shift"],
            "text": t(key, lang, answer=_capital(a["label"]),
                      before=numbers.percent(before.get("share"), lang),
                      after=numbers.percent(after.get("share"), lang),
                      difference=a.get("difference_shown")
                      or numbers.signed((a.get("difference") or 0) * 100, lang, 1),
                      interval=_shown_range(a.get("interval_shown"), lang)
                      or _interval_pp(a.get("interval"), lang)) + _small(a, lang),
            "small": a.get("shift_class") == "clear_small",
            "quotes": [],
        })
    return lines


def _mean_line(shift: dict[str, Any], lang: str) -> str | None:
    mean = shift.get("mean") or {}
    if mean.get("shift") not in ("up", "down") or mean.get("interval") is None:
        return None
    lo, hi = mean["interval"]
    key = "storyreport.mean_up" if mean["shift"] == "up" else "storyreport.mean_down"
    return t(key, lang, before=numbers.number(mean["from"], lang, 2),
             after=numbers.number(mean["to"], lang, 2),
             difference=mean.get("difference_shown")
             or numbers.signed(mean["difference"], lang, 2),
             interval=_shown_range(mean.get("interval_shown"), lang)
             or _between(lo, hi, lang, 2)) + _small(mean, lang)


def _hard_data(hard: dict[str, Any], lang: str) -> dict[str, Any]:
    periods = list(hard.get("periods") or [])
    rows = []
    for ind in hard.get("indicators") or []:
        values = ind.get("values") or {}
        rows.append({
            "name": ind["name"], "unit": ind.get("unit") or "",
            "baseline": numbers.number(ind["baseline"], lang) if ind.get("baseline") is not None
            else "—",
            "target": numbers.number(ind["target"], lang) if ind.get("target") is not None
            else "—",
            "direction": t(f"storyreport.direction.{ind.get('direction') or 'none'}", lang),
            "values": [numbers.number(values[p], lang) if p in values else "—"
                       for p in periods],
        })
    stories = [(hard.get("stories_shown") or {}).get(p, HIDDEN) for p in periods]
    return {"periods": periods, "rows": rows,
            "stories": [s if _visible(s) else HIDDEN for s in stories]}


CHART_PERIODS = 4
"""A chart shows at most this many periods, the latest (the table shows them all)."""


def chart_spec(periods: list[str], rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """The ``distribution`` chart of one question's table rows."""
    keep = slice(max(0, len(periods) - CHART_PERIODS), len(periods))
    return {"type": "distribution", "lang": lang, "periods": periods[keep],
            "rows": [{"label": r["label"], "shares": [c["share"] for c in r["cells"]][keep],
                      "shown": [c["share_text"] for c in r["cells"]][keep]} for r in rows]}


def build_context(section: dict[str, Any], *, sprint: Any, lang: str, meta: dict[str, Any],
                  quotes: dict[tuple[str, str], list[dict[str, Any]]],
                  interpretations: list[dict[str, Any]]) -> dict[str, Any]:
    """The template's context. ``quotes`` maps (signifier id, answer id) of a clear shift to
    consented, pseudonymised stories; ``interpretations`` are the insight phase's answers as
    ``{"label", "items"}``."""
    summary = section["summary"]
    periods = [g["key"] for g in summary["groups"] if g["key"]]
    shifts: dict[str, Any] = section.get("shifts") or {}
    by_id = {s["id"]: s for s in shifts.get("signifiers", [])}
    charts: dict[str, dict[str, Any]] = {}
    signifiers = []
    for sig in summary["signifiers"]:
        table = _table(sig, periods, lang)
        ref = f"story-{sig['id']}"
        charts[ref] = chart_spec(periods, table["rows"], lang)
        shift = by_id.get(sig["id"])
        lines = _shift_lines(shift, lang) if shift else []
        for line in lines:
            line["quotes"] = quotes.get((sig["id"], line["answer"]), [])
            line["quote_period"] = shifts["to"] if line["direction"] == "up" else shifts["from"]
        mean_quotes = quotes.get((sig["id"], "mean"), [])
        tested = shift is not None and (shift.get("test") or {}).get("name") != "none"
        composition = None
        if sig["type"] == "triad" and sig.get("corners"):
            composition = [
                {"corner": corner, "values": [
                    numbers.percent(((sig["columns"].get(p) or {}).get("composition")
                                     or [None] * 3)[k], lang) for p in periods]}
                for k, corner in enumerate(sig["corners"])]
        mean = (shift or {}).get("mean") or {}
        small = any(line["small"] for line in lines) or (
            mean.get("shift") in ("up", "down") and mean.get("shift_class") == "clear_small")
        signifiers.append({
            "id": sig["id"], "type": sig["type"], "question": sig["question"],
            "table": table, "chart": ref, "shifts": lines,
            "small_note": shifts.get("small_note") if small else None,
            "mean_shift": _mean_line(shift, lang) if shift else None,
            "mean_quotes": mean_quotes,
            "tested": tested, "composition": composition,
        })
    groups = {g["key"]: g["shown"] for g in summary["groups"]}
    per_period = ", ".join(f"{p}: {groups.get(p, HIDDEN)}" for p in periods)
    return {
        "lang": lang,
        "title": sprint.title,
        "organisation": sprint.organisation,
        "people": list(sprint.facilitators),
        "periods": periods,
        "period_text": t("storyreport.periods", lang, periods=join_words(periods, lang)),
        "total": groups.get("", HIDDEN),
        "per_period": per_period,
        "min_cell": section["min_cell"],
        "shift_from": shifts.get("from"),
        "shift_to": shifts.get("to"),
        "signifiers": signifiers,
        "hard": _hard_data(section.get("hard_data") or {}, lang),
        "interpretations": interpretations,
        "charts": charts,
        "meta": meta,
    }
