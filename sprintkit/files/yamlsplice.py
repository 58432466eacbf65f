"""Writing a change into a big YAML file by re-emitting only the entries that changed.

Merging a changed model into the round-trip tree of the whole file (:mod:`yamlwrite`) costs
seconds for a file of a megabyte or more: ruamel.yaml reads and writes every node in pure
Python. A change usually touches a few entries (one hypothesis gets one more piece of evidence),
so :func:`splice` compares the file's data with the new data, finds the smallest *runs* of block
entries that hold every difference (a few keys of one mapping, a few items of one list), and
sends only those lines through the same round trip (:func:`yamlwrite.merge` and
:func:`yamlwrite.dump`, with the file's own indentation). Every other byte of the file stays as
it was: comments, blank lines, quoting and key order.

The positions come from libyaml's node graph (:func:`yamlfast.fast_nodes`). Each run is checked
twice: its old lines must read back as exactly the old data of its entries (so the lines were
cut right), and its new lines as exactly the new data (so they were written right). Whenever
something is out of the ordinary (flow style, an entry sharing a line with another, a changed
top level, line breaks other than ``\\n``/``\\r\\n``), :func:`splice` answers ``None`` and the
caller merges into the whole file as before; the result is never different in data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sprintkit.files.yamlwrite import YAML11_BREAKS, dump, merge

_ODD_BREAKS = re.compile(f"[\r{YAML11_BREAKS}]")
_KEEP_CHOMP = re.compile(r"[|>][1-9]?\+")
_BLOCK_SCALAR_END = re.compile(r"[|>][1-9+-]*[ \t]*(?:#.*)?$")


class _CannotSplice(Exception):
    """This collection must be re-emitted as a whole by its parent (or the whole file)."""


@dataclass
class _Run:
    """Lines ``first``..``last`` (0-based, inclusive) holding consecutive entries of one block
    collection whose entries start at ``column``; ``old`` and ``new`` are their data."""

    first: int
    last: int
    column: int
    old: Any
    new: Any
    sequence: bool


def splice(text: str, root: Any, old: Any, new: Any, *, like: str | None = None) -> str | None:
    """``text`` (whose libyaml node graph is ``root`` and plain data ``old``) changed to hold
    ``new``; ``None`` when only a merge into the whole file can do it."""
    if root is None or not isinstance(old, dict) or not isinstance(new, dict):
        return None
    crlf = "\r\n" in text
    work = text.replace("\r\n", "\n") if crlf else text
    if _ODD_BREAKS.search(work):
        return None  # libyaml counts these as line breaks; our line numbers would not
    if same(old, new):
        return text
    lines = work.split("\n")
    walker = _Walker(lines)
    try:
        runs = walker.changes(root, old, new)
        pieces = [(run, _emit(run, lines, like if like is not None else work)) for run in runs]
    except _CannotSplice:
        return None
    out: list[str] = []
    position = 0
    for run, replacement in sorted(pieces, key=lambda p: p[0].first):
        if run.first < position:
            return None  # overlapping runs cannot happen; refuse rather than guess
        out.extend(lines[position:run.first])
        out.extend(replacement)
        position = run.last + 1
    out.extend(lines[position:])
    return "\n".join(out)


# --- finding the runs ------------------------------------------------------------------------


class _Walker:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def changes(self, node: Any, old: Any, new: Any) -> list[_Run]:
        """Runs covering every difference inside the block collection ``node``; raises
        :class:`_CannotSplice` when ``node`` must be re-emitted whole."""
        if getattr(node, "flow_style", False):
            raise _CannotSplice
        if node.id == "mapping" and isinstance(old, dict) and isinstance(new, dict):
            return self._mapping(node, old, new)
        if node.id == "sequence" and isinstance(old, list) and isinstance(new, list):
            return self._sequence(node, old, new)
        raise _CannotSplice

    def _inner(self, node: Any, old: Any, new: Any) -> list[_Run] | None:
        """Runs inside a changed value, or ``None`` when the value is re-emitted whole."""
        if node.id not in ("mapping", "sequence"):
            return None
        try:
            return self.changes(node, old, new)
        except _CannotSplice:
            return None

    def _mapping(self, node: Any, old: dict[Any, Any], new: dict[Any, Any]) -> list[_Run]:
        keys = list(old)
        if len(keys) != len(node.value):
            raise _CannotSplice
        index = {key: i for i, key in enumerate(keys)}
        if not any(key in index for key in new):
            raise _CannotSplice
        inside_entry: dict[int, list[_Run]] = {}
        needed: set[int] = set()
        for key in keys:
            if key not in new:
                needed.add(index[key])
            elif not same(old[key], new[key]):
                inner = self._inner(node.value[index[key]][1], old[key], new[key])
                if inner is None:
                    needed.add(index[key])
                else:
                    inside_entry[index[key]] = inner
        anchor_of: dict[Any, int] = {}
        order = list(new)
        for position, key in enumerate(order):
            if key not in index:
                anchor_of[key] = _anchor(order, position, index)
                needed.add(anchor_of[key])
        runs = [run for i, inner in inside_entry.items() if i not in needed for run in inner]
        for start, stop in _groups(needed):  # an entry written whole needs no runs inside it
            inside = set(keys[start:stop])
            first_key = node.value[start][0]
            if not self._starts_line(first_key.start_mark):
                raise _CannotSplice  # the first key shares the line of a list's '-'
            last_key, last_value = node.value[stop - 1]
            last = self._content_end(last_value, last_key.start_mark.line)
            runs.append(_Run(
                first=first_key.start_mark.line, last=last, column=first_key.start_mark.column,
                old={k: old[k] for k in keys[start:stop]},
                new={k: new[k] for k in order
                     if k in inside or (k in anchor_of and start <= anchor_of[k] < stop)},
                sequence=False))
        return runs

    def _sequence(self, node: Any, old: list[Any], new: list[Any]) -> list[_Run]:
        n, m = len(old), len(new)
        if n != len(node.value) or n == 0 or m == 0:
            raise _CannotSplice  # an empty list is written '[]': its parent re-emits it
        inside_item: dict[int, list[_Run]] = {}
        needed: set[int] = set()
        for i in range(min(n, m)):
            if not same(old[i], new[i]):
                inner = self._inner(node.value[i], old[i], new[i])
                if inner is None:
                    needed.add(i)
                else:
                    inside_item[i] = inner
        if m > n:
            needed.add(n - 1)  # new items follow the last one, as the whole-file merge does
        needed.update(range(m, n))
        runs = [run for i, inner in inside_item.items() if i not in needed for run in inner]
        for start, stop in _groups(needed):
            first, column = self._dash(node.value[start])
            item = node.value[stop - 1]
            last = self._content_end(item, item.start_mark.line)
            items = [new[i] for i in range(start, min(stop, m))]
            if stop == n and m > n:
                items += new[n:]
            runs.append(_Run(first=first, last=last, column=column, old=old[start:stop],
                             new=items, sequence=True))
        return runs

    # positions

    def _starts_line(self, mark: Any) -> bool:
        return not self.lines[mark.line][:mark.column].strip()

    def _dash(self, item: Any) -> tuple[int, int]:
        """Line and column of the '-' that starts a list item (alone at the start of its line)."""
        line = self.lines[item.start_mark.line]
        before = line[:item.start_mark.column].rstrip(" ")
        if not before.endswith("-") or before[:-1].strip():
            raise _CannotSplice
        return item.start_mark.line, len(before) - 1

    def _content_end(self, node: Any, floor: int) -> int:
        """The last line holding ``node``'s content (not the comments or blank lines after)."""
        if node.id == "mapping" and node.value and not node.flow_style:
            key, value = node.value[-1]
            return self._content_end(value, key.start_mark.line)
        if node.id == "sequence" and node.value and not node.flow_style:
            item = node.value[-1]
            return self._content_end(item, item.start_mark.line)
        start, end = node.start_mark, node.end_mark
        line, column = end.line, end.column
        while (line, column) > (start.line, start.column):
            if column == 0:
                line -= 1
                column = len(self.lines[line]) if line >= 0 else 0
                continue
            if not self.lines[line][column - 1].isspace():
                return max(line, floor)
            column -= 1
        return floor


