"""A writer to kill: forks children that change a sprint through ``update_sprint`` in a loop.

Started once per test (``python crash_driver.py SPRINT_DIR``), it imports sprintkit a single
time and then, for every ``go N`` line on stdin, forks a child that writes record after record
(hypothesis ``KN``, ``KN+1``, … each with one evidence record, and one more evidence record on
``K0``), printing ``done ID`` after each write returned. The parent prints ``pid PID`` at once
and ``dead PID STATUS`` when the child is gone; the test kills the child with SIGKILL at a
random moment in between. Forking makes hundreds of kills cheap (no start-up per round)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def add_record(number: int):
    from sprintkit.model.sprint import Evidence, Hypothesis

    def change(sprint) -> None:
        sprint.hypotheses.append(Hypothesis.model_validate({
            "id": f"K{number}", "statement": f"Record {number}", "metric": "aandeel",
            "target": ">=60%",
            "evidence": [{"id": "E1", "successes": number % 7, "trials": 7, "source": "test"}],
        }))
        anchor = next(h for h in sprint.hypotheses if h.id == "K0")
        anchor.evidence.append(Evidence.model_validate(
            {"id": f"E{len(anchor.evidence) + 1}", "successes": 1, "trials": 2,
             "source": f"na record {number}"}))

    return change


def main() -> None:
    from sprintkit.files.sprintfile import load_file, resolve_sprint, update_sprint
    from sprintkit.model.sprint import Sprint

    folder = Path(sys.argv[1])
    load_file(resolve_sprint(folder), Sprint, "sprint", fast=False)  # import everything now
    add_record(0)  # and the models
    load_file(resolve_sprint(folder), Sprint, "sprint", for_writing=True)  # as a write reads
    from sprintkit.files import yamlsplice  # noqa: F401 - the writer of the changed entries
    from sprintkit.files.lock import locked

    with locked(folder):  # the lock
        pass
    from sprintkit.files.yamlwrite import dump, fresh

    dump(fresh({"warm": [1]}))
    out = sys.stdout.fileno()
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] != "go":
            continue
        first = int(words[1])
        pid = os.fork()
        if pid == 0:  # the child writes until it is killed
            number = first
            while True:
                update_sprint(folder, add_record(number))
                os.write(out, f"done K{number}\n".encode())
                number += 1
        os.write(out, f"pid {pid}\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(out, f"dead {pid} {status}\n".encode())


if __name__ == "__main__":
    main()
