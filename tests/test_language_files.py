"""No English in a Dutch sprint, no Dutch in an English one: file problems, model checks and the
stories commands speak the language of the sprint at hand (Dutch when it is not known)."""

from __future__ import annotations

import re

import pytest
from stories_support import csv_text, make_sprint, row

# words that give the other language away (matched as whole words, case-insensitive)
TELLS = {
    "en": ["unknown key", "expected", "did you mean", "problems?", "error:", "not shown",
           "stories", "nothing was", "missing required"],
    "nl": ["onbekende sleutel", "verwacht", "bedoel je", "probleem", "problemen", "fout:",
           "niet getoond", "verhalen", "ontbreekt", "er is niets"],
}
OTHER = {"nl": "en", "en": "nl"}

HEAD = "schema_version: 1\nid: s1\ntitle: Taal\nmethod: experiment-sprint\n"


def spoken(text: str, tmp_path) -> str:
    """The words a person reads: no paths or file names (stories.db, test names) and no commands
    in backticks (`sprintkit stories import` is a command in every language)."""
    text = text.replace(str(tmp_path), "<map>")
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:db|yaml|csv|html|json)\b", "<pad>", text)
    return re.sub(r"`[^`]*`", "", text)


def assert_speaks(lang: str, text: str, tmp_path) -> None:
    said = spoken(text, tmp_path).lower()
    assert said.strip(), "nothing was said"
    heard = [w for w in TELLS[OTHER[lang]] if re.search(rf"(?<!\w){w}(?!\w)", said)]
    assert heard == [], f"{lang} sprint, but {heard} in:\n{text}"
    assert any(re.search(rf"(?<!\w){w}(?!\w)", said) for w in TELLS[lang]), text


def sprint_file(tmp_path, lang: str, body: str):
    folder = tmp_path / f"sprint-{lang}"
    folder.mkdir()
    (folder / "sprint.yaml").write_text(HEAD + f"language: {lang}\n" + body, encoding="utf-8")
    return folder


