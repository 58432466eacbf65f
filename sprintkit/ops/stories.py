"""Stories: import and capture (pseudonymised), export, purge, summaries, shifts, the dashboard
and the numbers for a report's stories section.

Keyword arguments mirror the ``sprintkit stories`` flags. Results are plain dicts (JSON-ready).
Nothing here prints; nothing here puts story text into an error or a warning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import InvalidFile, NotFound, Problem, SprintkitError, UsageError, shown
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.engine.pseudonymise import Pseudonymiser
    from sprintkit.files.sprintfile import SprintFile
    from sprintkit.files.storystore import NewStory, StoryStore
    from sprintkit.model.method import Method
    from sprintkit.model.sprint import StorySettings

MAX_PROBLEMS = 500
"""An import lists at most this many problems (all rows are still checked)."""
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Story dates outside these years are refused (a typo such as 0001-01-01 or 20225-01-01)."""
BASE_COLUMNS = ("date", "perspective", "text")
OPTIONAL_COLUMNS = ("consent_quote", "period", "id")


# --- the sprint, its method and its settings -----------------------------------------------


@dataclass
class StoryContext:
    """Everything the story commands need about one sprint."""

    sprint_file: SprintFile
    method: Method | StoryMethod
    settings: StorySettings
    lang: str

    @property
    def db_path(self) -> Path:
        return self.sprint_file.dir / self.settings.database

    @property
    def key_path(self) -> Path:
        from sprintkit.ops.keyfile import sprint_key_path

        return sprint_key_path(self.sprint_file.model, self.sprint_file.dir)

    @property
    def signifier_types(self) -> list[tuple[str, str]]:
        return [(s.id, s.type) for s in self.method.signifiers]

    def open_store(self, create: bool = False, write: bool | None = None) -> StoryStore:
        """The story database; read-only unless ``create`` or ``write``."""
        from sprintkit.files.storystore import StoryStore

        return StoryStore.open(self.db_path, create=create, write=write,
                               inside=self.sprint_file.dir)


def load_method(method_id: str, sprint_dir: Path) -> Method:
    """The sprint's method through the method library (sprint folder first)."""
    from sprintkit.files import library

    loader = getattr(library, "load_method", None)
    if loader is not None:
        found = loader(method_id, sprint_dir)
        return getattr(found, "model", found)
    return library.get_method(method_id, sprint_dir).model


@dataclass
class StoryMethod:
    """The parts of a method the stories need, as cached in the story database."""

    id: str
    perspectives: list[Any]
    signifiers: list[Any]


def method_file(method_id: str, sprint_dir: Path) -> Path | None:
    """The file the library would load for ``method_id`` (first on its search path)."""
    from sprintkit.files.library import search_dirs

    for folder in search_dirs(sprint_dir):
        for suffix in (".yaml", ".yml"):
            candidate = folder.path / f"{method_id}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def _method_key(method_id: str, sprint_dir: Path) -> tuple[str, str] | None:
    """(meta key, file and digest of the method) for the cache; None without a file."""
    import hashlib

    path = method_file(method_id, sprint_dir)
    if path is None:
        return None
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return f"method:{method_id}", f"{path.resolve()}|{digest}"


def remember_method(store: StoryStore, ctx: StoryContext) -> None:
    """Cache the method's perspectives and signifiers, keyed by its file's digest, so reading
    commands need not parse the method's YAML while it is unchanged."""
    import json

    key = _method_key(ctx.method.id, ctx.sprint_file.dir)
    if key is None:
        return
    payload = {
        "source": key[1],
        "perspectives": [p.model_dump(mode="json", exclude_none=True)
                         for p in ctx.method.perspectives],
        "signifiers": [s.model_dump(mode="json", exclude_none=True)
                       for s in ctx.method.signifiers],
    }
    store.set_meta(key[0], json.dumps(payload, ensure_ascii=False))


def _cached_method(method_id: str, sprint_dir: Path, db_path: Path) -> StoryMethod | None:
    import json

    if not db_path.exists():
        return None
    key = _method_key(method_id, sprint_dir)
    if key is None:
        return None
    from sprintkit.files.storystore import StoryStore
    from sprintkit.model.method import Perspective, Signifier

    try:
        with StoryStore.open(db_path, inside=sprint_dir) as store:
            raw = store.get_meta(key[0])
    except NotFound:
        return None
    if raw is None:
        return None
    data = json.loads(raw)
    if data.get("source") != key[1]:
        return None
    return StoryMethod(method_id, [Perspective.model_validate(p) for p in data["perspectives"]],
                       [Signifier.model_validate(s) for s in data["signifiers"]])


