"""Indicators against their baseline and target, without comparing what cannot be compared.

An indicator's numbers are of one of three kinds (``Indicator.kind``):

* ``count`` — a number of events over the period (out-of-home placements a year). It adds up
  over time, so a count over a period of another length than the baseline's is compared *pro
  rata* (the baseline scaled to the measurement's period), and the comparison says so;
* ``value`` — a level, an average or a score (waiting time in days, a satisfaction mark). It
  does not add up over time and is compared as it is, over periods of any length;
* ``rate`` — a numerator out of a denominator counted over the same period, in percent (0–100),
  or a percentage recorded as it is. Baseline and target are percentages too.

When the kind is not said, it is taken as ``rate`` for a unit such as ``%`` or ``procent`` (or
when every measurement is a numerator and denominator); otherwise it stays unknown, and a
measurement over a period of another length than the baseline's is *not* compared, with a
message that says how to tell sprintkit what the number is.

The rules, each refusal naming the numbers and periods involved:

1. a rate is computed only from a numerator and a denominator of the same period (65 children
   kept at home in 2022 out of 250 placements in 2021 is not a rate);
2. a rate is never compared with a count: a numerator and denominator belong to a rate
   indicator only, and a rate indicator's baseline and target must be percentages;
3. periods of different lengths are compared only as the kind allows (pro rata for a count,
   as is for a value or rate, not at all when the kind is unknown), and always said.

Pure logic over the models: no files, no terminal. Texts come in Dutch or English."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sprintkit import vocabulary
from sprintkit.i18n import numbers
from sprintkit.model.periods import Period, parse_period

if TYPE_CHECKING:
    from sprintkit.model.sprint import Indicator, Measurement

KINDS = vocabulary.ids("indicator_kind")
PERCENT_WORDS = ("%", "procent", "percent", "percentage", "pct")

def _text(key: str, lang: str, **params: Any) -> str:
    from sprintkit.i18n import t

    return t(f"indicator.text.{key}", lang, **params)


def _text_of(key: str, lang: str, **params: Any) -> str:
    from sprintkit.i18n import t

    return t(key, lang, **params)


def _what(what: str, lang: str) -> str:
    return _word("what", what, lang)


def _word(group: str, key: object, lang: str) -> str:
    """One word of a sentence (``nulmeting``, ``boven``, ``een kwartaal``) from the catalogue."""
    from sprintkit.i18n import t

    return t(f"indicator.{group}.{key}", lang)


def label(key: str | None, lang: str) -> str:
    """``count``/``better``… in the language (``aantal``/``beter``…); '' for None."""
    if key in KINDS:
        return vocabulary.label("indicator_kind", key, lang)
    if key in ("better", "worse", "unchanged"):
        return _text(f"trend.{key}", lang)
    return "" if key is None else key


def number(x: float | None, lang: str, digits: int | None = None) -> str:
    """A number as a reader writes it: ``1.234,5`` / ``1,234.5``; at most ``digits`` decimals
    (default: none from 100 on, one from 10, two below), trailing zeros dropped."""
    if digits is None:
        return numbers.amount(x, lang)
    return numbers.number(x, lang, digits)


def percent(x: float | None, lang: str) -> str:
    """A percentage (0–100) with one decimal at most: ``32,5%``."""
    return numbers.percent(x, lang, 1, scale=1)


def shown(x: float | None, kind: str | None, lang: str) -> str:
    """A number of an indicator of ``kind`` as text (percent sign for a rate)."""
    return percent(x, lang) if kind == "rate" else number(x, lang)


def signed(x: float | None, kind: str | None, lang: str) -> str:
    """A change with its sign: ``−19``, ``+6,5 pp`` (percentage points for a rate)."""
    if kind == "rate":
        return numbers.pp(x, lang, 1)
    return numbers.signed(x, lang, None if x is None else numbers.decimals_for(x), zero="±")


def months(period: Period) -> int:
    """How many months ``period`` covers (12, 6, 3 or 1)."""
    return period.last_month - period.first_month + 1


def order_key(period: Period) -> tuple[int, int]:
    """Chronological order: by the month a period ends, then by the month it starts (so 2023
    comes after 2023-H1, and 2023-H2 after 2023)."""
    return (period.year * 12 + period.last_month, period.year * 12 + period.first_month)


def _length(period: Period, lang: str) -> str:
    return _word("length", months(period), lang)


def _period(text: str | None) -> Period | None:
    if text is None:
        return None
    try:
        return parse_period(str(text))
    except ValueError:
        return None


# --- the kind of number ----------------------------------------------------------------------


def looks_like_percent(unit: str | None) -> bool:
    """Whether a unit reads as a percentage (``%``, ``procent``, ``percent of families``)."""
    if not unit:
        return False
    text = unit.strip().lower()
    return "%" in text or (bool(text) and text.split()[0] in PERCENT_WORDS)


def kind_of(ind: Indicator) -> tuple[str | None, bool]:
    """The indicator's kind and whether it was inferred (not written in the file)."""
    written = getattr(ind, "kind", None)
    if written is not None:
        return written, False
    if looks_like_percent(ind.unit):
        return "rate", True
    if ind.measurements and all(m.numerator is not None for m in ind.measurements):
        return "rate", True
    return None, True


