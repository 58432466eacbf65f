"""The Starlette app of a live session: the participant's and the facilitator's routes, the
static files (scripts and styles shipped in the package; no CDN), and the guard every answer
passes (security headers, request size limit).

**The seam for the story point.** The story point's page is mounted by passing its routes as
``extra_routes`` (they are added before the others) and the address participants are sent to
when a ``story`` activity is open as ``story_path``. Its handlers get the session as
``request.app.state.live`` and, for every write, do what the built-in activities do::

    session = request.app.state.live
    who = session.participant(request.cookies.get(COOKIE))      # Refused: wrong/missing token
    act = session.require(who, "story", form["activity"])      # Refused: closed, rate, ended
    ... save the story through its own ops (pseudonymised on entry) ...
    session.counted(who, act)                                   # the projector's tally

The tally counts what :meth:`~sprintkit.ops.live.LiveSession.counted` was told (the hook for
the projector). Without story routes the ``story`` activity is not offered."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sprintkit.web.pages import STATIC
from sprintkit.web.security import MAX_STORY_BODY, Attempts, Guard

if TYPE_CHECKING:
    from starlette.routing import BaseRoute

    from sprintkit.ops.live import LiveSession


def create_app(session: LiveSession, *, extra_routes: Sequence[BaseRoute] = (),
               story_path: str = "/p/story") -> Any:
    """The ASGI app serving ``session`` (the :class:`Guard` around a Starlette app)."""
    from starlette.applications import Starlette
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    from sprintkit.web import facilitator, participant

    app = Starlette(routes=[
        *extra_routes,
        *participant.routes(),
        *facilitator.routes(),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ])
    app.state.live = session
    app.state.attempts = Attempts()
    app.state.stopping = False
    app.state.story_path = story_path
    session.story = session.story and bool(extra_routes)
    return Guard(app, larger={story_path: MAX_STORY_BODY} if extra_routes else None)
