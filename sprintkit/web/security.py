"""What every answer of the live session carries and every request is held to: the security
headers (a strict Content-Security-Policy: only the server's own scripts, styles and images, no
inline script or style, no framing, forms only to itself), a limit on the size of a request
body, and a limit on guessing the join code. A plain ASGI middleware (no Starlette import), so
it also guards requests a route never sees."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
MAX_BODY = 16 * 1024
"""The largest request body taken, in bytes: a sticky note is 280 characters, a vote form a few
hundred bytes."""
MAX_STORY_BODY = 64 * 1024
"""The story point's form: a story of 5,000 characters with accents, encoded for a form post,
may take about 30 KB (:data:`sprintkit.web.storypoint.MAX_BODY` is the same)."""


class Guard:
    """Adds :data:`HEADERS` to every answer and refuses a body over ``max_body`` bytes (413),
    whether the client says its length or not."""

    def __init__(self, app: App, max_body: int = MAX_BODY,
                 larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.larger = larger or {}
        """Paths (their ending, so also under a path prefix) that may take a larger body."""
        self.state: Any = getattr(app, "state", None)  # the Starlette app's, for the server

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = next((n for end, n in self.larger.items() if path.endswith(end)), self.max_body)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _too_large(send)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            body = await _read_body(receive, limit)
            if body is None:
                await _too_large(send)
                return
            receive = _replay(body, receive)

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {h[0].lower() for h in HEADERS}
                kept = [h for h in message.get("headers", []) if h[0].lower() not in names]
                message["headers"] = kept + HEADERS
            await send(message)

        await self.app(scope, receive, secured)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, read before the app sees it; ``None`` past ``limit`` bytes
    (whether the client said its length or streamed it)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _too_large(send: Send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": b"413 Request Entity Too Large"})


class Attempts:
    """At most ``limit`` wrong join codes per client address per ``window`` seconds: the code is
    short (easy to type from a screen), so guessing it must be slow."""

    def __init__(self, limit: int = 10, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._wrong: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self._wrong.get(client, []) if now - t < self.window]
            self._wrong[client] = recent
            return len(recent) >= self.limit

    def wrong(self, client: str) -> None:
        with self._lock:
            self._wrong.setdefault(client, []).append(time.monotonic())
