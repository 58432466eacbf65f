"""A fast way to read plain data from a YAML file that is only read, never written back.

ruamel.yaml's round-trip reader keeps comments and positions, which sprintkit needs to write a
file back and to point at a problem, but it is pure Python: a sprint with thousands of
hypotheses takes seconds. When a file is only read (``validate``, ``report``, the built-in
methods) and turns out to be valid, positions are never used. This module reads such files
with libyaml (through PyYAML's C parser) and builds exactly the plain data that
:func:`sprintkit.files.yamlio.to_plain` would give for ruamel's tree: YAML 1.2 core schema
(``yes``/``NO``/``12:30`` stay text), ruamel's own resolution rules, dates as ISO text.

Anything out of the ordinary — directives, explicit tags, anchors and aliases, merge keys,
duplicate keys, complex keys, deep nesting, very many nodes, unusual numbers, a syntax error,
or no libyaml at all — makes :func:`fast_plain` answer ``None``, and the caller reads the file
the careful way, which reports every problem with its location. The answer is never different
from the careful reader's, only faster (a test compares the two on random documents)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sprintkit.files.limits import MAX_DEPTH, MAX_NODES

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
_MAP, _SEQ, _VALUE = _CORE + "map", _CORE + "seq", _CORE + "value"

# ruamel.yaml's implicit resolvers for YAML 1.2 (ruamel/yaml/resolver.py), in its order; a test
# checks they are the same patterns as the installed ruamel.yaml's.
RESOLVERS_1_2: list[tuple[str, str, str]] = [
    (_BOOL, r"""^(?:true|True|TRUE|false|False|FALSE)$""", "tTfF"),
    (_FLOAT, r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    (_INT, r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    (_CORE + "merge", r"^(?:<<)$", "<"),
    (_NULL, r"""^(?: ~
        |null|Null|NULL
        | )$""", "~nN"),
    (_TIMESTAMP, r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    (_CORE + "value", r"^(?:=)$", "="),
]
"""``(tag, pattern, first characters)``; the null resolver also matches the empty value."""

_FIRSTS = frozenset("".join(first for _, _, first in RESOLVERS_1_2))
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_PLAIN_INT = re.compile(r"[-+]?[0-9]+\Z")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+"
                          r"|\.[0-9]+(?:[eE][-+][0-9]+)?)\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


def import_pyyaml() -> Any:
    """PyYAML, imported with the regular expressions its own modules compile at their import
    (the pure-Python reader's, resolver's and constructor's) compiled only when first used.
    sprintkit reads through libyaml with its own resolvers, which never ask them; the reader's
    pattern of non-printable characters alone, with its ranges up to U+10FFFF, cost as much work
    as a tenth of a minimal Typer app's run. PyYAML only ever calls ``match`` and ``search`` on
    them, which a :class:`~sprintkit.engine.lazyre.LazyPattern` answers."""
    import sys

    if "yaml" in sys.modules:
        return sys.modules["yaml"]
    from sprintkit.engine.lazyre import LazyPattern

    real = re.compile

    def compile_lazily(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if isinstance(pattern, str) and (caller == "yaml" or caller.startswith("yaml.")):
            return LazyPattern(pattern, flags)
        return real(pattern, flags)

    re.compile = compile_lazily
    try:
        import yaml
    finally:
        re.compile = real
    return yaml


class _NeedsFullReader(Exception):
    """The document has something only the careful reader handles (or reports)."""


_loader_class: Any = None


def _loader() -> Any:
    """A libyaml parser with ruamel's YAML 1.2 resolvers; ``None`` without libyaml."""
    global _loader_class
    if _loader_class is None:
        try:
            import_pyyaml()
            import yaml
            from yaml._yaml import CParser
        except ImportError:
            _loader_class = False
            return None

        table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for tag, pattern, first in RESOLVERS_1_2:
            compiled = re.compile(pattern, re.X)
            for ch in list(first) + ([""] if tag == _NULL else []):
                table.setdefault(ch, []).append((tag, compiled))
        scalar_node, defaults = yaml.nodes.ScalarNode, {
            yaml.nodes.ScalarNode: _STR, yaml.nodes.SequenceNode: _SEQ,
            yaml.nodes.MappingNode: _MAP}

        class Resolver(yaml.resolver.BaseResolver):
            """BaseResolver's rules with ruamel's 1.2 table, without path resolvers."""

            def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
                if kind is scalar_node and implicit[0]:
                    for tag, regexp in table.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return defaults[kind]

            def descend_resolver(self, current_node: Any, current_index: Any) -> None:
                return None

            def ascend_resolver(self) -> None:
                return None

        class Loader(CParser, Resolver):
            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                Resolver.__init__(self)

        _loader_class = Loader
    return _loader_class or None


def fast_plain(text: str) -> tuple[bool, Any]:
    """``(True, data)`` with the document's plain data, or ``(False, None)`` when the file must
    be read by the careful reader (:func:`sprintkit.files.yamlio.parse_yaml`)."""
    ok, data, _ = fast_nodes(text)
    return ok, data


def fast_nodes(text: str) -> tuple[bool, Any, Any]:
    """Like :func:`fast_plain`, and libyaml's node graph too (``(ok, data, root node)``): its
    marks say where every entry is, for writing a change back into only those lines
    (:mod:`sprintkit.files.yamlsplice`)."""
    loader_class = _loader()
    if loader_class is None or _DIRECTIVE.search(text):
        return False, None, None
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return True, None, None
            return True, _Builder(loader).build(node, 0), node
        finally:
            loader.dispose()
    except (_NeedsFullReader, RecursionError):
        return False, None, None
    except Exception:  # any parser complaint: the careful reader says where and why
        return False, None, None


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """Where (1-based line and column) the nesting first goes deeper than ``limit``, or None.

    The careful reader's scanner takes time quadratic in the depth of ``[[[[…`` (minutes for a
    file of brackets), so it is asked only after this check; without libyaml the check is
    skipped."""
    if text.count("[") + text.count("{") <= limit:
        return None  # cannot be nested deeper than that in flow style
    loader_class = _loader()
    if loader_class is None:
        return None
    import yaml

    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    depth = -1  # the top-level collection is level 0, as the careful reader counts
    loader = loader_class(text)
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return None
            if isinstance(event, starts):
                depth += 1
                if depth > limit:
                    mark = event.start_mark
                    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            elif isinstance(event, ends):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem or "") and exc.problem_mark is not None:
            return exc.problem_mark.line + 1, exc.problem_mark.column + 1
        return None  # another problem: the careful reader reports it
    except Exception:
        return None
    finally:
        loader.dispose()


