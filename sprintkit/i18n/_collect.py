"""Builds one language's catalogue from the area modules of its package."""

from __future__ import annotations

import pkgutil
from collections.abc import Iterable
from importlib import import_module


class DuplicateKey(Exception):
    """Two area modules of one language define the same key (a program error)."""


def collect(package: str, path: Iterable[str]) -> dict[str, str]:
    """Every area module's ``WORDS`` under ``package``, merged; a key defined twice is an error."""
    words: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        area: dict[str, str] = import_module(f"{package}.{info.name}").WORDS
        twice = words.keys() & area.keys()
        if twice:
            raise DuplicateKey(f"{package}.{info.name} repeats {sorted(twice)[:5]}")
        words.update(area)
    return words
