"""The shared timer through the CLI, on a fake clock: `timer start` returns at once, every
command sees the same `.sprintkit/timer.json`, extending/pausing/resuming/stopping, JSON
output, the sprint's language, damaged and hostile timer files refused with a clear message,
and `timer --follow` following changes made while it runs."""

from __future__ import annotations

import json
import os

import pytest
from run_support import make_sprint

from sprintkit.ops import timer as shared
from sprintkit.ui import timer_follow

T0 = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(shared, "clock", fake)
    return fake


@pytest.fixture
def sprint(tmp_path):
    return make_sprint(tmp_path / "s")


def test_start_returns_at_once_and_every_command_sees_the_timer(cli, clock, sprint):
    res = cli("timer", "start", "10m", "--label", "Aannamekaart", "-s", sprint)
    assert res.exit_code == 0, res.output
    assert "Timer gestart: 10m · Aannamekaart" in res.stdout
    assert clock.now == T0                                   # nothing waited
    data = json.loads((sprint / ".sprintkit" / "timer.json").read_text(encoding="utf-8"))
    assert data["duration"] == 600 and data["label"] == "Aannamekaart"
    clock.now += 138
    assert "⏱ 7:42 over · Aannamekaart" in cli("timer", "-s", sprint).stdout
    assert "⏱ 7:42 over" in cli("timer", "status", "-s", sprint).stdout
    res = cli("timer", "+5m", "-s", sprint)
    assert res.exit_code == 0 and "Timer verlengd met 5m: nog 12:42" in res.stdout
    res = cli("timer", "add", "90s", "-s", sprint)
    assert "nog 14:12" in res.stdout
    assert "Timer gepauzeerd: nog 14:12" in cli("timer", "pause", "-s", sprint).stdout
    clock.now += 3600
    assert "⏱ 14:12 over, gepauzeerd" in cli("timer", "-s", sprint).stdout
    res = cli("timer", "pause", "-s", sprint)
    assert res.exit_code == 1 and "staat al op pauze" in res.stderr
    assert "Timer loopt weer: nog 14:12" in cli("timer", "resume", "-s", sprint).stdout
    clock.now += 14 * 60 + 12
    assert "⏱ tijd is om · Aannamekaart" in cli("timer", "-s", sprint).stdout
    res = cli("timer", "pause", "-s", sprint)
    assert res.exit_code == 1 and "de tijd is al om" in res.stderr and "+5m" in res.stderr
    assert "Timer gestopt." in cli("timer", "stop", "-s", sprint).stdout
    assert not (sprint / ".sprintkit" / "timer.json").exists()
    assert "Er loopt geen timer." in cli("timer", "-s", sprint).stdout
    res = cli("timer", "+5m", "-s", sprint)
    assert res.exit_code == 1 and "er loopt geen timer" in res.stderr
    assert "sprintkit timer start 8m" in res.stderr


def test_json_status(cli, clock, sprint):
    assert json.loads(cli("timer", "--format", "json", "-s", sprint).stdout) == {"state": "none"}
    cli("timer", "start", "8m", "-s", sprint)
    clock.now += 60.5
    cli("timer", "+2m", "-s", sprint)
    data = json.loads(cli("timer", "status", "--format", "json", "-s", sprint).stdout)
    assert data == {"state": "running", "label": "", "left": 540, "duration": 480,
                    "added": 120, "total": 600, "started": "2027-01-15T08:00:00+00:00"}
    cli("timer", "pause", "-s", sprint)
    assert json.loads(cli("timer", "--format", "json", "-s", sprint).stdout)["state"] == "paused"


def test_english_sprint_speaks_english(cli, clock, tmp_path):
    folder = make_sprint(tmp_path / "en", lang="en")
    assert "Timer started: 8m" in cli("timer", "start", "8m", "-s", folder).stdout
    assert "⏱ 8:00 left" in cli("timer", "-s", folder).stdout
    assert "extended by 1m: 9:00 left" in cli("timer", "+1m", "-s", folder).stdout
    res = cli("timer", "resume", "-s", folder)
    assert res.exit_code == 1 and "the timer is not paused" in res.stderr


@pytest.mark.parametrize("argv,code,text", [
    (["start"], 2, "onbekend"),
    (["start", "8m", "9m"], 2, "onbekend"),
    (["pause", "5m"], 2, "onbekend"),
    (["start", "acht"], 2, "geen duur"),
    (["start", "0m"], 2, "minstens 1 seconde"),
    (["+25h"], 2, "hoogstens 24 uur"),
    (["8m", "9m"], 2, "onbekend"),
    (["8m", "--follow"], 2, "onbekend"),
    (["--follow", "--format", "json"], 2, "gaan niet samen"),
])
def test_bad_command_lines(cli, clock, sprint, argv, code, text):
    res = cli("timer", *argv, "-s", sprint)
    assert res.exit_code == code and text in res.stderr, res.output
    assert not (sprint / ".sprintkit" / "timer.json").exists()


