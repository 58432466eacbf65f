"""The texts of one part of the catalogue at once, for views that show many of them."""

from __future__ import annotations

from sprintkit.i18n import area, catalogue


def words_under(prefix: str, lang: str) -> dict[str, str]:
    """Every catalogue text under ``prefix`` in ``lang``, by its key without the prefix (from
    the one area module that holds them, when there is one)."""
    cut = len(prefix)
    first, dot, _ = prefix.partition(".")
    words = area(first, lang) if dot else catalogue(lang)
    return {key[cut:]: text for key, text in words.items() if key.startswith(prefix)}
