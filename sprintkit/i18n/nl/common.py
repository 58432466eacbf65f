"""Nederlandse teksten die elke opdracht kan tonen: de voorvoegsels van meldingen en fouten."""

WORDS: dict[str, str] = {
    "common.error": "fout:",
    "common.warning": "let op:",
    "common.hint": "tip:",
    "common.internal_error": "onverwachte interne fout ({kind}); er is niets geschreven",
    "common.internal_hint": "voer de opdracht opnieuw uit met --debug en meld de traceback",
    "common.bad_source_date": "SOURCE_DATE_EPOCH={value} is geen aantal seconden sinds 1970 dat een datum kan zijn; genegeerd",
    "common.and": "en",
    "common.not_finite": "{option} moet een eindig getal zijn",
    "common.not_a_number": "{option}: {value} is geen getal; schrijf bijvoorbeeld 250, 32,5, 32.5 of 26% (zonder scheidingsteken voor duizendtallen)",
    "common.interrupted": "onderbroken",
}
