"""Bounds for what one rendering of a template may cost, so that a user's template cannot hold
the machine: time, loop rounds and calls, and the size of every text or list it makes.

Jinja's sandbox already keeps templates away from Python internals and caps ``range()`` at
100,000 items. On top of that, one rendering may

* take at most :data:`MAX_SECONDS` seconds and :data:`MAX_STEPS` loop rounds and calls
  (every ``{% for %}`` iterable is counted as it is walked, even a loop that writes nothing);
* make no single text or list longer than :data:`MAX_REPEAT` characters or items — ``*`` and
  ``+``, ``~``, ``ljust``/``rjust``/``center``/``zfill``/``expandtabs``, format widths
  (``'%9999999999s'``, ``'{:9999999999}'``), ``join``, ``replace``, and the filters that
  pad, indent, wrap, slice or batch are checked before they run;
* make at most :data:`MAX_MADE` characters with those operations in all;
* make numbers of at most :data:`MAX_DIGITS` digits (``**`` and ``*``).

A rendering that goes past a bound stops with :class:`TemplateLimit`, which the renderer turns
into a clear error naming the template and line (exit 1)."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

MAX_SECONDS = 30.0
"""Most seconds one rendering may take."""
MAX_STEPS = 20_000_000
"""Most loop rounds and calls one rendering may make."""
MAX_REPEAT = 10_000_000
"""Most characters or items one operation of a template may make."""
MAX_MADE = 100_000_000
"""Most characters the checked operations may make in one rendering, together."""
MAX_DIGITS = 10_000
"""Most digits a number made by a template may have."""

class TemplateLimit(Exception):
    """A template went past one of the bounds; the message says which."""


class Budget:
    """What one rendering has used so far."""

    def __init__(self) -> None:
        self.start()

    def start(self) -> None:
        self.began = time.monotonic()
        self.steps = 0
        self.made = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps & 0x3FF == 0 or count > 1:
            if self.steps > MAX_STEPS:
                raise TemplateLimit(f"the template makes more than {MAX_STEPS:,} loop rounds "
                                    "and calls; stopped")
            if time.monotonic() - self.began > MAX_SECONDS:
                raise TemplateLimit(f"the template took more than {MAX_SECONDS:g} seconds; "
                                    "stopped")

    def make(self, size: int, what: str, unit: str = "characters") -> None:
        """Account for ``size`` characters (or items) about to be made by ``what``."""
        if size > MAX_REPEAT:
            raise TemplateLimit(f"{what} of {size:,} {unit} is too large "
                                f"(the limit is {MAX_REPEAT:,})")
        self.made += size
        if self.made > MAX_MADE:
            raise TemplateLimit(f"the template makes more than {MAX_MADE:,} characters of "
                                "padded, repeated or joined text; stopped")
        self.step()


def _width(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return 0


_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _percent_width(spec: str, values: Any) -> int:
    """The widest field a ``%`` format of ``spec`` with ``values`` would make."""
    widest = 0
    numbers = [v for v in (values if isinstance(values, tuple) else (values,))
               if isinstance(v, int)]
    for width, precision in _PERCENT.findall(spec):
        for part in (width, precision):
            if part == "*":
                widest = max([widest, *numbers])
            elif part:
                widest = max(widest, int(part))
    return widest


def _format_width(spec: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The widest field ``spec.format(*args, **kwargs)`` would make."""
    import string

    widest = 0
    try:
        fields = list(string.Formatter().parse(spec))
    except ValueError:
        return 0  # the format itself fails with a clear error
    for _, _, field, _ in fields:
        if not field:
            continue
        widest = max([widest, *(int(n) for n in re.findall(r"\d+", field))])
        if "{" in field:
            widest = max([widest, *(v for v in (*args, *kwargs.values())
                                    if isinstance(v, int) and not isinstance(v, bool))])
    return widest


def _replace_size(text: str, old: Any, new: Any, count: Any = -1) -> int:
    old, new = str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * max(0, len(new) - len(old))


