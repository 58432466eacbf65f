"""A small Starlette app around the story point's routes, as the server would mount them: under
a participant prefix, with the static files and a strict Content-Security-Policy."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sprintkit.web.security import CSP  # the policy the live session's server sends

ROOT = Path(__file__).resolve().parent.parent
FOODVALLEY = ROOT / "examples" / "foodvalley-stories"
STATIC = ROOT / "sprintkit" / "web" / "static"
PREFIX = "/p/abc123"
KNOWN_NAME = "Annelies Bakker"


def copy_foodvalley(folder: Path, lang: str = "nl") -> Path:
    """The Foodvalley story cycle without its stories (an empty stories.db to start from); a
    name in its key file."""
    from sprintkit.ops.keyfile import key_file

    shutil.copytree(FOODVALLEY, folder, ignore=shutil.ignore_patterns(
        "stories.db", "reports", "verhalen.csv", "generate_stories.py"))
    if lang != "nl":
        path = folder / "sprint.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("language: nl",
                                                                 f"language: {lang}"),
                        encoding="utf-8")
    key = Path(key_file(sprint=folder, create=True)["path"])
    with key.open("a", encoding="utf-8") as handle:
        handle.write(KNOWN_NAME + "\n")
    return folder


@dataclass
class Room:
    """The switches a test turns: who the participant is, whether the story point is open, and
    what was announced."""

    participant: str | None = "p-1"
    open: bool = True
    organisation: str | None = None
    announced: list[dict[str, Any]] = field(default_factory=list)
    projector_broken: bool = False
    refusal: int | None = None
    """What the server's admission check says about a write (429 too fast, 410 ended)."""

    def announce(self, request: Any, event: dict[str, Any]) -> None:
        if self.projector_broken:
            raise RuntimeError("the projector is gone")
        self.announced.append(event)


def make_app(folder: Path, lang: str = "nl", room: Room | None = None,
             extra: list[Any] | None = None) -> tuple[Any, Room]:
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    from sprintkit.web.storypoint import StoryHooks, routes

    room = room or Room()
    hooks = StoryHooks(folder=folder, lang=lang,
                       participant=lambda request: room.participant
                       if request.path_params.get("code") == "abc123" else None,
                       is_open=lambda: room.open, announce=room.announce,
                       organisation=lambda request: room.organisation,
                       admit=lambda request: room.refusal)
    app = Starlette(routes=[Mount(PREFIX.replace("abc123", "{code}"), routes=routes(hooks)),
                            Mount("/static", StaticFiles(directory=STATIC)), *(extra or [])],
                    middleware=[Middleware(Policy)])
    return app, room


class Policy:
    """Adds the strict Content-Security-Policy to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"content-security-policy", CSP.encode())]
            await send(message)

        await self.app(scope, receive, sending)


def stored(folder: Path) -> list[Any]:
    """Every story in the sprint's stories.db (none when it does not exist yet)."""
    from sprintkit.files.storystore import StoryStore

    db = folder / "stories.db"
    if not db.exists():
        return []
    with StoryStore.open(db, inside=folder) as store:
        return list(store.stories())
