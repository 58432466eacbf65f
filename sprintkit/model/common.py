"""Building blocks shared by every file format: strict base model, bilingual text, durations,
identifiers, periods and target expressions."""

import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from sprintkit.i18n import has, msg
from sprintkit.model.periods import PERIOD_PATTERN, parse_period

SCHEMA_VERSION: Literal[1] = 1
Language = Literal["nl", "en"]
LANGUAGES: tuple[str, ...] = ("nl", "en")


class Strict(BaseModel):
    """Every model in a user file: unknown keys are errors, numbers are accepted as text.

    Describe fields with ``Field(description=...)``: pydantic's ``use_attribute_docstrings``
    would find and parse the source of every class at every start-up (tens of milliseconds for
    every command), so attribute docstrings are not read (a test checks none is written)."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        validate_default=False,
    )


def new_list() -> list[Any]:
    """An empty list, the default of a list field (``Field(default_factory=new_list)``).

    A plain function rather than ``list``: pydantic reads a default factory's signature, and
    the signature of a builtin is parsed from its text with :mod:`tokenize` (milliseconds at
    every start of a command, for every list field)."""
    return []


def new_dict() -> dict[str, Any]:
    """An empty mapping, the default of a mapping field (see :func:`new_list`)."""
    return {}


class LocalText(Strict):
    """Text in Dutch and English. A plain string is accepted and used for both languages."""

    nl: str | None = Field(None, description="Dutch text.")
    en: str | None = Field(None, description="English text.")

    @model_validator(mode="before")
    @classmethod
    def _from_plain(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"nl": value, "en": value}
        return value

    @model_validator(mode="after")
    def _one_language(self) -> "LocalText":
        if self.nl is None and self.en is None:
            raise ValueError(msg("model.one_language"))
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to the other language."""
        first = self.nl if lang == "nl" else self.en
        return first if first is not None else (self.en if lang == "nl" else self.nl) or ""

    def complete(self) -> bool:
        return bool(self.nl) and bool(self.en)


# --- numbers -------------------------------------------------------------------------------

MAX_NUMBER = 1e15
"""The largest magnitude a number in a file may have: far beyond any count, duration or amount
a sprint measures, and small enough that sums and means of many of them stay exact enough."""


def _not_bool(value: Any) -> Any:
    # YAML's true/false are Python bools, which pydantic would take as 1 and 0
    if isinstance(value, bool):
        raise ValueError(msg("model.number_not_bool"))
    return value


def _sane(value: Any) -> None:
    number = value
    if isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return  # not a number: the field's own type check says so
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError(msg("model.finite"))
    if isinstance(number, (int, float)) and abs(number) > MAX_NUMBER:
        from sprintkit.i18n import language
        from sprintkit.i18n.numbers import integer

        raise ValueError(msg("model.too_large", limit=integer(int(MAX_NUMBER), language())))


def check_number(value: Any) -> Any:
    """A ``mode="before"`` field validator for every number field (and list of numbers) of the
    models: true/false, NaN, infinity and magnitudes beyond :data:`MAX_NUMBER` are refused.

    A field validator, not an annotated type, so the fields' JSON Schema stays plain."""
    for item in value if isinstance(value, list) else (value,):
        _not_bool(item)
        _sane(item)
    return value


def _version(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(msg("model.version_not_bool"))
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_version)]
"""The file format version (``true`` is not 1)."""


# --- identifiers ---------------------------------------------------------------------------

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
Identifier = Annotated[
    str,
    Field(pattern=ID_PATTERN, description="Letters, digits, '-', '_' or '.', at most 64."),
]

# --- durations -----------------------------------------------------------------------------

_DURATION_RE = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")
DURATION_PATTERN = r"^\s*(\d+\s*h)?\s*(\d+\s*m(in)?)?\s*(\d+\s*s)?\s*$"


