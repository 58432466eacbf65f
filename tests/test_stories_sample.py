"""`sprintkit stories sample`: practice stories in the sprint's language, the same stories (dates,
perspectives, answers) for a seed in either language, and importable as they are."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re

import pytest
from test_language_tour import DUTCH, ENGLISH

TITLES = {"nl": ("regio", "Verhalen regio", "Regionaal team"),
          "en": ("region", "Region stories", "Regional team")}


@pytest.fixture
def sprints(cli, tmp_path):
    made = {}
    for lang, (name, title, org) in TITLES.items():
        folder = tmp_path / name
        res = cli("new", "story-cycle", folder, "--title", title, "--org", org, "--lang", lang,
                  "--no-input")
        assert res.exit_code == 0, res.stderr
        made[lang] = folder
    return made


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _words(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words
            if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE)]


def test_english_sprint_sample_is_english_and_imports(cli, sprints, tmp_path):
    out = tmp_path / "practice.csv"
    res = cli("stories", "sample", "-s", sprints["en"], "--count", "400", "--out", out)
    assert res.exit_code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    rows = _rows(text)
    assert len(rows) == 400
    stories = " ".join(r["text"] for r in rows)
    assert _words(stories, DUTCH) == []
    assert _words(text, DUTCH) == []
    assert {r["consent_quote"] for r in rows} == {"yes", "no"}
    res = cli("stories", "import", out, "-s", sprints["en"], "--format", "json")
    assert res.exit_code == 0, res.stderr
    result = json.loads(res.stdout)
    assert result["imported"] == 400 and result["warnings"] == []
    assert result["periods"] == {"2025-H1": 200, "2025-H2": 200}
    assert _words(res.stderr, DUTCH) == []


def test_a_seed_gives_the_same_stories_in_either_language(cli, sprints):
    samples = {lang: cli("stories", "sample", "-s", folder, "--count", "300", "--seed", "9",
                         "--periods", "3").stdout for lang, folder in sprints.items()}
    nl, en = _rows(samples["nl"]), _rows(samples["en"])
    assert len(nl) == len(en) == 300
    assert list(nl[0]) == list(en[0])
    yes = {"ja": "yes", "nee": "no"}
    for dutch, english in zip(nl, en, strict=True):
        assert dutch["text"] != english["text"]
        assert yes[dutch["consent_quote"]] == english["consent_quote"]
        same = set(dutch) - {"text", "consent_quote"}
        assert {k: dutch[k] for k in same} == {k: english[k] for k in same}
    assert _words(" ".join(r["text"] for r in nl), ENGLISH) == []


def test_dutch_sample_is_the_one_the_docs_show(cli, sprints):
    """The Dutch practice stories stay as they were: the pages' figures come from them."""
    text = cli("stories", "sample", "-s", sprints["nl"], "--count", "400").stdout
    assert text.splitlines()[1] == (
        "2025-01-31,team-members,Tijdens het huisbezoek liep de samenwerking tussen de "
        "organisaties soepel en snel. Dat heeft veel verschil gemaakt.,sad,cooperation,4,"
        "rarely,0/7/93,ja")
    assert hashlib.sha256(text.encode()).hexdigest() == DUTCH_400


DUTCH_400 = "f88c9bbe64d63e993132e2125a591f704d37888e22edb6126d2a13ba74f6f91f"
"""sha256 of the Dutch sample of 400 stories with the default seed, as it was first written."""
