"""The language layer: which language a message is shown in, and the catalogue's shape."""

from __future__ import annotations

import pytest

from sprintkit import i18n
from sprintkit.i18n._collect import DuplicateKey, collect


@pytest.fixture(autouse=True)
def _fresh():
    i18n.reset()
    yield
    i18n.reset()


def test_the_chosen_language_wins_over_the_sprint_and_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("SPRINTKIT_LANG", "nl")
    i18n.found("nl")
    i18n.choose("en")
    assert i18n.language() == "en" and i18n.msg("common.error") == "error:"


def test_the_sprint_language_wins_over_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("SPRINTKIT_LANG", "en")
    i18n.found("nl")
    i18n.found("en")  # the first sprint loaded counts
    assert i18n.language() == "nl" and i18n.msg("common.error") == "fout:"


@pytest.mark.parametrize(("env", "expected"), [
    ({"SPRINTKIT_LANG": "EN"}, "en"),
    ({"SPRINTKIT_LANG": "fr", "LANG": "en_GB.UTF-8"}, "en"),
    ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
    ({"LANG": "de_DE.UTF-8"}, "nl"),
    ({"LANG": "C.UTF-8"}, "nl"),
])
def test_without_a_sprint_the_environment_then_dutch_decides(monkeypatch, env, expected) -> None:
    for name in ("SPRINTKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == expected


def test_an_unknown_key_is_a_program_error_not_a_shown_key() -> None:
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "nl")


def test_a_key_defined_in_two_areas_is_refused(tmp_path) -> None:
    package = tmp_path / "twice"
    package.mkdir()
    (package / "one.py").write_text('WORDS = {"a.b": "x"}\n')
    (package / "two.py").write_text('WORDS = {"a.b": "y"}\n')
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(DuplicateKey, match="a.b"):
            collect("twice", [str(package)])
    finally:
        sys.path.remove(str(tmp_path))


@pytest.mark.parametrize(("lang", "prefix"), [("nl", "fout:"), ("en", "error:")])
def test_errors_are_prefixed_in_the_sprint_language(tmp_path, cli, lang, prefix) -> None:
    made = cli("new", "experiment-sprint", tmp_path / "s", "--lang", lang, "--title", "T",
               "--no-input")
    assert made.exit_code == 0, made.output
    res = cli("hypothesis", "show", "H9", "-s", tmp_path / "s")
    assert res.exit_code == 1 and res.stderr.startswith(prefix)
