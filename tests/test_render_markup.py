"""The block markup: every construct parses, and user text always reads back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprintkit.render import markup as mk


def only(text: str) -> mk.Block:
    blocks = mk.parse(text).blocks
    assert len(blocks) == 1, blocks
    return blocks[0]


def test_blocks_of_every_kind():
    doc = mk.parse(
        "::: titlepage\ntitle: T\nsubtitle: S\ninfo: one\ninfo: two\n:::\n\n"
        "::: toc depth=3 | Contents\n\n::: pagebreak\n\n"
        "# One\n\nA *b* **c**\nd\n\n- x\n  - y\n- z\n\n1. first\n2. second\n\n"
        "> quoted\n\n| h1 | h2 |\n|--|----:|\n| a | b |\n\n"
        "::: chart c1 width=8cm | Caption **bold**\n\n::: note\nCareful.\n:::\n"
    )
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["TitlePage", "Toc", "PageBreak", "Heading", "Paragraph", "ListBlock",
                     "ListBlock", "Paragraph", "Table", "Image", "Note"]
    title, toc = doc.blocks[0], doc.blocks[1]
    assert mk.plain(title.subtitle) == "S" and [mk.plain(i) for i in title.info] == ["one", "two"]
    assert toc.depth == 3 and mk.plain(toc.title) == "Contents"
    para = doc.blocks[4]
    assert [(s.text, s.bold, s.italic) for s in para.spans] == [
        ("A ", False, False), ("b", False, True), (" ", False, False), ("c", True, False),
        (" d", False, False)]
    bullets = doc.blocks[5]
    assert [(i.level, mk.plain(i.spans)) for i in bullets.items] == [(0, "x"), (1, "y"), (0, "z")]
    assert doc.blocks[6].ordered
    assert doc.blocks[7].style == "Quote"
    table = doc.blocks[8]
    assert table.widths == [2.0, 4.0] and table.align == ["left", "right"]
    image = doc.blocks[9]
    assert (image.source, image.ref, image.width_cm) == ("chart", "c1", 8.0)
    assert mk.note_text(doc.blocks[10]) == "Careful."
    assert [type(b).__name__ for b in doc.without_notes().blocks][-1] == "Image"
    assert doc.title == "T — S"


def test_table_without_header_takes_widths_from_a_leading_separator():
    table = only("|---|---------|\n| a | b |\n| c | d |")
    assert table.header is None and table.widths == [3.0, 9.0] and len(table.rows) == 2


def test_ragged_tables_keep_every_cell():
    table = only("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |")
    assert len(table.header) == 3
    assert [[mk.plain(c) for c in row] for row in table.rows] == [["1", "2", "3"], ["4", "", ""]]


def test_a_note_holds_its_blocks_and_is_not_a_styled_paragraph():
    doc = mk.parse("Before.\n\n::: note\n**Open:** one\ntwo\n\n- a\n  - b\n\n| x | y |\n:::\n\n"
                   "After.")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Note", "Paragraph"]
    note = doc.blocks[1]
    assert [type(b).__name__ for b in note.blocks] == ["Paragraph", "ListBlock", "Table"]
    assert mk.note_text(note) == "Open: one two\n– a\n  – b\nx | y"
    assert doc.notes() == [note]
    assert [mk.plain(b.spans) for b in doc.without_notes().blocks] == ["Before.", "After."]
    assert mk.parse("::: note\n:::\n").blocks == []  # an empty note is no note
    with pytest.raises(mk.MarkupError, match="close the open block|sluit het open blok af"):
        mk.parse("::: note\n::: div Box\n:::\n:::")


def test_div_style_and_errors():
    para = only("::: div Client Box\ntext\n:::")
    assert para.style == "Client Box"
    with pytest.raises(mk.MarkupError, match="unknown directive|onbekende opdracht"):
        mk.parse("::: frobnicate")
    with pytest.raises(mk.MarkupError, match="not closed|niet afgesloten"):
        mk.parse("::: note\ntext")
    with pytest.raises(mk.MarkupError, match="closes nothing|sluit niets af"):
        mk.parse(":::")
    with pytest.raises(mk.MarkupError, match="width"):
        mk.parse("::: chart x width=big")
    with pytest.raises(mk.MarkupError, match="title page|titelpagina"):
        mk.parse("::: titlepage\nnonsense\n:::")


HOSTILE = (
    "# not a heading\n- not a list | not a cell **not bold** *not italic* \\n not a break\n"
    "::: toc\n> not a quote &amp; not an entity <b>tag</b> & 1. not numbered"
    "\x00\x01\x0b\x0c\x1f tab\there 😀 e\u0301 "
    + "x" * 300
)


def test_escaped_text_reads_back_as_the_same_characters():
    escaped = mk.escape_text(HOSTILE)
    expected = mk.clean(HOSTILE)
    for template in ("{}", "# {}", "- {}", "| {} | x |", "> {}"):
        block = only(template.format(escaped))
        if isinstance(block, mk.Table):
            spans = block.rows[0][0]
        elif isinstance(block, mk.ListBlock):
            spans = block.items[0].spans
        else:
            spans = block.spans
        assert "".join(s.text for s in spans).strip() == expected.strip()
        assert not any(s.bold or s.italic for s in spans)


def test_only_xml_illegal_characters_are_removed():
    assert mk.clean("a\x00b\x08c\x0bd\x0ce\x1ff\ud800g\ufffeh\uffff") == "abcdefgh"
    kept = "tab\t newline\n emoji 😀 nbsp\u00a0 rtl \u202e combining e\u0301"
    assert mk.clean(kept) == kept


def test_carriage_returns_become_line_breaks():
    spans = only(mk.escape_text("a\r\nb\rc")).spans
    assert mk.plain(spans) == "a b c" and spans[0].text == "a\nb\nc"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_survives_escaping(text):
    expected = mk.clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    for template in ("x{}y", "| x{}y |", "# x{}y", "- x{}y"):
        doc = mk.parse(template.format(mk.escape_text(text)))
        block = doc.blocks[0]
        if isinstance(block, mk.Table):
            spans = block.rows[0][0] if block.rows else block.header[0]
        elif isinstance(block, mk.ListBlock):
            spans = block.items[0].spans
        else:
            spans = block.spans
        got = "".join(s.text for s in spans)
        assert got.strip() == f"x{expected}y".strip()
        assert len(doc.blocks) == 1


def test_text_wrapper_keeps_markup_characters_literal_in_jinja_concatenation():
    from pathlib import Path

    from sprintkit.render.environment import make_environment

    env = make_environment("nl", [Path(".")])
    template = env.from_string(
        "{% macro b(x) %}**{{ x }}**{% endmacro %}{{ b('A') ~ s }} {{ v|join(', ') }}")
    out = template.render(mk.wrap({"s": "*s* #", "v": ["*i*", "|p|"]}))
    spans = only(out).spans
    assert "".join(s.text for s in spans) == "A*s* # *i*, |p|"
    assert [s.bold for s in spans] == [True, False]
