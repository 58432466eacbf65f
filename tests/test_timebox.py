"""The timebox engine: pause, resume, extend and expire on explicit clocks, a clock that goes
backwards, and every shape a damaged or hostile timer file can have refused."""

from __future__ import annotations

import math

import pytest

from sprintkit.engine import timebox
from sprintkit.engine.timebox import TimeboxError

T0 = 1_800_000_000.0


def test_running_pausing_resuming_and_running_out():
    box = timebox.start(600, "Aannamekaart", T0)
    assert timebox.left(box, T0 + 100) == 500
    assert timebox.state(box, T0 + 100) == "running"
    paused = timebox.pause(box, T0 + 100)
    assert timebox.left(paused, T0 + 5000) == 500          # a pause stops the clock
    assert timebox.state(paused, T0 + 5000) == "paused"
    again = timebox.resume(paused, T0 + 5000)
    assert timebox.left(again, T0 + 5100) == 400
    assert timebox.left(again, T0 + 5500) == 0
    assert timebox.state(again, T0 + 5500) == "up"
    assert timebox.left(again, T0 + 99999) == 0             # never negative


def test_extending_a_running_and_a_finished_timer():
    box = timebox.start(300, None, T0)
    longer = timebox.extend(box, 120, T0 + 100)
    assert timebox.left(longer, T0 + 100) == 320
    assert (longer.added, timebox.total(longer)) == (120, 420)
    done = T0 + 10_000                                      # long after the time was up
    revived = timebox.extend(longer, 300, done)
    assert timebox.left(revived, done) == 300               # 5 more minutes from now
    assert timebox.state(revived, done + 1) == "running"
    paused = timebox.extend(timebox.pause(box, T0 + 10), 60, T0 + 500)
    assert paused.paused and timebox.left(paused, T0 + 9000) == 350


@pytest.mark.parametrize("change,key", [
    (lambda b: timebox.resume(b, T0 + 1), "timer.not_paused"),
    (lambda b: timebox.pause(timebox.pause(b, T0 + 1), T0 + 2), "timer.already_paused"),
    (lambda b: timebox.pause(b, T0 + 601), "timer.is_up"),
    (lambda b: timebox.extend(b, 0, T0), "timer.too_short"),
    (lambda b: timebox.extend(b, 24 * 3600, T0), "timer.too_long"),
])
def test_changes_that_cannot_be_made(change, key):
    box = timebox.start(600, None, T0)
    with pytest.raises(TimeboxError) as caught:
        change(box)
    assert caught.value.key == key


@pytest.mark.parametrize("seconds,key", [(0, "timer.too_short"), (-5, "timer.too_short"),
                                         (24 * 3600 + 1, "timer.too_long")])
def test_start_bounds(seconds, key):
    with pytest.raises(TimeboxError) as caught:
        timebox.start(seconds, None, T0)
    assert caught.value.key == key
    assert timebox.left(timebox.start(24 * 3600, None, T0), T0) == 24 * 3600


def test_a_clock_going_backwards_never_adds_time():
    box = timebox.start(600, None, T0)
    assert timebox.left(box, T0 - 3600) == 600              # stands still, no 70 minutes
    box = timebox.extend(box, 60, T0 + 300)                 # 360 left, anchored at +300
    assert timebox.left(box, T0 + 100) == 360               # clock set back: still 360
    paused = timebox.pause(box, T0 + 100)
    assert timebox.left(timebox.resume(paused, T0 + 50), T0 + 110) == 300


def test_labels_are_one_safe_line():
    box = timebox.start(60, "Crazy\x1b[2J 8's\n\x07" + "x" * 500, T0)
    assert "\x1b" not in box.label and "\n" not in box.label and "\a" not in box.label
    assert box.label.startswith("Crazy [2J 8's")
    assert len(box.label) == timebox.MAX_LABEL


def test_round_trip():
    box = timebox.extend(timebox.pause(timebox.start(600, "Stemmen", T0), T0 + 5), 30, T0 + 9)
    assert timebox.from_data(timebox.to_data(box)) == box


def _good() -> dict:
    return timebox.to_data(timebox.start(600, "Stemmen", T0))


@pytest.mark.parametrize("damage", [
    lambda d: [d],
    lambda d: None,
    lambda d: "timer",
    lambda d: {**d, "schema_version": 2},
    lambda d: {k: v for k, v in d.items() if k != "anchor"},
    lambda d: {**d, "extra": 1},
    lambda d: {**d, "duration": "600"},
    lambda d: {**d, "duration": 600.5},
    lambda d: {**d, "duration": True},
    lambda d: {**d, "duration": 0},
    lambda d: {**d, "duration": 10**30},
    lambda d: {**d, "left_at": math.nan},
    lambda d: {**d, "left_at": math.inf},
    lambda d: {**d, "left_at": -1},
    lambda d: {**d, "left_at": 10**9},
    lambda d: {**d, "anchor": 1e300},
    lambda d: {**d, "started": -1},
    lambda d: {**d, "paused": "no"},
    lambda d: {**d, "label": ["x"]},
    lambda d: {**d, "label": "x" * 10_000},
    lambda d: {**d, "added": -60},
])
def test_damaged_data_is_refused(damage):
    with pytest.raises(TimeboxError) as caught:
        timebox.from_data(damage(_good()))
    assert caught.value.key == "timer.damaged"


def test_a_label_with_control_characters_in_the_file_is_cleaned():
    data = {**_good(), "label": "a\x1b]0;pwned\x07b"}
    assert timebox.from_data(data).label == "a ]0;pwned b"
