"""Reports pause the cyclic garbage collector while they work, and always turn it back on."""

from __future__ import annotations

import gc

import pytest
from robust_support import copy_report_sprint

from sprintkit.files.collector import gc_paused


def test_the_collector_is_paused_and_restored():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_a_report_leaves_the_collector_on_and_writes_the_same_bytes(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    first = cli("report", "-s", sprint, "--no-charts", "--out", tmp_path / "a.docx")
    assert first.exit_code == 0, first.output
    assert gc.isenabled()
    failed = cli("report", "-s", sprint, "--template", tmp_path / "missing.j2")
    assert failed.exit_code == 1 and gc.isenabled()
    gc.disable()
    try:
        again = cli("report", "-s", sprint, "--no-charts", "--out", tmp_path / "b.docx")
    finally:
        gc.enable()
    assert again.exit_code == 0
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


HOLD_PROBE = """
import gc, json, signal, sys, time
from sprintkit.files.collector import gc_paused, hold_while_starting
seen = {"held": hold_while_starting(0.3), "on_while_held": gc.isenabled()}
with gc_paused():
    pass
seen["after_pause_while_held"] = gc.isenabled()
with gc_paused():
    end = time.process_time() + 0.6
    while time.process_time() < end:  # the second passes inside a pause
        pass
    seen["in_pause_after_time"] = gc.isenabled()
seen["after_pause_after_time"] = gc.isenabled()
seen["handler_back"] = signal.getsignal(signal.SIGPROF) == signal.SIG_DFL
print(json.dumps(seen))
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no CPU timer here")
def test_the_collector_waits_for_a_commands_start_and_then_runs_as_usual():
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", HOLD_PROBE], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout) == {
        "held": True, "on_while_held": False, "after_pause_while_held": False,
        "in_pause_after_time": False, "after_pause_after_time": True, "handler_back": True}


def test_a_profilers_timer_is_left_alone():
    import subprocess
    import sys

    probe = ("import gc, signal\nsignal.signal(signal.SIGPROF, lambda *a: None)\n"
             "from sprintkit.files.collector import hold_while_starting\n"
             "print(hold_while_starting(), gc.isenabled())\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "True"]


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="no CPU timer here")
def test_the_timer_is_disarmed_at_exit():
    """Python gives SIGPROF its default action back as it finishes: a timer still armed then
    would end a command that finished just short of its second ("Profiling timer expired")."""
    import subprocess
    import sys

    probe = ("import atexit, signal\n"
             "from sprintkit.files.collector import hold_while_starting\n"
             "hold_while_starting(1000)\n"
             "armed = signal.getitimer(signal.ITIMER_PROF)[0] > 0\n"
             "atexit._run_exitfuncs()\n"
             "print(armed, signal.getitimer(signal.ITIMER_PROF))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split(maxsplit=1) == ["True", "(0.0, 0.0)\n"]
