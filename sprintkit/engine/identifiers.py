"""Finding identifiers in free text: e-mail addresses, IBANs, phone numbers, BSNs and Dutch
postcodes — however they are spaced, hyphenated or broken over lines.

Pure functions, no files. :func:`find_identifiers` returns the spans to replace (never more than
the identifier itself: brackets, commas and full stops around it stay). The rules, each chosen to
hold against the ways people actually write these numbers and to leave dates, times, amounts,
years and counts alone:

* **Separators.** Between the digit groups of a phone number, BSN or IBAN may stand up to three
  whitespace characters (spaces, non-breaking spaces, tabs, line breaks) and at most one hyphen
  of any kind (``-``, ``‐``, ``–``, ``—``, ``−``), slash or full stop. Digits glued to letters
  (``Tel0612345678``, ``BSN111222333``) count too.
* **Phone numbers.** Dutch: 10 digits starting with ``0`` (not ``00``), every group at least two
  digits; ``0800``/``090x`` numbers of 8 or 11 digits; ``+31``/``0031`` followed by 9 digits (a
  ``(0)`` or a written ``0`` after the country code is allowed); other countries ``+NN`` with 8
  to 15 digits. ``(020) 123 45 67`` is replaced with its brackets, which belong to the number.
* **BSN.** 9 digits (groups of at least two) that pass the 11-test.
* **Dates are not numbers.** Three groups joined by the same ``-``, ``/`` or ``.`` that read as a
  day, month and year (``02-03-2026``, ``2/3/26``) or as ``2026-03-02`` are a date — unless the
  chain goes on with the same separator (``06-12-34-56-78`` is a phone number), or, with a
  two-digit year, with more digits at all (``06-12-34 5678``). A run right after
  ``€``, ``EUR`` or ``$``, or followed by a decimal comma (``1.250,00``), is an amount.
* **IBAN.** Dutch shape (``NL`` + 2 digits + 4 letters + 10 digits, any spacing or hyphens) always;
  other countries when the mod-97 check holds.
* **Postcodes.** 4 digits (first not 0) and 2 letters, with a space, hyphen or nothing between,
  any case (``1234 AB``, ``1234ab``, ``1234-AB``); never ``SA``, ``SD`` or ``SS``. Two
  lower-case letters that form a common short word or unit (``2024 de``, ``1234 en``, ``1000
  km``) are not a postcode; in capitals they are.
* **E-mail addresses**: ``name@domain.tld``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sprintkit.engine.lazyre import LazyPattern

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SEP = rf"(?:\s{{0,3}}[{DASHES}/.]\s{{0,3}}|\s{{1,3}})"
_IBAN_SEP = rf"(?:\s{{1,3}}|\s{{0,3}}[{DASHES}.]\s{{0,3}})"

EMAIL = LazyPattern(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Dutch shape, any spacing: NL91 ABNA 0417 1643 00, NL91-ABNA-0417-1643-00, NL91ABNA0417164300
_IBAN_NL = LazyPattern(
    rf"[Nn](?<![A-Za-z0-9][Nn])[Ll]{_IBAN_SEP}?\d{_IBAN_SEP}?\d(?:{_IBAN_SEP}?[A-Z]){{4}}"
    rf"(?:{_IBAN_SEP}?\d){{10}}(?!\d)",
    re.IGNORECASE,
)
# other countries: the country, 2 check digits, then 10 to 30 letters or digits
_IBAN_OTHER = LazyPattern(
    rf"[A-Za-z](?<![A-Za-z0-9][A-Za-z])[A-Z]\d\d(?:{_IBAN_SEP}?[A-Z0-9]){{10,30}}(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# a digit group: (0) as in +31 (0)6, an area code in brackets, or digits
_GROUP = r"(?:\(0\d{0,3}\)|\d+)"
# (each pattern starts with a plain character class, so the regex engine skips ahead fast)
_RUN = LazyPattern(
    rf"(?:\+\s?{_GROUP}|\(0\d{{0,3}}\)|\d\d*)(?:(?:{_SEP}|(?<=\))|(?=\())(?:{_GROUP}))*"
)
_GROUP_RE = LazyPattern(_GROUP)
_AMOUNT_BEFORE = LazyPattern(r"(?:€|\$|£|\bEUR|\beur|\bEuro|\beuro)\s{0,2}$")
_DECIMAL_AFTER = LazyPattern(r",\d{1,2}(?!\d)")
_ALNUM_RUN = LazyPattern(r"[A-Za-z0-9]+")
_POSTCODE = LazyPattern(
    rf"([1-9](?<!\w[1-9])\d{{3}})(?:[ \u00a0\u202f]?[{DASHES}][ \u00a0\u202f]?|[ \u00a0\u202f])?"
    r"([A-Za-z]{2})(?!\w)"
)
_NOT_POSTCODE_LETTERS = frozenset({"sa", "sd", "ss"})
# lower-case letter pairs after four digits that are words or units, not postcodes
COMMON_PAIRS = frozenset("""
    aa af al as bv da de di do dr du eb ed ef eh el em en er et ex ga ge ha he hi ho ik in is
    je jl ka la le li ma me mi mn na ne nl no nu of oh ok om on op or ou pa pm am ro sa se si
    so st ta te ti to tv uu vs we wo ze zo zu at be by go if it my up us an id ie eg
    km kg mg ml cl dl cm mm dm gr gb mb kb tb hz kw mw wh ct pp nr ca vk wk jr
