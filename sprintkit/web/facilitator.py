"""The facilitator's pages, behind the facilitator token (in the address, never shown to
participants): the control page (open and close an activity, merge duplicate notes, close the
session), the projector view in big type, the live tally (an HTML fragment, its JSON, and
server-sent events saying it changed) and the join QR code."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sprintkit.web.common import event_stream, form, go, live, page, refused, root
from sprintkit.web.pages import qr_svg, render

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute


def _allowed(request: Request) -> bool:
    return live(request).check_facilitator(request.path_params["token"])


def _not_found() -> Response:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse("404 Not Found", status_code=404)


def join_url(request: Request) -> str:
    """The address participants join with, as this request reached the server."""
    base = str(request.base_url).rstrip("/")
    return f"{base}/j/{live(request).join_token}"


def _context(request: Request) -> dict[str, Any]:
    session = live(request)
    base = f"/f/{session.facilitator_token}"
    return {"tally": session.tally(), "base": base, "code": session.code,
            "join": join_url(request), "home": str(request.base_url)}


async def control(request: Request) -> Response:
    if not _allowed(request):
        return _not_found()
    session = live(request)
    notes = [n for n in session.notes if n.merged_into is None]
    return page(request, "facilitator.html.j2", targets=session.targets(), notes=notes,
                act=session.activity, ended=session.ended is not None,
                summary=session.summary(), **_context(request))


async def screen(request: Request) -> Response:
    if not _allowed(request):
        return _not_found()
    return page(request, "screen.html.j2", **_context(request))


async def tally_fragment(request: Request) -> Response:
    from starlette.responses import HTMLResponse

    if not _allowed(request):
        return _not_found()
    session = live(request)
    return HTMLResponse(render("tally.html.j2", session.lang, root(request),
                               **_context(request)))


async def tally_json(request: Request) -> Response:
    from starlette.responses import JSONResponse

    if not _allowed(request):
        return _not_found()
    return JSONResponse(live(request).tally())


async def qr(request: Request) -> Response:
    from starlette.responses import Response

    if not _allowed(request):
        return _not_found()
    svg = qr_svg(join_url(request), live(request).word("live.qr_title"))
    return Response(svg, media_type="image/svg+xml")


async def events(request: Request) -> Response:
    """Server-sent events: the session's version whenever something changed (checked four
    times a second), so the projector fetches the tally again within a second."""
    if not _allowed(request):
        return _not_found()
    session = live(request)
    return event_stream(request, lambda: json.dumps({"version": session.version}))


async def open_activity(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sprintkit.ops.live import Refused

    if not _allowed(request):
        return _not_found()
    session = live(request)
    kind, _, rest = (await form(request)).get("target", "").partition(":")
    phase, _, output = rest.partition(":")
    try:
        await run_in_threadpool(session.open, kind, phase, output)
    except Refused as exc:
        return refused(request, exc, f"/f/{session.facilitator_token}")
    return go(request, f"/f/{session.facilitator_token}")


async def close_activity(request: Request) -> Response:
    if not _allowed(request):
        return _not_found()
    session = live(request)
    session.close()
    return go(request, f"/f/{session.facilitator_token}")


async def merge(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sprintkit.ops.live import Refused

    if not _allowed(request):
        return _not_found()
    session = live(request)
    fields = await form(request)
    keep, drop = fields.get("keep", ""), fields.get("drop", "")
    try:
        if not (keep.isdigit() and drop.isdigit()):
            raise session.refuse("invalid")
        await run_in_threadpool(session.merge, int(keep), int(drop))
    except Refused as exc:
        return refused(request, exc, f"/f/{session.facilitator_token}")
    return go(request, f"/f/{session.facilitator_token}")


async def end(request: Request) -> Response:
    if not _allowed(request):
        return _not_found()
    session = live(request)
    session.end()
    return go(request, f"/f/{session.facilitator_token}")


def routes() -> list[BaseRoute]:
    from starlette.routing import Route

    return [
        Route("/f/{token}", control),
        Route("/f/{token}/screen", screen),
        Route("/f/{token}/tally", tally_fragment),
        Route("/f/{token}/tally.json", tally_json),
        Route("/f/{token}/events", events),
        Route("/f/{token}/qr.svg", qr),
        Route("/f/{token}/open", open_activity, methods=["POST"]),
        Route("/f/{token}/close", close_activity, methods=["POST"]),
        Route("/f/{token}/merge", merge, methods=["POST"]),
        Route("/f/{token}/end", end, methods=["POST"]),
    ]
