"""New list items written without the round trip (sprintkit/files/yamlplain.py) are byte for
byte what the round trip writes, and the round trip still writes whatever yamlplain declines."""

from __future__ import annotations

import copy
import datetime as dt
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sprintkit.files import yamlsplice
from sprintkit.files.yamlfast import fast_nodes, fast_plain
from sprintkit.files.yamlplain import block_items, scalar
from sprintkit.files.yamlsplice import same, splice
from sprintkit.files.yamlwrite import dump, fresh

# text as people type it, with the characters that make YAML quote or refuse a scalar
TRICKY = list("-?:,[]{}#&*!|>'\"%@`~. \t\u00a0\u200b\u2028\u2029\x85\ufeff") + [
    "\n", ": ", " #", "---"]
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(st.sampled_from(TRICKY + ["ja", "no", "12", "1.5", "true", "null", "2026-01-02",
                                       "Anna", "é", "Ø", "€", "日本"]),
             max_size=6).map("".join),
)
SCALAR = st.one_of(
    TEXT, st.integers(-10**12, 10**12), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
)
KEY = st.sampled_from(["id", "source", "note", "type", "value", "period", "owner", "due", "1",
                       "a b", "x: y", "-", "true"])
ITEM = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.dictionaries(KEY, inner, min_size=1, max_size=4),
                            st.lists(inner, min_size=1, max_size=3)),
    max_leaves=8,
)
STYLES = [  # (text of a file with one list of two items, where that list is)
    ("items:\n- id: a\n  n: 1\n- id: b\n  n: 2\n", ("items",)),
    ("items:\n  - id: a\n    n: 1\n  - id: b\n    n: 2\nnext: x\n", ("items",)),
    ("hyps:\n  - id: H1\n    ev:\n      - n: 1   # eerste\n      - n: 2\n  - id: H2\n",
     ("hyps", 0, "ev")),
    ("a:\n    b:\n        - k: 1\n        - k: 2\n", ("a", "b")),
]


def _target(data, path):
    for step in path:
        data = data[step]
    return data


def _fast_and_slow(text: str, change, short_way: str,
                   counts: dict[str, int] | None = None) -> tuple[str | None, str | None]:
    """The splice of ``change`` with and without ``yamlsplice.<short_way>``; both, when written,
    read back as the changed data. ``counts`` tallies how often the short way wrote."""
    ok, old, root = fast_nodes(text)
    assert ok
    new = copy.deepcopy(old)
    if change(new) is False:
        return None, None
    real = getattr(yamlsplice, short_way)

    def counted(*args):
        out = real(*args)
        if counts is not None:
            counts["short"] += out is not None
            counts["all"] += 1
        return out

    try:
        setattr(yamlsplice, short_way, counted)
        fast = splice(text, root, old, new)
        setattr(yamlsplice, short_way, lambda *a: None)
        ok, old2, root2 = fast_nodes(text)
        slow = splice(text, root2, old2, new)
    finally:
        setattr(yamlsplice, short_way, real)
    for out in (fast, slow):
        if out is not None:
            ok, written = fast_plain(out)
            assert ok and same(written, new)
    return fast, slow


