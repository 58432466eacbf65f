"""The story point (vertelpunt): the form from the story-cycle method, a story with every kind
of signifier stored pseudonymised exactly like ``stories add``, and hostile input refused or
escaped — through the routes mounted in a small Starlette app, as the server mounts them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from storypoint_support import KNOWN_NAME, PREFIX, copy_foodvalley, make_app, stored

pytestmark = pytest.mark.filterwarnings(  # Starlette 1 prefers httpx2 for its test client
    "ignore:Using `httpx` with `starlette.testclient`")
URL = PREFIX + "/story"
TEXT = (f"{KNOWN_NAME} belde binnen twee dagen terug (annelies@voorbeeld.nl, 06-12345678). "
        "Daarna wist ik waar ik aan toe was.")
GOOD = {
    "text": TEXT,
    "perspective": "parents-youth",
    "s.emotion": "relieved",
    "s.theme": "communication",
    "s.heard": "4",
    "s.frequency": "sometimes",
    "s.what-mattered.family": "50",
    "s.what-mattered.professional": "30",
    "s.what-mattered.system": "20",
    "consent": "1",
}


@pytest.fixture
def sprint(tmp_path) -> Path:
    return copy_foodvalley(tmp_path / "foodvalley")


@pytest.fixture
def client(sprint):
    from starlette.testclient import TestClient

    app, room = make_app(sprint)
    with TestClient(app, follow_redirects=False) as c:
        c.room = room  # type: ignore[attr-defined]
        yield c


def _post(client, fields: dict[str, str]):
    return client.post(URL, data=fields)


# --- the form -----------------------------------------------------------------------------


def test_form_has_the_methods_perspectives_and_every_kind_of_question(sprint):
    from sprintkit.ops.storypoint import (
        ChoiceQuestion,
        ScaleQuestion,
        TriadQuestion,
        story_form,
    )

    form = story_form(sprint)
    assert form.lang == "nl"
    assert [p.id for p in form.perspectives] == ["parents-youth", "team-members", "social-team"]
    kinds = {q.id: type(q) for q in form.questions}
    assert kinds == {"emotion": ChoiceQuestion, "theme": ChoiceQuestion, "heard": ScaleQuestion,
                     "frequency": ChoiceQuestion, "what-mattered": TriadQuestion}
    heard = next(q for q in form.questions if isinstance(q, ScaleQuestion))
    assert (heard.min, heard.max, heard.min_label, heard.max_label) == (
        1, 5, "Helemaal niet", "Helemaal")
    triad = next(q for q in form.questions if isinstance(q, TriadQuestion))
    assert [c.name for c in triad.corners] == [
        "s.what-mattered.family", "s.what-mattered.professional", "s.what-mattered.system"]
    assert story_form(sprint, "en").perspectives[0].label == "Parents, family and young people"


def test_page_shows_every_question_with_labels_and_no_inline_code(client):
    res = client.get(URL)
    assert res.status_code == 200
    html = res.text
    assert 'name="text"' in html and 'type="range"' in html and 'min="1"' in html
    assert html.count('type="radio" name="perspective"') == 3
    assert html.count('name="s.emotion"') == 8
    assert html.count("data-triad-weight") == 3
    assert 'role="application"' in html and 'aria-live="polite"' in html
    assert "Helemaal niet" in html and "Wat regels en systemen toelieten" in html
    assert "gepseudonimiseerd" in html and 'name="consent"' in html
    # strict CSP: scripts and styles only from files
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html and " style=" not in html and " on" + "click" not in html
    assert '/static/triad.js' in html and '/static/storypoint.css' in html
    # every input has a label or a name from aria
    for match in re.finditer(r'<(?:input|textarea)[^>]*\bid="([^"]+)"', html):
        ident = match.group(1)
        assert f'for="{ident}"' in html or "aria-labelledby" in match.group(0), ident


def test_static_files_are_served(client):
    assert "pointerdown" in client.get("/static/triad.js").text
    assert ".sp-triangle" in client.get("/static/storypoint.css").text


# --- storing ------------------------------------------------------------------------------


def test_story_with_every_signifier_is_stored_like_stories_add(client, sprint):
    from sprintkit.ops.stories import add_story

    res = _post(client, GOOD)
    assert res.status_code == 303
    assert res.headers["location"] == "story?sent=1"
    add_story(text=TEXT, perspective="parents-youth", sprint=sprint, consent=True,
              answers={"emotion": "relieved", "theme": "communication", "heard": "4",
                       "frequency": "sometimes", "what-mattered": "50/30/20"})
    web, cli = stored(sprint)
    assert KNOWN_NAME not in web.text and "annelies@" not in web.text
    assert "06-12345678" not in web.text and "[NAAM-" in web.text
    assert web.text == cli.text  # the same pseudonyms: one path, one key file
    assert (web.perspective, web.consent, web.pseudonymised, web.period, web.date) == (
        cli.perspective, cli.consent, cli.pseudonymised, cli.period, cli.date)
    assert web.answers == cli.answers
    assert web.answers["what-mattered"] == [("family", None, 0.5, 0.3, 0.2)]
    assert web.answers["heard"] == [("4", 4.0, None, None, None)]


def test_thanks_after_the_redirect(client):
    assert _post(client, GOOD).status_code == 303
    res = client.get(URL + "?sent=1")
    assert res.status_code == 200
    assert "Dank je wel" in res.text and 'href="story"' in res.text
    assert "<form" not in res.text


def test_announce_gets_counts_never_text(client):
    _post(client, GOOD)
    (event,) = client.room.announced
    assert event == {"event": "story", "story": 1, "period": event["period"],
                     "perspective": "parents-youth", "answered": 5, "consent": True,
                     "replaced": 3}
    assert not any(isinstance(v, str) and len(v) > 20 for v in event.values())


def test_questions_may_be_skipped(client, sprint):
    fields = {"text": "Kort verhaal.", "perspective": "team-members"}
    assert _post(client, fields).status_code == 303
    (story,) = stored(sprint)
    assert story.answers == {} and story.consent is False


def test_organisation_is_checked_and_not_stored(sprint):
    from sprintkit.ops.storypoint import StoryRefused, submit_story

    receipt = submit_story(sprint, GOOD, organisation="Regionaal Veiligheidsteam")
    assert receipt.organisation == "Regionaal Veiligheidsteam" and receipt.answered == 5
    with pytest.raises(StoryRefused) as refused:
        submit_story(sprint, GOOD, organisation="Bestaat Niet BV")
    assert set(refused.value.problems) == {"organisation"}
    (story,) = stored(sprint)
    assert "Regionaal" not in story.text


# --- hostile and wrong input --------------------------------------------------------------


@pytest.mark.parametrize(("field", "value", "said"), [
    ("s.emotion", "ecstatic", "staat niet tussen de keuzes"),
    ("perspective", "mayor", "staat niet tussen de keuzes"),
    ("s.heard", "9", "buiten de schaal"),
    ("s.heard", "0", "buiten de schaal"),
    ("s.heard", "veel", "Kies een getal van 1 tot en met 5"),
    ("s.heard", "nan", "buiten de schaal"),
    ("s.what-mattered.system", "5", "tellen op tot 85"),
    ("s.what-mattered.system", "-20", "tussen 0 en 100"),
    ("s.what-mattered.system", "x", "moeten getallen zijn"),
    ("s.what-mattered.system", "inf", "moeten getallen zijn"),
    ("text", "   ", "Schrijf eerst je verhaal"),
    ("text", "a" * 5001, "5001 tekens"),
    ("s.theme", "x" * 300, "te lang"),
    ("consent", "misschien", "Vink het vakje aan"),
])
def test_wrong_answers_are_refused_with_a_message(client, sprint, field, value, said):
    res = _post(client, {**GOOD, field: value})
    assert res.status_code == 422
    assert said in res.text
    assert stored(sprint) == []
    assert client.room.announced == []
    if field != "text":  # what was typed is kept (the story too)
        assert "binnen twee dagen terug" in res.text


def test_triad_weights_as_fractions_or_rounded_percentages(client, sprint):
    corners = ("s.what-mattered.family", "s.what-mattered.professional",
               "s.what-mattered.system")
    for weights in (("0.6", "0.3", "0.1"), ("33", "33", "33"), ("0,2", "0,3", "0,5")):
        assert _post(client, {**GOOD, **dict(zip(corners, weights, strict=True))}
                     ).status_code == 303
    rows = [s.answers["what-mattered"][0] for s in stored(sprint)]
    assert rows[0][2:] == pytest.approx((0.6, 0.3, 0.1))
    assert rows[1][2:] == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert rows[2] == ("system", None, pytest.approx(0.2), pytest.approx(0.3), pytest.approx(0.5))


def test_typed_values_are_kept_after_a_problem(client):
    res = _post(client, {**GOOD, "s.heard": "12"})
    html = res.text
    assert re.search(r'value="parents-youth"[^>]*checked', html)
    assert re.search(r'value="relieved"[^>]*checked', html)
    assert re.search(r'name="s.what-mattered.family"[^>]*value="50"', html, re.S)
    assert re.search(r'<input type="checkbox" name="consent"[^>]*checked', html)
    assert 'aria-invalid="true"' in html and 'role="alert"' in html


def test_script_in_a_story_is_shown_back_escaped(client, sprint):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    res = _post(client, {**GOOD, "text": attack + " verhaal", "perspective": "",
                         "s.emotion": '"><script>alert(2)</script>'})
    assert res.status_code == 422
    assert "<script>alert" not in res.text and "<img src=x" not in res.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in res.text
    assert "alert(2)" not in res.text  # a wrong choice is never echoed
    assert stored(sprint) == []


def test_a_stored_script_is_kept_as_text(client, sprint):
    assert _post(client, {**GOOD, "text": "<b>vet</b> verhaal"}).status_code == 303
    assert stored(sprint)[0].text == "<b>vet</b> verhaal"


def test_oversized_post_is_refused_with_413(client, sprint):
    from sprintkit.web.storypoint import MAX_BODY

    res = _post(client, {**GOOD, "text": "x" * (MAX_BODY + 10)})
    assert res.status_code == 413
    assert "Te veel tekst" in res.text

    def chunks():  # no Content-Length: the body is counted as it streams in
        for _ in range(MAX_BODY // 1000 + 2):
            yield b"text=" + b"y" * 995

    res = client.post(URL, content=chunks(),
                      headers={"content-type": "application/x-www-form-urlencoded"})
    assert res.status_code == 413
    assert stored(sprint) == []


def test_unreadable_bodies_are_refused(client, sprint):
    res = client.post(URL, content=b"\xff\xfe", headers={
        "content-type": "application/x-www-form-urlencoded"})
    assert res.status_code == 400
    res = client.post(URL, content=b"{}", headers={"content-type": "application/json"})
    assert res.status_code == 400
    many = "&".join(f"f{i}=1" for i in range(501))
    res = client.post(URL, content=many.encode(), headers={
        "content-type": "application/x-www-form-urlencoded"})
    assert res.status_code == 400
    assert stored(sprint) == []


def test_no_participant_is_403(client, sprint):
    client.room.participant = None
    assert client.get(URL).status_code == 403
    res = _post(client, GOOD)
    assert res.status_code == 403 and "Geen toegang" in res.text
    assert client.get("/p/wrong-code/story").status_code == 403
    assert stored(sprint) == []


def test_a_busy_store_keeps_what_was_typed(client, sprint, monkeypatch):
    from sprintkit.errors import LockBusy
    from sprintkit.ops import stories

    def busy(**kwargs):
        raise LockBusy("busy")

    monkeypatch.setattr(stories, "add_story", busy)
    res = _post(client, GOOD)
    assert res.status_code == 503
    assert "kon nu niet worden opgeslagen" in res.text and "binnen twee dagen terug" in res.text
    assert client.room.announced == []


def test_thanks_also_when_closed_just_after(client):
    assert _post(client, GOOD).status_code == 303
    client.room.open = False
    assert "Dank je wel" in client.get(URL + "?sent=1").text


def test_closed_story_point_says_so_and_refuses_posts(client, sprint):
    client.room.open = False
    res = client.get(URL)
    assert res.status_code == 200
    assert "niet open" in res.text and "<form" not in res.text
    res = _post(client, GOOD)
    assert res.status_code == 409
    assert stored(sprint) == [] and client.room.announced == []


def test_too_fast_keeps_what_was_typed_and_stores_nothing(client, sprint):
    client.room.refusal = 429
    res = _post(client, GOOD)
    assert res.status_code == 429
    assert "sneller dan het vertelpunt toelaat" in res.text
    assert "<form" in res.text and GOOD["text"][:30] in res.text
    assert stored(sprint) == [] and client.room.announced == []
    client.room.refusal = None
    assert _post(client, GOOD).status_code == 303 and len(stored(sprint)) == 1


def test_an_ended_session_refuses_the_story(client, sprint):
    client.room.refusal = 410
    res = _post(client, GOOD)
    assert res.status_code == 410 and "niet open" in res.text
    assert stored(sprint) == []


# --- languages ----------------------------------------------------------------------------


def _shown_words(html: str) -> set[str]:
    """The words a person sees or hears: text outside tags and the spoken attributes."""
    spoken = re.findall(r'(?:aria-label|data-none|data-label|placeholder)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", " ".join([text, *spoken]))}


def _words_of(lang: str, sprint: Path) -> set[str]:
    from sprintkit.i18n import catalogue
    from sprintkit.ops.storypoint import story_form

    texts = [v for k, v in catalogue(lang).items() if k.startswith("storypoint.")]
    form = story_form(sprint, lang)
    texts += [o.label for o in form.perspectives]
    for q in form.questions:
        texts.append(q.question)
        texts += [o.label for o in getattr(q, "options", ())]
        texts += [o.label for o in getattr(q, "corners", ())]
        texts += [getattr(q, "min_label", ""), getattr(q, "max_label", "")]
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", " ".join(texts))}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_language_shows_no_words_of_the_other(tmp_path, lang):
    from starlette.testclient import TestClient

    sprint = copy_foodvalley(tmp_path / "s", lang)
    other = "en" if lang == "nl" else "nl"
    foreign = _words_of(other, sprint) - _words_of(lang, sprint)
    app, room = make_app(sprint, lang)
    with TestClient(app, follow_redirects=False) as c:
        pages = [c.get(URL).text, _post(c, {**GOOD, "text": "Xyz 123.", "s.heard": "9"}).text,
                 c.get(URL + "?sent=1").text]
        room.open = False
        pages.append(c.get(URL).text)
        room.participant = None
        pages.append(c.get(URL).text)
    for html in pages:
        assert f'lang="{lang}"' in html
        assert _shown_words(html) & foreign == set()
    assert len(foreign) > 50  # the check has something to find


# --- other methods and edges --------------------------------------------------------------


def test_several_choices_from_checkboxes(tmp_path):
    """A multichoice signifier (not in the Foodvalley method) is a group of checkboxes; every
    ticked one is stored, as ``stories add`` stores ``a|b``."""
    from starlette.testclient import TestClient
    from stories_support import make_sprint

    from sprintkit.ops.stories import add_story

    sprint = make_sprint(tmp_path / "s")
    app, _ = make_app(sprint)
    with TestClient(app, follow_redirects=False) as c:
        page = c.get(URL).text
        assert page.count('type="checkbox" name="s.thema"') == 4
        res = c.post(URL, content=(b"text=Een+verhaal.&perspective=ouders&s.thema=contact"
                                   b"&s.thema=veiligheid&s.balans.gezin=60&s.balans.regels=30"
                                   b"&s.balans.team=10"),
                     headers={"content-type": "application/x-www-form-urlencoded"})
        assert res.status_code == 303
        res = c.post(URL, data={"text": "x", "perspective": "ouders", "s.thema": "contact|nee"})
        assert res.status_code == 422 and "staat niet tussen de keuzes" in res.text
    add_story(text="Een verhaal.", perspective="ouders", sprint=sprint,
              answers={"thema": "contact|veiligheid", "balans": "60/30/10"})
    web, cli = stored(sprint)
    assert web.answers == cli.answers
    assert [row[0] for row in web.answers["thema"]] == ["contact", "veiligheid"]


def test_line_breaks_count_once(client, sprint):
    """A browser sends a textarea's line breaks as CRLF; a story at the limit still fits."""
    from sprintkit.ops.storypoint import MAX_TEXT

    lines = "\r\n".join(["a" * 99] * (MAX_TEXT // 100))
    assert len(lines) > MAX_TEXT
    assert _post(client, {**GOOD, "text": lines}).status_code == 303
    assert "\r" not in stored(sprint)[0].text


def test_a_failing_announcement_does_not_lose_the_story(client, sprint):
    client.room.projector_broken = True
    res = _post(client, GOOD)
    assert res.status_code == 303
    assert len(stored(sprint)) == 1


def test_stories_told_at_once_are_all_stored_once(sprint):
    """Phones send at the same moment: every story is stored once, each with its own number,
    all pseudonymised with the same codes."""
    from concurrent.futures import ThreadPoolExecutor

    from sprintkit.ops.storypoint import story_form, submit_story

    form = story_form(sprint)
    with ThreadPoolExecutor(6) as pool:
        receipts = list(pool.map(lambda i: submit_story(sprint, {**GOOD, "s.heard": str(i % 5 + 1)},
                                                        form=form), range(24)))
    stories = stored(sprint)
    assert len(stories) == 24 and sorted(r.id for r in receipts) == [s.id for s in stories]
    assert len({s.text for s in stories}) == 1 and KNOWN_NAME not in stories[0].text
    assert sorted(s.answers["heard"][0][1] for s in stories) == sorted(
        float(i % 5 + 1) for i in range(24))
