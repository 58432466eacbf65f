"""English texts of `sprintkit team add|list|edit|remove`."""

WORDS: dict[str, str] = {
    "team.added": "added {name} ({details})",
    "team.edited": "{name} ({details})",
    "team.removed": "removed {name}",
    "team.still_owns": "{name} still owns open actions: {actions}",
    "team.already_in": "{name} is already in the team (as {role})",
    "team.already_in_hint": "remove first with `sprintkit team remove \"{name}\"`, or use another name",
    "team.nothing_to_change": "nothing to change",
    "team.nothing_to_change_hint": "give --name, --role or --organisation",
    "team.not_in_team": "{name} is not in the team",
    "team.the_team": "the team: {known}",
    "team.nobody_yet": "nobody yet",
}
