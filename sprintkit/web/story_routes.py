"""The story point inside a live session: :mod:`sprintkit.web.storypoint`'s page, mounted at
``/p/story`` with hooks that ask the session (:class:`~sprintkit.ops.live.LiveSession`) who the
participant is, whether a story activity is open, whether this write is within the participant's
allowance (the same rate limit as a note or a vote), and that tell the projector a story came
in (counted, never shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.web.common import COOKIE, STATUS

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.routing import BaseRoute

    from sprintkit.ops.live import LiveSession, Participant

PREFIX = "/p"
"""Where the participant's pages live; the story point is ``/p/story``."""


def story_routes(session: LiveSession, root: str = "") -> list[BaseRoute]:
    """The story point's routes for ``session``, their paths under :data:`PREFIX`."""
    from starlette.routing import Route

    from sprintkit.ops.live import Refused
    from sprintkit.web.storypoint import StoryHooks, routes

    def who(request: Request) -> Participant | None:
        try:
            return session.participant(request.cookies.get(COOKIE))
        except Refused:
            return None

    def participant(request: Request) -> str | None:
        found = who(request)
        return None if found is None else str(found.id)

    def is_open() -> bool:
        act = session.activity
        return session.ended is None and act is not None and act.kind == "story"

    def admit(request: Request) -> int | None:
        found, act = who(request), session.activity
        if found is None:
            return STATUS["token"]
        try:
            request.state.story_activity = session.require(found, "story",
                                                           act.id if act else None)
        except Refused as exc:
            return STATUS.get(exc.reason, 409)
        return None

    def announce(request: Request, event: dict[str, Any]) -> None:
        found = who(request)
        act = getattr(request.state, "story_activity", None)
        if found is not None and act is not None:
            session.counted(found, act)

    def organisation(request: Request) -> str | None:
        found = who(request)
        return None if found is None else found.organisation

    hooks = StoryHooks(folder=session.path.parent, lang=session.lang, participant=participant,
                       is_open=is_open, announce=announce, root=root,
                       organisation=organisation, admit=admit)
    return [Route(PREFIX + route.path, route.endpoint, methods=sorted(route.methods or ()))
            for route in routes(hooks) if isinstance(route, Route)]
