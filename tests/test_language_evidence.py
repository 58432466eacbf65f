"""A Dutch sprint speaks only Dutch, an English sprint only English: every message of the
hypothesis, evidence, verdict, learn, decision and indicator commands — successes, warnings,
errors, hints, tables and cards — and never an internal id where a label exists."""

from __future__ import annotations

import re

import pytest
from evidence_support import make_sprint

# Words that give a language away. Commands in backticks (`sprintkit verdict H1`) and option
# names with their value (--kind qualitative, --reason TEKST) are the same in both languages
# and are left out before looking.
TELLTALE = {
    "en": ["added", "recorded", "evidence", "verdict", "error:", "warning", "now", "computed",
           "changed", "removed", "written", "nothing", "none", "hint:", "learning card",
           "decision", "baseline", "target", "better", "already", "needs", "the", "with",
           "and", "not", "of the way", "corrected", "identifier"],
    "nl": ["toegevoegd", "vastgelegd", "bewijs", "oordeel", "fout:", "nu", "berekend",
           "gewijzigd", "verwijderd", "geschreven", "geen", "tip:", "let op:", "leerkaart",
           "besluit", "nulmeting", "streefwaarde", "beter", "de", "het", "een", "van", "niet",
           "nog", "gecorrigeerd"],
}
# Internal ids that have a label: never shown raw (in Dutch, the English ids are raw ids too).
RAW_IDS = {
    "en": ["insufficient_data"],
    "nl": ["insufficient_data", "insufficient data", "inconclusive", "supported", "refuted",
           "proportion", "qualitative", "adopt", "drop", "retest", "count", "increase",
           "decrease"],
}
# A word that each language must show somewhere, so that the check cannot pass on silence.
OWN = {"en": ["added", "recorded", "computed", "error:", "hint:", "warning:", "now"],
       "nl": ["toegevoegd", "vastgelegd", "berekend", "fout:", "tip:", "let op:", "nu"]}

