"""Writing a change back into only the lines it touches (sprintkit/files/yamlsplice.py).

The promise: the file reads back as exactly the new data, every line outside the changed
entries stays byte for byte (comments, blank lines, quoting, line wrapping), and whenever the
splice cannot be sure it gives up and the whole-file merge does the write."""

from __future__ import annotations

import copy
import datetime as dt
import random
import shutil
from pathlib import Path

import pytest

from sprintkit.files import sprintfile, yamlsplice
from sprintkit.files.yamlfast import fast_nodes, fast_plain
from sprintkit.files.yamlsplice import same, splice

DATA = Path(__file__).parent / "data"


def spliced(text: str, change) -> str | None:
    ok, old, root = fast_nodes(text)
    assert ok
    new = copy.deepcopy(old)
    change(new)
    out = splice(text, root, old, new)
    if out is not None:  # whatever it writes must read back as the new data
        ok, written = fast_plain(out)
        assert ok and same(written, new)
    return out


def test_one_changed_value_rewrites_one_line():
    text = ("# top\nid: s   # the id\ntitle: Oud\n\n# the list\nitems:\n- a   # first\n"
            "# between\n- b\n")
    out = spliced(text, lambda d: d.update(title="Nieuw"))
    assert out == text.replace("title: Oud", "title: Nieuw")


def test_an_appended_item_goes_after_the_last_one_and_before_the_comments_after_it():
    text = "items:\n- id: a\n  n: 1\n# about what follows\n\nnext: x\n"
    out = spliced(text, lambda d: d["items"].append({"id": "b", "n": 2}))
    assert out == ("items:\n- id: a\n  n: 1\n- id: b\n  n: 2\n# about what follows\n\n"
                   "next: x\n")


def test_a_nested_append_keeps_the_indentation_of_the_file():
    text = "hyps:\n  - id: H1\n    ev:\n      - n: 1   # eerste\n  - id: H2\n    ev: []\n"
    out = spliced(text, lambda d: d["hyps"][0]["ev"].append({"n": 2}))
    assert out == ("hyps:\n  - id: H1\n    ev:\n      - n: 1   # eerste\n      - n: 2\n"
                   "  - id: H2\n    ev: []\n")


def test_a_flow_list_or_a_new_key_rewrites_the_entry_that_holds_it():
    text = "hyps:\n- id: H1   # een\n  ev: []\n- id: H2\n"
    out = spliced(text, lambda d: d["hyps"][0]["ev"].append({"n": 1}))
    assert out is not None and "- id: H1   # een\n" in out and out.endswith("- id: H2\n")
    out = spliced(text, lambda d: d["hyps"][1].update(risk="x"))
    assert out == "hyps:\n- id: H1   # een\n  ev: []\n- id: H2\n  risk: x\n"


def test_new_and_removed_top_level_keys():
    text = "# kop\nid: s\ntitle: T  # t\n\nend: z\n"
    out = spliced(text, lambda d: d.update(extra=[1, 2]))
    assert out == "# kop\nid: s\ntitle: T  # t\n\nend: z\nextra:\n  - 1\n  - 2\n"
    out = spliced(text, lambda d: d.pop("title"))
    assert out == "# kop\nid: s\n\nend: z\n"


def test_removed_items_take_their_lines_but_not_the_comments_after_the_list():
    text = "xs:\n- 1\n- 2   # two\n- 3\n# after\nend: 1\n"
    assert spliced(text, lambda d: d["xs"].pop()) == "xs:\n- 1\n- 2   # two\n# after\nend: 1\n"
    assert spliced(text, lambda d: d["xs"].pop(0)) is not None  # index-wise, as the merge does


@pytest.mark.parametrize("text", [
    "a:\n  - - 1\n    - 2\n  - - 3\n",                    # a list in a list
    "a:\n-\n  id: x\n  n: 1\n- id: y\n",                  # an item's content on its own line
    "a:\n- b: |+\n    keep\n\n- c\n",                      # a block scalar keeping its blank lines
    "a:\n  b: plain text\n    continued\n  c: 1\n",       # a multi-line plain scalar
    "a:\n  'quoted key': 1\n  \"other\": 2\n",
    "a:\n  b: 1\n# less indented comment\n  c: 2\n",
    "a: {b: 1, c: [1, 2]}\n",
])
def test_unusual_shapes_read_back_as_the_new_data_or_are_left_to_the_merge(text):
    def change(data):
        value = data["a"]
        if isinstance(value, list):
            value.append("z")
            if isinstance(value[0], list):
                value[0].append(9)
        else:
            value[next(iter(value))] = "veranderd"

    spliced(text, change)  # the helper checks what is written


def test_line_endings_other_than_lf_and_crlf_are_left_to_the_merge():
    text = "a: 1\rb: 2\n"
    ok, old, root = fast_nodes(text)
    if ok:
        assert splice(text, root, old, {**old, "a": 2}) is None