def context(sprint: Path | None = None, lang: str | None = None,
            sprint_file: SprintFile | None = None, cached: bool = False) -> StoryContext:
    """The sprint, its method's perspectives and signifiers, and its story settings.

    With ``cached`` (reading commands) the method comes from the story database's cache while
    the method file is unchanged since the last import or story."""
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.model.sprint import StorySettings

    loaded = sprint_file if sprint_file is not None else load_sprint(sprint)
    model = loaded.model
    settings = model.stories or StorySettings.model_validate({})
    method: Any = None
    if cached:
        method = _cached_method(model.method, loaded.dir, loaded.dir / settings.database)
    if method is None:
        method = load_method(model.method, loaded.dir)
    if not method.perspectives or not method.signifiers:
        raise SprintkitError(
            msg("stories.method_unfit", id=repr(method.id)), hint=msg("stories.method_unfit_hint"),
        )
    return StoryContext(loaded, method, settings, lang or model.language)


def pseudonymiser(ctx: StoryContext, create: bool = True) -> tuple[Pseudonymiser, dict[str, Any]]:
    """The sprint's pseudonymiser, and facts about its key file (path, created, warnings)."""
    from sprintkit.ops.keyfile import sprint_pseudonymiser

    return sprint_pseudonymiser(ctx.sprint_file.model, ctx.sprint_file.dir, lang=ctx.lang,
                                create=create)


# --- checking rows -------------------------------------------------------------------------


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
            problems.append(Problem(table.shown, 1, i + 1, name if label == repr(name) else "",
                                    msg("stories.column_unknown", name=label), hint))
        elif canonical in columns:
            problems.append(Problem(table.shown, 1, i + 1, name,
                                    msg("stories.column_twice", name=repr(name))))
        else:
            columns[canonical] = i
    required = ["perspective", "text"]
    if not forced_period and "period" not in columns:
        required.append("date")
    for name in required:
        if name not in columns:
            problems.append(Problem(table.shown, 1, 0, name,
                                    msg("stories.column_missing", name=repr(name)),
                                    msg("stories.column_missing_hint")))
    missing = [s for s in sig_ids if s not in columns]
    return columns, missing, problems


# --- import and add ------------------------------------------------------------------------


