"""Nederlandse teksten: status."""

WORDS: dict[str, str] = {
    "status.phase": "Fase",
    "status.state": "Stand",
    "status.answers": "Antwoorden",
    "status.missing": "ontbreekt",
    "status.next": "Volgende stap",
    "status.finished": "alle fasen zijn klaar",
    "status.captured": "Vastgelegd: {answered} van {asked} antwoorden",
    "status.skipped_n": "{n} overgeslagen",
    "status.live": "Live sessie {date}, {from}–{to}: {participants} deelnemers, {notes} briefjes, {dots} stippen, {scores} scores, {stories} verhalen",
    "status.hyps": "Hypothesen: {n}",
    "status.actions": "Acties: {n} open",
    "status.overdue": "{n} te laat",
    "status.no_actions": "Acties: geen open",
    "status.pending": "{n} antwoord(en) wachten in .sprintkit/pending-answers.yaml; `sprintkit run` verwerkt ze",
    "status.method": "Methode",
    "status.done_of": "{done} van {of} fasen klaar",
    "status.still_open": "Nog open: {outputs} — beantwoorden met `{command}`",
}
