"""The live session under the co-creation group's load, timed from the phones' side:
``python benchmarks/live_load.py SPRINT_FOLDER``.

A real server (uvicorn, in a thread) on a free localhost port serves a live session on a copy of
the sprint; 45 participants (httpx clients, one thread each) join, add 5 sticky notes each, give
their 3 dots and score a solution, all at once per step, while the projector's event stream is
connected. Between their contributions every participant also fetches a reference route — a
static Starlette answer of the same app, the same server, under the same load — so the two
response-time distributions are measured in the same run on the same busy machine.

Prints ``METRICS {"p95_contribution": s, "p95_reference": s, "p50_contribution": s, …}`` for the
benchmark harness (``benchmarks/cases/serve.py``) and fails when a contribution was lost."""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PEOPLE = 45
NOTES = 5


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main(source: Path) -> int:
    import httpx
    import uvicorn
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.live import LiveSession
    from sprintkit.web.app import create_app

    scratch = Path(tempfile.mkdtemp(prefix="sprintkit-live-"))
    folder = scratch / "sprint"
    shutil.copytree(source, folder)

    async def reference(request: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    session = LiveSession(folder)
    app = create_app(session, extra_routes=[Route("/reference", reference)])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="off",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    fac = f"{base}/f/{session.facilitator_token}"
    contribution: list[float] = []
    reference_times: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def projector() -> None:
        with httpx.Client(timeout=None) as screen, screen.stream("GET", fac + "/events") as s:
            for _ in s.iter_lines():
                if stop.is_set():
                    break

    def timed(client: httpx.Client, path: str, data: dict[str, str]) -> None:
        began = time.perf_counter()
        got = client.post(path, data=data, follow_redirects=False)
        took = time.perf_counter() - began
        if got.status_code != 303:
            raise SystemExit(f"{path}: {got.status_code}")
        began = time.perf_counter()
        ref = client.get("/reference")
        ref_took = time.perf_counter() - began
        assert ref.status_code == 200
        with lock:
            contribution.append(took)
            reference_times.append(ref_took)

    def activity(client: httpx.Client) -> str:
        page = client.get("/p").text
        return page.split('name="activity" value="', 1)[1].split('"', 1)[0]

    sse = threading.Thread(target=projector, daemon=True)
    sse.start()
    phones = [httpx.Client(base_url=base, timeout=300) for _ in range(PEOPLE)]
    with httpx.Client(timeout=300) as f, ThreadPoolExecutor(PEOPLE) as pool:
        def join(phone: httpx.Client) -> None:
            phone.post("/code", data={"code": session.code})
            phone.post(f"/j/{session.join_token}", data={})

        list(pool.map(join, phones))
        f.post(fac + "/open", data={"target": "notes:pain-points:pain_points"})

        def notes(n: int) -> None:
            act = activity(phones[n])
            for k in range(NOTES):
                timed(phones[n], "/p/note", {"activity": act, "text": f"Deelnemer {n} punt {k}"})

        list(pool.map(notes, range(PEOPLE)))
        f.post(fac + "/open", data={"target": "vote:prioritise:pain_point_votes"})
        items = len(session.activity.items)  # type: ignore[union-attr]

        def vote(n: int) -> None:
            timed(phones[n], "/p/vote", {"activity": activity(phones[n]),
                                         **{f"d{(n + j) % items}": "1" for j in range(3)}})

        list(pool.map(vote, range(PEOPLE)))
        f.post(fac + "/open", data={"target": "score:solutions:solution_scores"})

        def score(n: int) -> None:
            timed(phones[n], "/p/score", {"activity": activity(phones[n]),
                                          f"i{n % 7}": str(n % 5 + 1), f"e{n % 7}": "3"})

        list(pool.map(score, range(PEOPLE)))
    stop.set()
    session.close()
    for phone in phones:
        phone.close()
    server.should_exit = True
    app.state.stopping = True
    thread.join(10)
    saved = load_sprint(folder).model.phases["pain-points"].outputs["pain_points"]
    lost = PEOPLE * NOTES - sum(1 for i in saved if str(i).startswith("Deelnemer "))
    shutil.rmtree(scratch, ignore_errors=True)
    if lost:
        print(f"{lost} notes were lost", file=sys.stderr)
        return 1
    print("METRICS " + json.dumps({
        "p95_contribution": p95(contribution), "p95_reference": p95(reference_times),
        "p50_contribution": statistics.median(contribution),
        "p50_reference": statistics.median(reference_times),
        "transactions": float(session.store.transactions),
        "contributions": float(len(contribution)),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
