"""The stories dashboard: one self-contained HTML file, checked as text and in headless Chromium
(numbers shown after the script ran, no request leaving the page, a screenshot, printing)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from stories_support import balanced_rows, csv_text, make_sprint, row

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which(
    "google-chrome")
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="chromium is not installed (apt-get install chromium)")
EVIL = "</script><script>document.title='pwned'</script><img src=x onerror=alert(1)>"


def _rows() -> list[list[str]]:
    rows = balanced_rows({"2025-03-01": 12}, emotie="blij")
    rows += balanced_rows({"2025-03-02": 8}, emotie="boos")
    rows += balanced_rows({"2025-03-03": 6}, emotie="blij", perspective="team")
    rows += balanced_rows({"2025-03-04": 3}, emotie="verdrietig", perspective="team")
    rows += balanced_rows({"2025-09-01": 6}, emotie="blij")
    rows += balanced_rows({"2025-09-02": 16}, emotie="boos")
    rows += balanced_rows({"2025-09-03": 9}, emotie="boos", perspective="team")
    rows.append(row(date="2025-09-04", text="Fijn dat er eindelijk iemand luisterde.",
                    emotie="boos", consent="ja"))
    rows.append(row(date="2025-09-05", text=f"Citaat met {EVIL} erin.", emotie="boos",
                    consent="ja"))
    rows.append(row(date="2025-09-06", text="Niet citeren alstublieft.", emotie="boos",
                    consent="nee"))
    return rows  # 2025-H1: 29 stories, 2025-H2: 34 stories


@pytest.fixture
def dashboard(cli, tmp_path) -> Path:
    sprint = make_sprint(tmp_path / "sprint")
    source = tmp_path / "in.csv"
    source.write_text(csv_text(_rows()), encoding="utf-8")
    assert cli("stories", "import", source, "-s", sprint).exit_code == 0
    out = tmp_path / "dashboard.html"
    res = cli("stories", "dashboard", "-s", sprint, "--out", out)
    assert res.exit_code == 0, res.stderr
    assert "geschreven" in res.stderr and "63 verhalen" in " ".join(res.stderr.split())
    return out


def _data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert match, "the data block is missing"
    return json.loads(match.group(1))


# --- as text -------------------------------------------------------------------------------


def test_self_contained_and_strict_policy(dashboard):
    page = dashboard.read_text(encoding="utf-8")
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:") in page
    assert not re.search(r"""(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//""",
                         page, re.I)
    assert not re.search(r"url\(\s*['\"]?(?!data:)", page)
    assert not re.search(r"<(?:link|iframe|object|embed|base)\b", page, re.I)
    assert "@import" not in page
    assert "fetch(" not in page and "XMLHttpRequest" not in page


def test_data_is_escaped_and_suppressed(dashboard):
    page = dashboard.read_text(encoding="utf-8")
    # a quote cannot break out of the data block
    assert page.count("</script>") == 2
    assert "<img src=x" not in page
    data = _data(page)
    quotes = data["quotes"]["|"]
    assert any(EVIL in q["text"] for q in quotes)  # shown as text, intact
    assert all("Niet citeren" not in q["text"] for v in data["quotes"].values() for q in v)
    overall = data["views"]["|"]["signifiers"][0]
    assert overall["shown"] == {"blij": "*", "boos": "36", "verdrietig": "*", "neutraal": "0"}
    assert data["views"]["|"]["total_shown"] == "63"
    assert data["story_counts"]["team"] == {"": "18", "2025-H1": "9", "2025-H2": "9"}


def test_dashboard_in_english(cli, tmp_path):
    sprint = make_sprint(tmp_path / "sprint")
    (tmp_path / "in.csv").write_text(csv_text(_rows()), encoding="utf-8")
    cli("stories", "import", tmp_path / "in.csv", "-s", sprint)
    out = tmp_path / "en.html"
    assert cli("stories", "dashboard", "-s", sprint, "--out", out, "--lang", "en").exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Stories dashboard" in page
    assert "Which emotion goes with this story?" in page


