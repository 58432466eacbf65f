"""Which shifts matter: statistically clear, and at least the smallest difference that matters.

With many stories almost every difference is statistically clear, also one of half a
percentage point. So each answer's shift gets a class:

* ``clear_large`` — flagged (the test and the interval agree, see
  :mod:`sprintkit.engine.storyshifts`) and the difference is at least ``min_shift`` percentage
  points (``stories.min_shift`` in sprint.yaml, default 5);
* ``clear_small`` — flagged, but the difference is smaller than ``min_shift``: statistically
  clear, too small to matter by the sprint's own standard;
* ``not_clear`` — not flagged;
* ``None`` — nothing to judge (too few stories, or a hidden count).

A scale's mean uses the same threshold as a share of the scale's range (5 on a scale of 1 to
7: 0.3 points). The class is read from the estimate, not from the interval's bounds.

Each classified answer also gets ``difference_shown`` and ``interval_shown``: the strings every
output shows, rounded outward (:mod:`sprintkit.engine.outward`), with a decimal more where the
rounded difference would otherwise sit on the wrong side of the threshold (``+4,9`` for a small
shift, never ``+5``)."""

from __future__ import annotations

from typing import Any

from sprintkit.engine import outward
from sprintkit.i18n import t

CLASSES: tuple[str, ...] = ("clear_large", "clear_small", "not_clear")
DEFAULT_MIN_SHIFT = 5.0


def shift_class(flagged: bool, difference: float | None, threshold: float) -> str | None:
    """``clear_large``, ``clear_small`` or ``not_clear`` (``None`` without a difference).

    ``difference`` and ``threshold`` in the same unit; a difference equal to the threshold is
    large."""
    if difference is None:
        return None
    if not flagged:
        return "not_clear"
    return "clear_large" if abs(difference) >= threshold - 1e-12 else "clear_small"


def _decimals(value: float, cls: str | None, threshold: float, decimals: int) -> int:
    """The decimals that show ``value`` on the side of ``threshold`` its class says: a small
    shift of 4.9 pp against a threshold of 5 reads ``+4,9``, not ``+5`` beside "klein"."""
    if cls not in ("clear_large", "clear_small"):
        return decimals
    for more in range(decimals, decimals + 4):
        shown = abs(float(outward.estimate(value, more, clear=True)))
        if (shown >= threshold - 1e-12) == (cls == "clear_large"):
            return more
    return decimals


def _shown(d: float, interval: list[float], lang: str, scale: float, decimals: int,
           cls: str | None, threshold: float) -> tuple[str, str]:
    """The difference and its interval as :func:`outward.shown` gives them; the difference
    with more decimals where its class needs them (the interval keeps its own)."""
    difference, shown_interval = outward.shown(d, interval[0], interval[1], lang, scale=scale,
                                               decimals=decimals)
    more = _decimals(d * scale, cls, threshold, decimals)
    if more > decimals:
        difference = outward.text(outward.estimate(d * scale, more, clear=True), lang)
    return difference, shown_interval


def classify_answer(answer: dict[str, Any], lang: str, min_shift: float) -> None:
    """Add ``shift_class``, ``difference_shown`` and ``interval_shown`` (percentage points) to
    one answer of a shifts result."""
    d, interval = answer.get("difference"), answer.get("interval")
    answer["shift_class"] = shift_class(bool(answer.get("shift")),
                                        None if d is None else d * 100, min_shift)
    if d is None or interval is None:
        answer["difference_shown"] = answer["interval_shown"] = None
        return
    answer["difference_shown"], answer["interval_shown"] = _shown(
        d, interval, lang, 100, 0, answer["shift_class"], min_shift)


def classify_mean(mean: dict[str, Any], lang: str, min_shift: float) -> None:
    """The same for a scale's mean: threshold ``min_shift`` % of the scale's range, shown with
    two decimals (more where a clear interval needs them)."""
    scale_range = mean.get("scale_range") or 0
    mean["min_shift"] = min_shift / 100 * scale_range
    d, interval = mean.get("difference"), mean.get("interval")
    mean["shift_class"] = shift_class(bool(mean.get("shift")), d, mean["min_shift"])
    if d is None or interval is None:
        mean["difference_shown"] = mean["interval_shown"] = None
        return
    mean["difference_shown"], mean["interval_shown"] = _shown(
        d, interval, lang, 1, 2, mean["shift_class"], mean["min_shift"])


def class_labels(lang: str) -> dict[str, str]:
    """The classes in words, for every output that names them."""
    return {c: t(f"storystats.class.{c}", lang) for c in CLASSES}


def _plain(x: float, lang: str) -> str:
    from sprintkit.i18n.numbers import localise

    return localise(f"{x:g}", lang)


def level(confidence: float, lang: str) -> str:
    """``95`` for 0.95 (``99,5`` in Dutch for 0.995)."""
    return _plain(round(confidence * 100, 6), lang)


def method_note(lang: str, *, alpha: float, confidence: float, min_shift: float) -> str:
    """How a shift is flagged and classed, in one paragraph."""
    return t("storystats.method_note", lang, alpha=_plain(alpha, lang),
             level=level(confidence, lang), min_shift=_plain(min_shift, lang))


def interval_heading(confidence: float, lang: str) -> str:
    """``95%-interval`` / ``95% interval`` at the result's level."""
    return t("storystats.interval", lang, level=level(confidence, lang))


def mark(direction: str | None, shift_class: str | None, lang: str) -> str:
    """``▲ omhoog`` for a clear shift that matters, ``△ omhoog, klein`` for a small one."""
    if not direction:
        return ""
    word = t(f"storystats.{direction}", lang)
    if shift_class == "clear_small":
        return ("△ " if direction == "up" else "▽ ") + t("storystats.small_mark", lang,
                                                           direction=word)
    return ("▲ " if direction == "up" else "▼ ") + word


def marks(lang: str) -> dict[str, str]:
    """Every mark :func:`mark` gives, by direction (``up``, ``down``) and ``_small`` for a
    clear but small shift: what the dashboard shows, the same as the terminal."""
    return {direction + suffix: mark(direction, cls, lang)
            for direction in ("up", "down")
            for suffix, cls in (("", "clear_large"), ("_small", "clear_small"))}


def small_note(lang: str, min_shift: float) -> str:
    """What ``klein`` means, under a table that shows a small clear shift."""
    return t("storystats.small_note", lang, min_shift=_plain(min_shift, lang))
