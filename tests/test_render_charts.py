"""Charts: the three kinds for choosing (votes, matrix, assumptions), legends that show exactly
what the plot draws, layouts whose texts never overlap, and robust specs."""

from __future__ import annotations

import itertools
import re
import struct

import pytest

from sprintkit.render import chart_choices, chart_layout, chart_map, charts
from sprintkit.render.charts import EmptyChart, figure, render_png, size_cm, spec_key

ITEMS = [
    ("Eén vast aanspreekpunt voor elk gezin, ook na de eerste hulpvraag", 9, 5, 2),
    ("Wachtlijst-overbrugging met een wekelijks belmoment", 7, 4, 2),
    ("Jongeren zelf laten meebeslissen over hun eigen hulpplan", 7, 5, 4),
    ("Gedeeld dossier tussen wijkteam, school en jeugdarts", 5, 4, 5),
    ("Ouderavonden over opvoeden in de wijk", 3, 2, 2),
    ("Een app voor afspraken", 2, 2, 4),
    ("Huisbezoek binnen vijf werkdagen na aanmelding, door een vaste medewerker van het "
     "wijkteam", 2, 4, 2),
    ("Nieuwe huisstijl voor folders", 0, 1, 4),
]
VERDICTS = ["inconclusive", "supported", "refuted", "insufficient_data", None]


def votes(lang="nl", n=len(ITEMS), **extra):
    rows = [{"item": f"{item} ({k})" if k >= len(ITEMS) else item, "votes": v, "rank": None}
            for k, (item, v, _, _) in enumerate(itertools.islice(itertools.cycle(ITEMS), n))]
    return {"type": "votes", "lang": lang, "rows": rows, **extra}


def matrix(lang="nl", n=len(ITEMS)):
    rows = [{"item": f"{item} ({k})", "impact": impact, "effort": effort}
            for k, (item, _, impact, effort) in
            enumerate(itertools.islice(itertools.cycle(ITEMS), n))]
    return {"type": "matrix", "lang": lang, "scale": {"min": 1, "max": 5}, "rows": rows}


def assumptions(lang="nl", n=8):
    rows = [{"label": f"H{k + 1}", "title": ITEMS[k % len(ITEMS)][0],
             "importance": 1 + (k * 3) % 5, "evidence": ((k * 7) % 10) / 10,
             "verdict": VERDICTS[k % len(VERDICTS)]} for k in range(n)]
    return {"type": "assumptions", "lang": lang, "rows": rows}


def forest(n=5):
    kinds = ["supported", "refuted", "inconclusive", "insufficient_data"]
    rows = [{"label": f"H{k + 1}", "estimate": 0.3 + 0.1 * (k % 5), "low": 0.2 + 0.1 * (k % 5),
             "high": 0.45 + 0.1 * (k % 5), "target": 0.6, "op": ">=",
             "verdict": kinds[k % 4]} for k in range(n)]
    return {"type": "forest", "lang": "nl", "percent": True, "rows": rows}


def texts(fig):
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("spec", [votes(), matrix(), assumptions(), votes("en", 1),
                                  matrix("en", 1), assumptions("en", 1)],
                         ids=["votes", "matrix", "assumptions", "votes-1", "matrix-1",
                              "assumptions-1"])
def test_each_kind_draws_a_png_of_its_size_and_the_same_bytes_twice(spec):
    data = render_png(spec)
    width_cm, height_cm = size_cm(spec)
    width, height = png_size(data)
    assert abs(width - width_cm / 2.54 * charts.DPI) <= 1
    assert abs(height - height_cm / 2.54 * charts.DPI) <= 1
    assert render_png(spec) == data
    assert spec_key(dict(reversed(list(spec.items())))) == spec_key(spec)


def test_votes_most_first_with_counts_shared_ranks_and_a_note_for_the_rest():
    shown = texts(figure(votes(max_rows=5)))
    assert "Aantal stemmen" in shown
    ranks = [t for t in shown if t.endswith(".") and t[:-1].isdigit()]
    assert ranks == ["1.", "2.", "2.", "4.", "5."]
    assert [t for t in shown if t.isdigit()] == ["9", "7", "7", "5", "3"]
    assert "+3 meer" in shown
    assert any(t.startswith("Eén vast aanspreekpunt") for t in shown)
    assert "+3 more" in texts(figure(votes("en", max_rows=5)))