def test_no_sprint_no_timer_file(cli, clock, tmp_path):
    res = cli("timer", "start", "8m", "-s", tmp_path)
    assert res.exit_code == 1 and "sprint.yaml" in res.stderr
    assert not (tmp_path / ".sprintkit").exists()


HOSTILE = [
    b"{not json",
    b"",
    b"\xff\xfe\x00garbage",
    b"[1, 2, 3]",
    b'{"schema_version": 1, "label": "BSN 123456782", "duration": NaN}',
    b"[" * 100_000,
    b'{"a": "' + b"x" * 100_000 + b'"}',
    json.dumps({"schema_version": 1, "label": "BSN 123456782", "duration": 600, "added": 0,
                "started": 1e300, "anchor": 0, "left_at": 5, "paused": False}).encode(),
]


@pytest.mark.parametrize("content", HOSTILE, ids=range(len(HOSTILE)))
def test_a_damaged_timer_file_is_a_clear_message(cli, clock, sprint, content):
    path = sprint / ".sprintkit" / "timer.json"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    for argv in (["status"], ["+5m"], ["pause"], ["resume"], ["--follow"]):
        res = cli("timer", *argv, "-s", sprint)
        assert res.exit_code == 1, (argv, res.output)
        assert "het timerbestand .sprintkit/timer.json is beschadigd" in res.stderr
        assert "sprintkit timer stop" in res.stderr
        assert "Traceback" not in res.output and "123456782" not in res.output
    assert path.read_bytes() == content                      # nothing overwritten on the way
    assert cli("timer", "stop", "-s", sprint).exit_code == 0
    assert not path.exists()
    path.write_bytes(content)
    assert cli("timer", "start", "5m", "-s", sprint).exit_code == 0   # a new one replaces it
    assert "⏱ 5:00 over" in cli("timer", "-s", sprint).stdout


def test_a_timer_file_that_is_a_link_is_neither_read_nor_written(cli, clock, sprint, tmp_path):
    elsewhere = tmp_path / "elsewhere.json"
    cli("timer", "start", "5m", "-s", sprint)
    path = sprint / ".sprintkit" / "timer.json"
    elsewhere.write_bytes(path.read_bytes())
    path.unlink()
    os.symlink(elsewhere, path)
    res = cli("timer", "-s", sprint)
    assert res.exit_code == 1 and "beschadigd" in res.stderr
    before = elsewhere.read_bytes()
    assert cli("timer", "start", "9m", "-s", sprint).exit_code == 1
    assert elsewhere.read_bytes() == before


def test_follow_sees_a_pause_an_extension_the_end_and_the_stop(cli, clock, sprint, monkeypatch):
    cli("timer", "start", "2m", "--label", "Stemmen", "-s", sprint)
    script = iter([
        lambda: setattr(clock, "now", clock.now + 30),
        lambda: shared.pause(sprint),                        # made elsewhere, while following
        lambda: setattr(clock, "now", clock.now + 600),
        lambda: shared.resume(sprint),
        lambda: shared.add(sprint, 60),
        lambda: setattr(clock, "now", clock.now + 150),      # time is up
        lambda: setattr(clock, "now", clock.now + 5),        # still up: no second bell
        lambda: shared.add(sprint, 60),                      # extended after the end
        lambda: setattr(clock, "now", clock.now + 61),       # up again: a bell again
        lambda: shared.stop(sprint),
    ])
    monkeypatch.setattr(timer_follow, "sleep", lambda seconds: next(script)())
    res = cli("timer", "--follow", "-s", sprint)
    assert res.exit_code == 0, res.output
    lines = [line for line in res.stdout.splitlines() if line.strip()]
    assert lines == [
        "⏱ 2:00 over · Stemmen",
        "⏱ 1:30 over, gepauzeerd · Stemmen",
        "⏱ 1:30 over · Stemmen",
        "⏱ 2:30 over · Stemmen",
        "\aTijd is om · Stemmen",
        "⏱ tijd is om · Stemmen",
        "⏱ 1:00 over · Stemmen",
        "\aTijd is om · Stemmen",
        "⏱ tijd is om · Stemmen",
        "Timer gestopt.",
    ]


def test_follow_without_a_timer_and_on_ctrl_c(cli, clock, sprint, monkeypatch):
    res = cli("timer", "--follow", "-s", sprint)
    assert res.exit_code == 1 and "er loopt geen timer" in res.stderr
    cli("timer", "start", "5m", "-s", sprint)

    def interrupted(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(timer_follow, "sleep", interrupted)
    res = cli("timer", "--follow", "-s", sprint)
    assert res.exit_code == 130 and "Traceback" not in res.output
    assert (sprint / ".sprintkit" / "timer.json").exists()   # following never stops a timer


def test_extensions_made_at_the_same_time_all_count(clock, sprint):
    import threading

    shared.start(sprint, 600)
    threads = [threading.Thread(target=shared.add, args=(sprint, 60)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    box = shared.read(sprint)
    assert box is not None and box.added == 480 and box.left_at == 1080
