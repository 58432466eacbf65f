"""Pseudonymising free text as it enters: names from a key file become stable codes; e-mail
addresses, phone numbers, Dutch postcodes, IBANs and 9-digit numbers that pass the BSN 11-test
become placeholders (found by :mod:`sprintkit.engine.identifiers`, whose docstring gives the
rules).

Names match on folded words: Unicode NFKC, case folded, diacritics removed (``Øster`` =
``Oster``, with a small table for letters that have no decomposition: ø, æ, œ, ł, đ, ð, þ, ı).
Between the words of a name any whitespace counts (line breaks, tabs, non-breaking spaces), and
at most one apostrophe or hyphen; a full stop only after an initial (``J. de Vries`` = ``J de
Vries`` = ``J.de Vries``) or where the key file writes one. ``Peter O'Brien`` also matches
``Peter OBrien``. Only the name's own characters are replaced: brackets, commas and full stops
around it stay.

Pure functions, no files: the key file is read by :mod:`sprintkit.files.keyfile` and handed in
as :class:`NameEntry` objects plus its secret. A name's code is an HMAC of the name under the key
file's secret, so the same name always gets the same code within one key file, while the code
cannot be turned back into the name without the key file (a plain hash could be, by trying a list
of common names)."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from sprintkit.engine.identifiers import DASHES, bsn_valid, find_identifiers
from sprintkit.engine.lazyre import LazyPattern

KINDS = ("name", "email", "phone", "postcode", "bsn", "iban")


def placeholders(lang: str) -> dict[str, str]:
    """The word that stands in for each kind of identifier (``[NAAM]``) in ``lang``; the words
    are in the catalogue (``stories.placeholder.*``)."""
    from sprintkit.i18n import t

    lang = lang if lang in ("nl", "en") else "nl"
    return {kind: t("stories.placeholder." + kind, lang) for kind in KINDS}


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


# --- matching names ------------------------------------------------------------------------

# letters that have no decomposition, folded by hand (after casefold: ß is already ss)
_FOLD_TABLE = str.maketrans({
    "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "ħ": "h", "ŀ": "l", "ŋ": "n", "ſ": "s", "ĸ": "k", "ŧ": "t",
})
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# a word: letters and digits, with the combining marks of decomposed text (Zoe + U+0308)
_WORD = LazyPattern(rf"[^\W_][^\W_{_MARKS}]*(?:[{_MARKS}]+[^\W_]*)*")
_ASCII_WORD = LazyPattern(r"[a-z0-9]+")
_APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc\u2032"
_JOINERS = frozenset(_APOSTROPHES + DASHES)
_FOLDED: dict[str, str] = {}


def fold(word: str) -> str:
    """The form of a word that names are matched on: NFKC, case folded, without diacritics
    (``Øster`` → ``oster``, ``Zoë`` → ``zoe``, ``Łukasz`` → ``lukasz``)."""
    folded = _FOLDED.get(word)
    if folded is None:
        text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word).casefold())
        folded = "".join(c for c in text if not unicodedata.combining(c)).translate(_FOLD_TABLE)
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        _FOLDED[word] = folded
    return folded


_CODE_WORD = LazyPattern(r"\w+")


def _code_fold(word: str) -> str:
    """The folding a person's code was always derived from (kept, so that codes already stored
    stay the same)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _gap_ok(between: str, initial: bool, alias_punct: bool) -> bool:
    """Whether the text between two words of a name still joins them: whitespace of any kind
    and length (line breaks, non-breaking spaces), plus at most one apostrophe or hyphen — or
    a full stop after an initial (``J. de Vries``, ``J.de Vries``) or where the key file
    itself writes one. ``Jan. Smit`` (a sentence ending) does not join."""
    rest = "".join(c for c in between if not c.isspace())
    if not rest:
        return True
    if len(rest) > 1:
        return False
    if rest in _JOINERS:
        return True
    return rest == "." and (initial or alias_punct)


@dataclass(frozen=True)
class _Spelling:
    words: tuple[str, ...]
    punct: tuple[bool, ...]
    """For each gap between two words: whether the key file writes punctuation there."""
    code: str


def _spellings(alias: str, code: str) -> list[_Spelling]:
    """An alias as words to match; ``O'Brien`` and ``El-Amrani`` also as one word."""
    found = list(_WORD.finditer(alias))
    if not found:
        return []
    words = [fold(m.group(0)) for m in found]
    gaps = [alias[a.end():b.start()] for a, b in zip(found, found[1:], strict=False)]
    punct = tuple(bool(g.strip()) for g in gaps)
    result = [_Spelling(tuple(words), punct, code)]
    joined_words, joined_punct = [words[0]], []
    for word, gap, has in zip(words[1:], gaps, punct, strict=True):
        if gap and not gap.strip(_APOSTROPHES + DASHES):
            joined_words[-1] += word
        else:
            joined_words.append(word)
            joined_punct.append(has)
    if len(joined_words) != len(words):
        result.append(_Spelling(tuple(joined_words), tuple(joined_punct), code))
    return result