def _file_digest(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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

    A file whose exact content was imported before is refused (its stories would count twice
    in every summary) unless ``again`` is given."""
    import json

    from sprintkit.files.csvimport import read_csv
    from sprintkit.files.textfile import display
    from sprintkit.model.periods import parse_period

    if period is not None:
        try:
            period = parse_period(period).text
        except ValueError as exc:
            raise UsageError(f"--period: {exc}") from None
    ctx = context(sprint)
    table = read_csv(Path(file))
    seen_key = f"imported:{_file_digest(Path(file))}"
    if not again and ctx.db_path.is_file():  # early, to refuse before checking every row
        try:
            with ctx.open_store() as store:
                _refuse_seen(store, seen_key, table.shown)
        except NotFound:
            pass
    columns, missing, problems = _column_map(table, ctx, period)
    if problems:
        raise InvalidFile(problems)
    pseudo, key_info = (None, {"path": None, "created": False, "warnings": []}) \
        if keep_identifiers else pseudonymiser(ctx)
    checker = RowChecker(ctx, pseudo, period)
    sig_cols = [(s.id, columns[s.id]) for s in ctx.method.signifiers if s.id in columns]

    def cell(cells: list[str], name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None else ""

    stories: list[NewStory] = []
    problem_count = 0
    total = len(table.rows)
    for number, (line, cells) in enumerate(table.rows, start=1):
        if progress is not None and number % 2000 == 0:
            progress(number, 2 * total)  # checking is the first half of the work
        story, errs = checker.story(
            text=cell(cells, "text"), perspective=cell(cells, "perspective"),
            answers={sid: cells[i] for sid, i in sig_cols}, date=cell(cells, "date"),
            period=cell(cells, "period"), consent=cell(cells, "consent_quote"),
        )
        if errs:
            for name, message in errs:
                problem_count += 1
                if len(problems) < MAX_PROBLEMS:
                    problems.append(Problem(table.shown, line, columns.get(name, -1) + 1,
                                            name, message))
        elif not problems:
            stories.append(story)  # type: ignore[arg-type]
    if problems:
        if problem_count > len(problems):
            problems.append(Problem(table.shown, 0, 0, "",
                                    msg("stories.more_problems",
                                        count=problem_count - len(problems))))
        raise InvalidFile(problems, msg("stories.import_problems_one" if problem_count == 1
                                        else "stories.import_problems", count=problem_count,
                                        file=table.shown))
    if not stories:
        raise InvalidFile(
            [Problem(table.shown, 2, 0, "", msg("stories.only_header"))])
    from datetime import datetime, timezone

    with ctx.open_store(create=True) as store:
        # the "imported before" check and the insert are one transaction: parallel imports of
        # the same file store it once
        ids = store.add(stories, source=Path(file).name, signifiers=ctx.signifier_types,
                        progress=(lambda done, n: progress(n + done, 2 * n)) if progress
                        else None,
                        check=None if again else lambda: _refuse_seen(store, seen_key,
                                                                       table.shown),
                        finish=lambda new: store.set_meta(seen_key, json.dumps({
                            "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                            "stories": len(new), "first_id": new[0], "last_id": new[-1]})))
        remember_method(store, ctx)
    per_period: dict[str, int] = {}
    for s in stories:
        per_period[s.period] = per_period.get(s.period, 0) + 1
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
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "database": display(ctx.db_path),
        "warnings": warnings,
    }


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
    with ctx.open_store(create=True) as store:
        (sid,) = store.add([story], source="stories add",  # type: ignore[list-item]
                           signifiers=ctx.signifier_types)
        remember_method(store, ctx)
    warnings = list(key_info["warnings"])
    if keep_identifiers:
        warnings.append(msg("stories.kept_identifiers"))
    return {"id": sid, "period": story.period, "perspective": story.perspective,  # type: ignore[union-attr]
            "replaced": checker.replaced, "pseudonymised": not keep_identifiers,
            "warnings": warnings}


def key_file(*, sprint: Path | None = None, create: bool = True) -> dict[str, Any]:
    """Where the sprint's key file is (created when absent), and how many people it lists —
    :func:`sprintkit.ops.keyfile.key_file`, for any sprint, under its older name."""
    from sprintkit.ops.keyfile import key_file as sprint_key_file

    return sprint_key_file(sprint=sprint, create=create)


def sample_stories(*, sprint: Path | None = None, count: int = 200, seed: int = 2026,
                   start_year: int = 2025, periods: int = 2, out: Path | None = None,
                   delimiter: str = ",", force: bool = False) -> str:
    """Fictional stories for the sprint's method as CSV (for practice, demos and benchmarks):
    deterministic for a seed, spread over half-years from ``start_year``, with shifts."""
    from sprintkit.engine.storygen import fictional_columns, fictional_rows
    from sprintkit.files.csvwrite import csv_records

    if count < 1:
        raise UsageError(msg("stories.count_at_least"))
    ctx = context(sprint)
    if out is not None:
        check_output(Path(out), ctx, force)
    rows = fictional_rows(ctx.method, count, seed=seed, start_year=start_year, periods=periods)
    text = csv_records(fictional_columns(ctx.method), rows, delimiter=delimiter)
    if out is not None:
        from sprintkit.files.atomic import write_atomic

        write_atomic(Path(out), text, inside=ctx.sprint_file.dir)
    return text


def check_output(out: Path, ctx: StoryContext, force: bool) -> None:
    """Before any work: ``--out`` is not the key file, not a link, and not an existing file
    unless ``force`` (one rule for every output; see files/safepath)."""
    from sprintkit.files.safepath import check_write, refuse_existing, refuse_protected

    refuse_protected(out, {"the key file": ctx.key_path, "the sprint file": ctx.sprint_file.path,
                           "the story database": ctx.db_path})
    check_write(out, ctx.sprint_file.dir)
    refuse_existing(out, force)


# --- export and purge ----------------------------------------------------------------------


def _cell_text(sig: Any, rows: list[Any]) -> str:
    if not rows:
        return ""
    if sig.type == "multichoice":
        return "|".join(r[0] for r in rows)
    if sig.type == "scale":
        return rows[0][0]
    if sig.type == "triad":
        return "/".join(f"{w:.4g}" for w in rows[0][2:5])
    return rows[0][0]


def export_stories(*, sprint: Path | None = None, fmt: str = "csv", out: Path | None = None,
                   period: str | None = None, perspective: str | None = None,
                   text: bool = True, delimiter: str = ",", force: bool = False) -> str:
    """Stories as CSV (the import's columns plus id and period) or JSON; written to ``out``
    (atomically) when given, and returned. The key file is never part of an export."""
    import json

    ctx = context(sprint, cached=True)
    if out is not None:
        check_output(Path(out), ctx, force)
    sigs = ctx.method.signifiers
    records = []
    with ctx.open_store() as store:
        for s in store.stories(period=period, perspective=perspective):
            record: dict[str, Any] = {"id": s.id, "period": s.period, "date": s.date or "",
                                      "perspective": s.perspective}
            if text:
                record["text"] = s.text
            for sig in sigs:
                record[sig.id] = _cell_text(sig, s.answers.get(sig.id, []))
            record["consent_quote"] = "yes" if s.consent else "no"
            records.append(record)
    if fmt == "json":
        data = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        from sprintkit.files.csvwrite import csv_records

        header = ["id", "period", "date", "perspective", *(["text"] if text else []),
                  *(s.id for s in sigs), "consent_quote"]
        data = csv_records(header, records, delimiter=delimiter, lineterminator="\r\n")
    if out is not None:
        from sprintkit.files.atomic import write_atomic

        write_atomic(Path(out), ("\ufeff" + data) if fmt == "csv" else data, mode=0o600,
                     inside=ctx.sprint_file.dir)
    return data


def purge_stories(*, sprint: Path | None = None, ids: Sequence[int] = (),
                  period: str | None = None) -> dict[str, Any]:
    """Delete stories for good (data-subject requests): by id, or a whole period."""
    if bool(ids) == (period is not None):
        raise UsageError(msg("stories.id_or_period"))
    ctx = context(sprint)
    if period is not None:
        from sprintkit.model.periods import parse_period

        try:
            period = parse_period(period).text
        except ValueError as exc:
            raise UsageError(f"--period: {exc}") from None
    with ctx.open_store(write=True) as store:
        deleted = store.purge(ids=ids, period=period)
        left = store.count()
    return {"deleted": deleted, "remaining": left, "ids": sorted(set(ids)), "period": period}


# --- insight -------------------------------------------------------------------------------


def summary(*, sprint: Path | None = None, by: Sequence[str] = ("period",),
            period: str | None = None, perspective: str | None = None,
            lang: str | None = None) -> dict[str, Any]:
    """Counts and shares per signifier answer by period/perspective/another signifier, with
    small cells hidden, and the hard data beside the story counts."""
    from sprintkit.engine.stories import summarise, without_cross

    ctx = context(sprint, lang, cached=True)
    dims, cross = _by_dimensions(ctx, by)
    _check_perspective(ctx, perspective)
    single = cross is not None and next(
        s.type for s in ctx.method.signifiers if s.id == cross) != "multichoice"
    with ctx.open_store() as store:
        cross_cube = store.cube(ctx.method.signifiers, period=period, perspective=perspective,
                                cross=cross) \
            if cross else None
        if single and cross_cube is not None:  # one answer per story: sum the cross away
            cube = without_cross(cross_cube)
        else:
            cube = store.cube(ctx.method.signifiers, period=period, perspective=perspective)
        all_periods = store.periods()
    result = summarise(cube, ctx.method, by=dims, min_cell=ctx.settings.min_cell,
                       lang=ctx.lang, period=period, perspective=perspective, cross=cross_cube,
                       by_signifier=cross, raw=True)
    if period is not None and result["total_stories"] == 0:
        raise NotFound(msg("stories.none_in_period", period=period),
                       hint=msg("stories.periods_with",
                                periods=", ".join(all_periods) or msg("files.none")))
    result["hard_data"] = hard_data(ctx, cube)
    from sprintkit.engine.storycells import protect_output

    protect_output(result, ctx.settings.min_cell)  # the table, its margins and the hard data
    result["language"] = ctx.lang
    return result


def _by_dimensions(ctx: StoryContext, by: Sequence[str]) -> tuple[list[str], str | None]:
    dims: list[str] = []
    cross: str | None = None
    sig_ids = [s.id for s in ctx.method.signifiers]
    for item in by:
        if item in ("period", "perspective"):
            if item not in dims:
                dims.append(item)
        elif item in sig_ids:
            if cross is not None and cross != item:
                raise UsageError(msg("stories.by_one"))
            cross = item
            if "signifier" not in dims:
                dims.append("signifier")
        else:
            raise UsageError(msg("stories.by_what", item=repr(item)),
                             hint=msg("stories.signifiers", ids=", ".join(sig_ids)))
    return dims, cross


def _check_perspective(ctx: StoryContext, perspective: str | None) -> None:
    if perspective is not None and perspective not in {p.id for p in ctx.method.perspectives}:
        raise UsageError(msg("stories.unknown_perspective", id=repr(perspective)),
                         hint=msg("stories.perspectives",
                                  ids=", ".join(p.id for p in ctx.method.perspectives)))


def shifts(*, period_from: str, period_to: str, sprint: Path | None = None,
           perspective: str | None = None, lang: str | None = None,
           alpha: float = 0.05) -> dict[str, Any]:
    """How each signifier's answers moved between two periods, with an honest test."""
    from sprintkit.engine.storyshifts import shifts as compute
    from sprintkit.model.periods import parse_period

    for name, value in (("--from", period_from), ("--to", period_to)):
        try:
            parse_period(value)
        except ValueError as exc:
            raise UsageError(f"{name}: {exc}") from None
    if period_from == period_to:
        raise UsageError(msg("stories.from_to_same"))
    ctx = context(sprint, lang, cached=True)
    _check_perspective(ctx, perspective)
    with ctx.open_store() as store:
        cube = store.cube(ctx.method.signifiers, perspective=perspective)
        periods = store.periods()
    for value in (period_from, period_to):
        if value not in periods:
            raise NotFound(msg("stories.none_in_period", period=value),
                           hint=msg("stories.periods_with",
                                    periods=", ".join(periods) or msg("files.none")))
    result = compute(cube, ctx.method, period_from=period_from, period_to=period_to,
                     min_cell=ctx.settings.min_cell, lang=ctx.lang, perspective=perspective,
                     alpha=alpha, min_shift=ctx.settings.min_shift)
    result["language"] = ctx.lang
    return result


def hard_data(ctx: StoryContext, cube: Any) -> dict[str, Any]:
    """Story counts per period beside the sprint's indicators (hard data) per period: the true
    counts, protected with the output they appear in."""
    counts: dict[str, int] = {}
    for (p, _v, _b), n in cube.stories.items():
        counts[p] = counts.get(p, 0) + n
    indicators = []
    periods = set(counts)
    for ind in ctx.sprint_file.model.indicators:
        values: dict[str, float] = {}
        for m in ind.measurements:
            value = m.value if m.value is not None else (
                m.numerator / m.denominator if m.numerator is not None and m.denominator else None)
            if value is not None:
                values[m.period] = value
        periods.update(values)
        indicators.append({"id": ind.id, "name": ind.name, "unit": ind.unit,
                           "direction": ind.direction, "baseline": ind.baseline,
                           "target": ind.target, "values": values})
    ordered = sorted(periods)
    return {
        "periods": ordered,
        "stories": {p: counts.get(p, 0) for p in ordered},
        "stories_shown": {p: str(counts.get(p, 0)) for p in ordered},
        "indicators": indicators,
    }


def audit(*, file: Path, min_cell: int | None = None) -> dict[str, Any]:
    """Audit a published story output (see ``storyaudit.audit_file``)."""
    from sprintkit.ops.storyaudit import audit_file

    return audit_file(file=file, min_cell=min_cell)


__all__ = [
    "add_story",
    "audit",
    "export_stories",
    "import_stories",
    "key_file",
    "purge_stories",
    "sample_stories",
    "shifts",
    "summary",
]
