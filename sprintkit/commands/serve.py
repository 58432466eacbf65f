"""`sprintkit serve`: a live session in the browser — participants join on their phones, the
projector shows the live tally, the results land in the sprint."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, SprintOpt

if TYPE_CHECKING:
    import datetime as dt


def serve(
    sprint: SprintOpt = Path("."),
    host: Annotated[
        str,
        typer.Option("--host", metavar="ADDRESS",
                     help="The address to listen on (default: this computer only)."),
    ] = "127.0.0.1",
    lan: Annotated[
        bool,
        typer.Option("--lan", help="Listen on this laptop's address on the local network, so "
                     "phones on the same network can join."),
    ] = False,
    port: Annotated[
        int,
        typer.Option("--port", min=1, max=65535, help="The port to listen on."),
    ] = 8765,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="HH:MM", help="Stop at this time (today, or tomorrow "
                     "when it has passed; at most 12 hours ahead). Default: 4 hours after the "
                     "start.", show_default=False),
    ] = None,
    root_path: Annotated[
        str,
        typer.Option("--root-path", metavar="PATH", help="The path prefix a reverse proxy "
                     "serves the session under (e.g. /vertelpunt)."),
    ] = "",
) -> None:
    """Run a live session: participants join on their phones (by QR code or a short code),
    add sticky notes, dot-vote and score impact and effort; the projector view shows the live
    tally. Everything lands in sprint.yaml at once, the way `run` saves it.

    Prints the join address, its code and a QR code, and the facilitator's address (keep it
    to yourself: it opens and closes activities). Ctrl-C stops the session (exit code 0: what
    was sent is already saved); so does --until, or 4 hours after the start.
    """
    from sprintkit.errors import UsageError
    from sprintkit.i18n import msg
    from sprintkit.ops.live import LiveSession
    from sprintkit.ui import console
    from sprintkit.web import server
    from sprintkit.web.app import create_app
    from sprintkit.web.pages import qr_text
    from sprintkit.web.story_routes import story_routes

    session = LiveSession(sprint)
    stop_at = _stop_at(until)
    address = server.lan_address() if lan else host
    if not server.free_port(address, port):
        raise UsageError(msg("live.port_busy", port=port), hint=msg("live.port_hint"))
    prefix = "/" + root_path.strip("/") if root_path.strip("/") else ""
    shown = f"[{address}]" if ":" in address else address
    base = f"http://{shown}:{port}{prefix}"
    join = f"{base}/j/{session.join_token}"

    def started() -> None:
        console.emit_text(msg("live.started", title=session.title) + "\n\n"
                          + msg("live.join_at", url=base + "/", code=_dashed(session.code))
                          + "\n" + msg("live.join_direct", url=join) + "\n\n"
                          + qr_text(join) + "\n"
                          + msg("live.facilitator_at", url=f"{base}/f/"
                                f"{session.facilitator_token}") + "\n"
                          + msg("live.stops", time=stop_at.strftime("%H:%M")) + "\n")
        if address.startswith("127.") and not lan:
            console.info(msg("live.local_only"))

    app = create_app(session, extra_routes=story_routes(session, prefix))
    why = server.run(app, address, port, stop_at, root_path=prefix, started=started)
    summary = session.end()
    console.info(msg("live.stopped_" + why.reason))
    for row in summary["activities"]:
        target = f"{row['phase']}.{row['output']}" if row["output"] else row["kind"]
        console.info(msg("live.summary_row", label=row["label"], target=target,
                         count=row["count"]))
    console.success(msg("live.summary", participants=summary["participants"],
                        transactions=summary["transactions"]))


def _dashed(code: str) -> str:
    return f"{code[:3]}-{code[3:]}"


def _stop_at(until: str | None) -> dt.datetime:
    import datetime as dt
    import re

    from sprintkit.errors import UsageError
    from sprintkit.i18n import msg
    from sprintkit.web.server import deadline

    when = None
    if until is not None:
        match = re.fullmatch(r"([01]?\d|2[0-3])[:.]([0-5]\d)", until.strip())
        if not match:
            raise UsageError(msg("live.bad_until", got=until))
        when = dt.time(int(match.group(1)), int(match.group(2)))
    try:
        return deadline(when, dt.datetime.now())
    except ValueError:
        raise UsageError(msg("live.until_far", got=until)) from None


def register(app: typer.Typer) -> None:
    """Add `serve` to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(serve)
