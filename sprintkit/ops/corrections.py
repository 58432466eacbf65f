"""Corrections: removing a hypothesis, editing or removing an evidence record, editing or
removing a learning card — for a facilitator who typed something wrong in front of the client.

Library functions behind ``sprintkit hypothesis remove``, ``sprintkit evidence edit|remove`` and
``sprintkit learn edit|remove``; keyword arguments mirror the flags. Every write goes through
:func:`~sprintkit.files.sprintfile.update_sprint` (locked, fresh read, validated,
comment-preserving, atomic), and every text that enters is pseudonymised as the add commands do
(:func:`~sprintkit.ops.keyfile.sprint_cleaner`).

Ids are never reused: a removed hypothesis's or learning card's id goes to the sprint's
``retired_ids`` (a removed hypothesis is kept in ``removed_hypotheses`` with its reason, and
reported when it had evidence); a removed evidence record's id stays in its hypothesis's
history. A change to evidence always needs a reason and is kept in the history (field
``evidence E2``), where the verdict shows it as a caveat. Learning cards about the hypothesis
are weighed again against the new verdict (:mod:`sprintkit.ops.rejudge`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.evidence import (
    EVIDENCE_FIELD,
    VerdictResult,
    decision_against_verdict,
    decision_label,
    evaluate,
    verdict_label,
)
from sprintkit.errors import NotFound, SprintkitError, UsageError
from sprintkit.i18n import language, msg
from sprintkit.ops.evidence import check_fits
from sprintkit.ops.hypotheses import (
    build_model,
    change_sprint,
    check_choice,
    check_text,
    find,
    now_local,
    parse_date,
    sprint_folder,
)
from sprintkit.ops.keyfile import clean_fields, sprint_cleaner
from sprintkit.ops.rejudge import rejudge_learnings
from sprintkit.ops.scope import speak

if TYPE_CHECKING:
    from sprintkit.model.sprint import Evidence, Hypothesis, Learning, Sprint


def _reason(reason: str | None, key: str) -> str:
    if reason is None or not reason.strip():
        raise UsageError(msg(key), hint=msg("evidence.reason_kept_hint"))
    return reason


def _retire(model: Sprint, ident: str) -> None:
    if ident not in model.retired_ids:
        model.retired_ids.append(ident)


# --- hypotheses --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HypothesisRemoved:
    """The removed hypothesis, and actions that still name it (they keep the reference)."""

    hypothesis: Hypothesis
    actions: list[str] = field(default_factory=list)


def remove_hypothesis(
    sprint: Path | None = None, id: str = "", *, reason: str | None = None
) -> HypothesisRemoved:
    """Remove a hypothesis. Refused (exit 1) when it has evidence and no ``reason`` is given,
    and when other hypotheses derive from it or learning cards are about it (they are named).
    Its id goes to ``retired_ids`` and is never handed out again; its statement, the number of
    evidence records and the (pseudonymised) reason are kept in ``removed_hypotheses``."""
    speak(sprint)
    if reason is not None and not reason.strip():
        raise UsageError(msg("evidence.reason_empty"))
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> HypothesisRemoved:
        h = find(model, id)
        derived = [o.id for o in model.hypotheses if o.derived_from == h.id]
        cards = [ln.id for ln in model.learnings if ln.hypothesis == h.id]
        if derived or cards:
            named = []
            if derived:
                named.append(msg("hypothesis.derive_from_it", ids=", ".join(derived)))
            if cards:
                named.append(msg("hypothesis.cards_about_it", ids=", ".join(cards)))
            raise SprintkitError(msg("hypothesis.cannot_remove", id=h.id, why="; ".join(named)),
                                 hint=msg("hypothesis.cannot_remove_hint"))
        if h.evidence and not reason:
            raise SprintkitError(
                msg("hypothesis.evidence_needs_reason", id=h.id, count=len(h.evidence)),
                hint=msg("hypothesis.evidence_needs_reason_hint"),
            )
        from sprintkit.model.sprint import Removal

        why = sprint_cleaner(model, folder)(reason).text if reason else None
        model.hypotheses.remove(h)
        model.removed_hypotheses.append(Removal(
            id=h.id, date=now_local().date(), statement=h.statement, evidence=len(h.evidence),
            reason=why,
        ))
        _retire(model, h.id)
        actions = [a.id for a in model.actions if a.from_hypothesis == h.id]
        return HypothesisRemoved(h, actions)

    return change_sprint(sprint, change)


# --- evidence ----------------------------------------------------------------------------------


def find_evidence(h: Hypothesis, eid: str) -> Evidence:
    """The evidence record ``eid`` of ``h`` (case does not count), or NotFound."""
    for e in h.evidence:
        if e.id and e.id.casefold() == eid.strip().casefold():
            return e
    known = ", ".join(e.id or "?" for e in h.evidence) or msg("evidence.none_yet")
    raise NotFound(msg("evidence.not_found", hid=h.id, eid=repr(eid)),
                   hint=msg("evidence.not_found_hint", known=known))


def evidence_summary(e: Evidence, lang: str) -> str:
    """A record in one line, for the history, in the sprint's language ``lang``:
    ``9/12; 2026-03-01; enquête; bron team Zuid`` / ``9/12; 2026-03-01; survey; source …``."""
    from sprintkit import vocabulary
    from sprintkit.i18n import numbers, t

    if e.successes is not None and e.trials is not None:
        what = f"{e.successes}/{e.trials}"
    elif e.values is not None:
        shown = " ".join(numbers.localise(f"{v:.15g}", lang) for v in e.values)
        what = t("evidence.summary.values", lang, values=shown)
    else:
        what = t("evidence.summary.quote", lang, quote=e.quote)
    parts = [what, e.date.isoformat() if e.date else None,
             vocabulary.label("evidence_type", e.type, lang) if e.type else None,
             t("evidence.summary.source", lang, source=e.source) if e.source else None,
             t("evidence.summary.note", lang, note=e.note) if e.note else None]
    return "; ".join(p for p in parts if p)


@dataclass(frozen=True)
class EvidenceChanged:
    """The record as it is now (None when removed), what it was, and the new verdict."""

    hypothesis: str
    evidence_id: str
    before: str
    after: str | None
    result: VerdictResult
    changed: list[str] = field(default_factory=list)
    pseudonymised: int = 0
    cards_against: list[str] = field(default_factory=list)
    """Learning cards that now go against the verdict and give no reason (see ops.rejudge)."""
    quote: bool = False
    """Whether the record holds a quote: story text, which the terminal never echoes."""


def edit_evidence(
    sprint: Path | None = None,
    id: str = "",
    evidence: str = "",
    *,
    reason: str | None,
    successes: int | None = None,
    trials: int | None = None,
    values: Sequence[float] | None = None,
    quote: str | None = None,
    source: str | None = None,
    type: str | None = None,
    date: str | None = None,
    note: str | None = None,
) -> EvidenceChanged:
    """Correct evidence record ``evidence`` of hypothesis ``id``: the count, the values or the
    quote (of the same kind as the record), and its source, date, type or note. Always needs
    ``reason``; the change (old and new record) is kept in the history, and the verdict shows
    it as a caveat. Text is pseudonymised as it enters."""
    speak(sprint)
    _reason(reason, "evidence.change_needs_reason")
    is_count = successes is not None or trials is not None
    kinds = sum([is_count, bool(values), quote is not None])
    if kinds > 1:
        raise UsageError(msg("evidence.edit_one_kind"))
    if not kinds and all(v is None for v in (source, type, date, note)):
        raise UsageError(msg("evidence.nothing_to_change"), hint=msg("evidence.edit_nothing_hint"))
    if trials is not None and trials < 1:
        raise UsageError(msg("evidence.trials_min"))
    if successes is not None and successes < 0:
        raise UsageError(msg("evidence.successes_min"))
    numbers = [float(v) for v in values] if values else None
    if numbers is not None and not all(math.isfinite(v) for v in numbers):
        raise UsageError(msg("evidence.value_finite"))
    check_text(quote, "--quote")
    type = check_choice(type, "evidence_type", "--type")
    when = parse_date(date)
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> EvidenceChanged:
        from sprintkit.model.sprint import Evidence, HistoryEntry

        h = find(model, id)
        record = find_evidence(h, evidence)
        was_count = record.successes is not None
        if is_count and not was_count or numbers is not None and record.values is None or (
                quote is not None and record.quote is None):
            check_fits(h, is_count, numbers is not None)
            raise UsageError(msg("evidence.other_kind", eid=record.id))
        clean = sprint_cleaner(model, folder)
        texts = {"quote": quote, "source": source, "note": note, "reason": reason}
        replaced = clean_fields(clean, texts, ("quote", "source", "note", "reason"))
        data = record.model_dump(mode="python", exclude_none=True)
        given = {"successes": successes, "trials": trials, "values": numbers,
                 "quote": texts["quote"], "source": texts["source"], "type": type,
                 "date": when, "note": texts["note"]}
        changed = [k for k, v in given.items() if v is not None and data.get(k) != v]
        data.update({k: given[k] for k in changed})
        new = build_model(Evidence, data)
        before = evidence_summary(record, model.language)
        quoted = record.quote is not None
        if not changed:
            return EvidenceChanged(h.id, record.id or "", before, before,
                                   evaluate(h, model.language), quote=quoted)
        after = evidence_summary(new, model.language)
        h.evidence[h.evidence.index(record)] = new
        h.history.append(HistoryEntry(
            date=now_local(), field=f"{EVIDENCE_FIELD} {record.id}", old=before, new=after,
            reason=texts["reason"],
        ))
        result = evaluate(h, model.language)
        return EvidenceChanged(h.id, record.id or "", before, after, result, changed, replaced,
                               rejudge_learnings(model, h, result), quote=quoted)

    return change_sprint(sprint, change)


def remove_evidence(
    sprint: Path | None = None, id: str = "", evidence: str = "", *, reason: str | None
) -> EvidenceChanged:
    """Remove evidence record ``evidence`` of hypothesis ``id``. Needs ``reason``; the record
    and the reason stay in the history (and its id is never reused)."""
    speak(sprint)
    _reason(reason, "evidence.remove_needs_reason")
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> EvidenceChanged:
        from sprintkit.model.sprint import HistoryEntry

        h = find(model, id)
        record = find_evidence(h, evidence)
        why = sprint_cleaner(model, folder)(reason or "").text
        before = evidence_summary(record, model.language)
        h.evidence.remove(record)
        h.history.append(HistoryEntry(
            date=now_local(), field=f"{EVIDENCE_FIELD} {record.id}", old=before, new=None,
            reason=why,
        ))
        result = evaluate(h, model.language)
        return EvidenceChanged(h.id, record.id or "", before, None, result, ["removed"],
                               cards_against=rejudge_learnings(model, h, result))

    return change_sprint(sprint, change)


# --- learning cards ----------------------------------------------------------------------------


def find_learning(model: Sprint, lid: str) -> Learning:
    """The learning card ``lid`` (case does not count), or NotFound naming the ids there are."""
    for ln in model.learnings:
        if ln.id.casefold() == lid.strip().casefold():
            return ln
    known = ", ".join(ln.id for ln in model.learnings) or msg("evidence.none_yet")
    raise NotFound(msg("evidence.learn.not_found", lid=repr(lid)),
                   hint=msg("evidence.learn.not_found_hint", known=known))


LEARNING_TEXT = ("observed", "learned", "action", "reason")


@dataclass(frozen=True)
class LearningEdited:
    learning: Learning
    changed: list[str]
    result: VerdictResult | None


def edit_learning(
    sprint: Path | None = None,
    id: str = "",
    *,
    observed: str | None = None,
    learned: str | None = None,
    action: str | None = None,
    decision: str | None = None,
    reason: str | None = None,
) -> LearningEdited:
    """Change a learning card. A decision against the verdict (adopting a refuted hypothesis,
    dropping a supported one) still needs a reason — the card's own or a new ``reason``."""
    from sprintkit.model.sprint import Learning

    given: dict[str, Any] = {"observed": observed, "learned": learned, "action": action,
                             "decision": decision, "reason": reason}
    given = {k: v for k, v in given.items() if v is not None}
    speak(sprint)
    if not given:
        raise UsageError(msg("evidence.nothing_to_change"), hint=msg("evidence.learn.nothing_hint"))
    for key in ("observed", "learned", "action", "reason"):
        check_text(given.get(key), f"--{key}")
    decision = check_choice(decision, "decision", "--decision")
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> LearningEdited:
        card = find_learning(model, id)
        clean_fields(sprint_cleaner(model, folder), given, LEARNING_TEXT)
        data = card.model_dump(mode="python", exclude_none=True)
        changed = [k for k, v in given.items() if data.get(k) != v]
        data.update(given)
        result = None
        against = False
        if card.hypothesis and any(h.id == card.hypothesis for h in model.hypotheses):
            result = evaluate(find(model, card.hypothesis), model.language)
            against = decision_against_verdict(data.get("decision"), result.final)
        if against and not data.get("reason"):
            raise UsageError(
                msg("evidence.learn.against_needs_reason", hid=card.hypothesis,
                    decision=decision_label(str(data.get("decision")), language()),
                    verdict=verdict_label(result.final, language()) if result else "?"),
                hint=msg("evidence.learn.against_hint"),
            )
        data["against_verdict"] = against
        if not against:
            data.pop("against_verdict")
        new = build_model(Learning, data)
        model.learnings[model.learnings.index(card)] = new
        return LearningEdited(new, changed, result)

    return change_sprint(sprint, change)


def remove_learning(sprint: Path | None = None, id: str = "") -> Learning:
    """Remove a learning card; its id goes to ``retired_ids`` and is never reused."""

    def change(model: Sprint) -> Learning:
        card = find_learning(model, id)
        model.learnings.remove(card)
        _retire(model, card.id)
        return card

    return change_sprint(sprint, change)


__all__ = [
    "EvidenceChanged", "HypothesisRemoved", "LearningEdited", "edit_evidence", "edit_learning",
    "evidence_summary", "find_evidence", "find_learning", "remove_evidence",
    "remove_hypothesis", "remove_learning",
]
