"""English texts for reading dates."""

WORDS: dict[str, str] = {
    "dates.not_a_date": "that is not a date; write day-month-year or year-month-day, e.g. 2-3-2026 or 2026-03-02",
    "dates.impossible": "that date does not exist ({reason}); write e.g. 2-3-2026 or 2026-03-02",
    "dates.no_month": "there is no month {month}",
    "dates.no_day": "{month} {year} has no day {day}",
    "dates.not_a_period": "{value} is not a period; use 2026, 2026-H1, 2026-Q3 or 2026-05",
    "dates.not_a_clock_time": "{value} is not a clock time; write e.g. 09:00 or 13:30",
}
