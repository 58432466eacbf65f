"""English texts any command can show: the prefixes of messages and errors."""

WORDS: dict[str, str] = {
    "common.error": "error:",
    "common.warning": "warning:",
    "common.hint": "hint:",
    "common.internal_error": "unexpected internal error ({kind}); nothing was written",
    "common.internal_hint": "run again with --debug and report the traceback",
    "common.bad_source_date": "SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970 that a date can have; ignored",
    "common.and": "and",
    "common.interrupted": "interrupted",
}