# --- in a real browser ---------------------------------------------------------------------


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
        *extra, url,
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def _page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for (Chromium's own background requests are 'not an origin')."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if params.get("initiator") == "not an origin":
            continue
        if not params["url"].startswith(("file:", "data:")):
            found.append(params["url"])
    return found


def _flags(dom: str, sig: str = "emotie") -> dict[str, str]:
    pattern = r'data-testid="flag" data-sig="' + sig + r'" data-answer="([^"]+)">([^<]*)<'
    return dict(re.findall(pattern, dom))


def _counts(dom: str, sig: str) -> dict[str, str]:
    pattern = (r'data-testid="count" data-sig="' + sig
               + r'" data-answer="([^"]+)">([^<]*)<')
    return {k: html.unescape(v) for k, v in re.findall(pattern, dom)}


@pytest.mark.slow
@needs_chromium
def test_numbers_shown_after_script_ran(dashboard, tmp_path):
    res = _chromium(tmp_path, dashboard.as_uri(), "--dump-dom")
    dom = res.stdout
    assert 'data-ready="1"' in dom, res.stderr[-2000:]
    assert re.search(r'id="total" data-testid="total">63<', dom)
    assert _counts(dom, "emotie") == {"blij": "*", "boos": "36", "verdrietig": "*",
                                      "neutraal": "0"}
    # shifts 2025-H1 -> 2025-H2 (the last two periods, chosen by default): 3 'verdrietig'
    # stories make chi-square unreliable, so nothing is flagged and the page says why
    assert _flags(dom) == {"blij": "", "boos": "", "verdrietig": "", "neutraal": ""}
    assert "te weinig verhalen per antwoord voor een betrouwbare toets" in dom
    ouders = _chromium(tmp_path, dashboard.as_uri() + "#perspective=ouders", "--dump-dom").stdout
    flags = _flags(ouders)
    assert flags["blij"] == "▼ omlaag" and flags["boos"] == "▲ omhoog"
    assert re.search(r'data-testid="test" data-sig="emotie">toets: chi-kwadraat, p = ', ouders)
    assert "Fijn dat er eindelijk iemand luisterde." in dom
    assert "Niet citeren alstublieft." not in dom
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)

    # filters from the address: period and perspective
    filtered = _chromium(tmp_path, dashboard.as_uri() + "#period=2025-H1&perspective=ouders",
                         "--dump-dom").stdout
    assert re.search(r'id="total" data-testid="total">20<', filtered)
    assert _counts(filtered, "emotie") == {"blij": "12", "boos": "8", "verdrietig": "0",
                                           "neutraal": "0"}
    team = _chromium(tmp_path, dashboard.as_uri() + "#perspective=team", "--dump-dom").stdout
    assert _counts(team, "emotie") == {"blij": "*", "boos": "9", "verdrietig": "*",
                                       "neutraal": "0"}
    assert re.search(r'data-period="2025-H1">.*?9<', team)


@pytest.mark.slow
@needs_chromium
def test_no_request_leaves_the_page(dashboard, tmp_path):
    netlog = tmp_path / "netlog.json"
    res = _chromium(tmp_path, dashboard.as_uri(), "--dump-dom", f"--log-net-log={netlog}")
    assert 'data-ready="1"' in res.stdout
    assert _page_requests(netlog) == []
    # the check itself works: a page that does reach out is caught
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<img src="http://example.invalid/a.png"><script>'
                     'fetch("https://example.invalid/b")</script>', encoding="utf-8")
    control = tmp_path / "control.json"
    _chromium(tmp_path, leaky.as_uri(), "--dump-dom", f"--log-net-log={control}")
    assert len(_page_requests(control)) == 2


@pytest.mark.slow
@needs_chromium
def test_screenshot_on_a_laptop_screen(dashboard, tmp_path):
    shot = tmp_path / "dashboard.png"
    _chromium(tmp_path, dashboard.as_uri(), "--window-size=1366,2200", f"--screenshot={shot}",
              "--hide-scrollbars")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000
    width = int.from_bytes(data[16:20], "big")
    assert width == 1366


@pytest.mark.slow
@needs_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) is missing")
def test_printable(dashboard, tmp_path):
    pdf = tmp_path / "dashboard.pdf"
    _chromium(tmp_path, dashboard.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Welke emotie hoort bij dit verhaal?" in text
    assert "Periode: alle perioden" in text  # the filter is printed instead of the menus
    assert "Verschuivingen" in text and "2025-H1 → 2025-H2" in text


# --- valence: colour by meaning only where the method declares it ----------------------------


def test_valence_is_optional_and_a_scale_end_implies_the_other():
    from pydantic import ValidationError

    from sprintkit.model.method import ScaleSpec, Signifier

    assert ScaleSpec().level_valence() == {}
    assert ScaleSpec(max_valence="positive").level_valence() == {1: "negative", 5: "positive"}
    assert ScaleSpec(min=0, max=10, min_valence="positive").level_valence() == {
        0: "positive", 10: "negative"}
    with pytest.raises(ValidationError, match="kunnen niet hetzelfde zijn|cannot be the same"):
        ScaleSpec(min_valence="positive", max_valence="positive")
    with pytest.raises(ValidationError):
        Signifier(id="x", type="choice", question={"nl": "?"},
                  choices=[{"id": "a", "label": {"nl": "a"}, "valence": "good"}])


def test_dashboard_data_carries_valence_and_page_words(cli, tmp_path):
    extra = """\
  - id: gevoel
    type: choice
    question: {nl: Hoe voelde het?, en: How did it feel?}
    choices:
      - {id: fijn, label: {nl: Fijn, en: Good}, valence: positive}
      - {id: rot, label: {nl: Rot, en: Bad}, valence: negative}
      - {id: anders, label: {nl: Anders, en: Other}}
"""
    sprint = make_sprint(tmp_path / "sprint")
    method = next((sprint / "methods").glob("*.yaml"))
    text = method.read_text(encoding="utf-8")
    method.write_text(text.replace("signifiers:\n", "signifiers:\n" + extra, 1), encoding="utf-8")
    (tmp_path / "in.csv").write_text(csv_text(_rows()), encoding="utf-8")
    assert cli("stories", "import", tmp_path / "in.csv", "-s", sprint).exit_code == 0
    for lang, word in (("nl", "Niet gebruikt uit het adres: {items}."),
                       ("en", "Not used from the address: {items}.")):
        out = tmp_path / f"{lang}.html"
        res = cli("stories", "dashboard", "-s", sprint, "--out", out, "--lang", lang)
        assert res.exit_code == 0, res.stderr
        data = _data(out.read_text(encoding="utf-8"))
        valence = {s["id"]: s["valence"] for s in data["signifiers"]}
        assert valence["gevoel"] == {"fijn": "positive", "rot": "negative"}
        assert valence["emotie"] == {}
        assert data["ui"]["address_ignored"] == word
