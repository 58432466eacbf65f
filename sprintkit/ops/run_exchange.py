"""What passes between a walkthrough (:mod:`sprintkit.ops.run`) and the person taking part:
the prompt (:class:`Ask`), what they did (:class:`Reply`), the person's side
(:class:`WalkUI`), the running tally (:class:`Session`) and the outcome (:class:`RunResult`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sprintkit.engine.answers import AnswerError
    from sprintkit.engine.walkthrough import Step
    from sprintkit.errors import SprintkitError
    from sprintkit.model.method import Method, OutputSpec, Phase, Workform
    from sprintkit.model.sprint import Hypothesis, Sprint
    from sprintkit.ops.given import Given


@dataclass
class Ask:
    """One prompt, as the walk hands it to the person's side."""

    step: Step
    phase: Phase
    spec: OutputSpec
    lang: str
    default: Any = None
    default_from: str | None = None
    """``saved`` (the answer in the file) or ``method`` (the method's default)."""
    position: tuple[int, int] = (0, 0)
    can_back: bool = False
    items: list[str] | None = None
    cards: list[Hypothesis] = field(default_factory=list)
    """For a hypotheses output: the test cards this phase already holds."""
    check: Callable[[Any], Any] = lambda value: value
    """Check and normalise a typed value now (raises :class:`AnswerError`)."""
    add_card: Callable[[dict[str, Any]], Hypothesis] | None = None
    """For a hypotheses output: save one test card at once (raises :class:`AnswerError`)."""
    participants: int | None = None
    """The number of participants the sprint recorded (bounds the dots of a dot vote)."""
    votes: dict[str, int] | None = None
    """For a list that picks from a list the group voted on: the votes per item (the items
    are offered most votes first, with their votes)."""


@dataclass(frozen=True)
class Reply:
    """What the person did at a prompt: ``answer`` (with ``value``), ``keep`` (Enter: keep the
    default), ``back`` (``<``; a ``value`` given with it is saved first, such as the test cards
    made before going back) or ``skip`` (``-``)."""

    action: str
    value: Any = None


class WalkUI(Protocol):
    """The person's side of a walkthrough (``sprintkit.ui.walkthrough_view`` implements it)."""

    def start(self, sprint: Sprint, method: Method, first: Step | None, revisit: bool) -> None: ...

    def given(self, given: list[Given], changed: int) -> None: ...

    def enter(self, phase: Phase, number: int, total: int,
              workforms: dict[str, Workform], again: bool,
              criteria: list[str] | None = None) -> None:
        """A phase begins; ``criteria``: how each exit criterion stands (``met``, ``open``,
        ``ask``: sprintkit cannot check it)."""
        ...

    def offer_timer(self, phase: Phase, timed: list[tuple[str, int]]) -> None: ...

    def ask(self, ask: Ask, problem: AnswerError | None) -> Reply: ...

    def closed(self, phase: Phase, status: str, missing: list[str]) -> None: ...

    def offer_open(self, still: list[tuple[str, bool]]) -> bool:
        """After the phases: the open questions (``phase.output``, skipped or not); whether to
        take them up now."""
        ...

    def conflict(self, ask: Ask, in_file: Any, answer: Any) -> bool: ...

    def blocked(self, error: SprintkitError, journal: Path) -> None: ...

    def note(self, message: str) -> None: ...


@dataclass
class Session:
    """A running tally, readable after Ctrl-C (for the one-line "saved … resume with …")."""

    path: Path | None = None
    lang: str = "nl"
    saved: int = 0
    pending: int = 0


@dataclass
class RunResult:
    """What a walkthrough did."""

    path: Path
    lang: str
    saved: int
    given: int
    defaults: int
    done: list[str]
    next_phase: str | None
    skipped: list[str]
    pending: int = 0
    notes: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """How a person sees each output named (by id and by ``phase.output``)."""
