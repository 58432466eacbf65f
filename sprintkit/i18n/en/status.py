"""English texts: status."""

WORDS: dict[str, str] = {
    "status.phase": "Phase",
    "status.state": "State",
    "status.answers": "Answers",
    "status.missing": "missing",
    "status.next": "Next step",
    "status.finished": "all phases are done",
    "status.captured": "Captured: {answered} of {asked} answers",
    "status.skipped_n": "{n} skipped",
    "status.live": "Live session {date}, {from}–{to}: {participants} participants, {notes} notes, {dots} dots, {scores} scores, {stories} stories",
    "status.hyps": "Hypotheses: {n}",
    "status.actions": "Actions: {n} open",
    "status.overdue": "{n} overdue",
    "status.no_actions": "Actions: none open",
    "status.pending": "{n} answer(s) waiting in .sprintkit/pending-answers.yaml; `sprintkit run` applies them",
    "status.method": "Method",
    "status.done_of": "{done} of {of} phases done",
    "status.still_open": "Still open: {outputs} — answer with `{command}`",
}
