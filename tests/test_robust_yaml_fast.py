"""The fast reader for read-only files gives exactly the careful reader's data, or steps aside.

``sprintkit.files.yamlfast`` reads plain data with libyaml; ``yamlio.parse_yaml`` (ruamel's
round-trip reader) is the reference. These tests compare the two on hand-picked corner cases and
on random documents, and check that whatever the fast reader cannot vouch for goes to the
careful reader (which reports it with a location)."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sprintkit.errors import InvalidFile
from sprintkit.files import yamlfast
from sprintkit.files.yamlio import parse_yaml

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


def careful(text: str):
    return parse_yaml(text, Path("x.yaml")).data


def same_or_steps_aside(text: str) -> bool:
    """True when the fast reader answered (and then equals the careful reader)."""
    ok, data = yamlfast.fast_plain(text)
    try:
        reference = careful(text)
    except InvalidFile:
        assert not ok, f"fast reader accepted what the careful reader refuses: {text!r}"
        return False
    if ok:
        assert _same(data, reference), f"{text!r}: fast {data!r} != careful {reference!r}"
    return ok


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True  # nan
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def test_resolvers_are_ruamels_for_yaml_1_2():
    from ruamel.yaml.resolver import implicit_resolvers

    theirs = [(tag, regexp.pattern, "".join(c for c in first if c))
              for versions, tag, regexp, first in implicit_resolvers
              if (1, 2) in versions and not tag.endswith(":yaml")]
    ours = [(tag, pattern, first) for tag, pattern, first in yamlfast.RESOLVERS_1_2]
    assert ours == theirs


def test_timestamp_pattern_is_ruamels():
    from ruamel.yaml.util import timestamp_regexp

    assert yamlfast._TIMESTAMP_PARTS.pattern == timestamp_regexp.pattern


SCALARS = [
    "yes", "NO", "on", "Off", "y", "n", "true", "False", "TRUE", "~", "null", "Null", "", "NULL",
    "12:30", "1:20:30", "012", "0777", "0o17", "0x1F", "0b101", "1_000", "-_", "0x_", "._",
    "+12", "-0", "1.5", "1.", ".5", "-.5", "1e3", "1E+3", ".5e3", ".5e+3", "1.5e-3", ".inf",
    "-.Inf", ".NaN", "=", "<<", "2026-03-02", "2026-13-01", "2026-02-30", "2026-3-2",
    "2026-03-02 10:00:00", "2026-03-02T10:00:00", "2026-03-02t10:00:00.5",
    "2026-03-02T10:00:00.1234567", "2026-03-02T10:00:00.9999999", "2026-03-02 10:00:00 +01:00",
    "2026-03-02T10:00:00Z", "2026-03-02T10:00:00-5", "2026-03-02T25:00:00", "20260302",
    "'quoted 12'", '"12"', '"\\u00e9t\\xe9"', "'it''s'", "plain text with: colon", "a #b",
    "€ 12,50", "ja", "nee", "!!str 12", "!!int '12'", "!custom x", "&a 1", "[1, 2]", "{a: 1}",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_corner_case_scalars(scalar):
    for text in (f"key: {scalar}\n", f"- {scalar}\n", f"{scalar}: value\n"):
        try:
            same_or_steps_aside(text)
        except InvalidFile:
            pass


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                      # aliases
    "base: &b {x: 1}\nother:\n  <<: *b\n",    # merge keys
    "a: !!str 12\n",                          # explicit tags
    "%YAML 1.1\n---\na: yes\n",               # a directive changes the rules
    "a: 1\na: 2\n",                           # duplicate keys
    "? [a, b]\n: c\n",                        # complex keys
    "a: 1\n---\nb: 2\n",                      # two documents
    "a: [1, 2\n",                             # a syntax error
    "a:\n\tb: 1\n",                           # a tab
    "x: " + "[" * 150 + "]" * 150 + "\n",     # too deep
])
def test_what_the_fast_reader_leaves_to_the_careful_one(text):
    ok, _ = yamlfast.fast_plain(text)
    assert not ok


def test_plain_documents_are_read_fast_and_the_same():
    text = (
        "# a comment\nid: s1\ntitle: 'Nieuwe werkwijze'   # trailing\nlanguage: nl\n"
        "start: 2026-03-02\nsteps:\n  - {at: '09:00', what: Welkom}\n  - at: 10:30\n"
        "notes: |\n  Regel een\n  Regel twee\nfolded: >\n  een\n  twee\n\n  drie\n"
        "count: 12\nshare: 0.7\nopen: true\nnothing:\nempty: ''\n"
    )
    assert same_or_steps_aside(text)
    assert careful(text)["steps"][1]["at"] == "10:30"


def test_the_built_in_methods_and_work_forms_are_read_fast():
    from sprintkit.files.library import BUILTIN_DIR

    files = sorted(BUILTIN_DIR.rglob("*.yaml"))
    assert len(files) > 40
    for path in files:
        assert same_or_steps_aside(path.read_text(encoding="utf-8")), path


def test_a_big_generated_sprint_is_read_fast_and_the_same():
    import yaml
    from bigsprint_support import big_sprint_data

    text = yaml.safe_dump(big_sprint_data(60, 20), allow_unicode=True, sort_keys=False)
    assert same_or_steps_aside(text)


# --- random documents ---------------------------------------------------------------------

_words = st.text(alphabet=string.ascii_letters + string.digits + " -_.:/#'\"!&*%@`,?[]{}|>~=+",
                 max_size=12)
_scalars = st.one_of(
    st.sampled_from(SCALARS), _words, st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)).map(str),
)


@st.composite
def documents(draw, depth=0):
    """YAML text built line by line from random keys and scalars (valid or not)."""
    lines = []
    for i in range(draw(st.integers(1, 5))):
        key = draw(st.one_of(st.sampled_from(["id", "title", "at", "yes", "1", "on"]), _words))
        key = key or f"k{i}"
        indent = "  " * depth
        if depth < 3 and draw(st.booleans()):
            lines.append(f"{indent}{key}:")
            if draw(st.booleans()):
                for _ in range(draw(st.integers(1, 3))):
                    lines.append(f"{indent}  - {draw(_scalars)}")
            else:
                lines.append(draw(documents(depth + 1)))
        else:
            lines.append(f"{indent}{key}: {draw(_scalars)}")
    return "\n".join(lines)


@SETTINGS
@given(documents())
def test_random_documents_agree(text):
    try:
        same_or_steps_aside(text + "\n")
    except InvalidFile:
        pass


@SETTINGS
@given(st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9),
              st.floats(allow_nan=False, width=32), st.text(max_size=20),
              st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
              st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1))),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=25))
def test_data_written_by_yaml_tools_reads_back_the_same(data):
    """Documents as PyYAML and ruamel.yaml write them: the fast reader answers for nearly all,
    and always with the careful reader's values."""
    import io

    import yaml
    from ruamel.yaml import YAML

    texts = [yaml.safe_dump({"data": data}, allow_unicode=True, sort_keys=False)]
    stream = io.StringIO()
    YAML(typ="rt", pure=True).dump({"data": data}, stream)
    texts.append(stream.getvalue())
    for text in texts:
        try:
            same_or_steps_aside(text)
        except InvalidFile:
            pass