def parse_duration(text: str | int) -> int:
    """``'1h15m'``, ``'8m'``, ``'90s'`` or a number of minutes -> seconds.

    Raises ``ValueError`` with the accepted forms otherwise."""
    if isinstance(text, bool):
        raise ValueError(msg("model.duration_bool"))
    if isinstance(text, int):
        if text < 0:
            raise ValueError(msg("model.duration_negative"))
        return text * 60
    raw = str(text).strip().lower()
    if raw.isdigit():
        return int(raw) * 60
    match = _DURATION_RE.match(raw)
    if not raw or not match or not any(match.groups()):
        raise ValueError(msg("model.duration", text=repr(text)))
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int) -> str:
    """Seconds -> the shortest spelling ``parse_duration`` accepts (``1h15m``, ``8m``, ``90s``)."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{secs}s" if secs else ""
    ]
    return "".join(parts) or "0m"


def _check_duration(value: Any) -> str:
    parse_duration(value)
    return str(value) if not isinstance(value, int) else f"{value}m"


Duration = Annotated[
    str,
    BeforeValidator(_check_duration),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DURATION_PATTERN,
            "description": "A duration such as 45m, 1h30m or 90s.",
        }
    ),
]

# --- periods -------------------------------------------------------------------------------


def _check_period(value: Any) -> str:
    return parse_period(str(value)).text  # 2026-h1 and 2026-K3 are kept as 2026-H1, 2026-Q3


PeriodText = Annotated[
    str,
    BeforeValidator(_check_period),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": PERIOD_PATTERN,
            "description": "A period: 2026, 2026-H1, 2026-Q3 or 2026-05.",
        }
    ),
]

# --- target expressions --------------------------------------------------------------------

Comparison = Literal[">=", ">", "<=", "<"]
TARGET_PATTERN = r"^\s*(>=|>|<=|<)\s*-?\d+(?:[.,]\d+)?\s*%?\s*$"
_TARGET_RE = re.compile(r"^\s*(>=|>|<=|<|≥|≤)\s*(-?\d+(?:[.,]\d+)?)\s*(%?)\s*$")


class Target(BaseModel):
    """A criterion's comparison and threshold, e.g. ``>=70%`` or ``<=14``.

    ``value`` is the threshold as a number (70% -> 0.7); ``percent`` remembers the spelling."""

    model_config = ConfigDict(frozen=True)

    op: Comparison
    value: float
    percent: bool = False

    @classmethod
    def parse(cls, text: str) -> "Target":
        match = _TARGET_RE.match(str(text))
        if not match:
            raise ValueError(msg("model.target", text=repr(text)))
        op, number, pct = match.groups()
        op = {"≥": ">=", "≤": "<="}.get(op, op)
        value = float(number.replace(",", "."))
        if pct:
            value = value / 100
        return cls(op=op, value=value, percent=bool(pct))

    def met_by(self, x: float) -> bool:
        return {
            ">=": x >= self.value,
            ">": x > self.value,
            "<=": x <= self.value,
            "<": x < self.value,
        }[self.op]

    @property
    def is_fraction(self) -> bool:
        """A percentage or a plain number between 0 and 1: reads as a proportion."""
        return self.percent or 0 <= self.value <= 1

    def shown(self, lang: str) -> str:
        """As a person reads it in ``lang``: ``>=7,5`` in Dutch (``str()`` is the file's form)."""
        from sprintkit.i18n.numbers import localise

        return localise(str(self), lang)

    def __str__(self) -> str:
        if self.percent:
            shown = f"{self.value * 100:.10g}%"
        else:
            shown = f"{self.value:.10g}"
        return f"{self.op}{shown}"


def _to_target(value: Any) -> Any:
    if isinstance(value, Target):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(msg("model.target_no_comparison", value=value))
    if isinstance(value, str):
        return Target.parse(value)
    kind = "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else ""
    raise ValueError(msg("model.target_kind", kind=msg("files.type." + kind) if kind
                         else type(value).__name__))


TargetExpr = Annotated[
    Target,
    BeforeValidator(_to_target),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": TARGET_PATTERN,
            "description": "A comparison and a number: >=70%, >= 0.7, <=14, >3.5.",
        }
    ),
]


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError(msg("model.empty"))
    return value


NonEmpty = Annotated[str, AfterValidator(_non_blank)]


def unique_ids(items: list[Any], what: str, attr: str = "id") -> None:
    """Raise ``ValueError`` naming the first repeated id in ``items``."""
    seen: set[str] = set()
    for item in items:
        key = getattr(item, attr)
        if key in seen:
            name = msg("model.kind." + what) if has("model.kind." + what) else what
            raise ValueError(msg("model.twice", what=name, id=repr(key)))
        seen.add(key)
