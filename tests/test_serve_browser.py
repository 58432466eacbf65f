"""The live session in a real browser: Playwright driving the system Chromium (never a
downloaded one) against a local server. A participant on a 390×844 phone joins with the code,
adds a sticky note, gives dots and scores; the projector view follows within seconds without a
reload; the Content-Security-Policy breaks nothing (no console errors) and no request leaves the
machine; axe-core finds nothing serious or critical on any page.

axe-core is injected into a second browser context that ignores the Content-Security-Policy
(the policy forbids inline script, which is what an injected checker is); the pages are the
same. Without Playwright, Chromium or axe-core the tests skip — and fail under ``CI=1``."""

from __future__ import annotations

from typing import Any

import pytest
from serve_support import allow_localhost, copy_example, running

from sprintkit.files.sprintfile import load_sprint
from sprintkit.ops.live import LiveSession
from sprintkit.web.app import create_app

PHONE = {"width": 390, "height": 844}
SCREEN = {"width": 1280, "height": 800}

pytestmark = pytest.mark.slow








class Watched:
    """A browser context whose pages report script errors and requests that left the server."""

    def __init__(self, browser: Any, base: str, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.base = base
        self.errors: list[str] = []
        self.left: list[str] = []

    def page(self, path: str) -> Any:
        page = self.context.new_page()
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith(self.base)
                else self.left.append(r.url))
        page.goto(self.base + path)
        page.wait_for_selector("body", state="attached")
        return page

    def check(self) -> None:
        assert self.errors == [], self.errors
        assert self.left == [], self.left


