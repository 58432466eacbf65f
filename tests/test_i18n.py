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


def _holders(lang: str) -> dict[str, set[str]]:
    """Every key prefix of ``lang`` → the area modules that hold keys with it."""
    import importlib
    import pkgutil

    package = importlib.import_module(f"sprintkit.i18n.{lang}")
    holders: dict[str, set[str]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        for key in importlib.import_module(f"{package.__name__}.{info.name}").WORDS:
            holders.setdefault(key.partition(".")[0], set()).add(info.name)
    return holders


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_area_tables_say_which_module_holds_each_key_prefix(lang) -> None:
    holders = _holders(lang)
    shared = {prefix for prefix, modules in holders.items() if len(modules) > 1}
    assert shared == set(i18n.SHARED)
    for prefix, modules in holders.items():
        if prefix not in shared:
            assert modules == {i18n.AREAS.get(prefix, prefix)}, prefix
    assert set(i18n.AREAS) <= set(holders)


def test_a_key_looked_up_in_its_area_is_the_catalogue_text(monkeypatch) -> None:
    from sprintkit.i18n.prefix import words_under

    whole = {lang: dict(i18n.catalogue(lang)) for lang in ("nl", "en")}
    monkeypatch.setattr(i18n, "_loaded", {})
    monkeypatch.setattr(i18n, "_areas", {})
    def shared(key: str) -> bool:
        return key.partition(".")[0] in i18n.SHARED

    for lang, words in whole.items():
        for key, text in words.items():
            if not shared(key):
                assert i18n.t(key, lang) == text
        assert words_under("status.", lang) == {
            key[len("status."):]: text for key, text in words.items() if key.startswith("status.")}
    assert i18n._loaded == {}  # every key was found in its own area module
    for lang, words in whole.items():
        for key, text in words.items():
            if shared(key):
                assert i18n.t(key, lang) == text
    assert i18n.has("common.error") and not i18n.has("common.no_such_key")


def test_a_dutch_message_loads_neither_whole_catalogue(monkeypatch) -> None:
    monkeypatch.setattr(i18n, "_loaded", {})
    monkeypatch.setattr(i18n, "_areas", {})
    assert i18n.t("common.error", "nl") == "fout:"
    assert i18n.t("value.decision.adopt", "en") == "adopt"
    assert i18n._loaded == {} and set(i18n._areas) == {("nl", "common"), ("en", "values")}
