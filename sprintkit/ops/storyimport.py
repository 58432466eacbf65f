"""Stories in: a CSV file of stories (``stories import``) or one story from a story point
(``stories add``), checked row by row and pseudonymised before anything is stored.

An import streams: the file is read row by row, and checked, pseudonymised stories go into the
story database in batches inside one transaction. A problem in any row stops the storing (the
checking goes on, so every problem is listed) and rolls the transaction back: a failed import
leaves the store as it was. Nothing here puts story text into an error or a warning."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import InvalidFile, NotFound, Problem, SprintkitError, UsageError, shown
from sprintkit.i18n import msg
from sprintkit.ops.storycontext import StoryContext, context, pseudonymiser, remember_method

if TYPE_CHECKING:
    from sprintkit.engine.pseudonymise import Pseudonymiser
    from sprintkit.files.csvimport import CsvSource
    from sprintkit.files.storystore import NewStory, StoryStore

MAX_PROBLEMS = 500
"""An import lists at most this many problems (all rows are still checked)."""
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Story dates outside these years are refused (a typo such as 0001-01-01 or 20225-01-01)."""
BASE_COLUMNS = ("date", "perspective", "text")
OPTIONAL_COLUMNS = ("consent_quote", "period", "id")


class RowChecker:
    """Checks one story's fields and turns them into a :class:`NewStory`."""

    def __init__(self, ctx: StoryContext, pseudo: Pseudonymiser | None,
                 period: str | None = None):
        from sprintkit.engine.stories import (
            AnswerError,
            AnswerReader,
            choice_lookup,
            period_of_date,
            read_consent,
            read_date,
            shown_value,
        )
        from sprintkit.files.storystore import NewStory
        from sprintkit.model.periods import parse_period

        self._tools = (parse_period, AnswerError, period_of_date, read_consent, read_date,
                       shown_value, NewStory)
        self._periods: dict[str, str] = {}
        self.ctx = ctx
        self.pseudo = pseudo
        self.period = period
        self.readers = {s.id: AnswerReader(s) for s in ctx.method.signifiers}
        self.perspectives = choice_lookup(
            [_Named(p.id, p.name) for p in ctx.method.perspectives])
        self.replaced: dict[str, int] = {}

    def story(self, *, text: str, perspective: str, answers: dict[str, str], date: str = "",
              period: str = "", consent: str | bool = False) -> tuple[NewStory | None,
                                                                       list[tuple[str, str]]]:
        """(story, []) or (None, [(field, message), …])."""
        (parse_period, AnswerError, period_of_date, read_consent, read_date, shown_value,
         NewStory) = self._tools
        problems: list[tuple[str, str]] = []
        if not text.strip():
            problems.append(("text", msg("stories.text_empty")))
        found = self.perspectives.get(perspective.strip().casefold())
        if found is None:
            ids = ", ".join(p.id for p in self.ctx.method.perspectives)
            problems.append(("perspective", msg("stories.perspective_unknown",
                                                value=shown_value(perspective), ids=ids)))
        day = None
        if date.strip() or not (self.period or period.strip()):
            try:
                day = read_date(date)
            except AnswerError as exc:
                problems.append(("date", str(exc)))
            if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
                problems.append(("date", msg("stories.date_range", date=day.isoformat(),
                                             first=FIRST_YEAR, last=LAST_YEAR)))
                day = None
        chosen = self.period or period.strip()
        if chosen:
            try:
                chosen = parse_period(chosen).text
            except ValueError as exc:
                problems.append(("period", str(exc)))
        elif day is not None:
            cached = self._periods.get(date)
            if cached is None:
                cached = self._periods[date] = period_of_date(day, self.ctx.settings.period_kind)
            chosen = cached
        if isinstance(consent, bool):
            agreed = consent
        else:
            try:
                agreed = read_consent(consent)
            except AnswerError as exc:
                problems.append(("consent_quote", str(exc)))
                agreed = False
        stored: list[tuple[str, Any]] = []
        for sid, raw in answers.items():
            try:
                stored.extend((sid, row) for row in self.readers[sid].read(raw))
            except AnswerError as exc:
                problems.append((sid, str(exc)))
        if problems:
            return None, problems
        clean = text.strip()
        pseudonymised = self.pseudo is not None
        if self.pseudo is not None:
            result = self.pseudo.apply(clean)
            clean = result.text
            for kind, n in result.replaced.items():
                self.replaced[kind] = self.replaced.get(kind, 0) + n
        return NewStory(period=chosen, perspective=found or "", text=clean,
                        date=day.isoformat() if day else None, consent=agreed,
                        pseudonymised=pseudonymised, answers=stored), []


@dataclass
class _Named:
    id: str
    label: Any


