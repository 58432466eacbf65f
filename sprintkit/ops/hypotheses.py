"""Hypotheses (test cards), and the helpers the evidence, verdict and learning-card operations
share (:mod:`sprintkit.ops.evidence`, :mod:`sprintkit.ops.verdicts`,
:mod:`sprintkit.ops.learnings`).

Library functions behind ``sprintkit hypothesis``; keyword arguments mirror the command-line
flags. Every write goes through :func:`update_sprint` (locked, atomic,
comment-preserving). The verdict rule itself lives in :mod:`sprintkit.engine.evidence`.

The criterion is fixed before the evidence: once a hypothesis has evidence, changing any of
:data:`~sprintkit.engine.evidence.GUARDED_FIELDS` (target, metric, kind, criterion, confidence,
min_n) needs a reason, and every change is kept in the hypothesis's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.evidence import GUARDED_FIELDS, evaluate
from sprintkit.errors import NotFound, SprintkitError, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.keyfile import CARD_TEXT, clean_fields, sprint_cleaner
from sprintkit.ops.scope import next_id, speak
from sprintkit.vocabulary import ids, parse

if TYPE_CHECKING:
    from sprintkit.model.sprint import Evidence, Hypothesis, Sprint

KINDS = ids("hypothesis_kind")
RISKS = ids("risk")
EVIDENCE_TYPES = ids("evidence_type")
OVERRIDES = ids("override")
DECISIONS = ids("decision")
FREE_TEXT = CARD_TEXT
"""A test card's fields of free text, pseudonymised as they enter."""
EDITABLE = (
    "statement", "risk", "kind", "test", "metric", "target", "criterion", "confidence",
    "min_n", "owner", "derived_from", "title", "importance",
)


# --- helpers -------------------------------------------------------------------------------


def today() -> dt.date:
    """Today's date (one place, so a test can fix it)."""
    return dt.date.today()


def now_local() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def load(sprint: Path | None) -> Sprint:
    """The sprint at ``sprint`` (folder or sprint.yaml), validated."""
    from sprintkit.files.sprintfile import load_sprint

    return load_sprint(sprint).model


def change_sprint(sprint: Path | None, change: Callable[[Sprint], Any]) -> Any:
    from sprintkit.files.sprintfile import update_sprint

    return update_sprint(sprint, change)


def find(model: Sprint, hid: str) -> Hypothesis:
    """The hypothesis ``hid`` in ``model``, or NotFound naming the ids there are."""
    for h in model.hypotheses:
        if h.id == hid:
            return h
    known = ", ".join(h.id for h in model.hypotheses) or msg("evidence.none_yet")
    raise NotFound(
        msg("hypothesis.not_found", id=repr(hid)),
        hint=msg("hypothesis.not_found_hint", known=known),
    )




_OPTION_OF = {"values": "--value", "verdict": "--override"}
"""Fields whose option is not ``--`` and the field's name with hyphens."""


def option_of(field: str) -> str:
    """The option a person types for a model field (``values`` → ``--value``; ``min_n`` →
    ``--min-n``), not the field's name in the file."""
    return _OPTION_OF.get(field, "--" + field.replace("_", "-"))


def _option(loc: Sequence[Any]) -> str:
    """The option of the field an error's location names (or the location as it is)."""
    if not loc or not isinstance(loc[0], str):
        return ".".join(str(p) for p in loc)
    return option_of(loc[0])


