"""Modules that libraries import at their top and sprintkit never uses, loaded only when used.

A :class:`StandIn` sits in ``sys.modules`` in place of a module. It offers what is given to it
(a class that builds the real one, a function), and the moment anything else is asked of it,
it imports the real module, puts it where the stand-in was, and answers from it. Nothing
changes for a caller except when the import happens:

- Typer's help formatter imports ``rich.markdown`` (with markdown-it) and ``rich.traceback``
  (with rich's syntax highlighting and pygments) at its top: one for help written in Markdown,
  one for Typer's pretty tracebacks. sprintkit's help is written in rich markup and pretty
  tracebacks are switched off, so the imports (about 60 ms, most of ``sprintkit --help``) are
  wasted.
- pydantic's plugin loader imports ``importlib.metadata`` (with ``email``, ``zipfile``,
  ``socket``: about 12 ms at every start of a command) although it reads no metadata while
  ``PYDANTIC_DISABLE_PLUGINS`` switches every plugin off, as the ``sprintkit`` command does
  unless the user chose otherwise. Its stand-in answers "no plugins" while they are off.

``tests/test_robust_lazy.py`` and ``tests/test_robust_coerce.py`` check that the deferred
modules still work the moment they are used."""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any


class StandIn(types.ModuleType):
    """Stands in for the module ``name`` until something other than ``offers`` is asked."""

    def __init__(self, name: str, **offers: Any) -> None:
        super().__init__(name, f"Stands in for {name} until it is used.")
        self.__dict__.update(offers)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        return getattr(self.real(), name)

    def real(self) -> types.ModuleType:
        """The real module, imported now when it is not yet (then it replaces the stand-in)."""
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        module = importlib.import_module(name)
        parent, _, child = name.rpartition(".")
        if parent and isinstance(getattr(sys.modules.get(parent), child, None), StandIn):
            setattr(sys.modules[parent], child, module)
        return module


class _Deferred(type):
    """The type of a class that stands in for a class of a deferred module: calling it, or
    asking it anything (``Traceback.from_exception``), is done by the real class."""

    _module: StandIn
    _name: str

    def real(cls) -> Any:
        return getattr(cls._module.real(), cls._name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(cls.real(), name)


def stand_in(name: str, *classes: str, **offers: Any) -> StandIn | None:
    """Put a stand-in for the module ``name`` in place, offering ``classes`` (each built from
    the real module when used) and ``offers``; ``None`` when the real module is loaded already."""
    if name in sys.modules:
        return None
    module = StandIn(name, **offers)
    for cls in classes:
        setattr(module, cls, _Deferred(cls, (), {"_module": module, "_name": cls}))
    sys.modules[name] = module
    return module


def defer_rich_help_imports() -> None:
    """``rich.markdown`` and ``rich.traceback``, imported by Typer's help, load when used."""
    stand_in("rich.markdown", "Markdown")
    stand_in("rich.traceback", "Traceback")


PLUGINS_OFF = ("__all__", "1", "true")
"""The values of ``PYDANTIC_DISABLE_PLUGINS`` that switch every plugin off (pydantic's own)."""


def skip_pydantic_plugin_search() -> None:
    """pydantic's plugin loader loads when plugins are switched on, or anything else is asked."""

    def get_plugins() -> Any:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in PLUGINS_OFF:
            return ()
        assert loader is not None
        return loader.real().get_plugins()

    loader = stand_in("pydantic.plugin._loader", get_plugins=get_plugins)
