"""Stories as data: reading the storyteller's answers, and summarising them honestly.

Pure logic. The store (:mod:`sprintkit.files.storystore`) counts with SQL and hands over a
:class:`Cube` of counts; this module turns it into shares per answer, by period, perspective or
another signifier, with small cells suppressed so that no group of fewer than ``min_cell``
storytellers can be singled out.

Answer types (from the method's signifiers):

* ``choice``: one choice id (or its label) → stored as the id;
* ``multichoice``: ids separated by ``|`` or ``;`` → one stored row per chosen id; shares are
  the share of storytellers who chose it (they can add up to more than 100%);
* ``scale``: a number within the scale's range (``3``, ``3,5``);
* ``triad``: three weights ``a/b/c`` summing to 1 or 100 → normalised to fractions; counted by
  the corner holding at least half the weight (or ``mixed``) and summarised as a composition
  (the closed geometric mean), never as three plain averages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sprintkit.engine.storywords import words
from sprintkit.errors import shown
from sprintkit.i18n import msg

MIXED = "mixed"
TRIAD_ZERO = 0.01
"""Weights below this are raised to it before taking logs (zero replacement for compositions)."""

AnswerRow = tuple[str, float | None, float | None, float | None, float | None]
"""One stored answer: (value, number, a, b, c)."""


class AnswerError(ValueError):
    """An answer that does not fit its signifier; the message never repeats story text."""


# --- reading answers -----------------------------------------------------------------------


def _number(text: str) -> float:
    cleaned = text.strip().replace(",", ".").rstrip("%").strip()
    return float(cleaned)


def shown_value(raw: str) -> str:
    """A cell quoted in a message: only when short and nothing in it could identify someone or
    tell a story (:func:`sprintkit.errors.shown`), otherwise described by its length."""
    return shown(raw.strip(), limit=30)


def choice_lookup(choices: Iterable[Any]) -> dict[str, str]:
    """Case-insensitive id and label (nl and en) → choice id."""
    table: dict[str, str] = {}
    for choice in choices:
        table[choice.id.casefold()] = choice.id
    for choice in choices:
        for text in (choice.label.nl, choice.label.en):
            if text:
                table.setdefault(text.strip().casefold(), choice.id)
    return table


class AnswerReader:
    """Parses the answers to one signifier; build once per import."""

    def __init__(self, signifier: Any):
        self.sig = signifier
        self.type = signifier.type
        if self.type in ("choice", "multichoice"):
            self.lookup = choice_lookup(signifier.choices)
            self.ids = [c.id for c in signifier.choices]
        elif self.type == "triad":
            self.ids = [c.id for c in signifier.corners]
        if self.type == "scale":
            self.min = signifier.scale.min
            self.max = signifier.scale.max

    def read(self, raw: str) -> list[AnswerRow]:
        """Rows to store for one cell; an empty cell is no answer (``[]``)."""
        raw = raw.strip()
        if not raw:
            return []
        if self.type == "choice":
            return [(self._choice(raw), None, None, None, None)]
        if self.type == "multichoice":
            chosen: list[str] = []
            for part in re.split(r"[|;]", raw):
                if part.strip():
                    value = self._choice(part)
                    if value not in chosen:
                        chosen.append(value)
            return [(value, None, None, None, None) for value in chosen]
        if self.type == "scale":
            return [self._scale(raw)]
        return [self._triad(raw)]

    def _choice(self, raw: str) -> str:
        found = self.lookup.get(raw.strip().casefold())
        if found is None:
            raise AnswerError(msg("stories.answer_unknown", value=shown_value(raw),
                                  ids=", ".join(self.ids)))
        return found

    def _scale(self, raw: str) -> AnswerRow:
        try:
            value = _number(raw)
        except ValueError:
            raise AnswerError(msg("stories.answer_not_number", value=shown_value(raw),
                                  min=self.min, max=self.max)) from None
        if not (self.min <= value <= self.max) or math.isnan(value):
            raise AnswerError(msg("stories.answer_outside", value=f"{value:g}", min=self.min,
                                  max=self.max))
        return (f"{value:g}", value, None, None, None)

    def _triad(self, raw: str) -> AnswerRow:
        parts = re.split(r"\s*[/|;]\s*", raw.strip())
        if len(parts) != 3:
            raise AnswerError(msg("stories.answer_not_triad", value=shown_value(raw),
                                  ids="/".join(self.ids)))
        try:
            weights = [_number(p) for p in parts]
        except ValueError:
            raise AnswerError(msg("stories.answer_weights_numbers",
                                  value=shown_value(raw))) from None
        if any(w < 0 or math.isnan(w) for w in weights):
            raise AnswerError(msg("stories.answer_weights_negative"))
        total = sum(weights)
        if not (abs(total - 1) <= 0.02 or abs(total - 100) <= 2):
            raise AnswerError(msg("stories.answer_weights_total", total=f"{total:g}"))
        a, b, c = (w / total for w in weights)
        return (triad_region((a, b, c), self.ids), None, a, b, c)


def triad_region(weights: tuple[float, float, float], corner_ids: list[str]) -> str:
    """The corner holding at least half of the weight, or ``mixed``."""
    best = max(range(3), key=lambda i: weights[i])
    return corner_ids[best] if weights[best] >= 0.5 else MIXED


def triad_logs(a: float, b: float, c: float) -> tuple[float, float, float]:
    """Logs of the weights after zero replacement (what the store sums for compositions)."""
    return tuple(math.log(max(w, TRIAD_ZERO)) for w in (a, b, c))  # type: ignore[return-value]


def composition(n: int, sum_logs: tuple[float, float, float]) -> list[float] | None:
    """The closed geometric mean of n triad answers, from the sums of their logs."""
    if n <= 0:
        return None
    geo = [math.exp(s / n) for s in sum_logs]
    total = sum(geo)
    return [g / total for g in geo]


_YES = {"yes", "y", "ja", "j", "1", "true", "waar", "x"}
_NO = {"no", "n", "nee", "0", "false", "onwaar", ""}


def read_consent(raw: str) -> bool:
    """consent_quote: yes/ja/y/j/1/true → True; no/nee/empty → False; else AnswerError."""
    value = raw.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise AnswerError(msg("stories.answer_not_yes_no", value=shown_value(raw)))


def read_date(raw: str) -> date:
    """2026-03-15 (also with a time after it), or Dutch 15-03-2026, 15/03/2026, 15.3.2026."""
    from sprintkit.i18n.dates import DateError, parse_date

    text = raw.strip()
    if not text:
        raise AnswerError(msg("stories.answer_date_empty"))
    try:
        return parse_date(text[:10] if len(text) > 10 and text[10] in " T"
                          else text.split(" ")[0])
    except DateError:
        pass
    raise AnswerError(msg("stories.answer_not_date", value=shown_value(raw)))


# --- the cube of counts --------------------------------------------------------------------

GroupKey = tuple[str, str, str]
"""(period, perspective, by-value); by-value is '' when there is no cross signifier."""


@dataclass
class Cube:
    """Everything a summary needs, counted by the store."""

    stories: dict[GroupKey, int] = field(default_factory=dict)
    answered: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    """(period, perspective, by, signifier) → storytellers who answered it."""
    counts: dict[tuple[str, str, str, str, str], int] = field(default_factory=dict)
    """(period, perspective, by, signifier, value) → count."""
    scale: dict[tuple[str, str, str, str], tuple[int, float, float]] = field(default_factory=dict)
    """(period, perspective, by, signifier) → (n, sum, sum of squares)."""
    triad: dict[tuple[str, str, str, str], tuple[int, float, float, float]] = field(
        default_factory=dict)
    """(period, perspective, by, signifier) → (n, sum of log a, log b, log c)."""

    def periods(self) -> list[str]:
        return sorted({k[0] for k in self.stories})

    def perspectives(self) -> list[str]:
        return sorted({k[1] for k in self.stories})


def _add(target: dict[Any, Any], key: Any, value: Any) -> None:
    old = target.get(key)
    if old is None:
        target[key] = value
    elif isinstance(value, tuple):
        target[key] = tuple(x + y for x, y in zip(old, value, strict=True))
    else:
        target[key] = old + value


def collapse(cube: Cube, group: Callable[[str, str, str], str | None]) -> Cube:
    """Re-key the cube by ``group(period, perspective, by)`` (``None`` drops the cell).

    The result uses keys ``(group, '', '')`` and ``(group, '', '', signifier[, value])``."""
    out = Cube()
    for (p, v, b), n in cube.stories.items():
        g = group(p, v, b)
        if g is not None:
            _add(out.stories, (g, "", ""), n)
    for (p, v, b, s), n in cube.answered.items():
        g = group(p, v, b)
        if g is not None:
            _add(out.answered, (g, "", "", s), n)
    for (p, v, b, s, a), n in cube.counts.items():
        g = group(p, v, b)
        if g is not None:
            _add(out.counts, (g, "", "", s, a), n)
    for (p, v, b, s), t in cube.scale.items():
        g = group(p, v, b)
        if g is not None:
            _add(out.scale, (g, "", "", s), t)
    for (p, v, b, s), t3 in cube.triad.items():
        g = group(p, v, b)
        if g is not None:
            _add(out.triad, (g, "", "", s), t3)
    return out


def without_cross(cube: Cube) -> Cube:
    """The cube counted along a single-answer signifier, summed over that signifier's answers:
    the same cube a count without the cross gives (every story has exactly one by-value, ``''``
    when unanswered), without counting again. Not for a multichoice cross (a story is counted
    once per option it chose)."""
    return _rekey(cube, lambda p, v, b: (p, v, ""))


def _rekey(cube: Cube, key: Callable[[str, str, str], tuple[str, str, str]]) -> Cube:
    out = Cube()
    for (p, v, b), n in cube.stories.items():
        _add(out.stories, key(p, v, b), n)
    for (p, v, b, s), n in cube.answered.items():
        _add(out.answered, (*key(p, v, b), s), n)
    for (p, v, b, s, a), n in cube.counts.items():
        _add(out.counts, (*key(p, v, b), s, a), n)
    for (p, v, b, s), t in cube.scale.items():
        _add(out.scale, (*key(p, v, b), s), t)
    for (p, v, b, s), t3 in cube.triad.items():
        _add(out.triad, (*key(p, v, b), s), t3)
    return out


# --- suppression ---------------------------------------------------------------------------


SECONDARY = "*"
"""Shown for every hidden count (small, or hidden so that a small one cannot be worked out)."""


def hide_small(counts: dict[str, int], total: int | None, min_cell: int,
               exclusive: bool) -> dict[str, int | None]:
    """Counts with small cells hidden (``None``); see :func:`hide_cells`."""
    return hide_cells(counts, total, min_cell, exclusive)[0]


def hide_cells(counts: dict[str, int], total: int | None, min_cell: int,
               exclusive: bool) -> tuple[dict[str, int | None], set[str]]:
    """Counts with small cells hidden (``None``), and the keys hidden only as a second cell.

    Primary: a count of 1..min_cell-1 is hidden. When the total is shown and the categories
    partition it (``exclusive``), a single hidden cell could be worked out by subtraction, so the
    next smallest non-zero cell is hidden too (secondary). For non-exclusive answers
    (multichoice) a count is also hidden when the storytellers who did *not* choose it are fewer
    than ``min_cell``."""
    shown: dict[str, int | None] = {}
    for key, c in counts.items():
        small = 0 < c < min_cell
        if not exclusive and total is not None and 0 < total - c < min_cell:
            small = True
        shown[key] = None if small else c
    secondary: set[str] = set()
    if exclusive and total is not None:
        hidden = [k for k, v in shown.items() if v is None]
        if len(hidden) == 1:
            others = sorted((c, k) for k, c in shown.items() if c)
            if others:
                shown[others[0][1]] = None
                secondary.add(others[0][1])
    return shown, secondary


def shown_count(value: int | None, min_cell: int, secondary: bool = False) -> str:
    """A count as shown: the number, or ``*`` when hidden (one mark for every hidden count,
    so the mark says nothing about the size)."""
    return SECONDARY if value is None else str(value)


# --- labels --------------------------------------------------------------------------------


def answer_ids(sig: Any, seen: Iterable[str] = ()) -> list[str]:
    """The answers of a signifier in the method's order (then any other seen values)."""
    if sig.type in ("choice", "multichoice"):
        ids = [c.id for c in sig.choices]
    elif sig.type == "triad":
        ids = [c.id for c in sig.corners] + [MIXED]
    else:
        lo, hi = sig.scale.min, sig.scale.max
        ids = [f"{v:g}" for v in range(lo, hi + 1)]
        extra = sorted((s for s in seen if s not in ids), key=float)
        return sorted(ids + extra, key=float)
    return ids + sorted(s for s in seen if s not in ids)


