"""The shapes of the template context (:func:`sprintkit.render.context.build_context`).

Templates read these as ``sprint.hypotheses[0].result.final_label`` and so on; ``sprintkit
templates context`` prints them as JSON. Dates stay :class:`datetime.date` (the templates'
filters format them); model dumps whose fields follow the sprint file (decisions, actions,
parties, the plan) stay plain dicts, and so does a hypothesis's computed ``result`` (the
fields of :class:`sprintkit.engine.evidence.Result` with their texts).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any, TypedDict

if sys.version_info >= (3, 11):
    from typing import NotRequired
else:  # pragma: no cover - Python 3.10 (typing_extensions comes with pydantic)
    from typing_extensions import NotRequired

Plain = dict[str, Any]
"""A model dump or a chart specification: the sprint file's own fields."""


class Meta(TypedDict):
    """What the title page says about the document itself."""

    date: str
    version: str
    status: str
    status_label: str


class Totals(TypedDict):
    sprints: int
    hypotheses: int
    learnings: int
    actions: int
    verdict_counts: dict[str, int]


class MethodRef(TypedDict):
    id: str
    kind: str
    name: str | None
    summary: str | None


class SprintRef(TypedDict):
    """A sprint named from elsewhere (a lineage step, a programme's action)."""

    id: str
    position: int | None
    title: str
    method: MethodRef | None


class EvidenceContext(TypedDict):
    id: str
    date: dt.date | None
    source: str | None
    type: str | None
    type_label: str | None
    successes: int | None
    trials: int | None
    numbers: list[float] | None
    quote: str | None
    note: str | None
    summary: str | None


class LineageChange(TypedDict):
    field: str
    field_label: str
    old: Any
    new: Any


class HypothesisContext(TypedDict):
    id: str
    statement: str
    title_given: str | None
    title: str
    risk: str | None
    risk_label: str | None
    kind: str
    kind_label: str
    test: str | None
    metric: str | None
    target: str | None
    target_text: str | None
    criterion: str | None
    confidence: float
    confidence_text: str
    min_n: int | None
    owner: str | None
    derived_from: str | None
    derived_from_text: str | None
    ref: str
    followed_by: list[str]
    superseded: bool
    decided_later: bool
    relation: str | None
    relation_label: str | None
    lineage_changes: list[LineageChange]
    lineage: int | None
    phase: str | None
    created: dt.date | None
    evidence: list[EvidenceContext]
    result: Plain
    override: Plain | None
    changes: list[Plain]
    learnings: list[str]
    decision: str | None
    decision_label: str | None
    chart: str | None


class LearningContext(TypedDict):
    id: str
    hypothesis: str | None
    statement: str | None
    observed: str | None
    learned: str | None
    action: str | None
    decision: str | None
    decision_label: str | None
    reason: str | None
    against_verdict: bool | None
    date: dt.date | None


class Adopted(TypedDict):
    """An adopt or adapt decision the implementation plan carries forward."""

    decision: str
    decision_label: str | None
    learning: LearningContext
    hypothesis: HypothesisContext | None


class OutputContext(TypedDict):
    """A captured output, in one of four shapes: ``text``, ``list`` (``entries``),
    ``ranking`` (a dot vote) or ``matrix`` (impact/effort)."""

    id: str
    label: str
    type: str
    shape: str
    text: Any
    entries: list[Any]
    ranking: list[Plain]
    matrix: list[Plain]


class PhaseContext(TypedDict):
    id: str
    title: str
    goal: str | None
    status: str
    status_label: str
    started: dt.datetime | None
    completed: dt.datetime | None
    held: bool
    when: str | None
    notes: str | None
    outputs: list[OutputContext]


class IndicatorPoint(TypedDict):
    period: str
    value: float | None
    value_text: str | None
    numerator: float | None
    denominator: float | None
    denominator_period: str | None
    source: str | None
    note: str | None
    baseline_used: float | None
    pro_rata: bool
    change: float | None
    change_text: str | None
    progress: float | None
    progress_text: str | None
    status: str | None
    status_label: str | None
    target_met: bool | None
    trend_text: str | None
    notes: list[str]
    problem: str | None