def _both(text: str, path, items, counts=None) -> tuple[str | None, str | None]:
    return _fast_and_slow(text, lambda data: _target(data, path).extend(items), "_appended",
                          counts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(style=st.sampled_from(STYLES), items=st.lists(ITEM, min_size=1, max_size=3))
def test_appended_items_are_written_as_the_round_trip_writes_them(style, items) -> None:
    text, path = style
    fast, slow = _both(text, path, items)
    assert fast == slow


# entries as a session writes them: mostly text that may stand plain, numbers, dates
WORDS = st.sampled_from(["Anna", "de Vries", "teamleider", "elke", "week", "60%", "3/5", "(x)",
                         "ja", "12", "1,5", "'t", "café", "Ø", "€ 25", "a: b", "#1", "x #2",
                         "- punt", ">=60%", "wat?", "zo!", "a-b", "...", "e-mail@x.nl"])
FRIENDLY_TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
FRIENDLY = st.one_of(FRIENDLY_TEXT, st.integers(0, 10**6), st.booleans(),
                     st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
                     st.integers(0, 10**4).map(lambda n: n / 100))
FRIENDLY_ITEM = st.dictionaries(
    st.sampled_from(["id", "source", "note", "value", "owner", "due"]),
    st.one_of(FRIENDLY, st.lists(FRIENDLY, min_size=1, max_size=3),
              st.dictionaries(st.sampled_from(["metric", "criterion"]), FRIENDLY, min_size=1)),
    min_size=1, max_size=5)


def test_session_like_entries_mostly_take_the_short_way_and_match() -> None:
    counts = {"short": 0, "all": 0}

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(style=st.sampled_from(STYLES), items=st.lists(FRIENDLY_ITEM, min_size=1, max_size=3))
    def check(style, items) -> None:
        fast, slow = _both(*style, items, counts)
        assert fast == slow

    check()
    assert counts["short"] >= counts["all"] // 2, counts


@pytest.mark.parametrize("item", [
    {"id": "E3", "successes": 3, "trials": 5, "source": "bench", "type": "behaviour",
     "recorded": dt.date(2026, 12, 7)},
    {"id": "H7", "statement": "Teamleiders openen het dashboard elke week.",
     "target": ">=60%", "metric": "aandeel teamleiders", "created": dt.date(2026, 12, 7)},
    {"name": "Kees 't Hooft", "role": "gezinsmanager", "tags": ["a", "b"],
     "card": {"metric": "x", "criterion": "y: z"}},
])
def test_session_entries_take_the_short_way_and_match(item) -> None:
    for text, path in STYLES:
        fast, slow = _both(text, path, [item])
        assert fast == slow and fast is not None
    assert block_items([item], 0, 2, 2) is not None  # written without the round trip


@pytest.mark.parametrize("value", ["", "two\nlines", "\u2028", "tab\there", 1e-07,
                                   float("inf"), dt.datetime(2026, 1, 1, 10, 0), None, [], {}])
def test_declines_what_only_the_round_trip_writes(value) -> None:
    assert block_items([{"k": value}], 0, 2, 2) is None
    if not isinstance(value, (list, dict)):
        assert scalar(value) is None


def test_a_block_scalar_before_the_new_item_leaves_it_to_the_round_trip() -> None:
    text = "items:\n- id: a\n  note: |+\n    keep\n\n- id: b\n  note: |+\n    keep\n\n"
    fast, slow = _both(text, ("items",), [{"id": "c"}])
    assert fast == slow


def test_a_session_write_loads_no_round_trip_library(tmp_path) -> None:
    import subprocess

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "sprint.yaml").write_text(dump(fresh({
        "schema_version": 1, "id": "s", "title": "T", "method": "experiment-werkwijze",
        "items": [{"id": "a"}]})), encoding="utf-8")
    probe = (
        "import sys, copy\n"
        "from sprintkit.files.yamlfast import fast_nodes\n"
        "from sprintkit.files.yamlsplice import splice\n"
        f"text = open({str(folder / 'sprint.yaml')!r}).read()\n"
        "ok, old, root = fast_nodes(text)\n"
        "new = copy.deepcopy(old); new['items'].append({'id': 'b', 'n': 2})\n"
        "out = splice(text, root, old, new)\n"
        "print(out.endswith('  - id: b\\n    n: 2\\n'),\n"
        "      any(m.startswith('ruamel') for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["True", "False"]


VALUE_STYLES = [  # a file, and the path of a mapping in it whose plain values change
    ("actions:\n- id: A1\n  status: todo\n  owner: Anna\n- id: A2\n  status: todo\n",
     ("actions", 1)),
    ("title: Oud\nitems:\n  - id: a\n    n: 1\n", ()),
    ("h:\n    id: H1\n    title: 'een: twee'\n    n: 3   # telling\n    d: 2026-01-02\n", ("h",)),
]


def _changed(text: str, path, key, value, counts=None) -> tuple[str | None, str | None]:
    def change(data):
        target = _target(data, path)
        if key not in target:
            return False
        target[key] = value
        return True

    return _fast_and_slow(text, change, "_one_value", counts)


def test_a_changed_plain_value_is_written_as_the_round_trip_writes_it() -> None:
    counts = {"short": 0, "all": 0}

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(style=st.sampled_from(VALUE_STYLES),
           key=st.sampled_from(["status", "owner", "title", "n", "d", "id"]),
           value=st.one_of(FRIENDLY, SCALAR))
    def check(style, key, value) -> None:
        fast, slow = _changed(*style, key, value, counts)
        assert fast == slow

    check()
    assert counts["short"] >= counts["all"] // 3, counts


def test_an_action_move_keeps_every_other_byte() -> None:
    text = VALUE_STYLES[0][0]
    fast, slow = _changed(text, ("actions", 1), "status", "doing")
    assert fast == slow == text.replace("A2\n  status: todo", "A2\n  status: doing")
