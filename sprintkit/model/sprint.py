"""The sprint file (``sprint.yaml``): one run of a method for one organisation.

The whole file format is designed up front so later work fills in behaviour without breaking
files: team, context, phase progress with captured outputs, hypotheses with evidence, learnings,
decisions, actions, indicators, parties and the implementation plan's own sections."""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from sprintkit.i18n import msg
from sprintkit.model.common import (
    SCHEMA_VERSION,
    Identifier,
    Language,
    NonEmpty,
    PeriodText,
    SchemaVersion,
    Strict,
    TargetExpr,
    check_number,
    new_dict,
    new_list,
    unique_ids,
)
from sprintkit.vocabulary import to_id

# The fixed value lists of sprintkit.vocabulary, as types: a file may hold a value's Dutch or
# English name where a person wrote one; it is read (and written back) as the id. A test checks
# that each Literal holds exactly the vocabulary's ids.
RiskType = Annotated[Literal["desirability", "feasibility", "viability"],
                     BeforeValidator(to_id("risk"))]
HypothesisKind = Annotated[Literal["proportion", "mean", "qualitative"],
                           BeforeValidator(to_id("hypothesis_kind"))]
EvidenceType = Annotated[Literal["interview", "survey", "observation", "behaviour", "document"],
                         BeforeValidator(to_id("evidence_type"))]
VerdictName = Annotated[Literal["supported", "refuted", "inconclusive", "insufficient_data"],
                        BeforeValidator(to_id("verdict"))]
OverrideVerdict = Annotated[Literal["supported", "refuted", "inconclusive"],
                            BeforeValidator(to_id("override"))]
DecisionName = Annotated[Literal["adopt", "adapt", "drop", "retest"],
                         BeforeValidator(to_id("decision"))]
ActionStatus = Annotated[Literal["todo", "doing", "done", "escalated"],
                         BeforeValidator(to_id("action_status"))]
PhaseStatus = Annotated[Literal["todo", "in_progress", "done", "skipped"],
                        BeforeValidator(to_id("phase_status"))]
Direction = Annotated[Literal["increase", "decrease"], BeforeValidator(to_id("direction"))]
IndicatorKind = Annotated[Literal["count", "value", "rate"],
                          BeforeValidator(to_id("indicator_kind"))]
Level = Annotated[Literal["low", "medium", "high"], BeforeValidator(to_id("level"))]
PeriodKind = Annotated[Literal["half-year", "quarter", "year", "month"],
                       BeforeValidator(to_id("period_kind"))]


class TeamMember(Strict):
    """Someone in the sprint team, with their role."""

    name: NonEmpty
    role: str = Field(description="e.g. facilitator, decider, gezinsmanager, team coach.")
    organisation: str | None = None
    note: str | None = None


class Context(Strict):
    """Why this sprint exists."""

    challenge: str | None = Field(None, description="The question or problem the sprint tackles.")
    goal: str | None = Field(None, description="What the sprint must deliver.")
    background: str | None = Field(None, description="The situation; what came before.")
    scope: str | None = Field(None, description="What is in and out.")


class PhaseState(Strict):
    """Progress through one phase of the method, and what it captured."""

    status: PhaseStatus = "todo"
    started: dt.datetime | None = None
    completed: dt.datetime | None = None
    outputs: dict[str, Any] = Field(
        default_factory=new_dict, description="Answers by output id, typed as the method says."
    )
    skipped_outputs: list[str] = Field(
        default_factory=new_list, description="Outputs the facilitator chose to skip for now."
    )
    notes: str | None = None


class Evidence(Strict):
    """One observation against a hypothesis: a count (k of n), numbers, or a quote."""

    id: Identifier | None = Field(None, description="E1, E2, … within the hypothesis.")
    date: dt.date | None = None
    source: str | None = Field(None, description="Where it came from (no names of clients).")
    type: EvidenceType | None = Field(
        None, description="What people do (behaviour) weighs more than what they say."
    )
    successes: int | None = Field(None, ge=0, description="k: observations meeting the metric.")
    trials: int | None = Field(None, ge=1, description="n: observations in total.")
    values: list[float] | None = Field(None, description="Measured values (mean hypotheses).")
    quote: str | None = Field(None, description="A quote or story (qualitative evidence).")
    note: str | None = None

    _numbers = field_validator("successes", "trials", "values", mode="before")(check_number)

    @model_validator(mode="after")
    def _one_kind(self) -> "Evidence":
        count = self.successes is not None or self.trials is not None
        kinds = sum([count, self.values is not None, self.quote is not None])
        if kinds != 1:
            raise ValueError(msg("model.evidence_one"))
        if count:
            if self.successes is None or self.trials is None:
                raise ValueError(msg("model.count_both"))
            if self.successes > self.trials:
                raise ValueError(msg("model.successes_exceed", successes=self.successes,
                                     trials=self.trials))
        if self.values is not None and not self.values:
            raise ValueError(msg("model.values_empty"))
        return self


