"""The story point (*vertelpunt*) in the browser: ``GET story`` shows the form (or the thank-you
note, or a friendly "not open" page), ``POST story`` checks and stores the story through
:mod:`sprintkit.ops.storypoint` and answers with a redirect (303) to the thank-you note; a story
with problems comes back with the messages and everything typed kept.

The server mounts :func:`routes` under its participant prefix and hands in a :class:`StoryHooks`:
who the participant is (``None`` → 403), whether the story point is open (closed → a page that
says so, a POST is refused with 409), and what to announce to the projector after a story is
stored (counts only, never the text). The body of a POST is read up to :data:`MAX_BODY` bytes;
more is refused with 413 before anything is parsed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.i18n import supported, t
from sprintkit.web.pages import environment

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute

    from sprintkit.ops.storypoint import StoryForm

MAX_BODY = 64 * 1024
"""The largest story form accepted, in bytes (a story of 5,000 characters fits many times)."""
MAX_FIELDS = 500
TEMPLATE = "storypoint.html.j2"


def _no_organisation(request: Request) -> str | None:
    return None


def _admitted(request: Request) -> int | None:
    return None


@dataclass
class StoryHooks:
    """What the story point needs from the server that mounts it."""

    folder: Path
    lang: str
    participant: Callable[[Request], str | None]
    """The participant behind a request, or None (the page answers 403)."""
    is_open: Callable[[], bool]
    """Whether the facilitator opened the story point (closed: a "not open" page; POST 409)."""
    announce: Callable[[Request, dict[str, Any]], None]
    """Called after a story is stored, with the request and counts and ids only (never story
    text)."""
    root: str = ""
    """The path prefix the app is served under (for the static files)."""
    organisation: Callable[[Request], str | None] = field(default=_no_organisation)
    """The organisation the participant chose when joining, if any (checked, not stored)."""
    admit: Callable[[Request], int | None] = field(default=_admitted)
    """Before a story is stored: an HTTP status that refuses this write (too many at once: 429,
    the session ended: 410), or None to go on."""


def routes(hooks: StoryHooks) -> list[BaseRoute]:
    """``GET`` and ``POST`` ``/story``, to mount under the participant prefix."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import HTMLResponse, RedirectResponse
    from starlette.routing import Route

    from sprintkit.errors import SprintkitError
    from sprintkit.ops.storypoint import StoryRefused, story_form, submit_story

    lang = supported(hooks.lang)
    forms: dict[str, StoryForm] = {}

    def words(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    async def form() -> StoryForm:
        if "form" not in forms:
            forms["form"] = await run_in_threadpool(story_form, hooks.folder, lang)
        return forms["form"]

    def page(state: str, status: int = 200, **context: Any) -> Response:
        values: dict[str, Any] = {"lang": lang, "root": hooks.root, "w": words, "state": state,
                                  "form": None, "values": {}, "problems": {}, "fid": element_id}
        values.update(context)
        html = environment().get_template(TEMPLATE).render(values)
        return HTMLResponse(html, status_code=status,
                            headers={"Cache-Control": "no-store"})

    async def show(request: Request) -> Response:
        if hooks.participant(request) is None:
            return page("forbidden", 403)
        if request.query_params.get("sent") == "1":  # also when it closed just after sending
            return page("thanks")
        if not hooks.is_open():
            return page("closed")
        return page("form", form=await form())

    async def send(request: Request) -> Response:
        if hooks.participant(request) is None:
            return page("forbidden", 403)
        if not hooks.is_open():
            return page("closed", 409)
        body = await _read_body(request)
        if body is None:
            return page("too_large", 413)
        fields = _parse(body, request.headers.get("content-type", ""))
        if fields is None:
            return page("bad_request", 400)
        story = await form()
        flat = {name: "|".join(v for v in values if v) for name, values in fields.items()}
        refusal = hooks.admit(request)
        if refusal == 429:  # too many at once: keep what was typed
            return page("form", 429, form=story, values=flat,
                        problems={"": words("storypoint.too_fast")})
        if refusal is not None:
            return page("closed", refusal)
        try:
            receipt = await run_in_threadpool(
                functools.partial(submit_story, hooks.folder, flat,
                                  organisation=hooks.organisation(request), lang=lang,
                                  form=story))
        except StoryRefused as exc:
            return page("form", 422, form=story, values=flat, problems=exc.problems)
        except SprintkitError:  # e.g. the store stayed busy: keep what was typed, try again
            return page("form", 503, form=story, values=flat,
                        problems={"": words("storypoint.store_failed")})
        try:
            hooks.announce(request, {"event": "story", **receipt.counts()})
        except Exception:  # the story is stored: a failing projector must not make them resend
            import logging

            logging.getLogger(__name__).exception("announcing story %s failed", receipt.id)
        return RedirectResponse("story?sent=1", status_code=303)

    return [Route("/story", show, methods=["GET"]), Route("/story", send, methods=["POST"])]


def element_id(name: str) -> str:
    """The page's element id for a form field (``s.what-mattered.family`` → ``f-s-what-mattered-
    family``)."""
    import re

    return "f-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


async def _read_body(request: Request) -> bytes | None:
    """The request body, or None when it is larger than :data:`MAX_BODY` (said or streamed)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > MAX_BODY:
                return None
        except ValueError:
            return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(body: bytes, content_type: str) -> dict[str, list[str]] | None:
    """The fields of an urlencoded form (each with all its values), or None when unreadable."""
    from urllib.parse import parse_qsl

    if content_type.split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        return None
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                          max_num_fields=MAX_FIELDS, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        return None
    fields: dict[str, list[str]] = {}
    for name, value in pairs:
        fields.setdefault(name, []).append(value)
    return fields
