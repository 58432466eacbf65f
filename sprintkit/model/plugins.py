"""No search for pydantic plugins when they are switched off.

pydantic asks its plugin loader for plugins each time it builds a model class. The loader's
module imports :mod:`importlib.metadata` at its top (with it ``email``, ``zipfile``, ``socket``
and more: about 12 ms at every start of a command), although with ``PYDANTIC_DISABLE_PLUGINS``
set — as ``sprintkit``'s command sets it, unless the user chose otherwise — it reads no metadata
at all. :func:`skip_plugin_search` puts a stand-in for that module in place: it answers "no
plugins" while plugins are switched off, and hands every other question, and the plugins as
soon as they are switched on, to the real loader, imported then."""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"
OFF = ("__all__", "1", "true")
"""The values of ``PYDANTIC_DISABLE_PLUGINS`` that switch every plugin off (pydantic's own)."""


class _Loader(types.ModuleType):
    """Stands in for ``pydantic.plugin._loader`` until it is really needed."""

    def get_plugins(self) -> Any:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in OFF:
            return ()
        return _real().get_plugins()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        return getattr(_real(), name)


def _real() -> types.ModuleType:
    if isinstance(sys.modules.get(LOADER), _Loader):
        del sys.modules[LOADER]
    return importlib.import_module(LOADER)


def skip_plugin_search() -> None:
    """Put the stand-in in place, unless the real loader is loaded already."""
    if LOADER not in sys.modules:
        sys.modules[LOADER] = _Loader(LOADER, _Loader.__doc__)