class Override(Strict):
    """A facilitator's verdict, which never hides the computed one."""

    verdict: OverrideVerdict
    reason: NonEmpty
    computed: VerdictName | None = Field(None, description="The computed verdict at the time.")
    date: dt.date | None = None
    by: str | None = None


class HistoryEntry(Strict):
    """A change to a hypothesis after evidence existed, with the reason."""

    date: dt.datetime
    field: str
    old: str | None = None
    new: str | None = None
    reason: str | None = None


class Removal(Strict):
    """A removed hypothesis: what it said, how much evidence it had, when and why it went."""

    id: Identifier
    date: dt.date
    statement: str
    evidence: int = Field(0, ge=0, description="Evidence records it had when it was removed.")
    reason: str | None = None


class Hypothesis(Strict):
    """A test card: what we believe, how we test it, and the criterion fixed before evidence."""

    id: Identifier
    statement: NonEmpty = Field(description="We believe that …")
    title: str | None = Field(
        None, description="A short title for headings and the contents of documents."
    )
    importance: int | None = Field(
        None, ge=1, le=5,
        description="How critical the assumption is, 1-5 (5: the idea fails if it is wrong); "
        "places it on the assumption map.",
    )
    risk: RiskType | None = Field(None, description="desirability, feasibility or viability.")
    kind: HypothesisKind = Field("proportion", description="proportion, mean or qualitative.")
    test: str | None = Field(None, description="To verify that, we will …")
    metric: str | None = Field(None, description="And measure …")
    target: TargetExpr | None = Field(None, description="The threshold, e.g. >=70% or <=14.")
    criterion: str | None = Field(None, description="We are right if …")
    confidence: float = Field(0.95, gt=0.5, lt=1, description="For the interval, e.g. 0.95.")
    min_n: int | None = Field(None, ge=1, description="Below this n: insufficient data.")
    owner: str | None = None
    derived_from: str | None = Field(
        None, description="An earlier hypothesis: 'H1' or 'other-sprint-id:H1'."
    )
    phase: str | None = Field(None, description="The phase in which it was captured.")
    created: dt.date | None = None
    evidence: list[Evidence] = Field(default_factory=new_list)
    override: Override | None = None
    history: list[HistoryEntry] = Field(default_factory=new_list)

    _numbers = field_validator("confidence", "min_n", "importance", mode="before")(check_number)

    @model_validator(mode="after")
    def _target_fits_kind(self) -> "Hypothesis":
        if self.kind in ("proportion", "mean") and self.target is None:
            raise ValueError(msg("model.needs_target", kind=self.kind))
        if self.kind == "proportion" and self.target is not None and not (
            0 <= self.target.value <= 1
        ):
            raise ValueError(msg("model.proportion_range", target=self.target))
        return self


class Learning(Strict):
    """A learning card: observed → learned → therefore we will …, with a decision."""

    id: Identifier
    hypothesis: Identifier | None = None
    observed: NonEmpty
    learned: NonEmpty
    action: NonEmpty = Field(description="Therefore we will …")
    decision: DecisionName | None = Field(None, description="adopt, adapt, drop or retest.")
    reason: str | None = Field(
        None, description="Required when the decision goes against the verdict."
    )
    against_verdict: bool = Field(
        False, description="Set when the decision contradicts the verdict."
    )
    date: dt.date | None = None


class Decision(Strict):
    """A strategic choice or another decision made in the sprint."""

    id: Identifier
    title: NonEmpty
    choice: str | None = None
    rationale: str | None = None
    decided_by: str | None = None
    date: dt.date | None = None


class Escalation(Strict):
    """An action taken to the escalation team (or anyone else) because it got stuck."""

    to: NonEmpty
    reason: NonEmpty
    date: dt.date | None = None
    resolved: dt.date | None = Field(None, description="When the action moved on again.")
    resolution: str | None = Field(None, description="What was decided or done about it.")


