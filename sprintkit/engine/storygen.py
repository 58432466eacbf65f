"""Fictional stories for tests, demos and benchmarks — deterministic for a given seed.

The stories follow a method's perspectives and signifiers, spread over half-years, and the
answers drift between periods (so there are shifts to find). No real person is described; the
texts are assembled from neutral fragments."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

_FRAGMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "nl": (
        (
            "Toen we voor het eerst contact hadden met het team",
            "Na het gesprek op school",
            "In de weken dat we op de wachtlijst stonden",
            "Bij de overdracht naar het sociaal team",
            "Tijdens het huisbezoek",
            "Na de escalatie in het voorjaar",
            "Toen de hulp eindelijk begon",
        ),
        (
            "voelde ik me gehoord, omdat de gezinsmanager echt de tijd nam",
            "wist niemand precies wie wat deed, en moesten we ons verhaal opnieuw vertellen",
            "duurde het lang voordat er iets gebeurde, terwijl de zorgen groter werden",
            "werd er samen met ons een plan gemaakt dat paste bij ons gezin",
            "liep de samenwerking tussen de organisaties soepel en snel",
            "merkten we dat de afspraken niet werden nagekomen",
        ),
        (
            "Dat heeft veel verschil gemaakt.",
            "Ik hoop dat dit beter wordt voor andere gezinnen.",
            "Achteraf ben ik er dankbaar voor.",
            "Het kostte veel energie.",
            "We weten nu beter waar we terecht kunnen.",
        ),
    ),
    "en": (
        (
            "When we first had contact with the team",
            "After the conversation at school",
            "In the weeks we were on the waiting list",
            "At the handover to the social team",
            "During the home visit",
            "After the escalation in the spring",
            "When the help finally started",
        ),
        (
            "I felt heard, because the family manager really took the time",
            "nobody knew exactly who did what, and we had to tell our story again",
            "it took a long time before anything happened, while our worries grew",
            "a plan that suited our family was made together with us",
            "the cooperation between the organisations went smoothly and quickly",
            "we noticed that agreements were not kept",
        ),
        (
            "That made a big difference.",
            "I hope this gets better for other families.",
            "Looking back, I am grateful for it.",
            "It took a lot of energy.",
            "We now know better where we can turn.",
        ),
    ),
}
"""The fragments of the stories' texts per language: the same number in each, so that a seed
gives the same stories (dates, perspectives, answers) in either language."""

_CONSENT = {"nl": ("ja", "nee"), "en": ("yes", "no")}
"""The consent_quote answers per language (the import reads both)."""


def _weights(n: int, drift: float, index: int) -> list[float]:
    """Answer weights for period ``index``: the first answers gain weight over time."""
    base = [1.0 + (n - i) * 0.3 for i in range(n)]
    return [w * (1 + drift * index * (1 if i == 0 else -0.15)) for i, w in enumerate(base)]


def fictional_rows(method: Any, n: int, *, seed: int = 2026, start_year: int = 2025,
                   periods: int = 4, drift: float = 0.35, consent_share: float = 0.4,
                   lang: str = "nl") -> Iterator[dict[str, str]]:
    """``n`` story rows as CSV cells (date, perspective, text, one per signifier,
    consent_quote), spread evenly over ``periods`` half-years from ``start_year``; the texts
    and the consent answers in ``lang`` (``nl`` or ``en``; anything else reads as Dutch), the
    answers to the signifiers as the method's ids."""
    rng = random.Random(seed)
    openings, middles, endings = _FRAGMENTS.get(lang, _FRAGMENTS["nl"])
    yes, no = _CONSENT.get(lang, _CONSENT["nl"])
    perspectives = [p.id for p in method.perspectives]
    for i in range(n):
        period_index = i * periods // max(n, 1)
        half_start = date(start_year + period_index // 2, 1 if period_index % 2 == 0 else 7, 1)
        day = half_start + timedelta(days=rng.randrange(0, 180))
        row = {
            "date": day.isoformat(),
            "perspective": rng.choice(perspectives),
            "text": " ".join([rng.choice(openings), rng.choice(middles) + ".",
                              rng.choice(endings)]),
        }
        for sig in method.signifiers:
            if rng.random() < 0.05:  # some questions stay unanswered
                row[sig.id] = ""
                continue
            if sig.type == "choice":
                ids = [c.id for c in sig.choices]
                row[sig.id] = rng.choices(ids, _weights(len(ids), drift, period_index))[0]
            elif sig.type == "multichoice":
                ids = [c.id for c in sig.choices]
                k = rng.choice((1, 1, 2, 2, 3))
                picked = set(rng.choices(ids, _weights(len(ids), drift, period_index), k=k))
                row[sig.id] = "|".join(c for c in ids if c in picked)
            elif sig.type == "scale":
                lo, hi = sig.scale.min, sig.scale.max
                centre = lo + (hi - lo) * (0.45 + 0.05 * period_index)
                value = round(min(hi, max(lo, rng.gauss(centre, (hi - lo) / 4))))
                row[sig.id] = str(value)
            else:
                raw = [rng.random() ** 2 + (0.3 * period_index if k == 0 else 0)
                       for k in range(3)]
                total = sum(raw)
                a, b = round(100 * raw[0] / total), round(100 * raw[1] / total)
                row[sig.id] = f"{a}/{b}/{100 - a - b}"
        row["consent_quote"] = yes if rng.random() < consent_share else no
        yield row


def fictional_columns(method: Any) -> list[str]:
    """The columns of :func:`fictional_rows`: the story import's columns."""
    return ["date", "perspective", "text", *(s.id for s in method.signifiers), "consent_quote"]


def fictional_csv(method: Any, n: int, *, seed: int = 2026, delimiter: str = ",",
                  **kwargs: Any) -> str:
    """The rows of :func:`fictional_rows` as CSV text with a header (for tests; the command
    writes them through :mod:`sprintkit.files.csvwrite`, like every CSV it writes)."""
    columns = fictional_columns(method)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter,
                            lineterminator="\n")
    writer.writeheader()
    for row in fictional_rows(method, n, seed=seed, **kwargs):
        writer.writerow(row)
    return buffer.getvalue()
