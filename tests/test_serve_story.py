"""The story point inside a real live session: a participant who joined tells a story while the
facilitator has the story point open; it lands pseudonymised in stories.db, the projector counts
it, and the session's rate limit and closing apply to stories as to notes."""

from __future__ import annotations

import httpx
import pytest
from serve_support import allow_localhost, join, running
from storypoint_support import KNOWN_NAME, copy_foodvalley, stored

from sprintkit.ops.live import LiveSession
from sprintkit.web.app import create_app
from sprintkit.web.story_routes import story_routes

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

STORY = {
    "text": f"{KNOWN_NAME} belde binnen twee dagen terug en dacht met ons mee.",
    "perspective": "parents-youth", "s.emotion": "relieved", "s.theme": "communication",
    "s.heard": "4", "s.frequency": "sometimes", "s.what-mattered.family": "50",
    "s.what-mattered.professional": "30", "s.what-mattered.system": "20", "consent": "yes",
}


@pytest.fixture
def room(tmp_path, monkeypatch):
    allow_localhost(monkeypatch)
    folder = copy_foodvalley(tmp_path / "fv")
    session = LiveSession(folder)
    with running(create_app(session, extra_routes=story_routes(session))) as base:
        yield session, base, folder


def _open_story(base: str, session: LiveSession) -> None:
    with httpx.Client(base_url=base) as f:
        got = f.post(f"/f/{session.facilitator_token}/open", data={"target": "story::"},
                     follow_redirects=False)
        assert got.status_code == 303, got.text


def test_a_story_told_in_the_session_lands_pseudonymised_and_is_counted(room):
    session, base, folder = room
    with httpx.Client(base_url=base, timeout=30) as phone:
        join(phone, session)
        assert "niet open" in phone.get("/p/story").text  # nothing opened yet
        _open_story(base, session)
        assert phone.get("/p", follow_redirects=False).headers["location"] == "/p/story"
        form = phone.get("/p/story")
        assert form.status_code == 200 and 'name="s.what-mattered.family"' in form.text
        sent = phone.post("/p/story", data=STORY, follow_redirects=False)
        assert sent.status_code == 303, sent.text
        assert "Dank je wel" in phone.get("/p/story?sent=1").text
        with httpx.Client(base_url=base) as f:
            tally = f.get(f"/f/{session.facilitator_token}/tally.json").json()
    (story,) = stored(folder)
    assert KNOWN_NAME not in story.text and "dacht met ons mee" in story.text
    assert tally["activity"]["stories"] == 1


def test_a_stranger_and_a_closed_story_point_are_refused(room):
    session, base, folder = room
    _open_story(base, session)
    with httpx.Client(base_url=base, timeout=30) as stranger:
        assert stranger.post("/p/story", data=STORY).status_code == 403
    with httpx.Client(base_url=base, timeout=30) as phone:
        join(phone, session)
        with httpx.Client(base_url=base) as f:
            f.post(f"/f/{session.facilitator_token}/close", follow_redirects=False)
        assert phone.post("/p/story", data=STORY).status_code == 409
    assert stored(folder) == []


def test_stories_share_the_participants_rate_limit(room):
    session, base, folder = room
    _open_story(base, session)
    codes = []
    with httpx.Client(base_url=base, timeout=30) as phone:
        join(phone, session)
        for _ in range(25):
            codes.append(phone.post("/p/story", data=STORY, follow_redirects=False).status_code)
    assert 429 in codes and codes.count(303) >= 20
    assert len(stored(folder)) == codes.count(303)


def test_a_long_story_with_accents_fits_but_a_huge_post_does_not(room):
    """A story of 5,000 characters full of accents is about 30 KB as a form post: more than a
    note may take, within what the story point takes; 100 KB is refused before it is read."""
    session, base, folder = room
    _open_story(base, session)
    with httpx.Client(base_url=base, timeout=60) as phone:
        join(phone, session)
        long_story = dict(STORY, text=("één café, ß " * 420)[:5000])
        sent = phone.post("/p/story", data=long_story, follow_redirects=False)
        assert sent.status_code == 303, sent.text
        huge = phone.post("/p/story", data=dict(STORY, text="x" * 100_000))
        assert huge.status_code == 413
        note = phone.post("/p/note", data={"activity": "1", "text": "é" * 6000})
        assert note.status_code == 413  # the other forms keep the small limit
    assert len(stored(folder)) == 1