def _anchor(order: list[Any], position: int, index: dict[Any, int]) -> int:
    """Where the whole-file merge puts a new key (``yamlwrite._insert_at``): after the nearest
    earlier key that the file has, else before the nearest later one."""
    for earlier in reversed(order[:position]):
        if earlier in index:
            return index[earlier]
    for later in order[position + 1:]:
        if later in index:
            return index[later]
    raise _CannotSplice


def _groups(indices: set[int]) -> list[tuple[int, int]]:
    """Consecutive indices as ``(start, stop)`` ranges."""
    groups: list[tuple[int, int]] = []
    for i in sorted(indices):
        if groups and groups[-1][1] == i:
            groups[-1] = (groups[-1][0], i + 1)
        else:
            groups.append((i, i + 1))
    return groups


# --- writing one run -------------------------------------------------------------------------


def _emit(run: _Run, lines: list[str], like: str) -> list[str]:
    """The run's new lines, in place of ``lines[run.first:run.last + 1]``."""
    from sprintkit.errors import SprintkitError
    from sprintkit.files.yamlfast import fast_plain
    from sprintkit.files.yamlio import parse_yaml
    from sprintkit.files.yamlwrite import indentation_of

    if not run.new:
        return []  # the entries are removed
    short = _appended(run, lines, like) or _one_value(run, lines)
    if short is not None:
        return short
    # ruamel writes a top-level list indented by the file's offset: cut the lines so the run's
    # '-' stands there already, and end-of-line comments keep their columns
    at = min(indentation_of(like)[2], run.column) if run.sequence else 0
    dedent = run.column - at
    cut = []
    for line in lines[run.first:run.last + 1]:
        if line[:dedent].strip():
            raise _CannotSplice  # a comment less indented than the entries
        cut.append(line[dedent:])
    try:
        doc = parse_yaml("\n".join(cut) + "\n", Path("<run>"))
    except SprintkitError:
        raise _CannotSplice from None
    if doc.tree is None or not same(doc.data, run.old):
        raise _CannotSplice  # the lines did not hold exactly these entries
    text = dump(merge(doc.tree, run.new), like=like)
    if _KEEP_CHOMP.search(text):
        raise _CannotSplice  # a block scalar keeping its final blank lines would take the next
    ok, written = fast_plain(text)
    if not ok or not same(written, run.new):
        raise _CannotSplice
    out = text.rstrip("\n").split("\n")
    shift = len(out[0]) - len(out[0].lstrip(" "))
    if shift != at:  # written elsewhere than where it was read
        if any(line[:shift].strip() for line in out):
            raise _CannotSplice
        out = [line[shift - at:] if shift > at else " " * (at - shift) + line for line in out]
    pad = " " * dedent
    return [pad + line if line else line for line in out]