def test_crlf_lines_are_spliced_and_the_caller_keeps_the_ending(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    lines = ["# mine", "id: s", "title: T", "method: m", "facilitators:", "- A  # lead", ""]
    (folder / "sprint.yaml").write_bytes("\r\n".join(lines).encode())
    sprintfile.update_sprint(folder, lambda s: s.facilitators.append("B"))
    assert (folder / "sprint.yaml").read_bytes() == "\r\n".join(
        lines[:-1] + ["- B", ""]).encode()


# --- against the whole-file merge -----------------------------------------------------------


SPLICED: list[bool] = []


def _write(folder: Path, source: Path, change, *, whole: bool, monkeypatch) -> str:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(source, folder / "sprint.yaml")
    original = yamlsplice.splice

    def counted(*args, **kwargs):
        out = None if whole else original(*args, **kwargs)
        SPLICED.append(out is not None)
        return out

    monkeypatch.setattr(yamlsplice, "splice", counted)
    sprintfile.update_sprint(folder, change)
    monkeypatch.undo()
    return (folder / "sprint.yaml").read_text(encoding="utf-8")


def _changes(rng: random.Random):
    """Random everyday changes to a sprint model."""

    def evidence(s):
        with_evidence = [h for h in s.hypotheses if h.evidence]
        if not with_evidence:
            return
        h = rng.choice(with_evidence)
        kind = type(h.evidence[0])
        h.evidence.append(kind(id=f"E{len(h.evidence) + 50}", date=dt.date(2026, 5, 1),
                               source="bron", type="survey", successes=1, trials=3))

    def statement(s):
        if s.hypotheses:
            rng.choice(s.hypotheses).statement = rng.choice(["Kort.", "Twee\nregels"])

    def drop(s):
        if len(s.hypotheses) > 1:
            s.hypotheses.pop(rng.randrange(len(s.hypotheses)))

    def title(s):
        s.title = "Andere titel"

    def facilitator(s):
        s.facilitators.append("Nieuw Lid")

    def conclusions(s):
        s.conclusions = ["Een", "Twee"]

    return [evidence, statement, drop, title, facilitator, conclusions]


@pytest.mark.parametrize("source", [DATA / "commented_sprint.yaml",
                                    DATA / "report_sprint" / "sprint.yaml"])
def test_the_splice_gives_the_same_data_as_the_whole_file_merge(tmp_path, monkeypatch, source):
    rng = random.Random(21)
    SPLICED.clear()
    original = source.read_text(encoding="utf-8")
    comments = [line.strip() for line in original.splitlines() if line.strip().startswith("#")]
    for round_ in range(12):
        picked = rng.sample(_changes(rng), k=rng.randint(1, 3))
        seed = rng.random()

        def change(s, picked=picked, seed=seed):
            inner = random.Random(seed)
            for fn in picked:
                state = rng.getstate()
                rng.seed(inner.random())
                fn(s)
                rng.setstate(state)

        part = _write(tmp_path / f"p{round_}", source, change, whole=False,
                      monkeypatch=monkeypatch)
        whole = _write(tmp_path / f"w{round_}", source, change, whole=True,
                       monkeypatch=monkeypatch)
        assert same(fast_plain(part)[1], fast_plain(whole)[1])
        kept = [line.strip() for line in part.splitlines() if line.strip().startswith("#")]
        if not any(fn.__name__ == "drop" for fn in picked):
            assert kept == comments  # every comment, in order
    assert SPLICED.count(True) >= 10  # of the twelve partial writes (the others merged whole)


def test_a_write_to_a_big_sprint_reads_only_the_changed_entries_the_careful_way(
        tmp_path, monkeypatch):
    from bigsprint_support import write_big_sprint

    from sprintkit.files import yamlio

    path = write_big_sprint(tmp_path / "big", 300, 75)
    before = path.read_text(encoding="utf-8")
    careful: list[int] = []
    original = yamlio.parse_yaml

    def spy(text, where, *, fast=False, nodes=False):
        if not fast:
            careful.append(len(text))
        return original(text, where, fast=fast, nodes=nodes)

    monkeypatch.setattr(yamlio, "parse_yaml", spy)
    sprintfile.update_sprint(path.parent, lambda s: setattr(s.hypotheses[7], "owner", "Iemand"))
    after = path.read_text(encoding="utf-8")
    # a plain value changed on its own line needs no careful read at all (yamlsplice._one_value)
    assert max(careful, default=0) < len(before) // 100
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
               if a != b]
    assert changed == [("  owner: Teamlid 9", "  owner: Iemand")]
    careful.clear()
    sprintfile.update_sprint(path.parent,
                             lambda s: setattr(s.hypotheses[7], "owner", "Twee\nregels"))
    assert careful and max(careful) < len(before) // 100  # the round trip reads the run only


def test_a_changed_last_item_that_also_gets_a_new_neighbour_is_written_once():
    text = "xs:\n- id: a\n  n: 1   # een\n- id: b\n  n: 2   # twee\nend: 1\n"

    def change(data):
        data["xs"][1]["n"] = 3
        data["xs"].append({"id": "c", "n": 4})

    out = spliced(text, change)
    assert out == ("xs:\n- id: a\n  n: 1   # een\n- id: b\n  n: 3   # twee\n- id: c\n  n: 4\n"
                   "end: 1\n")


@pytest.mark.parametrize("text", ["a\u2028b", "x\ny\u2029z", "p\x85q", "\n\u20280"])
def test_text_with_the_other_line_breaks_of_yaml_reads_back_as_written(tmp_path, text):
    """U+0085, U+2028 and U+2029 are line breaks to a YAML emitter: in a plain, single-quoted or
    block scalar it broke the line there, and the text read back changed (a space more) or the
    file could not be read at all. Such text is written double-quoted, escaped."""
    from sprintkit.files.yamlio import parse_yaml

    folder = tmp_path / "s"
    folder.mkdir()
    shutil.copy(DATA / "report_sprint" / "sprint.yaml", folder / "sprint.yaml")

    def change(s):
        s.title = text
        s.hypotheses[0].statement = text
        s.hypotheses[1].evidence[0].note = text

    sprintfile.update_sprint(folder, change)
    model = sprintfile.load_sprint(folder).model
    assert model.title == model.hypotheses[0].statement == text
    assert model.hypotheses[1].evidence[0].note == text
    written = (folder / "sprint.yaml").read_text(encoding="utf-8")
    careful = parse_yaml(written, folder / "sprint.yaml").data
    assert careful["title"] == careful["hypotheses"][0]["statement"] == text
    ok, fast = fast_plain(written)
    assert ok and same(fast, careful)
