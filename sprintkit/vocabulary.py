"""The fixed value lists, spelled once: decisions, evidence types, risks, verdicts, statuses…

Each list is a tuple of ids; the ids are what files hold and JSON shows. Their names for
people are in the word catalogue (``value.<list>.<id>`` in :mod:`sprintkit.i18n`), so a person
may type a value by its id, its Dutch name or its English name, in any case, with or without
accents, spaces, hyphens or underscores (``gedrag``, ``Behaviour``, ``opnieuw testen``,
``insufficient-data``); :func:`parse` turns any of them into the id, or refuses with a message
listing what is accepted. The models (:mod:`sprintkit.model.sprint`) keep their ``Literal``
types; a test checks they hold exactly these ids, and :func:`to_id` (a pydantic
``BeforeValidator``) lets files hold a name where a person wrote one.

Standard library only, and the catalogue is read on first use: command modules import this
module at import time (shell completion, option parsing) without slowing ``--help``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

LISTS: dict[str, tuple[str, ...]] = {
    "decision": ("adopt", "adapt", "drop", "retest"),
    "evidence_type": ("interview", "survey", "observation", "behaviour", "document"),
    "risk": ("desirability", "feasibility", "viability"),
    "verdict": ("supported", "refuted", "inconclusive", "insufficient_data"),
    "override": ("supported", "refuted", "inconclusive"),
    "strength": ("none", "weak", "moderate", "strong"),
    "action_status": ("todo", "doing", "done", "escalated"),
    "phase_status": ("todo", "in_progress", "done", "skipped"),
    "support": ("broad", "mixed", "limited"),
    "level": ("low", "medium", "high"),
    "indicator_kind": ("count", "value", "rate"),
    "direction": ("increase", "decrease"),
    "period_kind": ("half-year", "quarter", "year", "month"),
    "hypothesis_kind": ("proportion", "mean", "qualitative"),
    "action_filter": ("todo", "doing", "done", "escalated", "open", "overdue"),
}
"""Every fixed list, by name, as ids in their order (``override`` is a verdict a facilitator
may give; ``action_filter`` what ``action list --status`` selects)."""

_LABELS_OF = {"override": "verdict", "action_filter": "action_status"}
"""Lists that take the names they lack from another list."""

ALSO: dict[str, dict[str, tuple[str, ...]]] = {
    "decision": {"adapt": ("aanpassen", "bijsturen en doorvoeren", "adapt and adopt")},
    "evidence_type": {"survey": ("enquête",), "behaviour": ("behavior",)},
    "override": {},
    "level": {"medium": ("gemiddeld",)},
    "indicator_kind": {"count": ("telling",), "rate": ("%",)},
    "period_kind": {"half-year": ("half jaar",)},
}
"""Further words accepted for a value (common synonyms), in either language."""

LANGUAGES = ("nl", "en")


def ids(kind: str) -> tuple[str, ...]:
    """The ids of list ``kind`` in order (``KeyError`` for a list that does not exist)."""
    return LISTS[kind]


def label(kind: str, id: str, lang: str) -> str:
    """The name of value ``id`` of list ``kind`` in ``lang``; an id not in the list is returned
    unchanged (a file may hold a value a newer version added)."""
    from sprintkit.i18n import has, t

    for list_name in (kind, _LABELS_OF.get(kind)):
        key = f"value.{list_name}.{id}"
        if list_name and has(key):
            return t(key, lang)
    return str(id)


def labels(kind: str, lang: str) -> dict[str, str]:
    """``{id: name in lang}`` for list ``kind``, in order."""
    return {i: label(kind, i, lang) for i in ids(kind)}


def any_label(id: Any, lang: str) -> str:
    """The name of an id from whichever list holds it first (for templates, whose values come
    without their list); an unknown id unchanged, ``None`` as nothing."""
    if id is None:
        return ""
    for kind, values in LISTS.items():
        if id in values and kind != "action_filter":
            return label(kind, id, lang)
    return str(id)


def normal(text: str) -> str:
    """``text`` as values are compared: case, accents, surrounding and inner spaces, hyphens and
    underscores do not count (``Opnieuw-Testen`` → ``opnieuwtesten``)."""
    folded = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in folded if c.isalnum() or c == "%")


def _words(kind: str) -> dict[str, str]:
    """Every accepted spelling of list ``kind``, normalised → id."""
    cached = _cache.get(kind)
    if cached is not None:
        return cached
    words: dict[str, str] = {}
    for i in ids(kind):
        spellings = [i, *(label(kind, i, lang) for lang in LANGUAGES)]
        spellings += ALSO.get(kind, {}).get(i, ())
        for spelling in spellings:
            words.setdefault(normal(spelling), i)
    _cache[kind] = words
    return words


_cache: dict[str, dict[str, str]] = {}


def list_of(values: Any) -> str | None:
    """The list whose ids are exactly ``values`` (a method's choices that are a fixed list, such
    as a decision), so its names are accepted too; else ``None``."""
    wanted = set(values)
    for kind, known in LISTS.items():
        if wanted == set(known):
            return kind
    return None


def find(kind: str, text: Any) -> str | None:
    """The id ``text`` names in list ``kind`` (an id or a name, see :func:`parse`), else None."""
    if not isinstance(text, str):
        return None
    return _find_text(kind, text)


@lru_cache(maxsize=4096)
def _find_text(kind: str, text: str) -> str | None:
    """The same few spellings come back thousands of times in a big sprint: remembered."""
    return _words(kind).get(normal(text))


def accepted(kind: str, lang: str) -> str:
    """The accepted values for a message: ``doorvoeren (adopt), bijsturen (adapt), …`` in Dutch,
    ``adopt, adapt, …`` in English (the id in brackets only where the name differs)."""
    shown = []
    for i in ids(kind):
        name = label(kind, i, lang)
        shown.append(name if normal(name) == normal(i) else f"{name} ({i})")
    return ", ".join(shown)


def parse(kind: str, text: Any, option: str | None = None) -> str:
    """The id that ``text`` names in list ``kind``: its id, its Dutch or English name, in any
    case, ignoring accents, spaces, hyphens and underscores. Anything else raises
    :class:`sprintkit.errors.UsageError` listing the accepted values in the current language
    (after ``option``, the command-line option or argument the value was given for, if any)."""
    found = find(kind, text)
    if found is not None:
        return found
    from sprintkit.errors import UsageError

    message = unknown(kind, text)
    raise UsageError(f"{option}: {message}" if option else message,
                     hint=_msg("value.unknown_hint"))


def unknown(kind: str, text: Any, lang: str | None = None) -> str:
    """The message for a value not in list ``kind`` (in ``lang``, else the current language);
    the value is quoted only when it cannot identify anyone (:func:`sprintkit.errors.shown`)."""
    from sprintkit import i18n
    from sprintkit.errors import shown

    lang = lang or i18n.language()
    value = shown(text, limit=40) if str(text).strip() else i18n.t("value.nothing", lang)
    return i18n.t("value.unknown", lang, value=value, what=i18n.t(f"value.list.{kind}", lang),
                  accepted=accepted(kind, lang))


def _msg(key: str) -> str:
    from sprintkit.i18n import msg

    return msg(key)


def complete(kind: str, incomplete: str = "") -> list[tuple[str, str]]:
    """Shell completion: ``(value, help)`` for every id and name of list ``kind`` that starts
    with ``incomplete`` (compared as :func:`parse` compares); ids first, then names."""
    from sprintkit import i18n

    start = normal(incomplete or "")
    lang = i18n.language()
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i in ids(kind):
        if normal(i).startswith(start) and i not in seen:
            seen.add(i)
            out.append((i, label(kind, i, lang)))
    for i in ids(kind):
        for other in LANGUAGES:
            name = label(kind, i, other)
            if name not in seen and normal(name).startswith(start):
                seen.add(name)
                out.append((name, i))
    return out


def completer(kind: str) -> Callable[[str], list[tuple[str, str]]]:
    """A Typer ``autocompletion=`` function for list ``kind``."""

    def _complete(incomplete: str) -> list[tuple[str, str]]:
        return complete(kind, incomplete)

    return _complete


def to_id(kind: str) -> Callable[[Any], Any]:
    """A pydantic ``BeforeValidator`` function: a name of a value of list ``kind`` (as a person
    writes it in a file) becomes its id; anything else passes unchanged, so the model's own
    ``Literal`` check reports it where it stands."""

    known = frozenset(ids(kind))

    def _to_id(value: Any) -> Any:
        if isinstance(value, str) and value in known:
            return value  # an id already, as files mostly hold: no need to read the names
        found = find(kind, value)
        return value if found is None else found

    return _to_id