# (command, exit code); run in this order on a fresh sprint. Free text is neutral (no word of
# either language), so that whatever is found comes from sprintkit itself.
SCENARIO: list[tuple[str, int]] = [
    ('hypothesis add --statement "Alpha" --metric "picks" --target ">=70%"', 0),
    ('hypothesis add --statement "Beta" --metric "days" --target "<=14"', 0),
    ('hypothesis add --statement "Gamma" --kind qualitative', 0),
    ('hypothesis add --statement "Delta" --metric "picks" --target ">=50%"', 0),
    ("hypothesis list", 0),
    ("hypothesis show H1", 0),
    ("evidence add H1 --successes 9 --trials 12 --source Omega", 0),
    ("evidence add H1 --successes 1 --trials 2", 0),
    ("evidence add H2 --value 10 --value 12 --value 15", 0),
    ('evidence add H3 --quote "Sigma tau"', 0),
    ("evidence add H4 --successes 12 --trials 12", 0),
    ("evidence edit H1 E2 --successes 2 --reason Zeta", 0),
    ("evidence edit H1 E2 --successes 2 --reason Zeta", 0),
    ("evidence remove H1 E2 --reason Eta", 0),
    ("verdict", 0),
    ("verdict H1 --override supported --reason Theta", 0),
    ("verdict H1", 0),
    ("evidence add H1 --successes 0 --trials 1", 0),
    ("verdict H1 --clear-override --reason Iota", 0),
    ('hypothesis edit H1 --target ">=60%" --reason Kappa', 0),
    ('hypothesis edit H1 --target ">=60%"', 0),
    ("hypothesis show H1", 0),
    ("learn H1 --observed Lambda --learned Mu --action Nu1 --decision adapt", 0),
    ("learn H4 --observed Xi --learned Omicron --action Pi --decision drop", 2),
    ("learn H4 --observed Xi --learned Omicron --action Pi --decision drop --reason Rho", 0),
    ("learn edit L1 --action Psi", 0),
    ("learn edit L1 --action Psi", 0),
    ("learn edit L2 --decision drop", 0),
    ("learn remove L1", 0),
    ("hypothesis list", 0),
    ("decision list", 0),
    ('decision add "Chi" --choice "Phi" --decided-by "Upsilon" --date 2026-03-20', 0),
    ("decision list", 0),
    ('decision edit D1 --choice "Omega"', 0),
    ("decision remove D1", 0),
    ("indicator list", 0),
    ('indicator add uhp --name "Alpha" --direction decrease --kind count --baseline 250 '
     "--baseline-period 2021 --target 200 --target-period 2024", 0),
    ('indicator add wacht --name "Beta" --direction decrease --baseline 21 '
     "--baseline-period 2025-H2", 0),
    ('indicator add thuis --name "Gamma" --direction increase --target 40% '
     "--target-period 2023", 0),
    ("indicator record thuis --period 2022 --numerator 65 --denominator 200", 0),
    ("indicator record uhp --period 2022 --value 231", 0),
    ("indicator record uhp --period 2023-H1 --value 104", 0),
    ("indicator record uhp --period 2022 --value 230 --replace", 0),
    ("indicator record wacht --period 2026 --value 18", 0),
    ("indicator list", 0),
    ("indicator show uhp", 0),
    ("indicator show wacht", 0),
    # common errors
    ("evidence add H9 --successes 1 --trials 2", 1),
    ("evidence add H1", 2),
    ("evidence add H1 --successes 3", 2),
    ("evidence add H2 --successes 1 --trials 2", 2),
    ("evidence add H1 --value 3", 2),
    ("evidence edit H1 E9 --successes 1 --reason Zeta", 1),
    ("evidence edit H1 E1 --reason Zeta", 2),
    ("verdict H9", 1),
    ("verdict H1 --override supported", 2),
    ("verdict --override supported --reason Theta", 2),
    ("verdict H1 --clear-override --reason Iota", 1),
    ("verdict --reason Theta", 2),
    ('hypothesis add --statement "Alpha" --target ">=70%"', 2),
    ('hypothesis add --statement "Alpha" --metric "picks"', 2),
    ('hypothesis add --statement "Alpha" --metric "picks" --target ">=140%"', 2),
    ('hypothesis add --statement "Alpha" --metric "picks" --target ">=70%" --id H1', 1),
    ('hypothesis add --statement "Alpha" --metric "picks" --target ">=70%" --derived-from H9', 1),
    ("hypothesis edit H1", 2),
    ('hypothesis edit H1 --target ">=50%"', 2),
    ("hypothesis edit H2 --kind proportion", 2),
    ("hypothesis show H9", 1),
    ("hypothesis remove H4", 1),
    ("hypothesis remove H9", 1),
    ("learn H9 --observed Xi --learned Omicron --action Pi --decision retest", 1),
    ("learn edit L9 --action Psi", 1),
    ("learn edit L2", 2),
    ("learn edit L2 --decision adopt", 0),
    ("decision edit D9 --title Chi", 1),
    ("decision edit D1", 2),
    ("indicator record nope --period 2022 --value 3", 1),
    ("indicator record uhp --period 2022-H3 --value 3", 2),
    ("indicator record uhp --period 2022 --value 3", 1),
    ("indicator record uhp --period 2022 --value 26%", 2),
    ("indicator record uhp --period 2024 --numerator 65 --denominator 200", 1),
    ("indicator record thuis --period 2024 --numerator 65 --denominator 250 "
     "--denominator-period 2023", 1),
    ("indicator record thuis --period 2024 --numerator 210 --denominator 200", 1),
    ("indicator record thuis --period 2024", 2),
    ('indicator add uhp --name "Alpha" --direction decrease', 1),
    ('indicator add x --name "Alpha" --direction decrease --baseline 250', 2),
    ('indicator add x --name "Alpha" --direction decrease --kind count --baseline 25% '
     "--baseline-period 2021", 2),
    ('indicator add x --name "Alpha" --direction decrease --baseline 250 '
     "--baseline-period 2021 --target 300", 1),
    ("indicator show nope", 1),
    ("learn remove L2", 0),
    ("hypothesis remove H4 --reason Sigma", 0),
]


