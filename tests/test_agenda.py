"""The day plan: clock times, breaks, lunch, off-session phases, spreading over days."""

from __future__ import annotations

import json

import pytest
from methods_support import BUILTIN_METHODS

from sprintkit.engine.agenda import (
    AgendaSettings,
    _partition,
    build_agenda,
    clock,
    parse_clock,
)
from sprintkit.files import library
from sprintkit.model.method import Method


def _plan(method_id: str, **kwargs):
    method = library.get_method(method_id).model
    return build_agenda(method, library.workform_index(method), **kwargs)


def _rows(day):
    return [(clock(s.start) if s.start is not None else "", s.kind, s.title) for s in day.slots]


def test_clock_parsing():
    assert parse_clock("9:00") == 540 and parse_clock("13.15") == 795
    for bad in ("25:00", "9", "9:5", "noon"):
        with pytest.raises(ValueError):
            parse_clock(bad)
    assert clock(545) == "09:05"


def test_exact_times_for_a_small_method():
    method = Method.model_validate(
        {
            "id": "mini",
            "kind": "workshop",
            "name": "Mini",
            "summary": "Mini",
            "phases": [
                {
                    "id": "a",
                    "title": "A",
                    "goal": "A",
                    "timebox": "1h30m",
                    "workforms": [{"ref": "long-term-goal", "timebox": "45m"}, "dot-voting"],
                },
                {
                    "id": "b",
                    "title": "B",
                    "goal": "B",
                    "timebox": "1h",
                    "workforms": ["heat-map", {"ref": "note-and-vote", "timebox": "30m"}],
                },
                {
                    "id": "c",
                    "title": "C",
                    "goal": "C",
                    "timebox": "1h",
                    "session_type": "asynchronous",
                    "workforms": ["pain-points"],
                },
                {
                    "id": "d",
                    "title": "D",
                    "goal": "D",
                    "timebox": "3h",
                    "workforms": [{"ref": "prototype", "timebox": "2h30m"}],
                },
            ],
        }
    )
    plan = build_agenda(method, library.workform_index(method), lang="en")
    assert len(plan.days) == 1
    assert _rows(plan.days[0]) == [
        ("09:00", "phase", "A"),
        ("09:00", "workform", "Long-term goal"),
        ("09:45", "workform", "Dot voting"),
        ("10:00", "wrap-up", "Wrap up and record the outputs"),
        ("10:30", "break", "Break"),
        ("10:45", "phase", "B"),
        ("10:45", "workform", "Heat map"),
        ("11:00", "workform", "Note and vote"),
        ("11:30", "wrap-up", "Wrap up and record the outputs"),
        ("", "off-session", "C"),
        ("11:45", "lunch", "Lunch"),
        ("12:30", "phase", "D"),
        ("12:30", "workform", "Build a prototype"),
        ("14:00", "break", "Break"),
        ("14:15", "workform", "Build a prototype (continued)"),
        ("15:15", "wrap-up", "Wrap up and record the outputs"),
    ]
    assert plan.days[0].end == parse_clock("15:45")
    assert plan.warnings == []
    assert plan.session_minutes == 90 + 60 + 180


@pytest.mark.parametrize("method_id", BUILTIN_METHODS)
def test_builtin_agendas_are_contiguous_and_complete(method_id):
    method = library.get_method(method_id).model
    plan = _plan(method_id)
    assert plan.warnings == []
    assert len(plan.days) == method.days
    for day in plan.days:
        timed = [s for s in day.slots if s.start is not None and s.kind != "phase"]
        if not timed:  # a day of work in practice only
            assert all(s.kind == "off-session" for s in day.slots)
            continue
        assert timed[0].start == 9 * 60
        for before, after in zip(timed, timed[1:], strict=False):
            assert after.start == before.end, f"{method_id} day {day.number}: gap or overlap"
        assert day.end <= 17 * 60 + 30
        work = [s for s in timed if s.kind not in ("break", "lunch")]
        if day.end > 13 * 60 + 30:
            assert any(s.kind == "lunch" for s in timed), f"{method_id} day {day.number}: no lunch"
        run = 0
        for slot in timed:
            run = 0 if slot.kind in ("break", "lunch") else run + slot.minutes
            assert run <= 150 or slot.kind == "wrap-up" or slot.minutes > 90
        assert all(s.minutes > 0 for s in work)
    session = sum(
        p.seconds for p in method.phases if p.session_type not in ("asynchronous", "fieldwork")
    )
    assert plan.session_minutes * 60 == session


