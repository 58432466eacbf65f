"""The story point in a real browser at phone size (390×844): Playwright driving the system
Chromium (never a downloaded one). A story is told with the triad's dot dragged by mouse and moved
with the arrow keys, and lands in stories.db with the weights the page showed; without JavaScript
the triad is three number fields; the strict Content-Security-Policy holds (no violation in the
console); axe-core finds nothing serious or critical.

The app runs in uvicorn on the loopback address, in a thread; the browser connects to it (the
test process only listens, so the suite's no-network guard holds). Without Playwright, Chromium
or axe-core the tests skip — and fail under ``CI=1``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import AXE, axe_missing
from storypoint_support import PREFIX, copy_foodvalley, make_app, stored

PHONE = {"width": 390, "height": 844}
A, B, C = (100, 8), (8, 168), (192, 168)  # the triangle's corners in the SVG's viewBox

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings(
    "ignore:Using `httpx` with `starlette.testclient`")]






class Site:
    """The story point of a fresh copy of the Foodvalley story cycle, served on the loopback
    address by uvicorn in a thread (the browser connects; the test process only listens)."""

    def __init__(self, folder: Path, lang: str = "nl") -> None:
        import threading
        import time

        import uvicorn
        from starlette.responses import FileResponse, Response
        from starlette.routing import Route

        def axe(request: Any) -> Any:  # for the accessibility check, from the page's origin
            return FileResponse(AXE, media_type="text/javascript")

        self.folder = copy_foodvalley(folder, lang)
        app, self.room = make_app(self.folder, lang, extra=[
            Route("/axe.js", axe),
            Route("/favicon.ico", lambda request: Response(status_code=204))])  # the server's
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0,
                                                    log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert self.thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.origin = f"http://127.0.0.1:{port}"
        self.url = self.origin + PREFIX + "/story"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class Phone:
    """A page at 390×844 with what went wrong in it (script errors, CSP violations)."""

    def __init__(self, browser: Any, site: Site, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport=PHONE, java_script_enabled=javascript,
                                           has_touch=False)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.left: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.on("request", lambda r: None if r.url.startswith(site.origin + "/")
                     else self.left.append(r.url))
        self.page.goto(site.url)
        if javascript:
            self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=15000)

    def _console(self, message: Any) -> None:
        # a story with problems comes back as 422 on purpose; anything else is an error
        if message.type == "error" and "status of 422" not in message.text:
            self.errors.append(message.text)

    def weights(self) -> list[str]:
        return [self.page.input_value(f"#f-s-what-mattered-{c}")
                for c in ("family", "professional", "system")]

    def at(self, point: tuple[float, float]) -> tuple[float, float]:
        """A point of the triangle's viewBox on the screen."""
        triangle = self.page.locator("svg.sp-triangle")
        triangle.scroll_into_view_if_needed()
        box = triangle.bounding_box()
        return (box["x"] + point[0] * box["width"] / 200,
                box["y"] + point[1] * box["height"] / 176)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def site(tmp_path):
    served = Site(tmp_path / "foodvalley")
    yield served
    served.stop()


def _mix(w: tuple[float, float, float]) -> tuple[float, float]:
    return (w[0] * A[0] + w[1] * B[0] + w[2] * C[0], w[0] * A[1] + w[1] * B[1] + w[2] * C[1])


def _fill_the_rest(page: Any) -> None:
    page.fill("#f-text", "Na het eerste gesprek wist ik eindelijk waar ik aan toe was.")
    page.check("#f-perspective-1")
    page.check("#f-s-emotion-2")
    page.check("#f-s-theme-5")
    page.check("#f-s-frequency-2")
    page.check("#f-consent-yes")


def test_tell_a_story_dragging_the_dot_with_the_mouse(browser, site):
    phone = Phone(browser, site)
    page = phone.page
    try:
        assert page.locator("[data-triad-fields]").is_hidden()
        assert page.locator("svg.sp-triangle").is_visible()
        assert phone.weights() == ["", "", ""]
        assert page.inner_text("[data-triad-live]") == "Nog geen stip gezet."
        _fill_the_rest(page)
        assert page.inner_text("output[for='f-s-heard']") == "nog niet gekozen"
        page.focus("#f-s-heard")
        page.keyboard.press("ArrowRight")
        assert page.inner_text("output[for='f-s-heard']") == "4"
        start, end = phone.at(_mix((1 / 3, 1 / 3, 1 / 3))), phone.at(_mix((0.6, 0.3, 0.1)))
        page.mouse.move(*start)
        page.mouse.down()
        page.mouse.move(*end, steps=8)
        page.mouse.up()
        shown = [int(w) for w in phone.weights()]
        assert sum(shown) == 100
        assert all(abs(s - e) <= 3 for s, e in zip(shown, (60, 30, 10), strict=True)), shown
        live = page.inner_text("[data-triad-live]")
        assert f"Wat het gezin zelf kon {shown[0]}%" in live
        page.click("button[type=submit]")
        page.wait_for_url("**/story?sent=1")
        assert page.inner_text("h1") == "Dank je wel!"
        assert phone.errors == [] and phone.left == []
    finally:
        phone.close()
    (story,) = stored(site.folder)
    assert story.answers["what-mattered"][0][2:] == pytest.approx(
        tuple(s / 100 for s in shown))
    assert story.answers["heard"][0][0] == "4"
    assert story.perspective == "parents-youth" and story.consent is True
    assert site.room.announced[0]["answered"] == 5


