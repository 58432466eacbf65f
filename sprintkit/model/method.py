"""Methods (reusable sprint recipes) and work forms (reusable exercises).

A method is a YAML file in ``sprintkit/methods/`` (or a user's ``methods/`` folder): phases,
each with a goal, a timebox, work forms with instructions, typed outputs to capture and exit
criteria. Every text is bilingual (nl/en)."""

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from sprintkit.i18n import msg
from sprintkit.model.common import (
    SCHEMA_VERSION,
    Duration,
    Identifier,
    LocalText,
    SchemaVersion,
    Strict,
    check_number,
    new_list,
    parse_duration,
    unique_ids,
)
from sprintkit.model.sections import Section

OutputType = Literal[
    "text",
    "multiline",
    "list",
    "choice",
    "multichoice",
    "number",
    "integer",
    "date",
    "bool",
    "dot_vote",
    "impact_effort",
    "hypotheses",
]
"""How an output is asked for and stored.

text/multiline: a string; list: a list of strings; choice: one choice id; multichoice: a list of
choice ids; number/integer: a number; date: YYYY-MM-DD; bool: yes/no; dot_vote: votes over the
items of an earlier list output (``items_from``), stored as ``{item: votes}``; impact_effort:
scores of the items of an earlier list output, stored as ``{item: {impact: n, effort: n}}``;
hypotheses: test cards, stored in the sprint's ``hypotheses`` and listed here by id."""

WorkformMode = Literal["diverge", "converge", "both"]
SessionType = Literal["joint", "asynchronous", "relay", "review", "workshop", "fieldwork"]


class Choice(Strict):
    """One allowed answer of a choice question."""

    id: Identifier = Field(description="What is stored in the file.")
    label: LocalText = Field(description="What is shown to people.")


Valence = Literal["positive", "negative"]
"""Whether an answer (or a scale end) is one the method hopes to see more of (``positive``) or
less of (``negative``). Optional: without it, a shift is shown as a direction only."""


class SignifierChoice(Choice):
    """An answer of a signifier (or a triad corner), with an optional valence."""

    valence: Valence | None = Field(
        None, description="positive: more of this is desirable; negative: less of it is.")


class When(Strict):
    """Ask an output only when an earlier answer matches. Give exactly one test."""

    output: Identifier = Field(description="Id of an earlier output of this method.")
    equals: Any = Field(None, description="Ask when the answer equals this value.")
    one_of: list[Any] | None = Field(None, description="Ask when the answer is one of these.")
    contains: Any = Field(None, description="Ask when the (list) answer contains this value.")
    filled: bool | None = Field(
        None, description="true: ask when the output has an answer; false: when it has none."
    )

    @model_validator(mode="after")
    def _one_test(self) -> "When":
        tests = [self.equals is not None, self.one_of is not None, self.contains is not None,
                 self.filled is not None]
        if sum(tests) != 1:
            raise ValueError(msg("model.when_one"))
        return self

    def holds(self, answers: dict[str, Any]) -> bool:
        """Whether the condition holds for ``answers`` (output id -> value, over all phases)."""
        value = answers.get(self.output)
        if self.filled is not None:
            return _is_filled(value) == self.filled
        if self.equals is not None:
            return value == self.equals
        if self.one_of is not None:
            return value in self.one_of
        return isinstance(value, (list, dict)) and self.contains in value


def _is_filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (str, list, dict)):
        return len(value) > 0
    return True


class ScaleSpec(Strict):
    """Bounds and end labels of a scale question."""

    min: int = 1
    max: int = 5
    min_label: LocalText | None = None
    max_label: LocalText | None = None
    min_valence: Valence | None = Field(
        None, description="For a signifier: whether the lowest level is desirable (positive) or "
                          "not (negative); the other end is taken as the opposite.")
    max_valence: Valence | None = Field(
        None, description="As min_valence, for the highest level.")

    _numbers = field_validator("min", "max", mode="before")(check_number)

    @model_validator(mode="after")
    def _order(self) -> "ScaleSpec":
        if self.min >= self.max:
            raise ValueError(msg("model.min_max"))
        if self.min_valence is not None and self.min_valence == self.max_valence:
            raise ValueError(msg("model.same_valence"))
        return self

    def level_valence(self) -> dict[int, Valence]:
        """The valence of the two ends (one given end implies the other)."""
        opposite: dict[str, Valence] = {"positive": "negative", "negative": "positive"}
        low = self.min_valence or (opposite[self.max_valence] if self.max_valence else None)
        if low is None:
            return {}
        return {self.min: low, self.max: opposite[low]}


