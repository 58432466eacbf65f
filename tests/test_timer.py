"""`sprintkit timer`: a countdown with a progress bar and a bell, run on a fake clock; bad
durations refused; Ctrl-C stops it cleanly (exit 130), also in a real terminal."""

from __future__ import annotations

import pytest

from sprintkit.ui import timer_view


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(timer_view, "clock", fake.time)
    monkeypatch.setattr(timer_view, "sleep", fake.sleep)
    return fake


def test_a_long_timer_runs_on_the_fake_clock(cli, clock):
    res = cli("timer", "1h15m", "--label", "Aannamekaart")
    assert res.exit_code == 0
    assert clock.now == pytest.approx(4500)
    assert max(clock.sleeps) <= 0.25
    assert "\a" in res.stdout
    assert "Aannamekaart" in res.stdout and "0:00" in res.stdout
    assert "Time is up: Aannamekaart" in res.stdout


@pytest.mark.parametrize("duration,seconds", [("8m", 480), ("90s", 90), ("2", 120)])
def test_durations(cli, clock, duration, seconds):
    assert cli("timer", duration).exit_code == 0
    assert clock.now == pytest.approx(seconds)


def test_the_language_follows_the_sprint_here(cli, clock, tmp_path):
    from run_support import make_sprint

    folder = make_sprint(tmp_path / "s")
    res = cli("timer", "5s", cwd=folder)
    assert "De tijd is om: Timer 5s" in res.stdout
    assert "Time is up" in cli("timer", "5s", "--lang", "en").stdout


@pytest.mark.parametrize("bad,message", [
    ("acht", "is geen duur"), ("0m", "at least 1 second"), ("25h", "at most 24 hours"),
])
def test_bad_durations(cli, clock, bad, message):
    res = cli("timer", bad)
    assert res.exit_code == 2 and message in res.stderr
    assert clock.now == 0


def test_ctrl_c_stops_cleanly(cli, monkeypatch, clock):
    def interrupted(seconds):
        clock.now += 100
        raise KeyboardInterrupt

    monkeypatch.setattr(timer_view, "sleep", interrupted)
    res = cli("timer", "8m")
    assert res.exit_code == 130
    assert "timer stopped with 6:20 left" in res.stderr
    result = timer_view.run_timer(60, "x", "nl", clock_fn=clock.time, sleep_fn=interrupted,
                                  catch=True)
    assert not result.finished and result.left == pytest.approx(60 - 100) or result.left == 0


def test_clock_text():
    assert timer_view.clock_text(4500) == "1:15:00"
    assert timer_view.clock_text(59.2) == "1:00"
    assert timer_view.clock_text(0) == "0:00"


@pytest.mark.pty
@pytest.mark.slow
def test_timer_in_a_real_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    from run_support import spawn

    child = spawn(["timer", "2s", "--label", "Crazy 8's"], tmp_path, tmp_path / "home")
    child.expect("Crazy 8's")
    child.expect("\a")
    child.expect("Time is up: Crazy 8's")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = spawn(["timer", "10m"], tmp_path, tmp_path / "home", term="xterm")
    child.expect("Timer 10m")
    import time

    time.sleep(1.5)
    child.sendintr()
    child.expect(r"timer stopped with 9:5\d left")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
