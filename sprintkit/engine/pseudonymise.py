"""Pseudonymising story text as it enters: names from a key file become stable codes; e-mail
addresses, phone numbers, Dutch postcodes, IBANs and 9-digit numbers that pass the BSN 11-test
become placeholders.

Pure functions, no files: the key file is read by :mod:`sprintkit.files.keyfile` and handed in
as :class:`NameEntry` objects plus its secret. A name's code is an HMAC of the name under the key
file's secret, so the same name always gets the same code within one key file, while the code
cannot be turned back into the name without the key file (a plain hash could be, by trying a list
of common names)."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

PLACEHOLDERS: dict[str, dict[str, str]] = {
    "nl": {"name": "NAAM", "email": "E-MAIL", "phone": "TELEFOON", "postcode": "POSTCODE",
           "bsn": "BSN", "iban": "IBAN"},
    "en": {"name": "NAME", "email": "EMAIL", "phone": "PHONE", "postcode": "POSTCODE",
           "bsn": "BSN", "iban": "IBAN"},
}
KINDS = ("name", "email", "phone", "postcode", "bsn", "iban")


@dataclass(frozen=True)
class NameEntry:
    """One person in the key file: every spelling that refers to them, and an optional code."""

    aliases: tuple[str, ...]
    code: str | None = None


@dataclass
class Pseudonymised:
    """The cleaned text and how many identifiers of each kind were replaced (never the values)."""

    text: str
    replaced: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.replaced.values())


# --- detectors -----------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_IBAN = re.compile(r"(?<!\w)NL ?\d{2} ?[A-Z]{4}(?: ?\d){10}(?!\w)", re.IGNORECASE)
_BSN = re.compile(
    r"(?<![\w.,-])(\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}\.\d{2}\.\d{3})(?!\w|[.,-]\d)"
)
_SEP = r"[ .\-]?"
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # international: +31 6 12345678, 0031 (0)20 1234567, +32 470 12 34 56
    r"(?:\+|00)\d{2}" + _SEP + r"(?:\(0\)" + _SEP + r")?\d(?:" + _SEP + r"\d){6,12}"
    r"|"
    # national: 0612345678, 06-12345678, 06 12 34 56 78, 020-1234567, (020) 123 45 67
    r"\(?0\d{1,3}\)?" + _SEP + r"\d(?:" + _SEP + r"\d){5,8}"
    r")(?!\w)"
)
_DATE_START = re.compile(r"^\(?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_POSTCODE = re.compile(r"(?<!\w)[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?!\w)")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def bsn_valid(digits: str) -> bool:
    """The BSN 11-test: 9 digits, weights 9..2 and -1, sum divisible by 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total != 0 and total % 11 == 0


def _phone_valid(candidate: str) -> bool:
    if _DATE_START.match(candidate):
        return False
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith(("+", "00")):
        digits = digits[2:] if candidate.startswith("00") else digits
        if digits.startswith("31"):
            national = digits[2:]
            if "(0)" in candidate and national.startswith("0"):
                national = national[1:]
            return len(national) == 9
        return 8 <= len(digits) <= 15
    if digits.startswith(("0800", "0900", "0906", "0909")):
        return len(digits) in (8, 11)
    return len(digits) == 10 and not digits.startswith("00")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of a word, for matching names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- the pseudonymiser ---------------------------------------------------------------------


class Pseudonymiser:
    """Replaces identifiers in text; build once per import (names are indexed for speed)."""

    def __init__(self, names: Iterable[NameEntry] = (), secret: bytes = b"", lang: str = "nl"):
        self.words = PLACEHOLDERS.get(lang, PLACEHOLDERS["nl"])
        self.secret = secret
        # first word -> [(word tuple, code)], longest spellings first
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for entry in names:
            code = self.code_for(entry)
            for alias in entry.aliases:
                words = tuple(_fold(w) for w in _WORD.findall(alias))
                if words:
                    self._index.setdefault(words[0], []).append((words, code))
        for options in self._index.values():
            options.sort(key=lambda item: -len(item[0]))

    def code_for(self, entry: NameEntry) -> str:
        """The stable code of a person: their own code, or one derived from the secret."""
        if entry.code:
            return entry.code
        canonical = " ".join(_fold(w) for w in _WORD.findall(entry.aliases[0]))
        digest = hmac.new(self.secret, canonical.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"[{self.words['name']}-{digest[:6].upper()}]"

    def __call__(self, text: str) -> Pseudonymised:
        return self.apply(text)

    def apply(self, text: str) -> Pseudonymised:
        counts: dict[str, int] = {}

        def sub(kind: str, pattern: re.Pattern[str], value: str, check=None) -> str:
            def repl(match: re.Match[str]) -> str:
                if check is not None and not check(match.group(0)):
                    return match.group(0)
                counts[kind] = counts.get(kind, 0) + 1
                return f"[{self.words[kind]}]"

            return pattern.sub(repl, value)

        if "@" in text:
            text = sub("email", _EMAIL, text)
        if _DIGIT.search(text):  # every other identifier has a digit; most stories have none
            text = sub("iban", _IBAN, text)
            text = sub("bsn", _BSN, text, lambda m: bsn_valid(re.sub(r"\D", "", m)))
            text = sub("phone", _PHONE, text, _phone_valid)
            text = sub("postcode", _POSTCODE, text)
        if self._index:
            text = self._names(text, counts)
        return Pseudonymised(text, {k: counts[k] for k in KINDS if k in counts})

    def _names(self, text: str, counts: dict[str, int]) -> str:
        tokens = [(m.start(), m.end(), _fold(m.group(0))) for m in _WORD.finditer(text)]
        pieces: list[str] = []
        last = 0
        i = 0
        while i < len(tokens):
            options = self._index.get(tokens[i][2])
            matched = False
            if options:
                for words, code in options:
                    end = i + len(words)
                    if end <= len(tokens) and all(
                        tokens[i + k][2] == words[k] for k in range(len(words))
                    ) and _only_spaces(text, tokens, i, end):
                        pieces.append(text[last:tokens[i][0]])
                        pieces.append(code)
                        last = tokens[end - 1][1]
                        counts["name"] = counts.get("name", 0) + 1
                        i = end
                        matched = True
                        break
            if not matched:
                i += 1
        pieces.append(text[last:])
        return "".join(pieces)


def _only_spaces(text: str, tokens: list[tuple[int, int, str]], i: int, end: int) -> bool:
    """The words of a multi-word name are separated by whitespace only (or a hyphen)."""
    for k in range(i, end - 1):
        between = text[tokens[k][1]:tokens[k + 1][0]]
        if between.strip(" \t-") or len(between) > 3:
            return False
    return True


def pseudonymise(text: str, names: Iterable[NameEntry] = (), secret: bytes = b"",
                 lang: str = "nl") -> Pseudonymised:
    """One-off convenience: build a :class:`Pseudonymiser` and apply it to ``text``."""
    return Pseudonymiser(names, secret, lang).apply(text)
