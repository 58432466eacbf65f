"""Loading YAML 1.2 with locations, refusing what is unsafe, and turning model errors into
``file:line:column`` problems.

ruamel.yaml's round-trip loader keeps comments and positions; ``yes``/``NO``/``12:30`` stay text.
Before anything is built from the file, its node tree is checked: custom tags are refused (no
object is ever constructed), every duplicate key is reported, nesting depth is bounded and alias
expansion is counted so a "billion laughs" file is refused quickly in bounded memory."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha256
from pathlib import Path
from typing import Any, TypeVar

from sprintkit.errors import InvalidFile, Problem, shown
from sprintkit.files.limits import MAX_DEPTH, MAX_NODES
from sprintkit.files.textfile import display, kind_name, read_text
from sprintkit.i18n import msg

M = TypeVar("M")

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp",
                        "value")
}


_PENDING: Any = object()


@dataclass
class YamlDoc:
    """A loaded YAML file: plain data, its digest and the round-trip tree (keeps comments and
    positions). A document read with ``fast=True`` builds the tree only when it is first asked
    for (to write the file back or to point at a problem)."""

    path: Path
    shown: str
    text: str
    data: Any
    digest: str
    _tree: Any = field(default=_PENDING, repr=False)
    nodes: Any = field(default=None, repr=False)
    """libyaml's node graph (with positions), kept when asked for to write the file back."""

    @property
    def tree(self) -> Any:
        if self._tree is _PENDING:
            self._tree = parse_yaml(self.text, self.path).tree
        return self._tree

    @property
    def fast(self) -> bool:
        """Whether the data came from the fast reader and the tree is not built yet."""
        return self._tree is _PENDING

    def careful(self) -> YamlDoc:
        """The same document read by the careful (round-trip) reader."""
        return self if not self.fast else parse_yaml(self.text, self.path)


@lru_cache(maxsize=1)
def _constructor() -> Any:
    """Round-trip constructor whose impossible dates (2026-13-01) stay text, so validation can
    report them with their location instead of the parser failing."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class Constructor(RoundTripConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except (ValueError, OverflowError):
                return str(node.value)

        # ruamel's resolver takes '-_', '0x_' or '._' for numbers (it allows '_' in them) and
        # then fails to convert them; YAML 1.2 reads them as text, and so do we.
        def construct_yaml_int(self, node: Any) -> Any:
            try:
                return super().construct_yaml_int(node)
            except (ValueError, IndexError):
                return str(node.value)

        def construct_yaml_float(self, node: Any) -> Any:
            try:
                return super().construct_yaml_float(node)
            except (ValueError, IndexError):
                return str(node.value)

    Constructor.add_constructor(_CORE + "timestamp", Constructor.construct_yaml_timestamp)
    Constructor.add_constructor(_CORE + "int", Constructor.construct_yaml_int)
    Constructor.add_constructor(_CORE + "float", Constructor.construct_yaml_float)
    # a lone '=' resolves to YAML 1.1's !!value type, which YAML 1.2 does not have: it is text
    Constructor.add_constructor(_CORE + "value", Constructor.construct_yaml_str)
    return Constructor


def round_trip() -> Any:
    """A ruamel.yaml round-trip instance configured the same way for reading and writing."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _constructor()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def _start_document(yaml: Any) -> None:
    """What ``YAML.load`` does before parsing and our lower-level parse must do too: without
    it a ``%YAML`` directive makes ruamel fail with an IndexError."""
    try:
        from ruamel.yaml.docinfo import DocInfo, version
    except ImportError:  # older ruamel.yaml keeps no document info
        return
    yaml.doc_infos.append(DocInfo(requested_version=version(yaml.version)))


def load_yaml(path: Path, *, fast: bool = False, nodes: bool = False) -> YamlDoc:
    """Read, check and parse one YAML file. Raises :class:`InvalidFile` with located problems.

    ``fast=True`` is for files that are only read: see :func:`parse_yaml`."""
    text = read_text(path, "file")
    return parse_yaml(text, path, fast=fast, nodes=nodes)


