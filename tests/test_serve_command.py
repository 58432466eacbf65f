"""`sprintkit serve` itself: the real command in a child process on a free port (the join page
answers; Ctrl-C stops it with exit code 0 and a summary), its stop at --until, and its usage
errors (a bad or far --until, a busy port: exit code 2)."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from serve_support import allow_localhost, copy_example, free_port

from sprintkit.web.server import DEFAULT_HOURS, deadline


def _env(home) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPRINTKIT_", "LC_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local"), XDG_CACHE_HOME=str(home / ".cache"),
               LANG="C.UTF-8", NO_COLOR="1", COLUMNS="100", PYTHONUNBUFFERED="1")
    return env


def _start(folder, port, home) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sprintkit", "serve", "-s", str(folder), "--port", str(port)],
        env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(url: str, proc: subprocess.Popen[str]) -> httpx.Response:
    deadline_ = time.monotonic() + 60
    while True:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            assert time.monotonic() < deadline_, "the server did not answer"
            time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_answers_and_stops_cleanly(tmp_path, monkeypatch, sig):
    allow_localhost(monkeypatch)
    folder = copy_example(tmp_path)
    before = (folder / "sprint.yaml").read_text(encoding="utf-8")
    port = free_port()
    with _start(folder, port, tmp_path) as proc:
        out, stdout, stderr = _session(proc, port, sig)
    out += stdout
    assert proc.returncode == 0, stderr
    assert re.search(r"typ de code [A-Z0-9]{3}-[A-Z0-9]{3}", out)
    assert "█" in out  # the QR code
    assert re.search(r"Facilitator .*: http://127\.0\.0\.1:\d+/f/[\w-]{20,}", out)
    assert "Sessie gestopt (Ctrl-C)." in stderr
    assert "0 deelnemers" in stderr
    assert "Traceback" not in stderr
    assert (folder / "sprint.yaml").read_text(encoding="utf-8") == before  # nothing sent


def _session(proc: subprocess.Popen[str], port: int, sig: int) -> tuple[str, str, str]:
    try:
        home = _wait_for(f"http://127.0.0.1:{port}/", proc)
        assert home.status_code == 200
        assert 'name="code"' in home.text
        assert home.headers["content-security-policy"].startswith("default-src 'none'")
        # the join address printed for the facilitator opens the join page
        out = ""
        while "/j/" not in out:
            out += proc.stdout.readline()  # type: ignore[union-attr]
        join = re.search(r"http://127\.0\.0\.1:\d+/j/[\w-]+", out)
        assert join is not None
        assert httpx.get(join.group(0), timeout=5).status_code == 200
        proc.send_signal(sig)
        proc.wait(timeout=30)  # the output is small: the pipes cannot fill up
        stdout = proc.stdout.read()  # type: ignore[union-attr]
        stderr = proc.stderr.read()  # type: ignore[union-attr]
    finally:
        if proc.poll() is None:
            proc.kill()
    return out, stdout, stderr


def test_the_server_stops_by_itself_at_its_time(tmp_path, monkeypatch):
    from sprintkit.ops.live import LiveSession
    from sprintkit.web.app import create_app
    from sprintkit.web.server import run

    allow_localhost(monkeypatch)
    app = create_app(LiveSession(copy_example(tmp_path)))
    began = time.monotonic()
    stopped = run(app, "127.0.0.1", free_port(), dt.datetime.now() + dt.timedelta(seconds=1))
    assert stopped.reason == "until"
    assert time.monotonic() - began < 15
    assert app.state.stopping


def test_when_a_session_stops():
    now = dt.datetime(2026, 3, 5, 9, 0)
    assert deadline(None, now) == now + dt.timedelta(hours=DEFAULT_HOURS)
    assert deadline(dt.time(12, 30), now) == dt.datetime(2026, 3, 5, 12, 30)
    late = dt.datetime(2026, 3, 5, 23, 0)
    assert deadline(dt.time(1, 0), late) == dt.datetime(2026, 3, 6, 1, 0)  # after midnight
    with pytest.raises(ValueError):
        deadline(dt.time(8, 0), now)  # 23 hours ahead: never unattended that long


def test_usage_errors(cli, tmp_path):
    folder = copy_example(tmp_path)
    bad = cli("serve", "-s", str(folder), "--until", "half vijf")
    assert bad.exit_code == 2
    assert "--until verwacht een tijd als 16:30" in bad.stderr
    in_use = socket.socket()
    in_use.bind(("127.0.0.1", 0))
    in_use.listen()
    try:
        busy = cli("serve", "-s", str(folder), "--port", str(in_use.getsockname()[1]))
    finally:
        in_use.close()
    assert busy.exit_code == 2
    assert "is al in gebruik" in busy.stderr
    missing = cli("serve", "-s", str(tmp_path / "nergens"))
    assert missing.exit_code == 1


def test_the_lan_address_is_asked_of_the_kernel_without_sending(monkeypatch):
    """--lan binds to the address the default route leaves from; finding it "connects" a UDP
    socket, which sends nothing. Without a network it falls back to this computer only."""
    import ipaddress

    from sprintkit.web.server import lan_address

    sent: list[object] = []
    real_connect = socket.socket.connect

    def udp_only(self: socket.socket, address: object) -> object:
        assert self.type == socket.SOCK_DGRAM, "only a UDP socket is connected"
        sent.append(address)
        try:
            return real_connect(self, address)  # type: ignore[arg-type]
        except AssertionError:  # the test's network guard: as if there were no route
            raise OSError("no route") from None

    monkeypatch.setattr(socket.socket, "connect", udp_only)
    monkeypatch.setattr(socket.socket, "sendto", lambda *a: pytest.fail("a packet was sent"))
    found = lan_address()
    assert ipaddress.ip_address(found).version == 4
    assert len(sent) == 1
