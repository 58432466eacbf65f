"""Running a live session on uvicorn: the address to bind (local only, or the laptop's address
on the local network), the time it stops by itself, and a clean stop on Ctrl-C (or SIGTERM)
that ends the live streams at once instead of waiting for the phones to hang up."""

from __future__ import annotations

import datetime as dt
import signal
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEFAULT_PORT = 8765
DEFAULT_HOURS = 4
"""Without ``--until`` a session stops after this many hours: it never runs unattended."""
MAX_HOURS = 12


@dataclass
class Stopped:
    """Why the server stopped: ``interrupt`` (Ctrl-C, SIGTERM) or ``until`` (its time)."""

    reason: str


def lan_address() -> str:
    """The laptop's address on the local network: the one its default route leaves from. A UDP
    socket is "connected" to a private address only to ask the kernel which interface it would
    use; no packet is sent."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 9))
        address = str(probe.getsockname()[0])
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


def deadline(until: dt.time | None, now: dt.datetime) -> dt.datetime:
    """When the session stops: ``until`` today (tomorrow when that has passed), else
    :data:`DEFAULT_HOURS` from ``now``. ``ValueError`` beyond :data:`MAX_HOURS`."""
    if until is None:
        return now + dt.timedelta(hours=DEFAULT_HOURS)
    at = now.replace(hour=until.hour, minute=until.minute, second=0, microsecond=0)
    if at <= now:
        at += dt.timedelta(days=1)
    if at - now > dt.timedelta(hours=MAX_HOURS):
        raise ValueError(at)
    return at


def free_port(host: str, port: int) -> bool:
    """Whether ``port`` on ``host`` can be bound now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def run(app: Any, host: str, port: int, stop_at: dt.datetime, *, root_path: str = "",
        started: Callable[[], None] | None = None) -> Stopped:
    """Serve ``app`` until Ctrl-C, SIGTERM or ``stop_at``; returns why it stopped."""
    import uvicorn

    state = app.state
    why = Stopped("interrupt")

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            state.stopping = True
            super().handle_exit(sig, frame)

        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if started is not None and not self.should_exit:
                started()

    config = uvicorn.Config(app, host=host, port=port, root_path=root_path, log_level="warning",
                            access_log=False, proxy_headers=True, server_header=False,
                            timeout_graceful_shutdown=3, lifespan="off")
    server = Server(config)

    def at_deadline() -> None:
        why.reason = "until"
        state.stopping = True
        server.should_exit = True

    seconds = max(0.0, (stop_at - dt.datetime.now(stop_at.tzinfo)).total_seconds())
    timer = threading.Timer(seconds, at_deadline)
    timer.daemon = True
    timer.start()
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.run()
    except KeyboardInterrupt:
        pass  # uvicorn passes on the Ctrl-C it handled: the server has stopped cleanly
    finally:
        timer.cancel()
        signal.signal(signal.SIGTERM, previous)
    return why