def _axe(browser: Any, script: str, url: str, cookies: list[Any], viewport: dict[str, int]
         ) -> list[str]:
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    context.add_cookies(cookies)
    page = context.new_page()
    page.goto(url)
    page.add_script_tag(content=script)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    return [f"{url}: {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_a_phone_and_the_projector(browser, axe_script, tmp_path, monkeypatch):
    allow_localhost(monkeypatch)
    folder = copy_example(tmp_path)
    session = LiveSession(folder)
    fac = f"/f/{session.facilitator_token}"
    with running(create_app(session)) as base:
        room = Watched(browser, base, SCREEN)
        phone = Watched(browser, base, PHONE)
        found: list[str] = []

        def axe(who: Watched, path: str, viewport: dict[str, int]) -> None:
            found.extend(_axe(browser, axe_script, base + path, who.context.cookies(),
                              viewport))

        control = room.page(fac)
        axe(room, fac, SCREEN)
        control.select_option("#target", "notes:pain-points:pain_points")
        control.click("text=Openen")
        screen = room.page(fac + "/screen")
        screen.wait_for_selector("body[data-ready='1']", state="attached")
        axe(room, fac + "/screen", SCREEN)

        p = phone.page("/")
        axe(phone, "/", PHONE)
        p.fill("#code", session.code[:3].lower() + "-" + session.code[3:])
        p.click("text=Verder")
        p.wait_for_selector("#organisation")
        axe(phone, f"/j/{session.join_token}", PHONE)
        p.select_option("#organisation", "Pleegzorg Zuid")
        p.click("button:has-text('Meedoen')")
        p.wait_for_selector("#text")
        axe(phone, "/p", PHONE)
        p.fill("#text", "Te weinig <b>plekken</b> in de crisisopvang")
        p.click("text=Toevoegen")
        p.wait_for_selector(".done")
        assert p.inner_text(".done") == "Je briefje is toegevoegd."
        axe(phone, "/p?done=note", PHONE)
        # the projector shows it, without a reload, as text
        screen.wait_for_selector("ul.stickies li:has-text('Te weinig <b>plekken</b>')",
                                 timeout=5000)
        assert screen.locator("ul.stickies b").count() == 0
        assert "Pleegzorg Zuid" in screen.inner_text("ul.stickies")

        control.reload()
        control.select_option("#target", "vote:prioritise:pain_point_votes")
        control.click("text=Openen")
        p.wait_for_selector("input.dots", timeout=10000)  # the phone follows by itself
        assert p.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        axe(phone, "/p", PHONE)
        p.fill("#d0", "2")
        assert p.inner_text("#dots-left") == "Je hebt nog 1 stip."
        p.fill("#d9", "1")
        assert p.inner_text("#dots-left") == "Je hebt nog 0 stippen."
        p.fill("#d1", "1")
        assert p.is_disabled("form[data-dots] button")  # four dots: not sent
        p.fill("#d1", "0")
        p.click("text=Stippen geven")
        p.wait_for_selector(".done")
        screen.wait_for_selector("strong[data-dots='1']", timeout=5000)
        assert "1 deelnemer stemde (3 stippen per persoon)" in screen.inner_text("#tally-body")

        control.reload()
        control.select_option("#target", "score:solutions:solution_scores")
        control.click("text=Openen")
        p.wait_for_selector("#i0", timeout=10000)
        axe(phone, "/p", PHONE)
        p.select_option("#i0", "4")
        p.select_option("#e0", "2")
        p.click("text=Scores opslaan")
        p.wait_for_selector(".done")
        screen.wait_for_selector("text=1 deelnemer scoorde", timeout=5000)

        # a refusal is a page too: the vote was replaced by the score
        refused = phone.context.request.post(base + "/p/vote",
                                             form={"activity": "2", "d0": "1"})
        assert refused.status == 409
        control.click("text=Sessie afsluiten")
        control.wait_for_selector("text=Samenvatting")
        axe(room, fac, SCREEN)
        p.wait_for_selector("text=De sessie is afgesloten", timeout=10000)
        axe(phone, "/p", PHONE)
        room.check()
        phone.check()
    assert found == []
    model = load_sprint(folder).model
    assert model.phases["pain-points"].outputs["pain_points"][-1] == (
        "Te weinig <b>plekken</b> in de crisisopvang")
    assert model.phases["prioritise"].outputs["pain_point_votes"][
        "Te weinig <b>plekken</b> in de crisisopvang"] == 1
    assert model.phases["solutions"].outputs["solution_scores"][
        "Eén gezinsplan dat alle betrokken organisaties gebruiken"] == {"impact": 4, "effort": 2}


def test_a_story_told_at_the_story_point_of_a_running_session(browser, axe_script, tmp_path,
                                                              monkeypatch):
    """The story point inside the live session: a phone joins the Foodvalley story cycle, the
    facilitator opens the story point, the phone follows, a story with the triad's dot moved
    by keys lands pseudonymised in stories.db, and the projector counts it without showing it."""
    from storypoint_support import KNOWN_NAME, copy_foodvalley, stored

    from sprintkit.web.story_routes import story_routes

    allow_localhost(monkeypatch)
    folder = copy_foodvalley(tmp_path / "fv")
    session = LiveSession(folder)
    fac = f"/f/{session.facilitator_token}"
    with running(create_app(session, extra_routes=story_routes(session))) as base:
        room = Watched(browser, base, SCREEN)
        phone = Watched(browser, base, PHONE)
        screen = room.page(fac + "/screen")
        p = phone.page(f"/j/{session.join_token}")
        p.click("button:has-text('Meedoen')")
        control = room.page(fac)
        control.select_option("#target", "story::")
        control.click("text=Openen")
        p.wait_for_selector("textarea[name=text]", timeout=10000)  # the phone follows
        assert p.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        found = _axe(browser, axe_script, base + "/p/story", phone.context.cookies(), PHONE)
        p.fill("textarea[name=text]", f"{KNOWN_NAME} belde terug en <i>luisterde</i> echt.")
        p.check("input[name=perspective][value=parents-youth]")
        p.focus("svg.sp-triangle")
        p.keyboard.press("ArrowDown")  # the first key puts the dot in the middle
        p.click("button[type=submit]")
        p.wait_for_url("**/story?sent=1")
        screen.wait_for_selector("[data-stories='1']", timeout=5000)
        assert "1 verhaal verteld" in screen.inner_text("#tally-body")
        assert KNOWN_NAME not in screen.content() and "luisterde" not in screen.content()
        room.check()
        phone.check()
    assert found == []
    (story,) = stored(folder)
    assert KNOWN_NAME not in story.text and "<i>luisterde</i>" in story.text
    assert story.answers["what-mattered"][0][2:] == pytest.approx((1 / 3, 1 / 3, 1 / 3),
                                                                  abs=0.01)