class Guards:
    """The checks, bound to one environment's :class:`Budget`."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    # -- loops and calls ----------------------------------------------------------------------

    def steps(self, iterable: Any) -> Iterator[Any]:
        """``iterable``, counting every round against the budget."""
        step = self.budget.step
        for item in iterable:
            step()
            yield item

    def sized(self, value: Any) -> Any:
        """``value`` (the result of ``~``), checked for size."""
        if isinstance(value, str) and len(value) > MAX_REPEAT:
            self.budget.make(len(value), "a joined text (~)")
        return value

    def concat(self, parts: Iterable[str]) -> str:
        """``''.join`` for captured blocks and macro bodies, checked for size."""
        items = list(parts)
        size = sum(map(len, items))
        if size > MAX_REPEAT:
            self.budget.make(size, "a block or macro text")
        return "".join(items)

    def call(self, obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
             ) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """Check a call a template makes; returns the arguments to call with."""
        self.budget.step()
        owner = getattr(obj, "__self__", None)
        if not isinstance(owner, str):
            return args, kwargs
        name = getattr(obj, "__name__", "")
        make = self.budget.make
        if name in ("ljust", "rjust", "center", "zfill"):
            make(_width(args[0] if args else kwargs.get("width", 0)), f"a {name}() text")
        elif name == "expandtabs":
            tab = _width(args[0] if args else kwargs.get("tabsize", 8))
            make(len(owner) + owner.count("\t") * max(tab, 0), "an expandtabs() text")
        elif name == "join" and args:
            items = list(self.steps(args[0]))
            size = len(owner) * max(len(items) - 1, 0) + sum(
                len(i) for i in items if isinstance(i, str))
            make(size, "a join() text")
            args = (items, *args[1:])
        elif name == "replace" and len(args) >= 2:
            make(_replace_size(owner, *args[:3]), "a replace() text")
        return args, kwargs

    def binop(self, operator: str, left: Any, right: Any) -> None:
        """Refuse an arithmetic result that would eat the machine's memory."""
        make = self.budget.make
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    make(len(seq) * max(times, 0), "a repetition", "items")
            if (isinstance(left, int) and isinstance(right, int)
                    and (left.bit_length() + right.bit_length()) * math.log10(2) > MAX_DIGITS):
                raise TemplateLimit(f"a product of more than {MAX_DIGITS:,} digits is too "
                                    "large")
        elif operator == "**":
            if (isinstance(left, int) and isinstance(right, int) and abs(left) > 1
                    and right > 0 and right * math.log10(abs(left)) > MAX_DIGITS):
                raise TemplateLimit(f"{left} ** {right} has too many digits "
                                    f"(the limit is {MAX_DIGITS:,})")
        elif operator == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                size = len(left) + len(right)
                if size > MAX_REPEAT:
                    make(size, "a sum")
        elif operator == "%" and isinstance(left, str):
            make(_percent_width(left, right), "a % format field")

    # -- filters and globals that make text ---------------------------------------------------

    def wrap_filters(self, filters: dict[str, Callable[..., Any]]) -> None:
        """Put checks in front of the filters that pad, indent, wrap, slice or batch."""
        make = self.budget.make

        def guarded(name: str, check: Callable[..., None]) -> None:
            original = filters.get(name)
            if original is None:
                return

            passes = hasattr(original, "jinja_pass_arg")  # the environment or context first

            def run(*args: Any, **kwargs: Any) -> Any:
                check(*(args[1:] if passes else args), **kwargs)
                return original(*args, **kwargs)

            for attr in ("jinja_pass_arg",):
                if hasattr(original, attr):
                    setattr(run, attr, getattr(original, attr))
            filters[name] = run

        def center(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
            make(_width(width), "a centred text")

        def indent(value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
            lines = str(value).count("\n") + 1
            each = len(width) if isinstance(width, str) else _width(width)
            make(len(str(value)) + lines * max(each, 0), "an indented text")

        def wordwrap(value: Any, width: Any = 79, break_long_words: bool = True,
                     wrapstring: Any = None, *_: Any, **kwargs: Any) -> None:
            wrap = kwargs.get("wrapstring", wrapstring)
            text = str(value)
            lines = len(text) // max(_width(width), 1) + text.count("\n") + 1
            make(len(text) + lines * len(str(wrap or "\n")), "a wrapped text")

        def fmt(value: Any, *args: Any, **kwargs: Any) -> None:
            make(_percent_width(str(value), tuple(args) or tuple(kwargs.values())),
                 "a format field")

        def slices(value: Any, count: Any = 1, *_: Any, **__: Any) -> None:
            make(_width(count), "a slice", "items")

        def batch(value: Any, count: Any = 1, *_: Any, **__: Any) -> None:
            make(_width(count), "a batch", "items")

        def tojson(value: Any, indent: Any = None, *_: Any, **__: Any) -> None:
            make(_width(indent) * 64, "an indented JSON text")

        def replace(value: Any, old: Any, new: Any, count: Any = None, *_: Any, **__: Any
                    ) -> None:
            make(_replace_size(str(value), old, new, -1 if count is None else count),
                 "a replaced text")

        guarded("replace", replace)
        original_join = filters.get("join")
        if original_join is not None and not hasattr(original_join, "jinja_pass_arg"):
            def join(values: Any, separator: Any = "", *args: Any, **kwargs: Any) -> Any:
                items = list(self.steps(values))
                make(len(str(separator)) * max(len(items) - 1, 0)
                     + sum(len(i) for i in items if isinstance(i, str)), "a joined text")
                return original_join(items, separator, *args, **kwargs)

            filters["join"] = join
        guarded("center", center)
        guarded("indent", indent)
        guarded("wordwrap", wordwrap)
        guarded("format", fmt)
        guarded("slice", slices)
        guarded("batch", batch)
        guarded("tojson", tojson)

    def format_method(self, owner: str, is_map: bool, wrapped: Callable[..., str]
                      ) -> Callable[..., str]:
        """``wrapped`` (the sandbox's ``str.format``/``format_map`` of ``owner``), checking
        the widths of its fields first."""

        def checked(*args: Any, **kwargs: Any) -> str:
            values = args[0] if is_map and args else kwargs
            self.budget.make(_format_width(owner, args if not is_map else (),
                                           values if isinstance(values, dict) else {}),
                             "a format() field")
            return wrapped(*args, **kwargs)

        return checked

    def lipsum(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
            self.budget.make(_width(n) * _width(max) * 12, "a lipsum() text")
            return original(n=n, html=html, min=min, max=max)

        return lipsum


def extension() -> Any:
    """The Jinja extension through which rewritten templates reach the environment's
    :class:`Guards` (``environment.sk_guards``)."""
    from jinja2.ext import Extension

    class GuardExtension(Extension):
        def steps(self, iterable: Any) -> Iterator[Any]:
            return self.environment.sk_guards.steps(iterable)  # type: ignore[attr-defined]

        def sized(self, value: Any) -> Any:
            return self.environment.sk_guards.sized(value)  # type: ignore[attr-defined]

    return GuardExtension


def guard_tree(tree: Any, extension: str) -> Any:
    """Rewrite a parsed template so every ``{% for %}`` walks through ``Guards.steps`` and
    every ``~`` goes through ``Guards.sized`` (the calls go to the environment's extension
    ``extension``, which a template cannot shadow or reach)."""
    from jinja2 import nodes
    from jinja2.visitor import NodeTransformer

    def call(name: str, node: Any) -> Any:
        target = nodes.ExtensionAttribute(extension, name, lineno=node.lineno)
        return nodes.Call(target, [node], [], None, None, lineno=node.lineno)

    class Guard(NodeTransformer):
        def visit_For(self, node: Any) -> Any:
            node = self.generic_visit(node)
            node.iter = call("steps", node.iter)
            return node

        def visit_Concat(self, node: Any) -> Any:
            return call("sized", self.generic_visit(node))

    return Guard().visit(tree)