@SETTINGS
@given(st.text(max_size=60))
def test_arbitrary_text_never_crashes_either_reader(text):
    try:
        same_or_steps_aside(text)
    except InvalidFile:
        pass


# --- the lazy tree --------------------------------------------------------------------------


def test_a_fast_document_builds_its_tree_only_when_asked(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("id: s\ntitle: T\nmethod: m\n", encoding="utf-8")
    doc = parse_yaml(path.read_text(), path, fast=True)
    assert doc.fast and doc.data == {"id": "s", "title": "T", "method": "m"}
    assert doc.tree.lc.line == 0 and not doc.fast
    assert dict(doc.tree) == doc.data


def test_an_invalid_file_read_fast_still_points_at_the_problem(tmp_path):
    from sprintkit.files.yamlio import load_model
    from sprintkit.model.sprint import Sprint

    path = tmp_path / "sprint.yaml"
    path.write_text("id: s\ntitle: T\nmethod: m\nlanguage: de\n", encoding="utf-8")
    with pytest.raises(InvalidFile) as fast:
        load_model(path, Sprint, "sprint", fast=True)
    with pytest.raises(InvalidFile) as slow:
        load_model(path, Sprint, "sprint")
    assert [str(p) for p in fast.value.problems] == [str(p) for p in slow.value.problems]
    assert re.search(r"sprint\.yaml:4:11: language", str(fast.value.problems[0]))


def test_a_write_without_the_fast_reader_gives_the_same_file(tmp_path, monkeypatch):
    """A transaction reads the file with libyaml to find the entries it changes and rewrites
    only those with the careful reader's round trip; without libyaml (or for a file it does
    not take) the whole file goes through the round trip. Both keep the user's comments and
    give the same file here."""
    from sprintkit.files import sprintfile

    texts = []
    for fast in (True, False):
        folder = tmp_path / f"s{fast}"
        folder.mkdir()
        (folder / "sprint.yaml").write_text(
            "# mine\nid: s\ntitle: T   # keep\nmethod: m\n", encoding="utf-8")
        if not fast:
            monkeypatch.setattr(yamlfast, "fast_nodes", lambda text: (False, None, None))
        sprintfile.update_sprint(folder, lambda s: setattr(s, "title", "U"))
        monkeypatch.undo()
        texts.append((folder / "sprint.yaml").read_text(encoding="utf-8"))
        assert sprintfile.load_sprint(folder).model.title == "U"
    assert texts[0] == texts[1] == "# mine\nid: s\ntitle: U   # keep\nmethod: m\n"


# --- the depth check before the careful reader --------------------------------------------


def test_many_shallow_flow_lists_are_not_deep():
    text = "".join(f"k{i}: [a, [b, {{c: d}}]]\n" for i in range(300))
    assert yamlfast.too_deep(text, 100) is None
    assert len(careful(text)) == 300


def test_flow_nesting_past_the_limit_is_found_with_its_place():
    text = "a: 1\nb: " + "[" * 101 + "]" * 101 + "\n"
    assert yamlfast.too_deep(text, 100) == (2, 104)
    with pytest.raises(InvalidFile, match="te diep genest"):
        careful(text)
    just = "a: 1\nb: " + "[" * 100 + "]" * 100 + "\n"
    assert yamlfast.too_deep(just, 100) is None
    assert careful(just)["a"] == 1  # the careful reader counts levels the same way
