"""The timer keys of the walkthrough without a terminal: which typed lines are timer commands
(and which stay answers), and the status line before a prompt — shown on a change, the bell
once when the time is up, a damaged timer file a warning rather than a stop."""

from __future__ import annotations

import pytest
from run_support import make_sprint

from sprintkit.ops import timer as shared
from sprintkit.ui import console, timer_keys
from sprintkit.ui.timer_keys import TimerKeys, command_of

T0 = 1_800_000_000.0


@pytest.mark.parametrize("typed,command", [
    (":timer 10m", ("start", "10m")),
    ("  :Timer   8m ", ("start", "8m")),
    (":timer", ("status", None)),
    (":+5m", ("add", "5m")),
    (":+ 5m", ("add", "5m")),
    (":timer +90s", ("add", "90s")),
    (":pauze", ("pause", None)), (":pause", ("pause", None)),
    (":hervat", ("resume", None)), (":RESUME", ("resume", None)),
    (":stop", ("stop", None)),
    (":-)", None), (":)", None), (": stop", None), ("timer 10m", None), ("+5m", None),
    (":stop nu", None), (":timer 10m extra", None), ("", None), ("<", None), ("-", None),
])
def test_which_lines_are_timer_commands(typed, command):
    assert command_of(typed) == command


@pytest.fixture
def keys(tmp_path, monkeypatch):
    now = [T0]
    monkeypatch.setattr(shared, "clock", lambda: now[0])
    moment = [0.0]
    monkeypatch.setattr(timer_keys.time, "monotonic", lambda: moment[0])
    console.reset()
    keys = TimerKeys(make_sprint(tmp_path / "s"))
    keys.now, keys.moment = now, moment  # type: ignore[attr-defined]
    yield keys
    console.reset()


def test_the_status_line_before_a_prompt(keys, capsys):
    keys.before()
    assert capsys.readouterr().out == ""                       # no timer: nothing
    assert keys.handle(":timer 2m")
    assert "Timer gestart: 2m" in capsys.readouterr().out
    keys.before()
    assert "⏱ 2:00 over" in capsys.readouterr().out
    keys.now[0] += 5
    keys.moment[0] += 5
    keys.before()
    assert capsys.readouterr().out == ""                       # nothing changed, 5 s later
    keys.moment[0] += timer_keys.EVERY
    keys.before()
    assert "⏱ 1:55 over" in capsys.readouterr().out            # a while later: again
    assert keys.handle(":pauze")
    keys.before()
    assert "⏱ 1:55 over, gepauzeerd" in capsys.readouterr().out
    keys.handle(":hervat")
    keys.now[0] += 200
    keys.before()
    shown = capsys.readouterr().out
    assert shown.count("\a") == 1 and "⏱ tijd is om" in shown
    keys.moment[0] += 100
    keys.before()
    assert "\a" not in capsys.readouterr().out                 # the bell rings once
    keys.handle(":+1m")
    keys.now[0] += 61
    keys.before()
    assert capsys.readouterr().out.count("\a") == 1            # up again after the extension
    assert not keys.handle(":-)")


def test_a_damaged_timer_file_warns_once_and_the_walk_goes_on(keys, capsys):
    path = keys.folder / ".sprintkit" / "timer.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text("{kapot", encoding="utf-8")
    keys.before()
    keys.before()
    shown = capsys.readouterr().out
    assert shown.count("beschadigd") == 1
    assert keys.handle(":+5m")
    assert "beschadigd" in capsys.readouterr().out
    assert keys.handle(":timer 5m")                             # a new timer replaces it
    keys.before()
    assert "⏱ 5:00 over" in capsys.readouterr().out
    assert keys.handle(":timer 0m") and "minstens 1 seconde" in capsys.readouterr().out