def answer_label(sig: Any, value: str, lang: str) -> str:
    if sig.type in ("choice", "multichoice"):
        for c in sig.choices:
            if c.id == value:
                return c.label.get(lang)
    elif sig.type == "triad":
        if value == MIXED:
            return words(lang)["mixed"]
        for c in sig.corners:
            if c.id == value:
                return c.label.get(lang)
    elif sig.type == "scale":
        spec = sig.scale
        if spec.min_label and value == f"{spec.min:g}":
            return f"{value} ({spec.min_label.get(lang)})"
        if spec.max_label and value == f"{spec.max:g}":
            return f"{value} ({spec.max_label.get(lang)})"
    return value


def perspective_label(method: Any, pid: str, lang: str) -> str:
    for p in method.perspectives:
        if p.id == pid:
            return p.name.get(lang)
    return pid


# --- summaries -----------------------------------------------------------------------------

BY_DIMENSIONS = ("period", "perspective")


def group_function(by: list[str], period: str | None = None,
                   perspective: str | None = None) -> Callable[[str, str, str], str | None]:
    """Cells → group label for ``by`` (period, perspective and/or 'signifier'), with filters."""

    def group(p: str, v: str, b: str) -> str | None:
        if period is not None and p != period:
            return None
        if perspective is not None and v != perspective:
            return None
        parts = []
        for dim in by:
            parts.append(p if dim == "period" else v if dim == "perspective" else b)
        return " · ".join(parts)

    return group


