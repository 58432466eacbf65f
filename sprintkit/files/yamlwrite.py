"""Writing a model back into the user's YAML without losing what they wrote.

The model is the truth; the round-trip tree carries the user's comments, key order, quoting and
block styles. :func:`merge` changes the tree only where the data differ, so untouched parts stay
byte for byte as they were, and :func:`dump` keeps the file's own indentation style."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from sprintkit.files.yamlio import round_trip

SCHEMA_LINE = "# yaml-language-server: $schema={url}\n"

YAML11_BREAKS = "\x85\u2028\u2029"
"""Line breaks to YAML 1.1 (and to libyaml) that YAML 1.2 reads as text. A plain, single-quoted
or block scalar does not keep them: the emitter breaks the line there, and the text reads back
changed, or not at all."""
_ODD_BREAK = re.compile(f"[{YAML11_BREAKS}]")


def model_data(model: Any) -> Any:
    """The data to write for a pydantic model: what the file had or code set, and anything that
    differs from its default — never a default the user did not write."""
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        full = model.model_dump(mode="python", by_alias=True)
        return _prune(model, full)
    return model


def _prune(model: Any, full: dict[str, Any]) -> dict[str, Any]:
    from pydantic import BaseModel

    out: dict[str, Any] = {}
    fields = type(model).model_fields
    for name, info in fields.items():
        key = info.alias or name
        value = getattr(model, name)
        if name not in model.model_fields_set:
            if _same(value, _default(type(model), name, info)):
                continue
        out[key] = _prune_value(value, full[key], BaseModel)
    return out


_DEFAULTS: dict[tuple[type, str], Any] = {}


def _default(owner: type, name: str, info: Any) -> Any:
    """A field's default, made once per field (only compared, never handed out): asking pydantic
    each time costs an inspection of the default factory's signature."""
    key = (owner, name)
    if key not in _DEFAULTS:
        _DEFAULTS[key] = info.get_default(call_default_factory=True)
    return _DEFAULTS[key]


_PLAIN = (str, int, float, bool, type(None))


def _prune_value(value: Any, dumped: Any, base: type) -> Any:
    if isinstance(value, _PLAIN):
        return dumped
    if isinstance(value, base) and isinstance(dumped, dict):
        return _prune(value, dumped)
    if isinstance(value, list):
        if all(isinstance(v, _PLAIN) for v in value):
            return dumped
        return [_prune_value(v, d, base) for v, d in zip(value, dumped, strict=True)]
    if isinstance(value, dict):
        return {k: _prune_value(value[k], dumped[k], base) for k in value}
    return dumped


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - odd types compare unequal
        return False


# --- merging into the round-trip tree ------------------------------------------------------


def merge(tree: Any, data: Any, order: list[str] | None = None) -> Any:
    """Return ``tree`` updated to hold ``data``, reusing unchanged nodes (and their comments)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(data, dict) and isinstance(tree, CommentedMap):
        for key in [k for k in tree if k not in data]:
            del tree[key]
        keys = list(data)
        for index, key in enumerate(keys):
            if key in tree:
                new = merge(tree[key], data[key])
                if new is not tree[key]:
                    tree[key] = new
            else:
                position = _insert_at(tree, keys, index)
                before = list(tree)[position - 1] if position > 0 else None
                tree.insert(position, key, fresh(data[key]))
                if before is not None:
                    _carry_trailing_comment(tree, before, key)
        return tree
    if isinstance(data, list) and isinstance(tree, CommentedSeq):
        for index, item in enumerate(data):
            if index < len(tree):
                new = merge(tree[index], item)
                if new is not tree[index]:
                    tree[index] = new
            else:
                tree.append(fresh(item))
                if len(tree) > 1:
                    _carry_trailing_comment(tree, len(tree) - 2, len(tree) - 1)
        del tree[len(data):]
        return tree
    if scalar_equal(tree, data):
        return tree
    return _styled_like(tree, data)


def _last_leaf(container: Any, key: Any) -> tuple[Any, Any]:
    """The (container, key) deepest at the end of ``container[key]``: where ruamel hangs the
    comment lines that follow an entry."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while True:
        value = container[key]
        if isinstance(value, CommentedMap) and len(value):
            container, key = value, list(value)[-1]
        elif isinstance(value, CommentedSeq) and len(value):
            container, key = value, len(value) - 1
        else:
            return container, key


