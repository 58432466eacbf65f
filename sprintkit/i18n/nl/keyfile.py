"""Nederlandse teksten: keyfile."""

WORDS: dict[str, str] = {
    "keyfile.cannot_create": "kan het sleutelbestand {path} niet maken: {reason}",
    "keyfile.cannot_create_hint": "zet key_file in sprint.yaml op een plek waar je mag schrijven",
    "keyfile.no_such": "{path}: sleutelbestand niet gevonden",
    "keyfile.no_such_hint": "maak het met `sprintkit key-file --create`",
    "keyfile.cannot_read": "kan het sleutelbestand {path} niet lezen: {reason}",
    "keyfile.short_secret": "het geheim is te kort",
    "keyfile.short_secret_hint": "haal de regel weg; een nieuw sleutelbestand krijgt een vers geheim",
    "keyfile.no_name": "een regel met een code maar zonder naam",
    "keyfile.no_code": "niets na '='",
    "keyfile.no_code_hint": "schrijf een code na '=' of haal het weg",
    "keyfile.no_secret": "het sleutelbestand {path} heeft geen regel 'secret:'; codes worden zonder geheim afgeleid en zijn te raden",
    "keyfile.readable": "het sleutelbestand {path} is door anderen te lezen (modus {mode}); voer uit: chmod 600 {path}",
    "keyfile.inside_sprint": "het sleutelbestand staat in de sprintmap; het kan met de sprintbestanden meereizen (git, kopieën). Verplaats het en zet key_file in sprint.yaml op de nieuwe plek",
    "keyfile.created": "aangemaakt (rechten 0600); zet er één persoon per regel in",
    "keyfile.none_yet": "nog geen sleutelbestand: namen worden niet gepseudonimiseerd (andere identificerende gegevens wel); maak het met `sprintkit key-file --create`",
    "keyfile.people": "{count} personen in de lijst",
}
