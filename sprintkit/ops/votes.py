"""``sprintkit votes import``: the dot votes or impact/effort scores of a big group, read from a
CSV export (Mentimeter, Slido, Forms, Excel) and saved as the answer of the vote's output.

The file is read by :func:`sprintkit.files.csvimport.read_csv` (``,`` ``;`` or tab; UTF-8 with
or without a BOM, UTF-16, Windows-1252) and its rows by :mod:`sprintkit.engine.vote_table`.
Problems are refused whole, each with its line and column, and nothing is written; over-limit
dots are warnings. The answer is written the way ``sprintkit run`` writes one:
:func:`sprintkit.ops.run_changes.put_answer` inside
:func:`~sprintkit.files.sprintfile.update_sprint` (locked, a fresh read, comments kept, atomic)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import InvalidFile, NotFound, Problem, UsageError
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.engine.vote_table import CellProblem
    from sprintkit.model.method import Method, OutputSpec
    from sprintkit.model.sprint import Sprint

VOTE_TYPES = ("dot_vote", "impact_effort")


@dataclass
class VotesImported:
    """What an import read and (unless a dry run) saved."""

    phase: str
    output: str
    type: str
    shape: str
    file: str
    rows: int
    participants: int | None
    result: dict[str, Any]
    items: list[str]
    votes_per_person: int | None = None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    """Each with ``line`` (0: the whole file), ``key`` (``votes.*``) and its values."""
    written: bool = False
    delimiter: str = ","
    encoding: str = "utf-8"
    names: tuple[str, str] = ("", "")
    """The output's name and the phase's title, in the sprint's language (for people)."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "phase": self.phase, "output": self.output, "type": self.type, "shape": self.shape,
            "file": self.file, "rows": self.rows, "participants": self.participants,
            "delimiter": self.delimiter, "encoding": self.encoding, "written": self.written,
            "warnings": [{"line": w["line"], "kind": w["key"].removeprefix("votes."),
                          **{k: v for k, v in w.items() if k not in ("line", "key")}}
                         for w in self.warnings],
        }
        if self.type == "dot_vote":
            data["votes_per_person"] = self.votes_per_person
            data["total"] = sum(self.result.values())
            data["ranking"] = [{"item": k, "dots": v} for k, v in self.result.items()]
        else:
            data["scores"] = [{"item": k, **v} for k, v in self.result.items()]
        return data


def vote_outputs(method: Method, phase: str | None = None) -> list[tuple[str, OutputSpec]]:
    """The dot-vote and impact/effort outputs of a method (of one phase), as (phase, spec)."""
    return [(p.id, o) for p in method.phases if phase is None or p.id == phase
            for o in p.outputs if o.type in VOTE_TYPES]


def choose_output(method: Method, phase: str | None, output: str | None,
                  kind: str | None = None) -> tuple[str, OutputSpec]:
    """The vote the import is for: the one named, or the only one there is (of ``kind``, the
    kind the file's columns show, when there are several)."""
    if phase is not None and phase not in [p.id for p in method.phases]:
        raise NotFound(msg("votes.no_output", method=method.id,
                           where=msg("votes.in_phase", phase=phase)),
                       hint=", ".join(p.id for p in method.phases))
    found = vote_outputs(method, phase)
    where = msg("votes.in_phase", phase=phase) if phase else ""
    listed = ", ".join(f"{p}.{o.id}" for p, o in found)
    if output is not None:
        named = [(p, o) for p, o in found if o.id == output]
        if not named:
            raise NotFound(msg("votes.no_such_output", method=method.id, output=output,
                               where=where), hint=msg("votes.which_hint", outputs=listed or "-"))
        return named[0]
    if not found:
        raise NotFound(msg("votes.no_output", method=method.id, where=where))
    if len(found) > 1 and kind is not None and sum(o.type == kind for _, o in found) == 1:
        return next((p, o) for p, o in found if o.type == kind)
    if len(found) > 1:
        raise UsageError(msg("votes.which_output"), hint=msg("votes.which_hint", outputs=listed))
    return found[0]


