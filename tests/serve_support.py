"""Helpers for the live-session tests: a copy of the co-creation example, a participant with
its own cookie jar, and a real uvicorn server on a free localhost port in a thread (for the
server-sent events, which Starlette's TestClient cannot stream)."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zuid-limburg-co-creation"
LOCAL = ("127.0.0.1", "::1", "localhost")


def copy_example(tmp_path: Path) -> Path:
    target = tmp_path / "zl"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("reports", "*.docx"))
    return target


def allow_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the test reach a server on this machine (still nothing beyond it)."""
    guarded = socket.socket.connect

    def local_only(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] in LOCAL:
            return _real_connect(self, address)
        return guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", local_only)


_real_connect = socket.socket.connect  # taken when this module is imported, before any patch


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve ``app`` on a free localhost port in a thread; yields the base address."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            access_log=False, lifespan="off", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        app.state.stopping = True
        server.should_exit = True
        thread.join(10)


def join(client: Any, session: Any, organisation: str = "") -> None:
    """Join ``session`` the way a phone does: the code, the join page, the form."""
    got = client.post("/code", data={"code": session.code}, follow_redirects=False)
    assert got.status_code == 303
    where = got.headers["location"]
    assert client.get(where).status_code == 200
    done = client.post(where, data={"organisation": organisation}, follow_redirects=False)
    assert done.status_code == 303, done.text
    assert "sk_p" in client.cookies


def activity_id(html: str) -> str:
    found = re.search(r'name="activity" value="(\d+)"', html)
    assert found, html[:500]
    return found.group(1)
