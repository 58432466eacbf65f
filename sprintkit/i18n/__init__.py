"""One catalogue of words for the whole product, and the one way to look a word up.

Each language is a plain Python module (:mod:`sprintkit.i18n.nl`, :mod:`sprintkit.i18n.en`)
holding one dict, ``WORDS``, from a dotted key to a text with ``{name}`` placeholders. Python
modules rather than YAML or gettext catalogues: importing a compiled dict costs well under a
millisecond and needs no parser, so a command that shows one message does not pay for the
catalogue. A test checks that every key exists in every language with the same placeholders.

The one fallback rule: a key missing in the asked language is taken from English; a key missing
everywhere is an error in the program (``KeyError``), never a silently shown key.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

LANGUAGES: tuple[str, ...] = ("nl", "en")
FALLBACK = "en"

_loaded: dict[str, dict[str, str]] = {}


def catalogue(lang: str) -> dict[str, str]:
    """All words of ``lang`` (``nl`` or ``en``; anything else reads as English)."""
    if lang not in LANGUAGES:
        lang = FALLBACK
    words = _loaded.get(lang)
    if words is None:
        words = _loaded[lang] = import_module(f"sprintkit.i18n.{lang}").WORDS
    return words


def t(key: str, lang: str, /, **values: Any) -> str:
    """The text for ``key`` in ``lang`` with ``values`` filled in."""
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(FALLBACK)[key]
    return text.format(**values) if values else text


def has(key: str, lang: str = FALLBACK) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in catalogue(lang) or key in catalogue(FALLBACK)
