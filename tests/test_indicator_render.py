"""Indicators in the plan and the report: the Flevoland acceleration outcomes as tables and
charts, counts over a half-year pro rata against a yearly baseline, rates in percent, and
nothing drawn that cannot be compared."""

from __future__ import annotations

import pytest
from test_render_support import comments, render_bytes

from sprintkit.model.sprint import Sprint
from sprintkit.render.charts import render_png
from sprintkit.render.context import build_context
from sprintkit.render.dump import dump_docx

FLEVOLAND = {
    "id": "flevoland", "title": "Versnellingsaanpak Flevoland", "method": "acceleration",
    "language": "nl",
    "team": [{"name": "Femke Veldhuis", "role": "lead"},
             {"name": "Mirjam Kok", "role": "team-coach"}],
    "indicators": [
        {"id": "uhp", "name": "Uithuisplaatsingen in de regio", "unit": "kinderen per jaar",
         "direction": "decrease", "kind": "count", "baseline": 250, "baseline_period": "2021",
         "target": 200, "target_period": "2024", "frequency": "per halfjaar",
         "source": "regionale monitor jeugdzorg",
         "measurements": [{"period": "2023-H1", "value": 104},
                          {"period": "2022", "value": 231}]},
        {"id": "thuis", "name": "Kinderen thuis gebleven of teruggegaan",
         "unit": "% van de kinderen waar het team meedacht", "direction": "increase",
         "target": 40, "target_period": "2023",
         "measurements": [{"period": "2022", "numerator": 65, "denominator": 200},
                          {"period": "2023", "numerator": 65, "denominator": 250,
                           "denominator_period": "2021"}]},
    ],
}


@pytest.fixture
def sprint():
    return Sprint.model_validate(FLEVOLAND)


def test_context_compares_pro_rata_and_in_percent(sprint):
    ctx = build_context([sprint], methods=[None])
    uhp, thuis = ctx["sprint"]["indicators"]
    assert [m["period"] for m in uhp["measurements"]] == ["2022", "2023-H1"]  # period order
    latest = uhp["latest"]
    assert latest["period"] == "2023-H1" and latest["pro_rata"] and latest["baseline_used"] == 125
    assert latest["trend_text"] == ("beter · −21 (−16,8%) · 84% van de weg naar de "
                                    "streefwaarde")
    assert any("pro rata genomen als 125 en 100" in n for n in uhp["notes"])
    assert uhp["baseline_text"] == "250" and uhp["kind_label"] == "aantal"
    chart = ctx["charts"][uhp["chart"]]
    assert chart["per"] == "year" and chart["baseline"] == 250 and chart["target"] == 200
    assert [(p["period"], p["value"], p["pro_rata"]) for p in chart["points"]] == [
        ("2022", 231, False), ("2023-H1", 208, True)]
    # the rate: 65 of 200 in percent; 65 (2023) of 250 (2021) is refused and not drawn
    assert thuis["kind"] == "rate" and thuis["target_text"] == "40%"
    assert thuis["measurements"][0]["value_text"] == "32,5% (65/200)"
    assert thuis["latest"]["value"] is None and thuis["left_out"] == ["2023"]
    assert "65 (2023) van 250 (2021) is geen percentage" in thuis["latest"]["problem"]
    assert thuis["latest"]["problem"] in thuis["notes"]
    rate_chart = ctx["charts"][thuis["chart"]]
    assert rate_chart["percent"] is True and rate_chart["target"] == 40
    assert [p["period"] for p in rate_chart["points"]] == ["2022"]


def test_team_roles_get_the_method_names(sprint):
    from sprintkit.files.library import get_method

    method = get_method("acceleration").model
    ctx = build_context([sprint], methods=[method])
    assert [m["role_label"] for m in ctx["sprint"]["team"]] == ["Onafhankelijk aanvoerder",
                                                                 "Teamcoach"]


def test_charts_draw(sprint):
    ctx = build_context([sprint], methods=[None])
    for spec in ctx["charts"].values():
        if spec["type"] == "indicator":
            png = render_png(spec)
            assert png.startswith(b"\x89PNG") and len(png) > 5000


@pytest.mark.parametrize(("template", "lang", "heading", "last"), [
    ("plan", "nl", "Indicatoren", "T.o.v. nulmeting"),
    ("report", "nl", "Uitkomsten", "T.o.v. nulmeting"),
    ("report", "en", "Outcomes", "Against the baseline"),
])
def test_documents_have_the_table_notes_and_charts(sprint, template, lang, heading, last):
    draft = render_bytes(template, sprint, lang=lang, draft=True).data  # notes as comments
    body = dump_docx(draft)["body"]
    texts = [b.get("text", "") for b in body]
    assert heading in texts
    table = next(b for b in body if "table" in b and b["rows"][0][-1] == last)
    uhp, thuis = table["rows"][1], table["rows"][2]
    assert uhp[1] == "250\n2021" and uhp[3] == "104\n2023-H1"
    if lang == "nl":
        assert uhp[4] == "beter · −21 (−16,8%) · 84% van de weg naar de streefwaarde"
        assert thuis[4] == "niet vergeleken (zie toelichting)"
    notes = [text for text, _ in comments(draft)]
    assert any("pro rata" in n and "125" in n for n in notes)
    assert any("250 (2021)" in n and ("geen percentage" in n or "not a rate" in n)
               for n in notes)
    captions = [b["text"] for b in body if b.get("p") == "Caption"]
    assert any(c.startswith("Uithuisplaatsingen in de regio:") for c in captions)
    assert any("2023" in c and ("niet getekend" in c or "not drawn" in c) for c in captions)
