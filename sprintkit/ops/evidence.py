"""Evidence records: ``sprintkit evidence add`` — a count, numbers (typed or from a CSV file) or a
quote for one hypothesis, pseudonymised as it enters, with the hypothesis's verdict after it.
Correcting and removing a record is in :mod:`sprintkit.ops.corrections`."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.evidence import VerdictResult, evaluate, used_evidence_ids
from sprintkit.errors import UsageError
from sprintkit.i18n import msg
from sprintkit.ops.hypotheses import (
    build_model,
    change_sprint,
    check_choice,
    check_text,
    find,
    parse_date,
    sprint_folder,
    today,
)
from sprintkit.ops.rejudge import rejudge_learnings
from sprintkit.ops.scope import next_id, speak

if TYPE_CHECKING:
    from sprintkit.model.sprint import Evidence, Hypothesis, Sprint


@dataclass(frozen=True)
class EvidenceAdded:
    """The new record and the hypothesis's verdict with it."""

    evidence: Evidence
    result: VerdictResult
    values_read: int = 0
    column: str | None = None
    notes: list[str] = field(default_factory=list)
    replaced: int = 0
    """How many identifiers in the quote, note or source were pseudonymised."""
    cards_against: list[str] = field(default_factory=list)
    """Learning cards that now go against the verdict and give no reason (see ops.rejudge)."""


def add_evidence(
    sprint: Path | None = None,
    id: str = "",
    *,
    successes: int | None = None,
    trials: int | None = None,
    values: Sequence[float] | None = None,
    values_file: Path | None = None,
    column: str | None = None,
    quote: str | None = None,
    source: str | None = None,
    type: str | None = None,
    date: str | dt.date | None = None,
    note: str | None = None,
) -> EvidenceAdded:
    """Record one observation: a count (``successes`` of ``trials``), numbers (``values`` or a
    CSV ``values_file``), or a ``quote``. Records accumulate; the date defaults to today."""
    from sprintkit.model.sprint import Evidence

    speak(sprint)
    is_count = successes is not None or trials is not None
    is_values = bool(values) or values_file is not None
    kinds = sum([is_count, is_values, quote is not None])
    if kinds != 1:
        raise UsageError(msg("evidence.one_kind"))
    if values and values_file is not None:
        raise UsageError(msg("evidence.value_or_file"))
    if column is not None and values_file is None:
        raise UsageError(msg("evidence.column_with_file"))
    if is_count:
        if successes is None or trials is None:
            raise UsageError(msg("evidence.count_needs_both"))
        if trials < 1:
            raise UsageError(msg("evidence.trials_min"))
        if not 0 <= successes <= trials:
            raise UsageError(msg("evidence.successes_range", trials=trials))
    check_text(quote, "--quote")
    type = check_choice(type, "evidence_type", "--type")
    when = parse_date(date) or today()

    numbers: list[float] | None = None
    column_name = None
    notes: list[str] = []
    if values_file is not None:
        from sprintkit.files.valuesfile import read_values

        read = read_values(Path(values_file), column)
        numbers, column_name = read.values, read.column
        if read.skipped_empty:
            notes.append(msg("evidence.skipped_empty", count=read.skipped_empty))
    elif values:
        numbers = [float(v) for v in values]
        if not all(math.isfinite(v) for v in numbers):
            raise UsageError(msg("evidence.value_finite"))

    data: dict[str, Any] = {"date": when}
    optional = {
        "source": source, "type": type, "successes": successes, "trials": trials,
        "values": numbers, "quote": quote, "note": note,
    }
    data.update({k: v for k, v in optional.items() if v is not None})

    texts = [k for k in ("quote", "note", "source") if data.get(k)]
    sprint_dir = sprint_folder(sprint) if texts else None

    def change(model: Sprint) -> EvidenceAdded:
        h = find(model, id)
        check_fits(h, is_count, numbers is not None)
        record_data = {"id": next_id(used_evidence_ids(h), "E"), **data}
        replaced, extra = 0, []
        if sprint_dir is not None:
            clean, has_key = _pseudonymiser(model, sprint_dir)
            for key in texts:
                result = clean(record_data[key])
                record_data[key] = result.text
                replaced += result.total
            if not has_key and "quote" in texts:
                extra.append(msg("evidence.no_key_file"))
        record = build_model(Evidence, record_data)
        h.evidence.append(record)
        result = evaluate(h, model.language)
        return EvidenceAdded(
            record, result, len(numbers or []), column_name, notes + extra, replaced,
            rejudge_learnings(model, h, result),
        )

    return change_sprint(sprint, change)


def _pseudonymiser(model: Sprint, sprint_dir: Path) -> tuple[Callable[[str], Any], bool]:
    """Pseudonymise free text as it enters: names from the sprint's key file (when it has one),
    and e-mail addresses, phone numbers, postcodes, IBANs and BSNs always."""
    from sprintkit.ops.keyfile import sprint_pseudonymiser

    clean, info = sprint_pseudonymiser(model, sprint_dir)
    return clean, bool(info["exists"])


def check_fits(h: Hypothesis, is_count: bool, is_values: bool) -> None:
    if is_count and h.kind != "proportion":
        raise UsageError(
            msg("evidence.counts_misfit", hid=h.id, kind=msg(f"hypothesis.kind.{h.kind}"),
                proportion=msg("hypothesis.kind.proportion")),
            hint=msg("evidence.hint_values") if h.kind == "mean" else msg("evidence.hint_quote"),
        )
    if is_values and h.kind != "mean":
        raise UsageError(
            msg("evidence.values_misfit", hid=h.id, kind=msg(f"hypothesis.kind.{h.kind}"),
                mean=msg("hypothesis.kind.mean")),
            hint=msg("evidence.hint_count") if h.kind == "proportion"
            else msg("evidence.hint_quote"),
        )


__all__ = ["EvidenceAdded", "add_evidence", "check_fits"]
