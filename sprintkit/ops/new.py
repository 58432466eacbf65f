"""``sprintkit new METHOD DIR``: a new sprint folder with a commented, valid ``sprint.yaml``.

Values come from (later wins): the method's defaults, ``--answers FILE`` (a YAML mapping,
nested or with dotted keys), ``--set KEY=VALUE`` and the named options (``--title`` …). What is
still missing is asked for when a person is at the terminal (``ask`` is given); otherwise the
call fails with :class:`MissingInput`, listing what is missing and how to pass it."""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import InvalidFile, MissingInput, Problem, SprintkitError, UsageError
from sprintkit.files.schemafile import write_schema_file
from sprintkit.files.textfile import display
from sprintkit.i18n import msg, t

if TYPE_CHECKING:
    from sprintkit.model.method import Method
    from sprintkit.model.sprint import Sprint

SPRINT_FILE = "sprint.yaml"
SCHEMA_DIR = ".sprintkit"
SCHEMA_FILE = "sprint.schema.json"
SCHEMA_URL = f"{SCHEMA_DIR}/{SCHEMA_FILE}"

__all__ = ["NewSprint", "Question", "new_sprint", "slugify", "write_schema_file"]


@dataclass(frozen=True)
class Question:
    """Something ``new`` would like to know. ``kind`` is text, date, list or choice."""

    key: str
    prompt: str
    required: bool = False
    kind: str = "text"
    choices: tuple[str, ...] = ()
    default: str | None = None


@dataclass
class NewSprint:
    """What ``new_sprint`` wrote."""

    path: Path
    schema_path: Path
    sprint: Sprint
    method: Method
    asked: list[str] = field(default_factory=list)


# --- schema --------------------------------------------------------------------------------


# --- values --------------------------------------------------------------------------------


