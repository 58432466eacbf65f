"""Nederlandse teksten van `sprintkit team add|list|edit|remove`."""

WORDS: dict[str, str] = {
    "team.added": "{name} toegevoegd ({details})",
    "team.edited": "{name} ({details})",
    "team.removed": "{name} uit het team gehaald",
    "team.still_owns": "{name} heeft nog open acties: {actions}",
    "team.already_in": "{name} zit al in het team (als {role})",
    "team.already_in_hint": "haal die persoon eerst weg met `sprintkit team remove \"{name}\"`, of gebruik een andere naam",
    "team.nothing_to_change": "er is niets te wijzigen",
    "team.nothing_to_change_hint": "geef --name, --role of --organisation",
    "team.not_in_team": "{name} zit niet in het team",
    "team.the_team": "het team: {known}",
    "team.nobody_yet": "nog niemand",
}