def _appended(run: _Run, lines: list[str], like: str) -> list[str] | None:
    """When a list only gains items at its end: the run's old lines as they are, then the new
    items as :mod:`yamlplain` writes them, without the round trip. ``None`` when the round trip
    must write the run (anything else changed, or the new items hold what only it writes)."""
    from sprintkit.files.yamlfast import fast_plain
    from sprintkit.files.yamlplain import block_items
    from sprintkit.files.yamlwrite import indentation_of

    kept = len(run.old)
    if not run.sequence or len(run.new) <= kept:
        return None
    if not all(same(a, b) for a, b in zip(run.old, run.new[:kept], strict=False)):
        return None
    old_lines = lines[run.first:run.last + 1]
    if any(_BLOCK_SCALAR_END.search(line) for line in old_lines):
        return None  # a block scalar may own the blank lines after it
    mapping, _, offset = indentation_of(like)
    added = block_items(run.new[kept:], run.column, mapping, offset)
    if added is None:
        return None
    ok, written = fast_plain("\n".join(line[run.column:] for line in added) + "\n")
    if not ok or not same(written, run.new[kept:]):
        return None  # e.g. text that would read back as a number or a date
    return old_lines + added


def _one_value(run: _Run, lines: list[str]) -> list[str] | None:
    """When one key's plain value changed to another plain value (an action's status, a
    hypothesis's title) on a line of its own with no comment: that line with the new value as
    :mod:`yamlplain` writes it, without the round trip. ``None`` otherwise."""
    from sprintkit.files.yamlfast import fast_plain
    from sprintkit.files.yamlplain import scalar

    if run.sequence or run.first != run.last or len(run.new) != 1 or list(run.old) != list(run.new):
        return None
    [(key, new)] = run.new.items()
    if isinstance(new, (dict, list)) or isinstance(run.old[key], (dict, list)):
        return None
    line = lines[run.first]
    pad = line[:run.column]
    shown = scalar(new)
    if (pad.strip() or shown is None or not isinstance(key, str) or scalar(key) != key
            or not line[run.column:].startswith(key + ":") or "#" in line):
        return None
    was = line[run.column + len(key) + 1:].strip()
    if not was or was[0] in "'\"|>&*!{[":
        return None  # the round trip keeps the old value's quotes or style
    text = f"{pad}{key}: {shown}"
    ok, written = fast_plain(text[run.column:] + "\n")
    if not ok or not same(written, run.new):
        return None
    return [text]


# --- comparing data the way the merge does ---------------------------------------------------


_LEAVES = (str, int, float)
_MISSING = object()


def same(a: Any, b: Any) -> bool:
    """Whether the whole-file merge would leave ``a`` (read from the file) as it is for ``b``
    (written by the model): the same shape and, leaf by leaf, ``yamlwrite``'s equality."""
    kind = type(a)
    if kind is type(b) and kind in _LEAVES:
        return bool(a == b)
    if kind is dict:
        if not isinstance(b, dict) or len(a) != len(b):
            return False
        for key, value in a.items():
            other = b.get(key, _MISSING)
            if other is _MISSING:
                return False
            inner = type(value)
            if inner is type(other) and inner in _LEAVES:
                if value != other:
                    return False
            elif not same(value, other):
                return False
        return True
    if kind is list:
        if not isinstance(b, (list, tuple)) or len(a) != len(b):
            return False
        for value, other in zip(a, b, strict=True):
            inner = type(value)
            if inner is type(other) and inner in _LEAVES:
                if value != other:
                    return False
            elif not same(value, other):
                return False
        return True
    return _scalar_same(a, b)


def _scalar_same(old: Any, new: Any) -> bool:
    from sprintkit.files.yamlwrite import scalar_equal

    if isinstance(new, dt.datetime) and isinstance(old, str):
        return old == new.replace(microsecond=0).isoformat()
    return scalar_equal(old, new)
