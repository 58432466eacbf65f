"""Nederlandse teksten: stories."""

WORDS: dict[str, str] = {
    "stories.none_yet_missing": "nog geen verhalen: {path} bestaat niet",
    "stories.import_hint": "lees verhalen in met `sprintkit stories import FILE.csv`",
    "stories.cannot_open": "kan de verhalendatabase {path} niet openen: {error}",
    "stories.not_ours": "{path} is geen verhalendatabase",
    "stories.not_ours_hint": "zet stories.database in sprint.yaml op een andere bestandsnaam in de sprintmap",
    "stories.newer": "{path} is gemaakt door een nieuwere sprintkit (formaat {version})",
    "stories.newer_hint": "werk sprintkit bij",
    "stories.none_yet_empty": "nog geen verhalen: {path} is leeg",
    "stories.wal": "{path}: kan het write-ahead-log niet uitzetten",
    "stories.signifier_changed": "de duidingsvraag {id} is nu een vraag van het soort {kind}, maar de opgeslagen verhalen beantwoordden haar als {stored}",
    "stories.signifier_changed_hint": "geef de gewijzigde vraag een nieuwe id in de methode",
    "stories.unknown_signifier": "onbekende duidingsvraag {id}",
    "stories.no_ids": "geen verhaal met id {ids}; er is niets verwijderd",
    "stories.no_ids_hint": "`sprintkit stories export` toont de ids",
}
