"""Usage errors from the command line (Click/Typer) follow the language rule: Dutch by default,
English with SPRINTKIT_LANG=en; exit code 2 either way."""

from __future__ import annotations

import pytest

ENGLISH_WORDS = (
    "No such option", "Missing argument", "Missing option", "Usage:", "Try", "for help",
    "Error", "Invalid value", "is not one of", "requires an argument", "unexpected extra",
    "No such command", "Did you mean", "Possible options",
)

# argv, the Dutch text, the English text (Click's own words)
CASES = [
    ("evidence add H1 --foo", "Onbekende optie: --foo", "No such option: --foo"),
    ("evidence add", "Argument 'ID' ontbreekt.", "Missing argument 'ID'."),
    ("learn add H1", "Optie '--observed' ontbreekt.", "Missing option '--observed'."),
    (
        "evidence add H1 --successes x --trials 3",
        "Ongeldige waarde voor '--successes': geef een geheel getal",
        "Invalid value for '--successes': Input should be a valid integer",
    ),
    ("status x", "Onverwachte extra argumenten (x)", "Got unexpected extra argument(s) (x)"),
    (
        "status --format abc",
        "Ongeldige waarde voor '--format': 'abc' is geen geldige keuze; kies uit 'text', 'json'.",
        "Invalid value for '--format': 'abc' is not one of 'text', 'json'.",
    ),
    ("evidence add H1 --note", "Optie '--note' vraagt om een waarde.",
     "Option '--note' requires an argument."),
    ("foo", "Onbekende opdracht 'foo'.", "No such command 'foo'."),
    ("vaildate", "Bedoel je 'validate'?", "Did you mean 'validate'?"),
    ("evidence add H1 --title", "(Mogelijke opties:", "(Possible options:"),
]


def _flat(text: str) -> str:
    """The output without the panel's borders and line breaks."""
    lines = [line.strip().strip("│╭╮╰╯─").strip() for line in text.splitlines()]
    return " ".join(line for line in lines if line)


@pytest.mark.parametrize(("argv", "dutch", "english"), CASES, ids=[c[0] for c in CASES])
def test_usage_error_is_dutch_by_default(cli, monkeypatch, argv, dutch, english):
    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    res = cli(argv)
    assert res.exit_code == 2
    assert res.stdout == ""  # usage errors go to stderr; stdout (and JSON) stays clean
    out = _flat(res.stderr)
    assert dutch in out
    for word in ENGLISH_WORDS:
        assert word not in out, word


@pytest.mark.parametrize(("argv", "dutch", "english"), CASES, ids=[c[0] for c in CASES])
def test_usage_error_is_english_with_sprintkit_lang_en(cli, monkeypatch, argv, dutch, english):
    monkeypatch.setenv("SPRINTKIT_LANG", "en")
    res = cli(argv)
    assert res.exit_code == 2
    out = _flat(res.stderr)
    assert english in out
    assert dutch not in out


def test_usage_line_panel_and_hint_in_dutch(cli, monkeypatch):
    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    res = cli("evidence add H1 --foo")
    assert "Gebruik: sprintkit evidence add" in res.stderr
    assert "Zie 'sprintkit evidence add -h' voor hulp." in res.stderr
    assert "Fout" in res.stderr


def test_usage_line_panel_and_hint_in_english(cli, monkeypatch):
    monkeypatch.setenv("SPRINTKIT_LANG", "en")
    res = cli("evidence add H1 --foo")
    assert "Usage: sprintkit evidence add" in res.stderr
    assert "Try 'sprintkit evidence add -h' for help." in res.stderr
    assert "─ Error ─" in res.stderr


def test_unknown_messages_pass_unchanged():
    from sprintkit.usage_language import translate

    assert translate("geef precies één van: --value X") == "geef precies één van: --value X"
    assert translate("Invalid value for '--x': iets anders") == (
        "Ongeldige waarde voor '--x': iets anders"
    )


def test_the_english_catalogue_reproduces_clicks_words(monkeypatch):
    from sprintkit.usage_language import translate

    monkeypatch.setenv("SPRINTKIT_LANG", "en")
    for text in (
        "No such option: --foo (Possible options: --note, --type)",
        "Missing option '--format' / '-f'.",
        "Got unexpected extra argument(s) (a b)",
        "Option '--n' requires 2 arguments.",
        "Option '--x' does not take a value.",
        "Missing command.",
        "Invalid value: Input should be greater than or equal to 0",
    ):
        assert translate(text) == text


def test_help_stays_english(cli, monkeypatch):
    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    res = cli("evidence add -h")
    assert res.exit_code == 0
    assert "Usage:" in res.stdout


@pytest.mark.parametrize("lang_words", [("--lang", "en"), ("--lang=en",)])
def test_lang_on_the_command_line_decides_a_usage_error(cli, monkeypatch, lang_words):
    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    res = cli("board", *lang_words, "--foo")
    assert res.exit_code == 2
    assert "No such option: --foo" in _flat(res.stderr)


def test_lang_nl_on_the_command_line_beats_sprintkit_lang(cli, monkeypatch):
    monkeypatch.setenv("SPRINTKIT_LANG", "en")
    res = cli("board --lang nl --foo")
    assert res.exit_code == 2
    assert "Onbekende optie: --foo" in _flat(res.stderr)


def test_a_locale_in_english_gives_english_usage_errors(cli, monkeypatch):
    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    res = cli("evidence add H1 --foo")
    assert "No such option: --foo" in _flat(res.stderr)


@pytest.mark.parametrize("where", ["-s", "--sprint=", "cwd"])
def test_a_usage_error_in_an_english_sprint_is_english(cli, monkeypatch, tmp_path, where):
    from evidence_support import make_sprint

    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    folder = make_sprint(tmp_path / "s", "en")
    if where == "cwd":
        monkeypatch.chdir(folder)
        res = cli("evidence add H1 --foo")
    elif where == "-s":
        res = cli("evidence", "add", "H1", "-s", folder, "--foo")
    else:
        res = cli("evidence", "add", "H1", f"--sprint={folder}", "--foo")
    assert res.exit_code == 2
    out = _flat(res.stderr)
    assert "No such option: --foo" in out and "Fout" not in out


def test_a_usage_error_in_a_dutch_sprint_is_dutch_whatever_the_environment(cli, monkeypatch,
                                                                             tmp_path):
    from evidence_support import make_sprint

    monkeypatch.setenv("SPRINTKIT_LANG", "en")
    folder = make_sprint(tmp_path / "s", "nl")
    res = cli("status", "-s", folder, "--format", "abc")
    assert res.exit_code == 2
    assert "Ongeldige waarde voor '--format'" in _flat(res.stderr)
    res = cli("status", "-s", folder, "--format", "abc", "--lang", "en")
    assert "Invalid value for '--format'" in _flat(res.stderr)


def test_a_usage_error_about_an_english_programme_folder_is_english(cli, monkeypatch, tmp_path):
    from board_support import make_programme

    monkeypatch.delenv("SPRINTKIT_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    make_programme(tmp_path / "chain", [], language="en")
    for argv in (["programme", "status", "chain", "--foo"],
                 ["programme", "status", "--foo", "-p", "chain"]):
        res = cli(*argv)
        assert res.exit_code == 2
        assert "No such option: --foo" in _flat(res.stderr), argv
