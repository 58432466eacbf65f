"""English texts: keyfile."""

WORDS: dict[str, str] = {
    "keyfile.cannot_create": "cannot create the key file {path}: {reason}",
    "keyfile.cannot_create_hint": "set key_file in sprint.yaml to a place you can write",
    "keyfile.no_such": "{path}: no such key file",
    "keyfile.no_such_hint": "create it with `sprintkit key-file --create`",
    "keyfile.cannot_read": "cannot read the key file {path}: {reason}",
    "keyfile.short_secret": "the secret is too short",
    "keyfile.short_secret_hint": "remove the line; a new key file gets a fresh secret",
    "keyfile.no_name": "a line with a code but no name",
    "keyfile.no_code": "nothing after '='",
    "keyfile.no_code_hint": "write a code after '=' or remove it",
    "keyfile.no_secret": "the key file {path} has no 'secret:' line; codes are derived without a secret and could be guessed",
    "keyfile.readable": "the key file {path} can be read by others (mode {mode}); run: chmod 600 {path}",
    "keyfile.inside_sprint": "the key file is inside the sprint folder; it may travel with the sprint files (git, copies). Move it and set key_file in sprint.yaml to its new place",
    "keyfile.created": "created it (permissions 0600); add one person per line",
    "keyfile.none_yet": "no key file yet: names are not pseudonymised (identifiers are); create it with `sprintkit key-file --create`",
    "keyfile.people": "{count} people listed",
}
