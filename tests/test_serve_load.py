"""45 participants at once (the co-creation method's group), against a real local server while
the projector's live stream is connected: every one joins, adds 5 sticky notes, gives 3 dots and
scores a solution. Nothing may be lost or counted twice: every contribution is in sprint.yaml
afterwards, once. (The response times under this load are a benchmark, `make bench`, not a
timed test.)"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from serve_support import activity_id, allow_localhost, copy_example, join, running

from sprintkit.engine.tally import rounded
from sprintkit.files.sprintfile import load_sprint
from sprintkit.ops.live import LiveSession
from sprintkit.web.app import create_app

pytestmark = pytest.mark.slow
PEOPLE = 45
NOTES = 5


def test_45_participants_at_once_lose_nothing(tmp_path, monkeypatch):
    allow_localhost(monkeypatch)
    folder = copy_example(tmp_path)
    before = load_sprint(folder).model
    votes_before = dict(before.phases["prioritise"].outputs["pain_point_votes"])
    session = LiveSession(folder)
    app = create_app(session)
    fac = f"/f/{session.facilitator_token}"
    with running(app) as base:
        seen: list[str] = []
        listening = threading.Event()
        stop = threading.Event()

        def projector() -> None:
            with httpx.Client(base_url=base, timeout=None) as screen, \
                    screen.stream("GET", fac + "/events") as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                for line in stream.iter_lines():
                    if line.startswith("data:"):
                        seen.append(line)
                        listening.set()
                    if stop.is_set():
                        break

        sse = threading.Thread(target=projector)
        sse.start()
        assert listening.wait(20)
        phones = [httpx.Client(base_url=base, timeout=120) for _ in range(PEOPLE)]
        facilitator = httpx.Client(base_url=base, timeout=120)
        try:
            with ThreadPoolExecutor(PEOPLE) as pool:
                list(pool.map(lambda p: join(p, session), phones))
                facilitator.post(fac + "/open", data={"target": "notes:pain-points:pain_points"})

                def notes(n: int) -> list[int]:
                    act = activity_id(phones[n].get("/p").text)
                    return [phones[n].post("/p/note", data={
                        "activity": act, "text": f"Deelnemer {n} knelpunt {k}"},
                        follow_redirects=False).status_code for k in range(NOTES)]

                assert [c for codes in pool.map(notes, range(PEOPLE)) for c in codes] == (
                    [303] * PEOPLE * NOTES)
                facilitator.post(fac + "/open",
                                 data={"target": "vote:prioritise:pain_point_votes"})
                items = session.activity.items  # type: ignore[union-attr]

                def vote(n: int) -> int:
                    act = activity_id(phones[n].get("/p").text)
                    dots = {f"d{(n + j) % len(items)}": "1" for j in range(3)}
                    return phones[n].post("/p/vote", data={"activity": act, **dots},
                                          follow_redirects=False).status_code

                assert list(pool.map(vote, range(PEOPLE))) == [303] * PEOPLE
                facilitator.post(fac + "/open", data={"target": "score:solutions:solution_scores"})
                solutions = session.activity.items  # type: ignore[union-attr]

                def score(n: int) -> int:
                    act = activity_id(phones[n].get("/p").text)
                    k = n % len(solutions)
                    return phones[n].post("/p/score", data={
                        "activity": act, f"i{k}": str(n % 5 + 1), f"e{k}": str((n + 2) % 5 + 1)},
                        follow_redirects=False).status_code

                assert list(pool.map(score, range(PEOPLE))) == [303] * PEOPLE
            tally = facilitator.get(fac + "/tally.json").json()
        finally:
            stop.set()
            for phone in phones:
                phone.close()
            facilitator.close()
        # the stream is still open: one more change wakes it so it can see the stop
        session.close()
        sse.join(20)
    assert not sse.is_alive()

    model = load_sprint(folder).model
    notes_saved = model.phases["pain-points"].outputs["pain_points"]
    expected = [f"Deelnemer {n} knelpunt {k}" for n in range(PEOPLE) for k in range(NOTES)]
    counts = Counter(notes_saved)
    assert all(counts[text] == 1 for text in expected)  # none lost, none twice
    assert len(notes_saved) == 9 + PEOPLE * NOTES
    votes = model.phases["prioritise"].outputs["pain_point_votes"]
    given = Counter(items[(n + j) % len(items)] for n in range(PEOPLE) for j in range(3))
    for item in items:
        assert votes[item] == votes_before.get(item, 0) + given[item]
    assert sum(votes.values()) == sum(votes_before.values()) + 3 * PEOPLE
    scores = model.phases["solutions"].outputs["solution_scores"]
    for k, item in enumerate(solutions):
        people = [n for n in range(PEOPLE) if n % len(solutions) == k]
        assert scores[item] == {
            "impact": rounded(sum(n % 5 + 1 for n in people) / len(people)),
            "effort": rounded(sum((n + 2) % 5 + 1 for n in people) / len(people))}
    assert tally["participants"] == PEOPLE
    assert tally["activity"]["scorers"] == PEOPLE
    assert len(seen) >= 3  # the projector was told as things changed
    assert session.store.transactions < PEOPLE * (NOTES + 2)  # grouped, not one by one