def test_the_dot_moves_with_the_keyboard(browser, site):
    phone = Phone(browser, site)
    page = phone.page
    try:
        _fill_the_rest(page)
        page.focus("svg.sp-triangle")
        page.keyboard.press("ArrowDown")  # the first key puts the dot in the middle
        assert phone.weights() == ["34", "33", "33"] or sorted(phone.weights()) == [
            "33", "33", "34"]
        for _ in range(6):
            page.keyboard.press("ArrowRight")
        right = [int(w) for w in phone.weights()]
        assert right[2] > 40 and right[1] < 30 and sum(right) == 100
        assert f"{right[2]}%" in page.inner_text("[data-triad-live]")
        page.keyboard.press("Delete")
        assert phone.weights() == ["", "", ""]
        page.keyboard.press("ArrowUp")
        for _ in range(8):
            page.keyboard.press("ArrowUp")
        up = [int(w) for w in phone.weights()]
        assert up[0] >= 50 and up[1] == up[2] and sum(up) == 100
        page.keyboard.press("Tab")  # leaves the triangle for the next control
        page.click("button[type=submit]")
        page.wait_for_url("**/story?sent=1")
        assert phone.errors == []
    finally:
        phone.close()
    (story,) = stored(site.folder)
    assert story.answers["what-mattered"][0][2:] == pytest.approx(tuple(u / 100 for u in up))
    assert "heard" not in story.answers  # the slider was never touched: no answer


def test_without_javascript_the_triad_is_three_number_fields(browser, site):
    phone = Phone(browser, site, javascript=False)
    page = phone.page
    try:
        assert page.locator("[data-triad-picker]").is_hidden()
        _fill_the_rest(page)
        for corner, value in (("family", "20"), ("professional", "30"), ("system", "50")):
            page.fill(f"#f-s-what-mattered-{corner}", value)
        page.click("button[type=submit]")
        page.wait_for_url("**/story?sent=1")
    finally:
        phone.close()
    (story,) = stored(site.folder)
    assert story.answers["what-mattered"][0] == ("system", None, 0.2, 0.3, 0.5)
    assert story.answers["heard"][0][0] == "3"  # without JavaScript a slider always answers


def test_problems_come_back_with_the_dot_where_it_was(browser, site):
    phone = Phone(browser, site)
    page = phone.page
    try:
        page.check("#f-perspective-2")
        page.focus("#f-s-heard")
        page.keyboard.press("ArrowLeft")
        page.focus("svg.sp-triangle")
        page.keyboard.press("ArrowUp")
        before = phone.weights()
        page.click("button[type=submit]")  # no story text
        page.wait_for_selector("body[data-ready='1']", state="attached")
        assert "Schrijf eerst je verhaal." in page.inner_text("#sp-errors")
        assert page.evaluate("document.activeElement.id") == "sp-errors"
        assert phone.weights() == before
        assert page.locator("circle.sp-tri-dot").is_visible()
        assert page.is_checked("#f-perspective-2")
        assert page.inner_text("output[for='f-s-heard']") == "2"
        assert page.get_attribute("#f-s-heard", "name") == "s.heard"  # still answered
        assert phone.errors == []
    finally:
        phone.close()
    assert stored(site.folder) == []


def test_a_double_tap_on_send_stores_one_story(browser, site):
    phone = Phone(browser, site)
    page = phone.page
    try:
        _fill_the_rest(page)
        page.evaluate("() => { const b = document.querySelector('button[type=submit]');"
                      " b.click(); b.click(); b.click(); }")
        page.wait_for_url("**/story?sent=1")
    finally:
        phone.close()
    assert len(stored(site.folder)) == 1


def test_fits_a_phone(browser, site):
    phone = Phone(browser, site)
    try:
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
        box = phone.page.locator("svg.sp-triangle").bounding_box()
        assert box["width"] >= 250  # big enough to place the dot with a thumb
    finally:
        phone.close()


def test_the_content_security_policy_is_in_force(browser, site):
    """The page works under the strict policy, so the policy must really be there: an inline
    script is blocked."""
    from playwright.sync_api import Error

    phone = Phone(browser, site)
    try:
        with pytest.raises(Error, match="Content Security Policy"):
            phone.page.add_script_tag(content="document.title = 'inline'")
        assert phone.page.title() == "Vertel je verhaal"
    finally:
        phone.close()


def _axe(page: Any) -> list[str]:
    page.add_script_tag(url="/axe.js")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_nothing_serious(browser, tmp_path, request, lang):
    axe_missing()
    site = Site(tmp_path / "s", lang)
    phone = Phone(browser, site)
    request.addfinalizer(site.stop)
    page = phone.page
    try:
        assert _axe(page) == []  # the form
        page.focus("svg.sp-triangle")
        page.keyboard.press("ArrowLeft")
        page.click("button[type=submit]")  # with problems
        page.wait_for_selector("#sp-errors")
        assert _axe(page) == []
        _fill_the_rest(page)
        page.click("button[type=submit]")
        page.wait_for_url("**/story?sent=1")
        assert _axe(page) == []  # thanks
        site.room.open = False
        page.goto(site.url)
        assert _axe(page) == []  # not open
        assert phone.errors == []
    finally:
        phone.close()


def test_axe_check_itself_works(browser, site):
    """The check can fail: a page with an unlabelled field is reported."""
    axe_missing()
    phone = Phone(browser, site)
    try:
        phone.page.evaluate("document.querySelector('label[for=f-text]').remove()")
        assert any(found.startswith("label") for found in _axe(phone.page))
    finally:
        phone.close()