# --- the pseudonymiser ---------------------------------------------------------------------


class Pseudonymiser:
    """Replaces identifiers in text; build once per import (names are indexed for speed).

    Names are found word by word: the text is cut into words once, each word folded (cached),
    and only a word that begins some spelling in the key file is looked at further — so a key
    file of thousands of names costs one dictionary look-up per word, not a pattern per name.
    The longest spelling wins; words match whole (``Jan`` never hits ``Janssen`` or
    ``januari``); only the name's own characters are replaced."""

    def __init__(self, names: Iterable[NameEntry] = (), secret: bytes = b"", lang: str = "nl"):
        self.words = placeholders(lang)
        self.secret = secret
        # first word -> spellings beginning with it, longest first
        self._index: dict[str, list[_Spelling]] = {}
        for entry in names:
            code = self.code_for(entry)
            for alias in entry.aliases:
                for spelling in _spellings(alias, code):
                    self._index.setdefault(spelling.words[0], []).append(spelling)
        for options in self._index.values():
            options.sort(key=lambda s: -len(s.words))

    @property
    def has_names(self) -> bool:
        return bool(self._index)

    def code_for(self, entry: NameEntry) -> str:
        """The stable code of a person: their own code, or one derived from the secret."""
        if entry.code:
            return entry.code
        canonical = " ".join(_code_fold(w) for w in _CODE_WORD.findall(entry.aliases[0]))
        digest = hmac.new(self.secret, canonical.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"[{self.words['name']}-{digest[:6].upper()}]"

    def __call__(self, text: str) -> Pseudonymised:
        return self.apply(text)

    def apply(self, text: str) -> Pseudonymised:
        counts: dict[str, int] = {}
        spans = find_identifiers(text)
        if spans:
            pieces: list[str] = []
            last = 0
            for start, end, kind in spans:
                pieces.append(text[last:start])
                pieces.append(f"[{self.words[kind]}]")
                counts[kind] = counts.get(kind, 0) + 1
                last = end
            pieces.append(text[last:])
            text = "".join(pieces)
        if self._index:
            text = self._names(text, counts)
        return Pseudonymised(text, {k: counts[k] for k in KINDS if k in counts})

    def _tokens(self, text: str) -> list[tuple[int, int, str]] | None:
        """The words of ``text`` as (start, end, folded), or None when no name can begin."""
        index = self._index
        if text.isascii():
            low = text.lower()  # same length: offsets hold
            if index.keys().isdisjoint(_ASCII_WORD.findall(low)):
                return None
            return [(m.start(), m.end(), m.group(0)) for m in _ASCII_WORD.finditer(low)]
        tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _WORD.finditer(text)]
        if index.keys().isdisjoint(t[2] for t in tokens):
            return None
        return tokens

    def _names(self, text: str, counts: dict[str, int]) -> str:
        tokens = self._tokens(text)
        if tokens is None:
            return text
        pieces: list[str] = []
        last = 0
        i = 0
        n = len(tokens)
        while i < n:
            spelling = self._match(text, tokens, i)
            if spelling is None:
                i += 1
                continue
            end = i + len(spelling.words)
            pieces.append(text[last:tokens[i][0]])
            pieces.append(spelling.code)
            last = tokens[end - 1][1]
            counts["name"] = counts.get("name", 0) + 1
            i = end
        pieces.append(text[last:])
        return "".join(pieces)

    def _match(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> _Spelling | None:
        options = self._index.get(tokens[i][2])
        if not options:
            return None
        for spelling in options:
            words = spelling.words
            end = i + len(words)
            if end > len(tokens):
                continue
            if all(tokens[i + k][2] == words[k] and _gap_ok(
                    text[tokens[i + k - 1][1]:tokens[i + k][0]], len(words[k - 1]) == 1,
                    spelling.punct[k - 1]) for k in range(1, len(words))):
                return spelling
        return None


__all__ = [
    "KINDS", "NameEntry", "Pseudonymised", "Pseudonymiser", "bsn_valid", "fold", "placeholders",
    "pseudonymise",
]


def pseudonymise(text: str, names: Iterable[NameEntry] = (), secret: bytes = b"",
                 lang: str = "nl") -> Pseudonymised:
    """One-off convenience: build a :class:`Pseudonymiser` and apply it to ``text``."""
    return Pseudonymiser(names, secret, lang).apply(text)