def test_votes_use_the_given_ranks_and_wrap_long_items():
    spec = votes()
    for rank, row in zip([1, 2, 2, 4, 5, 6, 6, 8], spec["rows"], strict=True):
        row["rank"] = rank
    shown = texts(figure(spec))
    long = next(t for t in shown if t.startswith("Huisbezoek"))
    assert all(len(line) <= 40 for line in long.split("\n"))
    assert long.endswith("…") and long.count("\n") == 1


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ["Snelle winst", "Grote klus", "Opvulwerk", "Niet doen", "Inspanning", "Impact"]),
    ("en", ["Quick wins", "Big bets", "Fill-ins", "Thankless tasks", "Effort", "Impact"]),
])
def test_matrix_names_its_quadrants_and_axes(lang, words):
    shown = texts(figure(matrix(lang)))
    for word in words:
        assert word in shown
    assert [str(t) for t in range(1, 6)] == [t for t in shown if t in "12345"][:5]


def test_matrix_tints_the_quick_win_quadrant_top_left():
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    fig = figure(matrix())
    tinted = [p for p in fig.findobj(Rectangle)
              if p.get_fill() and to_hex(p.get_facecolor()) == chart_choices.QUICK_WIN_TINT]
    assert len(tinted) == 1
    box = tinted[0].get_bbox()
    label = next(t for t in fig.findobj(lambda a: hasattr(a, "get_text"))
                 if t.get_text() == "Snelle winst" and t.get_position()[0] < box.x1)
    x, y = label.get_position()
    assert box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1
    frame_top = max(p.get_bbox().y1 for p in fig.findobj(Rectangle) if not p.get_fill()
                    and p.get_bbox().width < 10)
    assert box.y1 == pytest.approx(frame_top) and box.x0 == pytest.approx(
        chart_choices.MATRIX_LEFT)


def test_matrix_numbers_every_point_and_keys_it_by_quadrant():
    fig = figure(matrix())
    shown = texts(fig)
    for number in range(1, len(ITEMS) + 1):
        assert shown.count(str(number)) >= 2  # on the point and in the key
    key = [t for t in shown if t[0].isalpha() and "(" in t]
    assert len(key) == len(ITEMS)
    first_heading = shown.index("Snelle winst", shown.index("Snelle winst") + 1)
    assert shown[first_heading + 2].startswith("Eén vast aanspreekpunt")


def test_coincident_points_are_all_visible():
    spec = {"type": "matrix", "lang": "nl", "scale": {"min": 1, "max": 5},
            "rows": [{"item": f"idee {k}", "impact": 5, "effort": 1} for k in range(7)]}
    fig = figure(spec)
    (points,) = [line for line in fig.axes[0].lines if line.get_marker() == "o"]
    xy = list(zip(points.get_xdata(), points.get_ydata(), strict=True))
    diameter = chart_choices.POINT_STYLE["markersize"] / 72 * 2.54
    for a, b in itertools.combinations(xy, 2):
        assert ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= diameter
    assert_no_text_overlaps(fig)


def test_assumption_map_axes_quadrant_labels_and_key():
    shown = texts(figure(assumptions()))
    for word in ["Belang", "Bewijs", "geen", "sterk", "Test eerst"]:
        assert word in shown
    assert shown.count("H1") == 2 and shown.count("H8") == 2  # beside the point, in the key
    assert "Ouders begrijpen" not in " ".join(shown)
    assert any(t.startswith("Eén vast aanspreekpunt") for t in shown)
    english = texts(figure(assumptions("en")))
    for word in ["Importance", "Evidence", "none", "strong", "Test first", "not yet tested"]:
        assert word in english


def marker_look(line):
    from matplotlib.colors import to_rgba

    return (line.get_marker(), round(line.get_markersize(), 3), to_rgba(line.get_markerfacecolor()),
            to_rgba(line.get_markeredgecolor()), round(line.get_markeredgewidth(), 3))


def legend_markers(fig):
    from matplotlib.lines import Line2D

    (legend,) = fig.legends
    return {marker_look(line) for line in legend.findobj(Line2D)
            if line.get_marker() not in ("None", "", None)}


def plotted_markers(fig):
    return {marker_look(line) for ax in fig.axes for line in ax.lines
            if line.get_marker() not in ("None", "", None)}


@pytest.mark.parametrize("spec", [forest(5), forest(20), assumptions()],
                         ids=["forest-labelled", "forest-big", "assumptions"])
def test_legend_markers_are_the_plotted_markers(spec):
    fig = figure(spec)
    plotted = plotted_markers(fig)
    assert len(plotted) >= 4
    assert legend_markers(fig) == plotted


