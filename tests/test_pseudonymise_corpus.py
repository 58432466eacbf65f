"""The pseudonymisation corpus (tests/data/pseudonymise_corpus.yaml): several hundred Dutch ways
of writing names, phone numbers, BSNs, postcodes, e-mail addresses and IBANs — every case an
attacker found — and ordinary text (dates, times, amounts, years, counts) that must not change.
Zero misses and zero false hits."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from sprintkit.engine.pseudonymise import Pseudonymiser
from sprintkit.files.keyfile import read_key_file

CORPUS = Path(__file__).parent / "data" / "pseudonymise_corpus.yaml"
DATA = YAML(typ="safe").load(CORPUS.read_text(encoding="utf-8"))
CASES = DATA["cases"]


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory) -> Pseudonymiser:
    path = tmp_path_factory.mktemp("key") / "key.txt"
    path.write_text(DATA["key_file"] + "secret: " + "ab" * 32 + "\n", encoding="utf-8")
    path.chmod(0o600)
    key = read_key_file(path)
    return Pseudonymiser(key.names, key.secret, "nl")


def test_corpus_is_large_and_covers_both_sides():
    assert len(CASES) >= 200
    assert sum(1 for c in CASES if c.get("same")) >= 60
    assert sum(1 for c in CASES if c.get("gone")) >= 200


@pytest.mark.parametrize("case", CASES, ids=[f"{i}" for i in range(len(CASES))])
def test_corpus_case(pseudo, case):
    text = case["text"]
    result = pseudo(text)
    if case.get("same"):
        assert result.text == text, f"false hit in {text!r}: {result.text!r}"
        assert result.total == 0
        return
    assert result.total >= 1, f"nothing replaced in {text!r}"
    for gone in case.get("gone", []):
        assert gone not in result.text, f"{gone!r} left in {result.text!r}"
    for kept in case.get("kept", []):
        assert kept in result.text, f"{kept!r} lost from {result.text!r}"


def test_every_listed_attack_is_in_the_corpus():
    texts = "\n".join(c["text"] for c in CASES)
    for attack in ("J. de Vries", "Peter O'Brien", "Sanne van 't Hof", "Fatima El\nAmrani",
                   "Jan\u00a0de\u00a0Vries", "Øster", "06 - 1234 5678", "06/12345678",
                   "06\u201312345678", "06-12-34-56-78", "06-1234\n5678", "Tel0612345678",
                   "111-222-333", "BSN111222333", "1234 ab", "1234ab", "1234-AB",
                   "NL91  ABNA  0417  1643  00", "NL91-ABNA-0417-1643-00",
                   "Jan de Vries (06-12345678) zei"):
        assert attack in texts, attack