def parse_yaml(text: str, path: Path, *, fast: bool = False, nodes: bool = False) -> YamlDoc:
    """Parse YAML text. With ``fast=True`` the plain data comes from libyaml when the document
    is plain enough (:mod:`sprintkit.files.yamlfast`) and the round-trip tree is built only when
    it is needed; the data is the same either way. ``nodes=True`` (with ``fast``) keeps
    libyaml's node graph in :attr:`YamlDoc.nodes`, for writing a change back in place."""
    shown = display(path)
    if fast:
        from sprintkit.files.yamlfast import fast_nodes

        ok, data, root = fast_nodes(text)
        if ok:
            _check_surrogates(text, data, shown)
            digest = sha256(text.encode("utf-8")).hexdigest()
            return YamlDoc(path=path, shown=shown, text=text, data=data, digest=digest,
                           nodes=root if nodes else None)
    from sprintkit.files.yamlfast import too_deep

    deep = too_deep(text, MAX_DEPTH)
    if deep is not None:
        raise InvalidFile([Problem(shown, deep[0], deep[1], "",
                                   msg("files.too_deep", limit=MAX_DEPTH))])
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = round_trip()
    _start_document(yaml)
    try:
        constructor, parser = yaml.get_constructor_parser(text)
        try:
            node = constructor.composer.get_single_node()
            if node is None:
                tree = None
            else:
                problems = _check_tree(node, shown)
                if problems:
                    raise InvalidFile(problems)
                tree = constructor.construct_document(node)
        finally:
            parser.dispose()
            for part in ("reader", "scanner"):
                reset = getattr(getattr(yaml, "_" + part, None), f"reset_{part}", None)
                if reset:
                    reset()
    except MarkedYAMLError as exc:
        raise InvalidFile([_syntax_problem(exc, shown, text)]) from None
    except ReaderError as exc:  # a character YAML does not allow (control characters)
        raise InvalidFile([_character_problem(exc, shown, text)]) from None
    except YAMLError as exc:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.not_yaml", error=exc))]) from None
    except RecursionError:
        raise InvalidFile(
            [Problem(shown, 0, 0, "", msg("files.too_deep", limit=MAX_DEPTH))]
        ) from None
    data = to_plain(tree)
    _check_surrogates(text, data, shown)
    digest = sha256(text.encode("utf-8")).hexdigest()
    return YamlDoc(path=path, shown=shown, text=text, data=data, digest=digest, _tree=tree)


def _check_surrogates(text: str, data: Any, shown: str) -> None:
    """Refuse a lone surrogate (written as an escape such as ``"\\ud800"``): it is no
    character, and no file, terminal or document can hold it."""
    import re

    escape = re.search(r"\\(?:u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F])", text)
    if escape is None or not has_surrogate(data):
        return
    position = escape.start()
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    raise InvalidFile([Problem(shown, line, column, "",
                               msg("files.surrogate"), msg("files.surrogate_hint"))])


def has_surrogate(value: Any) -> bool:
    """Whether any text in ``value`` (plain data) holds a lone surrogate."""
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(has_surrogate(k) or has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_surrogate(v) for v in value)
    return False


def _character_problem(exc: Any, shown: str, text: str) -> Problem:
    """A control or other character YAML does not allow, at its line and column."""
    position = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else 0
    return Problem(shown, line, column, "", msg("files.bad_character", code=f"{code:04X}"),
                   msg("files.bad_character_escape", escape=f"\\x{code:02x}")
                   if code < 0x100 else msg("files.bad_character_remove"))


