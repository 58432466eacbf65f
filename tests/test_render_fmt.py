"""Dates and numbers written the way Dutch and English readers write them."""

from __future__ import annotations

import datetime as dt

import pytest

from sprintkit.render import fmt


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (dt.date(2026, 5, 1), "nl", "1 mei 2026"),
        (dt.date(2026, 5, 1), "en", "1 May 2026"),
        (dt.datetime(2026, 3, 9, 14, 30), "nl", "9 maart 2026"),
        ("2026-12-31", "en", "31 December 2026"),
        ("not a date", "nl", "not a date"),
        (None, "nl", ""),
    ],
)
def test_dates(value, lang, expected):
    assert fmt.format_date(value, lang) == expected


def test_weekday():
    assert fmt.format_date(dt.date(2026, 5, 1), "nl", weekday=True) == "vrijdag 1 mei 2026"


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        ("2026-05-01", "2026-05-15", "nl", "1–15 mei 2026"),
        ("2026-04-28", "2026-05-03", "nl", "28 april – 3 mei 2026"),
        ("2025-12-29", "2026-01-09", "en", "29 December 2025 – 9 January 2026"),
        ("2026-05-01", None, "en", "1 May 2026"),
        (None, None, "nl", ""),
    ],
)
def test_date_ranges(start, end, lang, expected):
    assert fmt.format_date_range(start, end, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "digits", "expected"),
    [
        (0.468, "nl", None, "0,468"),
        (0.468, "en", None, "0.468"),
        (12345.6, "nl", None, "12.345,6"),
        (12345.6, "en", None, "12,345.6"),
        (1234567, "nl", None, "1.234.567"),
        (2.5, "nl", 2, "2,50"),
        (-0.0001, "nl", None, "0"),
        (float("nan"), "nl", None, "–"),
        ("abc", "nl", None, "abc"),
    ],
)
def test_numbers(value, lang, digits, expected):
    assert fmt.format_number(value, lang, digits) == expected


def test_percentages_and_intervals():
    assert fmt.format_percent(0.7, "nl") == "70%"
    assert fmt.format_percent(0.4683, "nl", 1) == "46,8%"
    assert fmt.format_percent(0.4683, "en", 1) == "46.8%"
    assert fmt.format_interval(0.468, 0.911, "nl") == "0,468–0,911"
    assert fmt.format_interval(0.468, 0.911, "en", percent=True) == "47%–91%"
    assert fmt.format_interval(None, 0.9, "en") == ""


def test_targets_in_words():
    assert fmt.format_target(">=", 0.7, True, "nl") == "minstens 70%"
    assert fmt.format_target("<=", 14, False, "en") == "at most 14"
    assert fmt.format_target(">", 0.125, True, "nl") == "meer dan 12,5%"
    assert fmt.format_target("<", 3.5, False, "nl") == "minder dan 3,5"


def test_join_words():
    assert fmt.join_words(["a", "b", "c"], "nl") == "a, b en c"
    assert fmt.join_words(["a", "b"], "en") == "a and b"
    assert fmt.join_words([], "en") == ""
