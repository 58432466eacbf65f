"""The sprint folder's lock (sprintkit/files/lock.py) is filelock's native lock on a file that
sprintkit opens itself: it contends with any filelock user of the same file (both ways), never
follows a link, and says who holds it. (Two sprintkit processes, the timeout message and the
linked lock file are in test_concurrency.py and test_file_safety.py.)"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time

import pytest
from evidence_support import make_sprint

from sprintkit.errors import LockBusy, SprintkitError
from sprintkit.files import lock
from sprintkit.files.lock import LOCK_NAME, locked

FILELOCK_HOLDER = textwrap.dedent("""
    import sys, time
    from filelock import FileLock
    with FileLock(sys.argv[1]):
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_a_process_holding_the_file_with_filelock_keeps_sprintkit_out(cli, tmp_path,
                                                                     monkeypatch):
    folder = make_sprint(tmp_path / "s")
    before = (folder / "sprint.yaml").read_bytes()
    holder = subprocess.Popen([sys.executable, "-c", FILELOCK_HOLDER,
                               str(folder / LOCK_NAME), "30"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "0.3")
        res = cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "m",
                  "--target", ">=50%")
    finally:
        holder.kill()
        holder.communicate()
    assert res.exit_code == 1, res.output
    assert "wordt geschreven door proces" in " ".join(res.stderr.split())
    assert (folder / "sprint.yaml").read_bytes() == before


SPRINTKIT_HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sprintkit.files.lock import locked
    with locked(Path(sys.argv[1])):
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_sprintkit_holding_the_lock_keeps_a_filelock_user_out(tmp_path):
    """The other way round: filelock, in this process, waits for the lock sprintkit holds in
    another one, and takes it once that process has ended."""
    from filelock import FileLock, Timeout

    holder = subprocess.Popen([sys.executable, "-c", SPRINTKIT_HOLDER, str(tmp_path), "30"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(Timeout):
            FileLock(str(tmp_path / LOCK_NAME), timeout=0.3).acquire()
    finally:
        holder.kill()
        holder.communicate()
    with FileLock(str(tmp_path / LOCK_NAME), timeout=5):
        with pytest.raises(LockBusy):
            with locked(tmp_path, timeout=0.2):
                pass


def test_the_holder_is_written_after_the_first_byte_and_cleared_on_release(tmp_path):
    with locked(tmp_path):
        raw = (tmp_path / LOCK_NAME).read_bytes()
        assert raw[:1] == b"\n"  # Windows locks byte 0: nobody else could read it
        assert f'"pid": {os.getpid()}' in raw[1:].decode()
        with pytest.raises(LockBusy, match=f"proces {os.getpid()}"):
            with locked(tmp_path, timeout=0.1):
                pass  # a second open descriptor in this process waits like another process
    assert (tmp_path / LOCK_NAME).read_bytes() == b"\n"


def test_the_timeout_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "0.4")
    with locked(tmp_path):
        started = time.monotonic()
        with pytest.raises(LockBusy):
            with locked(tmp_path):
                pass
        assert 0.35 < time.monotonic() - started < 5
    monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "soon")
    assert lock._timeout() == 10.0


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                    reason="needs symbolic links without privileges")
def test_a_link_made_after_the_check_is_still_not_followed(tmp_path, monkeypatch):
    """Between the check for a link and the open, a link can appear: the open itself refuses
    it (O_NOFOLLOW) and the message names the link."""
    from sprintkit.files import safepath

    precious = tmp_path / "precious.txt"
    precious.write_text("keep\n", encoding="utf-8")
    folder = tmp_path / "s"
    folder.mkdir()
    real = safepath.refuse_link
    calls = []

    def late_link(path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 1:  # the check passes, then the link appears
            os.symlink(precious, path)
            return None
        return real(path, *args, **kwargs)

    monkeypatch.setattr(safepath, "refuse_link", late_link)
    with pytest.raises(SprintkitError, match="symbolische koppeling"):
        with locked(folder):
            pass
    assert precious.read_text(encoding="utf-8") == "keep\n"


def test_a_file_system_that_cannot_lock_is_refused_with_the_reason(tmp_path, monkeypatch):
    def cannot(fd, blocking=True):
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(lock, "descriptor_lock", lambda: (cannot, lambda fd: None))
    with pytest.raises(SprintkitError, match=os.strerror(errno.ENOLCK)):
        with locked(tmp_path):
            pass


def test_the_holder_note_names_this_machine_and_process(tmp_path) -> None:
    import socket

    with locked(tmp_path):
        holder = lock._read_holder(tmp_path / LOCK_NAME)
    assert holder["host"] == socket.gethostname()
    assert holder["pid"] == os.getpid()