class Action(Strict):
    """Who does what by when, with its place on the board."""

    id: Identifier
    text: NonEmpty
    owner: str | None = None
    due: dt.date | None = None
    status: ActionStatus = "todo"
    from_hypothesis: str | None = None
    escalation: Escalation | None = Field(None, description="The latest escalation.")
    past_escalations: list[Escalation] = Field(
        default_factory=new_list, description="Earlier escalations, each resolved."
    )
    created: dt.date | None = None
    done: dt.date | None = None


class Measurement(Strict):
    """One dated value of an indicator: a value, or a numerator and denominator of one period."""

    period: PeriodText
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = Field(None, gt=0)
    denominator_period: PeriodText | None = Field(
        None,
        description="When the denominator was counted over another period (refused for rates).",
    )
    source: str | None = None
    note: str | None = None

    _numbers = field_validator("value", "numerator", "denominator", mode="before")(check_number)

    @model_validator(mode="after")
    def _one_kind(self) -> "Measurement":
        ratio = self.numerator is not None or self.denominator is not None
        if ratio and self.value is not None:
            raise ValueError(msg("model.value_or_ratio_both"))
        if ratio and (self.numerator is None or self.denominator is None):
            raise ValueError(msg("model.rate_both"))
        if not ratio and self.value is None:
            raise ValueError(msg("model.value_or_ratio"))
        return self


class Indicator(Strict):
    """A monitored outcome with a baseline, a target and dated measurements."""

    id: Identifier
    name: NonEmpty
    unit: str | None = Field(None, description="e.g. children a year, %, days.")
    direction: Direction = Field(description="Which way is better: increase or decrease.")
    kind: IndicatorKind | None = Field(
        None,
        description="count (adds up over time, e.g. placements a year: compared pro rata over "
        "periods of another length), value (an average or level, compared as is) or rate "
        "(numerator out of denominator, in percent). Unset: rate for a unit such as %, else "
        "unknown (periods of another length than the baseline's are not compared).",
    )
    baseline: float | None = None
    baseline_period: PeriodText | None = Field(None, description="The period the baseline covers.")
    target: float | None = None
    target_period: PeriodText | None = Field(
        None, description="The period the target is for (a count's target covers it)."
    )
    frequency: str | None = Field(None, description="How often it is measured.")
    source: str | None = Field(None, description="Where the numbers come from.")
    description: str | None = None
    measurements: list[Measurement] = Field(default_factory=new_list)

    _numbers = field_validator("baseline", "target", mode="before")(check_number)


class Party(Strict):
    """An organisation taking part (co-creation); signatories of a declaration of intent."""

    name: NonEmpty
    representative: str | None = None
    role: str | None = None
    signs_intent: bool = Field(False, description="Signs the declaration of intent.")


class Stakeholder(Strict):
    name: NonEmpty
    role: str | None = None
    interest: str | None = None
    involvement: str | None = None


class Communication(Strict):
    audience: NonEmpty
    message: str | None = None
    channel: str | None = None
    when: str | None = None
    owner: str | None = None


class Trial(Strict):
    start: dt.date | None = None
    end: dt.date | None = None
    description: str | None = None


class EvaluationMoment(Strict):
    date: dt.date | None = None
    what: NonEmpty


class Risk(Strict):
    risk: NonEmpty
    likelihood: Level | None = None
    impact: Level | None = None
    mitigation: str | None = None


class PlanSection(Strict):
    """What the implementation plan needs beyond the sprint's own results."""

    scope: str | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=new_list)
    communication: list[Communication] = Field(default_factory=new_list)
    trial: Trial | None = None
    evaluation: list[EvaluationMoment] = Field(default_factory=new_list)
    risks: list[Risk] = Field(default_factory=new_list)
    support: str | None = Field(None, description="The support (draagvlak) found, and with whom.")