# --- one measurement -------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """A measurement as sprintkit reads it: the number compared (a rate in percent), or the
    reason there is none."""

    period: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    denominator_period: str | None = None
    source: str | None = None
    note: str | None = None
    problem: str | None = None

    @property
    def is_ratio(self) -> bool:
        return self.numerator is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "denominator_period": self.denominator_period,
            "source": self.source,
            "note": self.note,
            "problem": self.problem,
        }


def measurement_problem(ind: Indicator, m: Measurement, lang: str = "en") -> str | None:
    """Why ``m`` cannot be read as a number of ``ind`` (None when it can)."""
    return read(ind, m, lang).problem


def read(ind: Indicator, m: Measurement, lang: str = "en") -> Reading:
    """``m`` as a number of ``ind``: a value as is, a numerator and denominator as a percentage
    — only of the same period, and only for a rate indicator."""
    kind, _ = kind_of(ind)
    base: dict[str, Any] = {"period": str(m.period), "source": m.source, "note": m.note}
    if m.numerator is None or m.denominator is None:
        value = m.value
        problem = None
        if value is not None and kind == "rate" and not 0 <= value <= 100:
            problem = _text("value_not_percent", lang, value=number(value, lang))
        elif value is not None and value < 0 and kind == "count":
            problem = _text("negative", lang, what=_word("what", "value", lang),
                            value=number(value, lang))
        return Reading(value=None if problem else value, problem=problem, **base)
    num, den = m.numerator, m.denominator
    ratio: dict[str, Any] = {"numerator": num, "denominator": den,
             "denominator_period": str(m.denominator_period) if m.denominator_period else None}
    other = _period(m.denominator_period)
    mine = _period(m.period)
    if other is not None and mine is not None and (
            (other.year, other.first_month, other.last_month)
            != (mine.year, mine.first_month, mine.last_month)):
        problem = _text("rate_periods", lang, num=number(num, lang), den=number(den, lang),
                        period=m.period, den_period=m.denominator_period)
        return Reading(value=None, problem=problem, **ratio, **base)
    share = 100 * num / den
    if kind != "rate":
        problem = _ratio_not_rate(ind, kind, num, den, share, lang)
        return Reading(value=None, problem=problem, **ratio, **base)
    if num < 0:
        problem = _text("negative", lang, what=_word("what", "numerator", lang),
                        value=number(num, lang))
        return Reading(value=None, problem=problem, **ratio, **base)
    if num > den:
        problem = _text("over_100", lang, num=number(num, lang), den=number(den, lang))
        return Reading(value=None, problem=problem, **ratio, **base)
    return Reading(value=share, **ratio, **base)


def _ratio_not_rate(ind: Indicator, kind: str | None, num: float, den: float, share: float,
                    lang: str) -> str:
    if ind.baseline is not None:
        baseline = number(ind.baseline, lang)
        if ind.baseline_period:
            baseline += f" ({ind.baseline_period})"
        against = _text("against_baseline", lang, baseline=baseline)
    else:
        against = _text("against_others", lang)
    unit = f" ({ind.unit})" if ind.unit else ""
    return _text("ratio_not_rate", lang, num=number(num, lang), den=number(den, lang),
                 pct=percent(share, lang), id=ind.id, kind=_word("kind_word", kind or "none", lang),
                 unit=unit, against=against)


# --- the indicator's own numbers -------------------------------------------------------------


def definition_problems(ind: Indicator, lang: str = "en") -> dict[str, str]:
    """Problems with the baseline and target themselves, by ``baseline``/``target``/``side``.

    A rate's baseline or target that is not a percentage makes every comparison with it
    meaningless (a rate is not a count); a target on the wrong side of the baseline makes "the
    share of the way" meaningless."""
    kind, _ = kind_of(ind)
    problems: dict[str, str] = {}
    for what, value in (("baseline", ind.baseline), ("target", ind.target)):
        if value is None:
            continue
        if kind == "rate" and not 0 <= value <= 100:
            problems[what] = _text("not_percent", lang, what=_what(what, lang),
                                   value=number(value, lang))
        elif kind == "rate" and 0 < value < 1:  # 0.35 meant as 35%: a rate below 1% is rare
            problems[what] = _text("fraction", lang, what=_what(what, lang),
                                   value=number(value, lang),
                                   percent=number(value * 100, lang))
        elif kind == "count" and value < 0:
            problems[what] = _text("negative", lang, what=_what(what, lang),
                                   value=number(value, lang))
    if ind.baseline is not None and ind.target is not None and not problems:
        wrong = (ind.target > ind.baseline) if ind.direction == "decrease" else (
            ind.target < ind.baseline)
        if wrong:
            problems["side"] = _text(
                "wrong_side", lang, target=shown(ind.target, kind, lang),
                side=_word("side", "above" if ind.target > ind.baseline else "below", lang),
                baseline=shown(ind.baseline, kind, lang),
                direction=_word("side", ind.direction, lang))
    return problems


