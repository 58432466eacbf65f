"""No English in a Dutch sprint, no Dutch in an English one.

Every command of the README's short tour, and one command of every group a facilitator uses in a
session, runs on a Dutch sprint and on an English sprint; what it prints (stdout and stderr) may
hold no tell-tale word of the other language, and no internal id where a label exists. User
content is in the sprint's own language, so any word of the other language came from sprintkit.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from readme_support import blocks, console_steps, section

# Words that give the other language away. Short, unambiguous words only: each must be a whole
# word that never appears in the other language's texts (nor in the tour's own content).
ENGLISH = (
    "added", "created", "recorded", "wrote", "written", "valid", "error", "warning", "hint",
    "next step", "evidence", "verdict", "inconclusive", "supported", "refuted", "phase",
    "phases", "missing", "changed", "removed", "computed", "now", "done", "todo", "doing",
    "the", "and", "with", "for", "to go", "hypothesis", "learning card", "decision",
    "action", "owner", "due", "nothing", "needs", "target", "baseline", "left",
    "behaviour", "survey", "desirability", "feasibility", "source", "quote", "escalated",
    "any", "builtin", "built-in", "user",
)
DUTCH = (
    "toegevoegd", "aangemaakt", "vastgelegd", "geschreven", "geldig", "fout", "let op", "tip",
    "volgende stap", "bewijs", "oordeel", "onbeslist", "ondersteund", "weerlegd", "fase",
    "fasen", "ontbreekt", "gewijzigd", "verwijderd", "berekend", "nu", "klaar", "te doen",
    "bezig", "de", "het", "een", "en", "van", "met", "voor", "hypothese", "leerkaart",
    "besluit", "actie", "eigenaar", "wanneer", "nog", "niets", "streefwaarde", "nulmeting",
    "gedrag", "vragenlijst", "wenselijkheid", "haalbaarheid", "bron", "citaat", "geëscaleerd",
    "elke grootte", "ingebouwd", "gebruiker", "sprintmap",
)
INTERNAL_IDS = (
    "insufficient_data", "sample_plan", "experiment_goal", "in_progress", "decision_note",
    "main_conclusions", "agreed_actions", "support_notes",
)
"""Ids of values and outputs that have a label a person should read instead."""

# The English counterparts of the tour's Dutch content, so the English sprint holds English only.
TO_ENGLISH = {
    "Nieuw gespreksformat": "New conversation format",
    "Jeugdbescherming Kust": "Youth Protection Coast",
    "Gezinsmanagers geven de voorkeur aan het nieuwe gespreksformat":
        "Family managers prefer the new conversation format",
    "gezinsmanagers die het nieuwe format kiezen": "family managers who choose the new format",
    "proef team Noord": "trial team North",
}

# One command of every group used during a session, after the tour (run in the sprint folder).
SESSION = (
    "status", "verdict", "hypothesis list", "hypothesis show H1",
    "evidence add H1 --successes 3 --trials 4 --type interview",
    "evidence add H1 --successes 5 --trials 6 --type survey --source {source} --note {note}",
    "evidence edit H1 E2 --successes 2 --reason {reason}",
    "evidence edit H1 E3 --source {source2} --reason {reason}",
    "evidence remove H1 E2 --reason {reason}",
    "hypothesis edit H1 --risk feasibility --reason {reason}",
    "hypothesis show H1",
    "verdict H1 --format text",
    "hypothesis add --statement {statement2} --metric {metric2} --target >=50%",
    "hypothesis remove H2",
    "learn add H1 --observed {observed} --learned {learned} --action {action} --decision adopt",
    "decision add {title}",
    "decision list",
    "team add {person} --role facilitator",
    "team list",
    "action add {action} --owner {person} --due 2026-04-01",
    "action edit A1 --status doing",
    "action escalate A1 --to {person} --reason {reason}",
    "action move A1 done",
    "action list",
    "board",
    "indicator add wacht --name {indicator} --kind count --direction decrease "
    "--baseline 40 --baseline-period 2025 --target 30 --target-period 2026",
    "indicator record wacht --period 2026-H1 --value 35",
    "indicator list",
    "note {note}",
    "check",
    "agenda --start 09:00",
    "workforms show art-museum",
    "templates path",
    "hypothesis show H9",
    "evidence add H9 --successes 1 --trials 2",
)
CONTENT = {
    "nl": {"reason": "telfout", "statement2": "Teamleiders lezen het verslag",
           "metric2": "teamleiders die lezen", "observed": "Negen van de twaalf kozen het format",
           "learned": "Het format werkt", "title": "Format invoeren",
           "person": "Anna de Boer", "action": "Format uitrollen",
           "indicator": "Wachttijd", "note": "Goede sfeer", "source": "team Zuid",
           "source2": "team West"},
    "en": {"reason": "miscount", "statement2": "Team leads read the report",
           "metric2": "team leads who read it", "observed": "Nine of twelve chose the format",
           "learned": "The format works", "title": "Introduce the format",
           "person": "Anna Smith", "action": "Roll out the format",
           "indicator": "Waiting time", "note": "Good atmosphere", "source": "team South",
           "source2": "team West"},
}


def _words(lang: str) -> tuple[str, ...]:
    return ENGLISH if lang == "nl" else DUTCH


def _leaks(text: str, lang: str) -> list[str]:
    # command names (`sprintkit hypothesis add`, → sprintkit run --phase frame) are not words
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"sprintkit(?: [a-z][a-z-]*)+", " ", text)
    found = [w for w in _words(lang) if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text,
                                                    re.IGNORECASE)]
    found += [i for i in INTERNAL_IDS if i in text]
    return found


def _tour(lang: str) -> list[list[str]]:
    [block] = blocks(section("A short tour"), "console")
    steps = []
    for command, _ in console_steps(block):
        if lang == "en":
            for nl, en in TO_ENGLISH.items():
                command = command.replace(f'"{nl}"', f'"{en}"')
            if command.startswith("sprintkit new "):
                command = command.replace(" --no-input", " --lang en --no-input")
        steps.append(shlex.split(command))
    return steps


def _session(lang: str) -> list[list[str]]:
    values = {k: shlex.quote(v) for k, v in CONTENT[lang].items()}
    return [["sprintkit", *shlex.split(line.format(**values))] for line in SESSION]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_tour_and_session_command_speaks_the_sprint_language(cli, tmp_path, monkeypatch,
                                                                   lang):
    monkeypatch.chdir(tmp_path)
    # Before the sprint exists the person's preference decides; inside it, the sprint's language
    # wins even over a preference for the other language.
    monkeypatch.setenv("SPRINTKIT_LANG", lang)
    seen: list[tuple[str, list[str]]] = []
    for argv in _tour(lang) + _session(lang):
        if argv[0] == "cd":
            monkeypatch.chdir(Path.cwd() / argv[1])
            monkeypatch.setenv("SPRINTKIT_LANG", "en" if lang == "nl" else "nl")
            continue
        res = cli(*argv[1:])
        assert res.exit_code in (0, 1), (argv, res.output)
        leaks = _leaks(res.stdout + "\n" + res.stderr, lang)
        if leaks:
            seen.append((" ".join(argv), leaks))
    assert seen == [], "\n".join(f"{c}: {w}" for c, w in seen)