class OutputSpec(Strict):
    """Something a phase captures, asked as a typed prompt."""

    id: Identifier = Field(description="Unique within the method; the key in the sprint file.")
    type: OutputType = Field("text", description="How the answer is asked for and stored.")
    prompt: LocalText = Field(description="The question shown to the facilitator.")
    help: LocalText | None = Field(None, description="A longer explanation or example.")
    required: bool = Field(True, description="Whether the phase needs an answer to be done.")
    choices: list[Choice] = Field(default_factory=new_list, description="For choice/multichoice.")
    items_from: Identifier | None = Field(
        None, description="For dot_vote/impact_effort: the list output whose items are scored; "
        "for a list: the earlier list it picks from (by number; free text allowed)."
    )
    votes_per_person: int | None = Field(None, ge=1, description="For dot_vote: dots each.")
    min: float | None = Field(None, description="For number/integer: the smallest allowed.")
    max: float | None = Field(None, description="For number/integer: the largest allowed.")
    default: Any = Field(None, description="Used when nothing else gives a value.")
    when: When | None = Field(None, description="Ask only when this condition holds.")
    feeds: Section | None = Field(
        None,
        description="The section of the client documents this answer belongs in (goal, "
        "conclusions, decision, next_steps, actions, stakeholders, intent_text, signatories, "
        "…); 'check' for questions that only steer the facilitator.",
    )
    label: LocalText | None = Field(
        None, description="How the answer is named in a document (the prompt is a question)."
    )

    _numbers = field_validator("votes_per_person", "min", "max", mode="before")(check_number)

    @model_validator(mode="after")
    def _consistent(self) -> "OutputSpec":
        if self.type in ("choice", "multichoice") and not self.choices:
            raise ValueError(msg("model.output_choices", type=self.type))
        if self.type in ("dot_vote", "impact_effort") and not self.items_from:
            raise ValueError(msg("model.output_items_from", type=self.type))
        if self.items_from and self.type not in ("list", "dot_vote", "impact_effort"):
            raise ValueError(msg("model.output_no_items_from", type=self.type))
        unique_ids(self.choices, "choice")
        return self


class WorkformUse(Strict):
    """A work form used in a phase, by id, optionally with its own timebox and note."""

    ref: Identifier = Field(description="Id of a work form in the work-form library.")
    timebox: Duration | None = Field(None, description="Overrides the work form's timebox.")
    note: LocalText | None = Field(None, description="How the work form is used here.")

    @model_validator(mode="before")
    @classmethod
    def _from_id(cls, value: Any) -> Any:
        return {"ref": value} if isinstance(value, str) else value


class ExitCriterion(Strict):
    """When a phase is done. ``requires`` lists outputs that must have an answer."""

    text: LocalText
    requires: list[Identifier] = Field(default_factory=new_list)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str) or (isinstance(value, dict) and set(value) <= {"nl", "en"}):
            return {"text": value}
        return value


class Phase(Strict):
    """One phase of a method."""

    id: Identifier
    title: LocalText
    goal: LocalText
    timebox: Duration = Field(description="Planned length of the phase, e.g. 3h.")
    day: int | None = Field(None, ge=1, description="Which day of the sprint (for agendas).")
    session_type: SessionType | None = Field(
        None, description="joint work session, asynchronous assignment, relay session, review…"
    )
    workforms: list[WorkformUse] = Field(default_factory=new_list)
    outputs: list[OutputSpec] = Field(default_factory=new_list)
    exit_criteria: list[ExitCriterion] = Field(default_factory=new_list)

    _numbers = field_validator("day", mode="before")(check_number)

    @property
    def seconds(self) -> int:
        return parse_duration(self.timebox)


class Role(Strict):
    """A role people take in the sprint (facilitator, decider, gezinsmanager…)."""

    id: Identifier
    name: LocalText
    description: LocalText | None = None