def test_start_time_and_days():
    early = _plan("strategy-sprint", settings=AgendaSettings(start=8 * 60 + 30))
    assert _rows(early.days[0])[0][0] == "08:30"
    one = _plan("strategy-sprint", days=1)
    assert len(one.days) == 1
    assert any("dag 1 eindigt om" in w for w in one.warnings)
    three = _plan("innovation-sprint", days=3, lang="en")
    assert [d.number for d in three.days] == [1, 2, 3]
    assert _plan("story-cycle", days=9).warnings[0].startswith("de methode heeft maar 5 fasen")
    assert _plan("story-cycle", days=9, lang="en").warnings[0].startswith(
        "the method has only 5 session")


def test_partition_keeps_order_and_balances():
    assert _partition([3, 3, 3, 3], 2) == [[0, 1], [2, 3]]
    assert _partition([5, 1, 1, 1, 1, 1], 2) == [[0], [1, 2, 3, 4, 5]]
    assert _partition([1, 2], 2) == [[0], [1]]


def test_off_session_phase_has_no_times():
    plan = _plan("experiment-sprint", lang="nl")
    run = next(
        s for d in plan.days for s in d.slots if s.phase == "run" and s.kind == "off-session"
    )
    assert run.start is None and run.note == "In de praktijk, tussen de sessies"


# --- the command ----------------------------------------------------------------------------


def test_agenda_for_a_method_json(cli, tmp_path):
    res = cli("agenda", "--method", "co-creation", "--format", "json", cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["method"] == "co-creation" and len(data["days"]) == 5
    first = data["days"][0]
    assert first["start"] == "09:00" and first["slots"][1]["start"] == "09:00"
    assert any(s["kind"] == "off-session" and s["start"] is None for s in first["slots"])


def test_agenda_markdown_and_text(cli, tmp_path):
    res = cli(
        "agenda", "--method", "strategy-sprint", "--format", "md", "--start", "08:30", cwd=tmp_path
    )
    assert res.stdout.startswith("# Strategiesprint\n")
    assert "| 08:30–10:30 | **Langetermijndoel en succesindicatoren** |" in res.stdout
    assert "| 12:15–13:00 | *Lunch* |" in res.stdout or "*Lunch*" in res.stdout
    text = cli("agenda", "-m", "strategy-sprint", "--lang", "en", cwd=tmp_path).stdout
    assert "Day 1" in text and "09:00–11:00  Long-term goal and success indicators" in text


def test_agenda_for_a_sprint_skips_skipped_phases_and_dates_day_one(cli, tmp_path):
    folder = tmp_path / "s"
    assert (
        cli(
            "new",
            "strategy-sprint",
            folder,
            "--title",
            "T",
            "--start",
            "2026-03-02",
            "--lang",
            "en",
            "--no-input",
        ).exit_code
        == 0
    )
    from sprintkit.files.sprintfile import update_sprint

    def skip(model):
        model.phases["present"].status = "skipped"

    update_sprint(folder, skip)
    data = json.loads(cli("agenda", "-s", folder, "--format", "json").stdout)
    assert data["language"] == "en"
    assert data["days"][0]["date"] == "2026-03-02" and data["days"][1]["date"] is None
    phases = {s["phase"] for d in data["days"] for s in d["slots"]}
    assert "present" not in phases and "roadmap" in phases


def test_agenda_errors(cli, tmp_path):
    res = cli("agenda", "--method", "strategy-sprint", "--start", "9u", cwd=tmp_path)
    assert res.exit_code == 2 and "--start" in res.stderr
    res = cli("agenda", cwd=tmp_path)
    assert res.exit_code == 1 and "geen sprint.yaml" in res.stderr
    res = cli("agenda", "--method", "strategy-sprint", "--days", "0", cwd=tmp_path)
    assert res.exit_code == 2