def slugify(name: str) -> str:
    """A folder name -> a sprint id (lowercase ASCII letters, digits and dashes)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:64].strip("-")
    return text or "sprint"


_LIST_KEYS = {"facilitators", "conclusions", "next_steps"}


def _put(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    if not all(parts):
        raise UsageError(msg("setup.not_a_key", key=repr(dotted)))
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    if parts[-1] in _LIST_KEYS and len(parts) == 1 and isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    node[parts[-1]] = value


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings -> dotted keys; lists and scalars are values."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if (
            isinstance(value, dict)
            and value
            and name not in ("phases",)
            and not name.startswith(("phases.", "plan.", "stories."))
        ):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def parse_set(item: str) -> tuple[str, Any]:
    key, sep, raw = item.partition("=")
    key = key.strip()
    if not sep or not key:
        raise UsageError(msg("setup.set_form", item=repr(item)))
    value: Any = raw
    text = raw.strip()
    if text.startswith(("[", "{")):
        from sprintkit.files.yamlio import parse_yaml, to_plain

        try:
            value = to_plain(parse_yaml(text, Path(f"--set {key}")).data)
        except InvalidFile as exc:
            raise UsageError(f"--set {key}: {exc.problems[0].message}") from None
    return key, value


def _load_answers(path: Path) -> tuple[dict[str, Any], Any]:
    from sprintkit.files.yamlio import load_yaml

    doc = load_yaml(path)
    if doc.data is None:
        return {}, doc
    if not isinstance(doc.data, dict):
        raise InvalidFile(
            [
                Problem(
                    doc.shown,
                    1,
                    1,
                    "",
                    msg("setup.answers_mapping"),
                )
            ]
        )
    return _flatten(doc.data), doc


def _questions(lang: str) -> list[Question]:
    return [
        Question("title", t("setup.q.title", lang), required=True),
        Question("organisation", t("setup.q.organisation", lang)),
        Question("start", t("setup.q.start", lang), kind="date"),
        Question("facilitators", t("setup.q.facilitators", lang), kind="list"),
        Question("context.challenge", t("setup.q.challenge", lang)),
    ]


def _pseudonymise_context(sprint: Any, folder: Path) -> None:
    """The free text of a new sprint (its context, conclusions, next steps) pseudonymised as
    it enters, as everything typed into a sprint is."""
    from sprintkit.ops.keyfile import clean_fields, sprint_cleaner

    clean = sprint_cleaner(sprint, folder)
    context = sprint.context.__dict__
    clean_fields(clean, context, ("challenge", "goal", "background", "scope"))
    sprint.conclusions = [clean(t).text for t in sprint.conclusions]
    sprint.next_steps = [clean(t).text for t in sprint.next_steps]


def new_sprint(
    method: str,
    folder: Path,
    *,
    title: str | None = None,
    org: str | None = None,
    lang: str | None = None,
    start: str | None = None,
    facilitators: Sequence[str] = (),
    set_values: Sequence[str] = (),
    answers: Path | None = None,
    no_input: bool = False,
    ask: Callable[[Question], Any] | None = None,
) -> NewSprint:
    """Create ``folder/sprint.yaml`` for ``method`` (and the schema file beside it).

    ``ask`` is called for missing values when given and ``no_input`` is false (the command
    passes one only when a person is at the terminal). Refuses to overwrite an existing
    sprint.yaml. Returns what was written."""
    from sprintkit.files import library

    folder = Path(folder)
    target = folder / SPRINT_FILE
    if target.exists():
        raise SprintkitError(
            msg("setup.exists", file=display(target)), hint=msg("setup.exists_hint"))
    if folder.exists() and not folder.is_dir():
        raise SprintkitError(msg("setup.not_a_folder", folder=display(folder)))
    found = library.get_method(method, folder)
    if lang is not None and lang not in ("nl", "en"):
        raise UsageError(msg("setup.bad_lang", lang=repr(lang)))

    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    answers_doc = None
    if answers is not None:
        loaded, answers_doc = _load_answers(Path(answers))
        for key, value in loaded.items():
            values[key] = value
            sources[key] = answers_doc.shown
    for item in set_values:
        key, value = parse_set(item)
        values[key] = value
        sources[key] = f"--set {key}"
    if start is not None:
        from sprintkit.i18n.dates import DateError, parse_date

        try:
            start = parse_date(start, "--start").isoformat()
        except DateError as exc:
            raise UsageError(str(exc)) from None
    for key, flag, value in (
        ("title", "--title", title),
        ("organisation", "--org", org),
        ("language", "--lang", lang),
        ("start", "--start", start),
    ):
        if value is not None:
            values[key] = value
            sources[key] = flag
    if facilitators:
        values["facilitators"] = list(facilitators)
        sources["facilitators"] = "--facilitator"
    if "method" in values and values["method"] != found.model.id:
        raise UsageError(
            msg("setup.method_twice", given=repr(values["method"]), method=repr(method)),
            hint=msg("setup.method_twice_hint"),
        )
    values.pop("method", None)

    interactive = ask is not None and not no_input
    asked: list[str] = []
    if interactive and ask is not None and "language" not in values:
        choice = ask(
            Question(
                "language", "Taal / language", kind="choice", choices=("nl", "en"), default="nl"
            )
        )
        if choice:
            values["language"] = choice
            sources["language"] = "prompt"
            asked.append("language")
    language = str(values.get("language") or "nl")
    from sprintkit import i18n

    i18n.found(language)  # messages from here on speak the new sprint's language
    for question in _questions(language):
        if question.key in values:
            continue
        if interactive and ask is not None:
            answer = ask(question)
            if answer not in (None, "", []):
                values[question.key] = answer
                sources[question.key] = "prompt"
                asked.append(question.key)
    missing = [q for q in _questions(language) if q.required and not values.get(q.key)]
    if missing:
        raise MissingInput(
            [t("setup.missing_line", language, what=t(f"setup.what.{q.key}", language),
               flag=f"--{q.key}") for q in missing],
            t("setup.missing_how", language),
            head=t("walkthrough.missing_input", language),
        )

    data: dict[str, Any] = {}
    for key, value in values.items():
        _put(data, key, value)
    data["schema_version"] = 1
    data.setdefault("id", slugify(folder.resolve().name))
    data["method"] = found.model.id
    data.setdefault("language", "nl")
    sprint = _validate(data, sources, answers_doc)
    _pseudonymise_context(sprint, folder)
    problems = library.validate_against_method(sprint, None, None, method=found.model)
    if problems:
        raise InvalidFile(problems, msg("walkthrough.given_unfit"))
    text = render_sprint(sprint, found.model, display(folder))
    _self_check(text, target)

    from sprintkit.files.atomic import write_atomic
    from sprintkit.files.lock import locked

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SprintkitError(
            msg("setup.no_folder", folder=display(folder), why=exc.strerror)
        ) from None
    with locked(folder):
        if target.exists():  # created by someone else meanwhile
            raise SprintkitError(msg("setup.exists", file=display(target)))
        schema_path = write_schema_file(folder)
        write_atomic(target, text)
    return NewSprint(target, schema_path, sprint, found.model, asked)


def _validate(data: dict[str, Any], sources: dict[str, str], answers_doc: Any) -> Sprint:
    """The sprint model, or every problem named after where the value came from."""
    from pydantic import ValidationError

    from sprintkit.files.yamlio import describe, dotted, locate
    from sprintkit.model.sprint import Sprint

    try:
        return Sprint.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            path = dotted(loc)
            source = _source_of(path, sources)
            message, hint = describe(dict(error), Sprint)
            line = col = 0
            if answers_doc is not None and source == answers_doc.shown:
                line, col = _answers_position(answers_doc, loc)
                if (line, col) == (0, 0):
                    line, col = locate(answers_doc.tree, loc)
            problems.append(Problem(source, line, col, path, message, hint))
        raise InvalidFile(problems, msg("setup.invalid_values")) from None


def _source_of(path: str, sources: dict[str, str]) -> str:
    best = ""
    for key in sources:
        if (path == key or path.startswith(key + ".") or path.startswith(key + "[")) and len(
            key
        ) > len(best):
            best = key
    if best:
        return sources[best]
    for key in sources:  # the error is inside a mapping that was given as a whole
        if key.startswith(path + ".") or key == path:
            return sources[key]
    return "sprint"


def _answers_position(doc: Any, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Where a dotted key (``context.challenge: …``) sits in the answers file."""
    tree = doc.tree
    for cut in range(len(loc), 0, -1):
        key = ".".join(str(p) for p in loc[:cut])
        lc = getattr(tree, "lc", None)
        if isinstance(tree, dict) and key in tree and lc is not None:
            line, col = lc.value(key) if cut == len(loc) else lc.key(key)
            return line + 1, col + 1
    return 0, 0


