"""English texts any command can show: the prefixes of messages and errors."""

WORDS: dict[str, str] = {
    "common.error": "error:",
    "common.warning": "warning:",
    "common.hint": "hint:",
    "common.internal_error": "unexpected internal error ({kind}); nothing was written",
    "common.internal_hint": "run again with --debug and report the traceback",
    "common.bad_source_date": "SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970 that a date can have; ignored",
    "common.and": "and",
    "common.not_finite": "{option} must be a finite number",
    "common.not_a_number": "{option}: {value} is not a number; write e.g. 250, 32.5, 32,5 or 26% (no thousands separators)",
    "common.interrupted": "interrupted",
}