class StorySettings(Strict):
    """Where stories live and how they are protected."""

    database: str = Field("stories.db", description="SQLite file, relative to the sprint folder.")
    key_file: str | None = Field(
        None, description="Names to pseudonymise; kept outside the sprint folder by default."
    )
    min_cell: int = Field(5, ge=1, description="Hide breakdown cells with fewer stories.")
    period_kind: PeriodKind = "half-year"
    min_shift: float = Field(
        5.0, ge=0, le=100,
        description="The smallest shift that matters, in percentage points (0 to 100): a "
        "statistically clear shift below it is shown as clear but small.")

    @field_validator("database")
    @classmethod
    def _inside_sprint_folder(cls, value: str) -> str:
        """The story database stays inside the sprint folder: never another program's file."""
        import re

        text = value.strip()
        parts = [p for p in re.split(r"[\\/]+", text) if p not in ("", ".")]
        if (not parts or text.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", text)
                or ".." in parts):
            raise ValueError(msg("model.database_inside"))
        return value

    _numbers = field_validator("min_cell", "min_shift", mode="before")(check_number)


class LiveSessionRecord(Strict):
    """What a live session (`sprintkit serve`) collected: counts only. The notes, dots and
    scores themselves are the phases' answers."""

    started: dt.datetime
    ended: dt.datetime
    participants: int = Field(0, ge=0)
    notes: int = Field(0, ge=0, description="Sticky notes added to a list (merged ones not).")
    dots: int = Field(0, ge=0, description="Dots given in dot votes.")
    scores: int = Field(0, ge=0, description="Items scored on impact and effort.")
    stories: int = Field(0, ge=0, description="Stories told at the story point.")


class Sprint(Strict):
    """One run of a method for one organisation."""

    schema_version: SchemaVersion = Field(SCHEMA_VERSION, description="File format version.")
    id: Identifier = Field(description="Short name, used in report file names.")
    title: NonEmpty
    method: Identifier = Field(description="Id of the method this sprint follows.")
    language: Language = Field("nl", description="nl or en: prompts and reports.")
    organisation: str | None = None
    programme: str | None = Field(None, description="Id of the programme it belongs to.")
    start: dt.date | None = None
    end: dt.date | None = None
    facilitators: list[str] = Field(default_factory=new_list)
    context: Context = Field(default_factory=Context)
    team: list[TeamMember] = Field(default_factory=new_list)
    phases: dict[str, PhaseState] = Field(
        default_factory=new_dict, description="Progress and outputs by phase id."
    )
    hypotheses: list[Hypothesis] = Field(default_factory=new_list)
    learnings: list[Learning] = Field(default_factory=new_list)
    decisions: list[Decision] = Field(default_factory=new_list)
    actions: list[Action] = Field(default_factory=new_list)
    indicators: list[Indicator] = Field(default_factory=new_list)
    parties: list[Party] = Field(default_factory=new_list)
    plan: PlanSection = Field(default_factory=PlanSection)
    stories: StorySettings | None = None
    key_file: str | None = Field(
        None,
        description="The key file: names to pseudonymise in everything typed into this sprint "
        "(relative to the sprint folder, ~ allowed). Default: outside the sprint folder, in the "
        "user data folder. Overrides stories.key_file.",
    )
    retired_ids: list[Identifier] = Field(
        default_factory=new_list,
        description="Ids of removed hypotheses, learning cards, decisions and actions (H3, L2, "
        "D1, A4): never handed out again, so an id always means the same thing. Evidence ids "
        "stay unique through the hypothesis's history.",
    )
    removed_hypotheses: list[Removal] = Field(
        default_factory=new_list,
        description="Hypotheses removed with `sprintkit hypothesis remove`: the statement, the "
        "evidence it had and the reason. One removed after evidence existed is reported.",
    )
    conclusions: list[str] = Field(default_factory=new_list, description="Main conclusions.")
    next_steps: list[str] = Field(default_factory=new_list)
    live_sessions: list[LiveSessionRecord] = Field(
        default_factory=new_list,
        description="Live sessions held with `sprintkit serve`: when, how many took part, and "
        "how much they contributed (the contributions are the phases' answers).")

    @field_validator("hypotheses", "learnings", "decisions", "actions", "indicators")
    @classmethod
    def _unique(cls, items: list[Any], info: Any) -> list[Any]:
        unique_ids(items, info.field_name.rstrip("s"))
        return items

    @model_validator(mode="after")
    def _dates(self) -> "Sprint":
        if self.start and self.end and self.end < self.start:
            raise ValueError(msg("model.end_before_start", end=self.end, start=self.start))
        return self

    def hypothesis(self, hid: str) -> "Hypothesis":
        for h in self.hypotheses:
            if h.id == hid:
                return h
        raise KeyError(hid)
