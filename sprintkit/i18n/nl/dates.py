"""Nederlandse teksten bij het lezen van datums."""

WORDS: dict[str, str] = {
    "dates.not_a_date": "dat is geen datum; schrijf dag-maand-jaar of jaar-maand-dag, bijvoorbeeld 2-3-2026 of 2026-03-02",
    "dates.impossible": "die datum bestaat niet ({reason}); schrijf bijvoorbeeld 2-3-2026 of 2026-03-02",
    "dates.no_month": "er is geen maand {month}",
    "dates.no_day": "{month} {year} heeft geen dag {day}",
    "dates.not_a_period": "{value} is geen periode; gebruik 2026, 2026-H1, 2026-Q3 (of 2026-K3) of 2026-05",
    "dates.not_a_clock_time": "{value} is geen kloktijd; schrijf bijvoorbeeld 09:00 of 13:30",
}
