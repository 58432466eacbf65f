"""Reports pause the cyclic garbage collector while they work, and always turn it back on."""

from __future__ import annotations

import gc

import pytest
from robust_support import copy_report_sprint

from sprintkit.files.sprintfile import gc_paused


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
