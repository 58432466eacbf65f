"""Two processes writing the same sprint: one waits for the other, or gives up with a message
naming the holder — and no update is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from evidence_support import data, make_sprint

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sprintkit.files.sprintfile import update_sprint
    from sprintkit.model.sprint import Hypothesis

    folder, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    go = Path(sys.argv[4])
    while not go.exists():  # start both writers at the same moment
        time.sleep(0.005)
    for i in range(count):
        def change(sprint, i=i):
            sprint.hypotheses.append(Hypothesis.model_validate(
                {"id": f"{prefix}{i}", "statement": f"{prefix} {i}", "metric": "m",
                 "target": ">=50%"}))
        update_sprint(folder, change)
    print("ok")
""")

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sprintkit.files.lock import locked
    from sprintkit.files.sprintfile import update_sprint

    folder, hold = Path(sys.argv[1]), float(sys.argv[2])
    with locked(folder):
        print("holding", flush=True)
        time.sleep(hold)
    print("released", flush=True)
""")


def test_two_writers_at_once_lose_no_update(tmp_path):
    folder = make_sprint(tmp_path / "s")
    go = tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), prefix, "12",
                                 str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
               for prefix in ("A", "B")]
    time.sleep(1.0)  # both have imported sprintkit and wait for the start
    go.touch()
    results = [w.communicate(timeout=180) for w in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert out.strip() == "ok"
    ids = [h["id"] for h in data(folder)["hypotheses"]]
    assert sorted(ids) == sorted([f"A{i}" for i in range(12)] + [f"B{i}" for i in range(12)])
    assert [i for i in ids if i.startswith("A")] == [f"A{i}" for i in range(12)]  # in order
    assert (folder / "sprint.yaml").read_text().startswith("# Experiment sprint")


def _hold(folder: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), str(seconds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_a_busy_sprint_is_refused_clearly_naming_the_holder(cli, tmp_path, monkeypatch):
    folder = make_sprint(tmp_path / "s")
    before = (folder / "sprint.yaml").read_bytes()
    holder = _hold(folder, 30)
    try:
        monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "0.5")
        started = time.monotonic()
        res = cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "m",
                  "--target", ">=50%")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.communicate()
    assert res.exit_code == 1, res.output
    message = " ".join(res.stderr.split())
    assert f"wordt geschreven door proces {holder.pid}" in message
    assert "-c" in message or "python" in message  # the holder's command line
    assert "de vergrendeling verdwijnt vanzelf" in message
    assert 0.4 < waited < 10
    assert (folder / "sprint.yaml").read_bytes() == before


def test_a_writer_waits_for_the_holder_and_then_writes(cli, tmp_path, monkeypatch):
    folder = make_sprint(tmp_path / "s")
    holder = _hold(folder, 1.5)
    monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "30")
    started = time.monotonic()
    res = cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "m",
              "--target", ">=50%", "--id", "H9")
    waited = time.monotonic() - started
    out, err = holder.communicate(timeout=30)
    assert res.exit_code == 0, res.output
    assert waited >= 1.0, "the writer did not wait for the lock"
    assert out.strip() == "released", err
    assert [h["id"] for h in data(folder)["hypotheses"]] == ["H9"]


def test_a_killed_holder_never_blocks_the_next_writer(cli, tmp_path, monkeypatch):
    folder = make_sprint(tmp_path / "s")
    holder = _hold(folder, 60)
    holder.kill()
    holder.communicate()
    assert (folder / ".sprintkit.lock").exists()  # the file stays; the lock does not
    monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "2")
    res = cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "m",
              "--target", ">=50%")
    assert res.exit_code == 0, res.output


def test_two_real_commands_started_together_both_land(tmp_path):
    folder = make_sprint(tmp_path / "s")
    env = {**os.environ, "SPRINTKIT_LOCK_TIMEOUT": "60"}
    for round_number in range(3):
        procs = [subprocess.Popen(
            [sys.executable, "-m", "sprintkit", "evidence" if kind == "e" else "hypothesis",
             *(["add", "H0", "-s", str(folder), "--successes", "1", "--trials", "2",
                "--source", f"r{round_number}"] if kind == "e" else
               ["add", "-s", str(folder), "--statement", "x", "--metric", "m", "--target",
                ">=50%", "--id", f"H{round_number}{kind}"])],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for kind in (("a", "b") if round_number == 0 else ("a", "b", "e"))]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        if round_number == 0:  # an anchor for the evidence writers of the next rounds
            subprocess.run([sys.executable, "-m", "sprintkit", "hypothesis", "add", "-s",
                            str(folder), "--statement", "anker", "--metric", "m", "--target",
                            ">=50%", "--id", "H0"], check=True, capture_output=True, env=env)
    hypotheses = {h["id"]: h for h in data(folder)["hypotheses"]}
    assert set(hypotheses) == {"H0a", "H0b", "H1a", "H1b", "H2a", "H2b", "H0"}
    assert [e["source"] for e in hypotheses["H0"]["evidence"]] == ["r1", "r2"]
