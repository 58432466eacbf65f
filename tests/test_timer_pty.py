"""The shared timer in a real pseudo-terminal: started inside `sprintkit run` while answering
goes on, the time left shown at the next prompt, `:+5m`/`:pauze`/`:hervat`/`:stop` at any
prompt, the "time's up" line with one bell, and `timer --follow` following a pause, an
extension and a stop made by another process."""

from __future__ import annotations

import re
import time

import pytest
from run_support import interrupt, make_sprint, spawn

from sprintkit.files.sprintfile import load_sprint

pexpect = pytest.importorskip("pexpect")

pytestmark = [pytest.mark.pty, pytest.mark.slow]


def test_a_timer_started_in_run_while_answering_goes_on(tmp_path):
    folder = make_sprint(tmp_path / "s")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home", columns=100)
    child.expect("Nummer, of Enter voor nee")
    child.sendline("2")                                   # the assumption map, 1h15m
    child.expect("Timer gestart: 1h15m · Aannamekaart")
    child.expect(":timer 10m start een timer, :\\+5m verlengt")
    child.expect("1/4 Welk besluit")
    child.expect(r"⏱ 1:1[45]:\d\d over · Aannamekaart")   # the next prompt shows the time
    child.sendline("Besluiten over het format")
    child.sendline(":+5m")                                # inside a multi-line answer
    child.expect(r"Timer verlengd met 5m: nog 1:(19:\d\d|20:00)")
    child.expect(r"⏱ 1:(19:\d\d|20:00) over")
    child.sendline(":pauze")
    child.expect(r"Timer gepauzeerd: nog 1:(19:\d\d|20:00)")
    child.expect(r"⏱ 1:(19:\d\d|20:00) over, gepauzeerd · Aannamekaart")
    child.sendline(":hervat")
    child.expect("Timer loopt weer")
    child.sendline("in alle teams")
    child.sendline("")
    child.expect("2/4 Welke werkwijze")
    child.sendline(":stop")
    child.expect("Timer gestopt.")
    child.sendline(":+5m")
    child.expect("er loopt geen timer")
    child.sendline(":-)")                                 # an answer, not a command
    child.sendline("")
    child.expect("3/4 Welke aannames")
    interrupt(child)
    child.close()
    assert child.exitstatus == 130
    answers = load_sprint(folder).model.phases["frame"].outputs
    assert answers == {"experiment_goal": "Besluiten over het format\nin alle teams",
                       "solution_tested": ":-)"}
    assert not (folder / ".sprintkit" / "timer.json").exists()


def test_the_time_is_up_at_the_next_prompt_with_one_bell(tmp_path):
    folder = make_sprint(tmp_path / "s", lang="en")
    child = spawn(["run", "-s", str(folder)], tmp_path, tmp_path / "home", columns=100)
    child.expect("Number, or Enter for no")
    child.sendline(":timer 2s")
    child.expect("Timer started: 2s")
    child.expect(r"⏱ 0:0[12] left")
    child.expect("Number, or Enter for no")
    time.sleep(2.5)
    child.sendline("")
    child.expect("1/4 Which decision")
    child.expect("\a")
    child.expect("⏱ time's up")
    child.sendline("Decide on the format")
    child.expect("  ")                                     # the next line's prompt
    before = child.before
    child.sendline("")
    child.expect("2/4")
    assert "\a" not in before + child.before               # the bell rang once
    child.sendline(":resume")
    child.expect("the timer is not paused|the time is already up")
    child.sendline(":+1m")
    child.expect(r"Timer extended by 1m: 1:00 left")
    child.expect(r"⏱ [01]:\d\d left")
    interrupt(child)
    child.close()
    assert child.exitstatus == 130


def test_follow_sees_changes_made_by_another_process(tmp_path, cli):
    folder = make_sprint(tmp_path / "s")
    assert cli("timer", "start", "10m", "--label", "Stemmen", "-s", folder).exit_code == 0
    child = spawn(["timer", "--follow", "-s", str(folder)], tmp_path, tmp_path / "home")
    child.expect(r"⏱ (10:00|9:5\d) over · Stemmen")
    assert cli("timer", "pause", "-s", folder).exit_code == 0
    child.expect(r"⏱ (10:00|9:5\d) over, gepauzeerd · Stemmen")  # paused within the second
    assert cli("timer", "+5m", "-s", folder).exit_code == 0
    child.expect(r"⏱ (15:00|14:5\d) over, gepauzeerd")
    assert cli("timer", "resume", "-s", folder).exit_code == 0
    child.expect(r"⏱ (15:00|14:5\d) over · Stemmen")
    assert cli("timer", "stop", "-s", folder).exit_code == 0
    child.expect("Timer gestopt.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_follow_rings_once_when_the_time_is_up_and_ends_on_ctrl_c(tmp_path, cli):
    folder = make_sprint(tmp_path / "s", lang="en")
    assert cli("timer", "start", "2s", "-s", folder).exit_code == 0
    child = spawn(["timer", "--follow", "-s", str(folder)], tmp_path, tmp_path / "home")
    child.expect("\aTime's up")
    assert re.search(r"left *\r +\r$", child.before)  # the last countdown is blanked first
    child.expect("⏱ time's up")
    time.sleep(1)
    interrupt(child)
    assert "\a" not in child.before
    child.close()
    assert child.exitstatus == 130