class _Builder:
    """Plain data from libyaml's node graph, refusing whatever ruamel would read differently."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.seen: set[int] = set()
        self.nodes = 0

    def build(self, node: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _NeedsFullReader  # the careful reader reports the depth with a location
        key = id(node)
        if key in self.seen:
            raise _NeedsFullReader  # an alias: counted and checked by the careful reader
        self.seen.add(key)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _NeedsFullReader
        kind = node.id
        if kind == "scalar":
            return self.scalar(node)
        if kind == "sequence":
            if node.tag != _SEQ:
                raise _NeedsFullReader
            return [self.build(item, depth + 1) for item in node.value]
        if node.tag != _MAP:
            raise _NeedsFullReader
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                raise _NeedsFullReader  # complex keys
            name = self.build(key_node, depth + 1)
            if name in result or (name is None and None in result):
                raise _NeedsFullReader  # duplicate keys are reported with both lines
            result[name] = self.build(value_node, depth + 1)
        return result

    def scalar(self, node: Any) -> Any:
        value: str = node.value
        tag = node.tag
        plain = not node.style  # libyaml gives '' for plain scalars, PyYAML's reader None
        if tag == _STR and (not plain or (value and value[0] not in _FIRSTS)):
            return value  # text that no resolver could take for anything else
        implicit = self.loader.resolve(type(node), value, (True, False)) if plain else _STR
        if tag != implicit:
            raise _NeedsFullReader  # an explicit tag
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            if not _PLAIN_INT.match(value):
                raise _NeedsFullReader  # 0x…, 0o…, 0b…, underscores
            return int(value)
        if tag == _FLOAT:
            if not _PLAIN_FLOAT.match(value):
                raise _NeedsFullReader  # .inf, .nan, underscores
            return float(value)
        if tag == _TIMESTAMP:
            return _timestamp(value)
        if tag == _VALUE:
            return value  # a lone '=': text, as the careful reader gives it
        raise _NeedsFullReader  # merge keys and anything newer


def _timestamp(value: str) -> str:
    """A YAML timestamp as the ISO text ruamel's reader gives (impossible dates stay text)."""
    match = _DATE.match(value)
    if match is not None:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return value
    parts = _TIMESTAMP_PARTS.match(value)
    if parts is None:
        raise _NeedsFullReader
    try:
        return _create_timestamp(**parts.groupdict()).isoformat()
    except (ValueError, OverflowError):
        return value


# ruamel.yaml's timestamp_regexp and create_timestamp (ruamel/yaml/util.py, MIT licence), so the
# fast reader gives the same values without importing ruamel; a test compares the two.
_TIMESTAMP_PARTS = re.compile(
    """^(?P<year>[0-9][0-9][0-9][0-9])
       -(?P<month>[0-9][0-9]?)
       -(?P<day>[0-9][0-9]?)
       (?:((?P<t>[Tt])|[ \\t]+)   # explictly not retaining extra spaces
       (?P<hour>[0-9][0-9]?)
       :(?P<minute>[0-9][0-9])
       :(?P<second>[0-9][0-9])
       (?:\\.(?P<fraction>[0-9]*))?
        (?:[ \\t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
       (?::(?P<tz_minute>[0-9][0-9]))?))?)?$""",
    re.X,
)


def _create_timestamp(year: str, month: str, day: str, t: str | None, hour: str | None,
                      minute: str, second: str, fraction: str | None, tz: str | None,
                      tz_sign: str | None, tz_hour: str | None, tz_minute: str | None,
                      ) -> dt.date:
    if hour is None:
        return dt.date(int(year), int(month), int(day))
    frac = 0
    micro = 0
    if fraction:
        frac_s = fraction[:6].ljust(6, "0")
        frac = int(frac_s)
        if len(fraction) > 6 and int(fraction[6]) > 4:
            frac += 1
        micro = 0 if frac > 999999 else frac
    tzinfo = None
    if tz_sign:
        delta = dt.timedelta(hours=int(tz_hour or 0), minutes=int(tz_minute) if tz_minute else 0)
        tzinfo = dt.timezone(-delta if tz_sign == "-" else delta, name=tz or "")
    elif tz == "Z":
        tzinfo = dt.timezone(dt.timedelta(hours=0), name="Z")
    data = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                       micro, tzinfo)
    if frac > 999999:
        data += dt.timedelta(seconds=1)
    return data