def _syntax_problem(exc: Any, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = (exc.problem or exc.context or "syntax error").strip()
    hint = None
    offending = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in offending[: max(column, 1)] or "found character '\\t'" in problem:
        hint = msg("files.syntax_tabs")
    elif "mapping values are not allowed" in problem:
        hint = msg("files.syntax_colon")
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        hint = msg("files.syntax_indent")
    elif "while scanning a quoted scalar" in str(exc.context or "") or "quoted" in problem:
        hint = msg("files.syntax_quote")
    elif "flow sequence" in str(exc.context or "") or "flow mapping" in str(exc.context or ""):
        hint = msg("files.syntax_bracket", square="[", curly="{")
    elif "duplicate key" in problem:
        hint = msg("files.duplicate_key_hint")
    context = f" ({exc.context.strip()})" if exc.context and exc.context != exc.problem else ""
    return Problem(shown, line, column, "", msg("files.syntax", problem=problem + context), hint)


def _check_tree(root: Any, shown: str) -> list[Problem]:
    """Tags, duplicate keys, depth and alias expansion, in one pass over the node graph."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    problems: list[Problem] = []
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def where(node: Any) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def size(node: Any, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            line, col = where(node)
            raise InvalidFile(
                [Problem(shown, line, col, "", msg("files.alias_recursive"))]
            )
        if depth > MAX_DEPTH:
            line, col = where(node)
            raise InvalidFile(
                [Problem(shown, line, col, "", msg("files.too_deep", limit=MAX_DEPTH))]
            )
        tag = str(node.tag)
        if tag not in _ALLOWED_TAGS and not (
            isinstance(node, MappingNode) and tag == _CORE + "omap"
        ):
            line, col = where(node)
            problems.append(
                Problem(shown, line, col, "", msg("files.tag", tag=tag.replace(_CORE, "!!")),
                        msg("files.tag_hint"))
            )
        total = 1
        visiting.add(key)
        if isinstance(node, MappingNode):
            seen: dict[Any, Any] = {}
            for k, v in node.value:
                name = k.value if not isinstance(k.value, list) else None
                if name is not None and name in seen:
                    line, col = where(k)
                    first = seen[name].start_mark.line + 1
                    problems.append(
                        Problem(shown, line, col, "",
                                msg("files.duplicate_key", name=repr(name), first=first),
                                msg("files.duplicate_key_rename"))
                    )
                elif name is not None:
                    seen[name] = k
                total += size(k, depth + 1) + size(v, depth + 1)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                total += size(item, depth + 1)
        visiting.discard(key)
        sizes[key] = total
        if total > MAX_NODES:
            line, col = where(node)
            raise InvalidFile(
                [Problem(shown, line, col, "", msg("files.alias_bomb", limit=f"{MAX_NODES:,}"))]
            )
        return total

    size(root, 0)
    return problems


def to_plain(value: Any) -> Any:
    """ruamel's round-trip objects -> plain dict/list/str/int/float/bool/None.

    Dates become ISO text so every field type parses them the same way."""
    if isinstance(value, dict):
        return {
            to_plain(k) if not isinstance(k, str) else str(k): to_plain(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


# --- model validation with locations -------------------------------------------------------


def validate_data(doc: YamlDoc, model: type[M], what: str) -> M:
    """Validate the loaded data against ``model``; every problem located in the file."""
    from pydantic import ValidationError

    data = doc.data
    if data is None:
        raise InvalidFile(
            [Problem(doc.shown, 1, 1, "", msg("files.empty_expected", what=kind_name(what)))]
        )
    if not isinstance(data, dict):
        key = "files.top_list" if isinstance(data, list) else "files.top_value"
        raise InvalidFile([Problem(doc.shown, 1, 1, "", msg(key, what=kind_name(what)))])
    if what in ("sprint", "programme"):  # its problems are told in its own language, too
        from sprintkit import i18n

        language = data.get("language")
        i18n.found(language if isinstance(language, str) else None)
    try:
        return model.model_validate(data)  # type: ignore[attr-defined]
    except ValidationError as exc:
        if doc.fast:  # report exactly what the careful reader's data gives, with locations
            return validate_data(doc.careful(), model, what)
        raise InvalidFile(problems_from(exc, doc, model)) from None


def load_model(path: Path, model: type[M], what: str, *, fast: bool = False,
               nodes: bool = False) -> tuple[M, YamlDoc]:
    """Load ``path`` and validate it as ``model`` (``what`` names it in messages).

    ``fast=True`` reads the data with libyaml (see :func:`parse_yaml`); ``nodes=True`` keeps
    its positions for writing the file back."""
    doc = load_yaml(path, fast=fast, nodes=nodes)
    return validate_data(doc, model, what), doc


def problems_from(exc: Any, doc: YamlDoc, model: type[Any]) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        line, column = locate(doc.tree, loc, key=error["type"] == "extra_forbidden")
        message, hint = describe(error, model)
        problems.append(Problem(doc.shown, line, column, dotted(loc), message, hint))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def locate(tree: Any, loc: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
    """1-based line and column of ``loc`` in the round-trip tree (the nearest existing node)."""
    node = tree
    position = (0, 0)
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and part in node and lc is not None:
            try:
                position = lc.key(part) if (last and key) else lc.value(part)
            except (KeyError, TypeError):
                pass
            node = node[part]
        elif (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
              and lc is not None):
            try:
                position = lc.item(part)
            except (KeyError, TypeError, IndexError):
                pass
            node = node[part]
        elif isinstance(part, str) and not (isinstance(node, dict) and part in node) and not last:
            continue  # a pydantic-internal step such as a union member or 'function-after[…]'
        else:
            if position == (0, 0) and getattr(node, "lc", None) is not None:
                position = (node.lc.line, node.lc.col)
            break
    if position == (0, 0) and getattr(tree, "lc", None) is not None and not loc:
        position = (tree.lc.line, tree.lc.col)
    return position[0] + 1, position[1] + 1


_TYPE_WORDS = {  # pydantic's error type -> the catalogue's word for what was expected
    "string_type": "text",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "datetime_type": "datetime",
    "datetime_parsing": "datetime",
    "datetime_from_date_parsing": "datetime",
}

_BOUNDS = {"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt",
           "less_than_equal": "le"}


def shown_value(value: Any) -> str:
    """A value as a located problem quotes it."""
    return shown(value)


def describe(error: dict[str, Any], model: type[Any]) -> tuple[str, str | None]:
    """A human message and hint for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        unknown = msg("files.unknown_key", name=repr(name))
        if close:
            return unknown, msg("files.did_you_mean", name=repr(close[0]))
        shown = ", ".join(allowed[:15]) + (" …" if len(allowed) > 15 else "")
        return unknown, (msg("files.allowed_keys", keys=shown) if allowed else None)
    if kind == "missing":
        return msg("files.missing_key", name=repr(str(loc[-1]))), None
    if kind in ("literal_error", "enum"):
        if loc and loc[-1] == "schema_version":
            return (msg("files.schema_version", value=shown_value(value)),
                    msg("files.schema_version_hint"))
        return (msg("files.invalid_value", value=shown_value(value)),
                msg("files.allowed_values", values=ctx.get("expected", "")))
    if kind in _TYPE_WORDS:
        return msg("files.expected", what=msg("files.type." + _TYPE_WORDS[kind]),
                   value=shown_value(value)), None
    if kind == "string_pattern_mismatch":
        from sprintkit.model.common import ID_PATTERN

        pattern = ctx.get("pattern")
        hint = msg("files.id_form") if pattern == ID_PATTERN else (
            field_description(model, loc) or msg("files.pattern", pattern=pattern))
        return msg("files.bad_form", value=shown_value(value)), hint
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return message, None
    if kind in ("too_short", "too_long"):
        bound = ctx.get("min_length" if kind == "too_short" else "max_length")
        return msg("files.list_" + kind, bound=bound, actual=ctx.get("actual_length")), None
    if kind in _BOUNDS:
        bound = ctx.get(_BOUNDS[kind])
        return msg("files.bound_" + _BOUNDS[kind], bound=bound, value=shown_value(value)), None
    message = error["msg"]
    message = message[0].lower() + message[1:] if message else message
    message = message.replace("input should", "should")
    return msg("files.other", message=message, value=shown_value(value)), None


def _submodel(annotation: Any) -> Any:
    """The pydantic model inside an annotation such as ``list[X] | None`` or ``dict[str, X]``."""
    from typing import get_args

    from pydantic import BaseModel

    stack = [annotation]
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            return ann
        stack.extend(get_args(ann))
    return None


def _walk_model(model: Any, loc: tuple[Any, ...]) -> tuple[Any, str | None]:
    """The model class reached by following ``loc`` from ``model``, and the last field name."""
    current = model
    field_name = None
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        if part in fields:
            field_name = part
            info = fields[part]
            nxt = _submodel(info.annotation)
            if nxt is not None:
                current = nxt
            else:
                return current, field_name
        # dict keys (e.g. phase ids) keep the current model (the dict's value type)
    return current, field_name


def allowed_keys(model: type[Any], loc: tuple[Any, ...]) -> list[str]:
    target, _ = _walk_model(model, loc)
    return list(getattr(target, "model_fields", {}))


def field_description(model: type[Any], loc: tuple[Any, ...]) -> str | None:
    owner, name = _walk_model(model, loc)
    if owner is None or name is None:
        return None
    info = getattr(owner, "model_fields", {}).get(name)
    return info.description if info is not None else None
