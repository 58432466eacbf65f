"""No English in a Dutch sprint or programme, no Dutch in an English one: the programme, board,
team, action and report commands speak the language of the work at hand, and show labels
rather than internal ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# words that give a message away as the other language's
TELLS = {
    "nl": [r"\bcreated\b", r"\badded\b", r"\bchanged\b", r"\bremoved\b", r"\bwrote\b",
           r"\berror:", r"\bwarning:", r"\bhint:", r"sprint \d+ of \d+", r"\bescalated\b",
           r"\bnothing changed\b", r"\bnot in the team\b", r"\bNext:", r"\bno such\b",
           r"(?<!-)\bdue\b", r"\boverdue\b", r"\bdays late\b", r"\bphases\b", r"\bGoal\b",
           r"\bTotal\b", r"\bRoles nobody\b", r"\bAction\b", r"\bWho\b", r"\bTo do\b",
           r"\bhypotheses\b", r"\bactions\b", r"\bcannot\b", r"\bthe\b"],
    "en": [r"aangemaakt", r"toegevoegd", r"gewijzigd", r"verwijderd", r"geschreven",
           r"\bfout:", r"\blet op:", r"\btip:", r"sprint \d+ van \d+", r"geëscaleerd",
           r"\bniets\b", r"\bniet\b", r"Volgende stap", r"\bte laat\b", r"\bfasen\b",
           r"\bDoel\b", r"\bTotaal\b", r"\bRollen\b", r"\bActie\b", r"\bWie\b", r"\bTe doen\b",
           r"\bhypothesen\b", r"\bacties\b", r"\bhet\b", r"\been\b", r"\bde\b", r"\bvan\b"],
}
# internal ids that have a label to show instead
IDS = [r"\btodo\b", r"\binsufficient_data\b", r"\bin_progress\b"]


def _text(res: object) -> str:
    return " ".join((res.stdout + res.stderr).split())  # type: ignore[attr-defined]


class Speaker:
    """Runs commands and checks that every word they show is in ``lang``."""

    def __init__(self, cli: object, lang: str, folder: Path) -> None:
        self.cli, self.lang, self.folder = cli, lang, folder
        self.seen: list[str] = []

    def __call__(self, *args: object, code: int = 0) -> str:
        res = self.cli(*args, cwd=self.folder)  # type: ignore[operator]
        assert res.exit_code == code, (args, res.stdout, res.stderr)
        assert "Traceback" not in res.stderr
        text = _text(res)
        for typed in (str(a) for a in args):  # what the facilitator typed is not ours
            text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", " ", text)
        for tell in TELLS[self.lang] + IDS:
            found = re.search(tell, text)
            assert found is None, (self.lang, args, found.group(0), text)
        self.seen.append(text)
        return text


def _sprint(cli: object, folder: Path, lang: str, title: str) -> None:
    res = cli("new", "experiment-sprint", folder, "--title", title, "--lang", lang,  # type: ignore[operator]
              "--start", "2026-03-02", "--no-input")
    assert res.exit_code == 0, res.stderr


WORDS = {
    "nl": {"title": "Regie bij het gezin", "sprint": "Kort format", "action": "Casus bespreken",
           "person": "Anna Smit", "role": "teamcoach", "hyp": "Gezinsmanagers kiezen het format"},
    "en": {"title": "Families in charge", "sprint": "Short format", "action": "Discuss a case",
           "person": "Anna Smith", "role": "team coach", "hyp": "Family managers pick the format"},
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_programme_team_action_board_and_reports_speak_one_language(cli, tmp_path, lang):
    w = WORDS[lang]
    say = Speaker(cli, lang, tmp_path)
    said = say("programme", "new", "traject", "--title", w["title"], "--lang", lang,
               "--no-input")
    assert ("aangemaakt" if lang == "nl" else "created") in said
    _sprint(cli, tmp_path / "traject" / "proef", lang, w["sprint"])
    say.folder = tmp_path / "traject"
    said = say("programme", "add", "proef")
    assert ("sprint 1 van 1" if lang == "nl" else "sprint 1 of 1") in said
    say("programme", "add", "proef", code=1)  # already in the programme
    say("programme", "move", "proef", "--first")
    say("programme", "status")
    say("programme", "lineage")
    say("programme", "lineage", "H9", code=1)

    sprint = ["-s", "proef"]
    cli("hypothesis", "add", *sprint, "--statement", w["hyp"], "--metric", "keuze",
        "--target", ">=70%", cwd=say.folder)  # (hypothesis messages are not this test's)
    cli("evidence", "add", "H1", *sprint, "--successes", "3", "--trials", "4", "--type",
        "interview", "--date", "2026-03-05", cwd=say.folder)

    said = say("team", "add", w["person"], "--role", w["role"], "--org", "Noord", *sprint)
    assert ("toegevoegd" if lang == "nl" else "added") in said
    say("team", "add", w["person"], "--role", w["role"], *sprint, code=1)
    say("team", "list", *sprint)
    say("team", "edit", w["person"], "--organisation", "Zuid", *sprint)
    say("team", "edit", "Niemand", "--organisation", "Zuid", *sprint, code=1)

    said = say("action", "add", w["action"], "--owner", "Piet", "--due", "2020-01-01",
               "--from-hypothesis", "H1", *sprint)  # two warnings: not in the team, past due
    assert ("let op:" if lang == "nl" else "warning:") in said
    say("action", "add", w["action"], "--from-hypothesis", "H9", *sprint, code=1)
    said = say("action", "edit", "A1", "--due", "2020-02-01", "--status", "doing", *sprint)
    assert ("gewijzigd" if lang == "nl" else "changed") in said
    say("action", "edit", "A1", "--due", "2020-02-01", *sprint)  # nothing changed
    say("action", "edit", "A1", *sprint, code=2)  # nothing to change: before the sprint is read
    say("team", "edit", w["person"], *sprint, code=2)
    say("action", "move", "A1", "doing", *sprint)  # already there
    say("action", "escalate", "A1", "--to", "Directie", "--reason", "Budget", *sprint)
    say("action", "move", "A1", "done", *sprint)  # resolves the escalation, no resolution
    say("action", "escalate", "A1", "--to", "Directie", "--reason", "Budget", *sprint, code=1)
    say("action", "add", w["action"], "--due", "2099-01-01", *sprint)
    say("action", "list", *sprint)
    say("action", "list", "--status", "open", *sprint)
    say("board", *sprint, "--as-of", "2026-06-01")
    say("board", "--programme", ".", "--as-of", "2026-06-01")
    say("action", "move", "A9", "done", *sprint, code=1)
    said = say("action", "remove", "A2", *sprint)
    assert ("verwijderd" if lang == "nl" else "removed") in said
    say("team", "remove", w["person"], *sprint)

    said = say("report", *sprint, "-f", "md", "--no-charts")
    assert ("geschreven" if lang == "nl" else "wrote") in said
    say("plan", *sprint, "-f", "md", "--no-charts")
    say("render", "nosuch", *sprint, code=1)
    say("report", *sprint, "--reference-doc", tmp_path / "none.docx", code=1)
    say("check", *sprint, code=1)
    say("programme", "report", "-f", "md", "--no-charts")
    say("programme", "plan", "-f", "md", "--no-charts")
    say("programme", "remove", "proef")


def test_the_language_option_wins_over_the_programme(cli, tmp_path):
    """``--lang en`` on a Dutch programme: the view and its messages are English."""
    assert cli("programme", "new", tmp_path / "p", "--title", "Keten", "--no-input").exit_code == 0
    _sprint(cli, tmp_path / "p" / "s", "nl", "Proef")
    assert cli("programme", "add", "s", cwd=tmp_path / "p").exit_code == 0
    say = Speaker(cli, "en", tmp_path / "p")
    said = say("programme", "status", "--lang", "en")
    assert "Total: 1 sprints" in said and "hypotheses" in said
    said = say("programme", "report", "-f", "md", "--no-charts", "--lang", "en")
    assert "wrote" in said


def test_new_programme_file_is_in_its_language(cli, tmp_path):
    for lang, head, hint in (("nl", "# Traject: T", "# Een sprint toevoegen:"),
                             ("en", "# Programme: T", "# Add a sprint:")):
        folder = tmp_path / lang
        assert cli("programme", "new", folder, "--title", "T", "--lang", lang,
                   "--no-input").exit_code == 0
        text = (folder / "programme.yaml").read_text(encoding="utf-8")
        assert head in text and hint in text
        other = "en" if lang == "nl" else "nl"
        assert not any(re.search(tell, text) for tell in TELLS[lang][:5]), (lang, other)
