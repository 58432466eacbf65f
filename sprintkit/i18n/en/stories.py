"""English texts: stories."""

WORDS: dict[str, str] = {
    "stories.none_yet_missing": "no stories yet: {path} does not exist",
    "stories.import_hint": "import stories with `sprintkit stories import FILE.csv`",
    "stories.cannot_open": "cannot open the story database {path}: {error}",
    "stories.not_ours": "{path} is not a story database",
    "stories.not_ours_hint": "set stories.database in sprint.yaml to another file name in the sprint folder",
    "stories.newer": "{path} was made by a newer sprintkit (format {version})",
    "stories.newer_hint": "upgrade sprintkit",
    "stories.none_yet_empty": "no stories yet: {path} is empty",
    "stories.wal": "{path}: cannot switch off the write-ahead log",
    "stories.signifier_changed": "the signifier {id} is now a {kind} question, but the stored stories answered it as {stored}",
    "stories.signifier_changed_hint": "give the changed question a new id in the method",
    "stories.unknown_signifier": "unknown signifier {id}",
    "stories.no_ids": "no story with id {ids}; nothing deleted",
    "stories.no_ids_hint": "`sprintkit stories export` lists the ids",
}