# --- a measurement against baseline and target -----------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One reading against the baseline and the target, as far as they can be compared."""

    reading: Reading
    kind: str | None
    direction: str
    baseline: float | None = None
    """The baseline as compared (pro rata for a count over a period of another length)."""
    target: float | None = None
    baseline_factor: float | None = None
    target_factor: float | None = None
    change: float | None = None
    change_relative: float | None = None
    """The change as a share of the baseline (not for rates: those change in points)."""
    progress: float | None = None
    """The share of the way from the baseline to the target (1 = reached)."""
    status: str | None = None
    """``better``, ``worse`` or ``unchanged`` than the baseline, given the direction."""
    target_met: bool | None = None
    gap: float | None = None
    """What is still to go to the target, in the good direction (0 or less: reached)."""
    notes: list[str] = field(default_factory=list)
    problem: str | None = None

    @property
    def period(self) -> str:
        return self.reading.period

    @property
    def value(self) -> float | None:
        return self.reading.value

    @property
    def good_direction(self) -> bool | None:
        return None if self.status in (None, "unchanged") else self.status == "better"

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "value": self.value,
            "baseline": self.baseline,
            "baseline_factor": self.baseline_factor,
            "target": self.target,
            "target_factor": self.target_factor,
            "change": self.change,
            "change_relative": self.change_relative,
            "progress": self.progress,
            "status": self.status,
            "good_direction": self.good_direction,
            "target_met": self.target_met,
            "gap": self.gap,
            "notes": list(self.notes),
            "problem": self.problem,
        }