def _carry_trailing_comment(tree: Any, previous: Any, new: Any) -> None:
    """Comment lines after the old last entry belong before whatever follows it, so when a new
    entry is added at the end they move below the new entry; an end-of-line comment stays."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    holder, leaf = _last_leaf(tree, previous)
    slot = 2 if isinstance(holder, CommentedMap) else 0
    entry = holder.ca.items.get(leaf)
    token = entry[slot] if entry and len(entry) > slot else None
    if token is None or "\n" not in token.value:
        return
    cut = token.value.index("\n") + 1
    head, tail = token.value[:cut], token.value[cut:]
    if not tail.strip():
        return
    if head.strip():
        token.value = head
    else:
        entry[slot] = None
    target, target_key = _last_leaf(tree, new)
    target_slot = 2 if isinstance(target, CommentedMap) else 0
    items = target.ca.items.setdefault(target_key, [None, None, None, None])
    items[target_slot] = CommentToken("\n" + tail, CommentMark(0), None)


def _insert_at(tree: Any, keys: list[str], index: int) -> int:
    """Position for a new key: after the nearest earlier key (in model order) that the file has,
    else before the nearest later one, else at the end."""
    existing = list(tree)
    for earlier in reversed(keys[:index]):
        if earlier in tree:
            return existing.index(earlier) + 1
    for later in keys[index + 1:]:
        if later in tree:
            return existing.index(later)
    return len(existing)


def scalar_equal(old: Any, new: Any) -> bool:
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list)):
        return False
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, (dt.date, dt.datetime)) or isinstance(new, (dt.date, dt.datetime)):
        return _iso(old) == _iso(new)
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return float(old) == float(new)
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    return old is None and new is None


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _styled_like(old: Any, new: Any) -> Any:
    """A new scalar, in the old one's style where that makes sense (block text stays block)."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(new, str) and not _ODD_BREAK.search(new) and (
            isinstance(old, LiteralScalarString) or "\n" in new):
        return LiteralScalarString(new)
    return fresh(new)


def fresh(data: Any) -> Any:
    """Plain data -> round-trip nodes (multi-line text as ``|`` blocks)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(data, dict):
        node = CommentedMap()
        for key, value in data.items():
            node[key] = fresh(value)
        return node
    if isinstance(data, (list, tuple)):
        return CommentedSeq(fresh(v) for v in data)
    if isinstance(data, str) and _ODD_BREAK.search(data):
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(data)  # escaped: \N, \L, \P
    if isinstance(data, str) and "\n" in data:
        return LiteralScalarString(data)
    if isinstance(data, dt.datetime):
        return data.replace(microsecond=0)
    return data


# --- dumping -------------------------------------------------------------------------------

_BLOCK_SEQ = re.compile(r"^( *)[^\s#][^\n]*:\s*\n(?:\s*#.*\n)*( *)- ", re.MULTILINE)
_NESTED_MAP = re.compile(r"^( *)[^\s#-][^\n]*:\s*\n(?:\s*#.*\n)*( +)[^\s#-]", re.MULTILINE)


def indentation_of(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation as the file already uses it; 2/4/2 when unknown."""
    mapping = 2
    m = _NESTED_MAP.search(text)
    if m and len(m.group(2)) > len(m.group(1)):
        mapping = len(m.group(2)) - len(m.group(1))
    s = _BLOCK_SEQ.search(text)
    if s:
        offset = len(s.group(2)) - len(s.group(1))
        return mapping, offset + 2, offset
    return mapping, mapping + 2, mapping


def dump(tree: Any, like: str | None = None) -> str:
    """Serialise a round-trip tree, keeping the indentation style of ``like`` (the old text)."""
    yaml = round_trip()
    mapping, sequence, offset = indentation_of(like or "")
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def new_document(data: dict[str, Any], schema_url: str | None = None, header: str = "") -> str:
    """Text for a new file: optional schema modeline and header comment, then the data."""
    text = dump(fresh(data))
    top = SCHEMA_LINE.format(url=schema_url) if schema_url else ""
    return top + header + text