def _self_check(text: str, target: Path) -> None:
    """What we are about to write must load as a sprint (a bug otherwise, never the user's)."""
    from sprintkit.files.yamlio import parse_yaml, validate_data
    from sprintkit.model.sprint import Sprint

    validate_data(parse_yaml(text, target), Sprint, "sprint")


# --- the commented file ---------------------------------------------------------------------

_LINES = ("head", "facilitators", "team_example", "parties")
"""Texts of the commented file that are several comment lines."""


def _file_words(lang: str) -> dict[str, Any]:
    """The comments of a new sprint.yaml in ``lang`` (the catalogue's ``setup.file.*``)."""
    from sprintkit.i18n.prefix import words_under

    words: dict[str, Any] = words_under("setup.file.", lang)
    for key in _LINES:
        words[key] = words[key].split("\n")
    return words


def _indicator_example(kind: str, lang: str) -> list[str]:
    from sprintkit.i18n import t

    ident, name, unit, direction, baseline, period, target, target_period = t(
        f"setup.example.{kind}", lang).split("|")
    return [
        t("setup.file.indicators", lang),
        "indicators:",
        f"  - id: {ident}",
        f"    name: {name}",
        f"    unit: {unit}",
        f"    direction: {direction}",
        f"    baseline: {baseline}",
        f"    baseline_period: '{period}'",
        f"    target: {target}",
        f"    target_period: '{target_period}'",
    ]