def _against(kind: str | None, what: str, ref: float, ref_text: str | None, period: Period,
             lang: str) -> tuple[float | None, float | None, str | None, str | None]:
    """(the reference as compared, the pro rata factor, a note, a refusal) for a baseline or
    target ``ref`` of period ``ref_text`` against a reading over ``period``."""
    ref_period = _period(ref_text)
    if ref_period is None:
        if kind in ("value", "rate"):
            return ref, None, None, None
        return ref, None, _text("period_unknown", lang, what=_what(what, lang), period=period), None
    if months(ref_period) == months(period) or kind in ("value", "rate"):
        return ref, None, None, None
    params = {"period": period.text, "plen": _length(period, lang), "what": _what(what, lang),
              "ref_period": ref_period.text, "rlen": _length(ref_period, lang)}
    if kind is None:
        return None, None, None, _text("not_compared", lang, **params)
    factor = months(period) / months(ref_period)
    scaled = ref * factor
    note = _text("pro_rata", lang, ref=number(ref, lang), scaled=number(scaled, lang), **params)
    return scaled, factor, note, None


def _pro_rata_params(ind: Indicator, period: Period, baseline: float | None,
                     target: float | None, lang: str) -> dict[str, Any]:
    ref_period = parse_period(str(ind.baseline_period))
    return {"period": period.text, "plen": _length(period, lang), "ref_period": ref_period.text,
            "rlen": _length(ref_period, lang), "ref": number(ind.baseline, lang),
            "tref": number(ind.target, lang), "scaled": number(baseline, lang),
            "tscaled": number(target, lang)}


def compare(ind: Indicator, reading: Reading, lang: str = "en",
            problems: dict[str, str] | None = None) -> Comparison:
    """``reading`` against ``ind``'s baseline and target."""
    kind, _ = kind_of(ind)
    problems = definition_problems(ind, lang) if problems is None else problems
    base: dict[str, Any] = {"reading": reading, "kind": kind, "direction": ind.direction}
    if reading.value is None:
        return Comparison(problem=reading.problem, **base)
    period = parse_period(reading.period)
    value = reading.value
    notes: list[str] = []
    baseline = target = b_factor = t_factor = None
    if "baseline" in problems:
        return Comparison(problem=_text("baseline_blocked", lang, reason=problems["baseline"]),
                          **base)
    if ind.baseline is not None:
        baseline, b_factor, note, refusal = _against(kind, "baseline", ind.baseline,
                                                     ind.baseline_period, period, lang)
        if refusal:
            return Comparison(problem=refusal, **base)
        if note:
            notes.append(note)
        ref_period = _period(ind.baseline_period)
        if ref_period is not None and order_key(period) < order_key(ref_period):
            notes.append(_text("before_baseline", lang, period=period.text,
                               ref_period=ref_period.text))
    if ind.target is not None and "target" not in problems:
        target_period = ind.target_period or ind.baseline_period
        target, t_factor, note, refusal = _against(kind, "target", ind.target, target_period,
                                                   period, lang)
        if refusal:
            notes.append(refusal)
        elif note and b_factor is not None and t_factor == b_factor and notes:
            notes[0] = _text("pro_rata_both", lang, **_pro_rata_params(
                ind, period, baseline, target, lang))
        elif note and ind.target_period:
            notes.append(note)
    elif "target" in problems:
        notes.append(problems["target"])
    change = change_relative = progress = status = None
    if baseline is not None:
        change = value - baseline
        if kind != "rate" and baseline != 0:
            change_relative = change / baseline
        good = change < 0 if ind.direction == "decrease" else change > 0
        status = "unchanged" if abs(change) < 1e-12 else "better" if good else "worse"
        if target is not None and "side" not in problems and abs(target - baseline) > 1e-12:
            progress = change / (target - baseline)
    if "side" in problems:
        notes.append(problems["side"])
    met = gap = None
    if target is not None:
        gap = value - target if ind.direction == "decrease" else target - value
        met = gap <= 0
    return Comparison(baseline=baseline, target=target, baseline_factor=b_factor,
                      target_factor=t_factor, change=change, change_relative=change_relative,
                      progress=progress, status=status, target_met=met, gap=gap, notes=notes,
                      **base)