BAD_FILES = {
    "unknown key": "titel: Dubbel\n",
    "wrong type": "facilitators: 3\n",
    "bad date": "start: 2026-13-01\n",
    "unknown key, nested": "hypotheses:\n  - id: H1\n    statement: x\n    target: '>=70%'\n"
                           "    confidense: 0.9\n",
    "end before start": "start: 2026-03-02\nend: 2026-03-01\n",
    "hidden value": "facilitators: [{naam: Jan}]\nstart: Jan de Vries 0612345678\n",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_sprint_file_is_told_in_its_own_language(cli, tmp_path, lang, case):
    folder = sprint_file(tmp_path, lang, BAD_FILES[case])
    res = cli("hypothesis", "list", "-s", folder)
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert_speaks(lang, res.stderr, tmp_path)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_words_of_a_located_problem(cli, tmp_path, lang):
    folder = sprint_file(tmp_path, lang, "languag: nl\nfacilitators: 3\n")
    res = cli("hypothesis", "list", "-s", folder)
    expected = {
        "nl": ["onbekende sleutel 'languag'", "tip: bedoel je 'language'?",
               "verwacht een lijst, kreeg 3", "fout: 2 problemen in"],
        "en": ["unknown key 'languag'", "hint: did you mean 'language'?",
               "expected a list, got 3", "error: 2 problems in"],
    }[lang]
    for words in expected:
        assert words in res.stderr, res.stderr


@pytest.mark.parametrize("env,lang", [(None, "nl"), ("en", "en"), ("nl", "nl")])
def test_a_file_that_cannot_be_read_speaks_the_chosen_or_default_language(
        cli, tmp_path, monkeypatch, env, lang):
    """The sprint's language is unknown when its YAML cannot be parsed: SPRINTKIT_LANG, else
    Dutch."""
    if env:
        monkeypatch.setenv("SPRINTKIT_LANG", env)
    folder = tmp_path / "kapot"
    folder.mkdir()
    (folder / "sprint.yaml").write_text(HEAD + "language: en\nfacilitators: [a, b\n",
                                        encoding="utf-8")
    res = cli("hypothesis", "list", "-s", folder)
    assert res.exit_code == 1
    prefix, hint = {"nl": ("YAML-syntaxfout:", "tip: een '[' of '{' is geopend"),
                    "en": ("YAML syntax error:", "hint: a '[' or '{' was opened")}[lang]
    assert prefix in res.stderr and hint in res.stderr, res.stderr
    # the parser's own detail (after the prefix) is English in every language: leave it out
    rest = "\n".join(line for line in res.stderr.splitlines() if prefix not in line)
    assert_speaks(lang, rest, tmp_path)


@pytest.mark.parametrize("lang,words", [("nl", "een waarde van 23 tekens (niet getoond)"),
                                        ("en", "a value of 23 characters (not shown)")])
def test_values_that_could_identify_someone_are_described_in_the_language(lang, words):
    from sprintkit import i18n
    from sprintkit.errors import shown

    i18n.choose(lang)
    try:
        assert shown("Jan de Vries 0612345678") == words
        assert shown([1]) == {"nl": "een lijst", "en": "a list"}[lang]
        assert shown(None) == {"nl": "niets (null)", "en": "nothing (null)"}[lang]
    finally:
        i18n.reset()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_model_checks_speak_the_language(lang):
    from pydantic import ValidationError

    from sprintkit import i18n
    from sprintkit.model.sprint import Evidence

    i18n.choose(lang)
    try:
        with pytest.raises(ValidationError) as caught:
            Evidence.model_validate({"successes": 9, "trials": 4})
    finally:
        i18n.reset()
    text = str(caught.value)
    assert {"nl": "kan niet groter zijn dan", "en": "cannot exceed"}[lang] in text


def story_sprint(tmp_path, lang: str):
    folder = make_sprint(tmp_path / f"verhalen-{lang}")
    path = folder / "sprint.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: nl", f"language: {lang}"),
                    encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_story_commands_speak_the_sprint_language(cli, tmp_path, lang):
    sprint = story_sprint(tmp_path, lang)
    said = []
    res = cli("stories", "summary", "-s", sprint)  # no stories yet
    assert res.exit_code == 1
    said.append(res.stderr)
    bad = tmp_path / "slecht.csv"
    bad.write_text(csv_text([row(emotie="vrolijk", tevreden="9")] * 2,
                            header=["date", "perspective", "text", "emotie", "thema", "tevreden",
                                    "balans", "consent_quote", "extra"]), encoding="utf-8")
    res = cli("stories", "import", bad, "-s", sprint)
    assert res.exit_code == 1
    said.append(res.stderr)
    res = cli("stories", "purge", "-s", sprint)
    assert res.exit_code == 2
    said.append(res.stderr)
    res = cli("stories", "add", "-s", sprint, "--no-input")
    assert res.exit_code == 1
    said.append(res.stderr)
    for text in said:
        assert_speaks(lang, text, tmp_path)

    good = tmp_path / "goed.csv"
    good.write_text(csv_text([row()] * 5), encoding="utf-8")
    res = cli("stories", "import", good, "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert {"nl": "5 verhalen ingelezen", "en": "imported 5 stories"}[lang] in res.stderr
    res = cli("stories", "import", good, "-s", sprint)  # the same file again
    assert res.exit_code == 1
    assert_speaks(lang, res.stderr, tmp_path)


@pytest.mark.parametrize("lang,words", [
    ("nl", ["de wijziging zou het bestand ongeldig maken", "ligt voor het begin"]),
    ("en", ["the change would make the file invalid", "is before start"]),
])
def test_a_change_that_would_break_the_file_is_refused_in_its_language(tmp_path, lang, words):
    import datetime as dt

    from sprintkit.errors import InvalidFile
    from sprintkit.files.sprintfile import update_sprint

    folder = sprint_file(tmp_path, lang, "start: 2026-03-02\n")
    before = (folder / "sprint.yaml").read_text(encoding="utf-8")

    def change(sprint):
        sprint.end = dt.date(2026, 3, 1)

    with pytest.raises(InvalidFile) as caught:
        update_sprint(folder, change)
    told = f"{caught.value.message}\n{caught.value}"
    assert all(w in told for w in words), told
    assert_speaks(lang, told, tmp_path)
    assert (folder / "sprint.yaml").read_text(encoding="utf-8") == before