def summarise(cube: Cube, method: Any, *, by: list[str], min_cell: int, lang: str,
              period: str | None = None, perspective: str | None = None,
              cross: Cube | None = None, by_signifier: str | None = None,
              raw: bool = False) -> dict[str, Any]:
    """Counts and shares per signifier answer, overall and per group, small cells hidden.

    ``by`` lists dimensions: ``period``, ``perspective`` and/or ``signifier`` (the answers of
    ``by_signifier``; then ``cross`` is the cube counted along them). Every group column has the
    same shape; the first, key ``""``, is the overall column.

    Suppression treats the whole table with its margins as one linked set (see
    :mod:`sprintkit.engine.storycells`). ``raw=True`` returns every true count instead, for an
    output that publishes this table together with others and protects them all at once."""
    result = _summarise(cube, method, by=by, lang=lang, period=period, perspective=perspective,
                        cross=cross, by_signifier=by_signifier)
    result["min_cell"] = min_cell
    if not raw:
        from sprintkit.engine.storycells import protect_output

        protect_output(result, min_cell)
    return result


def _summarise(cube: Cube, method: Any, *, by: list[str], lang: str, period: str | None,
               perspective: str | None, cross: Cube | None,
               by_signifier: str | None) -> dict[str, Any]:
    min_cell = 1  # nothing hidden here: every true count, protected afterwards
    w = words(lang)
    everything = collapse(cube, group_function([], period, perspective))
    source = cross if (by_signifier and cross is not None) else cube
    grouped = collapse(source, group_function(by, period, perspective)) if by else Cube()
    group_keys = sorted({k[0] for k in grouped.stories})
    if by == ["perspective"]:
        order = {p.id: i for i, p in enumerate(method.perspectives)}
        group_keys.sort(key=lambda g: (order.get(g, 99), g))
    total = sum(everything.stories.values())

    group_story_counts = {g: grouped.stories.get((g, "", ""), 0) for g in group_keys}
    # with a multichoice cross signifier, groups overlap and do not partition the total
    exclusive = not by_signifier or _signifier(method, by_signifier).type != "multichoice"
    hidden_groups, second_groups = hide_cells(group_story_counts, total, min_cell,
                                              exclusive=exclusive)
    groups = [{"key": "", "label": w["all"], "stories": total, "shown": str(total)}]
    for g in group_keys:
        groups.append({
            "key": g,
            "label": _group_label(g, by, method, by_signifier, lang),
            "stories": hidden_groups[g],
            "shown": shown_count(hidden_groups[g], min_cell, g in second_groups),
        })

    signifiers = []
    for sig in method.signifiers:
        if sig.id == by_signifier:
            continue
        seen = {k[4] for k in cube.counts if k[3] == sig.id}
        ids = answer_ids(sig, seen)
        columns = {"": _column(sig, everything, "", ids, min_cell, group_hidden=False)}
        for g in group_keys:
            columns[g] = _column(sig, grouped, g, ids, min_cell,
                                 group_hidden=hidden_groups.get(g) is None)
        signifiers.append({
            "id": sig.id,
            "type": sig.type,
            "question": sig.question.get(lang),
            "corners": [c.label.get(lang) for c in sig.corners] if sig.type == "triad" else None,
            "answers": [{"id": a, "label": answer_label(sig, a, lang)} for a in ids],
            "columns": columns,
        })
    return {
        "total_stories": total,
        "min_cell": min_cell,
        "by": by,
        "by_signifier": by_signifier,
        "by_exclusive": exclusive,
        "filters": {"period": period, "perspective": perspective},
        "groups": groups,
        "signifiers": signifiers,
    }


