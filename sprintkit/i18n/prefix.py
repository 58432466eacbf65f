"""The texts of one part of the catalogue at once, for views that show many of them."""

from __future__ import annotations

from sprintkit.i18n import catalogue


def words_under(prefix: str, lang: str) -> dict[str, str]:
    """Every catalogue text under ``prefix`` in ``lang``, by its key without the prefix."""
    cut = len(prefix)
    return {key[cut:]: text for key, text in catalogue(lang).items() if key.startswith(prefix)}
