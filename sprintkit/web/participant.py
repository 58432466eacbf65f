"""The participant's pages (phone first): the code page, joining (anonymous, or for one of the
sprint's parties), and the open activity — sticky notes, dots, impact and effort. Every form is
a plain POST answered with a redirect (it works without JavaScript); ``live.js`` only adds the
live reload when the facilitator opens another activity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.web.common import (
    COOKIE,
    event_stream,
    form,
    go,
    live,
    page,
    participant,
    refused,
    root,
)

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

DONE = ("note", "same", "vote", "score", "story")
"""What a page may say was just done (``?done=``): only these, never text from the address."""


async def home(request: Request) -> Response:
    return page(request, "home.html.j2", wrong=False)


async def code(request: Request) -> Response:
    from sprintkit.ops.live import Refused

    session = live(request)
    client = request.client.host if request.client else "?"
    attempts = request.app.state.attempts
    if attempts.blocked(client):
        return refused(request, Refused("guessing", session.word("live.refused_guessing")), "/")
    typed = (await form(request)).get("code", "")
    if not session.check_code(typed[:40]):
        attempts.wrong(client)
        return page(request, "home.html.j2", 403, wrong=True)
    return go(request, "/j/" + session.join_token)


async def join_page(request: Request) -> Response:
    from sprintkit.ops.live import Refused

    session = live(request)
    if not session.check_join(request.path_params["token"]):
        return refused(request, Refused("token", session.word("live.refused_join")), "/")
    try:
        participant(request)
        return go(request, "/p")  # joined before on this phone
    except Refused:
        pass
    return page(request, "join.html.j2", parties=session.parties,
                token=session.join_token)


async def join(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sprintkit.ops.live import Refused

    session = live(request)
    if not session.check_join(request.path_params["token"]):
        return refused(request, Refused("token", session.word("live.refused_join")), "/")
    fields = await form(request)
    try:
        who = await run_in_threadpool(session.join, fields.get("organisation") or None)
    except Refused as exc:
        return refused(request, exc)
    answer = go(request, "/p")
    answer.set_cookie(COOKIE, who.token, httponly=True, samesite="strict",
                      secure=request.url.scheme == "https", path=(root(request) or "/"))
    return answer


async def activity(request: Request) -> Response:
    from sprintkit.ops.live import Refused

    session = live(request)
    try:
        who = participant(request)
    except Refused as exc:
        return refused(request, exc, "/")
    act = session.activity
    context: dict[str, Any] = {"act": act, "who": who, "ended": session.ended is not None,
                               "done": request.query_params.get("done") if
                               request.query_params.get("done") in DONE else None}
    if act is not None and act.kind == "story":
        return go(request, request.app.state.story_path)
    if act is not None and act.kind == "notes":
        context["notes"] = [n for n in session.notes
                            if n.activity == act.id and n.merged_into is None]
    if act is not None and act.kind == "vote":
        context["left"] = act.dots - who.dots.get(act.id, 0)
    if act is not None and act.kind == "score":
        context["mine"] = who.scores.get(act.id, {})
    return page(request, "participant.html.j2", **context)


async def add_note(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sprintkit.ops.live import Refused

    session = live(request)
    try:
        who = participant(request)
        fields = await form(request)
        note = await run_in_threadpool(session.add_note, who, fields.get("activity"),
                                       fields.get("text", ""))
    except Refused as exc:
        return refused(request, exc, "/p")
    return go(request, "/p?done=" + ("note" if note is not None else "same"))


async def vote(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sprintkit.ops.live import Refused

    session = live(request)
    try:
        who = participant(request)
        fields = await form(request)
        act = session.activity
        items = act.items if act is not None else []
        dots = {item: _count(fields.get(f"d{n}", "")) for n, item in enumerate(items)}
        if any(v is None for v in dots.values()):
            raise session.refuse("invalid")
        await run_in_threadpool(session.vote, who, fields.get("activity"),
                                {k: v for k, v in dots.items() if v})
    except Refused as exc:
        return refused(request, exc, "/p")
    return go(request, "/p?done=vote")


async def score(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    from sprintkit.ops.live import Refused

    session = live(request)
    try:
        who = participant(request)
        fields = await form(request)
        act = session.activity
        items = act.items if act is not None else []
        given: dict[str, tuple[int, int]] = {}
        for n, item in enumerate(items):
            impact, effort = _count(fields.get(f"i{n}", "")), _count(fields.get(f"e{n}", ""))
            if impact is None or effort is None:
                raise session.refuse("invalid")
            if impact or effort:
                if not (impact and effort):
                    raise session.refuse("both")
                given[item] = (impact, effort)
        await run_in_threadpool(session.score, who, fields.get("activity"), given)
    except Refused as exc:
        return refused(request, exc, "/p")
    return go(request, "/p?done=score")


def _count(text: str) -> int | None:
    """A form's number: empty is 0; anything but a small whole number is ``None``."""
    text = text.strip()
    if not text:
        return 0
    return int(text) if text.isdigit() and len(text) <= 3 else None


async def events(request: Request) -> Response:
    """Server-sent events for the participant's page: the open activity's id whenever it
    changes (the page reloads to show it)."""
    from sprintkit.ops.live import Refused

    session = live(request)
    try:
        participant(request)
    except Refused as exc:
        return refused(request, exc)

    def current() -> str:
        act = session.activity
        return f"{act.id if act else 0}-{int(session.ended is not None)}"

    return event_stream(request, current)


def routes() -> list[BaseRoute]:
    from starlette.routing import Route

    return [
        Route("/", home),
        Route("/code", code, methods=["POST"]),
        Route("/j/{token}", join_page),
        Route("/j/{token}", join, methods=["POST"]),
        Route("/p", activity),
        Route("/p/note", add_note, methods=["POST"]),
        Route("/p/vote", vote, methods=["POST"]),
        Route("/p/score", score, methods=["POST"]),
        Route("/p/events", events),
    ]