def _signifier(method: Any, sid: str) -> Any:
    for sig in method.signifiers:
        if sig.id == sid:
            return sig
    raise KeyError(sid)


def _group_label(key: str, by: list[str], method: Any, by_signifier: str | None,
                 lang: str) -> str:
    parts = key.split(" · ")
    out = []
    for dim, part in zip(by, parts, strict=False):
        if dim == "perspective":
            out.append(perspective_label(method, part, lang))
        elif dim == "signifier":
            sig = _signifier(method, by_signifier) if by_signifier else None
            out.append(answer_label(sig, part, lang) if part and sig else words(lang)["none"])
        else:
            out.append(part)
    return " · ".join(out)


def _column(sig: Any, cube: Cube, g: str, ids: list[str], min_cell: int,
            group_hidden: bool) -> dict[str, Any]:
    n = cube.answered.get((g, "", "", sig.id), 0)
    raw = {a: cube.counts.get((g, "", "", sig.id, a), 0) for a in ids}
    if group_hidden or 0 < n < min_cell:
        cells: dict[str, int | None] = {a: None for a in ids}
        second: set[str] = set()
        n_shown: int | None = None if n else 0
    else:
        cells, second = hide_cells(raw, n, min_cell, exclusive=sig.type != "multichoice")
        n_shown = n
    column: dict[str, Any] = {
        "n": n_shown,
        "n_shown": shown_count(n_shown, min_cell),
        "counts": cells,
        "shown": {a: shown_count(c, min_cell, a in second) for a, c in cells.items()},
        "shares": {a: (c / n if c is not None and n else None) for a, c in cells.items()},
    }
    if sig.type == "scale":
        stats = cube.scale.get((g, "", "", sig.id))
        column["mean"] = (stats[1] / stats[0]) if stats and n_shown else None
    if sig.type == "triad":
        stats3 = cube.triad.get((g, "", "", sig.id))
        column["composition"] = (
            composition(stats3[0], stats3[1:]) if stats3 and n_shown else None
        )
    return column


def period_of_date(day: date | datetime, kind: str) -> str:
    from sprintkit.model.periods import period_of

    return period_of(day if isinstance(day, date) else day.date(), kind)
