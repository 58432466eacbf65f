"""Nederlandse teksten bij leerkaarten die opnieuw tegen het oordeel worden gewogen."""

WORDS: dict[str, str] = {
    "rejudge.against": "{hid}: het besluit op leerkaart {cards} gaat nu in tegen het oordeel; geef een reden",
    "rejudge.hint": "sprintkit learn edit {card} --reason TEKST (rapporten tonen het besluit als tegen het oordeel in)",
}
