"""The words the stories features show to people (glossary terms), by their short name; the
texts are in the catalogue (``stories.word.*``, :mod:`sprintkit.i18n`)."""

from __future__ import annotations

import re

NAMES: tuple[str, ...] = (
    "stories",
    "story",
    "all",
    "all_periods",
    "all_perspectives",
    "period",
    "perspective",
    "signifier",
    "answer",
    "count",
    "share",
    "n",
    "mean",
    "composition",
    "mixed",
    "none",
    "shift",
    "shifts",
    "up",
    "down",
    "no_shift",
    "small_sample",
    "too_few",
    "test_unreliable",
    "suppressed",
    "indicators",
    "hard_data",
    "story_counts",
    "quotes",
    "distributions",
    "title",
    "generated",
    "filter_period",
    "filter_perspective",
    "from",
    "to",
    "difference",
    "interval",
    "test",
    "p_adjusted",
    "test_chi-square",
    "test_fisher",
    "test_mann-whitney",
    "test_per-option (Holm)",
    "privacy_note",
    "method_note",
    "no_stories",
    "no_indicators",
    "no_quotes",
    "unit",
    "baseline",
    "target",
)


def key(name: str) -> str:
    """The catalogue key of a word's short name (``test_per-option (Holm)`` included)."""
    return "stories.word." + re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")


def words(lang: str) -> dict[str, str]:
    """Every word in ``lang`` (``nl`` or ``en``; anything else reads as Dutch)."""
    from sprintkit.i18n import t

    lang = lang if lang in ("nl", "en") else "nl"
    return {name: t(key(name), lang) for name in NAMES}
