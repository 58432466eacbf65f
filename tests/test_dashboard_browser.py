"""The stories dashboard in a real browser: Playwright driving the system Chromium (never a
downloaded one). The filters, the address (kept in step, bad parameters ignored and said), the
period pair in words, colours by meaning, print to A4, a 390 px phone and an axe-core check —
on the Foodvalley example and on 20,000 fictional stories.

axe-core comes from the npm registry into ``.cache/axe`` (``make test`` installs it); the tests
read it from there and never touch the network. Without it, or without Playwright or Chromium,
the tests skip — and fail under ``CI=1``, so a CI run cannot pass without them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser_support import ROOT
from stories_support import balanced_rows, csv_text, make_sprint

FOODVALLEY = ROOT / "examples" / "foodvalley-stories"

pytestmark = pytest.mark.slow




def _run(*args: str | Path, home: Path) -> None:
    """The real command line in a child process, with its own home (module-wide fixtures cannot
    use the per-test ``cli`` fixture)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPRINTKIT_", "LC_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local"), XDG_CACHE_HOME=str(home / ".cache"),
               LANG="C.UTF-8", NO_COLOR="1", SOURCE_DATE_EPOCH="1780000000")
    res = subprocess.run([sys.executable, "-m", "sprintkit", *map(str, args)], env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert res.returncode == 0, res.stderr[-2000:]






@pytest.fixture(scope="module")
def foodvalley(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("foodvalley")
    sprint = base / "sprint"
    shutil.copytree(FOODVALLEY, sprint, ignore=shutil.ignore_patterns("stories.db", "reports"))
    _run("stories", "import", sprint / "verhalen.csv", "-s", sprint, home=base)
    out = base / "dashboard.html"
    _run("stories", "dashboard", "-s", sprint, "--out", out, home=base)
    return out


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """20,000 fictional stories over four half-years, on the Foodvalley sprint."""
    base = tmp_path_factory.mktemp("big")
    sprint = base / "sprint"
    shutil.copytree(FOODVALLEY, sprint, ignore=shutil.ignore_patterns("stories.db", "reports",
                                                                      "verhalen.csv"))
    _run("stories", "sample", "-s", sprint, "--count", "20000", "--periods", "4", "--out",
         sprint / "many.csv", home=base)
    _run("stories", "import", sprint / "many.csv", "-s", sprint, home=base)
    out = base / "dashboard.html"
    _run("stories", "dashboard", "-s", sprint, "--out", out, home=base)
    return out


class Opened:
    """A page with everything that went wrong in it: script errors and requests that left."""

    def __init__(self, browser: Any, url: str, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console",
                     lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("request", lambda r: None if r.url.startswith(("file:", "data:"))
                     else self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=15000)

    def text(self, selector: str) -> str:
        return self.page.locator(selector).first.inner_text()

    def hash(self) -> str:
        return self.page.evaluate("location.hash")

    def choose(self, select: str, value: str) -> None:
        self.page.select_option(select, value)

    def close(self) -> None:
        assert self.errors == [], self.errors
        assert self.requests == [], self.requests
        self.page.close()


def _data(page: Path) -> dict[str, Any]:
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    assert match
    return json.loads(match.group(1))


# --- filters and the address ---------------------------------------------------------------


def test_filters_follow_the_numbers_and_the_address(browser, foodvalley):
    data = _data(foodvalley)
    view = Opened(browser, foodvalley.as_uri())
    assert view.text("#total") == "360"
    assert view.hash() == "#from=2025-H1&to=2025-H2"  # the default view, written out
    view.choose("#f-period", "2025-H1")
    assert view.text("#total") == data["views"]["2025-H1|"]["total_shown"] == "170"
    assert view.hash() == "#period=2025-H1&from=2025-H1&to=2025-H2"
    view.choose("#f-perspective", "team-members")
    expected = data["views"]["2025-H1|team-members"]["total_shown"]
    assert view.text("#total") == expected
    assert "perspective=team-members" in view.hash()
    live = view.page.locator("#live")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == ("Bijgewerkt: 2025-H1, Teamleden, 2025-H1 → 2025-H2; "
                                 f"{expected} verhalen.")
    shared = foodvalley.as_uri() + view.hash()
    view.close()
    # the address shared: the same view opens
    again = Opened(browser, shared)
    assert again.page.input_value("#f-period") == "2025-H1"
    assert again.page.input_value("#f-perspective") == "team-members"
    assert again.text("#total") == expected
    assert again.page.locator("#address-note").is_hidden()
    # an address edited by hand is followed too
    again.page.evaluate("location.hash = '#perspective=social-team'")
    again.page.wait_for_function("document.getElementById('f-perspective').value === 'social-team'")
    assert again.text("#total") == data["views"]["|social-team"]["total_shown"]
    again.close()


BAD_ADDRESSES = [
    ("#perspective=bogus", ["perspective = 'bogus'"]),
    ("#period=1999-H1&from=x&to=2025-H2", ["period = '1999-H1'", "from = 'x'"]),
    ("#colour=red&perspective", ["'colour' (onbekende instelling)"]),
    ("#period=%E0%A4%A", ["period = '%E0%A4%A'"]),
    ("#perspective=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", ["<img src=x onerror=alert(1)>"]),
    ("#from=" + "9" * 300, ["from = '" + "9" * 39 + "…'"]),
    ("#&&=&", []),
]


@pytest.mark.parametrize(("address", "said"), BAD_ADDRESSES)
def test_bad_address_parameters_are_ignored_and_said(browser, foodvalley, address, said):
    view = Opened(browser, foodvalley.as_uri() + address)
    assert view.text("#total") == "360"  # the page stands; the bad parts are not used
    assert view.page.input_value("#f-perspective") == ""
    assert view.page.input_value("#f-from") in ("2025-H1",)
    note = view.page.locator("#address-note")
    if said:
        assert note.is_visible()
        text = note.inner_text()
        assert text.startswith("Niet gebruikt uit het adres: ")
        for part in said:
            assert part in text
    else:
        assert note.is_hidden()
    assert view.page.locator("img").count() == 0  # what the address says is text, never markup
    assert view.page.locator("[data-shift-sig]").count() == 5
    view.close()


# --- the period pair, in words ---------------------------------------------------------------


def test_period_pair_in_a_sentence(browser, foodvalley):
    view = Opened(browser, foodvalley.as_uri())
    sentence = view.text("#pair-sentence")
    assert sentence.startswith("Vergeleken: 170 verhalen uit 2025-H1 met 190 verhalen uit "
                               "2025-H2. Elk verschil is het aandeel in 2025-H2 min")
    forward = view.text('[data-testid="diff"][data-sig="what-mattered"][data-answer="family"]')
    shares = view.text('[data-testid="shares"][data-sig="what-mattered"][data-answer="family"]')
    assert forward == "+19 [+11; +27]" and shares == "9% → 28%"
    # backwards: the same comparison mirrored, and said so
    view.choose("#f-from", "2025-H2")
    view.choose("#f-to", "2025-H1")
    sentence = view.text("#pair-sentence")
    assert "uit 2025-H2 met 170 verhalen uit 2025-H1" in sentence
    assert "Let op: 2025-H2 ligt ná 2025-H1, dus je kijkt terug in de tijd" in sentence
    back = view.text('[data-testid="diff"][data-sig="what-mattered"][data-answer="family"]')
    assert back == "−19 [−27; −11]"  # the same interval mirrored, minus sign and all
    assert view.text('[data-testid="flag"][data-sig="what-mattered"][data-answer="family"]') \
        == "▼ omlaag"
    assert view.text('[data-testid="shares"][data-sig="what-mattered"][data-answer="family"]') \
        == "28% → 9%"
    # the same period twice
    view.choose("#f-to", "2025-H2")
    assert view.text("#pair-sentence").startswith("Je koos twee keer 2025-H2: een periode met "
                                                  "zichzelf vergelijken laat geen verschuiving")
    assert view.page.locator("[data-shift-sig]").count() == 0
    view.close()


# --- colour by meaning only ----------------------------------------------------------------


GREEN, RED, NEUTRAL = "rgb(31, 122, 77)", "rgb(179, 70, 47)", "rgb(31, 78, 102)"


def test_direction_is_neutral_and_meaning_only_where_declared(browser, foodvalley):
    view = Opened(browser, foodvalley.as_uri())

    def colour(selector: str) -> str:
        return view.page.locator(selector).first.evaluate("e => getComputedStyle(e).color")

    # a triad corner has no valence: its shift is a direction, in a neutral colour
    system = '[data-testid="flag"][data-sig="what-mattered"][data-answer="system"]'
    assert view.text(system) == "▼ omlaag"
    assert colour(system) == NEUTRAL
    # feeling heard more is desirable (the method says so): the mean's rise is green, in words
    mean = '[data-testid="mean-flag"][data-sig="heard"]'
    assert view.text(mean).strip() == "▲ omhoog · gewenst"
    assert colour(mean) == GREEN
    # the scale's best level is never red; its lowest level is the one marked undesirable
    best = view.page.locator('#dist-cards [data-sig="heard"] .fill').nth(4)
    assert best.evaluate("e => getComputedStyle(e).backgroundColor") == GREEN
    fills = view.page.locator('#dist-cards [data-sig="theme"] .fill:not(.hidden)')
    assert {fills.nth(i).evaluate("e => getComputedStyle(e).backgroundColor")
            for i in range(fills.count())} == {"rgb(47, 111, 143)"}
    # green and red are not alone: a visible + or − beside the answer, and a key under the card
    emotion = view.page.locator('#dist-cards [data-sig="emotion"]')
    marks = emotion.locator('[data-testid="valence-mark"]').all_inner_texts()
    assert marks.count("+") == 3 and marks.count("\u2212") == 4  # "neutraal" has no valence
    assert emotion.locator('[data-testid="valence-key"]').inner_text() == \
        "+ gewenst · \u2212 ongewenst"
    theme = view.page.locator('#dist-cards [data-sig="theme"]')
    assert theme.locator('[data-testid="valence-mark"], [data-testid="valence-key"]').count() == 0
    # an undesirable answer going down is desirable
    view.page.goto(foodvalley.as_uri() + "#from=2025-H2&to=2025-H1")
    view.page.wait_for_selector("body[data-ready='1']", state="attached")
    assert colour(mean) == RED and view.text(mean).strip() == "▼ omlaag · ongewenst"
    view.close()


# --- hard data beside the stories ------------------------------------------------------------


def test_hard_data_with_baseline_target_and_direction(browser, foodvalley):
    view = Opened(browser, foodvalley.as_uri())
    heads = view.page.locator("#hard thead th").all_inner_texts()
    assert "Wachttijd tot het eerste gesprek\ndagen (gemiddeld)" in heads
    assert not any(re.search(r"\([^)]*\(", h) for h in heads)  # no brackets in brackets
    assert view.page.locator('[data-testid="hard-baseline"] td').all_inner_texts()[1:] == \
        ["212", "18", "34", "19"]
    assert view.page.locator('[data-testid="hard-target"] td').all_inner_texts()[1:] == \
        ["–", "10", "30", "–"]
    assert view.page.locator('[data-testid="hard-direction"] td').all_inner_texts()[1:] == \
        ["▲ hoger is beter", "▼ lager is beter", "▼ lager is beter", "▼ lager is beter"]
    assert view.page.locator("#no-indicators").is_hidden()
    view.close()


def test_no_indicators_is_said(browser, cli, tmp_path):
    sprint = make_sprint(tmp_path / "sprint")
    yaml = sprint / "sprint.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text[:text.index("indicators:")], encoding="utf-8")  # no hard data
    rows = balanced_rows({"2025-03-01": 10}) + balanced_rows({"2025-09-01": 10})
    (tmp_path / "in.csv").write_text(csv_text(rows), encoding="utf-8")
    assert cli("stories", "import", tmp_path / "in.csv", "-s", sprint).exit_code == 0
    for lang, words in (("nl", "Deze sprint heeft nog geen indicatoren (harde data)"),
                        ("en", "This sprint has no indicators (hard data) yet")):
        out = tmp_path / f"{lang}.html"
        assert cli("stories", "dashboard", "-s", sprint, "--out", out, "--lang",
                   lang).exit_code == 0
        view = Opened(browser, out.as_uri())
        assert view.page.locator("#no-indicators").is_visible()
        assert view.text("#no-indicators").startswith(words)
        view.close()


# --- paper and phone -----------------------------------------------------------------------


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("which", ["foodvalley", "big"])
def test_prints_on_two_a4_pages_with_the_shares(browser, which, request, tmp_path):
    page_file = request.getfixturevalue(which)
    view = Opened(browser, page_file.as_uri())
    pdf = view.page.pdf(prefer_css_page_size=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    # two pages: the cards flow through three columns (a tall card does not push a whole row
    # on and leave half a page white), and the shifts start the second page
    assert _pdf_pages(pdf) == 2
    # on paper the shift cards say both shares and each period's triad composition
    view.page.emulate_media(media="print")
    shares = view.page.locator('[data-testid="shares"]')
    assert shares.count() > 10
    assert re.fullmatch(r"(\d+%|\*) → (\d+%|\*)", shares.first.inner_text())
    assert shares.first.is_visible()
    composition = view.page.locator('[data-testid="shift-composition"]').all_inner_texts()
    assert len(composition) == 2 and composition[0].startswith("Samenstelling 20")
    view.close()
    if which == "foodvalley" and shutil.which("pdftotext"):
        (tmp_path / "d.pdf").write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "d.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "9% → 28%" in text
        assert "Samenstelling 2025-H1: Wat het gezin zelf kon 26%" in text
        assert "Vergeleken: 170 verhalen uit 2025-H1" in text


@pytest.mark.parametrize("which", ["foodvalley", "big"])
def test_phone_of_390_pixels(browser, which, request):
    page_file = request.getfixturevalue(which)
    view = Opened(browser, page_file.as_uri(), width=390)
    page = view.page
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390

    def inside(selector: str) -> None:
        for box in [page.locator(selector).nth(i).bounding_box()
                    for i in range(page.locator(selector).count())]:
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector

    inside(".total")  # "360 verhalen" whole
    inside("#hard tbody td")  # every hard-data value on the screen
    inside("#hard tfoot td:not(.empty)")
    inside("[data-testid=flag]")
    # shift-card headers stand above their columns
    card = page.locator("[data-shift-sig]").first
    for k, cell, edge in ((1, ".sharecell", 0), (2, ".diff", 1), (3, ".flag", 0)):
        head = card.locator(f".head-{k}").bounding_box()
        first = card.locator(cell).first.bounding_box()
        assert head and first
        # the left edge, or the right one for the right-aligned difference
        assert abs(head["x"] + edge * head["width"] - first["x"] - edge * first["width"]) < 1.5
    view.close()


SHIFT_ROW_GAPS = """() => [...document.querySelectorAll('[data-shift-sig] .sharecell')]
.map(cell => {
  const diff = cell.nextElementSibling, flag = diff.nextElementSibling;
  const card = cell.closest('[data-shift-sig]').getBoundingClientRect();
  const box = e => e.getBoundingClientRect();
  return [cell.querySelector('.shares').textContent, diff.textContent,
          box(diff).left - box(cell.querySelector('.shares')).right,
          flag.textContent.trim() ? box(flag).left - box(diff).right : 99,
          card.right - box(flag).right];
})"""


@pytest.mark.parametrize("which", ["foodvalley", "big"])
@pytest.mark.parametrize("width", [320, 390, 700, 1280])
def test_shift_columns_never_run_into_each_other(browser, which, width, request):
    """The shares ("18% → 10%"), the difference and the shift stay apart at every width: on a
    phone the shares go under the bars rather than over the difference ("10%−8")."""
    view = Opened(browser, request.getfixturevalue(which).as_uri(), width=width)
    rows = view.page.evaluate(SHIFT_ROW_GAPS)
    assert len(rows) > 20
    for shares, diff, to_diff, to_flag, to_edge in rows:
        assert to_diff >= 4 and to_flag >= 4 and to_edge >= 0, (width, shares, diff)
    view.close()


# --- accessibility -------------------------------------------------------------------------


def _axe(view: Opened, script: str) -> list[str]:
    view.page.add_script_tag(content=script)
    result = view.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(("which", "address", "width"), [
    ("foodvalley", "", 1280),
    ("foodvalley", "#from=2025-H2&to=2025-H1&perspective=bogus", 1280),
    ("foodvalley", "", 390),
    ("big", "#period=2026-H1", 1280),
    ("big", "", 390),
])
def test_axe_finds_nothing_serious(browser, axe_script, request, which, address, width):
    page_file = request.getfixturevalue(which)
    view = Opened(browser, page_file.as_uri() + address, width=width)
    assert _axe(view, axe_script) == []
    # every triangle has a name that says its composition
    for label in view.page.locator("svg.triad").evaluate_all(
            "all => all.map(s => s.getAttribute('aria-label'))"):
        assert label and "%" in label
    view.close()


def _contrast(a: str, b: str) -> float:
    """WCAG contrast of two computed ``rgb(r, g, b)`` colours."""
    def luminance(rgb: str) -> float:
        parts = [int(x) / 255 for x in re.findall(r"\d+", rgb)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_graphics_meet_three_to_one(browser, foodvalley):
    """WCAG 2.1 AA for graphics (1.4.11): every coloured bar against its track, and the
    triangle's outline and dots against its inside, at least 3:1 (axe checks only text)."""
    view = Opened(browser, foodvalley.as_uri())
    pairs = view.page.evaluate("""() => {
      const bg = e => getComputedStyle(e).backgroundColor;
      const out = [];
      document.querySelectorAll('.track > .fill:not(.hidden)').forEach(f => {
        if (getComputedStyle(f).backgroundImage === 'none') out.push([bg(f), bg(f.parentElement)]);
      });
      document.querySelectorAll('svg.triad').forEach(s => {
        const inside = s.querySelector('polygon').getAttribute('fill');
        out.push([s.querySelector('polygon').getAttribute('stroke'), inside]);
        s.querySelectorAll('circle').forEach(c => out.push(
          [c.getAttribute('fill') === '#fff' ? c.getAttribute('stroke') : c.getAttribute('fill'),
           inside]));
      });
      return out;
    }""")

    def rgb(colour: str) -> str:
        if colour.startswith("#"):
            return "rgb(" + ", ".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5)) + ")"
        return colour

    assert len(pairs) > 40
    for fore, back in pairs:
        assert _contrast(rgb(fore), rgb(back)) >= 3.0, (fore, back)
    view.close()


def test_axe_check_itself_works(browser, axe_script, tmp_path):
    """A page with a nameless image and grey-on-grey text is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="nl"><title>t</title><main>'
                   '<svg role="img" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'
                   '<p style="color:#bbb;background:#ccc">grijs</p></main></html>',
                   encoding="utf-8")
    page = browser.new_page()
    page.goto(bad.as_uri())
    page.add_script_tag(content=axe_script)
    found = page.evaluate("axe.run(document).then(r => r.violations.map(v => v.id))")
    assert {"svg-img-alt", "color-contrast"} <= set(found)
    page.close()


def test_one_period_says_why_there_are_no_shifts(browser, cli, tmp_path):
    sprint = make_sprint(tmp_path / "sprint")
    (tmp_path / "in.csv").write_text(csv_text(balanced_rows({"2025-03-01": 12})),
                                     encoding="utf-8")
    assert cli("stories", "import", tmp_path / "in.csv", "-s", sprint).exit_code == 0
    out = tmp_path / "one.html"
    assert cli("stories", "dashboard", "-s", sprint, "--out", out).exit_code == 0
    view = Opened(browser, out.as_uri() + "#from=2025-H1&to=2025-H2")
    assert view.text("#pair-sentence").startswith("Er is nog maar één periode")
    assert view.page.locator("#address-note").inner_text() == \
        "Niet gebruikt uit het adres: to = '2025-H2' (bestaat niet)."
    assert view.page.locator("[data-shift-sig]").count() == 0
    view.close()


def test_triad_shows_where_the_stories_are(browser, foodvalley, big):
    """The triangle shades its four areas by their share of the stories — the same protected
    numbers as the bars beside it (a hidden count stays hidden), with the mean dot on top."""
    for page_file, address in ((foodvalley, ""), (big, "#period=2026-H1")):
        view = Opened(browser, page_file.as_uri() + address)
        card = view.page.locator('#dist-cards [data-sig="what-mattered"]')
        bars = [t.strip() or "*" for t in card.locator(".bars .num").all_inner_texts()]
        shares = card.locator("svg text.area-share").evaluate_all(
            "all => all.map(e => e.textContent)")
        assert len(shares) == 4
        for bar, share in zip(bars, shares, strict=True):
            assert bar.endswith(share) if share != "*" else bar == "*"
        assert card.locator("svg circle.pt-to").count() == 1
        view.close()


def test_no_area_share_hides_under_the_mean_dot(browser, foodvalley, big):
    """With 20,000 stories the mean sits in the corner area, on that area's "59%": the label
    moves past the dot so both can be read."""
    for page_file, address in ((foodvalley, ""), (big, ""), (big, "#period=2026-H1")):
        view = Opened(browser, page_file.as_uri() + address)
        overlaps = view.page.evaluate("""() => [...document.querySelectorAll('svg.triad')]
          .flatMap(svg => [...svg.querySelectorAll('text.area-share')].flatMap(text => {
            const t = text.getBoundingClientRect();
            return [...svg.querySelectorAll('circle')].filter(c => {
              const d = c.getBoundingClientRect();
              return t.left < d.right && d.left < t.right && t.top < d.bottom && d.top < t.bottom;
            }).map(() => text.textContent);
          }))""")
        assert overlaps == [], (address, overlaps)
        view.close()


def test_clear_but_small_shifts_are_said(browser, big, foodvalley):
    """With 20,000 stories many shifts are clear but smaller than the sprint's min_shift (5 pp):
    an open arrow and "klein", as in the terminal, and a line that says what klein means; a
    shift that matters keeps the solid arrow. The difference never reads 5 beside "klein"."""
    data = _data(big)
    view = Opened(browser, big.as_uri())
    flags = view.page.locator('[data-testid="flag"]')
    small = [flags.nth(i) for i in range(flags.count()) if "klein" in flags.nth(i).inner_text()]
    assert small
    result = data["shifts"]["2026-H1|2026-H2|"]
    by_answer = {(s["id"], a["id"]): a for s in result["signifiers"] for a in s["answers"]}
    for flag in small:
        answer = by_answer[(flag.get_attribute("data-sig"), flag.get_attribute("data-answer"))]
        assert answer["shift_class"] == "clear_small"
        assert flag.inner_text().split(" · ")[0] in ("△ omhoog, klein", "▽ omlaag, klein")
        assert flag.evaluate("e => getComputedStyle(e).fontWeight") == "400"
        shown = flag.locator("xpath=preceding-sibling::div[1]").inner_text()
        assert abs(float(shown.split(" ")[0].replace("\u2212", "-").replace(",", "."))) < 5
    large = [key for key, a in by_answer.items() if a["shift_class"] == "clear_large"]
    assert large
    for sig, answer in large:
        flag = view.text(f'[data-testid="flag"][data-sig="{sig}"][data-answer="{answer}"]')
        assert flag.startswith(("▲ omhoog", "▼ omlaag")) and "klein" not in flag
    notes = view.page.locator('[data-testid="small-note"]')
    assert notes.count() >= 1
    assert notes.first.inner_text().startswith("klein = statistisch duidelijk, maar minder dan 5")
    mean = view.text('[data-testid="mean-flag"][data-sig="heard"]').strip()
    assert mean == "△ omhoog, klein · gewenst"  # +0,19 on a 1–5 scale: below 0,2
    view.close()
    plain = Opened(browser, foodvalley.as_uri())  # Foodvalley's clear shifts all matter
    assert plain.page.locator('[data-testid="small-note"]').count() == 0
    plain.close()


def test_a_flagged_shift_never_shows_zero_as_a_bound(browser, big):
    """With 20,000 stories nearly everything is clear: the interval of every flagged shift is
    rounded outward with the decimals it needs, so no bound reads 0 (issue: "−1 [−2; 0] ▼")."""
    view = Opened(browser, big.as_uri())
    cells = view.page.locator('[data-testid="diff"]').all_inner_texts()
    flags = view.page.locator('[data-testid="flag"]').all_inner_texts()
    assert len(cells) == len(flags) > 20
    flagged = [c for c, f in zip(cells, flags, strict=True) if f.strip()]
    assert flagged
    for cell in flagged:
        bounds = re.search(r"\[(.*); (.*)\]", cell)
        assert bounds and "0" not in (bounds.group(1), bounds.group(2)), cell
    view.close()
