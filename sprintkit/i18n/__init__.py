"""One catalogue of words for the whole product, and the one way to look a word up.

Each language is a package (:mod:`sprintkit.i18n.nl`, :mod:`sprintkit.i18n.en`) of plain Python
modules, one per area of the product (``documents``, ``evidence``, ``walkthrough``, …), each
holding one dict, ``WORDS``, from a dotted key to a text with ``{name}`` placeholders. Python
modules rather than YAML or gettext catalogues: importing a compiled dict costs well under a
millisecond and needs no parser, so a command that shows one message does not pay for more than
its language's words. A test checks that every key exists in every language with the same
placeholders, and no key is defined twice.

The one fallback rule: a key missing in the asked language is taken from English; a key missing
everywhere is an error in the program (``KeyError``), never a silently shown key.

**The language of a message** (:func:`language`), first that applies: the command's ``--lang``
(:func:`choose`); the language of the sprint or programme the command works on (set when it is
loaded, :func:`found`); ``SPRINTKIT_LANG``; the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``)
when it is Dutch or English; otherwise Dutch, the language most users work in.

**Loading.** A key is looked up in the one area module that holds its prefix (``files.*`` in
``files``, ``value.*`` in ``values``: :data:`AREAS`), so a command that shows a few messages
imports a few small modules, not the whole catalogue (66 modules for both languages). A prefix
spread over several modules (:data:`SHARED`), or a key not found where its prefix says, is
looked up in the whole catalogue of the language; a test checks the two tables against the
modules.
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import Any

LANGUAGES: tuple[str, ...] = ("nl", "en")
FALLBACK = "en"
DEFAULT = "nl"

AREAS: dict[str, str] = {
    "value": "values", "removal": "removals", "render": "report",
    "doc": "documents", "explain": "documents", "summary": "documents",
    "glossary": "documents", "intent": "documents", "check": "documents",
    "section": "documents", "plan": "documents", "programme": "documents",
    "report": "documents",
}
"""Key prefixes held by a module of another name; every other prefix (``files``, ``status``…)
is held by the module of its own name."""

SHARED: frozenset[str] = frozenset({"chart", "cli"})
"""Key prefixes whose keys are spread over several area modules (looked up in the whole
catalogue)."""

_loaded: dict[str, dict[str, str]] = {}
_areas: dict[tuple[str, str], dict[str, str]] = {}
_state: dict[str, str | None] = {"chosen": None, "found": None}


def supported(lang: str | None) -> str:
    """``lang`` when sprintkit speaks it (``nl``, ``en``), else the fallback, English."""
    return lang if lang is not None and lang in LANGUAGES else FALLBACK


def catalogue(lang: str) -> dict[str, str]:
    """All words of ``lang`` (``nl`` or ``en``; anything else reads as English)."""
    lang = supported(lang)
    words = _loaded.get(lang)
    if words is None:
        words = _loaded[lang] = import_module(f"sprintkit.i18n.{lang}").WORDS
    return words


def area(prefix: str, lang: str) -> dict[str, str]:
    """The words of the area module that holds keys starting with ``prefix.`` in ``lang`` (see
    :data:`AREAS`), or the whole catalogue when no one module holds them all."""
    lang = supported(lang)
    whole = _loaded.get(lang)
    if whole is not None or prefix in SHARED or not prefix.isidentifier():
        return whole if whole is not None else catalogue(lang)
    module = AREAS.get(prefix, prefix)
    words = _areas.get((lang, module))
    if words is None:
        name = f"sprintkit.i18n.{lang}.{module}"
        try:
            words = import_module(name).WORDS
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            words = {}  # no such area: the whole catalogue answers (see _lookup)
        _areas[(lang, module)] = words
    return words


def _lookup(key: str, lang: str) -> str | None:
    words = area(key.partition(".")[0], lang)
    text = words.get(key)
    if text is None and words is not _loaded.get(supported(lang)):
        text = catalogue(lang).get(key)  # not where its prefix says: the whole catalogue
    return text


def t(key: str, lang: str, /, **values: Any) -> str:
    """The text for ``key`` in ``lang`` with ``values`` filled in."""
    text = _lookup(key, lang)
    if text is None:
        text = _lookup(key, FALLBACK)
        if text is None:
            raise KeyError(key)
    return text.format(**values) if values else text


def msg(key: str, /, **values: Any) -> str:
    """The text for ``key`` in the language of the work at hand (:func:`language`)."""
    return t(key, language(), **values)


def has(key: str, lang: str = FALLBACK) -> bool:
    """Whether ``key`` is in the catalogue."""
    return _lookup(key, lang) is not None or _lookup(key, FALLBACK) is not None


def language() -> str:
    """The language messages are shown in now (see the module's rule)."""
    for lang in (_state["chosen"], _state["found"], _from_environment()):
        if lang in LANGUAGES:
            return lang
    return DEFAULT


def choose(lang: str | None) -> None:
    """The language asked for on the command line (``--lang``); ``None`` leaves it open."""
    _state["chosen"] = lang if lang in LANGUAGES else None


def found(lang: str | None) -> None:
    """The language of the sprint or programme just loaded (the first one loaded counts)."""
    if _state["found"] is None and lang in LANGUAGES:
        _state["found"] = lang


def reset() -> None:
    """Forget the chosen and found language (at the start of every command)."""
    _state["chosen"] = _state["found"] = None


def _from_environment() -> str | None:
    wanted = os.environ.get("SPRINTKIT_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split("_", 1)[0].split(".", 1)[0].lower()
            return code if code in LANGUAGES else None
    return None