def _neutral(text: str) -> str:
    """The text without what is the same in both languages: commands in backticks, option
    names with their value, quoted free text."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\bkind: \w+", " ", text)
    text = re.sub(r"--[a-z][\w-]*(?:[ =](?:[A-Za-z]+\b|[<>=]+[\d.,%]+))?", " ", text)
    return text


def _found(words: list[str], text: str) -> list[str]:
    low = " ".join(_neutral(text).split()).lower()
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low)]


def _run_all(cli, folder) -> list[tuple[str, str]]:
    outputs = []
    for command, code in SCENARIO:
        res = cli(f"{command} -s {folder}")
        assert res.exit_code == code, (command, res.output)
        assert "Traceback" not in res.output
        outputs.append((command, res.stdout + res.stderr))
    return outputs


@pytest.mark.parametrize(("lang", "other"), [("nl", "en"), ("en", "nl")])
def test_a_sprint_speaks_only_its_own_language(cli, tmp_path, lang, other):
    folder = make_sprint(tmp_path / "s", lang)
    outputs = _run_all(cli, folder)
    problems = []
    for command, text in outputs:
        strange = _found(TELLTALE[other], text) + _found(RAW_IDS[lang], text)
        if strange:
            problems.append(f"{command}: {strange}\n{text}")
    assert not problems, "\n\n".join(problems)
    everything = "\n".join(text for _, text in outputs)
    assert not [w for w in OWN[lang] if not _found([w], everything)], everything


def test_labels_not_ids_in_dutch(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", "nl")
    cli(f'hypothesis add --statement "Alpha" --metric "picks" --target ">=70%" --min-n 5 '
        f"-s {folder}")
    res = cli(f"evidence add H1 --successes 1 --trials 1 -s {folder}")
    assert "H1 nu: 1/1 (100%) → onvoldoende gegevens" in res.stderr
    res = cli(f"verdict H1 --override refuted --reason Theta -s {folder}")
    assert "berekend: onvoldoende gegevens" in res.stderr and "'weerlegd'" in res.stderr


def test_lang_option_wins_over_the_sprint(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", "nl")
    cli(f'hypothesis add --statement "Alpha" --metric "picks" --target ">=70%" -s {folder}')
    cli(f"evidence add H1 --successes 9 --trials 12 -s {folder}")
    for command in ("verdict", "hypothesis list", "hypothesis show H1", "indicator list"):
        text = cli(f"{command} --lang en -s {folder}").output
        assert not _found(TELLTALE["nl"], text), (command, text)
    res = cli(f"verdict H9 --lang en -s {folder}")
    assert res.exit_code == 1 and "no hypothesis 'H9'" in res.stderr


def test_errors_before_the_sprint_is_read_speak_its_language(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", "en")
    res = cli(f"verdict H1 --override supported -s {folder}")  # refused before loading
    assert res.exit_code == 2
    assert "a facilitator's verdict needs a reason" in res.stderr and "hint:" in res.stderr
    res = cli(f"evidence add H1 -s {folder}")
    assert res.exit_code == 2 and "give exactly one of" in res.stderr


REFUSED_BEFORE_LOADING = (
    ["team", "add", " ", "--role", "lid"],
    ["team", "edit", "Anna", "--role", " "],
    ["note", " "],
    ["action", "edit", "A1", "--due", "31-2-2026"],
    ["action", "escalate", "A1", "--to", " ", "--reason", "r"],
    ["action", "list", "--as-of", "31-2-2026"],
    ["board", "--as-of", "31-2-2026"],
    ["decision", "add", "x", "--date", "31-2-2026"],
    ["agenda", "--start", "9u"],
)


@pytest.mark.parametrize(("lang", "said", "other"), [("nl", "fout:", "error:"),
                                                     ("en", "error:", "fout:")])
def test_what_is_refused_before_the_sprint_is_read_speaks_its_language(cli, tmp_path,
                                                                        monkeypatch, lang,
                                                                        said, other):
    from board_support import make_sprint as make_board_sprint

    folder = make_board_sprint(tmp_path / "s", language=lang)
    assert cli("team", "add", "Anna", "--role", "lead", "-s", folder).exit_code == 0
    assert cli("action", "add", "Iets", "-s", folder).exit_code == 0
    monkeypatch.setenv("SPRINTKIT_LANG", "en" if lang == "nl" else "nl")
    for args in REFUSED_BEFORE_LOADING:
        res = cli(*args, "-s", folder)
        assert res.exit_code == 2, (args, res.output)
        assert said in res.stderr and other not in res.stderr, (args, res.stderr)