def test_forest_legend_bars_are_the_plotted_bars():
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D

    fig = figure(forest(8))
    bars = {(to_rgba(c.get_color()[0], c.get_alpha()), c.get_linewidth()[0])
            for c in fig.axes[0].collections if isinstance(c, LineCollection)
            and c.get_linewidth()[0] == pytest.approx(3.2)}
    (legend,) = fig.legends
    shown = {(to_rgba(line.get_color(), line.get_alpha()), line.get_linewidth())
             for line in legend.findobj(Line2D) if line.get_linewidth() == pytest.approx(3.2)}
    assert len(bars) == 4 and shown == bars


def test_indicator_legend_markers_are_the_plotted_markers():
    spec = {"type": "indicator", "lang": "nl", "baseline": 250, "target": 200,
            "points": [{"period": "2021", "value": 250},
                       {"period": "2023-H1", "value": 208, "pro_rata": True}]}
    fig = figure(spec)
    assert legend_markers(fig) == plotted_markers(fig)
    assert len(plotted_markers(fig)) == 2


def assert_no_text_overlaps(fig):
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.canvas.get_width_height()
    boxes = []
    for text in fig.findobj(Text):
        if not (text.get_visible() and text.get_text().strip()):
            continue
        box = text.get_window_extent(renderer)
        assert box.x0 >= -0.5 and box.y0 >= -0.5, text.get_text()
        assert box.x1 <= width + 0.5 and box.y1 <= height + 0.5, text.get_text()
        boxes.append((text.get_text(), box.expanded(0.98, 0.98)))
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), (a, b)


LONG = "Een heel lang voorstel over samenwerken in de wijk " * 3


@pytest.mark.parametrize("spec", [
    votes(n=30, max_rows=20),
    {"type": "votes", "lang": "nl", "rows": [{"item": LONG, "votes": k} for k in range(18)]},
    matrix(n=14),
    {"type": "matrix", "lang": "en", "scale": {"min": 1, "max": 5},
     "rows": [{"item": LONG, "impact": 1 + k % 5, "effort": 5 - k % 3} for k in range(16)]},
    assumptions(n=16),
    {"type": "assumptions", "lang": "nl",
     "rows": [{"label": f"H{k}", "title": LONG, "importance": 4, "evidence": 0.1,
               "verdict": VERDICTS[k % 5]} for k in range(1, 14)]},
    forest(12),
    {"type": "distribution", "lang": "nl", "periods": ["2025-H1", "2025-H2"],
     "rows": [{"label": f"Antwoord {k}", "shares": [0.99 - k / 20, 1.0 - k / 20],
               "shown": [f"{99 - 5 * k}%", f"{100 - 5 * k}%"]} for k in range(12)]},
    {"type": "distribution", "lang": "en",
     "periods": ["2024-H1", "2024-H2", "2025-H1", "2025-H2"],
     "rows": [{"label": LONG if k % 2 else f"Answer {k}", "shares": [0.5, None, 0.51, 1.0],
               "shown": ["50%", "*", "51%", "100%"]} for k in range(10)]},
], ids=["votes-many", "votes-long", "matrix-many", "matrix-long", "assumptions-many",
        "assumptions-pile", "forest", "distribution-two-periods", "distribution-four-long"])
def test_many_rows_and_long_labels_never_overlap(spec):
    assert_no_text_overlaps(figure(spec))


def test_height_grows_with_rows_and_key_lines():
    for make in (votes, matrix, assumptions):
        assert size_cm(make(n=16))[1] > size_cm(make(n=3))[1], make.__name__
    short = {"type": "assumptions", "lang": "nl",
             "rows": [{"label": f"H{k}", "title": "kort", "importance": 3, "evidence": 0.5}
                      for k in range(6)]}
    long = {**short, "rows": [{**r, "title": LONG} for r in short["rows"]]}
    assert size_cm(long)[1] > size_cm(short)[1]


@pytest.mark.parametrize("spec", [
    {"type": "votes", "lang": "nl", "rows": []},
    {"type": "votes", "lang": "nl"},
    {"type": "votes", "rows": [{"item": "a", "votes": float("nan")}, {"item": "b"}]},
    {"type": "matrix", "rows": [{"item": "a", "impact": float("inf"), "effort": 2}]},
    {"type": "matrix", "rows": [{"item": "a", "impact": 9, "effort": 2}]},
    {"type": "assumptions", "rows": []},
    {"type": "assumptions", "rows": [{"label": "H1", "importance": "veel", "evidence": 0.1}]},
])
def test_nothing_to_draw_is_a_clear_value_error(spec):
    with pytest.raises(EmptyChart, match="chart"):
        render_png(spec)
    assert issubclass(EmptyChart, ValueError)


