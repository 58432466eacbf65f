"""What the participant's and the facilitator's pages share: the session of the app, the path
prefix, a page answer, a refusal shown as a page, and the participant from the cookie."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sprintkit.web.pages import render

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from sprintkit.ops.live import LiveSession, Participant, Refused

COOKIE = "sk_p"
STATUS = {"token": 403, "closed": 409, "allowance": 409, "rate": 429, "invalid": 422,
          "empty": 422, "too_long": 422, "ended": 410, "failed": 503, "code": 403,
          "guessing": 429}


def live(request: Request) -> LiveSession:
    session: LiveSession = request.app.state.live
    return session


def root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    from starlette.responses import HTMLResponse

    session = live(request)
    html = render(name, session.lang, root(request), title=session.title, **context)
    return HTMLResponse(html, status_code=status)


def refused(request: Request, exc: Refused, back: str | None = None) -> Response:
    """A refused write as a page with the reason, and the way back."""
    return page(request, "message.html.j2", STATUS.get(exc.reason, 400), message=exc.message,
                reason=exc.reason, back=back)


def go(request: Request, path: str) -> Response:
    """After a form: back to a page with GET (POST, redirect, GET)."""
    from starlette.responses import RedirectResponse

    return RedirectResponse(root(request) + path, status_code=303)


def participant(request: Request) -> Participant:
    """The participant of the request's cookie (:class:`~sprintkit.ops.live.Refused` when the
    cookie is missing or wrong)."""
    return live(request).participant(request.cookies.get(COOKIE))


async def form(request: Request) -> dict[str, str]:
    """The posted form's text fields (a field given twice: the first)."""
    data = await request.form(max_files=0, max_fields=200)
    fields: dict[str, str] = {}
    for key, value in data.multi_items():
        if isinstance(value, str):
            fields.setdefault(key, value)
    return fields


def event_stream(request: Request, watch: Callable[[], str]) -> Response:
    """Server-sent events: ``watch()`` whenever it changes (checked four times a second), a
    keep-alive comment after 15 quiet seconds; ends when the client goes or the server stops."""
    import asyncio

    from starlette.responses import StreamingResponse

    async def stream() -> Any:
        last = None
        quiet = 0.0
        while not request.app.state.stopping:
            now = watch()
            if now != last:
                last = now
                yield f"data: {now}\n\n"
                quiet = 0.0
            elif quiet >= 15:
                yield ": keep-alive\n\n"
                quiet = 0.0
            await asyncio.sleep(0.25)
            quiet += 0.25
            if await request.is_disconnected():
                break

    return StreamingResponse(stream(), media_type="text/event-stream")