# --- the whole indicator ---------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    """An indicator's measurements in period order, each against baseline and target."""

    indicator: Indicator
    kind: str | None
    kind_inferred: bool
    comparisons: list[Comparison]
    problems: dict[str, str]
    lang: str

    @property
    def latest(self) -> Comparison | None:
        """The measurement of the latest period (whether or not it could be compared)."""
        return self.comparisons[-1] if self.comparisons else None

    @property
    def reference_months(self) -> int | None:
        """The period length the chart shows counts in: the baseline's, else the target's,
        else the most common among the measurements."""
        for text in (self.indicator.baseline_period, self.indicator.target_period):
            p = _period(text)
            if p is not None:
                return months(p)
        lengths = [months(parse_period(c.period)) for c in self.comparisons]
        return max(set(lengths), key=lengths.count) if lengths else None

    def chart_points(self) -> list[dict[str, Any]]:
        """The points a chart may draw against one baseline line: every comparable value, a
        count over a period of another length scaled pro rata (and marked so)."""
        points = []
        ref = self.reference_months
        for c in self.comparisons:
            if c.value is None or c.problem:
                continue
            length = months(parse_period(c.period))
            scaled = c.value
            pro_rata = False
            if ref is not None and length != ref:
                if self.kind == "count":
                    scaled = c.value * ref / length
                    pro_rata = True
                elif self.kind is None:
                    continue
            points.append({"period": c.period, "value": scaled, "measured": c.value,
                           "pro_rata": pro_rata})
        return points

    def chart_target(self) -> float | None:
        """The target as the chart draws it (in the reference period length)."""
        ind = self.indicator
        if ind.target is None or "target" in self.problems:
            return None
        ref = self.reference_months
        p = _period(ind.target_period)
        if self.kind == "count" and ref is not None and p is not None and months(p) != ref:
            return ind.target * ref / months(p)
        if self.kind is None and ref is not None and p is not None and months(p) != ref:
            return None
        return ind.target

    def to_json(self) -> dict[str, Any]:
        ind = self.indicator
        latest = self.latest
        return {
            "id": ind.id,
            "name": ind.name,
            "unit": ind.unit,
            "kind": self.kind,
            "kind_inferred": self.kind_inferred,
            "direction": ind.direction,
            "baseline": ind.baseline,
            "baseline_period": ind.baseline_period,
            "target": ind.target,
            "target_period": ind.target_period,
            "frequency": ind.frequency,
            "source": ind.source,
            "description": ind.description,
            "problems": dict(self.problems),
            "latest": None if latest is None else latest.to_json(),
            "measurements": [
                {**c.reading.to_json(), "comparison": c.to_json()} for c in self.comparisons
            ],
        }


def trend(ind: Indicator, lang: str = "en") -> Trend:
    """``ind``'s measurements in period order, each read and compared."""
    kind, inferred = kind_of(ind)
    problems = definition_problems(ind, lang)
    ordered = sorted(ind.measurements, key=lambda m: order_key(parse_period(str(m.period))))
    comparisons = [compare(ind, read(ind, m, lang), lang, problems) for m in ordered]
    return Trend(ind, kind, inferred, comparisons, problems, lang)


def change_text(c: Comparison, lang: str) -> str:
    """The change from the baseline: ``−21 (−16,8%)`` for a count, ``+12,5 pp`` for a rate."""
    text = signed(c.change, c.kind, lang)
    if c.change is not None and c.change_relative is not None:
        relative = signed(c.change_relative * 100, "rate", lang).removesuffix(" pp")
        text += f" ({relative}%)"
    return text


def summary(c: Comparison, lang: str) -> str:
    """One line for a measurement: ``better · −19 (−7.6%) · 38% of the way to the target``."""
    if c.problem:
        return c.problem
    parts = []
    if c.status:
        parts.append(label(c.status, lang))
    if c.change is not None:
        parts.append(change_text(c, lang))
    if c.progress is not None:
        way = _text_of("indicator.of_the_way", lang)
        parts.append(f"{number(c.progress * 100, lang, 0)}% {way}")
    if c.target_met:
        parts.append(_text_of("indicator.target_met", lang))
    elif c.progress is None and c.gap is not None:
        gap = number(c.gap, lang, 1) + " pp" if c.kind == "rate" else number(c.gap, lang)
        parts.append(_text_of("indicator.to_go_target", lang, gap=gap))
    return " · ".join(parts)