def test_invalid_and_huge_values_are_left_out_and_counted():
    spec = votes()
    spec["rows"] += [{"item": "nan", "votes": float("nan")}, {"item": "huge", "votes": 1e300},
                     {"item": "minus", "votes": -2}]
    shown = texts(figure(spec))
    assert "3 zonder geldige waarde niet getoond" in shown
    assert "huge" not in shown and "nan" not in shown
    m = matrix("en")
    m["rows"].append({"item": "broken", "impact": float("nan"), "effort": 1e308})
    assert "1 without a valid value not shown" in texts(figure(m))
    a = assumptions()
    a["rows"].append({"label": "HX", "title": "x", "importance": 1e308, "evidence": 0.5})
    shown = texts(figure(a))
    assert "1 zonder geldige waarde niet getoond" in shown and "HX" not in shown


def test_wrap_keeps_lines_short_and_marks_what_was_left_out():
    assert chart_layout.wrap("kort") == ["kort"]
    lines = chart_layout.wrap(LONG)
    assert len(lines) == 2 and all(len(line) <= 40 for line in lines)
    assert lines[-1].endswith("…")
    narrow = chart_layout.wrap("W" * 30 + " " + "M" * 30, 40, 3, room_cm=3.0)
    assert all(chart_layout.text_cm(line) <= 3.0 for line in narrow)


def test_colours_are_accessible_against_white():
    def luminance(hex_colour):
        from matplotlib.colors import to_rgb

        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                    for c in to_rgb(hex_colour)]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    def contrast(colour):
        return 1.05 / (luminance(colour) + 0.05)

    graphical = [*charts.COLOURS.values(), chart_choices.BAR, charts.TARGET, chart_layout.MIDLINE]
    assert min(contrast(c) for c in graphical) >= 3.0
    words = [charts.INK, chart_layout.GREY, chart_choices.QUICK_WIN_INK,
             chart_map.TEST_FIRST_INK]
    assert min(contrast(c) for c in words) >= 4.5


def test_the_chart_worker_draws_the_new_kinds_and_survives_an_empty_one():
    pool = charts.ChartPool(1)
    specs = {"v": votes(), "empty": {"type": "votes", "rows": []}, "m": matrix(),
             "a": assumptions()}
    try:
        futures = pool.start(specs)
        assert futures["v"].result(timeout=120) == render_png(specs["v"])
        with pytest.raises(ValueError):
            futures["empty"].result(timeout=120)
        assert futures["m"].result(timeout=120) == render_png(specs["m"])
        assert futures["a"].result(timeout=120) == render_png(specs["a"])
    finally:
        pool.close()


def test_the_new_kinds_go_into_a_word_document_at_their_size():
    import datetime as dt
    import io
    import zipfile

    from sprintkit.render import markup as mk
    from sprintkit.render.document import Images, build

    specs = {"v": votes(), "m": matrix(), "a": assumptions()}
    document = mk.Document([mk.Image("chart", ref) for ref in specs])
    out = build(document, "docx", Images(specs, []), lang="nl",
                created=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    assert out.images == 3
    with zipfile.ZipFile(io.BytesIO(out.data)) as docx:
        media = sorted(n for n in docx.namelist() if n.startswith("word/media/"))
        body = docx.read("word/document.xml").decode("utf-8")
        drawn = sorted(docx.read(n) for n in media)
    assert drawn == sorted(render_png(s) for s in specs.values())
    extents = re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', body)
    assert len(extents) == 3
    for spec, (cx, cy) in zip(specs.values(), extents, strict=True):
        width, height = size_cm(spec)  # each picture keeps its chart's proportions
        assert int(cy) / int(cx) == pytest.approx(height / width, rel=1e-3)


def test_a_long_matrix_key_moves_below_the_plot_in_two_columns():
    from matplotlib.text import Text

    short, long = chart_choices._matrix_layout(matrix()), chart_choices._matrix_layout(
        matrix(n=15))
    assert short.beside and not long.beside
    assert {x for x, *_ in long.key} == {0.0, chart_choices.KEY_COLUMN}
    fig = figure(matrix(n=15))
    heights = [t.get_position()[1] for t in fig.findobj(Text) if t.get_text() == "Grote klus"]
    label = next(t for t in fig.findobj(Text) if t.get_text() == "Inspanning")
    assert len(heights) == 2 and min(heights) < label.get_position()[1] < max(heights)


@pytest.mark.parametrize("make", [votes, matrix, assumptions])
def test_hostile_text_is_measured_and_drawn_without_a_warning(make):
    spec = make(n=2)
    for row in spec["rows"]:
        row["item" if "item" in row else "title"] = "Samen 🎉 vieren\x07 met 中文 " + LONG
    size_cm(spec)
    assert render_png(spec).startswith(b"\x89PNG")