class Perspective(Strict):
    """Whose stories these are (story cycles): parents and youth, team members, …"""

    id: Identifier
    name: LocalText


SignifierType = Literal["choice", "multichoice", "scale", "triad"]


class Signifier(Strict):
    """A question the storyteller answers about their own story (*duidingsvraag*)."""

    id: Identifier
    type: SignifierType
    question: LocalText
    choices: list[SignifierChoice] = Field(default_factory=new_list,
                                           description="For choice/multichoice.")
    scale: ScaleSpec | None = Field(None, description="For scale questions.")
    corners: list[SignifierChoice] = Field(
        default_factory=new_list, description="For triads: exactly three corner labels."
    )

    @model_validator(mode="after")
    def _consistent(self) -> "Signifier":
        if self.type in ("choice", "multichoice") and not self.choices:
            raise ValueError(msg("model.signifier_choices", type=self.type))
        if self.type == "triad" and len(self.corners) != 3:
            raise ValueError(msg("model.triad_corners"))
        if self.type == "scale" and self.scale is None:
            self.scale = ScaleSpec()
        return self


class Method(Strict):
    """A reusable sprint recipe."""

    schema_version: SchemaVersion = Field(SCHEMA_VERSION, description="File format version.")
    id: Identifier
    kind: str = Field(description="strategy, innovation, experiment, acceleration, …")
    name: LocalText
    summary: LocalText
    duration: LocalText | None = Field(None, description="A hint such as '4 days in 2 weeks'.")
    days: int | None = Field(None, ge=1, description="Number of days, for agendas.")
    roles: list[Role] = Field(default_factory=new_list)
    sources: list[str] = Field(default_factory=new_list, description="Methods this draws on.")
    phases: list[Phase] = Field(min_length=1)
    perspectives: list[Perspective] = Field(default_factory=new_list)
    signifiers: list[Signifier] = Field(default_factory=new_list)
    cycle: Literal["half-year", "quarter", "year", "month"] | None = Field(
        None, description="For recurring cycles: how often."
    )

    _numbers = field_validator("days", mode="before")(check_number)

    @field_validator("phases")
    @classmethod
    def _unique_phase_ids(cls, phases: list[Phase]) -> list[Phase]:
        unique_ids(phases, "phase")
        outputs = [o for p in phases for o in p.outputs]
        unique_ids(outputs, "output")
        return phases

    @model_validator(mode="after")
    def _references(self) -> "Method":
        unique_ids(self.roles, "role")
        unique_ids(self.perspectives, "perspective")
        unique_ids(self.signifiers, "signifier")
        seen: dict[str, str] = {}
        for phase in self.phases:
            for out in phase.outputs:
                for ref, what in ((out.items_from, "items_from"),
                                  (out.when.output if out.when else None, "when.output")):
                    if ref is not None and ref not in seen:
                        raise ValueError(msg("model.not_earlier", output=repr(out.id),
                                             what=what, ref=repr(ref)))
                if out.items_from is not None and seen[out.items_from] != "list":
                    raise ValueError(msg("model.not_list", output=repr(out.id),
                                         ref=repr(out.items_from)))
                seen[out.id] = out.type
            for crit in phase.exit_criteria:
                for ref in crit.requires:
                    if ref not in seen:
                        raise ValueError(msg("model.exit_unknown", phase=repr(phase.id),
                                             ref=repr(ref)))
        return self

    def phase(self, phase_id: str) -> "Phase":
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise KeyError(phase_id)

    def output(self, output_id: str) -> "OutputSpec":
        for p in self.phases:
            for o in p.outputs:
                if o.id == output_id:
                    return o
        raise KeyError(output_id)


class Workform(Strict):
    """A reusable exercise (*werkvorm*)."""

    schema_version: SchemaVersion = Field(SCHEMA_VERSION, description="File format version.")
    id: Identifier
    name: LocalText
    mode: WorkformMode = Field(description="diverge, converge or both.")
    timebox: Duration
    summary: LocalText
    instructions: LocalText = Field(description="Step by step, as a facilitator explains it.")
    output: LocalText = Field(description="What the group has when it is done.")
    materials: LocalText | None = None
    group_size: str | None = Field(None, description="e.g. '4-8' or 'any'.")
    sources: list[str] = Field(default_factory=new_list)