_ORDER_TOP = (
    "schema_version",
    "id",
    "title",
    "method",
    "language",
    "organisation",
    "programme",
    "start",
    "end",
    "facilitators",
)


def _block(key: str, value: Any) -> str:
    from sprintkit.files.yamlwrite import dump, fresh

    return dump(fresh({key: value}))


def yaml_comment(lines: Sequence[str], indent: str = "", width: int = 92) -> str:
    """Comment lines, long ones wrapped (continuation lines indented by two)."""
    import textwrap

    text = ""
    for line in lines:
        parts = textwrap.wrap(
            line, width - len(indent) - 2, subsequent_indent="  ", break_on_hyphens=False
        ) or [""]
        text += "".join(f"{indent}# {part}".rstrip() + "\n" for part in parts)
    return text


def render_sprint(sprint: Sprint, method: Method, shown_dir: str = ".") -> str:
    """The text of a new sprint.yaml: schema line, explanation, values, and commented hints for
    what is still empty."""
    from sprintkit.files.yamlwrite import SCHEMA_LINE, model_data

    lang = sprint.language
    c = _file_words(lang)
    data = model_data(sprint)
    duration = f" — {method.duration.get(lang)}" if method.duration else ""
    out = SCHEMA_LINE.format(url=SCHEMA_URL)
    out += yaml_comment(
        [
            line.format(
                title=sprint.title,
                name=method.name.get(lang),
                method=method.id,
                duration=duration,
                dir=shlex.quote(shown_dir),
            )
            for line in c["head"]
        ]
    )
    out += "\n"
    for key in _ORDER_TOP:
        if key in data:
            out += _block(key, data.pop(key))
        elif key in ("organisation", "start", "end"):
            out += yaml_comment([c[key]])
        elif key == "facilitators":
            out += yaml_comment(c["facilitators"])
    out += "\n" + yaml_comment([c["context"]])
    context = data.pop("context", {}) or {}
    if context:
        out += _block("context", context)
        for key in ("challenge", "goal", "background", "scope"):
            if key not in context:
                out += yaml_comment([c[key]], "  ")
    else:
        out += yaml_comment(
            ["context:"] + ["  " + c[k] for k in ("challenge", "goal", "background", "scope")]
        )
    roles = ", ".join(f"{r.id} ({r.name.get(lang)})" for r in method.roles) or "—"
    out += "\n" + yaml_comment([c["team"].format(roles=roles)])
    team = data.pop("team", None)
    if team:
        out += _block("team", team)
    else:
        first_role = method.roles[0].id if method.roles else "facilitator"
        out += yaml_comment([line.format(role=first_role) for line in c["team_example"]])
    if method.kind in ("acceleration", "implementation", "story") and "indicators" not in data:
        out += "\n" + yaml_comment(_indicator_example(method.kind, lang))
    if method.kind == "co-creation" and "parties" not in data:
        out += "\n" + yaml_comment(c["parties"])
    if method.kind == "story" or "stories" in data:
        stories = data.pop("stories", None) or {
            "database": "stories.db",
            "min_cell": 5,
            "period_kind": method.cycle or "half-year",
        }
        out += "\n" + yaml_comment([c["stories"]]) + _block("stories", stories)
    out += "\n" + yaml_comment([c["phases"]]) + "phases:\n"
    given = data.pop("phases", {}) or {}
    for number, phase in enumerate(method.phases, start=1):
        day = c["day"].format(day=phase.day) if phase.day else ""
        out += yaml_comment(
            [
                c["phase"].format(
                    n=number, title=phase.title.get(lang), timebox=phase.timebox, day=day
                )
            ],
            "  ",
        )
        state = given.pop(phase.id, None) or {"status": "todo"}
        out += _indent(_block(phase.id, state), "  ")
    for phase_id, state in given.items():  # not in the method: validation reported it already
        out += _indent(_block(phase_id, state), "  ")
    data.pop("schema_version", None)
    if data:
        out += "\n" + yaml_comment([c["extra"]])
        for key, value in data.items():
            out += _block(key, value)
    return out


def _indent(text: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else line for line in text.splitlines(True))