""".split())

PhoneOrBsn = tuple[int, int, str]


def bsn_valid(digits: str) -> bool:
    """The BSN 11-test: 9 digits, weights 9..2 and -1, sum divisible by 11 (and not zero)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total != 0 and total % 11 == 0


def iban_valid(text: str) -> bool:
    """The IBAN mod-97 check on the letters and digits of ``text``."""
    compact = "".join(c for c in text.upper() if c.isalnum())
    if len(compact) < 15 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def _phone_valid(groups: list[str], international: bool) -> bool:
    digits = "".join(groups)
    if international or digits.startswith("00"):
        if not international:
            digits = digits[2:]
        if digits.startswith("31"):
            national = digits[2:]
            if national.startswith("0"):
                national = national[1:]
            return len(national) == 9 and not national.startswith("0")
        return 8 <= len(digits) <= 15 and not digits.startswith("0")
    if not digits.startswith("0") or digits.startswith("00"):
        return False
    if any(len(g) < 2 for g in groups):
        return False
    if digits.startswith(("0800", "0900", "0906", "0909")):
        return len(digits) in (8, 11)
    return len(digits) == 10


def _date_groups(groups: list[str], kinds: list[str]) -> set[int]:
    """Indexes of groups that form a date: a chain of exactly three groups joined by the same
    ``-``, ``/`` or ``.`` that reads as d-m-y or y-m-d."""
    dated: set[int] = set()
    start = 0
    n = len(groups)
    while start < n:
        end = start
        while end + 1 < n and kinds[end] in "-/." and kinds[end] == kinds[start]:
            end += 1
        short_year = end - start == 2 and len(groups[end]) == 2 and len(groups[start]) <= 2
        if (end - start == 2 and kinds[start] in "-/." and _is_date(groups[start:end + 1])
                and not (short_year and end + 1 < n)):  # 06-12-34 5678 is a phone number
            dated.update(range(start, end + 1))
        start = end + 1
    return dated


def _is_date(parts: list[str]) -> bool:
    a, b, c = (len(p) for p in parts)
    x, y, z = (int(p) for p in parts)
    if a <= 2 and b <= 2 and c in (2, 4):
        return 1 <= x <= 31 and 1 <= y <= 12
    if a == 4 and b <= 2 and c <= 2:
        return 1 <= y <= 12 and 1 <= z <= 31
    return False


def _kind(separator: str) -> str:
    """A separator's kind: its hyphen, slash or dot, or ' ' for whitespace (or nothing)."""
    stripped = separator.strip()
    if not stripped:
        return " "
    return "-" if stripped in DASHES else stripped