def _validation_message(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        parts = []
        for e in errors(include_url=False):
            where = _option(e["loc"])
            msg = str(e["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}: {msg}" if where else msg)
        return "; ".join(parts)
    return str(exc)


def build_model(cls: Any, data: dict[str, Any]) -> Any:
    """Construct a model, turning validation errors into a usage error (exit 2)."""
    from pydantic import ValidationError

    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise UsageError(_validation_message(exc)) from None


def parse_target(text: str) -> Any:
    """``'>=70%'`` -> Target, or a usage error that shows the accepted forms."""
    from sprintkit.model.common import Target

    try:
        return Target.parse(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def parse_date(text: str | dt.date | None, option: str = "--date") -> dt.date | None:
    """``'2026-03-01'`` or ``'1-3-2026'`` -> date; a usage error for anything else."""
    from sprintkit.ops.scope import parse_day

    return parse_day(text, option)


def check_choice(value: str | None, kind: str, option: str) -> str | None:
    """The id ``value`` names in vocabulary list ``kind`` (id, Dutch or English name, any case);
    anything else is a usage error naming ``option``."""
    return None if value is None else parse(kind, value, option)


def _check_confidence(confidence: float | None) -> None:
    if confidence is not None and not 0.5 < confidence < 1:
        raise UsageError(msg("hypothesis.confidence_range", value=confidence))


def check_text(value: str | None, option: str) -> None:
    if value is not None and not value.strip():
        raise UsageError(msg("evidence.option_empty", option=option))


# --- hypotheses ------------------------------------------------------------------------------


def add_hypothesis(sprint: Path | None = None, **fields: Any) -> Hypothesis:
    """Add a test card; ``fields`` are :func:`hypothesis_adder`'s (``statement``, ``metric``,
    ``target``, ``id``, ``kind``, ``risk``, ``test``, ``criterion``, ``confidence``, ``min_n``,
    ``owner``, ``derived_from``). ``kind`` defaults to proportion for a percentage or a
    fraction between 0 and 1, else mean. The id defaults to the next free H1, H2, …
    The card's free text (:data:`FREE_TEXT`) is pseudonymised as it enters."""
    speak(sprint)
    adder = hypothesis_adder(**fields)  # the fields are checked before the sprint is looked up
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> Hypothesis:
        h = adder(model)
        clean_card_text(h, sprint_cleaner(model, folder))
        return h

    return change_sprint(sprint, change)


def clean_card_text(h: Hypothesis, clean: Callable[[str], Any]) -> None:
    """Pseudonymise a new test card's free text (statement, test, criterion, title)."""
    for key in FREE_TEXT:
        value = getattr(h, key, None)
        if isinstance(value, str) and value:
            setattr(h, key, clean(value).text)


def hypothesis_adder(
    *,
    statement: str,
    metric: str | None = None,
    target: str | None = None,
    id: str | None = None,
    kind: str | None = None,
    risk: str | None = None,
    test: str | None = None,
    criterion: str | None = None,
    confidence: float | None = None,
    min_n: int | None = None,
    owner: str | None = None,
    derived_from: str | None = None,
    phase: str | None = None,
    title: str | None = None,
    importance: int | None = None,
) -> Callable[[Sprint], Hypothesis]:
    """Check a test card's fields now (a usage error names the first wrong one) and return the
    change that adds it to a sprint inside a transaction — for callers that write more in the
    same transaction, such as the walkthrough listing the new id in its phase output."""
    from sprintkit.model.sprint import Hypothesis

    check_text(statement, "--statement")
    kind = check_choice(kind, "hypothesis_kind", "--kind")
    risk = check_choice(risk, "risk", "--risk")
    _check_confidence(confidence)
    parsed = parse_target(target) if target is not None else None
    if parsed is None and kind != "qualitative":
        raise UsageError(msg("hypothesis.target_required"),
                         hint=msg("hypothesis.target_required_hint"))
    if kind is None:
        kind = "proportion" if parsed is not None and parsed.is_fraction else "mean"
    if kind == "proportion" and parsed is not None and not 0 <= parsed.value <= 1:
        raise UsageError(msg("hypothesis.proportion_range", target=parsed),
                         hint=msg("hypothesis.proportion_range_hint"))
    if min_n is not None and min_n < 1:
        raise UsageError(msg("hypothesis.min_n"))
    _check_importance(importance)

    data: dict[str, Any] = {"statement": statement, "kind": kind, "created": today()}
    optional = {
        "risk": risk, "test": test, "metric": metric, "target": parsed, "criterion": criterion,
        "confidence": confidence, "min_n": min_n, "owner": owner, "derived_from": derived_from,
        "phase": phase, "title": title.strip() if title and title.strip() else None,
        "importance": importance,
    }
    data.update({k: v for k, v in optional.items() if v is not None})

    def change(model: Sprint) -> Hypothesis:
        ids = [h.id for h in model.hypotheses]
        hid = id or next_id([*ids, *model.retired_ids], "H")
        if hid in model.retired_ids:
            raise SprintkitError(msg("hypothesis.id_retired", id=repr(hid)),
                                 hint=msg("hypothesis.id_retired_hint"))
        if hid in ids:
            raise SprintkitError(msg("hypothesis.exists", id=repr(hid)),
                                 hint=msg("hypothesis.exists_hint", id=hid))
        _check_derived(model, derived_from)
        h = build_model(Hypothesis, {"id": hid, **data})
        model.hypotheses.append(h)
        return h

    return change


def _check_importance(importance: int | None) -> None:
    if importance is not None and not 1 <= importance <= 5:
        raise UsageError(msg("hypothesis.importance", value=importance),
                         hint=msg("hypothesis.importance_hint"))


def _check_derived(model: Sprint, derived_from: str | None) -> None:
    if derived_from and ":" not in derived_from:
        if derived_from not in {h.id for h in model.hypotheses}:
            raise NotFound(msg("hypothesis.derived_unknown", ref=repr(derived_from)),
                           hint=msg("hypothesis.derived_unknown_hint"))


@dataclass(frozen=True)
class Edited:
    """What ``edit_hypothesis`` changed, and whether it was kept in the history."""

    hypothesis: Hypothesis
    changed: list[str]
    recorded: bool


def _shown(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


def edit_hypothesis(
    sprint: Path | None = None,
    id: str = "",
    *,
    reason: str | None = None,
    **changes: Any,
) -> Edited:
    """Change fields of a hypothesis (keyword names as :data:`EDITABLE`).

    Without evidence, edits are free. Once evidence exists, changing target, metric, kind,
    criterion, confidence or min_n needs ``reason``; every change made after evidence exists
    (or with a reason) is appended to the hypothesis's history."""
    from sprintkit.model.sprint import HistoryEntry, Hypothesis

    speak(sprint)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise UsageError(msg("hypothesis.cannot_edit", fields=", ".join(unknown),
                             editable=", ".join(EDITABLE)))
    given = {k: v for k, v in changes.items() if v is not None}
    if not given:
        raise UsageError(msg("evidence.nothing_to_change"), hint=msg("hypothesis.nothing_hint"))
    check_text(given.get("statement"), "--statement")
    for key, kind in (("kind", "hypothesis_kind"), ("risk", "risk")):
        if key in given:
            given[key] = check_choice(given[key], kind, f"--{key}")
    _check_confidence(given.get("confidence"))
    _check_importance(given.get("importance"))
    if reason is not None and not reason.strip():
        raise UsageError(msg("evidence.reason_empty"))
    if "target" in given:
        given["target"] = parse_target(given["target"])

    folder = sprint_folder(sprint)

    def change(model: Sprint) -> Edited:
        h = find(model, id)
        clean = sprint_cleaner(model, folder)
        clean_fields(clean, given, FREE_TEXT)
        why = clean(reason).text if reason else reason
        if "derived_from" in given:
            _check_derived(model, given["derived_from"])
        changed = [k for k in EDITABLE if k in given and getattr(h, k) != given[k]]
        if not changed:
            return Edited(h, [], False)
        guarded = [k for k in changed if k in GUARDED_FIELDS]
        if h.evidence and guarded and not reason:
            raise UsageError(
                msg("hypothesis.guarded_needs_reason", id=h.id,
                    fields=", ".join(f"--{g.replace('_', '-')}" for g in guarded)),
                hint=msg("hypothesis.guarded_hint"),
            )
        candidate = h.model_dump(mode="python")
        candidate.update({k: given[k] for k in changed})
        target = given["target"] if "target" in changed else h.target
        kind = given["kind"] if "kind" in changed else h.kind
        if kind == "proportion" and target is not None and not 0 <= target.value <= 1:
            raise UsageError(msg("hypothesis.proportion_range", target=target),
                             hint=msg("hypothesis.proportion_range_hint"))
        build_model(Hypothesis, candidate)  # the whole card must still be valid
        record = bool(h.evidence) or bool(reason)
        when = now_local()
        for key in changed:
            if record:
                h.history.append(HistoryEntry(
                    date=when, field=key, old=_shown(getattr(h, key)),
                    new=_shown(given[key]), reason=why,
                ))
            setattr(h, key, given[key])
        return Edited(h, changed, record)

    return change_sprint(sprint, change)


def list_hypotheses(sprint: Path | None = None) -> list[Hypothesis]:
    """All hypotheses of the sprint, in file order."""
    return list(load(sprint).hypotheses)


def get_hypothesis(sprint: Path | None = None, id: str = "") -> Hypothesis:
    """One hypothesis by id."""
    return find(load(sprint), id)


def hypothesis_records(
    sprint: Path | None = None, id: str | None = None, lang: str | None = None
) -> list[dict[str, Any]]:
    """Hypotheses as JSON-ready dicts: the card, its evidence and history, its learnings and
    its verdict (``result``)."""
    model = load(sprint)
    chosen = [find(model, id)] if id else model.hypotheses
    language = lang or model.language
    records = []
    for h in chosen:
        data = h.model_dump(mode="json", exclude_none=True)
        data["learnings"] = [
            ln.model_dump(mode="json", exclude_none=True)
            for ln in model.learnings
            if ln.hypothesis == h.id
        ]
        data["result"] = evaluate(h, language).to_json()
        records.append(data)
    return records


CSV_COLUMNS = (
    "hypothesis", "statement", "risk", "kind", "metric", "target", "criterion", "confidence",
    "min_n", "owner", "n", "successes", "estimate", "ci_low", "ci_high", "p_meets_target",
    "verdict", "override", "override_reason", "final", "needed_n", "strength", "decision",
    "evidence", "evidence_date", "evidence_type", "evidence_source", "evidence_successes",
    "evidence_trials", "evidence_values", "evidence_quote", "evidence_note",
)


def hypotheses_csv(sprint: Path | None = None, id: str | None = None) -> str:
    """CSV for audits and spreadsheets: one row per evidence record (one row for a hypothesis
    without evidence), with the hypothesis's columns and its verdict on every row."""
    from sprintkit.files.csvwrite import csv_records

    model = load(sprint)
    chosen = [find(model, id)] if id else model.hypotheses
    return csv_records(CSV_COLUMNS, _csv_rows(model, chosen))


def _csv_rows(model: Sprint, chosen: Sequence[Hypothesis]) -> Iterator[dict[str, Any]]:
    for h in chosen:
        r = evaluate(h, model.language)
        decision = latest_decision(model, h.id)
        base: dict[str, Any] = {
            "hypothesis": h.id, "statement": h.statement, "risk": h.risk, "kind": h.kind,
            "metric": h.metric, "target": _shown(h.target), "criterion": h.criterion,
            "confidence": h.confidence, "min_n": h.min_n, "owner": h.owner, "n": r.n,
            "successes": r.successes, "estimate": r.estimate, "ci_low": r.ci_low,
            "ci_high": r.ci_high, "p_meets_target": r.p_meets_target, "verdict": r.verdict,
            "override": r.override, "override_reason": r.override_reason, "final": r.final,
            "needed_n": r.needed_n, "strength": r.strength, "decision": decision,
        }
        rows: list[Evidence | None] = list(h.evidence) or [None]
        for e in rows:
            row = dict(base)
            if e is not None:
                row.update({
                    "evidence": e.id, "evidence_date": e.date, "evidence_type": e.type,
                    "evidence_source": e.source, "evidence_successes": e.successes,
                    "evidence_trials": e.trials,
                    "evidence_values": (
                        " ".join(f"{v:.15g}" for v in e.values) if e.values is not None else None
                    ),
                    "evidence_quote": e.quote, "evidence_note": e.note,
                })
            yield row


def latest_decision(model: Sprint, hid: str) -> str | None:
    """The decision of the last learning card about ``hid`` that has one."""
    from sprintkit.engine.evidence import latest_decision as latest

    return latest(model.learnings, hid)


def sprint_folder(sprint: Path | None) -> Path:
    from sprintkit.files.sprintfile import resolve_sprint

    return resolve_sprint(sprint).parent


__all__ = [
    "CSV_COLUMNS", "Edited", "add_hypothesis", "build_model", "change_sprint", "check_choice",
    "check_text", "edit_hypothesis", "find", "get_hypothesis", "hypotheses_csv",
    "hypothesis_adder", "hypothesis_records", "latest_decision", "list_hypotheses", "load",
    "now_local", "parse_date", "parse_target", "sprint_folder", "today",
]
