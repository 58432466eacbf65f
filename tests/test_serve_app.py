"""The live session's pages against a real server on localhost (uvicorn in a thread, httpx as
the phones): joining, notes, dots and scores landing in sprint.yaml, and hostile input refused or
escaped — a wrong or missing token, an oversized post, dots beyond the allowance, a closed
activity, script in a note shown on the projector."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
from serve_support import activity_id, allow_localhost, copy_example, join, running

from sprintkit.files.sprintfile import load_sprint, update_sprint
from sprintkit.ops.live import LiveSession
from sprintkit.web.app import create_app

VOTE_ITEMS = 9  # the example's pain points


@pytest.fixture
def live(tmp_path, monkeypatch):
    allow_localhost(monkeypatch)
    folder = copy_example(tmp_path)
    session = LiveSession(folder)
    app = create_app(session)
    with running(app) as base:
        yield session, base, folder


def _phone(base: str) -> httpx.Client:
    return httpx.Client(base_url=base, timeout=30)


def _open(base: str, session: LiveSession, target: str) -> None:
    with _phone(base) as f:
        got = f.post(f"/f/{session.facilitator_token}/open", data={"target": target},
                     follow_redirects=False)
        assert got.status_code == 303, got.text


def _outputs(folder, phase):
    return load_sprint(folder).model.phases[phase].outputs


def test_join_note_vote_score_land_in_the_sprint(live):
    session, base, folder = live
    before = _outputs(folder, "prioritise")["pain_point_votes"]
    with _phone(base) as phone:
        home = phone.get("/")
        assert home.status_code == 200
        assert home.headers["content-security-policy"].startswith("default-src 'none'")
        assert home.headers["x-content-type-options"] == "nosniff"
        assert home.headers["referrer-policy"] == "no-referrer"
        join(phone, session, "Pleegzorg Zuid")
        assert "even wachten" in phone.get("/p").text.lower()
        _open(base, session, "notes:pain-points:pain_points")
        page = phone.get("/p").text
        got = phone.post("/p/note", data={"activity": activity_id(page),
                                          "text": "  Te weinig   plekken voor crisisopvang "},
                         follow_redirects=False)
        assert got.status_code == 303 and got.headers["location"] == "/p?done=note"
        assert _outputs(folder, "pain-points")["pain_points"][-1] == (
            "Te weinig plekken voor crisisopvang")
        # the same note again (another case) is not added twice
        again = phone.post("/p/note", data={"activity": activity_id(page),
                                            "text": "te weinig plekken voor CRISISOPVANG"},
                           follow_redirects=False)
        assert again.headers["location"] == "/p?done=same"
        assert len(_outputs(folder, "pain-points")["pain_points"]) == 10

        _open(base, session, "vote:prioritise:pain_point_votes")
        page = phone.get("/p").text
        assert page.count('class="dots"') == VOTE_ITEMS + 1  # the new note is an item now
        got = phone.post("/p/vote", data={"activity": activity_id(page), "d0": "2", "d9": "1"},
                         follow_redirects=False)
        assert got.status_code == 303
        votes = _outputs(folder, "prioritise")["pain_point_votes"]
        first = "Lange wachtlijsten voor specialistische jeugdhulp"
        assert votes[first] == before[first] + 2
        assert votes["Te weinig plekken voor crisisopvang"] == 1

        _open(base, session, "score:solutions:solution_scores")
        page = phone.get("/p").text
        got = phone.post("/p/score", data={"activity": activity_id(page), "i0": "2", "e0": "4"},
                         follow_redirects=False)
        assert got.status_code == 303
    with _phone(base) as other:
        join(other, session)
        page = other.get("/p").text
        other.post("/p/score", data={"activity": activity_id(page), "i0": "5", "e0": "1"})
    scores = _outputs(folder, "solutions")["solution_scores"]
    assert scores["Eén gezinsplan dat alle betrokken organisaties gebruiken"] == {
        "impact": 3.5, "effort": 2.5}  # the average of this session's two scores
    assert scores["Eén regionale toegang met een gezamenlijk team van aanbieders"] == {
        "impact": 5, "effort": 5}  # not scored now: as it was
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert "# Fictief voorbeeld" in text  # the comments stay
    summary = session.end()
    assert summary["participants"] == 2
    assert [r["count"] for r in summary["activities"]] == [1, 3, 2]
    session.end()  # again (Ctrl-C after closing on the page): recorded once
    records = load_sprint(folder).model.live_sessions
    assert len(records) == 1
    assert (records[0].participants, records[0].notes, records[0].dots, records[0].scores,
            records[0].stories) == (2, 1, 3, 2, 0)
    assert records[0].started <= records[0].ended


def test_missing_or_wrong_tokens_are_refused(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    act = str(session.activity.id)  # type: ignore[union-attr]
    with _phone(base) as stranger:
        assert stranger.post("/p/note", data={"activity": act, "text": "x"}).status_code == 403
        stranger.cookies.set("sk_p", "1.wrong")
        assert stranger.post("/p/note", data={"activity": act, "text": "x"}).status_code == 403
        stranger.cookies.set("sk_p", "999999999999.x")
        assert stranger.get("/p").status_code == 403
        odd = httpx.get(base + "/p", headers={"cookie": "sk_p=\u00b2.x".encode("latin-1")})
        assert odd.status_code == 403  # a digit int() does not take: a wrong token too
        assert stranger.get("/j/not-the-token").status_code == 403
        assert stranger.post("/code", data={"code": "AAA-AAA"}).status_code == 403
        assert stranger.get("/f/not-the-token").status_code == 404
        assert stranger.get("/f/not-the-token/tally.json").status_code == 404
        assert stranger.post("/f/not-the-token/end").status_code == 404
    assert session.ended is None
    assert len(_outputs(folder, "pain-points")["pain_points"]) == 9


def test_guessing_the_code_is_slowed_down(live):
    session, base, _ = live
    with _phone(base) as guesser:
        for _ in range(10):
            assert guesser.post("/code", data={"code": "XXXXXX"}).status_code == 403
        # the right code is refused too, for a minute, from this address
        assert guesser.post("/code", data={"code": session.code}).status_code == 429


def test_oversized_posts_are_refused(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        big = phone.post("/p/note", data={"activity": act, "text": "x" * 20_000})
        assert big.status_code == 413
        long = phone.post("/p/note", data={"activity": act, "text": "woord " * 60})
        assert long.status_code == 422
        assert "280" in long.text

        def chunks():  # no Content-Length: the body is counted as it comes
            for _ in range(40):
                yield b"text=" + b"y" * 1000

        streamed = phone.post("/p/note", content=chunks(),
                              headers={"content-type": "application/x-www-form-urlencoded"})
        assert streamed.status_code == 413
    assert len(_outputs(folder, "pain-points")["pain_points"]) == 9


def test_dots_beyond_the_allowance_are_refused(live):
    session, base, folder = live
    before = sum(_outputs(folder, "prioritise")["pain_point_votes"].values())
    _open(base, session, "vote:prioritise:pain_point_votes")
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        assert phone.post("/p/vote", data={"activity": act, "d0": "4"}).status_code == 409
        assert phone.post("/p/vote", data={"activity": act, "d0": "-1"}).status_code == 422
        assert phone.post("/p/vote", data={"activity": act, "d0": "x"}).status_code == 422
        assert phone.post("/p/vote", data={"activity": act, "d1": "2"},
                          follow_redirects=False).status_code == 303
        refused = phone.post("/p/vote", data={"activity": act, "d2": "2"})
        assert refused.status_code == 409 and "nog 1" in refused.text
        assert phone.post("/p/vote", data={"activity": act, "d2": "1"},
                          follow_redirects=False).status_code == 303
        assert phone.post("/p/vote", data={"activity": act, "d3": "1"}).status_code == 409
        assert "al je stippen" in phone.get("/p").text
    assert sum(_outputs(folder, "prioritise")["pain_point_votes"].values()) == before + 3


def test_racing_posts_cannot_spend_the_same_dot_twice(live):
    session, base, folder = live
    before = sum(_outputs(folder, "prioritise")["pain_point_votes"].values())
    _open(base, session, "vote:prioritise:pain_point_votes")
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        codes: list[int] = []

        def vote(n: int) -> None:
            with httpx.Client(base_url=base, cookies=phone.cookies, timeout=30) as same:
                codes.append(same.post("/p/vote", data={"activity": act, f"d{n}": "1"},
                                       follow_redirects=False).status_code)

        threads = [threading.Thread(target=vote, args=(n,)) for n in range(6)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    assert sorted(codes) == [303, 303, 303, 409, 409, 409]
    assert sum(_outputs(folder, "prioritise")["pain_point_votes"].values()) == before + 3


def test_a_closed_or_replaced_activity_takes_nothing(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    with _phone(base) as phone:
        join(phone, session)
        old = activity_id(phone.get("/p").text)
        _open(base, session, "notes:solutions:solutions")
        stale = phone.post("/p/note", data={"activity": old, "text": "te laat"})
        assert stale.status_code == 409
        with _phone(base) as f:
            f.post(f"/f/{session.facilitator_token}/close")
        assert "even wachten" in phone.get("/p").text.lower()
        now = str(session.history[-1].id)
        assert phone.post("/p/note", data={"activity": now, "text": "x"}).status_code == 409
        # a score posted to a notes activity
        assert phone.post("/p/score", data={"activity": now, "i0": "1", "e0": "1"}
                          ).status_code == 409
        with _phone(base) as f:
            f.post(f"/f/{session.facilitator_token}/end")
        assert phone.post("/p/note", data={"activity": now, "text": "x"}).status_code == 410
        assert "afgesloten" in phone.get("/p").text
        assert httpx.post(base + f"/j/{session.join_token}").status_code == 410
    assert "te laat" not in _outputs(folder, "pain-points")["pain_points"]
    assert "te laat" not in _outputs(folder, "solutions")["solutions"]


def test_script_in_a_note_is_text_on_the_projector(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        phone.post("/p/note", data={"activity": act, "text": attack})
        mine = phone.get("/p").text
    with _phone(base) as f:
        base_f = f"/f/{session.facilitator_token}"
        for page in (f.get(base_f + "/screen").text, f.get(base_f + "/tally").text,
                     f.get(base_f).text, mine):
            assert "<script>alert" not in page and "<img src=x" not in page
            assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
            assert not re.search(r"<script(?! src=\"/static/live.js\")", page)
    assert _outputs(folder, "pain-points")["pain_points"][-1] == attack  # kept as typed text


def test_merging_a_duplicate_note(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        phone.post("/p/note", data={"activity": act, "text": "Wachtlijst jeugd-GGZ"})
        phone.post("/p/note", data={"activity": act, "text": "Wachtlijsten in de jeugd-GGZ"})
    keep, drop = (n.id for n in session.notes)
    with _phone(base) as f:
        got = f.post(f"/f/{session.facilitator_token}/merge",
                     data={"keep": str(keep), "drop": str(drop)}, follow_redirects=False)
        assert got.status_code == 303
        assert f.post(f"/f/{session.facilitator_token}/merge",
                      data={"keep": str(keep), "drop": "x"}).status_code == 422
    items = _outputs(folder, "pain-points")["pain_points"]
    assert "Wachtlijst jeugd-GGZ" in items and "Wachtlijsten in de jeugd-GGZ" not in items
    assert session.tally()["activity"]["notes"] == [
        {"id": keep, "text": "Wachtlijst jeugd-GGZ", "organisation": None}]


def test_a_hand_edit_and_a_run_meanwhile_are_kept(live, monkeypatch):
    """While each note is being saved (after the fresh read, before the write) an editor saves
    the file by hand and another terminal starts a `run`-like transaction: the hand edit makes
    the save start again on the new text, the other transaction waits for the lock; all three
    survive, every time."""
    import os

    import sprintkit.ops.run as run_module

    session, base, folder = live
    # the other terminal waits for the lock as long as the saves take on a loaded machine
    monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "300")
    _open(base, session, "notes:pain-points:pain_points")
    path = folder / "sprint.yaml"
    real = run_module.put_answer
    state = {"meddle": True, "hand": 0, "runs": 0}
    others: list[threading.Thread] = []

    def other_terminal(n: int) -> None:
        def change(model):
            model.phases["review"].notes = (model.phases["review"].notes or "") + f" run{n}"

        update_sprint(folder, change)

    def meddling(*args, **kwargs):
        if state["meddle"]:  # the first try of each note: meddle; its retry: let it be
            state["hand"] += 1
            tmp = path.with_suffix(".tmp")
            tmp.write_text(path.read_text(encoding="utf-8") + f"# hand edit {state['hand']}\n",
                           encoding="utf-8")
            os.replace(tmp, path)
            state["runs"] += 1
            others.append(threading.Thread(target=other_terminal, args=(state["runs"],)))
            others[-1].start()
        state["meddle"] = not state["meddle"]
        return real(*args, **kwargs)

    monkeypatch.setattr(run_module, "put_answer", meddling)
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        for n in range(4):
            got = phone.post("/p/note", data={"activity": act, "text": f"knelpunt {n}"},
                             follow_redirects=False)
            assert got.status_code == 303, got.text
    for other in others:
        other.join()
    text = path.read_text(encoding="utf-8")
    model = load_sprint(folder).model
    assert [i for i in model.phases["pain-points"].outputs["pain_points"]
            if i.startswith("knelpunt")] == [f"knelpunt {n}" for n in range(4)]
    assert sorted((model.phases["review"].notes or "").split()) == [f"run{n}"
                                                                   for n in range(1, 5)]
    assert all(f"# hand edit {n}\n" in text for n in range(1, 5))
    assert state["hand"] == 4


def test_the_story_point_seam(tmp_path, monkeypatch):
    """Routes passed in are mounted; a story activity sends participants there, its writes are
    checked like the others and counted in the tally."""
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from sprintkit.ops.live import Refused
    from sprintkit.web.common import COOKIE

    allow_localhost(monkeypatch)
    session = LiveSession(copy_example(tmp_path), story=True)

    async def tell(request):
        form = await request.form()
        try:
            who = session.participant(request.cookies.get(COOKIE))
            act = session.require(who, "story", form.get("activity"))
        except Refused as exc:
            return PlainTextResponse(exc.reason, status_code=409)
        session.counted(who, act)
        return PlainTextResponse("ok")

    app = create_app(session, extra_routes=[Route("/p/story", tell, methods=["POST"])])
    with running(app) as base, _phone(base) as phone:
        join(phone, session)
        _open(base, session, "story::")
        assert phone.get("/p", follow_redirects=False).headers["location"] == "/p/story"
        act = str(session.activity.id)  # type: ignore[union-attr]
        assert phone.post("/p/story", data={"activity": act}).text == "ok"
        assert phone.post("/p/story", data={"activity": "0"}).status_code == 409
        with _phone(base) as f:
            tally = f.get(f"/f/{session.facilitator_token}/tally.json").json()
            screen = f.get(f"/f/{session.facilitator_token}/screen").text
    assert tally["activity"]["stories"] == 1
    assert 'data-stories="1"' in screen


def test_rate_limit_per_participant(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        who = session.participant(phone.cookies["sk_p"])
        for _ in range(20):  # a burst of twenty writes (checked, not saved: fast)
            session.require(who, "notes", act)
        got = phone.post("/p/note", data={"activity": act, "text": "nog een"})
        assert got.status_code == 429
        assert "nog een" not in _outputs(folder, "pain-points")["pain_points"]
        who.last -= 4  # four seconds later: two writes again
        assert phone.post("/p/note", data={"activity": act, "text": "nog een"},
                          follow_redirects=False).status_code == 303


def test_a_note_is_pseudonymised_as_it_enters(live):
    session, base, folder = live
    _open(base, session, "notes:pain-points:pain_points")
    with _phone(base) as phone:
        join(phone, session)
        act = activity_id(phone.get("/p").text)
        phone.post("/p/note", data={"activity": act,
                                    "text": "Ouders bellen 06-12345678 of mailen jan@example.nl"})
    saved = _outputs(folder, "pain-points")["pain_points"][-1]
    assert saved == "Ouders bellen [TELEFOON] of mailen [E-MAIL]"
    assert "jan@example.nl" not in (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert session.notes[-1].text == saved  # the projector shows what was saved