def _numbers(text: str) -> Iterator[PhoneOrBsn]:
    """(start, end, kind) of the phone numbers and BSNs in ``text``."""
    for run in _RUN.finditer(text):
        start = run.start()
        if run.end() - start < 8:  # too short to hold 8 digits
            continue
        if _AMOUNT_BEFORE.search(text, max(0, start - 6), start):
            continue
        if _DECIMAL_AFTER.match(text, run.end()):
            continue
        international = run.group(0).startswith("+")
        spans = [m.span() for m in _GROUP_RE.finditer(text, start, run.end())]
        groups = [re.sub(r"\D", "", text[s:e]) for s, e in spans]
        kinds = [_kind(text[spans[i][1]:spans[i + 1][0]]) for i in range(len(spans) - 1)]
        dated = _date_groups(groups, kinds)
        i = 0
        while i < len(groups):
            found = _window(groups, dated, i, international and i == 0)
            if found is None:
                i += 1
                continue
            j, kind = found
            begin = start if international and i == 0 else spans[i][0]
            yield begin, spans[j][1], kind
            i = j + 1


def _window(groups: list[str], dated: set[int], i: int,
            international: bool) -> tuple[int, str] | None:
    """The longest phone number, else a BSN, starting at group ``i``: (last group, kind)."""
    if i in dated:
        return None
    phone: int | None = None
    bsn: int | None = None
    length = 0
    for j in range(i, len(groups)):
        if j in dated:
            break
        length += len(groups[j])
        if length > 15:
            break
        window = groups[i:j + 1]
        if _phone_valid(window, international):
            phone = j
        elif length == 9 and all(len(g) >= 2 for g in window) and bsn_valid("".join(window)):
            bsn = j
    if phone is not None:
        return phone, "phone"
    if bsn is not None:
        return bsn, "bsn"
    return None


def _postcodes(text: str) -> Iterator[PhoneOrBsn]:
    for m in _POSTCODE.finditer(text):
        letters = m.group(2)
        folded = letters.lower()
        if folded in _NOT_POSTCODE_LETTERS:
            continue
        if not letters.isupper() and folded in COMMON_PAIRS:
            continue
        yield m.start(), m.end(), "postcode"


def _ibans(text: str) -> Iterator[PhoneOrBsn]:
    taken: list[tuple[int, int]] = []
    for m in _IBAN_NL.finditer(text):
        taken.append(m.span())
        yield m.start(), m.end(), "iban"
    for m in _IBAN_OTHER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if not m.group(0)[:2].isupper() or m.group(0)[:2].upper() == "NL":
            continue
        # the match may have run on into a following word: try it shorter, chunk by chunk
        ends = [m.start() + c.end() for c in _ALNUM_RUN.finditer(m.group(0))]
        for end in reversed(ends):
            if iban_valid(text[m.start():end]):
                yield m.start(), end, "iban"
                break


def find_identifiers(text: str) -> list[PhoneOrBsn]:
    """Every identifier in ``text`` as (start, end, kind), in order, never overlapping.

    E-mail addresses and IBANs are found first; phone numbers and BSNs in what is left, then
    postcodes. Text with neither ``@`` nor four digits is returned at once."""
    found: list[PhoneOrBsn] = []
    if "@" in text:
        found.extend((m.start(), m.end(), "email") for m in EMAIL.finditer(text))
    digits = sum(map(text.count, "0123456789"))  # C speed; most text has few digits
    if digits < 4:
        return found
    masked = _mask(text, found)
    if digits >= 8:  # the shortest phone number (0800-1234); an IBAN has at least 12
        ibans = list(_ibans(masked)) if digits >= 12 else []
        found.extend(ibans)
        masked = _mask(masked, ibans)
        numbers = list(_numbers(masked))
        found.extend(numbers)
        masked = _mask(masked, numbers)
    found.extend(_postcodes(masked))
    found.sort()
    return found


def _mask(text: str, spans: list[PhoneOrBsn]) -> str:
    """``text`` with the spans found so far blanked out (same length, so offsets hold)."""
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end, _ in sorted(spans):
        parts.append(text[last:start])
        parts.append("\x00" * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)
