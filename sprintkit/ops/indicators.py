"""Indicators: outcomes monitored against a baseline and a target, with dated measurements.

Library functions behind ``sprintkit indicator add|record|list|show``; keyword arguments mirror
the command-line flags. Every write goes through the sprint's or programme's locked, atomic,
comment-preserving update. The rules themselves (a rate only from a numerator and denominator
of one period, never a rate against a count, periods of other lengths only as the kind allows)
live in :mod:`sprintkit.engine.indicators`; here they refuse a measurement before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit import vocabulary
from sprintkit.engine import indicators as engine
from sprintkit.errors import NotFound, SprintkitError, UsageError
from sprintkit.i18n import language, msg
from sprintkit.ops.hypotheses import check_text
from sprintkit.ops.scope import (
    cleaner,
    parse_number,
    programme_sprints,
    scope,
    speak,
)

if TYPE_CHECKING:
    from sprintkit.model.sprint import Indicator, Measurement

KINDS = engine.KINDS
DIRECTIONS = vocabulary.ids("direction")


def _period(text: str, option: str) -> str:
    from sprintkit.model.periods import parse_period

    try:
        return parse_period(text).text
    except ValueError:
        raise UsageError(msg("indicator.bad_period", option=option, value=repr(text))) from None


def find(model: Any, iid: str) -> Indicator:
    """The indicator ``iid`` in a sprint or programme, or NotFound naming those there are."""
    for ind in model.indicators:
        if ind.id == iid:
            return ind
    known = ", ".join(i.id for i in model.indicators) or msg("evidence.none_yet")
    where = "programme" if not hasattr(model, "hypotheses") else "sprint"
    raise NotFound(
        msg(f"indicator.not_found_{where}", id=repr(iid)),
        hint=msg("indicator.not_found_hint", known=known),
    )


def _build(cls: Any, data: dict[str, Any]) -> Any:
    from sprintkit.ops.hypotheses import build_model as build

    return build(cls, data)


# --- add -------------------------------------------------------------------------------------


def add_indicator(
    sprint: Path | None = None,
    *,
    programme: Path | None = None,
    id: str,
    name: str,
    direction: str,
    unit: str | None = None,
    kind: str | None = None,
    baseline: str | float | None = None,
    baseline_period: str | None = None,
    target: str | float | None = None,
    target_period: str | None = None,
    frequency: str | None = None,
    source: str | None = None,
    description: str | None = None,
) -> Indicator:
    """Add an indicator to a sprint (or to the programme with ``programme``).

    ``kind`` (count, value, rate) defaults to rate for a unit such as ``%`` or a baseline or
    target written as a percentage; otherwise it stays unset, and measurements over periods of
    another length than the baseline's are then not compared. A baseline needs the period it
    covers. A rate's baseline and target are percentages; a target must lie on the good side of
    the baseline."""
    from sprintkit.model.sprint import Indicator

    speak(sprint, programme)
    check_text(name, "--name")
    check_text(unit, "--unit")
    direction = vocabulary.parse("direction", direction, "--direction")
    kind = None if kind is None else vocabulary.parse("indicator_kind", kind, "--kind")
    base, base_pct = parse_number(baseline, "--baseline")
    goal, goal_pct = parse_number(target, "--target")
    if base is not None and baseline_period is None:
        raise UsageError(msg("indicator.baseline_needs_period"))
    if baseline_period is not None and base is None:
        raise UsageError(msg("indicator.baseline_period_alone"))
    if target_period is not None and goal is None:
        raise UsageError(msg("indicator.target_period_alone"))
    if kind is None and (base_pct or goal_pct or engine.looks_like_percent(unit)):
        kind = "rate"
    if kind in ("count", "value") and (base_pct or goal_pct):
        raise UsageError(msg("indicator.not_percentage",
                             kind=engine.label(kind, language()).capitalize()))
    data: dict[str, Any] = {"id": id, "name": name, "direction": direction}
    optional = {
        "unit": unit if unit is not None else ("%" if kind == "rate" else None),
        "kind": kind, "baseline": base,
        "baseline_period": _period(baseline_period, "--baseline-period")
        if baseline_period else None,
        "target": goal,
        "target_period": _period(target_period, "--target-period") if target_period else None,
        "frequency": frequency, "source": source, "description": description,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    indicator = _build(Indicator, data)
    problems = engine.definition_problems(indicator, language())
    if problems:
        first = next(iter(problems.values()))
        raise SprintkitError(first[:1].upper() + first[1:],
                             hint=msg("indicator.check_definition_hint"))

    def change(model: Any) -> Indicator:
        if any(i.id == indicator.id for i in model.indicators):
            raise SprintkitError(msg("indicator.exists", id=repr(indicator.id)),
                                 hint=msg("indicator.exists_hint"))
        model.indicators.append(indicator)
        return indicator

    return scope(sprint, programme).update(change)


# --- record ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    """The measurement as written, how it compares, and what it replaced."""

    indicator: Indicator
    measurement: Measurement
    comparison: engine.Comparison
    replaced: Measurement | None = None
    pseudonymised: int = 0


def record_measurement(
    sprint: Path | None = None,
    id: str = "",
    *,
    programme: Path | None = None,
    period: str,
    value: str | float | None = None,
    numerator: float | None = None,
    denominator: float | None = None,
    denominator_period: str | None = None,
    source: str | None = None,
    note: str | None = None,
    replace: bool = False,
) -> Recorded:
    """Record the indicator's value over ``period``: ``value``, or ``numerator`` out of
    ``denominator`` (a rate, counted over the same period). A measurement that breaks the period
    rule, or a rate for an indicator that is not one, is refused and nothing is written. A period
    already measured is only replaced with ``replace``."""
    from sprintkit.model.sprint import Measurement

    speak(sprint, programme)
    when = _period(period, "--period")
    ratio = numerator is not None or denominator is not None
    if ratio == (value is not None):
        raise UsageError(msg("indicator.value_or_ratio"))
    if ratio and (numerator is None or denominator is None):
        raise UsageError(msg("indicator.rate_needs_both"))
    if denominator_period is not None and not ratio:
        raise UsageError(msg("indicator.denominator_period_alone"))
    if denominator is not None and denominator <= 0:
        raise UsageError(msg("indicator.denominator_positive"))
    number, written_pct = parse_number(value, "--value")
    data: dict[str, Any] = {"period": when}
    optional = {
        "value": number, "numerator": numerator, "denominator": denominator,
        "denominator_period": _period(denominator_period, "--denominator-period")
        if denominator_period else None,
        "source": source, "note": note,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    where = scope(sprint, programme)
    folder = where.folder() if note or source else None

    def change(model: Any) -> Recorded:
        ind = find(model, id)
        kind, _ = engine.kind_of(ind)
        if written_pct and kind != "rate":
            raise UsageError(msg("indicator.not_a_rate", id=ind.id))
        record_data = dict(data)
        cleaned = 0
        if folder is not None:
            clean = cleaner(model, folder)
            for key in ("note", "source"):
                if record_data.get(key):
                    result = clean(record_data[key])
                    record_data[key] = result.text
                    cleaned += result.total
        measurement = _build(Measurement, record_data)
        problem = engine.measurement_problem(ind, measurement, language())
        if problem:
            raise SprintkitError(msg("indicator.refused", id=ind.id, period=when, problem=problem),
                                 hint=msg("indicator.nothing_written"))
        old = next((m for m in ind.measurements if str(m.period) == when), None)
        if old is not None and not replace:
            raise SprintkitError(
                msg("indicator.already_measured", id=ind.id, period=when,
                    value=_shown(ind, old, model)),
                hint=msg("indicator.already_measured_hint"),
            )
        kept = [m for m in ind.measurements if m is not old]
        kept.append(measurement)
        kept.sort(key=lambda m: engine.order_key(_parsed(m.period)))
        ind.measurements = kept
        lang = language()
        comparison = engine.compare(ind, engine.read(ind, measurement, lang), lang)
        return Recorded(ind, measurement, comparison, old, cleaned)

    return where.update(change)


def _parsed(text: str) -> Any:
    from sprintkit.model.periods import parse_period

    return parse_period(str(text))


def _shown(ind: Indicator, m: Measurement, model: Any) -> str:
    lang = model.language
    if m.numerator is not None and m.denominator is not None:
        return f"{engine.number(m.numerator, lang)}/{engine.number(m.denominator, lang)}"
    kind, _ = engine.kind_of(ind)
    return engine.shown(m.value, kind, lang)


# --- list and show ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """The trends of one sprint's or programme's indicators."""

    where: str
    """``sprint`` or ``programme``."""
    id: str
    title: str
    trends: list[engine.Trend]


@dataclass(frozen=True)
class Listing:
    lang: str
    groups: list[Listed]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> list[dict[str, Any]]:
        records = []
        for group in self.groups:
            for t in group.trends:
                records.append({**t.to_json(), group.where: group.id})
        return records


def indicator_listing(
    sprint: Path | None = None,
    *,
    programme: Path | None = None,
    id: str | None = None,
    lang: str | None = None,
) -> Listing:
    """The indicators with their trend, in the sprint's or programme's language. With
    ``programme``: the programme's own indicators, then every sprint's (``id`` looks only at
    the programme's own)."""
    where = scope(sprint, programme)
    model = where.load()
    language = lang or model.language
    chosen = [find(model, id)] if id else list(model.indicators)
    groups = [Listed(where.what, model.id, model.title,
                     [engine.trend(i, language) for i in chosen])]
    warnings: list[str] = []
    if where.is_programme and id is None:
        for entry in programme_sprints(where.folder()):
            if entry.sprint is None:
                warnings.append(entry.problem or entry.id)
                continue
            if entry.sprint.indicators:
                groups.append(Listed("sprint", entry.sprint.id, entry.sprint.title,
                                     [engine.trend(i, language) for i in entry.sprint.indicators]))
    return Listing(language, groups, warnings)