def import_votes(
    sprint: Path | None,
    file: Path,
    *,
    phase: str | None = None,
    output: str | None = None,
    participants: int | None = None,
    dry_run: bool = False,
) -> VotesImported:
    """Read ``file`` into the vote's answer and save it (not with ``dry_run``). Raises
    :class:`InvalidFile` (located problems) or :class:`NotFound`/:class:`UsageError`."""
    from sprintkit.engine.answers import items_of, scale_of
    from sprintkit.engine.progress import all_answers, output_name
    from sprintkit.engine.tally import participants_of
    from sprintkit.engine.vote_table import kind_of, read_table
    from sprintkit.files.csvimport import read_csv
    from sprintkit.files.library import get_method
    from sprintkit.files.sprintfile import load_sprint, resolve_sprint
    from sprintkit.ops.run_changes import context_of

    path = resolve_sprint(sprint)
    model = load_sprint(path).model
    method = get_method(model.method, path).model
    csv = read_csv(file)
    phase_id, spec = choose_output(method, phase, output, kind_of(csv.header))
    items = items_of(spec, context_of(model))
    source = spec.items_from or ""
    if not items:
        source_phase = next((p.id for p in method.phases
                             if any(o.id == source for o in p.outputs)), phase_id)
        raise NotFound(msg("votes.no_items", output=spec.id, source=source),
                       hint=msg("votes.no_items_hint", source=source, phase=source_phase))
    people = participants if participants is not None else participants_of(all_answers(model))
    table = read_table(csv.header, csv.rows, items, spec.type,
                       votes_per_person=spec.votes_per_person, participants=people,
                       scale=scale_of(spec))
    problems = [_located(csv.shown, p) for p in table.problems]
    problems += [Problem(csv.shown, line, column, "", msg("votes.unknown_item", source=source),
                         msg("votes.unknown_hint", n=len(items), source=source))
                 for line, column, _ in table.unknown]  # the cell's text is not repeated
    if problems:
        raise InvalidFile(problems)
    if not _has_votes(table.result):
        raise InvalidFile([Problem(csv.shown, 0, 0, "", msg("votes.nothing"),
                                   msg("votes.nothing_hint"))])
    done = VotesImported(
        phase=phase_id, output=spec.id, type=spec.type, shape=table.shape, file=csv.shown,
        rows=table.rows, participants=table.participants, result=table.result, items=items,
        votes_per_person=spec.votes_per_person,
        warnings=[{"line": w.line, "key": w.key, **w.values} for w in table.warnings],
        delimiter=csv.delimiter, encoding=csv.encoding,
        names=(output_name(spec, model.language), method.phase(phase_id).title.get(model.language)),
    )
    if dry_run:
        done.result = _shaped(spec, done.result, items)
        return done
    done.result = _save(path, method, phase_id, spec.id, done.result)
    done.written = True
    return done


def _has_votes(result: dict[str, Any]) -> bool:
    return any((v if isinstance(v, (int, float)) else 1) for v in result.values())


def _shaped(spec: OutputSpec, result: dict[str, Any], items: list[str]) -> dict[str, Any]:
    """The result as the sprint would store it (a dot vote ranked, most dots first)."""
    from sprintkit.engine.answers import ranked

    return ranked(result, items) if spec.type == "dot_vote" else result


def _save(path: Path, method: Method, phase_id: str, output_id: str,
          result: dict[str, Any]) -> dict[str, Any]:
    from sprintkit.files.sprintfile import update_sprint
    from sprintkit.ops.run_changes import put_answer

    def change(model: Sprint) -> Any:
        return put_answer(model, method, phase_id, output_id, result)

    stored: dict[str, Any] = update_sprint(path, change)
    return stored


def _located(shown: str, p: CellProblem) -> Problem:
    from sprintkit.i18n import language, t

    values = dict(p.values)
    return Problem(shown, p.line, p.column, "", t(p.key, language(), **values))