def _column_map(table: Any, ctx: StoryContext, forced_period: str | None) -> tuple[
        dict[str, int], list[str], list[Problem]]:
    """Columns by role; signifier columns missing from the file; header problems."""
    from sprintkit.files.library import did_you_mean

    sig_ids = [s.id for s in ctx.method.signifiers]
    known = {c.casefold(): c for c in (*BASE_COLUMNS, *OPTIONAL_COLUMNS)}
    known.update({s.casefold(): s for s in sig_ids})
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for i, name in enumerate(table.header):
        canonical = known.get(name.casefold())
        if canonical is None:
            hint = did_you_mean(name, list(known.values())) or msg(
                "stories.columns_are", signifiers=", ".join(sig_ids))
            label = shown(name)  # a header cell may be a story (a file without a header)
            problems.append(Problem(table.shown, table.header_line, i + 1,
                                    name if label == repr(name) else "",
                                    msg("stories.column_unknown", name=label), hint))
        elif canonical in columns:
            problems.append(Problem(table.shown, table.header_line, i + 1, name,
                                    msg("stories.column_twice", name=repr(name))))
        else:
            columns[canonical] = i
    required = ["perspective", "text"]
    if not forced_period and "period" not in columns:
        required.append("date")
    for name in required:
        if name not in columns:
            problems.append(Problem(table.shown, table.header_line, 0, name,
                                    msg("stories.column_missing", name=repr(name)),
                                    msg("stories.column_missing_hint")))
    missing = [s for s in sig_ids if s not in columns]
    return columns, missing, problems


# --- import and add ------------------------------------------------------------------------


def _refuse_seen(store: StoryStore, seen_key: str, shown: str) -> None:
    """Refuse a file whose exact content was imported before."""
    import json

    earlier = store.get_meta(seen_key)
    if earlier is None:
        return
    info = json.loads(earlier)
    raise SprintkitError(
        msg("stories.imported_before", file=shown, day=info["at"][:10], count=info["stories"],
            first=info["first_id"], last=info["last_id"]),
        hint=msg("stories.imported_before_hint"))