class IndicatorContext(TypedDict):
    id: str
    name: str
    unit: str | None
    kind: str | None
    kind_label: str | None
    direction: str
    direction_label: str
    baseline: float | None
    baseline_text: str | None
    baseline_period: str | None
    target: float | None
    target_text: str | None
    target_period: str | None
    frequency: str | None
    source: str | None
    description: str | None
    measurements: list[IndicatorPoint]
    latest: IndicatorPoint | None
    target_met: bool | None
    notes: list[str]
    left_out: list[str]
    chart: str | None
    sprint: NotRequired[SprintRef | None]
    """In a programme: the sprint that measured it (``None``: the programme itself)."""


class SprintCharts(TypedDict):
    hypotheses: list[str]
    indicators: list[str]
    assumptions: NotRequired[str | None]


class SprintContext(TypedDict):
    id: str
    position: int | None
    title: str
    method: MethodRef | None
    method_id: str
    language: str
    organisation: str | None
    programme_id: str | None
    start: dt.date | None
    end: dt.date | None
    period: str
    facilitators: list[str]
    context: Plain
    team: list[Plain]
    deciders: list[str]
    phases: list[PhaseContext]
    hypotheses: list[HypothesisContext]
    verdict_counts: dict[str, int]
    learnings: list[LearningContext]
    decisions: list[Plain]
    actions: list[Plain]
    open_actions: list[Plain]
    indicators: list[IndicatorContext]
    parties: list[Plain]
    signatories: list[Plain]
    plan: Plain
    adopted: list[Adopted]
    conclusions: list[str]
    next_steps: list[str]
    removed: list[Plain]
    charts: SprintCharts
    doc: NotRequired[Plain]
    """The client documents' sections (:mod:`sprintkit.render.deliverable_context`)."""
    points: NotRequired[list[Plain]]
    evidence_sentence: NotRequired[str | None]
    stories: NotRequired[Plain | None]
    """A story cycle's clear shifts for the slides (:func:`sprintkit.ops.slides.story_shifts`)."""


class LineageStep(TypedDict):
    ref: str
    depth: int
    hypothesis: HypothesisContext
    parent: str | None
    sprint: SprintRef
    relation: str
    relation_label: str
    changes: list[LineageChange]
    superseded: bool


class LineageContext(TypedDict):
    root: str
    statement: str
    steps: list[LineageStep]
    latest: list[LineageStep]
    sprints: list[int]


class ChainGroup(TypedDict):
    name: str
    count: int


class ProgrammeContext(TypedDict):
    id: str
    title: str
    organisation: str | None
    language: str
    goal: str | None
    description: str | None
    start: dt.date | None
    end: dt.date | None
    period: str
    facilitators: list[str]
    team: list[Plain]
    chain: list[SprintRef]
    chain_groups: list[ChainGroup]
    chain_text: str
    lineages: list[LineageContext]
    lineage_counts: dict[str, int]
    indicators: list[IndicatorContext]
    all_indicators: list[IndicatorContext]
    actions: list[Plain]
    all_actions: list[Plain]
    open_actions: list[Plain]
    decisions: list[Plain]
    adopted: list[Plain]
    """The sprints' adopt/adapt decisions (as :class:`Adopted`) with ``sprint`` and the
    ``trail`` of lineage steps that led to them."""
    not_adopted: list[Plain]
    """The sprints' drop/retest learnings (as :class:`LearningContext`) with ``sprint`` and
    ``ref``."""
    plan: Plain
    combined_plan: Plain
    conclusions: list[str]
    next_steps: list[str]


class Context(TypedDict):
    """Everything a document template may use."""

    lang: str
    generated: dt.date | None
    programme: ProgrammeContext | None
    sprints: list[SprintContext]
    sprint: SprintContext | None
    charts: dict[str, Plain]
    totals: Totals
    draft: bool
    meta: Meta
