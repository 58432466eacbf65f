"""The one Jinja environment factory, and rendering a template to markup.

* Sandboxed (``ImmutableSandboxedEnvironment``): a user's template cannot reach Python
  internals or change the context.
* ``StrictUndefined``: a misspelt variable is an error that names the template and line.
* Every ``{{ value }}`` is escaped for the block markup (:func:`markup.escape_text`): text from
  users arrives as the same characters, whatever they contain. Floats and dates are written the
  way the document's language writes them. ``None`` prints as nothing.
* Filters for dates and numbers in the document's language (see :data:`FILTERS`).
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import SprintkitError
from sprintkit.i18n import msg
from sprintkit.render import fmt
from sprintkit.render.markup import escape_text

if TYPE_CHECKING:
    from jinja2 import Environment

LABEL_LISTS = ("risk", "hypothesis_kind", "verdict", "strength", "decision", "action_status",
               "phase_status", "evidence_type", "level", "direction")
"""The value lists (:mod:`sprintkit.vocabulary`) whose ids :func:`label` names; where
lists share an id (``todo``, ``done``), the first list that holds it gives the name."""

LABELS = ("quick_win", "major_project", "fill_in", "thankless", "yes", "no")
"""Further stored values with a name in the catalogue (``doc.label.*``): the impact/effort
quadrants and yes/no."""


def label(key: Any, lang: str) -> str:
    """A stored value (risk type, verdict, decision, status…) in words; unknown keys unchanged."""
    from sprintkit import vocabulary

    if key is None:
        return ""
    if isinstance(key, bool):
        key = "yes" if key else "no"
    for kind in LABEL_LISTS:
        if key in vocabulary.ids(kind):
            return vocabulary.label(kind, str(key), lang)
    if str(key) not in LABELS:
        return str(key)
    from sprintkit.i18n import t

    return t(f"doc.label.{key}", lang)


class TemplateError(SprintkitError):
    """A template could not be read or rendered; the message names the template and line."""


def _finalizer(lang: str) -> Callable[[Any], Any]:
    from markupsafe import Markup

    def finalize(value: Any) -> Any:
        if hasattr(value, "__html__"):  # markup from the template itself (macros, blocks)
            return value
        if value is None:
            return Markup("")
        if isinstance(value, float):
            return Markup(escape_text(fmt.format_number(value, lang)))
        if isinstance(value, (dt.date, dt.datetime)):
            return Markup(escape_text(fmt.format_date(value, lang)))
        if isinstance(value, bool):
            return Markup(escape_text(label(value, lang)))
        return Markup(escape_text(value))

    return finalize


def _filters(lang: str) -> dict[str, Callable[..., Any]]:
    from markupsafe import Markup

    def esc(value: Any) -> Any:
        return value if hasattr(value, "__html__") else Markup(escape_text(value))

    def join(values: Iterable[Any], separator: str = "", attribute: str | None = None) -> Any:
        items = list(values)
        if attribute is not None:
            items = [_item(v, attribute) for v in items]
        return Markup(escape_text(separator) if not hasattr(separator, "__html__") else separator
                      ).join(esc(i) for i in items)

    def replace(value: Any, old: str, new: str, count: int | None = None) -> str:
        text = str(value)
        return text.replace(str(old), str(new), -1 if count is None else count)

    return {
        "date": lambda v, weekday=False: fmt.format_date(v, lang, weekday=weekday),
        "daterange": lambda start, end=None: fmt.format_date_range(start, end, lang),
        "num": lambda v, digits=None: fmt.format_number(v, lang, digits),
        "pct": lambda v, digits=0: fmt.format_percent(v, lang, digits),
        "interval": lambda low, high=None, percent=False, digits=None: fmt.format_interval(
            low, high, lang, percent=percent, digits=digits),
        "label": lambda v: label(v, lang),
        "words": lambda v: fmt.join_words(list(v), lang),
        "sentence": sentence,
        "join": join,
        "replace": replace,
        "e": esc,
        "escape": esc,
        "forceescape": lambda v: Markup(escape_text(str(v))),
    }


def sentence(value: Any) -> Any:
    """``value`` ending in one full stop (none added after ``.``, ``!``, ``?`` or ``:``);
    nothing for ``None``. Text from users stays escaped."""
    from sprintkit.render.markup import Text

    if value is None:
        return ""
    text = str(value).rstrip()
    if not text:
        return ""
    return Text(text if text[-1] in ".!?:…" else text + ".")


def _item(value: Any, attribute: str) -> Any:
    if isinstance(value, dict):
        return value.get(attribute)
    return getattr(value, attribute, None)


MAX_OUTPUT = 100 * 1024 * 1024
"""Most characters of markup one template may write."""


def make_environment(lang: str, search_path: list[Path]) -> Environment:
    """A sandboxed, strict Jinja environment that renders block markup in ``lang``.

    ``search_path`` is where ``{% include %}``/``{% import %}`` look, first match wins.
    Besides Jinja's sandbox (no Python internals, no changes to the context, ranges of at most
    100,000), one rendering is bounded in time, loop rounds, and the size of what it makes
    (:mod:`sprintkit.render.template_bounds`), so a template cannot hold the machine."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from sprintkit.render import template_bounds as bounds

    guard_extension = bounds.extension()

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})
        sk_guards: bounds.Guards

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            return bounds.guard_tree(tree, guard_extension.identifier)

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            args, kwargs = self.sk_guards.call(obj, args, kwargs)
            return super().call(context, obj, *args, **kwargs)

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            return self.sk_guards.format_method(value.__self__, value.__name__ == "format_map",
                                                wrapped)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.sk_guards.binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

    class Loader(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            try:
                return super().get_source(environment, template)
            except UnicodeDecodeError as exc:
                raise _not_utf8(self.searchpath, template, exc) from None

    env = Sandbox(
        loader=Loader([str(p) for p in search_path], encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalizer(lang),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=[guard_extension],
    )
    guards = bounds.Guards(bounds.Budget())
    env.sk_guards = guards
    env.concat = guards.concat  # type: ignore[method-assign]
    for name in ("urlize", "xmlattr", "safe"):
        env.filters.pop(name, None)
    env.filters["raw"] = _raw
    env.filters.update(_filters(lang))
    guards.wrap_filters(env.filters)
    from sprintkit.i18n import t

    env.globals.update(
        lang=lang,
        t=lambda key, **values: t(key, lang, **values),
        label=lambda v: label(v, lang),
        target_text=lambda op, value, percent=False: fmt.format_target(op, value, percent, lang),
    )
    env.globals["lipsum"] = guards.lipsum(env.globals["lipsum"])  # type: ignore[arg-type]
    return env


def _not_utf8(search_path: list[str], name: str, exc: UnicodeDecodeError) -> TemplateError:
    """The template file ``name`` (found on ``search_path``) is not UTF-8: where, and how to
    fix it."""
    from sprintkit.files.textfile import display

    path = next((Path(base) / name for base in search_path if (Path(base) / name).is_file()),
                Path(name))
    data = exc.object if isinstance(exc.object, bytes) else b""
    line = data.count(b"\n", 0, exc.start) + 1
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    byte = data[exc.start:exc.start + 1].hex() or "??"
    return TemplateError(msg("render.not_utf8", where=f"{display(path)}:{line}:{column}",
                             byte=byte), hint=msg("render.not_utf8_hint"))


def _raw(value: Any) -> Any:
    """Trust ``value`` as markup (for text a template builds itself)."""
    from markupsafe import Markup

    return Markup(str(value))


def render(env: Environment, name: str, context: dict[str, Any], *, shown: str | None = None
           ) -> str:
    """Render template ``name`` with ``context`` to markup text.

    Template problems (syntax, undefined names, sandbox refusals, errors while rendering) become
    a :class:`TemplateError` naming the template file and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    from sprintkit.render import template_bounds as bounds

    guards = getattr(env, "sk_guards", None)
    if guards is not None:
        guards.budget.start()
    try:
        template = env.get_template(name)
    except TemplateNotFound as exc:
        raise TemplateError(msg("render.template_not_found", name=repr(exc.name)),
                            hint=msg("render.template_not_found_hint")) from None
    except TemplateSyntaxError as exc:
        raise TemplateError(msg("render.syntax",
                                where=_where(exc.filename or exc.name or name, exc.lineno),
                                message=exc.message)) from None
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateError(
                    msg("render.too_much", where=_where(template.filename or name, None),
                        mib=MAX_OUTPUT // 1048576), hint=msg("render.too_much_hint"))
            parts.append(chunk)
        return "".join(parts)
    except TemplateSyntaxError as exc:  # in an included template
        raise TemplateError(msg("render.syntax",
                                where=_where(exc.filename or exc.name or name, exc.lineno),
                                message=exc.message)) from None
    except TemplateNotFound as exc:
        raise TemplateError(msg("render.template_not_found_at",
                                where=_where(*_frame(exc, template.filename or name)),
                                name=repr(exc.name))) from None
    except UndefinedError as exc:
        raise TemplateError(
            f"{_where(*_frame(exc, template.filename or name))}: {exc.message}",
            hint=msg("render.undefined_hint"),
        ) from None
    except bounds.TemplateLimit as exc:
        raise TemplateError(
            f"{_where(*_frame(exc, template.filename or name))}: {exc}",
            hint=msg("render.limit_hint", seconds=f"{bounds.MAX_SECONDS:g}",
                     repeat=f"{bounds.MAX_REPEAT:,}"),
        ) from None
    except SecurityError as exc:
        raise TemplateError(msg("render.not_allowed",
                                where=_where(*_frame(exc, template.filename or name)),
                                what=exc)) from None
    except SprintkitError:
        raise
    except Exception as exc:  # an error inside an expression of a (user) template
        raise TemplateError(
            f"{_where(*_frame(exc, template.filename or name))}: "
            f"{type(exc).__name__}: {exc}") from None


def _frame(exc: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template frame of ``exc`` (Jinja rewrites tracebacks to template lines)."""
    found: tuple[str, int | None] = (default, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if not frame.filename.endswith(".py") or frame.filename == default:
            found = (frame.filename, frame.lineno)
    return found


def _where(filename: str, line: int | None) -> str:
    from sprintkit.files.textfile import display

    shown = display(Path(filename)) if filename and Path(filename).is_absolute() else filename
    return f"{shown}:{line}" if line else shown
