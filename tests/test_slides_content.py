"""What the end presentation shows, checked against the sprint: every native chart of the
programme deck and its data, next steps with owners and dates as a reader writes them, and a
story cycle's clear shifts (the same numbers as ``stories report``/``stories shifts``)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from examples_support import EXAMPLES, IGNORE
from test_slides import all_text, charts, deck, notes, titles, workbook_numbers

pptx = pytest.importorskip("pptx")
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def programme_deck(tmp_path_factory: pytest.TempPathFactory):
    from typer.testing import CliRunner

    from sprintkit.cli import app

    root = tmp_path_factory.mktemp("programme")
    folder = root / "intervence"
    shutil.copytree(EXAMPLES / "intervence", folder, ignore=IGNORE)
    runner = CliRunner()
    made = runner.invoke(app, ["slides", "-p", str(folder), "-o", str(root / "p.pptx")])
    assert made.exit_code == 0, made.output
    context = runner.invoke(app, ["programme", "context", str(folder)])
    return deck(root / "p.pptx"), json.loads(context.stdout)


def test_every_chart_of_the_programme_deck_is_native_and_counted(programme_deck):
    prs, ctx = programme_deck
    found = charts(prs)
    intervals = [h for s in ctx["sprints"] for h in s["hypotheses"] if h.get("title")
                 and h["result"].get("estimate") is not None
                 and h["result"].get("ci_low") is not None]
    groups = [g for s in ctx["sprints"] for g in s["doc"]["findings"] + s["doc"]["choices"]]
    rankings = [g for g in groups if g["shape"] == "ranking" and g["ranking"]]
    matrices = [g for g in groups if g["shape"] == "matrix" and g["matrix"]]
    trends = [i for i in ctx["programme"]["all_indicators"]
              if i.get("chart") and ctx["charts"][i["chart"]]["points"]]
    kinds = [c.chart_type for c in found]
    assert kinds.count(XL_CHART_TYPE.BAR_STACKED) == len(intervals) >= 10
    assert kinds.count(XL_CHART_TYPE.BAR_CLUSTERED) == len(rankings) >= 4
    assert kinds.count(XL_CHART_TYPE.XY_SCATTER) == len(matrices) >= 1
    lines = (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)
    assert sum(kind in lines for kind in kinds) == len(trends) >= 2
    assert len(found) == len(intervals) + len(rankings) + len(matrices) + len(trends)
    for chart in found:
        assert chart.part.chart_workbook.xlsx_part is not None  # its data can be edited
    stacked = [c for c in found if c.chart_type == XL_CHART_TYPE.BAR_STACKED]
    for chart, h in zip(stacked, intervals, strict=True):
        r = h["result"]
        low, to_estimate, to_high = (s.values[0] for s in chart.plots[0].series)
        assert (low, low + to_estimate, low + to_estimate + to_high) == pytest.approx(
            (r["ci_low"], r["estimate"], r["ci_high"]))
        assert list(chart.plots[0].categories) == [h["id"]]
    votes = [c for c in found if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    for chart, group in zip(votes, rankings, strict=True):
        shown = group["ranking"][:len(chart.plots[0].categories)]
        assert list(chart.plots[0].series[0].values) == [r["votes"] for r in shown]
        assert workbook_numbers(chart) == pytest.approx([r["votes"] for r in shown])
    scatter = next(c for c in found if c.chart_type == XL_CHART_TYPE.XY_SCATTER)
    points = [(s.values[0], s.name) for s in scatter.plots[0].series]
    assert [p[0] for p in points] == [r["impact"] for r in matrices[0]["matrix"]]


def test_interval_charts_reach_the_target_on_round_steps(programme_deck):
    prs, ctx = programme_deck
    counts = [h for s in ctx["sprints"] for h in s["hypotheses"] if h.get("title")
              and h["kind"] != "proportion" and h["result"].get("ci_low") is not None
              and h.get("target")]
    found = [c for c in charts(prs) if c.chart_type == XL_CHART_TYPE.BAR_STACKED]
    plain = [c for c in found if c.value_axis.maximum_scale != 1.0]
    assert len(plain) == len(counts) >= 3
    from sprintkit.model.common import Target

    for chart, h in zip(plain, counts, strict=True):
        axis = chart.value_axis
        target = Target.parse(h["target"]).value
        assert axis.minimum_scale <= min(h["result"]["ci_low"], target)
        assert axis.maximum_scale >= max(h["result"]["ci_high"], target)
        assert axis.major_unit in (1, 2, 5, 10, 20, 50, 100)  # whole numbers: no decimals
    for chart in found:
        if chart.value_axis.maximum_scale == 1.0:
            assert chart.value_axis.major_unit == pytest.approx(0.2)  # labels fit upright


def test_next_steps_have_owners_and_dates_as_a_reader_writes_them(cli, programme_deck,
                                                                   tmp_path):
    prs, ctx = programme_deck
    names = titles(prs)
    slides = [prs.slides[i] for i, n in enumerate(names) if n.startswith("Volgende stappen")]
    text = "\n".join(s.text_frame.text for slide in slides for s in slide.shapes
                     if s.has_text_frame)
    actions = [a for a in ctx["programme"]["open_actions"] if a.get("due") and a.get("owner")]
    assert actions
    from sprintkit.i18n.dates import format_date

    for a in actions:
        assert f"{a['owner']} (uiterlijk {format_date(a['due'], 'nl')})" in text
    assert not ISO_DATE.search(all_text(prs))  # no 2019-08-30 anywhere, notes included
    # a list of 7 is split 4 + 3, not 6 + 1
    sizes = [len([p for s in slide.shapes if s.has_text_frame
                  for p in s.text_frame.paragraphs if p.text.strip()]) for slide in slides[:2]]
    if len(slides) == 2:
        assert abs(sizes[0] - sizes[1]) <= 1, sizes
    folder = tmp_path / "s"
    shutil.copytree(EXAMPLES / "intervence" / "experiment-regieplan", folder, ignore=IGNORE)
    english = cli("slides", "-s", folder, "--lang", "en", "-o", tmp_path / "en.pptx")
    assert english.exit_code == 0, english.stderr
    said = all_text(deck(tmp_path / "en.pptx"))
    assert re.search(r"\(by \d{1,2} [A-Z][a-z]+ \d{4}\)", said)
    assert not ISO_DATE.search(said)


# --- story cycles ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def story_cycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from sprintkit.cli import app

    folder = tmp_path_factory.mktemp("stories") / "foodvalley"
    shutil.copytree(EXAMPLES / "foodvalley-stories", folder, ignore=IGNORE)
    made = CliRunner().invoke(app, ["stories", "import", str(folder / "verhalen.csv"), "-s",
                                    str(folder)])
    assert made.exit_code == 0, made.output
    return folder


def story_numbers(folder: Path) -> dict:
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.storyviews import story_section

    return story_section(load_sprint(folder), "nl", quote_limit=0)["shifts"]


def test_a_story_cycle_deck_shows_the_clear_shifts_as_native_charts(cli, story_cycle,
                                                                     tmp_path):
    result = cli("slides", "-s", story_cycle, "-o", tmp_path / "v.pptx")
    assert result.exit_code == 0, result.stderr
    prs = deck(tmp_path / "v.pptx")
    names = titles(prs)
    shifts = story_numbers(story_cycle)
    overview = prs.slides[names.index("Verschuivingen 2025-H1 → 2025-H2")]
    said = "\n".join(s.text_frame.text for s in overview.shapes if s.has_text_frame)
    clear = {}
    for sig in shifts["signifiers"]:
        answers = [a for a in sig["answers"] if a["shift_class"] == "clear_large"]
        mean = (sig.get("mean") or {}).get("shift_class") == "clear_large"
        if answers or mean:
            clear[sig["question"]] = (sig, answers)
        else:  # a question without a shift the data carries says so, and shows no chart
            assert f"{sig['question']} — geen verschuiving die de gegevens dragen" in said
            assert sig["question"] not in names
    assert len(clear) == 2  # how heard people felt (its mean) and what made the difference
    assert "190 in 2025-H2" in notes(overview)  # stories per period in the notes
    for question, (sig, answers) in clear.items():
        slide = prs.slides[names.index(question)]
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for a in answers:  # outward-rounded, as every other output shows them
            assert f"{a['difference_shown']} procentpunt" in text
            assert a["interval_shown"] in text and "▲" in text + "▼"
        if sig.get("mean", {}).get("shift_class") == "clear_large":
            assert sig["mean"]["interval_shown"] in text
        chart = next(s.chart for s in slide.shapes if s.has_chart)
        assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        before, after = chart.plots[0].series
        assert (before.name, after.name) == ("2025-H1", "2025-H2")
        shown = [a for a in sig["answers"] if a["from"]["shown"].isdigit()
                 and a["to"]["shown"].isdigit()]  # never a share of a hidden count
        assert len(chart.plots[0].categories) == len(shown)
        assert list(before.values) == pytest.approx([a["from"]["share"] for a in shown])
        assert list(after.values) == pytest.approx([a["to"]["share"] for a in shown])
        assert chart.part.chart_workbook.xlsx_part is not None
        assert "2E7D32" not in chart.part.blob.decode() and "B23B3B" not in \
            chart.part.blob.decode()  # no declared valence on these: no colour of meaning
        assert f"{sig['n_from_shown']} in 2025-H1, {sig['n_to_shown']} in 2025-H2" in notes(slide)
    # a statistically clear but small shift is not called a shift
    for sig in shifts["signifiers"]:
        for a in sig["answers"]:
            if a["shift_class"] == "not_clear":
                assert f"{a['label']} ▲" not in all_text(prs)


def test_a_shift_gets_a_colour_of_meaning_only_where_valence_is_declared():
    import datetime as dt

    from sprintkit.render.slide_plan import story_slides
    from sprintkit.render.to_pptx import build_pptx

    def answer(key, label, before, after, shift, cls):
        return {"id": key, "label": label, "from": {"shown": "40", "share": before},
                "to": {"shown": "60", "share": after}, "shift": shift, "shift_class": cls,
                "difference_shown": "+10", "interval_shown": "[+3; +17]"}

    shifts = {"from": "2025-H1", "to": "2025-H2", "confidence": 0.95, "stories": {},
              "small_note": "klein = minder dan 5 procentpunt", "signifiers": [{
                  "id": "emotion", "question": "Welk gevoel?", "n_from_shown": "100",
                  "n_to_shown": "120", "answers": [
                      answer("sad", "Verdrietig", 0.3, 0.1, "down", "clear_large"),
                      answer("proud", "Trots", 0.1, 0.3, "up", "clear_large"),
                      answer("calm", "Rustig", 0.2, 0.23, "up", "clear_small"),
                      answer("other", "Anders", 0.4, 0.37, None, "not_clear")]}]}
    neutral = story_slides({"shifts": shifts}, "nl")
    declared = story_slides({"shifts": shifts, "valence": {
        "emotion": {"sad": "negative", "proud": "positive"}}}, "nl")
    rows = declared[1].chart.rows
    assert [r["meaning"] for r in rows] == ["good", "good", None, None]  # sad fell: good
    assert all(r["meaning"] is None for r in neutral[1].chart.rows)
    facts = dict(declared[1].facts)
    assert "Rustig △ omhoog, klein" in facts and "Anders" not in " ".join(facts)
    assert any("klein" in n for n in declared[1].notes)
    built = build_pptx(declared, reference=None, created=dt.datetime(2026, 1, 1,
                                                                     tzinfo=dt.timezone.utc),
                       title="t", author="a", lang="nl", footer="f")
    from io import BytesIO

    from pptx import Presentation

    chart = next(s.chart for slide in Presentation(BytesIO(built.data)).slides
                 for s in slide.shapes if s.has_chart)
    xml = chart.part.blob.decode()
    assert xml.count("2E7D32") == 2 and "B23B3B" not in xml


def test_layout_rules():
    from sprintkit.render.slide_charts import nice_scale, timeline_pt

    assert nice_scale(16.1, 20) == (16, 20, 1)
    assert nice_scale(34.1, 42) == (34, 42, 2)
    low, high, step = nice_scale(3, 60)
    assert (low, high) == (0, 60) and step == 10
    # a long word in a narrow column gets a smaller size, never below 10 pt
    assert timeline_pt([("Langetermijndoel en succesindicatoren", "")] * 6, 140) < 13
    assert timeline_pt([("Kiezen", "")] * 4, 200) == 15
    assert timeline_pt([("x" * 60, "")], 50) == 10


def test_matrix_labels_of_ideas_on_one_spot_or_side_by_side_are_apart(cli, tmp_path):
    folder = tmp_path / "zl"
    shutil.copytree(EXAMPLES / "zuid-limburg-co-creation", folder, ignore=IGNORE)
    assert cli("slides", "-s", folder, "-o", tmp_path / "zl.pptx").exit_code == 0
    scatter = next(c for c in charts(deck(tmp_path / "zl.pptx"))
                   if c.chart_type == XL_CHART_TYPE.XY_SCATTER)
    from lxml import etree

    xml = etree.fromstring(scatter.part.blob)
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    points = []
    for ser in xml.iterfind(".//c:ser", ns):
        x = float(ser.find("c:xVal//c:v", ns).text)
        y = float(ser.find("c:yVal//c:v", ns).text)
        points.append((x, y, ser.find(".//c:dLbl/c:dLblPos", ns).get("val")))
    assert len(points) == len(scatter.plots[0].series) >= 5
    assert len({(x, y) for x, y, _ in points}) < len(points)  # the example has a shared spot
    for i, (x, y, place) in enumerate(points):
        for x2, y2, place2 in points[i + 1:]:
            if (x, y) == (x2, y2):
                assert place != place2  # two ideas on one spot: labels on different sides
            if y == y2 and 0 < x2 - x <= 1.5:
                assert place != "r" or place2 != "l"  # never towards each other
        if any(y2 == y and 0 < x2 - x <= 1.5 for x2, y2, _ in points):
            assert place != "r"  # a neighbour just right: this label not to the right


def test_a_paragraph_of_numbered_steps_becomes_one_line_per_step():
    from sprintkit.render.slide_plan import numbered_steps

    text = ("1. Een moeder maakt zich zorgen en gaat naar de huisarts. 2. De POH-jeugd overlegt "
            "in 2. instantie met een specialist. 3. Er komt één gezinsplan.")
    assert numbered_steps(text) == [
        "1. Een moeder maakt zich zorgen en gaat naar de huisarts.",
        "2. De POH-jeugd overlegt in 2. instantie met een specialist.",
        "3. Er komt één gezinsplan."]
    assert numbered_steps("Gewoon een zin met 2. erin.") == ["Gewoon een zin met 2. erin."]
    assert numbered_steps("1. Alleen een eerste stap.") == ["1. Alleen een eerste stap."]
    assert numbered_steps("  ") == []


def test_the_storyboard_slide_shows_its_steps(tmp_path):
    from pptx import Presentation

    from sprintkit.ops.docoptions import DocumentOptions
    from sprintkit.ops.slides import slides

    folder = tmp_path / "zl"
    shutil.copytree(EXAMPLES / "zuid-limburg-co-creation", folder)
    out = tmp_path / "zl.pptx"
    slides(sprint=folder, options=DocumentOptions(out=out))
    deck = Presentation(str(out))
    board = next(s for s in deck.slides if s.shapes.title is not None
                 and s.shapes.title.text == "Het storyboard")
    body = [p.text for sh in board.shapes if sh.has_text_frame and sh != board.shapes.title
            for p in sh.text_frame.paragraphs if p.text.strip()]
    assert [line[:3] for line in body[:4]] == ["1. ", "2. ", "3. ", "4. "], body