def import_stories(*, file: Path, sprint: Path | None = None, period: str | None = None,
                   keep_identifiers: bool = False, again: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Check every row of a CSV file and store all stories, or none when any row is wrong.

    The file is streamed: rows are checked, pseudonymised and stored in batches inside one
    transaction, which is rolled back when any row has a problem (every row is still checked,
    so all problems are listed). A store the import created is removed again then.
    A file whose exact content was imported before is refused (its stories would count twice
    in every summary) unless ``again`` is given. ``progress`` gets (lines read, lines)."""
    import json
    from datetime import datetime, timezone

    from sprintkit.files.csvimport import open_csv
    from sprintkit.files.textfile import display
    from sprintkit.model.periods import parse_period
    from sprintkit.ops.scope import speak

    speak(sprint)  # a refused period is told in the sprint's language
    if period is not None:
        try:
            period = parse_period(period).text
        except ValueError as exc:
            raise UsageError(f"--period: {exc}") from None
    ctx = context(sprint)
    source = open_csv(Path(file))
    if source.header is None:
        raise InvalidFile([Problem(source.shown, 1, 1, "", msg("files.csv_empty"))])
    seen_key = f"imported:{source.digest}"
    if not again and ctx.db_path.is_file():  # early, to refuse before checking every row
        try:
            with ctx.open_store() as store:
                _refuse_seen(store, seen_key, source.shown)
        except NotFound:
            pass
    columns, missing, problems = _column_map(source, ctx, period)
    if problems:
        raise InvalidFile(problems)
    pseudo, key_info = (None, {"path": None, "created": False, "warnings": []}) \
        if keep_identifiers else pseudonymiser(ctx)
    checker = RowChecker(ctx, pseudo, period)
    per_period: dict[str, int] = {}
    with ctx.writing():
        # whether this import makes the database is decided under the writers' lock: removing
        # it after a failure must never take another import's stories with it
        created = not ctx.db_path.exists()
        try:
            with ctx.open_store(create=True) as store:
                # the "imported before" check and the insert are one transaction
                ids = store.add(
                    _checked_stories(source, columns, checker, per_period, progress),
                    source=Path(file).name, signifiers=ctx.signifier_types,
                    check=None if again else lambda: _refuse_seen(store, seen_key, source.shown),
                    finish=lambda new: store.set_meta(seen_key, json.dumps({
                        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        "stories": len(new), "first_id": new[0], "last_id": new[-1]})))
                remember_method(store, ctx)
        except BaseException:
            if created:  # leave the folder as it was: no empty store from a failed import
                for leftover in (ctx.db_path,
                                 ctx.db_path.with_name(ctx.db_path.name + "-journal")):
                    leftover.unlink(missing_ok=True)
            raise
    warnings = list(key_info["warnings"])
    if missing:
        warnings.append(msg("stories.no_column_for", signifiers=", ".join(missing)))
    if keep_identifiers:
        warnings.append(msg("stories.kept_identifiers_all"))
    return {
        "imported": len(ids),
        "first_id": ids[0],
        "last_id": ids[-1],
        "periods": dict(sorted(per_period.items())),
        "pseudonymised": not keep_identifiers,
        "replaced": checker.replaced,
        "key_file": key_info["path"],
        "key_file_created": key_info["created"],
        "encoding": source.encoding,
        "delimiter": source.delimiter,
        "database": display(ctx.db_path),
        "warnings": warnings,
    }


def _checked_stories(source: CsvSource, columns: dict[str, int], checker: RowChecker,
                     per_period: dict[str, int],
                     progress: Callable[[int, int], None] | None) -> Iterator[NewStory]:
    """The file's stories, checked and pseudonymised, as they are read. After the first
    problem nothing more is yielded, but every row is still checked; at the end the problems
    are raised (InvalidFile), which rolls back what was stored. Problems with the file's
    shape come first and alone, as a whole-file reader would report them."""
    sig_cols = [(s.id, columns[s.id]) for s in checker.ctx.method.signifiers if s.id in columns]

    def cell(cells: list[str], name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None else ""

    problems: list[Problem] = []
    problem_count = 0
    stored = 0
    for number, (line, cells) in enumerate(source.rows(), start=1):
        if progress is not None and number % 2000 == 0:
            progress(min(line, source.lines), source.lines)
        story, errs = checker.story(
            text=cell(cells, "text"), perspective=cell(cells, "perspective"),
            answers={sid: cells[i] for sid, i in sig_cols}, date=cell(cells, "date"),
            period=cell(cells, "period"), consent=cell(cells, "consent_quote"),
        )
        if errs:
            for name, message in errs:
                problem_count += 1
                if len(problems) < MAX_PROBLEMS:
                    problems.append(Problem(source.shown, line, columns.get(name, -1) + 1,
                                            name, message))
        elif not problems and not source.problems:
            stored += 1
            per_period[story.period] = per_period.get(story.period, 0) + 1  # type: ignore[union-attr]
            yield story  # type: ignore[misc]
    if source.problems:
        raise InvalidFile(source.problems)
    if problems:
        if problem_count > len(problems):
            problems.append(Problem(source.shown, 0, 0, "",
                                    msg("stories.more_problems",
                                        count=problem_count - len(problems))))
        raise InvalidFile(problems, msg("stories.import_problems_one" if problem_count == 1
                                        else "stories.import_problems", count=problem_count,
                                        file=source.shown))
    if not stored:
        raise InvalidFile([Problem(source.shown, 2, 0, "", msg("stories.only_header"))])
    if progress is not None:
        progress(source.lines, source.lines)


def add_story(*, text: str, perspective: str, answers: dict[str, str] | None = None,
              sprint: Path | None = None, date: str | None = None, period: str | None = None,
              consent: bool = False, keep_identifiers: bool = False) -> dict[str, Any]:
    """Store one story (a story point). Answers are by signifier id, written as in a CSV cell."""
    ctx = context(sprint)
    answers = dict(answers or {})
    unknown = [k for k in answers if k not in {s.id for s in ctx.method.signifiers}]
    if unknown:
        raise UsageError(
            msg("stories.unknown_signifier", id=shown(unknown[0])),
            hint=msg("stories.signifiers", ids=", ".join(s.id for s in ctx.method.signifiers)),
        )
    if not date and not period:
        from datetime import date as _date

        date = _date.today().isoformat()
    pseudo, key_info = (None, {"path": None, "warnings": []}) if keep_identifiers \
        else pseudonymiser(ctx)
    checker = RowChecker(ctx, pseudo, None)
    story, errs = checker.story(text=text, perspective=perspective, answers=answers,
                                date=date or "", period=period or "", consent=consent)
    if errs:
        raise InvalidFile([Problem("story", 0, 0, name, message) for name, message in errs],
                          msg("stories.not_stored"))
    with ctx.writing(), ctx.open_store(create=True) as store:
        (sid,) = store.add([story], source="stories add",  # type: ignore[list-item]
                           signifiers=ctx.signifier_types)
        remember_method(store, ctx)
    warnings = list(key_info["warnings"])
    if keep_identifiers:
        warnings.append(msg("stories.kept_identifiers"))
    return {"id": sid, "period": story.period, "perspective": story.perspective,  # type: ignore[union-attr]
            "replaced": checker.replaced, "pseudonymised": not keep_identifiers,
            "warnings": warnings}


